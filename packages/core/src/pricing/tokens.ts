import type * as GenaiPrices from "@pydantic/genai-prices";
import { InputError } from "../errors";

/** Token prices in USD per million tokens, and where they came from. */
export interface TokenPrices {
  readonly inputUsdPerMillionTokens: number;
  readonly outputUsdPerMillionTokens: number;
  /** Input tokens read from the prompt cache, when the model lists a cache-read price (asked for with `cache`). */
  readonly cachedInputUsdPerMillionTokens?: number;
  /** Reasoning tokens: the model's reasoning price, else its output price (asked for with `reasoning`). */
  readonly reasoningUsdPerMillionTokens?: number;
  /** The provider and model ids @pydantic/genai-prices matched (e.g. openai / gpt-4o). */
  readonly provider: string;
  readonly model: string;
  readonly source: string;
}

export interface TokenPriceQuery {
  readonly provider: string;
  readonly model: string;
  /**
   * A typical request's size. Some providers price long prompts at a higher tier (Anthropic and
   * Google above 200K input tokens); pricing one representative request picks the right tier,
   * where pricing a million tokens in one go would pick the long-context tier. Default 1,000 / 1,000.
   */
  readonly inputTokensPerRequest?: number;
  readonly outputTokensPerRequest?: number;
  /** Price date for providers whose prices changed over time; default now. */
  readonly at?: Date;
  /** Also find the cache-read price (cachedInputUsdPerMillionTokens). */
  readonly cache?: boolean;
  /** Also find the reasoning-token price (reasoningUsdPerMillionTokens). */
  readonly reasoning?: boolean;
}

let lib: typeof GenaiPrices | undefined;
/** Loaded on first use: the bundled price data is ~0.5 MB and most commands never need it. */
function genai(): typeof GenaiPrices {
  lib ??= require("@pydantic/genai-prices") as typeof GenaiPrices;
  return lib;
}

/** 12 significant digits: removes the float noise of price x tokens / tokens. */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * Price per million input and output tokens of {provider, model} from @pydantic/genai-prices
 * (bundled data, offline), or undefined if it has no price for the pair.
 */
export function findTokenPrices(query: TokenPriceQuery): TokenPrices | undefined {
  const inTok = Math.max(1, Math.round(query.inputTokensPerRequest ?? 1_000));
  const outTok = Math.max(1, Math.round(query.outputTokensPerRequest ?? 1_000));
  let result: GenaiPrices.PriceCalculationResult;
  try {
    result = genai().calcPrice({ input_tokens: inTok, output_tokens: outTok }, query.model, {
      providerId: query.provider,
      ...(query.at ? { timestamp: query.at } : {}),
    });
  } catch {
    return undefined;
  }
  if (!result) return undefined;
  const options = { providerId: query.provider, ...(query.at ? { timestamp: query.at } : {}) };
  // Cached input is part of the input (genai-prices counts cache_read_tokens among input_tokens):
  // every input token read from the cache gives the cache-read rate, when the model lists one.
  const hasCacheRate = result.model_price.cache_read_mtok !== undefined;
  const cached = query.cache && hasCacheRate ? genai().calcPrice({ input_tokens: inTok, cache_read_tokens: inTok, output_tokens: outTok }, query.model, options) : undefined;
  // Reasoning tokens are output tokens; a model with a reasoning price bills them at it.
  const reasoning = query.reasoning ? genai().calcPrice({ input_tokens: inTok, output_tokens: outTok, output_reasoning_tokens: outTok }, query.model, options) : undefined;
  return {
    inputUsdPerMillionTokens: clean((result.input_price / inTok) * 1e6),
    outputUsdPerMillionTokens: clean((result.output_price / outTok) * 1e6),
    ...(cached ? { cachedInputUsdPerMillionTokens: clean((cached.input_price / inTok) * 1e6) } : {}),
    ...(reasoning ? { reasoningUsdPerMillionTokens: clean((reasoning.output_price / outTok) * 1e6) } : {}),
    provider: result.provider.id,
    model: result.model.id,
    source: "@pydantic/genai-prices (bundled data)",
  };
}

/**
 * Like findTokenPrices, but an unknown pair is an InputError naming the field (`buy.model` by
 * default) and the overrides that would make the lookup unnecessary.
 */
export function tokenPrices(query: TokenPriceQuery, field = "buy"): TokenPrices {
  const found = findTokenPrices(query);
  if (found) return found;
  throw new InputError(
    `${field}.model: no price for ${JSON.stringify(query.model)} on provider ${JSON.stringify(query.provider)} in @pydantic/genai-prices; ` +
      `give ${field}.inputUsdPerMillionTokens and ${field}.outputUsdPerMillionTokens`,
  );
}
