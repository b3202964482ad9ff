import { CRITERIA, CRITERION_LABELS, type Criterion } from "../schema/criteria";
import type { DecisionInput } from "../schema/decision";
import { choose, type Choice } from "./choose";
import { ACCURACY_CRITERIA, DECISION_OPTIONS, NEUTRAL_SCORE, NINETY_PERCENT_LEAD } from "./options";
import type { Sensitivity, WeightFlip } from "./types";

const MAX_WEIGHT = 100;
const STEP = 0.01;

export function criterionLabel(c: Criterion): string {
  return CRITERION_LABELS[c].name.toLowerCase();
}

function withWeight(input: DecisionInput, criterion: Criterion, weight: number): DecisionInput {
  return { ...input, criteria: { ...input.criteria, [criterion]: { ...input.criteria[criterion], weight } } };
}

/**
 * The weights of `criterion` at which the recommendation *may* change. With the other criteria
 * fixed, an option's score is 100 (A + w f) / (W + w), A and W summing the other criteria's
 * weight x fit and weight. Two options tie where (A_r + w f_r) = (A_o + w f_o), i.e.
 * w = (A_o - A_r) / (f_r - f_o); the 90% rule's 15-point margin over buy is crossed where
 * (A_o - A_b) + w (f_o - f_b) = 0.15 (W + w), and the part of the lead from the criteria it counts
 * (J, over accuracy, differentiation, regulatory and data scored above neutral) where
 * (J_o - J_b) + w (f_o - f_b) [if this criterion counts, else 0] = 0.15 (W + w). Between two such points the recommendation is
 * constant (gates do not depend on weights), so checking just past each point is exhaustive.
 */
export function flipCandidates(criterion: Criterion, base: Choice): number[] {
  const rows = base.matrix.rows;
  const row = rows.find((r) => r.criterion === criterion);
  if (!row) return [];
  let W = 0;
  const A = { build: 0, buy: 0, "fine-tune": 0, hybrid: 0 };
  // The same sums over the criteria the 90% rule counts (accuracy, differentiation, regulatory, data above neutral).
  const J = { build: 0, buy: 0, "fine-tune": 0, hybrid: 0 };
  const counted = (r: { criterion: Criterion; score: number }) => ACCURACY_CRITERIA.includes(r.criterion) && r.score > NEUTRAL_SCORE;
  for (const r of rows) {
    if (r.criterion === criterion) continue;
    W += r.weight;
    for (const o of DECISION_OPTIONS) A[o] += r.options[o].weighted;
    if (counted(r)) for (const o of DECISION_OPTIONS) J[o] += r.options[o].weighted;
  }
  const f = (o: (typeof DECISION_OPTIONS)[number]) => row.options[o].fit;
  const out: number[] = [0, MAX_WEIGHT];
  for (const a of DECISION_OPTIONS) {
    for (const b of DECISION_OPTIONS) {
      if (a < b && f(a) !== f(b)) out.push((A[b] - A[a]) / (f(a) - f(b)));
    }
    if (a !== "buy") {
      const m = NINETY_PERCENT_LEAD / 100;
      const denom = f(a) - f("buy") - m;
      if (denom !== 0) out.push((m * W - (A[a] - A.buy)) / denom);
      // Where the part of the lead from the counted criteria crosses the margin.
      const own = counted(row) ? f(a) - f("buy") : 0;
      if (own - m !== 0) out.push((m * W - (J[a] - J.buy)) / (own - m));
    }
  }
  return out.filter((w) => Number.isFinite(w) && w >= 0 && w <= MAX_WEIGHT);
}

/** The nearest weight of one criterion (in [0, 100], 0.01 steps) that changes the recommendation. */
export function criterionFlip(input: DecisionInput, criterion: Criterion, base: Choice = choose(input)): WeightFlip | null {
  const from = input.criteria[criterion].weight;
  const current = base.recommendation;
  if (current === null) return null;
  const othersWeigh = CRITERIA.some((c) => c !== criterion && input.criteria[c].weight > 0);
  const candidates = flipCandidates(criterion, base)
    .filter((w) => w !== from)
    .sort((x, y) => Math.abs(x - from) - Math.abs(y - from));
  for (const point of candidates) {
    const dir = point > from ? 1 : -1;
    // Report a weight someone can type that really flips it: round away from the current weight,
    // and one step further when the exact crossing is a tie that the tie-break keeps as it was.
    const first = (dir > 0 ? Math.ceil(point / STEP - 1e-9) : Math.floor(point / STEP + 1e-9)) * STEP;
    for (const raw of [first, first + dir * STEP]) {
      const weight = Math.round(Math.min(MAX_WEIGHT, Math.max(0, raw)) * 100) / 100;
      if (weight === from || (weight === 0 && !othersWeigh)) continue;
      const flipped = choose(withWeight(input, criterion, weight)).recommendation;
      if (flipped !== null && flipped !== current) return { criterion, fromWeight: from, toWeight: weight, flipsTo: flipped };
    }
  }
  return null;
}

/** For each criterion alone, the smallest weight change that flips the recommendation. */
export function weightSensitivity(input: DecisionInput, base: Choice = choose(input)): Sensitivity {
  const byCriterion = {} as Record<Criterion, WeightFlip | null>;
  let smallest: WeightFlip | null = null;
  for (const c of CRITERIA) {
    const flip = criterionFlip(input, c, base);
    byCriterion[c] = flip;
    if (flip && (!smallest || Math.abs(flip.toWeight - flip.fromWeight) < Math.abs(smallest.toWeight - smallest.fromWeight))) {
      smallest = flip;
    }
  }
  let summary: string;
  if (base.recommendation === null) summary = "No option passes its gates, so no weight change can produce a recommendation.";
  else if (!smallest) summary = `Robust: no single weight change (0 to ${MAX_WEIGHT}) flips the recommendation.`;
  else {
    const verb = smallest.toWeight > smallest.fromWeight ? "raising" : "lowering";
    summary =
      `Most sensitive to ${criterionLabel(smallest.criterion)}: ${verb} its weight from ${smallest.fromWeight} ` +
      `to ${smallest.toWeight} flips the recommendation to ${smallest.flipsTo}.`;
  }
  return { byCriterion, smallest, summary };
}
