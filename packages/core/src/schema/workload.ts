import { z } from "zod";
import { LIMITS, MONTHLY_GROWTH, atMost, fraction, intRange, nonNegative, nonNegativeIntUpTo, positive, uncertain } from "./common";

/**
 * The workload file: production volume and each option's settings. Every number may be a range
 * `{low, high, likely?}`; defaults come from the framework's own ranges and are reported as
 * assumptions. The TCO model (packages/core/src/tco) documents how each field is used.
 */
const u = (what: string, max: number) => uncertain(atMost(z.number({ error: `expected ${what}` }).min(0, { error: `expected ${what}` }), max), what);
const uPos = (what: string, max: number) => uncertain(atMost(z.number({ error: `expected ${what}` }).gt(0, { error: `expected ${what}` }), max), what);
const uFrac = (what: string) => uncertain(fraction, what);

const GROWTH_ERROR = `expected a monthly growth fraction from ${MONTHLY_GROWTH.min} to ${MONTHLY_GROWTH.max}`;

export const workloadProfileSchema = z
  .object(
    {
      requestsPerDay: u("a number of requests per day of 0 or more", LIMITS.requestsPerDay),
      inputTokensPerRequest: u("a number of input tokens of 0 or more", LIMITS.tokens),
      outputTokensPerRequest: u("a number of output tokens of 0 or more", LIMITS.tokens),
      /** Compound growth of requestsPerDay per month (0.05 = 5% a month); default 0. */
      monthlyGrowth: uncertain(
        z
          .number({ error: GROWTH_ERROR })
          .min(MONTHLY_GROWTH.min, { error: GROWTH_ERROR })
          .max(MONTHLY_GROWTH.max, { error: GROWTH_ERROR }),
        "a monthly growth fraction (0.05 = 5% a month)",
      ).optional(),
      /** Peak traffic over the daily average, for sizing self-hosted inference; default 3. */
      peakToAverage: uPos("a peak-to-average ratio above 0", LIMITS.ratio).optional(),
      /**
       * Share of each request's input tokens read from the provider's prompt cache (a shared
       * system prompt, few-shot examples): priced at the model's cache-read rate where
       * @pydantic/genai-prices has one; default 0.
       */
      cachedInputShare: uFrac("a share of input tokens read from the prompt cache, from 0 to 1").optional(),
      /**
       * Reasoning (thinking) tokens a request generates besides its visible output: billed like
       * output tokens (at the model's reasoning rate where one is listed); default 0.
       */
      reasoningTokensPerRequest: u("a number of reasoning tokens of 0 or more", LIMITS.tokens).optional(),
    },
    { error: "expected the workload: requestsPerDay, inputTokensPerRequest, outputTokensPerRequest" },
  )
  .strict();

/** Self-hosted or hosted (per-token) inference for fine-tuned and built models. */
export const inferenceSchema = z
  .object({
    /** Default self-hosted. */
    method: z.enum(["self-hosted", "hosted"], { error: "expected self-hosted or hosted" }).optional(),
    /** A SKU of the compute catalog, e.g. ml.g5.2xlarge. */
    instance: z.string({ error: "expected a catalog SKU such as ml.g5.2xlarge" }).optional(),
    /** Generated tokens per second one instance sustains (prefill counts at a tenth of a token). */
    tokensPerSecondPerInstance: uPos("tokens per second above 0", LIMITS.tokensPerSecond).optional(),
    minInstances: nonNegativeIntUpTo(LIMITS.instances).optional(),
    /** Hosted inference: the provider and model of @pydantic/genai-prices, or explicit prices. */
    provider: z.string().optional(),
    model: z.string().optional(),
    inputUsdPerMillionTokens: u("a price in USD per million tokens", LIMITS.usd).optional(),
    outputUsdPerMillionTokens: u("a price in USD per million tokens", LIMITS.usd).optional(),
  })
  .strict();

