import type { CatalogEntry } from "../schema/catalog";
import { defaultNumber, PREFILL_TOKEN_WEIGHT } from "../tco/defaults";
import { pointOf } from "../schema/common";
import type { PricingContext } from "./module";
import { fmt, HOURS, sourceOf } from "./price";
import { HORIZON_MONTHS } from "./storage";
import { workloadFields } from "./to-count";
import type { CostComponent } from "./types";
import type { Usage } from "./usage";

/**
 * Expected size of an autoscaled fleet (SageMaker endpoint variants, Vertex AI endpoints, Azure ML
 * online deployments), month by month, from the workload.
 *
 * The day's traffic has busy hours at the peak rate (requestsPerDay / 1,440 a minute x
 * peakToAverage) and quiet hours at the rate that makes up the rest of the day. Half of the day's
 * requests arrive in the busy hours, so they last 24 / (2 x peakToAverage) hours, and the quiet
 * rate is peakToAverage / (2 x peakToAverage - 1) x the average (a peak-to-average of 1 or less
 * is a flat day). In each kind of hour the fleet runs the instances the scaling rule asks for,
 * rounded up and clamped to min..max:
 *
 *   instances = clamp(ceil(requests a minute / requests a minute one instance takes at the target), min, max)
 *   expected  = busy share x busy instances + (1 - busy share) x quiet instances
 *
 * Month m's traffic grows with the workload: requestsPerDay x (1 + monthlyGrowth)^m.
 */
export interface FleetScaling {
  readonly min: number;
  readonly max: number;
  /** Requests a minute one instance takes when the scaling metric is at its target. */
  readonly requestsPerMinutePerInstance: number;
  /** How that figure comes from the scaling rule, for the note. */
  readonly basis: string;
}

export interface FleetMonth {
  readonly busyInstances: number;
  readonly quietInstances: number;
  /** Instances averaged over the month. */
  readonly expected: number;
}

/** Peak-to-average the fleet is sized with: the workload's, else the TCO model's default. */
export function peakToAverageOf(usage: Usage): number {
  const p = usage.workload?.workload.peakToAverage;
  return pointOf(p ?? defaultNumber("workload.peakToAverage"));
}

/** Share of the day in busy hours (half of the requests at the peak rate): 1 / (2 x peakToAverage), 1 for a flat day. */
export function busyShare(peakToAverage: number): number {
  return peakToAverage <= 1 ? 1 : 1 / (2 * peakToAverage);
}

/** The quiet hours' rate over the daily average: peakToAverage / (2 x peakToAverage - 1). */
export function quietRatio(peakToAverage: number): number {
  return peakToAverage <= 1 ? 1 : peakToAverage / (2 * peakToAverage - 1);
}

/** The fleet in month m (0-based) for `share` of the workload's traffic. */
export function fleetInMonth(usage: Usage, share: number, s: FleetScaling, month: number): FleetMonth {
  const p = Math.max(1, peakToAverageOf(usage));
  const perMinute = ((usage.requestsPerDay * share) / 1_440) * (1 + usage.monthlyGrowth) ** month;
  const size = (rate: number) => {
    // The epsilon keeps 60.0000000001 / 30 (float noise) from becoming three instances.
    const needed = Math.ceil(rate / s.requestsPerMinutePerInstance - 1e-9);
    return Math.min(s.max, Math.max(s.min, needed));
  };
  const busyInstances = size(perMinute * p);
  const quietInstances = size(perMinute * quietRatio(p));
  const b = busyShare(p);
  return { busyInstances, quietInstances, expected: b * busyInstances + (1 - b) * quietInstances };
}

/**
 * Requests a minute one instance takes at a utilisation target (Vertex AI duty cycle or CPU,
 * Azure Monitor CPU): the instance's generated tokens a second (the workload's inference
 * tokensPerSecondPerInstance, else the TCO model's default) x the target, over the tokens a request
 * weighs (output + input / 10, as the TCO model sizes serving).
 */
export function requestsPerMinuteAtUtilisation(usage: Usage, targetPercent: number): { perMinute: number; basis: string } {
  const inf = usage.workload?.fineTune?.inference?.tokensPerSecondPerInstance;
  const tps = pointOf(inf ?? defaultNumber("fineTune.inference.tokensPerSecondPerInstance"));
  const weight = usage.outputTokensPerRequest + usage.inputTokensPerRequest * PREFILL_TOKEN_WEIGHT;
  const perMinute = weight > 0 ? (tps * (targetPercent / 100) * 60) / weight : Number.POSITIVE_INFINITY;
  return {
    perMinute,
    basis: `${fmt(tps)} tokens/s an instance${inf === undefined ? " (the TCO default; set aitracks:workload.fineTune.inference.tokensPerSecondPerInstance)" : ""} at the ${fmt(targetPercent)}% utilisation target = ${fmt(perMinute)} requests a minute of ${fmt(weight)} weighted tokens`,
  };
}

