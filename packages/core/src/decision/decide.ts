import type { DecisionInput } from "../schema/decision";
import { choose, type Choice } from "./choose";
import { round1 } from "./matrix";
import { DECISION_OPTIONS, DEFAULT_REVIEW_MONTHS, type PerOption } from "./options";
import { buildRationale } from "./rationale";
import { addMonthsClamped, todayIso } from "./review";
import { weightSensitivity } from "./sensitivity";
import type { Decision, DecisionWarning, MatrixRow } from "./types";

export interface DecideOptions {
  /** Today, `YYYY-MM-DD`: the default decision date and the reference for "review due". */
  readonly today?: string;
}

const LEVEL_ORDER = { error: 0, caution: 1, info: 2 } as const;

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Warnings that depend on the outcome, not on one fact: the framework's anti-patterns. */
function outcomeWarnings(input: DecisionInput, choice: Choice, reviewDate: string, today: string): DecisionWarning[] {
  const facts = input.facts ?? {};
  const rec = choice.recommendation;
  const out: DecisionWarning[] = [];
  if (rec === null) {
    out.push({
      level: "error",
      code: "no-eligible-option",
      message: "Every option fails a gate: collect more labelled data, widen the budget or the team, or revisit the data-sharing policy, then decide again.",
    });
  }
  if (rec === "build" && facts.apiBaselineAccuracy === undefined) {
    out.push({
      level: "caution",
      code: "build-without-baseline",
      message:
        "Building from scratch without an API baseline: measure the best commercial API on your tasks first " +
        "(facts.apiBaselineAccuracy); building is almost never the right first move.",
    });
  }
  if (rec === "build" && choice.rule.outcome === "kept-leader" && choice.rule.ratio !== null) {
    out.push({
      level: "caution",
      code: "build-api-suffices",
      message:
        `An API already reaches ${round1(choice.rule.ratio * 100)}% of the accuracy target: make sure the remaining gap ` +
        `is worth $500K+ and 6-18 months before building from scratch.`,
    });
  }
  if ((rec === "fine-tune" || rec === "hybrid") && facts.apiBaselineAccuracy === undefined) {
    out.push({
      level: "caution",
      code: "no-baseline",
      message:
        "No baseline measured (facts.apiBaselineAccuracy): evaluate the base model or API on the same test set, " +
        "with metrics agreed in advance, before fine-tuning - or you cannot prove the fine-tune helped.",
    });
  }
  if ((rec === "buy" || rec === "hybrid") && input.checklist?.costProjected !== true) {
    out.push({
      level: "info",
      code: "per-token-costs",
      message:
        "Project the API's per-token bill at production volume (aitracks tco), not demo volume: the cheapest " +
        "option at 100 requests a day is rarely the cheapest at 100,000.",
    });
  }
  const months = facts.reviewAfterMonths ?? DEFAULT_REVIEW_MONTHS;
  if (months > DEFAULT_REVIEW_MONTHS) {
    out.push({
      level: "info",
      code: "review-interval-long",
      message: `Review after ${months} months: models and prices move roughly every ${DEFAULT_REVIEW_MONTHS}; consider a shorter interval.`,
    });
  }
  if (reviewDate <= today) {
    out.push({
      level: "caution",
      code: "review-due",
      message: `The review date ${reviewDate} has come (today is ${today}): decide again with today's models and prices.`,
    });
  }
  return out;
}

/**
 * The decision for a validated decision file: matrix scores, gates, the 90% rule, rationale,
 * warnings, weight sensitivity and the review date. Pure given `today`.
 */
export function decide(input: DecisionInput, options: DecideOptions = {}): Decision {
  const today = options.today ?? todayIso();
  const choice = choose(input);
  const facts = input.facts ?? {};
  const decidedOn = facts.decidedOn ?? today;
  const reviewAfterMonths = facts.reviewAfterMonths ?? DEFAULT_REVIEW_MONTHS;
  const reviewDate = addMonthsClamped(decidedOn, reviewAfterMonths);

  const warnings = [...choice.gates.warnings, ...outcomeWarnings(input, choice, reviewDate, today)]
    .map((w, i) => ({ w, i }))
    .sort((a, b) => LEVEL_ORDER[a.w.level] - LEVEL_ORDER[b.w.level] || a.i - b.i)
    .map(({ w }) => w);

  const scores = {} as PerOption<number>;
  for (const o of DECISION_OPTIONS) scores[o] = round1(choice.matrix.scores[o]);

  const matrix: MatrixRow[] = choice.matrix.rows.map((r) => {
    const options = {} as MatrixRow["options"];
    for (const o of DECISION_OPTIONS) {
      const c = r.options[o];
      options[o] = { fit: round(c.fit, 4), weighted: round(c.weighted, 4), points: round(c.points, 2) };
    }
    return { ...r, options };
  });

  return {
    recommendation: choice.recommendation,
    scores,
    eligible: { ...choice.gates.eligible },
    ineligibleBecause: choice.gates.ineligibleBecause,
    rationale: buildRationale(choice, warnings),
    warnings,
    sensitivity: weightSensitivity(input, choice),
    ninetyPercentRule: {
      ...choice.rule,
      ratio: choice.rule.ratio === null ? null : round(choice.rule.ratio, 4),
      leadOverBuy: choice.rule.leadOverBuy === null ? null : round1(choice.rule.leadOverBuy),
      leadFromAccuracyCriteria: choice.rule.leadFromAccuracyCriteria === null ? null : round1(choice.rule.leadFromAccuracyCriteria),
    },
    decidedOn,
    reviewDate,
    reviewAfterMonths,
    matrix,
  };
}
