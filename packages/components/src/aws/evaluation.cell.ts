import { z } from "zod";
import { parseSettings, type Cell } from "../cells";
import { AwsEvaluationTrack, resolveAwsEvaluationArgs, type AwsEvaluationTrackArgs } from "./evaluation";
import { bedrockModelId, count, instanceType, networkSettings, runName, s3Uri } from "./shared/settings";

export const evaluationDatasetSettings = z
  .object({
    name: z.string({ error: "expected a dataset label" }).optional(),
    s3Uri,
    taskType: z.string({ error: "expected a Bedrock task type such as QuestionAndAnswer" }).optional(),
    metricNames: z.array(z.string({ error: "expected a metric such as Builtin.Accuracy" }), { error: "expected a list of metrics" }).optional(),
  })
  .strict();

/** A label or group value as YAML gives it (1 or "apac"); the component writes numeric strings as numbers. */
const clarifyValue = z.union([z.string(), z.number()], { error: "expected a value such as 1 or apac" }).transform(String);
const attribute = z.string({ error: "expected an index or a JMESPath, e.g. 0 or predictions[0].score" });

/** SageMaker Clarify on the monitored endpoint (opt-in): model quality, bias (with facets), explainability. */
export const clarifySettings = z
  .object({
    problemType: z.string({ error: "expected BinaryClassification, MulticlassClassification or Regression" }),
    groundTruthS3Uri: s3Uri,
    label: z.string({ error: "expected the target attribute: a column name or a JMESPath" }),
    headers: z.array(z.string({ error: "expected a column name" }), { error: "expected a list of column names" }).optional(),
    positiveLabels: z.array(clarifyValue, { error: "expected a list of label values, e.g. [1]" }).optional(),
    labelThreshold: z.number({ error: "expected a number" }).optional(),
    facets: z
      .array(
        z
          .object({
            name: z.string({ error: "expected the column name of a sensitive attribute" }),
            values: z.array(clarifyValue, { error: "expected a list of values of the sensitive group" }).optional(),
            threshold: z.number({ error: "expected a number" }).optional(),
          })
          .strict(),
        { error: "expected a list of facets, each {name, values?, threshold?}" },
      )
      .optional(),
    inferenceAttribute: attribute.optional(),
    probabilityAttribute: attribute.optional(),
    probabilityThreshold: z.number({ error: "expected a probability between 0 and 1" }).optional(),
    featuresAttribute: attribute.optional(),
    startTimeOffset: z.string({ error: "expected a negative ISO 8601 duration such as -P1D" }).optional(),
    endTimeOffset: z.string({ error: "expected a negative ISO 8601 duration such as -PT1H" }).optional(),
    shapBaseline: s3Uri.optional(),
    shapSamples: count("samples").optional(),
    shapAggregation: z.string({ error: "expected mean_abs, median or mean_sq" }).optional(),
    scheduleExpression: z.string({ error: "expected a cron expression such as cron(0 0 ? * * *)" }).optional(),
    modelQualityConstraintsUri: s3Uri.optional(),
    biasConstraintsUri: s3Uri.optional(),
    explainabilityConstraintsUri: s3Uri.optional(),
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
  judgeModelIdentifier: bedrockModelId.optional(),
  runName: runName.optional(),
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
  clarify: clarifySettings.optional(),
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
