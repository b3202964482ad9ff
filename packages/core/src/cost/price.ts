import { closest } from "../pricing/catalog";
import { enUsDecimal } from "../text";
import { findTokenPrices, type TokenPrices } from "../pricing/tokens";
import type { CatalogEntry } from "../schema/catalog";
import { DAYS_PER_MONTH, HOURS_PER_MONTH } from "../tco/defaults";
import { isUnknown } from "./graph";
import { Unpriced, type PricingContext } from "./module";
import { noWorkloadNote } from "./to-count";
import type { CostComponent } from "./types";

/** Hours in an average month (8,760 / 12): an always-on instance. */
export const HOURS = HOURS_PER_MONTH;
export const DAYS = DAYS_PER_MONTH;

/** A number input: numbers, numeric strings (GCP's replicaCount is a string), else the fallback. */
export function num(v: unknown, field: string, fallback?: number): number {
  if (isUnknown(v)) throw new Unpriced(`${field} is not known until deploy`);
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  if ((v === undefined || v === null) && fallback !== undefined) return fallback;
  throw new Unpriced(`${field}: expected a number, got ${v === undefined ? "nothing" : JSON.stringify(v)}`);
}

/** A string input, or the fallback when absent. */
export function str(v: unknown, field: string, fallback?: string): string {
  if (isUnknown(v)) throw new Unpriced(`${field} is not known until deploy`);
  if (typeof v === "string" && v !== "") return v;
  if ((v === undefined || v === null || v === "") && fallback !== undefined) return fallback;
  throw new Unpriced(`${field}: expected a string, got ${v === undefined ? "nothing" : JSON.stringify(v)}`);
}

export function optStr(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" && !isUnknown(v) ? v : undefined;
}

/**
 * The catalog entry of a SKU (Azure sizes match case-insensitively). An unknown SKU is Unpriced,
 * naming the field and the closest catalog SKUs of the cloud.
 */
export function catalogEntry(ctx: PricingContext, sku: string, field: string): CatalogEntry {
  const exact = ctx.catalog.find(sku);
  const entry = exact ?? ctx.catalog.entries.find((e) => e.sku.toLowerCase() === sku.toLowerCase());
  if (entry && (!ctx.cloud || entry.cloud === ctx.cloud)) return entry;
  const near = ctx.graph.memo(`closest-skus ${ctx.cloud ?? ""} ${sku}`, () => {
    const pool = ctx.catalog.entries.filter((e) => !ctx.cloud || e.cloud === ctx.cloud).map((e) => e.sku);
    return closest(sku, pool, 3);
  });
  throw new Unpriced(
    `${field} ${JSON.stringify(sku)} has no price in the compute catalog${near.length ? ` (closest: ${near.join(", ")})` : ""}`,
  );
}

export function sourceOf(e: CatalogEntry): string {
  return `catalog ${e.sku} (${e.cloud} ${e.region}, ${e.asOf})`;
}

/** Notes when the resource's region is not the one the price is quoted for, or not offered. */
export function regionNotes(ctx: PricingContext, e: CatalogEntry): string[] {
  const r = ctx.region;
  if (!r) return [];
  if (!e.regions.includes(r)) return [`${e.sku} is not offered in ${r} according to the catalog; priced at the ${e.region} list price`];
  if (r !== e.region) return [`${e.sku} priced at its ${e.region} list price (the catalog quotes one region)`];
  return [];
}

function round(x: number): number {
  return Number(x.toPrecision(12));
}

/** A fixed monthly line: quantity units a month at the entry's price. */
export function monthly(e: CatalogEntry, name: string, quantity: number, extra: Partial<CostComponent> = {}): CostComponent {
  return {
    name,
    unit: e.unit,
    kind: "fixed",
    monthlyQuantity: round(quantity),
    unitPriceUsd: e.usd,
    monthlyUsd: round(quantity * e.usd),
    priceSource: sourceOf(e),
    ...extra,
  };
}

/**
 * What autoscaling could add on top of the running fleet: nothing this month, `extra` instances
 * all month as the ceiling (AWS Application Auto Scaling and Azure autoscale settings alike).
 */
