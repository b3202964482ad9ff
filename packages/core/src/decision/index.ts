/** The decision matrix: build / buy / fine-tune / hybrid, with gates, the 90% rule and an ADR. */
export {
  DECISION_OPTIONS,
  IDEAL_SCORES,
  HYBRID_FACTOR,
  TIE_ORDER,
  NINETY_PERCENT_LEAD,
  BUILD_MIN_BUDGET_USD,
  BUILD_MIN_ML_ENGINEERS,
  BUILD_MIN_DATA_SCORE,
  FINE_TUNE_MIN_EXAMPLES,
  FINE_TUNE_GOOD_EXAMPLES,
  FINE_TUNE_MIN_ML_ENGINEERS,
  DEFAULT_REVIEW_MONTHS,
  type DecisionOption,
  type PerOption,
} from "./options";
export type {
  Decision,
  DecisionWarning,
  MatrixCell,
  MatrixRow,
  NinetyPercentOutcome,
  NinetyPercentRule,
  Sensitivity,
  WeightFlip,
} from "./types";
export { criterionFit, optionFits, scoreMatrix, type ScoredMatrix } from "./matrix";
export { applyGates, type GateResult } from "./gates";
export { applyNinetyPercentRule } from "./ninety";
export { choose, rankOptions, type Choice } from "./choose";
export { criterionFlip, flipCandidates, weightSensitivity, criterionLabel } from "./sensitivity";
export { ANTI_PATTERNS, buildRationale } from "./rationale";
export { addMonthsClamped, todayIso } from "./review";
export { checklistStatus, type ChecklistStatus } from "./checklist";
export { decide, type DecideOptions } from "./decide";
export { renderAdr, TRACK_PROFILES, type AdrOptions } from "./adr";
export {
  RECORD_SNAPSHOT_VERSION,
  frontMatterOf,
  parseDecisionRecord,
  tcoSummary,
  type DecisionRecord,
  type RecordSnapshot,
  type TcoSummary,
} from "./record";
export { daysBetween, reconsider, type OptionMove, type Reconsidered, type ReconsiderInputs } from "./reconsider";
export { judgeStackAgainstDecision, TRACKS_OF_OPTION, type DecisionReference, type StackDecisionFinding, type StackDecisionVerdict } from "./stack-verdict";
