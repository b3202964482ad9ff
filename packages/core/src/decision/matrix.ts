import { CRITERIA, type Criterion } from "../schema/criteria";
import type { DecisionInput } from "../schema/decision";
import { DECISION_OPTIONS, HYBRID_FACTOR, IDEAL_SCORES, type PerOption } from "./options";
import type { MatrixCell, MatrixRow } from "./types";

/**
 * How well a track fits one criterion: 1 at its ideal score, falling linearly by 1/4 per point
 * away from it (4 = the widest possible gap on a 1-5 scale), so 0 is the worst possible fit.
 */
export function criterionFit(score: number, ideal: number): number {
  return 1 - Math.abs(score - ideal) / 4;
}

/** The fit of every option (hybrid derived from buy and fine-tune) for one criterion's score. */
export function optionFits(criterion: Criterion, score: number): PerOption<number> {
  const ideal = IDEAL_SCORES[criterion];
  const build = criterionFit(score, ideal.build);
  const buy = criterionFit(score, ideal.buy);
  const fineTune = criterionFit(score, ideal["fine-tune"]);
  return { build, buy, "fine-tune": fineTune, hybrid: HYBRID_FACTOR * Math.max(buy, fineTune) };
}

export interface ScoredMatrix {
  readonly rows: readonly MatrixRow[];
  /** Unrounded 0-100 scores: the decision compares these; only display rounds. */
  readonly scores: PerOption<number>;
  readonly totalWeight: number;
}

/** Option score = sum(weight x fit) / sum(weight) x 100. */
export function scoreMatrix(criteria: DecisionInput["criteria"]): ScoredMatrix {
  const totalWeight = CRITERIA.reduce((sum, c) => sum + criteria[c].weight, 0);
  const sums: PerOption<number> = { build: 0, buy: 0, "fine-tune": 0, hybrid: 0 };
  const rows = CRITERIA.map((criterion): MatrixRow => {
    const { score, weight } = criteria[criterion];
    const fits = optionFits(criterion, score);
    const options = {} as PerOption<MatrixCell>;
    for (const option of DECISION_OPTIONS) {
      const fit = fits[option];
      const points = totalWeight > 0 ? ((weight * fit) / totalWeight) * 100 : 0;
      options[option] = { fit, weighted: weight * fit, points };
      sums[option] += weight * fit;
    }
    return { criterion, score, weight, options };
  });
  // Divide once at the end: fewer floating-point steps, so 71.25 stays 71.25 (and shows as 71.3).
  const scores = { build: 0, buy: 0, "fine-tune": 0, hybrid: 0 } as PerOption<number>;
  for (const option of DECISION_OPTIONS) scores[option] = totalWeight > 0 ? (100 * sums[option]) / totalWeight : 0;
  return { rows, scores, totalWeight };
}

/** One decimal, as every output shows scores. */
export function round1(x: number): number {
  // Half up, robust to 71.25 arriving as 71.24999999999999.
  return Math.round(x * 10 + 1e-9) / 10;
}
