import type { DecisionInput } from "../schema/decision";
import { applyGates, type GateResult } from "./gates";
import { scoreMatrix, type ScoredMatrix } from "./matrix";
import { applyNinetyPercentRule } from "./ninety";
import { DECISION_OPTIONS, TIE_ORDER, type DecisionOption, type PerOption } from "./options";
import type { NinetyPercentRule } from "./types";

/** The matrix, the gates and the 90% rule: everything the recommendation depends on. */
export interface Choice {
  readonly matrix: ScoredMatrix;
  readonly gates: GateResult;
  /** The top-scoring eligible option, before the 90% rule. */
  readonly leader: DecisionOption | null;
  readonly rule: NinetyPercentRule;
  readonly recommendation: DecisionOption | null;
}

/** Options from best to worst score; equal scores in the framework's progression (TIE_ORDER). */
export function rankOptions(scores: PerOption<number>, among: readonly DecisionOption[] = DECISION_OPTIONS): DecisionOption[] {
  return [...among].sort((a, b) => scores[b] - scores[a] || TIE_ORDER.indexOf(a) - TIE_ORDER.indexOf(b));
}

/**
 * Recommend: the top-scoring eligible option, then the 90% rule may hand it to buy. Cheap and
 * pure, so sensitivity analysis can call it again with one weight changed.
 */
export function choose(input: DecisionInput): Choice {
  const matrix = scoreMatrix(input.criteria);
  const gates = applyGates(input);
  const eligibleOptions = DECISION_OPTIONS.filter((o) => gates.eligible[o]);
  const leader = rankOptions(matrix.scores, eligibleOptions)[0] ?? null;
  const rule = applyNinetyPercentRule(input.facts ?? {}, matrix, gates.eligible, leader);
  const recommendation = rule.outcome === "overrides" ? "buy" : leader;
  return { matrix, gates, leader, rule, recommendation };
}
