import { CRITERION_LABELS, type Criterion } from "../schema/criteria";
import type { DecisionFacts } from "../schema/decision";
import { round1, type ScoredMatrix } from "./matrix";
import { ACCURACY_CRITERIA, NEUTRAL_SCORE, NINETY_PERCENT_LEAD, type DecisionOption, type PerOption } from "./options";
import type { NinetyPercentRule } from "./types";

function pct(x: number): string {
  return `${round1(x * 100)}%`;
}

function list(items: readonly string[], last = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

const label = (c: Criterion) => CRITERION_LABELS[c].name.toLowerCase();

/** The part of `leader`'s lead over buy that comes from ACCURACY_CRITERIA scored above neutral, and those criteria. */
export function leadFromAccuracyCriteria(rows: ScoredMatrix["rows"], leader: DecisionOption): { points: number; criteria: Criterion[] } {
  let points = 0;
  const criteria: Criterion[] = [];
  for (const row of rows) {
    if (!ACCURACY_CRITERIA.includes(row.criterion) || row.score <= NEUTRAL_SCORE) continue;
    const part = row.options[leader].points - row.options.buy.points;
    points += part;
    if (part > 0) criteria.push(row.criterion);
  }
  return { points, criteria };
}

/**
 * The framework's 90% rule: if a commercial API reaches 90% of the accuracy target with good
 * prompting, question whether the remaining gap justifies fine-tuning or building. Here: when
 * apiBaselineAccuracy / accuracyTarget >= 0.9 and buy is eligible, buy is recommended unless the
 * top-scoring option leads buy by more than 15 points *and* more than 15 of those points come from
 * the criteria the missing accuracy could matter for (accuracy, differentiation, regulatory, data
 * availability) scored above neutral. A lead built from neutral scores (3s, where a track's ideal
 * sits in the middle of the scale) or from team, budget and time justifies nothing more than the API.
 */
export function applyNinetyPercentRule(
  facts: DecisionFacts,
  matrix: Pick<ScoredMatrix, "rows" | "scores">,
  eligible: PerOption<boolean>,
  leader: DecisionOption | null,
): NinetyPercentRule {
  const { scores, rows } = matrix;
  const { apiBaselineAccuracy: baseline, accuracyTarget: target } = facts;
  const unjudged = { leadOverBuy: null, leadFromAccuracyCriteria: null, leadCriteria: [] } as const;
  if (baseline === undefined || target === undefined) {
    const missing = [baseline === undefined && "facts.apiBaselineAccuracy", target === undefined && "facts.accuracyTarget"]
      .filter(Boolean)
      .join(" and ");
    return {
      ratio: null,
      applies: false,
      outcome: "not-evaluated",
      leader,
      ...unjudged,
      message: `90% rule not evaluated: ${missing} ${missing.includes(" and ") ? "are" : "is"} missing; measure the best commercial API on your own evaluation set first.`,
    };
  }
  const ratio = baseline / target;
  const reach = `the best API reaches ${pct(baseline)} accuracy against a target of ${pct(target)} (${pct(ratio)} of it)`;
  // 0.72 / 0.8 is 0.8999999999999999 in floating point: exactly 90% must count.
  if (ratio < 0.9 - 1e-9) {
    return { ratio, applies: false, outcome: "not-applicable", leader, ...unjudged, message: `90% rule does not apply: ${reach}, below 90%.` };
  }
  if (!eligible.buy) {
    return { ratio, applies: true, outcome: "blocked", leader, ...unjudged, message: `90% rule cannot apply: ${reach}, but buy is ineligible, so the matrix decides.` };
  }
  if (leader === null || leader === "buy") {
    return {
      ratio,
      applies: true,
      outcome: "agrees",
      leader,
      leadOverBuy: 0,
      leadFromAccuracyCriteria: 0,
      leadCriteria: [],
      message: `90% rule applies and agrees: ${reach}, and buy already leads the eligible options.`,
    };
  }
  const lead = scores[leader] - scores.buy;
  const from = leadFromAccuracyCriteria(rows, leader);
  const figures = { ratio, applies: true, leader, leadOverBuy: lead, leadFromAccuracyCriteria: from.points, leadCriteria: from.criteria } as const;
  const named = list(from.criteria.map((c) => `${label(c)} (${rows.find((r) => r.criterion === c)!.score})`));
  const justified = round1(from.points);
  const where = "where the missing accuracy could matter";
  const accounts = (only: string) => `${named} ${from.criteria.length === 1 ? "accounts" : "account"} for ${only}${justified} points`;
  const none = `none of it comes from ${list(ACCURACY_CRITERIA.map(label), "or")} scored above neutral (${NEUTRAL_SCORE})`;
  const source = (only: string) => (from.criteria.length ? accounts(only) : none);
  if (lead > NINETY_PERCENT_LEAD && from.points > NINETY_PERCENT_LEAD) {
    return {
      ...figures,
      outcome: "kept-leader",
      message: `90% rule applies but ${leader} stays: ${reach}, yet ${leader} leads buy by ${round1(lead)} points and ${source("")}, ${where} (both more than ${NINETY_PERCENT_LEAD}), so the rest clearly justifies more.`,
    };
  }
  if (lead <= NINETY_PERCENT_LEAD) {
    return {
      ...figures,
      outcome: "overrides",
      message: `90% rule recommends buy over ${leader}: ${reach}, and ${leader} leads buy by only ${round1(lead)} points (${NINETY_PERCENT_LEAD} or fewer; ${source("")}): good enough fast beats perfect eventually.`,
    };
  }
  return {
    ...figures,
    outcome: "overrides",
    message:
      `90% rule recommends buy over ${leader}: ${reach}; ${leader} leads buy by ${round1(lead)} points, but ${source("only ")}, ` +
      `${where} (${NINETY_PERCENT_LEAD} or fewer), so the rest does not justify more: good enough fast beats perfect eventually.`,
  };
}
