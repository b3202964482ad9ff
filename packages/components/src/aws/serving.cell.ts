import { z } from "zod";
import { parseSettings, type Cell } from "../cells";
import { AwsServingTrack, resolveAwsServingArgs, type AwsServingTrackArgs } from "./serving";
import { count, instanceType, networkSettings, s3Uri, stringMap } from "./shared/settings";

export const servingSettings = z.object({
  image: z.string({ error: "expected an ECR image path" }).optional(),
  modelDataUrl: s3Uri.optional(),
  modelPackageArn: z.string({ error: "expected a model package version ARN" }).optional(),
  environment: stringMap.optional(),
  instanceType: instanceType.optional(),
  minInstances: count("instances").optional(),
  maxInstances: count("instances").optional(),
  targetInvocationsPerInstance: z.number({ error: "expected invocations per instance per minute" }).optional(),
  scaleInCooldownSeconds: count("seconds").optional(),
  scaleOutCooldownSeconds: count("seconds").optional(),
  volumeSizeInGb: count("GB").optional(),
  serverless: z
    .object({
      memorySizeInMb: count("MB"),
      maxConcurrency: count("concurrent invocations"),
      provisionedConcurrency: count("concurrent invocations").optional(),
    })
    .strict()
    .optional(),
  dataCapture: z
    .object({ enabled: z.boolean({ error: "expected true or false" }).optional(), samplingPercentage: count("percent").optional() })
    .strict()
    .optional(),
  networkIsolation: z.boolean({ error: "expected true or false" }).optional(),
  network: networkSettings.optional(),
  monthlyBudgetUsd: z.number({ error: "expected a monthly budget in USD" }).optional(),
});

/** Serving on AWS: SageMaker endpoints. */
export const awsServingCell: Cell<AwsServingTrackArgs> = {
  track: "serving",
  cloud: "aws",
  service: "SageMaker endpoints",
  args(entry, ctx) {
    const s = parseSettings(servingSettings, entry);
    const args: AwsServingTrackArgs = {
      ...s,
      region: entry.region,
      monthlyBudgetUsd: s.monthlyBudgetUsd ?? ctx.spec.budget?.maxMonthlyUsd,
      budgetAlertThresholds: ctx.spec.budget?.alertThresholds,
      alertEmails: ctx.spec.budget?.alertEmails,
      tags: ctx.tags,
    };
    resolveAwsServingArgs(args);
    return args;
  },
  create: (name, args, opts) => new AwsServingTrack(name, args, opts),
};