export function headroomCeiling(e: CatalogEntry, name: string, extra: number): CostComponent {
  return monthly(e, name, 0, { ceilingMonthlyQuantity: extra * HOURS, ceilingMonthlyUsd: Number((extra * HOURS * e.usd).toPrecision(12)) });
}

/** Usage priced per unit from the catalog (GB ingested, GB-months, GB-seconds). */
export function usage(e: CatalogEntry, name: string, quantity: number): CostComponent {
  return { ...monthly(e, name, quantity), kind: "usage" };
}

/** A one-off line (a training job, a tuning run). */
export function oneOff(e: CatalogEntry, name: string, quantity: number): CostComponent {
  return {
    name,
    unit: e.unit,
    kind: "one-off",
    monthlyQuantity: 0,
    unitPriceUsd: e.usd,
    monthlyUsd: 0,
    oneOffQuantity: round(quantity),
    oneOffUsd: round(quantity * e.usd),
    priceSource: sourceOf(e),
  };
}

/**
 * Always-on instances: SKU price per hour x count x 730 h. With a maximum count above the count,
 * the component carries the ceiling (autoscaling at its maximum).
 */
export function instances(ctx: PricingContext, sku: string, field: string, count: number, maxCount?: number): { component: CostComponent; notes: string[] } {
  const e = catalogEntry(ctx, sku, field);
  if (e.unit !== "hour" && e.unit !== "chip-hour") throw new Unpriced(`${field} ${sku} is priced per ${e.unit}, not per hour`);
  const ceiling = maxCount !== undefined && maxCount > count ? { ceilingMonthlyQuantity: round(maxCount * HOURS), ceilingMonthlyUsd: round(maxCount * HOURS * e.usd) } : {};
  const label = `${e.sku} x ${count}${maxCount !== undefined && maxCount > count ? ` (up to ${maxCount})` : ""}`;
  return { component: monthly(e, label, count * HOURS, ceiling), notes: regionNotes(ctx, e) };
}

/** A one-off run on instances: SKU price per hour x count x hours. */
export function instanceRun(ctx: PricingContext, sku: string, field: string, count: number, hours: number, what: string): { component: CostComponent; notes: string[] } {
  const e = catalogEntry(ctx, sku, field);
  if (e.unit !== "hour" && e.unit !== "chip-hour") throw new Unpriced(`${field} ${sku} is priced per ${e.unit}, not per hour`);
  return { component: oneOff(e, `${what}: ${e.sku} x ${count} x ${fmt(hours)} h`, count * hours), notes: regionNotes(ctx, e) };
}

/** `x` with up to two decimals, as en-US formats it (without starting ICU: enUsDecimal). */
export function fmt(x: number): string {
  return enUsDecimal(x, 0, 2);
}

/** Token prices of a model on a provider from @pydantic/genai-prices, sized at the workload's request. */
export function tokenPricesFor(ctx: PricingContext, provider: string, model: string): TokenPrices | undefined {
  const query = {
    provider,
    model,
    inputTokensPerRequest: ctx.usage.inputTokensPerRequest || 1_000,
    outputTokensPerRequest: ctx.usage.outputTokensPerRequest || 1_000,
    cache: ctx.usage.cachedInputShare > 0,
    reasoning: ctx.usage.reasoningTokensPerRequest > 0,
    ...(ctx.pricesAt ? { at: ctx.pricesAt } : {}),
  };
  return ctx.graph.memo(`token-prices ${JSON.stringify(query)}`, () => findTokenPrices(query));
}

/**
 * The workload's tokens through a model: input and output tokens per month (this resource's
 * share of the traffic) at the model's prices. An unknown model is Unpriced, never zero.
 */
