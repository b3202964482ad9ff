import { InputError } from "../errors";
import { loadCatalog, type PriceCatalog } from "../pricing/catalog";
import { tokenPrices, type TokenPrices } from "../pricing/tokens";
import { isRange, pointOf, type Uncertain } from "../schema/uncertain";
import type { CatalogEntry } from "../schema/catalog";
import type { InferenceSettings, WorkloadFile } from "../schema/workload";
import { DAYS_PER_MONTH, DEFAULTS, HOURS_PER_MONTH, RELABEL_FRACTION, defaultNumber, type DefaultField } from "./defaults";
import { pretrainingEstimate, type PretrainingEstimate } from "./options/build";
import { emptyParams, type ParamKey, type TcoParams } from "./params";
import { enUsDecimal, enUsNumber } from "../text";

export const TCO_OPTIONS = ["buy", "fine-tune", "build"] as const;
export type OptionId = (typeof TCO_OPTIONS)[number];

/** A parameter given (or defaulted) as a range: drawn triangular(low, mode, high) per sample. */
export interface UncertainParam {
  readonly key: ParamKey;
  readonly field: string;
  readonly low: number;
  readonly mode: number;
  readonly high: number;
}

/** One line of the report's assumptions: a default used, or a figure derived from prices. */
export interface Assumption {
  readonly field: string;
  readonly value: Uncertain | string | boolean;
  readonly note: string;
  /** default: the file did not set it; derived: looked up or computed from the inputs. */
  readonly kind: "default" | "derived";
}

/** Everything the projections need, resolved once: point values, ranges, assumptions. */
export interface TcoModel {
  readonly horizonMonths: number;
  readonly options: readonly OptionId[];
  /** Every range at `likely`, else its midpoint. */
  readonly point: Readonly<TcoParams>;
  /** The ranges, in a fixed order (Monte Carlo draws them in this order). */
  readonly uncertain: readonly UncertainParam[];
  readonly assumptions: readonly Assumption[];
  readonly buyPrices: TokenPrices | undefined;
  /** Build's pretraining compute at point values. */
  readonly pretraining: PretrainingEstimate;
}

export interface ResolveOptions {
  readonly catalog?: PriceCatalog;
  /** Overrides the file's horizonMonths (the CLI's --horizon). */
  readonly horizonMonths?: number;
  /** Date of the token prices; default now. */
  readonly pricesAt?: Date;
  /**
   * Where token prices come from; default @pydantic/genai-prices (tokenPrices). The explore page
   * passes the prices Node looked up, so the browser bundle carries no price data.
   */
  readonly tokenPrices?: typeof tokenPrices;
}

const usd = (x: number) => `$${enUsDecimal(x, x < 1_000 && x % 1 !== 0 ? 2 : 0, x < 10 ? 4 : x < 1_000 ? 2 : 0)}`;

/**
 * Resolve a validated workload file into a TcoModel: apply every default (recording it as an
 * assumption), look token prices up in @pydantic/genai-prices and instance prices in the compute
 * catalog. Problems are collected and thrown as one InputError, one line per field.
 */
