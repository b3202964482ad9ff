import { z } from "zod";
import { InputError } from "@aitracks/core";
import { parseSettings, type Cell } from "../cells";
import { evaluationDatasetSettings } from "./evaluation.cell";
import { AwsFineTuneTrack, resolveAwsFineTuneArgs, type AwsFineTuneTrackArgs } from "./fine-tune";
import { count, instanceType, networkSettings, s3Uri, stringMap } from "./shared/settings";

const settings = z.object({
  method: z.enum(["bedrock", "jumpstart"], { error: "expected bedrock (Bedrock model customisation) or jumpstart (SageMaker JumpStart)" }),
  labeledExamples: count("labelled examples").optional(),
  baseModel: z.string({ error: "expected the base model id" }),
  baseModelVersion: z.string({ error: "expected a version such as 2.1.0" }).optional(),
  trainingDataUri: s3Uri,
  validationDataUri: s3Uri.optional(),
  hyperparameters: stringMap.optional(),
  customizationType: z.enum(["FINE_TUNING", "CONTINUED_PRE_TRAINING"], { error: "expected FINE_TUNING or CONTINUED_PRE_TRAINING" }).optional(),
  provisionedModelUnits: count("model units").optional(),
  commitmentDuration: z.enum(["OneMonth", "SixMonths"], { error: "expected OneMonth or SixMonths" }).optional(),
  acceptEula: z.boolean({ error: "expected true or false" }).optional(),
  serving: z
    .object({
      instanceType: instanceType.optional(),
      minInstances: count("instances").optional(),
      maxInstances: count("instances").optional(),
      targetInvocationsPerInstance: z.number({ error: "expected invocations per instance per minute" }).optional(),
      captureSamplingPercentage: count("percent").optional(),
    })
    .strict()
    .optional(),
  evaluation: z
    .object({
      enabled: z.boolean({ error: "expected true or false" }).optional(),
      dataset: evaluationDatasetSettings.optional(),
      baseModelIdentifier: z.string({ error: "expected a Bedrock model id" }).optional(),
      judgeModelIdentifier: z.string({ error: "expected a Bedrock model id" }).optional(),
    })
    .strict()
    .optional(),
  maxRuntimeHours: z.number({ error: "expected a number of hours" }).optional(),
  runName: z.string({ error: "expected a run label such as run-1" }).optional(),
  network: networkSettings.optional(),
  monthlyBudgetUsd: z.number({ error: "expected a monthly budget in USD" }).optional(),
});

/** Fine-tune on AWS: Bedrock model customisation or SageMaker JumpStart, evaluated against the base model. */
export const awsFineTuneCell: Cell<AwsFineTuneTrackArgs> = {
  track: "fine-tune",
  cloud: "aws",
  service: "SageMaker JumpStart / Bedrock customisation",
  args(entry, ctx) {
    const s = parseSettings(settings, entry);
    // The stack's workload may state the count once for the TCO model and the track alike.
    const fromWorkload = ctx.spec.workload?.fineTune?.labeledExamples;
    const labeledExamples = s.labeledExamples ?? (typeof fromWorkload === "number" ? fromWorkload : undefined);
    if (labeledExamples === undefined) {
      throw new InputError("labeledExamples: expected the number of labelled examples in the training set (or a plain number in aitracks:workload.fineTune.labeledExamples)");
    }
    const args: AwsFineTuneTrackArgs = {
      ...s,
      region: entry.region,
      labeledExamples,
      monthlyBudgetUsd: s.monthlyBudgetUsd ?? ctx.spec.budget?.maxMonthlyUsd,
      budgetAlertThresholds: ctx.spec.budget?.alertThresholds,
      alertEmails: ctx.spec.budget?.alertEmails,
      tags: ctx.tags,
    };
    resolveAwsFineTuneArgs(args);
    return args;
  },
  create: (name, args, opts) => new AwsFineTuneTrack(name, args, opts),
};
