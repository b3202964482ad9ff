import { CATEGORY_COUNT, COMPUTE, DATA, MAINTENANCE, TEAM, TOKENS } from "../breakdown";
import { DAYS_PER_MONTH, HOURS_PER_MONTH, RELABEL_FRACTION } from "../defaults";
import type { TcoParams } from "../params";
import { apiUsdPerRequest } from "./buy";
import { preLaunchShare, servingInstances } from "./common";

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
  const launch = fineTuneLaunchMonth(p);
  const labelling = fineTuneLabelingUsd(p);
  const training = fineTuneTrainingUsd(p);
  const mlRate = p.mlEngineerAnnualUsd / 12;
  const developers = (p.developers * p.developerAnnualUsd) / 12;
  const projectTeam = p.ftEngineers * mlRate;
  const maintenance = p.ftMaintenanceFte * mlRate;
  const bridge = p.bridgeWithApi !== 0;
  const apiPerRequest = apiUsdPerRequest(p);
  const hosted = p.ftInfHosted !== 0;
  const hostedPerRequest = (p.inputTokensPerRequest * p.ftInfInputUsdPerM + p.outputTokensPerRequest * p.ftInfOutputUsdPerM) / 1e6;
  const instanceMonth = p.ftInfUsdPerHour * HOURS_PER_MONTH;
  const growth = 1 + p.monthlyGrowth;
  const retrainEvery = p.ftRetrainEveryMonths;
  let nextRetrain = retrainEvery > 0 ? launch + retrainEvery : Infinity;
  let requests = p.requestsPerDay;
  let total = 0;
  for (let m = 0; m < months; m++) {
    const pre = preLaunchShare(m, launch);
    const post = 1 - pre;
    // A zero-length project lands all its one-offs in month 0.
    const projectShare = launch > 0 ? pre / launch : m === 0 ? 1 : 0;
    let compute = training * projectShare;
    let data = labelling * projectShare;
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
          p.ftInfTokensPerSecond,
          p.ftInfMinInstances,
        );
        compute += n * instanceMonth * post;
      }
    }
    while (nextRetrain < m + 1) {
      compute += training;
      data += labelling * RELABEL_FRACTION;
      nextRetrain += retrainEvery;
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
