import { tokenUsdPerRequest } from "./buy";
import { HOURS_PER_MONTH } from "../defaults";
import type { TcoParams } from "../params";
import { emptyLaunchPlan, projectLaunch } from "./common";

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
  const instanceHours = pretrainingInstanceHours(p);
  const finalRunUsd = instanceHours * p.bTrainUsdPerHour;
  return { flops: pretrainingFlops(p), instanceHours, finalRunUsd, usd: finalRunUsd * p.bExperimentOverhead };
}

/** pretrainingEstimate(p).usd without building the estimate (projectBuild runs once per Monte Carlo sample). */
function pretrainingUsd(p: TcoParams): number {
  return pretrainingInstanceHours(p) * p.bTrainUsdPerHour * p.bExperimentOverhead;
}

function pretrainingFlops(p: TcoParams): number {
  return 6 * p.bParameters * p.bTrainingTokens;
}

function pretrainingInstanceHours(p: TcoParams): number {
  const flopsPerSecond = p.bAccelerators * p.bPeakTflops * 1e12 * p.bUtilization;
  return pretrainingFlops(p) / flopsPerSecond / 3600;
}

/** Filled in place by every projectBuild call (see emptyLaunchPlan). */
const plan = emptyLaunchPlan();

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
  const pretraining = pretrainingUsd(p);
  const mlRate = p.mlEngineerAnnualUsd / 12;
  plan.launch = p.bProjectMonths;
  plan.projectCompute = pretraining;
  plan.projectData = p.bDataUsd;
  plan.projectTeamPerMonth = p.bEngineers * mlRate;
  plan.platformPerMonth = p.bPlatformUsdPerMonth;
  plan.maintenancePerMonth = p.bMaintenanceFte * mlRate;
  plan.hosted = p.bInfHosted !== 0;
  plan.hostedUsdPerRequest = tokenUsdPerRequest(p, p.bInfInputUsdPerM, p.bInfCachedInputUsdPerM, p.bInfOutputUsdPerM, p.bInfReasoningUsdPerM);
  plan.instanceUsdPerMonth = p.bInfUsdPerHour * HOURS_PER_MONTH;
  plan.tokensPerSecondPerInstance = p.bInfTokensPerSecond;
  plan.minInstances = p.bInfMinInstances;
  plan.periodicEvery = p.bRefreshEveryMonths;
  plan.periodicCompute = pretraining * p.bRefreshComputeFraction;
  plan.periodicData = 0;
  return projectLaunch(p, plan, months, out);
}
