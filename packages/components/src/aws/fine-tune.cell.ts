import { z } from "zod";
import { InputError } from "@aitracks/core";
import { invocationLoggingOf } from "./shared/invocation-logging-owner";
import { parseSettings, type Cell } from "../cells";
import { evaluationDatasetSettings } from "./evaluation.cell";
import { AwsFineTuneTrack, resolveAwsFineTuneArgs, type AwsFineTuneTrackArgs } from "./fine-tune";
import { servingSettings } from "./serving.cell";
import { bedrockModelId, count, flag, hours, monthlyBudgetUsd, networkSettings, runName, s3Uri, stackBudget, stringMap } from "./shared/settings";

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
  acceptEula: flag.optional(),
  // The serving track's own settings for these four; the capture percentage is dataCapture.samplingPercentage there.
  serving: servingSettings
    .pick({ instanceType: true, minInstances: true, maxInstances: true, targetInvocationsPerInstance: true })
    .extend({ captureSamplingPercentage: count("percent").optional() })
    .strict()
    .optional(),
  evaluation: z
    .object({
      enabled: flag.optional(),
      dataset: evaluationDatasetSettings.optional(),
      baseModelIdentifier: bedrockModelId.optional(),
      judgeModelIdentifier: bedrockModelId.optional(),
    })
    .strict()
    .optional(),
  maxRuntimeHours: hours.optional(),
  customizationTimeoutHours: hours.optional(),
  invocationLogging: z.enum(["create", "existing"], { error: "expected create or existing" }).optional(),
  logRetentionDays: count("days").optional(),
  runName: runName.optional(),
  network: networkSettings.optional(),
  monthlyBudgetUsd: monthlyBudgetUsd.optional(),
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
    const invocationLogging = s.method === "bedrock" ? (invocationLoggingOf(entry, ctx.spec) as typeof s.invocationLogging) : s.invocationLogging;
    const args: AwsFineTuneTrackArgs = {
      ...s,
      ...(invocationLogging !== undefined ? { invocationLogging } : {}),
      region: entry.region,
      labeledExamples,
      ...stackBudget(s.monthlyBudgetUsd, ctx),
      tags: ctx.tags,
    };
    resolveAwsFineTuneArgs(args);
    return args;
  },
  create: (name, args, opts) => new AwsFineTuneTrack(name, args, opts),
};
