import { cloudOf as coreCloudOf } from "@aitracks/core";
/**
 * The data behind each chart, as plain rows (Vega-Lite's long format). Pure functions: every
 * figure a chart shows is computed here and tested here; specs.ts only says how to draw them.
 */
import type { MonthlyBands } from "../bands";

// -------------------------------------------------------------------------------------------
// 1. Cumulative cost per option over the months

/** The slice of a TCO report (`aitracks tco --json`) the cumulative chart reads. */
export interface TcoSeries {
  readonly options: readonly { readonly option: string; readonly monthly: readonly number[]; readonly totalUsd: number }[];
}

export interface CumulativeRow {
  readonly option: string;
  /** 0 = before the first month (every option starts at $0), then 1..horizon. */
  readonly month: number;
  readonly cumulativeUsd: number;
  /** Present only when the run had ranges (the P10-P90 band). */
  readonly p10Usd?: number;
  readonly p90Usd?: number;
}

/**
 * Each option's running total, month by month, from its monthly costs; with bands from a run
 * with ranges, each row also carries that month's cumulative P10 and P90. Without ranges
 * (`bands.ran` false, or no bands) no row has a band, so the chart draws none.
 */
export function cumulativeCostRows(tco: TcoSeries, bands?: MonthlyBands): CumulativeRow[] {
  const rows: CumulativeRow[] = [];
  for (const o of tco.options) {
    const band = bands?.ran ? bands.byOption[o.option as keyof MonthlyBands["byOption"]] : undefined;
    rows.push(band ? { option: o.option, month: 0, cumulativeUsd: 0, p10Usd: 0, p90Usd: 0 } : { option: o.option, month: 0, cumulativeUsd: 0 });
    let sum = 0;
    o.monthly.forEach((m, i) => {
      sum += m;
      const cumulativeUsd = round2(sum);
      const lo = band?.p10[i];
      const hi = band?.p90[i];
      rows.push(
        lo !== undefined && hi !== undefined
          ? { option: o.option, month: i + 1, cumulativeUsd, p10Usd: round2(lo), p90Usd: round2(hi) }
          : { option: o.option, month: i + 1, cumulativeUsd },
      );
    });
  }
  return rows;
}

/** True when some row carries a P10-P90 band wider than a cent. */
export function hasBand(rows: readonly CumulativeRow[]): boolean {
  return rows.some((r) => r.p10Usd !== undefined && r.p90Usd !== undefined && r.p90Usd - r.p10Usd >= 0.01);
}

export interface EndLabel {
  readonly option: string;
  readonly month: number;
  /** The option's cumulative total at the last month. */
  readonly cumulativeUsd: number;
  /** Where the label sits: at the total, nudged apart from its neighbours so none overlap. */
  readonly labelUsd: number;
  readonly text: string;
}

/**
 * A label at the end of each line (`buy $2.06M`). Totals closer than `minGap` of the chart's
 * height (the largest value drawn, band included) are pushed apart upwards, in order of value.
 */
export function endLabels(rows: readonly CumulativeRow[], format: (usd: number) => string, minGap = 0.06): EndLabel[] {
  const last = Math.max(...rows.map((r) => r.month));
  const top = Math.max(...rows.map((r) => Math.max(r.cumulativeUsd, r.p90Usd ?? 0)));
  const gap = top * minGap;
  const ends = rows.filter((r) => r.month === last).sort((a, b) => a.cumulativeUsd - b.cumulativeUsd);
  const labels: EndLabel[] = [];
  let prev = -Infinity;
  for (const r of ends) {
    const labelUsd = Math.max(r.cumulativeUsd, prev + gap);
    labels.push({ option: r.option, month: last, cumulativeUsd: r.cumulativeUsd, labelUsd, text: `${r.option} ${format(r.cumulativeUsd)}` });
    prev = labelUsd;
  }
  return labels;
}

// -------------------------------------------------------------------------------------------
// 2. Total over the horizon against requests per day, with the crossovers

