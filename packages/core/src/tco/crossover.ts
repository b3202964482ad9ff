import { copyParams, emptyParams, type TcoParams } from "./params";
import { projectOption } from "./project";
import type { OptionId, TcoModel } from "./resolve";

export interface Crossover {
  /** The option that is cheaper above the volume. */
  readonly cheaper: OptionId;
  readonly than: OptionId;
  /** Starting requests per day (before growth) above which `cheaper` costs less over the horizon. */
  readonly aboveRequestsPerDay: number;
}

export interface CrossoverOptions {
  /** Volume range scanned, requests/day. Default 1 to 10,000,000. */
  readonly min?: number;
  readonly max?: number;
  /** Log-spaced scan points. Default 200. */
  readonly points?: number;
  /** Relative precision of each crossover. Default 0.001 (0.1%). */
  readonly tolerance?: number;
}

/** Total over the horizon of one option at `requestsPerDay`, everything else at point values. */
export function totalAt(model: TcoModel, option: OptionId, requestsPerDay: number, scratch?: TcoParams): number {
  const p = copyParams(scratch ?? emptyParams(), model.point);
  p.requestsPerDay = requestsPerDay;
  return projectOption(p, option, model.horizonMonths, null);
}

/** The cheapest option at a starting volume (point values); ties go to the first option. */
export function cheapestAt(model: TcoModel, requestsPerDay: number): OptionId {
  const scratch = emptyParams();
  let best: OptionId = model.options[0]!;
  let bestTotal = Infinity;
  for (const o of model.options) {
    const t = totalAt(model, o, requestsPerDay, scratch);
    if (t < bestTotal) {
      bestTotal = t;
      best = o;
    }
  }
  return best;
}

/** One point of the option-cost curves, long format (one row per volume and option) for charts. */
export interface CostCurvePoint {
  readonly requestsPerDay: number;
  readonly option: OptionId;
  readonly totalUsd: number;
}

/** Each option's total over the horizon at each volume (point values). */
export function costCurve(model: TcoModel, volumes: readonly number[]): CostCurvePoint[] {
  const scratch = emptyParams();
  const rows: CostCurvePoint[] = [];
  for (const v of volumes) {
    for (const o of model.options) rows.push({ requestsPerDay: v, option: o, totalUsd: totalAt(model, o, v, scratch) });
  }
  return rows;
}

/** `n` volumes spaced evenly on a log scale from min to max (both included). */
export function logSpace(min: number, max: number, n: number): number[] {
  const a = Math.log(min);
  const b = Math.log(max);
  // The ends exactly: exp(log(x)) need not give x back.
  return Array.from({ length: n }, (_, i) => (i === 0 ? min : i === n - 1 ? max : Math.exp(a + ((b - a) * i) / (n - 1))));
}

/**
 * Volumes at which the cheaper of two options changes. total_o(R) is each option's horizon total
 * as a function of the starting requests per day R, everything else at point values. A scan of
 * log-spaced volumes finds sign changes of total_a - total_b for each pair; each is bisected (in
 * log space) to the tolerance. Self-hosted serving adds instances in steps, so a pair may cross
 * more than once; every crossing is reported, in order of volume.
 */
export function crossovers(model: TcoModel, options: CrossoverOptions = {}): Crossover[] {
  const min = options.min ?? 1;
  const max = options.max ?? 10_000_000;
  const points = options.points ?? 200;
  const tolerance = options.tolerance ?? 0.001;
  const scratch = emptyParams();
  const volumes = logSpace(min, max, points);
  const opts = model.options;
  const totals = opts.map((o) => volumes.map((v) => totalAt(model, o, v, scratch)));
  const found: Crossover[] = [];
  for (let a = 0; a < opts.length; a++) {
    for (let b = a + 1; b < opts.length; b++) {
      const diff = (k: number) => totals[a]![k]! - totals[b]![k]!;
      const diffAt = (v: number) => totalAt(model, opts[a]!, v, scratch) - totalAt(model, opts[b]!, v, scratch);
      let lastK = -1;
      let lastSign = 0;
      for (let k = 0; k < volumes.length; k++) {
        const s = Math.sign(diff(k));
        if (s === 0) continue;
        if (lastSign !== 0 && s !== lastSign) {
          // Bisect between the last volume with the old sign and this one.
          let lo = volumes[lastK]!;
          let hi = volumes[k]!;
          while (hi / lo > 1 + tolerance) {
            const mid = Math.sqrt(lo * hi);
            if (Math.sign(diffAt(mid)) === lastSign) lo = mid;
            else hi = mid;
          }
          // Above the crossing the sign is s: negative means a is cheaper.
          const cheaper = s < 0 ? opts[a]! : opts[b]!;
          const than = s < 0 ? opts[b]! : opts[a]!;
          found.push({ cheaper, than, aboveRequestsPerDay: Math.sqrt(lo * hi) });
        }
        lastK = k;
        lastSign = s;
      }
    }
  }
  return found.sort((x, y) => x.aboveRequestsPerDay - y.aboveRequestsPerDay);
}