function round(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * The autoscaled part of a fleet as one cost line: instance-hours above `base` (the count already
 * priced on the resource itself: 0 when this line is the whole fleet). The month's quantity is
 * the expected fleet in month 0, `minMonthlyQuantity` the fleet at its minimum, the ceiling at its
 * maximum, `monthlyUsdByMonth` the expected fleet of every month of the horizon. Without a
 * workload the fleet stays at its minimum (and says so).
 */
export function fleetComponent(ctx: PricingContext, e: CatalogEntry, label: string, s: FleetScaling, baseline: { count: number; where: string } | undefined, share: number): { component: CostComponent; notes: string[] } {
  const u = ctx.usage;
  const base = baseline?.count ?? 0;
  const hours = (n: number) => round((n - base) * HOURS);
  const usd = (n: number) => round((n - base) * HOURS * e.usd);
  const notes: string[] = [];
  let byMonth: number[];
  let expected0: number;
  if (!u.given || !(s.requestsPerMinutePerInstance > 0)) {
    expected0 = s.min;
    byMonth = new Array<number>(HORIZON_MONTHS).fill(usd(s.min));
    // With a workload the scaling rule is what is missing (its basis says which); without one, the workload.
    notes.push(
      u.given
        ? `${s.basis}; priced at its minimum of ${s.min}`
        : `no aitracks:workload: the fleet is priced at its minimum of ${s.min}; add ${workloadFields(["requestsPerDay", "peakToAverage", "monthlyGrowth"])} to price the expected fleet`,
    );
  } else {
    const months = Array.from({ length: HORIZON_MONTHS }, (_, m) => fleetInMonth(u, share, s, m));
    expected0 = months[0]!.expected;
    byMonth = months.map((f) => usd(f.expected));
    const p = Math.max(1, peakToAverageOf(u));
    const last = months[HORIZON_MONTHS - 1]!;
    notes.push(
      `expected fleet: ${fmt(expected0)} instances in month 1 (${months[0]!.busyInstances} in the busy ${fmt(busyShare(p) * 24)} h a day at ${fmt(p)}x the average, ${months[0]!.quietInstances} in the quiet hours), ${fmt(last.expected)} in month ${HORIZON_MONTHS}; ${s.basis}; clamped to ${s.min}..${s.max}`,
    );
  }
  const component: CostComponent = {
    name: `${label}: ${e.sku} min ${s.min} / expected ${fmt(expected0)} / ceiling ${s.max}${baseline && base !== 0 ? ` (less the ${base} priced on ${baseline.where})` : ""}`,
    unit: e.unit,
    kind: "fixed",
    monthlyQuantity: hours(expected0),
    unitPriceUsd: e.usd,
    monthlyUsd: usd(expected0),
    minMonthlyQuantity: hours(s.min),
    minMonthlyUsd: usd(s.min),
    ceilingMonthlyQuantity: hours(s.max),
    ceilingMonthlyUsd: usd(s.max),
    monthlyUsdByMonth: byMonth,
    priceSource: sourceOf(e),
  };
  return { component, notes };
}

/**
 * The share of the workload a fleet serves: its own traffic share when it serves traffic, else the
 * share of a model its track serves traffic through, else the whole workload when nothing else
 * serves it, else an even split with the tracks that do.
 */
export function fleetShareOf(ctx: PricingContext, r: { urn: string }): { share: number; notes: string[] } {
  if (ctx.trafficShare > 0) return { share: ctx.trafficShare, notes: [] };
  const track = ctx.track;
  let groups = 0;
  for (const [urn, share] of ctx.trafficShares) {
    if (share <= 0 || urn === r.urn) continue;
    groups++;
    const other = ctx.graph.byUrn.get(urn);
    const t = other ? ctx.graph.trackOf(other) : undefined;
    if (track && t && t.track === track.track && t.cloud === track.cloud && t.name === track.name) return { share, notes: [] };
  }
  if (groups === 0) return { share: 1, notes: [] };
  const share = 1 / (groups + 1);
  return { share, notes: [`the fleet is sized for ${fmt(share * 100)}% of the workload (split evenly with the ${groups} other track${groups === 1 ? "" : "s"} that serve it)`] };
}
