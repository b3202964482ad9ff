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

/** The traffic of every month of the horizon, as the projections read it. */
export interface MonthlyTraffic {
  /** Month m's requests: requestsPerDay x (1 + growth)^m x 365/12. */
  readonly requests: Float64Array;
  /** Month m's peak tokens per second (serving capacity; reasoning tokens count as output). */
  readonly peakTokensPerSecond: Float64Array;
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
  const traffic = { requests, peakTokensPerSecond: peak };
  last = {
    key: { months, requestsPerDay: p.requestsPerDay, monthlyGrowth: p.monthlyGrowth, inputTokensPerRequest: p.inputTokensPerRequest, servedOutput, peakToAverage: p.peakToAverage },
    traffic,
  };
  return traffic;
}
