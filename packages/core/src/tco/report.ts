import type { WorkloadFile } from "../schema/workload";
import type { Breakdown } from "./breakdown";
import { crossovers, type Crossover } from "./crossover";
import { monteCarlo, type MonteCarloResult, type Percentiles } from "./montecarlo";
import { projectAll } from "./project";
import { resolveTco, type Assumption, type OptionId, type ResolveOptions, type TcoModel } from "./resolve";

/** One option in the report (money in USD, rounded to cents). */
export interface TcoOptionReport {
  readonly option: OptionId;
  readonly totalUsd: number;
  readonly years: number[];
  readonly breakdown: Breakdown;
  /** P10 / P50 / P90 of the total over the Monte Carlo samples (all equal the total if nothing is a range). */
  readonly range: Percentiles;
  readonly monthly: number[];
}

/** The `aitracks tco --json` document. */
export interface TcoReport {
  readonly horizonMonths: number;
  readonly cheapest: OptionId;
  readonly options: TcoOptionReport[];
  readonly crossovers: Crossover[];
  readonly assumptions: Assumption[];
}

export interface TcoRunOptions extends ResolveOptions {
  /** Monte Carlo samples; default 2,000. */
  readonly samples?: number;
  /** Monte Carlo seed; default 42. */
  readonly seed?: number;
  /** Told (done, total) as the Monte Carlo runs (a progress line); never changes the figures. */
  readonly onProgress?: (done: number, total: number) => void;
}

const cents = (x: number) => Math.round(x * 100) / 100;

function roundVolume(v: number): number {
  return v >= 100 ? Math.round(v) : Number(v.toPrecision(3));
}

/** The report of a resolved model: point projections, Monte Carlo ranges, crossovers. */
export function tcoReport(model: TcoModel, options: TcoRunOptions = {}): TcoReport & { monteCarlo: MonteCarloResult } {
  const projections = projectAll(model);
  const mc = monteCarlo(model, {
    ...(options.samples !== undefined ? { samples: options.samples } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
  });
  let cheapest = projections[0]!;
  for (const p of projections) if (p.totalUsd < cheapest.totalUsd) cheapest = p;
  const report: TcoReport = {
    horizonMonths: model.horizonMonths,
    cheapest: cheapest.option,
    options: projections.map((p) => ({
      option: p.option,
      totalUsd: cents(p.totalUsd),
      years: p.years.map(cents),
      breakdown: {
        compute: cents(p.breakdown.compute),
        tokens: cents(p.breakdown.tokens),
        team: cents(p.breakdown.team),
        data: cents(p.breakdown.data),
        maintenance: cents(p.breakdown.maintenance),
      },
      range: {
        p10: cents(mc.ranges[p.option].p10),
        p50: cents(mc.ranges[p.option].p50),
        p90: cents(mc.ranges[p.option].p90),
      },
      monthly: p.monthly.map(cents),
    })),
    crossovers: crossovers(model).map((c) => ({ ...c, aboveRequestsPerDay: roundVolume(c.aboveRequestsPerDay) })),
    assumptions: [...model.assumptions],
  };
  // monteCarlo is not part of the JSON document; it is non-enumerable so JSON.stringify skips it.
  Object.defineProperty(report, "monteCarlo", { value: mc, enumerable: false });
  return report as TcoReport & { monteCarlo: MonteCarloResult };
}

/** Resolve a validated workload file and report on it. */
export function runTco(file: WorkloadFile, options: TcoRunOptions = {}): TcoReport & { monteCarlo: MonteCarloResult } {
  return tcoReport(resolveTco(file, options), options);
}

/**
 * The cheapest option the decision leaves eligible (its hard gates), and the cheapest overall
 * when that one is ruled out: a report headlines the first and mentions the second as a note.
 * `eligible` lacks an option = eligible. Undefined `eligible` when no option the TCO prices is.
 */
export function cheapestEligible<T extends { readonly option: OptionId; readonly totalUsd: number }>(
  options: readonly T[],
  eligible: Readonly<Partial<Record<string, boolean>>>,
): { readonly eligible: T | undefined; readonly overall: T | undefined; readonly overallRuledOut: boolean } {
  let best: T | undefined;
  let overall: T | undefined;
  for (const o of options) {
    if (!overall || o.totalUsd < overall.totalUsd) overall = o;
    if (eligible[o.option] !== false && (!best || o.totalUsd < best.totalUsd)) best = o;
  }
  return { eligible: best, overall, overallRuledOut: overall !== undefined && eligible[overall.option] === false };
}
