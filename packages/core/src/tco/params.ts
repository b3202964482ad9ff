/**
 * Every number the projection reads, flat, resolved from the workload file, its defaults, the
 * token prices and the compute catalog. One object of this shape is filled per Monte Carlo sample
 * (no allocation, no spreading in the inner loop); SKUs and methods are resolved to prices and
 * flags once, before any projection runs.
 */
export interface TcoParams {
  // Workload
  requestsPerDay: number;
  inputTokensPerRequest: number;
  outputTokensPerRequest: number;
  /** Share of input tokens read from the prompt cache (0..1). */
  cachedInputShare: number;
  /** Reasoning (thinking) tokens per request, billed like output. */
  reasoningTokensPerRequest: number;
  monthlyGrowth: number;
  peakToAverage: number;
  /** 1 = the API serves the traffic while a fine-tune or build project runs. */
  bridgeWithApi: number;

  // Team (every option)
  developers: number;
  developerAnnualUsd: number;
  mlEngineerAnnualUsd: number;

  // Buy
  buyInputUsdPerM: number;
  buyOutputUsdPerM: number;
  /** Cache-read and reasoning prices (the input and output prices when the model lists none). */
  buyCachedInputUsdPerM: number;
  buyReasoningUsdPerM: number;
  buyMonitoringUsdPerMonth: number;

  // Fine-tune
  ftExamples: number;
  ftLabelingUsdPerExample: number;
  ftTokensPerExample: number;
  ftEpochs: number;
  /** 1 = hosted training priced per training token; 0 = catalog instance-hours. */
  ftTrainHosted: number;
  ftTrainUsdPerHour: number;
  ftTrainInstanceCount: number;
  ftTrainHours: number;
  ftUsdPerMTrainingTokens: number;
  ftEngineers: number;
  ftProjectWeeks: number;
  ftMaintenanceFte: number;
  ftRetrainEveryMonths: number;
  /** 1 = hosted (per-token) inference; 0 = self-hosted instances. */
  ftInfHosted: number;
  ftInfUsdPerHour: number;
  ftInfTokensPerSecond: number;
  ftInfMinInstances: number;
  ftInfInputUsdPerM: number;
  ftInfOutputUsdPerM: number;
  ftInfCachedInputUsdPerM: number;
  ftInfReasoningUsdPerM: number;

  // Build
  bParameters: number;
  bTrainingTokens: number;
  bAccelerators: number;
  bPeakTflops: number;
  bTrainUsdPerHour: number;
  bUtilization: number;
  bExperimentOverhead: number;
  bDataUsd: number;
  bEngineers: number;
  bProjectMonths: number;
  bMaintenanceFte: number;
  bPlatformUsdPerMonth: number;
  bRefreshEveryMonths: number;
  bRefreshComputeFraction: number;
  bInfHosted: number;
  bInfUsdPerHour: number;
  bInfTokensPerSecond: number;
  bInfMinInstances: number;
  bInfInputUsdPerM: number;
  bInfOutputUsdPerM: number;
  bInfCachedInputUsdPerM: number;
  bInfReasoningUsdPerM: number;
}

export type ParamKey = keyof TcoParams;

/** A zeroed params object with every key present (one hidden class for V8). */
export function emptyParams(): TcoParams {
  return {
    requestsPerDay: 0,
    inputTokensPerRequest: 0,
    outputTokensPerRequest: 0,
    cachedInputShare: 0,
    reasoningTokensPerRequest: 0,
    monthlyGrowth: 0,
    peakToAverage: 0,
    bridgeWithApi: 0,
    developers: 0,
    developerAnnualUsd: 0,
    mlEngineerAnnualUsd: 0,
    buyInputUsdPerM: 0,
    buyOutputUsdPerM: 0,
    buyCachedInputUsdPerM: 0,
    buyReasoningUsdPerM: 0,
    buyMonitoringUsdPerMonth: 0,
    ftExamples: 0,
    ftLabelingUsdPerExample: 0,
    ftTokensPerExample: 0,
    ftEpochs: 0,
    ftTrainHosted: 0,
    ftTrainUsdPerHour: 0,
    ftTrainInstanceCount: 0,
    ftTrainHours: 0,
    ftUsdPerMTrainingTokens: 0,
    ftEngineers: 0,
    ftProjectWeeks: 0,
    ftMaintenanceFte: 0,
    ftRetrainEveryMonths: 0,
    ftInfHosted: 0,
    ftInfUsdPerHour: 0,
    ftInfTokensPerSecond: 0,
    ftInfMinInstances: 0,
    ftInfInputUsdPerM: 0,
    ftInfOutputUsdPerM: 0,
    ftInfCachedInputUsdPerM: 0,
    ftInfReasoningUsdPerM: 0,
    bParameters: 0,
    bTrainingTokens: 0,
    bAccelerators: 0,
    bPeakTflops: 0,
    bTrainUsdPerHour: 0,
    bUtilization: 0,
    bExperimentOverhead: 0,
    bDataUsd: 0,
    bEngineers: 0,
    bProjectMonths: 0,
    bMaintenanceFte: 0,
    bPlatformUsdPerMonth: 0,
    bRefreshEveryMonths: 0,
    bRefreshComputeFraction: 0,
    bInfHosted: 0,
    bInfUsdPerHour: 0,
    bInfTokensPerSecond: 0,
    bInfMinInstances: 0,
    bInfInputUsdPerM: 0,
    bInfOutputUsdPerM: 0,
    bInfCachedInputUsdPerM: 0,
    bInfReasoningUsdPerM: 0,
  };
}

/** Copy every field of `from` into `into` (fixed keys, no spread). */
export function copyParams(into: TcoParams, from: TcoParams): TcoParams {
  for (const k in from) into[k as ParamKey] = from[k as ParamKey];
  return into;
}
