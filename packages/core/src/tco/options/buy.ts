import { CATEGORY_COUNT, MAINTENANCE, TEAM, TOKENS } from "../breakdown";
import type { TcoParams } from "../params";
import { monthlyTraffic } from "./traffic";

/** API fees per request at the buy prices (USD). */
export function apiUsdPerRequest(p: TcoParams): number {
  return tokenUsdPerRequest(p, p.buyInputUsdPerM, p.buyCachedInputUsdPerM, p.buyOutputUsdPerM, p.buyReasoningUsdPerM);
}

/**
 * One request's tokens at per-million prices: input (the cached share at the cache-read price),
 * output, and reasoning tokens (billed like output, at the reasoning price).
 *   (input x ((1 - cachedShare) x in + cachedShare x cached) + output x out + reasoning x reasoningPrice) / 1e6
 */
export function tokenUsdPerRequest(p: TcoParams, inUsdPerM: number, cachedUsdPerM: number, outUsdPerM: number, reasoningUsdPerM: number): number {
  const s = p.cachedInputShare;
  return (p.inputTokensPerRequest * ((1 - s) * inUsdPerM + s * cachedUsdPerM) + p.outputTokensPerRequest * outUsdPerM + p.reasoningTokensPerRequest * reasoningUsdPerM) / 1e6;
}

/**
 * Buy: call a commercial API. Per month m:
 *   tokens      = requestsPerDay x (1 + growth)^m x 365/12 x (input x in price + output x out price) / 1e6
 *   team        = developers x developerAnnualUsd / 12
 *   maintenance = monitoringUsdPerMonth
 * Writes each month's categories into `out` (if given) and returns the horizon's total.
 */
export function projectBuy(p: TcoParams, months: number, out: Float64Array | null): number {
  const perRequest = apiUsdPerRequest(p);
  const team = (p.developers * p.developerAnnualUsd) / 12;
  const monitoring = p.buyMonitoringUsdPerMonth;
  const { requests } = monthlyTraffic(p, months);
  let total = 0;
  for (let m = 0; m < months; m++) {
    const tokens = requests[m]! * perRequest;
    total += tokens + team + monitoring;
    if (out) {
      const o = m * CATEGORY_COUNT;
      out[o + TOKENS] = tokens;
      out[o + TEAM] = team;
      out[o + MAINTENANCE] = monitoring;
    }
  }
  return total;
}