export function tokenComponents(ctx: PricingContext, provider: string, model: string, label = model): { components: CostComponent[]; notes: string[]; prices: TokenPrices } {
  const prices = tokenPricesFor(ctx, provider, model);
  if (!prices) throw new Unpriced(`no token price for ${JSON.stringify(model)} on provider ${JSON.stringify(provider)} in @pydantic/genai-prices`);
  const u = ctx.usage;
  const requests = u.requestsPerMonth * ctx.trafficShare;
  const source = `${prices.source}: ${prices.provider} ${prices.model}`;
  const line = (dir: "input" | "cached input" | "output" | "reasoning", perRequest: number, usdPerM: number): CostComponent => {
    const q = round((requests * perRequest) / 1e6);
    return { name: `${label} ${dir} tokens`, unit: "1M tokens", kind: "usage", monthlyQuantity: q, unitPriceUsd: usdPerM, monthlyUsd: round(q * usdPerM), priceSource: source };
  };
  const notes: string[] = [];
  const share = u.cachedInputShare;
  const components = [line("input", u.inputTokensPerRequest * (1 - share), prices.inputUsdPerMillionTokens)];
  if (share > 0) {
    const rate = prices.cachedInputUsdPerMillionTokens;
    components.push(line("cached input", u.inputTokensPerRequest * share, rate ?? prices.inputUsdPerMillionTokens));
    notes.push(
      rate === undefined
        ? `${fmt(share * 100)}% of the input from the prompt cache (aitracks:workload.workload.cachedInputShare), but @pydantic/genai-prices lists no cache-read price for ${prices.model}: priced at the input price`
        : `${fmt(share * 100)}% of the input from the prompt cache at the cache-read price (aitracks:workload.workload.cachedInputShare)`,
    );
  }
  components.push(line("output", u.outputTokensPerRequest, prices.outputUsdPerMillionTokens));
  if (u.reasoningTokensPerRequest > 0) {
    components.push(line("reasoning", u.reasoningTokensPerRequest, prices.reasoningUsdPerMillionTokens ?? prices.outputUsdPerMillionTokens));
    notes.push(`${fmt(u.reasoningTokensPerRequest)} reasoning tokens a request, billed as output (aitracks:workload.workload.reasoningTokensPerRequest)`);
  }
  if (!u.given) notes.push(noWorkloadNote("token volume"));
  else if (ctx.trafficShare === 0) notes.push("fallback model: no traffic assumed (the primary serves the workload)");
  else if (ctx.trafficShare < 1) notes.push(`serves ${fmt(ctx.trafficShare * 100)}% of the workload (traffic split evenly across the tracks that serve it)`);
  return { components, notes, prices };
}

/** A training-tokens line: examples x tokens per example x epochs, one-off. */
export function trainingTokens(ctx: PricingContext, sku: string, epochs: number | undefined, what: string): { component: CostComponent; notes: string[] } {
  const e = catalogEntry(ctx, sku, "training price");
  const ft = ctx.usage.fineTune;
  const ep = epochs ?? ft.epochs;
  const millions = (ft.examples * ft.tokensPerExample * ep) / 1e6;
  const notes = [`${fmt(ft.examples)} examples x ${fmt(ft.tokensPerExample)} tokens x ${fmt(ep)} epochs${ctx.usage.workload?.fineTune?.labeledExamples === undefined ? " (examples: the TCO model's default; set aitracks:workload.fineTune.labeledExamples)" : ""}`];
  return { component: oneOff(e, `${what}: ${fmt(millions)}M training tokens`, millions), notes };
}

/** One-off tokens through a model (an evaluation run): input and output lines at the model's prices. */
export function oneOffTokenComponents(ctx: PricingContext, provider: string, model: string, inputTokens: number, outputTokens: number, label: string): CostComponent[] {
  const prices = tokenPricesFor(ctx, provider, model);
  if (!prices) throw new Unpriced(`no token price for ${JSON.stringify(model)} on provider ${JSON.stringify(provider)} in @pydantic/genai-prices`);
  const source = `${prices.source}: ${prices.provider} ${prices.model}`;
  const line = (dir: string, tokens: number, usdPerM: number): CostComponent => {
    const q = round(tokens / 1e6);
    return { name: `${label} ${dir} tokens`, unit: "1M tokens", kind: "one-off", monthlyQuantity: 0, unitPriceUsd: usdPerM, monthlyUsd: 0, oneOffQuantity: q, oneOffUsd: round(q * usdPerM), priceSource: source };
  };
  return [line("input", inputTokens, prices.inputUsdPerMillionTokens), line("output", outputTokens, prices.outputUsdPerMillionTokens)];
}
