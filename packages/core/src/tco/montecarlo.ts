import { copyParams, emptyParams } from "./params";
import { projectOption, projectorOf } from "./project";
import type { OptionId, TcoModel } from "./resolve";
import { mulberry32, quantileSorted, triangular } from "./rng";

export interface Percentiles {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface MonteCarloOptions {
  /** Default 2,000. */
  readonly samples?: number;
  /** Default 42: the same seed gives the same figures. */
  readonly seed?: number;
  /** Told (done, total) every 2% of the samples, for a progress line; never changes the figures. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface MonteCarloResult {
  readonly samples: number;
  readonly seed: number;
  /** False when no input is a range: every percentile is the point estimate and nothing was drawn. */
  readonly ran: boolean;
  readonly ranges: Record<OptionId, Percentiles>;
  /** Share of samples in which each option is the cheapest (ties go to the first option). */
  readonly cheapestShare: Record<OptionId, number>;
}

/**
 * Monte Carlo over every range of the model: each sample draws every uncertain parameter from
 * triangular(low, likely-or-mid, high) with a seeded PRNG, then projects every option with the
 * same draw (so options are compared under the same traffic and salaries). Returns each option's
 * P10 / P50 / P90 total.
 */
export function monteCarlo(model: TcoModel, options: MonteCarloOptions = {}): MonteCarloResult {
  const samples = Math.max(1, Math.floor(options.samples ?? 2_000));
  const seed = options.seed ?? 42;
  const opts = model.options;
  const months = model.horizonMonths;
  const ranges = {} as Record<OptionId, Percentiles>;
  const cheapestShare = {} as Record<OptionId, number>;
  if (model.uncertain.length === 0) {
    for (const o of opts) {
      const t = projectOption(copyParams(emptyParams(), model.point), o, months, null);
      ranges[o] = { p10: t, p50: t, p90: t };
      cheapestShare[o] = 0;
    }
    let best = 0;
    opts.forEach((o, i) => {
      if (ranges[o].p50 < ranges[opts[best]!].p50) best = i;
    });
    cheapestShare[opts[best]!] = 1;
    return { samples: 0, seed, ran: false, ranges, cheapestShare };
  }

  const rng = mulberry32(seed);
  const p = copyParams(emptyParams(), model.point);
  const u = model.uncertain;
  const n = u.length;
  const keys = u.map((x) => x.key);
  const low = Float64Array.from(u, (x) => x.low);
  const mode = Float64Array.from(u, (x) => x.mode);
  const high = Float64Array.from(u, (x) => x.high);
  const totals = opts.map(() => new Float64Array(samples));
  const projectors = opts.map(projectorOf);
  const wins = new Float64Array(opts.length);
  const onProgress = options.onProgress;
  const every = Math.max(1, Math.floor(samples / 50));
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < n; i++) p[keys[i]!] = triangular(rng(), low[i]!, mode[i]!, high[i]!);
    let best = 0;
    let bestTotal = Infinity;
    for (let o = 0; o < opts.length; o++) {
      const t = projectors[o]!(p, months, null);
      totals[o]![s] = t;
      if (t < bestTotal) {
        bestTotal = t;
        best = o;
      }
    }
    wins[best]!++;
    if (onProgress && (s + 1) % every === 0) onProgress(s + 1, samples);
  }
  opts.forEach((o, i) => {
    const sorted = totals[i]!.sort();
    ranges[o] = { p10: quantileSorted(sorted, 0.1), p50: quantileSorted(sorted, 0.5), p90: quantileSorted(sorted, 0.9) };
    cheapestShare[o] = wins[i]! / samples;
  });
  return { samples, seed, ran: true, ranges, cheapestShare };
}
