import type { DecisionFacts } from "../schema/decision";
import { round1 } from "./matrix";
import { NINETY_PERCENT_LEAD, type DecisionOption, type PerOption } from "./options";
import type { NinetyPercentRule } from "./types";

function pct(x: number): string {
  return `${round1(x * 100)}%`;
}

/**
 * The framework's 90% rule: if a commercial API reaches 90% of the accuracy target with good
 * prompting, question whether the remaining gap justifies fine-tuning or building. Here: when
 * apiBaselineAccuracy / accuracyTarget >= 0.9 and buy is eligible, buy is recommended unless the
 * top-scoring option leads buy by more than 15 points - then "the rest clearly justifies more".
 */
export function applyNinetyPercentRule(
  facts: DecisionFacts,
  scores: PerOption<number>,
  eligible: PerOption<boolean>,
  leader: DecisionOption | null,
): NinetyPercentRule {
  const { apiBaselineAccuracy: baseline, accuracyTarget: target } = facts;
  if (baseline === undefined || target === undefined) {
    const missing = [baseline === undefined && "facts.apiBaselineAccuracy", target === undefined && "facts.accuracyTarget"]
      .filter(Boolean)
      .join(" and ");
    return {
      ratio: null,
      applies: false,
      outcome: "not-evaluated",
      leader,
      leadOverBuy: null,
      message: `90% rule not evaluated: ${missing} ${missing.includes(" and ") ? "are" : "is"} missing; measure the best commercial API on your own evaluation set first.`,
    };
  }
  const ratio = baseline / target;
  const reach = `the best API reaches ${pct(baseline)} accuracy against a target of ${pct(target)} (${pct(ratio)} of it)`;
  // 0.72 / 0.8 is 0.8999999999999999 in floating point: exactly 90% must count.
  if (ratio < 0.9 - 1e-9) {
    return {
      ratio,
      applies: false,
      outcome: "not-applicable",
      leader,
      leadOverBuy: null,
      message: `90% rule does not apply: ${reach}, below 90%.`,
    };
  }
  if (!eligible.buy) {
    return {
      ratio,
      applies: true,
      outcome: "blocked",
      leader,
      leadOverBuy: null,
      message: `90% rule cannot apply: ${reach}, but buy is ineligible, so the matrix decides.`,
    };
  }
  const lead = leader === null ? 0 : scores[leader] - scores.buy;
  if (leader === null || leader === "buy") {
    return {
      ratio,
      applies: true,
      outcome: "agrees",
      leader,
      leadOverBuy: 0,
      message: `90% rule applies and agrees: ${reach}, and buy already leads the eligible options.`,
    };
  }
  if (lead > NINETY_PERCENT_LEAD) {
    return {
      ratio,
      applies: true,
      outcome: "kept-leader",
      leader,
      leadOverBuy: lead,
      message:
        `90% rule applies but ${leader} stays: ${reach}, yet ${leader} leads buy ` +
        `by ${round1(lead)} points (more than ${NINETY_PERCENT_LEAD}), so the rest clearly justifies more.`,
    };
  }
  return {
    ratio,
    applies: true,
    outcome: "overrides",
    leader,
    leadOverBuy: lead,
    message:
      `90% rule recommends buy over ${leader}: ${reach}, and ${leader} leads buy ` +
      `by only ${round1(lead)} points (${NINETY_PERCENT_LEAD} or fewer): good enough fast beats perfect eventually.`,
  };
}
