import { CATEGORY_COUNT, COMPUTE, DATA, MAINTENANCE, TEAM, TOKENS } from "../breakdown";
import { DAYS_PER_MONTH, HOURS_PER_MONTH } from "../defaults";
import type { TcoParams } from "../params";
import { apiUsdPerRequest } from "./buy";
import { preLaunchShare, servingInstances } from "./common";

export interface PretrainingEstimate {
  /** 6 x parameters x training tokens (forward + backward pass per token per parameter). */
  readonly flops: number;
  /** Instance-hours of the final run at the given utilisation. */
  readonly instanceHours: number;
  /** The final run alone (USD). */
  readonly finalRunUsd: number;
  /** With the experiment overhead (ablations, restarts, failed runs): what the project pays. */
  readonly usd: number;
}

/**
 * Pretraining compute from first principles (the Chinchilla / Kaplan 6ND rule):
 *   seconds = 6 x N x D / (accelerators x peak TFLOP/s x 1e12 x utilisation)
 *   USD     = seconds / 3600 x instance hourly price x experiment overhead
 */
export function pretrainingEstimate(p: TcoParams): PretrainingEstimate {
  const flops = 6 * p.bParameters * p.bTrainingTokens;
  const flopsPerSecond = p.bAccelerators * p.bPeakTflops * 1e12 * p.bUtilization;
  const instanceHours = flops / flopsPerSecond / 3600;
  const finalRunUsd = instanceHours * p.bTrainUsdPerHour;
  return { flops, instanceHours, finalRunUsd, usd: finalRunUsd * p.bExperimentOverhead };
}

/**
 * Build: pretrain a model from scratch, then serve it. Per month m, with `pre` = the share of the
 * month before launch (projectMonths) and `post` = 1 - pre:
 *   project (spread evenly): pretraining compute -> compute, dataUsd -> data, engineers x ML rate -> team
 *   every month: platformUsdPerMonth -> compute, application developers -> team
 *   bridge (pre-launch, if bridgeWithApi): the API's tokens -> tokens, monitoring -> maintenance
 *   after launch: maintenanceFte x ML rate -> maintenance; serving -> compute or tokens
 *   every refreshEveryMonths after launch: refreshComputeFraction x pretraining compute -> compute
 */
export function projectBuild(p: TcoParams, months: number, out: Float64Array | null): number {
  const launch = p.bProjectMonths;
  const pretraining = pretrainingEstimate(p).usd;
  const mlRate = p.mlEngineerAnnualUsd / 12;
  const developers = (p.developers * p.developerAnnualUsd) / 12;
  const projectTeam = p.bEngineers * mlRate;
  const maintenance = p.bMaintenanceFte * mlRate;
  const bridge = p.bridgeWithApi !== 0;
  const apiPerRequest = apiUsdPerRequest(p);
  const hosted = p.bInfHosted !== 0;
  const hostedPerRequest = (p.inputTokensPerRequest * p.bInfInputUsdPerM + p.outputTokensPerRequest * p.bInfOutputUsdPerM) / 1e6;
  const instanceMonth = p.bInfUsdPerHour * HOURS_PER_MONTH;
  const refresh = pretraining * p.bRefreshComputeFraction;
  const refreshEvery = p.bRefreshEveryMonths;
  const growth = 1 + p.monthlyGrowth;
  let nextRefresh = refreshEvery > 0 ? launch + refreshEvery : Infinity;
  let requests = p.requestsPerDay;
  let total = 0;
  for (let m = 0; m < months; m++) {
    const pre = preLaunchShare(m, launch);
    const post = 1 - pre;
    const projectShare = launch > 0 ? pre / launch : m === 0 ? 1 : 0;
    let compute = pretraining * projectShare + p.bPlatformUsdPerMonth;
    const data = p.bDataUsd * projectShare;
    const team = developers + projectTeam * pre;
    let tokens = 0;
    let upkeep = maintenance * post;
    if (bridge && pre > 0) {
      tokens += requests * DAYS_PER_MONTH * apiPerRequest * pre;
      upkeep += p.buyMonitoringUsdPerMonth * pre;
    }
    if (post > 0) {
      if (hosted) tokens += requests * DAYS_PER_MONTH * hostedPerRequest * post;
      else {
        const n = servingInstances(
          requests,
          p.inputTokensPerRequest,
          p.outputTokensPerRequest,
          p.peakToAverage,
          p.bInfTokensPerSecond,
          p.bInfMinInstances,
        );
        compute += n * instanceMonth * post;
      }
    }
    while (nextRefresh < m + 1) {
      compute += refresh;
      nextRefresh += refreshEvery;
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
