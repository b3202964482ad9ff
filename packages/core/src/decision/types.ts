import type { Criterion } from "../schema/decision";
import type { DecisionOption, PerOption } from "./options";

/** Something the reader should know: `error` = an anti-pattern that rules an option out. */
export interface DecisionWarning {
  readonly level: "error" | "caution" | "info";
  /** Stable, kebab-case: `fine-tune-too-little-data`, `buy-data-sharing`, ... */
  readonly code: string;
  readonly message: string;
}

/** One criterion's cell for one option. */
export interface MatrixCell {
  /** 0..1: 1 - |score - ideal| / 4 (hybrid: 0.9 x the better of buy and fine-tune). */
  readonly fit: number;
  /** weight x fit. */
  readonly weighted: number;
  /** What this cell adds to the option's 0-100 score: weighted / total weight x 100. */
  readonly points: number;
}

export interface MatrixRow {
  readonly criterion: Criterion;
  readonly score: number;
  readonly weight: number;
  readonly options: PerOption<MatrixCell>;
}

export type NinetyPercentOutcome =
  /** No baseline or no target: the rule cannot be evaluated. */
  | "not-evaluated"
  /** The API reaches less than 90% of the target. */
  | "not-applicable"
  /** The API reaches 90%, but buy is ineligible (gates). */
  | "blocked"
  /** The API reaches 90% and buy already leads. */
  | "agrees"
  /** The API reaches 90% and the leader's margin over buy is at most 15 points: buy instead. */
  | "overrides"
  /** The API reaches 90% but the leader leads buy by more than 15 points: the rest justifies more. */
  | "kept-leader";

export interface NinetyPercentRule {
  /** apiBaselineAccuracy / accuracyTarget, or null when either is missing. */
  readonly ratio: number | null;
  /** ratio >= 0.9. */
  readonly applies: boolean;
  readonly outcome: NinetyPercentOutcome;
  /** The top-scoring eligible option before the rule. */
  readonly leader: DecisionOption | null;
  /** leader score - buy score (points /100), when the rule applies. */
  readonly leadOverBuy: number | null;
  /**
   * The part of leadOverBuy that comes from the criteria the missing accuracy could matter for
   * (accuracy, differentiation, regulatory, data availability) scored above neutral (3); null
   * when leadOverBuy is.
   */
  readonly leadFromAccuracyCriteria: number | null;
  /** Those criteria, in matrix order (empty when none carried any of the lead). */
  readonly leadCriteria: readonly Criterion[];
  readonly message: string;
}

/** The smallest change of one criterion's weight that changes the recommendation. */
export interface WeightFlip {
  readonly criterion: Criterion;
  readonly fromWeight: number;
  readonly toWeight: number;
  readonly flipsTo: DecisionOption;
}

export interface Sensitivity {
  /** Per criterion, the nearest flipping weight in [0, 100], or null when none flips it. */
  readonly byCriterion: Readonly<Record<Criterion, WeightFlip | null>>;
  /** The flip with the smallest weight change over all criteria, or null (robust). */
  readonly smallest: WeightFlip | null;
  readonly summary: string;
}

export interface Decision {
  /** null only when every option fails a gate. */
  readonly recommendation: DecisionOption | null;
  /** 0-100, one decimal; shown for ineligible options too. */
  readonly scores: PerOption<number>;
  readonly eligible: PerOption<boolean>;
  /** Why an option is ineligible, one sentence per failed gate. */
  readonly ineligibleBecause: PerOption<readonly string[]>;
  readonly rationale: readonly string[];
  /** Sorted: errors, then cautions, then info. */
  readonly warnings: readonly DecisionWarning[];
  readonly sensitivity: Sensitivity;
  readonly ninetyPercentRule: NinetyPercentRule;
  readonly decidedOn: string;
  readonly reviewDate: string;
  readonly reviewAfterMonths: number;
  readonly matrix: readonly MatrixRow[];
}