export const buySchema = z
  .object({
    provider: z.string({ error: "expected a provider id such as openai, anthropic, google, aws, azure" }),
    model: z.string({ error: "expected a model id such as gpt-4o" }),
    inputUsdPerMillionTokens: u("a price in USD per million tokens", LIMITS.usd).optional(),
    outputUsdPerMillionTokens: u("a price in USD per million tokens", LIMITS.usd).optional(),
    monitoringUsdPerMonth: u("a monthly amount in USD", LIMITS.usd).optional(),
  })
  .strict();

export const fineTuneSchema = z
  .object({
    labeledExamples: u("a number of labelled examples", LIMITS.examples).optional(),
    labelingUsdPerExample: u("a cost per example in USD", LIMITS.usd).optional(),
    tokensPerExample: u("a number of tokens per example", LIMITS.tokens).optional(),
    epochs: u("a number of epochs", LIMITS.epochs).optional(),
    training: z
      .object({
        /** Default self-hosted (catalog instance-hours); hosted = per training token. */
        method: z.enum(["self-hosted", "hosted"], { error: "expected self-hosted or hosted" }).optional(),
        instance: z.string().optional(),
        instanceCount: u("a number of instances", LIMITS.instances).optional(),
        hours: u("a number of hours", LIMITS.hours).optional(),
        usdPerMillionTrainingTokens: u("a price in USD per million training tokens", LIMITS.usd).optional(),
      })
      .strict()
      .optional(),
    engineers: u("a number of ML engineers", LIMITS.people).optional(),
    projectWeeks: u("a number of weeks", LIMITS.weeks).optional(),
    maintenanceFte: u("a number of full-time engineers", LIMITS.people).optional(),
    retrainEveryMonths: intRange(1, 120).optional(),
    inference: inferenceSchema.optional(),
  })
  .strict();

export const buildSchema = z
  .object({
    parameters: uPos("a parameter count above 0", LIMITS.parameters).optional(),
    trainingTokens: uPos("a number of training tokens above 0", LIMITS.trainingTokens).optional(),
    instance: z.string().optional(),
    utilization: uFrac("a utilisation fraction from 0 to 1").optional(),
    experimentOverhead: uPos("a multiplier above 0 (2 = twice the final run)", LIMITS.ratio).optional(),
    dataUsd: u("an amount in USD", LIMITS.usd).optional(),
    engineers: u("a number of ML engineers", LIMITS.people).optional(),
    projectMonths: u("a number of months", LIMITS.months).optional(),
    maintenanceFte: u("a number of full-time engineers", LIMITS.people).optional(),
    platformUsdPerMonth: u("a monthly amount in USD", LIMITS.usd).optional(),
    refreshEveryMonths: intRange(1, 120).optional(),
    refreshComputeFraction: uFrac("a fraction of the pretraining compute").optional(),
    inference: inferenceSchema.optional(),
  })
  .strict();

export const teamSchema = z
  .object({
    /**
     * Application developers who wrap the model with product logic. Every option needs them
     * (an API, a fine-tuned or a built model sits behind the same product), so the TCO model
     * counts them in every option; default {1, 2, 3} (the framework's Buy team of 1-3 developers).
     */
    developers: u("a number of developers", LIMITS.people).optional(),
    developerAnnualUsd: u("an annual loaded cost in USD", LIMITS.usd).optional(),
    mlEngineerAnnualUsd: u("an annual loaded cost in USD", LIMITS.usd).optional(),
  })
  .strict();

export const workloadFileSchema = z
  .object({
    name: z.string().optional(),
    horizonMonths: intRange(1, 120).default(36),
    workload: workloadProfileSchema,
    buy: buySchema,
    fineTune: fineTuneSchema.default({}),
    build: buildSchema.default({}),
    team: teamSchema.default({}),
    /** During a fine-tune or build project the API serves the traffic (the framework's progression). */
    bridgeWithApi: z.boolean({ error: "expected true or false" }).default(true),
  })
  .strict();

export type WorkloadProfile = z.output<typeof workloadProfileSchema>;
export type WorkloadFile = z.output<typeof workloadFileSchema>;
export type InferenceSettings = z.output<typeof inferenceSchema>;
export { nonNegative, positive };
