import type { Criterion } from "../schema/decision";

/** The four answers the matrix can give, in the order tables show them. */
export const DECISION_OPTIONS = ["build", "buy", "fine-tune", "hybrid"] as const;
export type DecisionOption = (typeof DECISION_OPTIONS)[number];
export type PerOption<T> = Record<DecisionOption, T>;

/** The three tracks with their own ideal profile; hybrid is derived from buy and fine-tune. */
export type PureOption = Exclude<DecisionOption, "hybrid">;

/**
 * The score (1-5, "how strongly the criterion holds") at which each track fits a criterion best.
 * Read down a column to see the track's profile, from the framework's trade-off table:
 * - build: demanding accuracy, massive unique data, no hurry, $500K+, 10-50 ML engineers,
 *   AI *is* the product, and full control (which helps under regulation, hence 4 not 5:
 *   heavy regulation also makes training data governance harder).
 * - buy: accuracy an API already reaches, no data, days to weeks, near-zero upfront cost,
 *   1-3 developers, no differentiation, light regulation (data flows to a third party).
 * - fine-tune: the middle path: 1K-100K examples, 2-8 weeks, $10K-$100K, 3-8 ML engineers,
 *   moderate differentiation, and weights you host yourself (good under regulation).
 */
export const IDEAL_SCORES: Readonly<Record<Criterion, Readonly<Record<PureOption, number>>>> = {
  accuracy: { build: 5, buy: 2, "fine-tune": 4 },
  dataAvailability: { build: 5, buy: 1, "fine-tune": 3.5 },
  timeToMarket: { build: 1, buy: 5, "fine-tune": 3 },
  budget: { build: 5, buy: 2, "fine-tune": 3 },
  teamSkills: { build: 5, buy: 1, "fine-tune": 3.5 },
  differentiation: { build: 5, buy: 1, "fine-tune": 3.5 },
  regulatory: { build: 4, buy: 1, "fine-tune": 3.5 },
};

/**
 * Hybrid (buy for prototypes and low-volume features, fine-tune for the high-volume one) fits a
 * criterion as well as the better of its two parts, less 10% for running two tracks. It only wins
 * when buy and fine-tune each win criteria that carry weight.
 */
export const HYBRID_FACTOR = 0.9;

/**
 * Tie-break on equal scores: the framework's progression, least commitment first
 * ("start by buying ... then fine-tune where the API falls short"; build is almost never first).
 */
export const TIE_ORDER: readonly DecisionOption[] = ["buy", "fine-tune", "hybrid", "build"];

/**
 * The 90% rule lets the leader keep its place over buy only with a lead above this (points /100),
 * counted twice: the whole lead, and the part of it that comes from ACCURACY_CRITERIA scored above
 * NEUTRAL_SCORE.
 */
export const NINETY_PERCENT_LEAD = 15;

/**
 * The criteria the missing accuracy could matter for, when an API already reaches 90% of the
 * target: how demanding the accuracy is, how much the AI differentiates the product, regulation
 * (weights you control) and unique data an API has not seen. A lead over buy built on the other
 * criteria (team, budget, time) says nothing about whether the last few percent are worth more.
 */
export const ACCURACY_CRITERIA: readonly Criterion[] = ["accuracy", "differentiation", "regulatory", "dataAvailability"];

/** The middle of the 1-5 scale: a criterion scored here says nothing either way. */
export const NEUTRAL_SCORE = 3;

/** Build gates from the framework: $500K-$5M+ of compute and 10-50 ML engineers. */
export const BUILD_MIN_BUDGET_USD = 500_000;
export const BUILD_MIN_ML_ENGINEERS = 10;
/** Build needs massive unique data: a data-availability score of at least this. */
export const BUILD_MIN_DATA_SCORE = 4;
/** Fine-tuning on fewer examples than this is the framework's anti-pattern: overfitting. */
export const FINE_TUNE_MIN_EXAMPLES = 100;
/** The framework's fine-tune range starts at 1K examples. */
export const FINE_TUNE_GOOD_EXAMPLES = 1_000;
/** The framework's fine-tune team: 3-8 ML engineers. */
export const FINE_TUNE_MIN_ML_ENGINEERS = 3;
/** The framework: models and prices move roughly every six months. */
export const DEFAULT_REVIEW_MONTHS = 6;
