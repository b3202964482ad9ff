import type { Usage } from "./usage";

/** Bytes a token takes as UTF-8 text, on average (English prose: about 4 characters a token). */
export const BYTES_PER_TOKEN = 4;
/** JSON envelope of one logged request (ids, timestamps, model, usage counts). */
export const LOG_RECORD_OVERHEAD_BYTES = 1_024;
/** The horizon the three-year figure covers, in months. */
export const HORIZON_MONTHS = 36;

/** GB a month of full request + response logs for a share of the workload's traffic. */
export function requestLogGbPerMonth(usage: Usage, share: number): number {
  const bytes = (usage.inputTokensPerRequest + usage.outputTokensPerRequest) * BYTES_PER_TOKEN + LOG_RECORD_OVERHEAD_BYTES;
  return (usage.requestsPerMonth * share * bytes) / 1e9;
}

/**
 * Data that accumulates with nothing expiring it: the average GB stored over the horizon when
 * `gbPerMonth` is added every month (month m holds m + 1 months of data). Priced every month at
 * this average, the horizon's total equals the sum of the growing monthly bills.
 */
export function averageStoredGb(gbPerMonth: number, horizonMonths = HORIZON_MONTHS): number {
  return (gbPerMonth * (horizonMonths + 1)) / 2;
}
