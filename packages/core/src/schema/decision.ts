import { z } from "zod";
import { LIMITS, fraction, intRange, isoDate, nonNegative, nonNegativeIntUpTo } from "./common";

export { CRITERIA, CRITERION_LABELS, NO_WEIGHT_ERROR, hasWeight, type Criterion } from "./criteria";
import { CRITERIA, NO_WEIGHT_ERROR, hasWeight, type Criterion } from "./criteria";

/**
 * The object's own error, plus the list of keys it accepts when an unknown key turns up
 * (`criteria: unknown key budgt; expected only accuracy, dataAvailability, ...`).
 */
function objectError(expected: string, keys: readonly string[]) {
  return (issue: { code?: string }) =>
    issue.code === "unrecognized_keys" ? `expected only ${keys.join(", ")}` : expected;
}

/** A real calendar date `YYYY-MM-DD` in the years LIMITS allows (rejects 2026-02-30, 2026-13-01 and 9999-12-31). */
export const decisionDate = isoDate;

/** A fraction above 0 (an accuracy target of 0 would make the 90% rule divide by zero). */
const positiveFraction = z
  .number({ error: "expected a fraction above 0, up to 1" })
  .gt(0, { error: "expected a fraction above 0, up to 1" })
  .max(1, { error: "expected a fraction above 0, up to 1" });

const WEIGHT_ERROR = "expected a weight from 0 to 100";

const criterionEntry = z
  .object(
    {
      score: intRange(1, 5),
      weight: z.number({ error: WEIGHT_ERROR }).min(0, { error: WEIGHT_ERROR }).max(100, { error: WEIGHT_ERROR }),
    },
    { error: objectError("expected {score: 1-5, weight: 0-100}", ["score", "weight"]) },
  )
  .strict();

const criteriaShape = Object.fromEntries(CRITERIA.map((c) => [c, criterionEntry])) as Record<
  Criterion,
  typeof criterionEntry
>;

const FACT_KEYS = [
  "accuracyTarget",
  "apiBaselineAccuracy",
  "labeledExamples",
  "budgetUsd",
  "mlEngineers",
  "dataSharingAllowed",
  "decidedOn",
  "reviewAfterMonths",
] as const;

export const decisionFactsSchema = z
  .object({
    /** The accuracy the use case needs, as a fraction (0.92 = 92%). */
    accuracyTarget: positiveFraction.optional(),
    /** What the best commercial API reached on the same evaluation set, as a fraction. */
    apiBaselineAccuracy: fraction.optional(),
    labeledExamples: nonNegativeIntUpTo(LIMITS.examples).optional(),
    budgetUsd: nonNegative.optional(),
    mlEngineers: nonNegativeIntUpTo(LIMITS.people).optional(),
    dataSharingAllowed: z.boolean({ error: "expected true or false" }).optional(),
    decidedOn: decisionDate.optional(),
    /** Months until the decision is reviewed; the framework says costs and models move every six. */
    reviewAfterMonths: intRange(1, 36).optional(),
  }, { error: objectError("expected an object of facts", FACT_KEYS) })
  .strict();

/** The checklist items a decision file may mark as done (the framework's architect's checklist). */
export const CHECKLIST = [
  ["requirementsDocumented", "Use case requirements documented: accuracy target, latency, throughput, compliance"],
  ["apiBaselineMeasured", "Accuracy baseline measured with commercial APIs on the actual tasks"],
  ["costProjected", "Cost projected for each option at production scale, not demo scale"],
  ["dataAssessed", "Data availability assessed: volume, quality, labelling effort"],
  ["teamSkillsInventoried", "Team skills inventoried: ML engineers for build / fine-tune, or developers for an API"],
  ["timeToMarketDefined", "Time-to-market requirement defined: speed or quality first"],
  ["lockInEvaluated", "Vendor lock-in risk evaluated: what if the provider changes pricing or terms"],
  ["evaluationMetricsAgreed", "Evaluation metrics agreed: same test set and scoring for every option"],
  ["rationaleDocumented", "Decision documented with its rationale, not just the choice"],
  ["reviewTriggerDefined", "Review trigger defined: revisit the decision every six months"],
  ["privacyAssessed", "IP and data privacy assessed: what data flows to third parties with buy"],
] as const;
export type ChecklistItem = (typeof CHECKLIST)[number][0];

const CHECKLIST_KEYS = CHECKLIST.map(([k]) => k);

export const decisionSchema = z
  .object({
    useCase: z.string({ error: "expected a name" }).min(1, { error: "expected a name" }).optional(),
    criteria: z
      .object(criteriaShape, { error: objectError(`expected the seven criteria ${CRITERIA.join(", ")}`, CRITERIA) })
      .strict(),
    facts: decisionFactsSchema.optional(),
    checklist: z
      .object(
        Object.fromEntries(CHECKLIST.map(([k]) => [k, z.boolean({ error: "expected true or false" }).optional()])) as Record<
          ChecklistItem,
          z.ZodOptional<z.ZodBoolean>
        >,
        { error: objectError("expected checklist items set to true or false", CHECKLIST_KEYS) },
      )
      .strict()
      .optional(),
  }, { error: objectError("expected a decision: an object with criteria", ["useCase", "criteria", "facts", "checklist"]) })
  .strict()
  .refine((d) => hasWeight(d.criteria), {
    error: NO_WEIGHT_ERROR,
    path: ["criteria"],
  });

export type DecisionInput = z.output<typeof decisionSchema>;
export type DecisionFacts = z.output<typeof decisionFactsSchema>;
