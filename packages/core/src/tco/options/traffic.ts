import { DAYS_PER_MONTH, PREFILL_TOKEN_WEIGHT } from "../defaults";
import type { TcoParams } from "../params";

/**
 * Peak tokens per second of a day's traffic. Generated tokens set the pace; prefill (input)
 * tokens cost about a tenth of a generated token each.
 *
 *   peak tokens/s = requests/day x (output + input/10) / 86,400 x peakToAverage
 */
export function peakTokensPerSecond(requestsPerDay: number, inputTokensPerRequest: number, outputTokensPerRequest: number, peakToAverage: number): number {
  return ((requestsPerDay * (outputTokensPerRequest + inputTokensPerRequest * PREFILL_TOKEN_WEIGHT)) / 86_400) * peakToAverage;
}

/**
 * Instances a self-hosted endpoint needs for a day's traffic: peak tokens per second over one
 * instance's throughput, rounded up, never below the minimum.
 */
export function servingInstances(
  requestsPerDay: number,
  inputTokensPerRequest: number,
  outputTokensPerRequest: number,
  peakToAverage: number,
  tokensPerSecondPerInstance: number,
  minInstances: number,
): number {
  return instancesForPeak(peakTokensPerSecond(requestsPerDay, inputTokensPerRequest, outputTokensPerRequest, peakToAverage), tokensPerSecondPerInstance, minInstances);
}

/** Instances for a peak of tokens per second: rounded up, never below the minimum. */
function instancesForPeak(peak: number, tokensPerSecondPerInstance: number, minInstances: number): number {
  // The epsilon keeps 1,200.0000000001 / 1,200 (float noise) from becoming two instances.
  const needed = Math.ceil(peak / tokensPerSecondPerInstance - 1e-9);
  return needed > minInstances ? needed : minInstances;
}

/** The traffic of every month of the horizon, as the projections read it. */
export interface MonthlyTraffic {
  /** Month m's requests: requestsPerDay x (1 + growth)^m x 365/12. */
  readonly requests: Float64Array;
  /** Month m's peak tokens per second (serving capacity; reasoning tokens count as output). */
  readonly peakTokensPerSecond: Float64Array;
  /** Instances per month by instance throughput and minimum (monthlyInstances). */
  readonly instances: { readonly tokensPerSecond: number; readonly min: number; readonly counts: Float64Array }[];
}

/**
 * Month m's self-hosted instances for this traffic (instancesForPeak of its peak), kept with the
 * traffic for each throughput and minimum asked (fine-tune and build serve the same traffic).
 */
export function monthlyInstances(traffic: MonthlyTraffic, tokensPerSecondPerInstance: number, minInstances: number): Float64Array {
  const kept = traffic.instances;
  for (let i = 0; i < kept.length; i++) if (kept[i]!.tokensPerSecond === tokensPerSecondPerInstance && kept[i]!.min === minInstances) return kept[i]!.counts;
  const peak = traffic.peakTokensPerSecond;
  const counts = new Float64Array(peak.length);
  for (let m = 0; m < peak.length; m++) counts[m] = instancesForPeak(peak[m]!, tokensPerSecondPerInstance, minInstances);
  // A few throughputs per traffic at most (one per option) unless the throughput is a range.
  if (kept.length >= 8) kept.shift();
  kept.push({ tokensPerSecond: tokensPerSecondPerInstance, min: minInstances, counts });
  return counts;
}

interface TrafficKey {
  readonly months: number;
  readonly requestsPerDay: number;
  readonly monthlyGrowth: number;
  readonly inputTokensPerRequest: number;
  readonly servedOutput: number;
  readonly peakToAverage: number;
}

let last: { readonly key: TrafficKey; readonly traffic: MonthlyTraffic } | undefined;

/**
 * Month by month, the traffic the workload serves: the same for every option and, unless the
 * traffic itself is a range, for every Monte Carlo sample, so it is computed once per traffic
 * (the last one is kept) rather than in every projection's month loop.
 */
export function monthlyTraffic(p: TcoParams, months: number): MonthlyTraffic {
  // Reasoning tokens are generated like the visible output: they take serving capacity.
  const servedOutput = p.outputTokensPerRequest + p.reasoningTokensPerRequest;
  const k = last?.key;
  if (
    k &&
    k.months === months &&
    k.requestsPerDay === p.requestsPerDay &&
    k.monthlyGrowth === p.monthlyGrowth &&
    k.inputTokensPerRequest === p.inputTokensPerRequest &&
    k.servedOutput === servedOutput &&
    k.peakToAverage === p.peakToAverage
  ) {
    return last!.traffic;
  }
  const requests = new Float64Array(months);
  const peak = new Float64Array(months);
  const growth = 1 + p.monthlyGrowth;
  let perDay = p.requestsPerDay;
  for (let m = 0; m < months; m++) {
    requests[m] = perDay * DAYS_PER_MONTH;
    peak[m] = peakTokensPerSecond(perDay, p.inputTokensPerRequest, servedOutput, p.peakToAverage);
    perDay *= growth;
  }
  const traffic = { requests, peakTokensPerSecond: peak, instances: [] };
  last = {
    key: { months, requestsPerDay: p.requestsPerDay, monthlyGrowth: p.monthlyGrowth, inputTokensPerRequest: p.inputTokensPerRequest, servedOutput, peakToAverage: p.peakToAverage },
    traffic,
  };
  return traffic;
}
