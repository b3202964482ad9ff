// Number limits, with no zod: the schemas refuse past them, and the explore page stops its fields there.

/**
 * The largest value each kind of number may take. Past these a projection overflows to Infinity
 * (`requestsPerDay: 1e308`) or stops meaning anything, so every schema refuses them, naming the
 * field (`workload.requestsPerDay: expected at most 1e12, got 1e+308`). README lists them.
 */
export const LIMITS = {
  requestsPerDay: 1e12,
  /** Tokens per request, per example. */
  tokens: 1e7,
  /** Any amount of money: a price, a monthly or annual amount, a budget. */
  usd: 1e12,
  /** Labelled examples, parameters and training tokens of a model. */
  examples: 1e12,
  parameters: 1e15,
  trainingTokens: 1e16,
  /** Engineers, developers, full-time equivalents. */
  people: 1e6,
  /** Instances, replicas, accelerators. */
  instances: 1e6,
  hours: 1e6,
  epochs: 1e4,
  weeks: 1e4,
  months: 1200,
  /** Ratios and multipliers (peak to average, experiment overhead). */
  ratio: 1e3,
  tokensPerSecond: 1e7,
  /** Dates: a year outside this is a typo (`decidedOn: 9999-12-31`). */
  firstYear: 1970,
  lastYear: 2200,
} as const;

/** workload.monthlyGrowth: a fraction a month, from -1 (traffic gone) to 10 (eleven-fold a month). */
export const MONTHLY_GROWTH = { min: -1, max: 10 } as const;