export interface VolumePoint {
  readonly requestsPerDay: number;
  readonly option: string;
  readonly totalUsd: number;
}

export interface CrossoverLike {
  readonly cheaper: string;
  readonly than: string;
  readonly aboveRequestsPerDay: number;
}

export interface CrossoverMark {
  readonly requestsPerDay: number;
  /** The total of both options there (they are equal at a crossover). */
  readonly totalUsd: number;
  readonly cheaper: string;
  readonly than: string;
  readonly label: string;
}

export interface VolumeChartData {
  readonly rows: VolumePoint[];
  /** Only the crossovers where the cheapest option overall changes. */
  readonly marks: CrossoverMark[];
  /** Crossovers between two options that a third undercuts there: true, but moot. */
  readonly moot: CrossoverLike[];
}

/**
 * The curves and the crossover points to mark. `total(option, requestsPerDay)` is the option's
 * horizon total at that starting volume (core's `totalAt`). A crossover is marked when the
 * cheapest option just below it is `than` and just above it is `cheaper`: where the lower
 * envelope of the curves switches. Crossovers under a third, cheaper curve are returned as moot.
 */
export function volumeChartData(
  curve: readonly VolumePoint[],
  crossovers: readonly CrossoverLike[],
  total: (option: string, requestsPerDay: number) => number,
): VolumeChartData {
  const options = [...new Set(curve.map((p) => p.option))];
  const cheapest = (v: number): string => {
    let best = options[0]!;
    let bestTotal = Infinity;
    for (const o of options) {
      const t = total(o, v);
      if (t < bestTotal) {
        bestTotal = t;
        best = o;
      }
    }
    return best;
  };
  const marks: CrossoverMark[] = [];
  const moot: CrossoverLike[] = [];
  for (const c of crossovers) {
    const v = c.aboveRequestsPerDay;
    if (cheapest(v * 1.01) === c.cheaper && cheapest(v / 1.01) === c.than) {
      marks.push({
        requestsPerDay: v,
        totalUsd: round2(total(c.cheaper, v)),
        cheaper: c.cheaper,
        than: c.than,
        label: `${c.cheaper} cheapest above ${formatVolume(v)}/day`,
      });
    } else {
      moot.push(c);
    }
  }
  return { rows: curve.map((p) => ({ ...p, totalUsd: round2(p.totalUsd) })), marks, moot };
}

/** 3,100 / 45,000 / 1.2M: volumes as people say them. */
export function formatVolume(v: number): string {
  if (v >= 1e6) return `${trim(v / 1e6)}M`;
  const r = v >= 100 ? Math.round(v) : Number(v.toPrecision(2));
  return r.toLocaleString("en-US");
}

// -------------------------------------------------------------------------------------------
// 3. The decision matrix as a weighted heat map, and each option's score

/** The slice of a decision (`aitracks decide --json`) the heat map reads. */
export interface MatrixLike {
  readonly criterion: string;
  readonly score: number;
  readonly weight: number;
  readonly options: Readonly<Record<string, { readonly fit: number }>>;
}

export interface HeatCell {
  readonly criterion: string;
  readonly label: string;
  readonly option: string;
  readonly weight: number;
  readonly fit: number;
  /** weight x fit: what the cell adds to the option's weighted sum. */
  readonly weighted: number;
}

export function heatmapCells(
  matrix: readonly MatrixLike[],
  options: readonly string[],
  labels: Readonly<Record<string, string>> = {},
): HeatCell[] {
  const cells: HeatCell[] = [];
  for (const row of matrix) {
    for (const option of options) {
      const fit = row.options[option]?.fit;
      if (fit === undefined) continue;
      cells.push({
        criterion: row.criterion,
        label: `${labels[row.criterion] ?? row.criterion} (w ${row.weight})`,
        option,
        weight: row.weight,
        fit,
        weighted: Math.round(row.weight * fit * 100) / 100,
      });
    }
  }
  return cells;
}

