import { tokenUsdPerRequest } from "./buy";
import { DAYS_PER_MONTH, HOURS_PER_MONTH, RELABEL_FRACTION } from "../defaults";
import type { TcoParams } from "../params";
import { emptyLaunchPlan, projectLaunch } from "./common";

/** One training run's compute (USD): catalog instance-hours, or hosted per training token. */
export function fineTuneTrainingUsd(p: TcoParams): number {
  if (p.ftTrainHosted) return ((p.ftExamples * p.ftTokensPerExample * p.ftEpochs) / 1e6) * p.ftUsdPerMTrainingTokens;
  return p.ftTrainUsdPerHour * p.ftTrainInstanceCount * p.ftTrainHours;
}

/** Labelling the training set (USD). */
export function fineTuneLabelingUsd(p: TcoParams): number {
  return p.ftExamples * p.ftLabelingUsdPerExample;
}

/** Months from start to launch: projectWeeks x 7 days / (365/12). */
export function fineTuneLaunchMonth(p: TcoParams): number {
  return (p.ftProjectWeeks * 7) / DAYS_PER_MONTH;
}

/** Filled in place by every projectFineTune call (see emptyLaunchPlan). */
const plan = emptyLaunchPlan();

/**
 * Fine-tune: adapt an open model with labelled domain data, then serve it. Per month m, with
 * `pre` = the share of the month before launch and `post` = 1 - pre:
 *   project (spread evenly over the project): labelling -> data, one training run -> compute,
 *     engineers x ML rate -> team
 *   bridge (pre-launch, if bridgeWithApi): the API's tokens -> tokens, monitoring -> maintenance
 *   after launch: maintenanceFte x ML rate -> maintenance; serving -> compute (self-hosted
 *     instances x hourly x 730) or tokens (hosted per-token)
 *   every retrainEveryMonths after launch: training again -> compute, 20% of labelling -> data
 *   every month: the application developers -> team
 */
export function projectFineTune(p: TcoParams, months: number, out: Float64Array | null): number {
  const labelling = fineTuneLabelingUsd(p);
  const training = fineTuneTrainingUsd(p);
  const mlRate = p.mlEngineerAnnualUsd / 12;
  plan.launch = fineTuneLaunchMonth(p);
  plan.projectCompute = training;
  plan.projectData = labelling;
  plan.projectTeamPerMonth = p.ftEngineers * mlRate;
  plan.platformPerMonth = 0;
  plan.maintenancePerMonth = p.ftMaintenanceFte * mlRate;
  plan.hosted = p.ftInfHosted !== 0;
  plan.hostedUsdPerRequest = tokenUsdPerRequest(p, p.ftInfInputUsdPerM, p.ftInfCachedInputUsdPerM, p.ftInfOutputUsdPerM, p.ftInfReasoningUsdPerM);
  plan.instanceUsdPerMonth = p.ftInfUsdPerHour * HOURS_PER_MONTH;
  plan.tokensPerSecondPerInstance = p.ftInfTokensPerSecond;
  plan.minInstances = p.ftInfMinInstances;
  plan.periodicEvery = p.ftRetrainEveryMonths;
  plan.periodicCompute = training;
  plan.periodicData = labelling * RELABEL_FRACTION;
  return projectLaunch(p, plan, months, out);
}
