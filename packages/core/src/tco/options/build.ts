import { tokenUsdPerRequest } from "./buy";
import { HOURS_PER_MONTH } from "../defaults";
import type { TcoParams } from "../params";
import { projectLaunch } from "./common";

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
  const pretraining = pretrainingEstimate(p).usd;
  const mlRate = p.mlEngineerAnnualUsd / 12;
  return projectLaunch(
    p,
    {
      launch: p.bProjectMonths,
      projectCompute: pretraining,
      projectData: p.bDataUsd,
      projectTeamPerMonth: p.bEngineers * mlRate,
      platformPerMonth: p.bPlatformUsdPerMonth,
      maintenancePerMonth: p.bMaintenanceFte * mlRate,
      hosted: p.bInfHosted !== 0,
      hostedUsdPerRequest: tokenUsdPerRequest(p, p.bInfInputUsdPerM, p.bInfCachedInputUsdPerM, p.bInfOutputUsdPerM, p.bInfReasoningUsdPerM),
      instanceUsdPerMonth: p.bInfUsdPerHour * HOURS_PER_MONTH,
      tokensPerSecondPerInstance: p.bInfTokensPerSecond,
      minInstances: p.bInfMinInstances,
      periodicEvery: p.bRefreshEveryMonths,
      periodicCompute: pretraining * p.bRefreshComputeFraction,
      periodicData: 0,
    },
    months,
    out,
  );
}