export interface ScoreBar {
  readonly option: string;
  readonly score: number;
  readonly eligible: boolean;
  readonly recommended: boolean;
  /** `72.4 recommended`, `31.0 ineligible`. */
  readonly label: string;
}

export function scoreBars(
  scores: Readonly<Record<string, number>>,
  eligible: Readonly<Record<string, boolean>>,
  recommendation: string | null,
  options: readonly string[],
): ScoreBar[] {
  return options.map((option) => {
    const score = scores[option] ?? 0;
    const ok = eligible[option] !== false;
    const recommended = option === recommendation;
    return {
      option,
      score,
      eligible: ok,
      recommended,
      label: `${score.toFixed(1)}${recommended ? " \u2713 recommended" : ok ? "" : " \u2717 ineligible"}`,
    };
  });
}

// -------------------------------------------------------------------------------------------
// 4. The stack's monthly cost by track, cloud and resource type

/** A priced resource of the cost estimate (`aitracks cost --json`'s `resources`). */
export interface PricedResourceLike {
  readonly urn: string;
  readonly type: string;
  readonly monthlyUsd: number;
}

export const BREAKDOWN_DIMENSIONS = ["track", "cloud", "resource type"] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export interface BreakdownRow {
  readonly dimension: BreakdownDimension;
  readonly key: string;
  readonly monthlyUsd: number;
}

export interface BreakdownOptions {
  /** The track of a resource (`buy (assistant)`), or undefined outside any track. */
  readonly trackOf?: (urn: string) => string | undefined;
  /** At most this many keys per dimension; the rest are summed as "other (n)". Default 8. */
  readonly maxKeys?: number;
}

/** `aws:sagemaker/endpointConfiguration:EndpointConfiguration` -> `aws sagemaker EndpointConfiguration`. */
export function shortType(type: string): string {
  const [pkg, mod, name] = type.split(":");
  if (!mod || !name) return type;
  const module = mod.split("/")[0];
  return module && module !== "index" ? `${pkg} ${module} ${name}` : `${pkg} ${name}`;
}

/** The cloud of a resource type (core's one answer), else its package ("random", "pulumi-nodejs"…). */
export function cloudOf(type: string): string {
  return coreCloudOf(type) ?? (type.split(":")[0] || "other");
}

/**
 * The monthly cost three ways: by track, by cloud, by resource type. Each dimension sums to the
 * same total (the priced resources' sum), largest first; keys beyond `maxKeys` fold into one
 * "other" row so the chart stays legible without losing money.
 */
export function costBreakdownRows(resources: readonly PricedResourceLike[], opts: BreakdownOptions = {}): BreakdownRow[] {
  const maxKeys = opts.maxKeys ?? 8;
  const keyOf: Record<BreakdownDimension, (r: PricedResourceLike) => string> = {
    track: (r) => opts.trackOf?.(r.urn) ?? "outside tracks",
    cloud: (r) => cloudOf(r.type),
    "resource type": (r) => shortType(r.type),
  };
  const rows: BreakdownRow[] = [];
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const sums = new Map<string, number>();
    for (const r of resources) {
      const k = keyOf[dimension](r);
      sums.set(k, (sums.get(k) ?? 0) + r.monthlyUsd);
    }
    // A key whose resources are all free adds nothing to read: leave it out (the sum is unchanged).
    const sorted = [...sums].filter(([, usd]) => usd !== 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const kept = sorted.length > maxKeys ? sorted.slice(0, maxKeys - 1) : sorted;
    const rest = sorted.slice(kept.length);
    for (const [key, usd] of kept) rows.push({ dimension, key, monthlyUsd: round2(usd) });
    if (rest.length) {
      rows.push({ dimension, key: `other (${rest.length})`, monthlyUsd: round2(rest.reduce((s, [, usd]) => s + usd, 0)) });
    }
  }
  return rows;
}

// -------------------------------------------------------------------------------------------

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function trim(x: number): string {
  return Number(x.toFixed(x >= 10 ? 0 : 1)).toString();
}
