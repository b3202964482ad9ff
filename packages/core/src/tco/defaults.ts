import type { Uncertain } from "../schema/common";

/**
 * Every default the TCO model uses, with the reason for its value. A default that the workload
 * file does not override is listed in the report's assumptions with this text, so a reader can
 * see (and challenge) every number that went into a total.
 *
 * "framework" = the build / buy / fine-tune framework (its decision table: build $500K-$5M+,
 * 6-18 months, 10-50 ML engineers; fine-tune $10K-$100K, 2-8 weeks, 3-8 ML engineers,
 * 1K-100K examples; buy near zero upfront, 1-3 developers, per-token).
 */
export interface DefaultValue {
  readonly value: Uncertain | string | boolean;
  readonly why: string;
}

const range = (low: number, likely: number, high: number): Uncertain => ({ low, likely, high });

/** Days in an average month (365/12): traffic per day -> per month. */
export const DAYS_PER_MONTH = 365 / 12;
/** Hours in an average month (8,760/12 = 730): instance-hours per month of an always-on instance. */
export const HOURS_PER_MONTH = (365 * 24) / 12;
/** Prefill (input) tokens cost about a tenth of a generated token of serving capacity. */
export const PREFILL_TOKEN_WEIGHT = 0.1;
/** Each retraining relabels or adds this share of the original labelled set. */
export const RELABEL_FRACTION = 0.2;

export const DEFAULTS = {
  horizonMonths: { value: 36, why: "framework: the TCO calculator projects 3-year costs" },
  bridgeWithApi: {
    value: true,
    why: "framework: start by buying; the API serves the traffic until a fine-tuned or built model launches, so every option serves the same demand",
  },
  "workload.monthlyGrowth": { value: 0, why: "no traffic growth unless the file says so" },
  "workload.peakToAverage": {
    value: 3,
    why: "peak hour at 3x the daily average (interactive traffic); sizes self-hosted serving only",
  },

  "team.developers": {
    value: range(1, 2, 3),
    why: "framework: Buy team of 1-3 developers; the application team is counted in every option (it wraps whichever model sits behind the product)",
  },
  "team.developerAnnualUsd": { value: 180_000, why: "loaded annual cost of a software developer (US)" },
  "team.mlEngineerAnnualUsd": { value: 250_000, why: "loaded annual cost of an ML engineer (US)" },

  "buy.monitoringUsdPerMonth": {
    value: 500,
    why: "framework: the Buy track includes cost monitoring and guardrails (tooling, logs)",
  },

  "fineTune.labeledExamples": {
    value: range(1_000, 10_000, 100_000),
    why: "framework: fine-tune data 1K-100K examples; 'a fine-tuned model on 10,000 examples'",
  },
  "fineTune.labelingUsdPerExample": { value: 2, why: "domain-expert labelling and review, per example" },
  "fineTune.tokensPerExample": { value: 1_000, why: "prompt + completion per training example (hosted training only)" },
  "fineTune.epochs": { value: 3, why: "typical supervised fine-tuning epochs (hosted training only)" },
  "fineTune.training.method": { value: "self-hosted", why: "train on catalog instances (SageMaker JumpStart)" },
  "fineTune.training.instance": {
    value: "ml.p4d.24xlarge",
    why: "8x A100 40 GB: full fine-tune of a 7-13B open model (framework cloud mapping: SageMaker JumpStart)",
  },
  "fineTune.training.instanceCount": { value: 1, why: "one node is enough for a 7-13B fine-tune" },
  "fineTune.training.hours": {
    value: range(100, 300, 2_000),
    why: "framework: fine-tune compute $10K-$100K; 100-2,000 h of an 8x A100 node lands in it",
  },
  "fineTune.training.usdPerMillionTrainingTokens": {
    value: "bedrock-customization-training",
    why: "hosted training price from the compute catalog",
  },
  "fineTune.engineers": { value: range(3, 5, 8), why: "framework: fine-tune team of 3-8 ML engineers" },
  "fineTune.projectWeeks": { value: range(2, 4, 8), why: "framework: fine-tune time to production 2-8 weeks" },
  "fineTune.maintenanceFte": { value: 1, why: "one ML engineer keeps evaluation, data and serving healthy after launch" },
  "fineTune.retrainEveryMonths": {
    value: 6,
    why: "framework: models and costs change every 6 months; each retrain = training compute again + 20% of the labelling cost",
  },
  "fineTune.inference.method": { value: "self-hosted", why: "serve the fine-tuned open model on catalog instances" },
  "fineTune.inference.instance": { value: "ml.g5.2xlarge", why: "1x A10G 24 GB serves a 7-8B model (SageMaker endpoints)" },
  "fineTune.inference.tokensPerSecondPerInstance": {
    value: 1_200,
    why: "generated tokens/s of a 7-8B model with continuous batching on one A10G",
  },
  "fineTune.inference.minInstances": { value: 1, why: "one instance always on" },

  "build.parameters": { value: 13e9, why: "a 13B-parameter model, the smallest that usually justifies building" },
  "build.trainingTokens": { value: 1e12, why: "1T pretraining tokens (about 77 tokens per parameter)" },
  "build.instance": { value: "ml.trn1.32xlarge", why: "16 Trainium chips (framework cloud mapping: SageMaker + Trainium)" },
  "build.utilization": { value: 0.4, why: "model FLOPs utilisation of a well-tuned large run" },
  "build.experimentOverhead": { value: 2, why: "ablations, restarts and failed runs double the final run's compute" },
  "build.dataUsd": {
    value: range(100_000, 250_000, 1_000_000),
    why: "licensing, collection and curation of a pretraining corpus (framework: build needs massive data)",
  },
  "build.engineers": { value: range(10, 20, 50), why: "framework: build team of 10-50 ML engineers" },
  "build.projectMonths": { value: range(6, 12, 18), why: "framework: build time to production 6-18 months" },
  "build.maintenanceFte": { value: 5, why: "ML engineers who keep a home-grown model, its data and serving alive" },
  "build.platformUsdPerMonth": {
    value: 20_000,
    why: "training platform (storage, experiment tracking, clusters idle between runs), throughout the horizon",
  },
  "build.refreshEveryMonths": { value: 12, why: "continued pretraining on fresh data once a year" },
  "build.refreshComputeFraction": { value: 0.1, why: "each refresh costs a tenth of the pretraining compute" },
  "build.inference.method": { value: "self-hosted", why: "a built model is served on your own instances" },
  "build.inference.instance": { value: "ml.g5.12xlarge", why: "4x A10G 96 GB serves a 13B model in 16-bit" },
  "build.inference.tokensPerSecondPerInstance": {
    value: 1_500,
    why: "generated tokens/s of a 13B model with continuous batching on 4x A10G",
  },
  "build.inference.minInstances": { value: 2, why: "two instances for availability" },
} as const satisfies Record<string, DefaultValue>;

export type DefaultField = keyof typeof DEFAULTS;

/** A default's value as an Uncertain number (for the numeric defaults). */
export function defaultNumber(field: DefaultField): Uncertain {
  const v = DEFAULTS[field].value as unknown;
  if (typeof v === "number" || (typeof v === "object" && v !== null)) return v as Uncertain;
  throw new Error(`default ${field} is not a number`);
}
