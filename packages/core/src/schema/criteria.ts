// The criteria of the decision matrix, with no zod: the explore page bundles the decision code for
// the browser (aitracks explore), and the schemas stay in Node.

/** The seven criteria of the decision matrix, in the order the framework lists them. */
export const CRITERIA = [
  "accuracy",
  "dataAvailability",
  "timeToMarket",
  "budget",
  "teamSkills",
  "differentiation",
  "regulatory",
] as const;
export type Criterion = (typeof CRITERIA)[number];

/** What a score of 5 means for each criterion (1 is the opposite). */
export const CRITERION_LABELS: Record<Criterion, { name: string; five: string }> = {
  accuracy: { name: "Accuracy requirement", five: "very demanding accuracy" },
  dataAvailability: { name: "Data availability", five: "lots of unique, usable data" },
  timeToMarket: { name: "Time to market", five: "very urgent" },
  budget: { name: "Budget", five: "large budget" },
  teamSkills: { name: "Team skills", five: "strong ML team" },
  differentiation: { name: "Differentiation need", five: "AI is the core differentiator" },
  regulatory: { name: "Regulatory constraints", five: "heavy regulation" },
};

/** A decision needs a criterion that counts: the schema's rule, and the explore page's as the weights move. */
export const NO_WEIGHT_ERROR = "expected at least one criterion with a weight above 0";
export function hasWeight(criteria: Readonly<Record<Criterion, { readonly weight: number }>>): boolean {
  return CRITERIA.some((c) => criteria[c].weight > 0);
}
