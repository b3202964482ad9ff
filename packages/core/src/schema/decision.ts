import { z } from "zod";
import { fraction, intRange, isoDate, nonNegative, nonNegativeInt } from "./common";

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

const criterionEntry = z
  .object(
    {
      score: intRange(1, 5),
      weight: z
        .number({ error: "expected a weight of 0 or more" })
        .min(0, { error: "expected a weight of 0 or more" })
        .max(100, { error: "expected a weight from 0 to 100" }),
    },
    { error: "expected {score, weight}" },
  )
  .strict();

const criteriaShape = Object.fromEntries(CRITERIA.map((c) => [c, criterionEntry])) as Record<
  Criterion,
  typeof criterionEntry
>;

export const decisionFactsSchema = z
  .object({
    accuracyTarget: fraction.optional(),
    apiBaselineAccuracy: fraction.optional(),
    labeledExamples: nonNegativeInt.optional(),
    budgetUsd: nonNegative.optional(),
    mlEngineers: nonNegativeInt.optional(),
    dataSharingAllowed: z.boolean({ error: "expected true or false" }).optional(),
    decidedOn: isoDate.optional(),
    /** Months until the decision is reviewed; the framework says costs and models move every six. */
    reviewAfterMonths: intRange(1, 36).optional(),
  })
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

export const decisionSchema = z
  .object({
    useCase: z.string({ error: "expected a name" }).min(1, { error: "expected a name" }).optional(),
    criteria: z.object(criteriaShape, { error: "expected the seven criteria" }).strict(),
    facts: decisionFactsSchema.optional(),
    checklist: z
      .object(
        Object.fromEntries(CHECKLIST.map(([k]) => [k, z.boolean({ error: "expected true or false" }).optional()])) as Record<
          ChecklistItem,
          z.ZodOptional<z.ZodBoolean>
        >,
      )
      .strict()
      .optional(),
  })
  .strict()
  .refine((d) => CRITERIA.some((c) => d.criteria[c].weight > 0), {
    error: "expected at least one criterion with a weight above 0",
    path: ["criteria"],
  });

export type DecisionInput = z.output<typeof decisionSchema>;
export type DecisionFacts = z.output<typeof decisionFactsSchema>;
