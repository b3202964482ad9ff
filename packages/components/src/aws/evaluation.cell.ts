import { z } from "zod";
import { parseSettings, type Cell } from "../cells";
import { AwsEvaluationTrack, resolveAwsEvaluationArgs, type AwsEvaluationTrackArgs } from "./evaluation";
import { count, instanceType, networkSettings, s3Uri } from "./shared/settings";

export const evaluationDatasetSettings = z
  .object({
    name: z.string({ error: "expected a dataset label" }).optional(),
    s3Uri,
    taskType: z.string({ error: "expected a Bedrock task type such as QuestionAndAnswer" }).optional(),
    metricNames: z.array(z.string({ error: "expected a metric such as Builtin.Accuracy" }), { error: "expected a list of metrics" }).optional(),
  })
  .strict();

const settings = z.object({
  dataset: evaluationDatasetSettings,
  models: z
    .array(
      z.object({ label: z.string({ error: "expected a short label such as base" }), modelIdentifier: z.string({ error: "expected a Bedrock model id or ARN" }).optional() }).strict(),
      { error: "expected a list of models, each {label, modelIdentifier}" },
    )
    .min(1, { error: "expected at least one model to evaluate" }),
  judgeModelIdentifier: z.string({ error: "expected a Bedrock model id" }).optional(),
  runName: z.string({ error: "expected a run label such as run-1" }).optional(),
  monitoring: z
    .object({
      endpointName: z.string({ error: "expected the name of a SageMaker endpoint with data capture on" }),
      captureS3Uri: s3Uri,
      instanceType: instanceType.optional(),
      scheduleExpression: z.string({ error: "expected a cron expression such as cron(0 * ? * * *)" }).optional(),
      baselineConstraintsUri: s3Uri.optional(),
      baselineStatisticsUri: s3Uri.optional(),
      maxRuntimeSeconds: count("seconds").optional(),
    })
    .strict()
    .optional(),
  network: networkSettings.optional(),
});

/** Evaluation on AWS: Bedrock model evaluation and SageMaker Model Monitor (Clarify). */
export const awsEvaluationCell: Cell<AwsEvaluationTrackArgs> = {
  track: "evaluation",
  cloud: "aws",
  service: "SageMaker Clarify / Bedrock evaluation",
  args(entry, ctx) {
    const s = parseSettings(settings, entry);
    const args: AwsEvaluationTrackArgs = { ...s, region: entry.region, tags: ctx.tags };
    resolveAwsEvaluationArgs(args);
    return args;
  },
  create: (name, args, opts) => new AwsEvaluationTrack(name, args, opts),
};
