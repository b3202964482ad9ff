import { CATEGORY_COUNT, COMPUTE, DATA, MAINTENANCE, TEAM, TOKENS } from "../breakdown";
import { DAYS_PER_MONTH, PREFILL_TOKEN_WEIGHT } from "../defaults";
import type { TcoParams } from "../params";
import { apiUsdPerRequest } from "./buy";

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

/**
 * What a project that launches its own model (fine-tune or build) costs, as plain numbers: the
 * two options differ only in these, and share the month-by-month projection below.
 */
export interface LaunchPlan {
  /** Months from start to launch (fractional months prorate). */
  readonly launch: number;
  /** Spread evenly over the project (all in month 0 for a zero-length project). */
  readonly projectCompute: number;
  readonly projectData: number;
  /** USD a month before launch (the project team). */
  readonly projectTeamPerMonth: number;
  /** USD a month of compute, every month (a training platform). */
  readonly platformPerMonth: number;
  /** USD a month after launch (the engineers who keep the model healthy). */
  readonly maintenancePerMonth: number;
  /** Serving after launch: per-token (hosted) or instances sized from the traffic. */
  readonly hosted: boolean;
  readonly hostedUsdPerRequest: number;
  readonly instanceUsdPerMonth: number;
  readonly tokensPerSecondPerInstance: number;
  readonly minInstances: number;
  /** Every `every` months after launch (0 = never): retraining or refresh costs. */
  readonly periodicEvery: number;
  readonly periodicCompute: number;
  readonly periodicData: number;
}

/**
 * Month by month, for an option that launches its own model. With `pre` = the share of month m
 * before launch and `post` = 1 - pre:
 *   project: projectCompute -> compute, projectData -> data (spread evenly), team x pre -> team
 *   every month: platform -> compute, the application developers -> team
 *   bridge (pre-launch, if bridgeWithApi): the API's tokens -> tokens, monitoring -> maintenance
 *   after launch: maintenance x post; serving -> compute (instances x month x post) or tokens
 *   every periodicEvery months after launch: periodic compute and data
 * Writes the five categories per month into `out` when given; returns the total.
 */
export function projectLaunch(p: TcoParams, plan: LaunchPlan, months: number, out: Float64Array | null): number {
  const { launch } = plan;
  const developers = (p.developers * p.developerAnnualUsd) / 12;
  const bridge = p.bridgeWithApi !== 0;
  const apiPerRequest = apiUsdPerRequest(p);
  const growth = 1 + p.monthlyGrowth;
  let nextPeriodic = plan.periodicEvery > 0 ? launch + plan.periodicEvery : Infinity;
  let requests = p.requestsPerDay;
  let total = 0;
  for (let m = 0; m < months; m++) {
    const pre = preLaunchShare(m, launch);
    const post = 1 - pre;
    // A zero-length project lands all its one-offs in month 0.
    const projectShare = launch > 0 ? pre / launch : m === 0 ? 1 : 0;
    let compute = plan.projectCompute * projectShare + plan.platformPerMonth;
    let data = plan.projectData * projectShare;
    const team = developers + plan.projectTeamPerMonth * pre;
    let tokens = 0;
    let upkeep = plan.maintenancePerMonth * post;
    if (bridge && pre > 0) {
      tokens += requests * DAYS_PER_MONTH * apiPerRequest * pre;
      upkeep += p.buyMonitoringUsdPerMonth * pre;
    }
    if (post > 0) {
      if (plan.hosted) tokens += requests * DAYS_PER_MONTH * plan.hostedUsdPerRequest * post;
      else {
        const n = servingInstances(
          requests,
          p.inputTokensPerRequest,
          // Reasoning tokens are generated like the visible output: they take serving capacity.
          p.outputTokensPerRequest + p.reasoningTokensPerRequest,
          p.peakToAverage,
          plan.tokensPerSecondPerInstance,
          plan.minInstances,
        );
        compute += n * plan.instanceUsdPerMonth * post;
      }
    }
    while (nextPeriodic < m + 1) {
      compute += plan.periodicCompute;
      data += plan.periodicData;
      nextPeriodic += plan.periodicEvery;
    }
    total += compute + tokens + team + data + upkeep;
    if (out) {
      const o = m * CATEGORY_COUNT;
      out[o + COMPUTE] = compute;
      out[o + TOKENS] = tokens;
      out[o + TEAM] = team;
      out[o + DATA] = data;
      out[o + MAINTENANCE] = upkeep;
    }
    requests *= growth;
  }
  return total;
}