export function resolveTco(file: WorkloadFile, options: ResolveOptions = {}): TcoModel {
  const errors: string[] = [];
  const assumptions: Assumption[] = [];
  const lookUpTokenPrices = options.tokenPrices ?? tokenPrices;
  const uncertain: UncertainParam[] = [];
  const p = emptyParams();
  let catalog: PriceCatalog | undefined;
  const cat = (): PriceCatalog => (catalog ??= options.catalog ?? loadCatalog());

  const attempt = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (err) {
      if (err instanceof InputError) {
        errors.push(...err.lines);
        return undefined;
      }
      throw err;
    }
  };

  const assumeDefault = (field: DefaultField) => {
    const d = DEFAULTS[field];
    assumptions.push({ field, value: d.value, note: d.why, kind: "default" });
  };

  /** Set p[key] from the file's value, or the default (recorded as an assumption). */
  const num = (key: ParamKey, field: string, given: Uncertain | undefined, fallback?: DefaultField | Uncertain) => {
    let v = given;
    if (v === undefined) {
      if (fallback === undefined) throw new Error(`no default for ${field}`);
      if (typeof fallback === "string") {
        v = defaultNumber(fallback);
        assumeDefault(fallback);
      } else v = fallback;
    }
    p[key] = pointOf(v);
    if (isRange(v) && v.high > v.low) uncertain.push({ key, field, low: v.low, mode: pointOf(v), high: v.high });
  };

  const hourly = (field: string, sku: string): CatalogEntry | undefined =>
    attempt(() => {
      const e = cat().get(sku, field);
      if (e.unit !== "hour" && e.unit !== "chip-hour") {
        throw new InputError(`${field}: ${sku} is priced per ${e.unit}; expected an instance priced per hour`);
      }
      return e;
    });

  const horizonMonths = options.horizonMonths ?? file.horizonMonths;
  assumptions.push({ field: "horizonMonths", value: horizonMonths, note: DEFAULTS.horizonMonths.why, kind: horizonMonths === 36 ? "default" : "derived" });

  // Workload
  const w = file.workload;
  num("requestsPerDay", "workload.requestsPerDay", w.requestsPerDay);
  num("inputTokensPerRequest", "workload.inputTokensPerRequest", w.inputTokensPerRequest);
  num("outputTokensPerRequest", "workload.outputTokensPerRequest", w.outputTokensPerRequest);
  num("monthlyGrowth", "workload.monthlyGrowth", w.monthlyGrowth, "workload.monthlyGrowth");
  num("peakToAverage", "workload.peakToAverage", w.peakToAverage, "workload.peakToAverage");
  num("cachedInputShare", "workload.cachedInputShare", w.cachedInputShare, 0);
  num("reasoningTokensPerRequest", "workload.reasoningTokensPerRequest", w.reasoningTokensPerRequest, 0);
  p.bridgeWithApi = file.bridgeWithApi ? 1 : 0;
  assumptions.push({
    field: "bridgeWithApi",
    value: file.bridgeWithApi,
    note: file.bridgeWithApi
      ? DEFAULTS.bridgeWithApi.why
      : "set false: traffic before a fine-tuned or built model launches is not served (and not paid for)",
    kind: file.bridgeWithApi ? "default" : "derived",
  });

  // Team
  num("developers", "team.developers", file.team.developers, "team.developers");
  num("developerAnnualUsd", "team.developerAnnualUsd", file.team.developerAnnualUsd, "team.developerAnnualUsd");
  num("mlEngineerAnnualUsd", "team.mlEngineerAnnualUsd", file.team.mlEngineerAnnualUsd, "team.mlEngineerAnnualUsd");

  // Buy: token prices from the file, else @pydantic/genai-prices for a typical request.
  const buy = file.buy;
  let buyPrices: TokenPrices | undefined;
  if (buy.inputUsdPerMillionTokens === undefined || buy.outputUsdPerMillionTokens === undefined) {
    buyPrices = attempt(() =>
      lookUpTokenPrices(
        {
          provider: buy.provider,
          model: buy.model,
          inputTokensPerRequest: p.inputTokensPerRequest,
          outputTokensPerRequest: p.outputTokensPerRequest,
          cache: p.cachedInputShare > 0,
          reasoning: p.reasoningTokensPerRequest > 0,
          ...(options.pricesAt ? { at: options.pricesAt } : {}),
        },
        "buy",
      ),
    );
    if (buyPrices) {
      assumptions.push({
        field: "buy.inputUsdPerMillionTokens / buy.outputUsdPerMillionTokens",
        value: `${usd(buyPrices.inputUsdPerMillionTokens)} / ${usd(buyPrices.outputUsdPerMillionTokens)} per million tokens`,
        note: `${buyPrices.provider} ${buyPrices.model} from ${buyPrices.source}`,
        kind: "derived",
      });
    }
  }
  num("buyInputUsdPerM", "buy.inputUsdPerMillionTokens", buy.inputUsdPerMillionTokens, buyPrices?.inputUsdPerMillionTokens ?? 0);
  num("buyOutputUsdPerM", "buy.outputUsdPerMillionTokens", buy.outputUsdPerMillionTokens, buyPrices?.outputUsdPerMillionTokens ?? 0);
  cacheAndReasoning("buy", buyPrices, "buyInputUsdPerM", "buyCachedInputUsdPerM", "buyOutputUsdPerM", "buyReasoningUsdPerM");
  num("buyMonitoringUsdPerMonth", "buy.monitoringUsdPerMonth", buy.monitoringUsdPerMonth, "buy.monitoringUsdPerMonth");

  // Fine-tune
  const ft = file.fineTune;
  num("ftExamples", "fineTune.labeledExamples", ft.labeledExamples, "fineTune.labeledExamples");
  num("ftLabelingUsdPerExample", "fineTune.labelingUsdPerExample", ft.labelingUsdPerExample, "fineTune.labelingUsdPerExample");
  const training = ft.training;
  if (training?.method === undefined) assumeDefault("fineTune.training.method");
  if (training?.method === "hosted") {
    p.ftTrainHosted = 1;
    num("ftTokensPerExample", "fineTune.tokensPerExample", ft.tokensPerExample, "fineTune.tokensPerExample");
    num("ftEpochs", "fineTune.epochs", ft.epochs, "fineTune.epochs");
    if (training.usdPerMillionTrainingTokens === undefined) {
      const sku = DEFAULTS["fineTune.training.usdPerMillionTrainingTokens"].value;
      const e = attempt(() => cat().get(sku, "fineTune.training.usdPerMillionTrainingTokens"));
      if (e) {
        assumptions.push({
          field: "fineTune.training.usdPerMillionTrainingTokens",
          value: e.usd,
          note: `catalog ${e.sku} (${e.cloud}, ${e.region}, as of ${e.asOf})`,
          kind: "default",
        });
      }
      num("ftUsdPerMTrainingTokens", "fineTune.training.usdPerMillionTrainingTokens", undefined, e?.usd ?? 0);
    } else {
      num("ftUsdPerMTrainingTokens", "fineTune.training.usdPerMillionTrainingTokens", training.usdPerMillionTrainingTokens);
    }
  } else {
    const sku = training?.instance ?? DEFAULTS["fineTune.training.instance"].value;
    if (training?.instance === undefined) assumeDefault("fineTune.training.instance");
    const e = hourly("fineTune.training.instance", sku);
    if (e) p.ftTrainUsdPerHour = e.usd;
    num("ftTrainInstanceCount", "fineTune.training.instanceCount", training?.instanceCount, "fineTune.training.instanceCount");
    num("ftTrainHours", "fineTune.training.hours", training?.hours, "fineTune.training.hours");
    if (e) {
      assumptions.push({
        field: "fineTune training compute",
        value: `${usd(e.usd * p.ftTrainInstanceCount * p.ftTrainHours)} a run`,
        note: `${p.ftTrainInstanceCount} x ${e.sku} at ${usd(e.usd)}/h x ${enUsNumber(p.ftTrainHours)} h (framework: fine-tune compute $10K-$100K)`,
        kind: "derived",
      });
    }
  }
  num("ftEngineers", "fineTune.engineers", ft.engineers, "fineTune.engineers");
  num("ftProjectWeeks", "fineTune.projectWeeks", ft.projectWeeks, "fineTune.projectWeeks");
  num("ftMaintenanceFte", "fineTune.maintenanceFte", ft.maintenanceFte, "fineTune.maintenanceFte");
  num("ftRetrainEveryMonths", "fineTune.retrainEveryMonths", ft.retrainEveryMonths, "fineTune.retrainEveryMonths");
  resolveInference("fineTune", ft.inference, {
    hosted: "ftInfHosted",
    usdPerHour: "ftInfUsdPerHour",
    tokensPerSecond: "ftInfTokensPerSecond",
    minInstances: "ftInfMinInstances",
    inputUsdPerM: "ftInfInputUsdPerM",
    cachedInputUsdPerM: "ftInfCachedInputUsdPerM",
    reasoningUsdPerM: "ftInfReasoningUsdPerM",
    outputUsdPerM: "ftInfOutputUsdPerM",
  });

  // Build
  const b = file.build;
  num("bParameters", "build.parameters", b.parameters, "build.parameters");
  num("bTrainingTokens", "build.trainingTokens", b.trainingTokens, "build.trainingTokens");
  if (b.instance === undefined) assumeDefault("build.instance");
  const trainer = hourly("build.instance", b.instance ?? DEFAULTS["build.instance"].value);
  if (trainer) {
    if (!trainer.accelerator) {
      errors.push(`build.instance: ${trainer.sku} has no accelerators in the price catalog; pick a GPU, Trainium or TPU SKU`);
    } else {
      p.bAccelerators = trainer.accelerator.count;
      p.bPeakTflops = trainer.accelerator.peakTflops;
      p.bTrainUsdPerHour = trainer.usd;
    }
  }
  num("bUtilization", "build.utilization", b.utilization, "build.utilization");
  if (b.utilization !== undefined && (isRange(b.utilization) ? b.utilization.low : b.utilization) <= 0) {
    errors.push("build.utilization: expected a utilisation fraction above 0");
  }
  num("bExperimentOverhead", "build.experimentOverhead", b.experimentOverhead, "build.experimentOverhead");
  num("bDataUsd", "build.dataUsd", b.dataUsd, "build.dataUsd");
  num("bEngineers", "build.engineers", b.engineers, "build.engineers");
  num("bProjectMonths", "build.projectMonths", b.projectMonths, "build.projectMonths");
  num("bMaintenanceFte", "build.maintenanceFte", b.maintenanceFte, "build.maintenanceFte");
  num("bPlatformUsdPerMonth", "build.platformUsdPerMonth", b.platformUsdPerMonth, "build.platformUsdPerMonth");
  num("bRefreshEveryMonths", "build.refreshEveryMonths", b.refreshEveryMonths, "build.refreshEveryMonths");
  num("bRefreshComputeFraction", "build.refreshComputeFraction", b.refreshComputeFraction, "build.refreshComputeFraction");
  resolveInference("build", b.inference, {
    hosted: "bInfHosted",
    usdPerHour: "bInfUsdPerHour",
    tokensPerSecond: "bInfTokensPerSecond",
    minInstances: "bInfMinInstances",
    inputUsdPerM: "bInfInputUsdPerM",
    cachedInputUsdPerM: "bInfCachedInputUsdPerM",
    reasoningUsdPerM: "bInfReasoningUsdPerM",
    outputUsdPerM: "bInfOutputUsdPerM",
  });

  if (errors.length) throw new InputError(errors);

  const pretraining = pretrainingEstimate(p);
  const inFrameworkRange = pretraining.usd >= 500_000 && pretraining.usd <= 5_000_000;
  assumptions.push({
    field: "build pretraining compute",
    value: `${usd(pretraining.usd)}`,
    note:
      `6 x ${p.bParameters.toExponential(2)} parameters x ${p.bTrainingTokens.toExponential(2)} tokens = ${pretraining.flops.toExponential(2)} FLOPs ` +
      `/ (${p.bAccelerators} x ${p.bPeakTflops} TFLOP/s x ${p.bUtilization} utilisation) = ${enUsNumber(Math.round(pretraining.instanceHours))} instance-hours ` +
      `x ${usd(p.bTrainUsdPerHour)}/h x ${p.bExperimentOverhead} experiment overhead` +
      (inFrameworkRange ? " (within the framework's $500K-$5M+)" : " (outside the framework's $500K-$5M+: check the inputs)"),
    kind: "derived",
  });
  assumptions.push({
    field: "calendar",
    value: `${DAYS_PER_MONTH.toFixed(3)} days and ${HOURS_PER_MONTH} hours a month`,
    note: `365/12 days; month m's traffic is requestsPerDay x (1 + monthlyGrowth)^m; retraining relabels ${RELABEL_FRACTION * 100}% of the examples`,
    kind: "derived",
  });

  return {
    horizonMonths,
    options: TCO_OPTIONS,
    point: p,
    uncertain,
    assumptions,
    buyPrices,
    pretraining,
  };

  /**
   * Cache-read and reasoning prices: @pydantic/genai-prices' where it lists them, else (explicit
   * prices, or a model without a cache-read price) the input and output prices; said so when the
   * workload has cached input or reasoning tokens.
   */
  function cacheAndReasoning(field: string, prices: TokenPrices | undefined, inKey: ParamKey, cachedKey: ParamKey, outKey: ParamKey, reasoningKey: ParamKey): void {
    p[cachedKey] = prices?.cachedInputUsdPerMillionTokens ?? p[inKey];
    p[reasoningKey] = prices?.reasoningUsdPerMillionTokens ?? p[outKey];
    if (p.cachedInputShare > 0)
      assumptions.push({
        field: `${field} cached input`,
        value: `${usd(p[cachedKey])} per million tokens`,
        note: prices?.cachedInputUsdPerMillionTokens !== undefined ? `cache-read price of ${prices.provider} ${prices.model} from ${prices.source}` : "no cache-read price known: cached input at the input price",
        kind: "derived",
      });
    if (p.reasoningTokensPerRequest > 0)
      assumptions.push({ field: `${field} reasoning tokens`, value: `${usd(p[reasoningKey])} per million tokens`, note: "reasoning (thinking) tokens are billed as output", kind: "derived" });
  }

  /** Self-hosted (catalog instances, sized by peak tokens/s) or hosted (per-token) serving. */
  function resolveInference(
    section: "fineTune" | "build",
    inf: InferenceSettings | undefined,
    keys: Record<"hosted" | "usdPerHour" | "tokensPerSecond" | "minInstances" | "inputUsdPerM" | "outputUsdPerM" | "cachedInputUsdPerM" | "reasoningUsdPerM", ParamKey>,
  ): void {
    const f = `${section}.inference`;
    if (inf?.method === undefined) assumeDefault(`${section}.inference.method`);
    if (inf?.method === "hosted") {
      p[keys.hosted] = 1;
      let prices: TokenPrices | undefined;
      if (inf.inputUsdPerMillionTokens === undefined || inf.outputUsdPerMillionTokens === undefined) {
        if (inf.provider === undefined || inf.model === undefined) {
          errors.push(`${f}: hosted inference needs provider and model, or inputUsdPerMillionTokens and outputUsdPerMillionTokens`);
          return;
        }
        const provider = inf.provider;
        const model = inf.model;
        prices = attempt(() =>
          lookUpTokenPrices(
            {
              provider,
              model,
              inputTokensPerRequest: p.inputTokensPerRequest,
              outputTokensPerRequest: p.outputTokensPerRequest,
              cache: p.cachedInputShare > 0,
              reasoning: p.reasoningTokensPerRequest > 0,
              ...(options.pricesAt ? { at: options.pricesAt } : {}),
            },
            f,
          ),
        );
        if (!prices) return;
        assumptions.push({
          field: `${f}.inputUsdPerMillionTokens / outputUsdPerMillionTokens`,
          value: `${usd(prices.inputUsdPerMillionTokens)} / ${usd(prices.outputUsdPerMillionTokens)} per million tokens`,
          note: `${prices.provider} ${prices.model} from ${prices.source}`,
          kind: "derived",
        });
      }
      num(keys.inputUsdPerM, `${f}.inputUsdPerMillionTokens`, inf.inputUsdPerMillionTokens, prices?.inputUsdPerMillionTokens ?? 0);
      num(keys.outputUsdPerM, `${f}.outputUsdPerMillionTokens`, inf.outputUsdPerMillionTokens, prices?.outputUsdPerMillionTokens ?? 0);
      cacheAndReasoning(f, prices, keys.inputUsdPerM, keys.cachedInputUsdPerM, keys.outputUsdPerM, keys.reasoningUsdPerM);
      return;
    }
    p[keys.hosted] = 0;
    if (inf?.instance === undefined) assumeDefault(`${section}.inference.instance`);
    const e = hourly(`${f}.instance`, inf?.instance ?? DEFAULTS[`${section}.inference.instance`].value);
    if (e) {
      p[keys.usdPerHour] = e.usd;
      assumptions.push({
        field: `${f} instance price`,
        value: `${usd(e.usd)}/h`,
        note: `catalog ${e.sku} (${e.cloud}, ${e.region}, as of ${e.asOf}); ${HOURS_PER_MONTH} h a month, always on`,
        kind: "derived",
      });
    }
    num(keys.tokensPerSecond, `${f}.tokensPerSecondPerInstance`, inf?.tokensPerSecondPerInstance, `${section}.inference.tokensPerSecondPerInstance`);
    num(keys.minInstances, `${f}.minInstances`, inf?.minInstances, `${section}.inference.minInstances`);
  }
}
