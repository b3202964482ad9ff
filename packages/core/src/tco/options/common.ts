import { CATEGORY_COUNT, COMPUTE, DATA, MAINTENANCE, TEAM, TOKENS } from "../breakdown";
import type { TcoParams } from "../params";
import { apiUsdPerRequest } from "./buy";
import { monthlyTraffic, peakTokensPerSecond } from "./traffic";

/**
 * Instances a self-hosted endpoint needs for a day's traffic: peak tokens per second over one
 * instance's throughput, rounded up, never below the minimum (peakTokensPerSecond: generated
 * tokens set the pace, a prefill token costs about a tenth of one).
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
export function instancesForPeak(peak: number, tokensPerSecondPerInstance: number, minInstances: number): number {
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
  launch: number;
  /** Spread evenly over the project (all in month 0 for a zero-length project). */
  projectCompute: number;
  projectData: number;
  /** USD a month before launch (the project team). */
  projectTeamPerMonth: number;
  /** USD a month of compute, every month (a training platform). */
  platformPerMonth: number;
  /** USD a month after launch (the engineers who keep the model healthy). */
  maintenancePerMonth: number;
  /** Serving after launch: per-token (hosted) or instances sized from the traffic. */
  hosted: boolean;
  hostedUsdPerRequest: number;
  instanceUsdPerMonth: number;
  tokensPerSecondPerInstance: number;
  minInstances: number;
  /** Every `every` months after launch (0 = never): retraining or refresh costs. */
  periodicEvery: number;
  periodicCompute: number;
  periodicData: number;
}

/**
 * A zeroed plan with every field present, for an option to fill in place before each projection
 * (Monte Carlo projects 10,000 times; a fresh object each time is garbage the first call pays
 * for in scavenges). projectLaunch reads the plan and keeps nothing of it.
 */
export function emptyLaunchPlan(): LaunchPlan {
  return {
    launch: 0,
    projectCompute: 0,
    projectData: 0,
    projectTeamPerMonth: 0,
    platformPerMonth: 0,
    maintenancePerMonth: 0,
    hosted: false,
    hostedUsdPerRequest: 0,
    instanceUsdPerMonth: 0,
    tokensPerSecondPerInstance: 0,
    minInstances: 0,
    periodicEvery: 0,
    periodicCompute: 0,
    periodicData: 0,
  };
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
  // Everything the month loop reads, in locals: the optimizer does not hoist property loads out
  // of loops, and the interpreter (where a first Monte Carlo call starts) pays per load.
  const { launch, projectCompute, projectData, projectTeamPerMonth, platformPerMonth, maintenancePerMonth, hosted } = plan;
  const { hostedUsdPerRequest, instanceUsdPerMonth, tokensPerSecondPerInstance, minInstances } = plan;
  const { periodicEvery, periodicCompute, periodicData } = plan;
  const { buyMonitoringUsdPerMonth } = p;
  const traffic = monthlyTraffic(p, months);
  const developers = (p.developers * p.developerAnnualUsd) / 12;
  const bridge = p.bridgeWithApi !== 0;
  const apiPerRequest = apiUsdPerRequest(p);
  let nextPeriodic = periodicEvery > 0 ? launch + periodicEvery : Infinity;
  // From the first whole month after launch, pre = 0, post = 1 and the project's share is 0, so
  // the project, team and upkeep parts of every month are the formulas below at those values:
  // computed once (Monte Carlo runs this loop 720,000 times).
  const launchedFrom = launch > 0 ? Math.ceil(launch) : 1;
  const launchedCompute = projectCompute * 0 + platformPerMonth;
  const launchedData = projectData * 0;
  const launchedTeam = developers + projectTeamPerMonth * 0;
  const launchedUpkeep = maintenancePerMonth * 1;
  let total = 0;
  for (let m = 0; m < months; m++) {
    const requests = traffic.requests[m]!;
    let pre = 0;
    let post = 1;
    let compute = launchedCompute;
    let data = launchedData;
    let team = launchedTeam;
    let tokens = 0;
    let upkeep = launchedUpkeep;
    if (m < launchedFrom) {
      pre = preLaunchShare(m, launch);
      post = 1 - pre;
      // A zero-length project lands all its one-offs in month 0.
      const projectShare = launch > 0 ? pre / launch : m === 0 ? 1 : 0;
      compute = projectCompute * projectShare + platformPerMonth;
      data = projectData * projectShare;
      team = developers + projectTeamPerMonth * pre;
      upkeep = maintenancePerMonth * post;
      if (bridge && pre > 0) {
        tokens += requests * apiPerRequest * pre;
        upkeep += buyMonitoringUsdPerMonth * pre;
      }
    }
    if (post > 0) {
      if (hosted) tokens += requests * hostedUsdPerRequest * post;
      else {
        const n = instancesForPeak(traffic.peakTokensPerSecond[m]!, tokensPerSecondPerInstance, minInstances);
        compute += n * instanceUsdPerMonth * post;
      }
    }
    while (nextPeriodic < m + 1) {
      compute += periodicCompute;
      data += periodicData;
      nextPeriodic += periodicEvery;
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
  }
  return total;
}
