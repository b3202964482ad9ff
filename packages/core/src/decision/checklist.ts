import { CHECKLIST, type ChecklistItem, type DecisionInput } from "../schema/decision";
import type { Decision } from "./types";
import { enUsNumber } from "../text";

export interface ChecklistStatus {
  readonly key: ChecklistItem;
  readonly label: string;
  readonly done: boolean;
  /** Why it counts as done: marked in the file, proved by a fact, or by the record itself. */
  readonly source: string | null;
}

/**
 * The architect's checklist: an item is done when the decision file marks it, or when the facts
 * prove it (a measured API baseline, a count of labelled examples, a team count, a data-sharing
 * answer). With `asRecord`, writing the decision record itself documents the rationale and sets
 * the review trigger. Items nothing can prove (cost projection, lock-in, metrics agreed,
 * requirements, time to market) count only when marked.
 */
export function checklistStatus(input: DecisionInput, decision: Decision, asRecord: boolean): ChecklistStatus[] {
  const facts = input.facts ?? {};
  const proofs: Partial<Record<ChecklistItem, string>> = {};
  if (facts.apiBaselineAccuracy !== undefined) proofs.apiBaselineMeasured = `facts.apiBaselineAccuracy: ${facts.apiBaselineAccuracy}`;
  if (facts.labeledExamples !== undefined)
    proofs.dataAssessed = `facts.labeledExamples: ${enUsNumber(facts.labeledExamples)}`;
  if (facts.mlEngineers !== undefined) proofs.teamSkillsInventoried = `facts.mlEngineers: ${facts.mlEngineers}`;
  if (facts.dataSharingAllowed !== undefined) proofs.privacyAssessed = `facts.dataSharingAllowed: ${facts.dataSharingAllowed}`;
  if (asRecord) {
    proofs.rationaleDocumented = "this record";
    proofs.reviewTriggerDefined = `this record: review by ${decision.reviewDate}`;
  }
  return CHECKLIST.map(([key, label]) => {
    const marked = input.checklist?.[key] === true;
    const proof = proofs[key];
    const source = marked ? (proof ? `marked in the decision file; ${proof}` : "marked in the decision file") : (proof ?? null);
    return { key, label, done: marked || proof !== undefined, source };
  });
}
