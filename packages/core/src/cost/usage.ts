import { z } from "zod";
import { InputError, parseOrThrow } from "../errors";
import { configValue } from "../stack-config";
import { pointOf } from "../schema/common";
import { budgetSchema, decisionRefSchema } from "../schema/stack";
import { workloadFileSchema } from "../schema/workload";
import { DAYS_PER_MONTH, defaultNumber } from "../tco/defaults";

/** The stack's workload as the stack config gives it: the TCO input, `buy` optional. */
export const stackWorkloadSchema = workloadFileSchema.partial({ buy: true });
export type StackWorkload = z.output<typeof stackWorkloadSchema>;

/**
 * The volumes the cost modules read, at point values (a range counts at its likely value, else
 * its midpoint). Fine-tune and build sizes fall back to the TCO model's defaults, so a training
 * run is priced the same way `aitracks tco` prices it.
 */
export interface Usage {
  /** false when the stack has no aitracks:workload: usage items are priced at zero volume, and say so. */
  readonly given: boolean;
  readonly requestsPerDay: number;
  readonly inputTokensPerRequest: number;
  readonly outputTokensPerRequest: number;
  /** Share of input tokens read from the prompt cache (0..1). */
  readonly cachedInputShare: number;
  /** Reasoning (thinking) tokens per request, billed like output. */
  readonly reasoningTokensPerRequest: number;
  readonly monthlyGrowth: number;
  /** requestsPerDay x 365/12. */
  readonly requestsPerMonth: number;
  readonly fineTune: { readonly examples: number; readonly tokensPerExample: number; readonly epochs: number };
  readonly build: { readonly trainingTokens: number };
  /** The validated workload, for the TCO model. */
  readonly workload: StackWorkload | undefined;
}

/** Volumes of a validated workload (or none). */
export function usageOf(workload: StackWorkload | undefined): Usage {
  const w = workload?.workload;
  const ft = workload?.fineTune;
  const b = workload?.build;
  const requestsPerDay = w ? pointOf(w.requestsPerDay) : 0;
  return {
    given: workload !== undefined,
    requestsPerDay,
    inputTokensPerRequest: w ? pointOf(w.inputTokensPerRequest) : 0,
    outputTokensPerRequest: w ? pointOf(w.outputTokensPerRequest) : 0,
    cachedInputShare: w?.cachedInputShare !== undefined ? pointOf(w.cachedInputShare) : 0,
    reasoningTokensPerRequest: w?.reasoningTokensPerRequest !== undefined ? pointOf(w.reasoningTokensPerRequest) : 0,
    monthlyGrowth: w?.monthlyGrowth !== undefined ? pointOf(w.monthlyGrowth) : 0,
    requestsPerMonth: requestsPerDay * DAYS_PER_MONTH,
    fineTune: {
      examples: pointOf(ft?.labeledExamples ?? defaultNumber("fineTune.labeledExamples")),
      tokensPerExample: pointOf(ft?.tokensPerExample ?? defaultNumber("fineTune.tokensPerExample")),
      epochs: pointOf(ft?.epochs ?? defaultNumber("fineTune.epochs")),
    },
    build: { trainingTokens: pointOf(b?.trainingTokens ?? defaultNumber("build.trainingTokens")) },
    workload,
  };
}

/** What the cost model reads from the stack config besides the resources. */
export interface StackCostInputs {
  readonly usage: Usage;
  readonly budgetUsd: number | undefined;
  /** The decided track (buy, fine-tune, build, hybrid), when the config states it. */
  readonly decidedTrack: string | undefined;
  /** The tracks the stack lists (`aitracks:tracks[].track`). */
  readonly tracks: readonly string[];
}

/**
 * Read aitracks:workload, aitracks:budget, aitracks:decision and aitracks:tracks from a stack's
 * config. A bad workload or budget is an InputError naming the key (`aitracks:workload.workload.requestsPerDay: …`).
 */
export function stackCostInputs(config: Readonly<Record<string, unknown>> | undefined): StackCostInputs {
  const rawWorkload = configValue(config, "aitracks:workload");
  const workload =
    rawWorkload === undefined ? undefined : parseOrThrow(stackWorkloadSchema, rawWorkload, "aitracks:workload.");
  const rawBudget = configValue(config, "aitracks:budget");
  const budget = rawBudget === undefined ? undefined : parseOrThrow(budgetSchema, rawBudget, "aitracks:budget.");
  const rawDecision = configValue(config, "aitracks:decision");
  const decision = rawDecision === undefined ? undefined : decisionRefSchema.safeParse(rawDecision);
  const decidedTrack = decision?.success && "track" in decision.data ? decision.data.track : undefined;
  const rawTracks = configValue(config, "aitracks:tracks");
  const tracks = Array.isArray(rawTracks) ? rawTracks.flatMap((t) => (t && typeof t === "object" && typeof (t as { track?: unknown }).track === "string" ? [(t as { track: string }).track] : [])) : [];
  return { usage: usageOf(workload), budgetUsd: budget?.maxMonthlyUsd, decidedTrack, tracks };
}
