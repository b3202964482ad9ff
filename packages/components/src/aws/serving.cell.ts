import { z } from "zod";
import { parseSettings, type Cell } from "../cells";
import { AwsServingTrack, resolveAwsServingArgs, type AwsServingTrackArgs } from "./serving";
import { count, flag, instanceType, invocationsPerMinute, monthlyBudgetUsd, networkSettings, s3Uri, stackBudget, stringMap } from "./shared/settings";

export const servingSettings = z.object({
  image: z.string({ error: "expected an ECR image path" }).optional(),
  modelDataUrl: s3Uri.optional(),
  modelPackageArn: z.string({ error: "expected a model package version ARN" }).optional(),
  environment: stringMap.optional(),
  instanceType: instanceType.optional(),
  minInstances: count("instances").optional(),
  maxInstances: count("instances").optional(),
  targetInvocationsPerInstance: invocationsPerMinute.optional(),
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
    .object({ enabled: flag.optional(), samplingPercentage: count("percent").optional() })
    .strict()
    .optional(),
  networkIsolation: flag.optional(),
  network: networkSettings.optional(),
  monthlyBudgetUsd: monthlyBudgetUsd.optional(),
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
      ...stackBudget(s.monthlyBudgetUsd, ctx),
      tags: ctx.tags,
    };
    resolveAwsServingArgs(args);
    return args;
  },
  create: (name, args, opts) => new AwsServingTrack(name, args, opts),
};
