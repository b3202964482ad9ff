import {
  CATEGORY_COUNT,
  copyParams,
  emptyParams,
  mulberry32,
  projectOption,
  quantileSorted,
  triangular,
  type OptionId,
  type TcoModel,
} from "@aitracks/core";

/** One option's cumulative cost at the end of each month (index 0 = month 1), P10 and P90. */
export interface CumulativeBand {
  readonly p10: readonly number[];
  readonly p90: readonly number[];
}

export interface MonthlyBands {
  /** False when no input of the model is a range: there is no band to draw. */
  readonly ran: boolean;
  readonly samples: number;
  readonly seed: number;
  readonly byOption: Readonly<Partial<Record<OptionId, CumulativeBand>>>;
}

export interface BandOptions {
  /** Default 2,000 (as `aitracks tco`). */
  readonly samples?: number;
  /** Default 42 (as `aitracks tco`). */
  readonly seed?: number;
  /** Called every few hundred samples with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * P10 and P90 of each option's cumulative cost, month by month, over the same Monte Carlo draws
 * as the TCO model's own (core/tco/montecarlo.ts: same PRNG, same draw order, same seed), so the
 * band's last month is exactly the P10-P90 of the total that `aitracks tco` reports. The core
 * Monte Carlo keeps only totals; the chart needs every month, hence this second pass.
 */
export function cumulativeBands(model: TcoModel, options: BandOptions = {}): MonthlyBands {
  const samples = Math.max(1, Math.floor(options.samples ?? 2_000));
  const seed = options.seed ?? 42;
  if (model.uncertain.length === 0) return { ran: false, samples: 0, seed, byOption: {} };

  const months = model.horizonMonths;
  const opts = model.options;
  // cumulative[o][m * samples + s]: sample s's cumulative cost of option o at the end of month m.
  const cumulative = opts.map(() => new Float64Array(months * samples));
  const out = new Float64Array(months * CATEGORY_COUNT);
  const rng = mulberry32(seed);
  const p = copyParams(emptyParams(), model.point);
  const u = model.uncertain;
  const every = Math.max(1, Math.floor(samples / 50));
  for (let s = 0; s < samples; s++) {
    for (const x of u) p[x.key] = triangular(rng(), x.low, x.mode, x.high);
    for (let o = 0; o < opts.length; o++) {
      out.fill(0);
      projectOption(p, opts[o]!, months, out);
      const dest = cumulative[o]!;
      let sum = 0;
      for (let m = 0; m < months; m++) {
        for (let c = 0; c < CATEGORY_COUNT; c++) sum += out[m * CATEGORY_COUNT + c]!;
        dest[m * samples + s] = sum;
      }
    }
    if (options.onProgress && (s + 1) % every === 0) options.onProgress(s + 1, samples);
  }
  const byOption: Partial<Record<OptionId, CumulativeBand>> = {};
  opts.forEach((o, i) => {
    const p10: number[] = [];
    const p90: number[] = [];
    for (let m = 0; m < months; m++) {
      const sorted = cumulative[i]!.subarray(m * samples, (m + 1) * samples).sort();
      p10.push(quantileSorted(sorted, 0.1));
      p90.push(quantileSorted(sorted, 0.9));
    }
    byOption[o] = { p10, p90 };
  });
  options.onProgress?.(samples, samples);
  return { ran: true, samples, seed, byOption };
}
