import { PREFILL_TOKEN_WEIGHT } from "../defaults";

/**
 * Instances a self-hosted endpoint needs for a day's traffic: peak tokens per second over one
 * instance's throughput, rounded up, never below the minimum. Generated tokens set the pace;
 * prefill (input) tokens cost about a tenth of a generated token each.
 *
 *   peak tokens/s = requests/day x (output + input/10) / 86,400 x peakToAverage
 */
export function servingInstances(
  requestsPerDay: number,
  inputTokensPerRequest: number,
  outputTokensPerRequest: number,
  peakToAverage: number,
  tokensPerSecondPerInstance: number,
  minInstances: number,
): number {
  const peak =
    ((requestsPerDay * (outputTokensPerRequest + inputTokensPerRequest * PREFILL_TOKEN_WEIGHT)) / 86_400) * peakToAverage;
  // The epsilon keeps 1,200.0000000001 / 1,200 (float noise) from becoming two instances.
  const needed = Math.ceil(peak / tokensPerSecondPerInstance - 1e-9);
  return needed > minInstances ? needed : minInstances;
}

/** Share of month m (0-based, [m, m+1)) that falls before `launch` (in months): 0..1. */
export function preLaunchShare(m: number, launch: number): number {
  const pre = launch - m;
  return pre <= 0 ? 0 : pre >= 1 ? 1 : pre;
}
