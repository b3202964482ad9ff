import { z } from "zod";
import { parseSettings, type Cell } from "../cells";
import { AwsBuildTrack, resolveAwsBuildArgs, type AwsBuildTrackArgs } from "./build";
import { count, instanceType, networkSettings, stringMap } from "./shared/settings";

const settings = z.object({
  instanceType: instanceType.optional(),
  instanceCount: count("instances").optional(),
  volumeSizeInGb: count("GB").optional(),
  maxRuntimeHours: z.number({ error: "expected a number of hours" }).optional(),
  imageTag: z.string({ error: "expected a Docker tag such as v1" }).optional(),
  runTraining: z.boolean({ error: "expected true or false" }).optional(),
  hyperparameters: stringMap.optional(),
  trainingInputMode: z.enum(["File", "FastFile", "Pipe"], { error: "expected File, FastFile or Pipe" }).optional(),
  experimentTracking: z
    .object({
      enabled: z.boolean({ error: "expected true or false" }).optional(),
      size: z.enum(["Small", "Medium", "Large"], { error: "expected Small, Medium or Large" }).optional(),
      mlflowVersion: z.string().optional(),
    })
    .strict()
    .optional(),
  labeling: z
    .object({
      workforceName: z.string().optional(),
      cognito: z.object({ userPool: z.string(), clientId: z.string(), userGroup: z.string() }).strict().optional(),
      oidcGroups: z.array(z.string(), { error: "expected a list of OIDC group names" }).optional(),
    })
    .strict()
    .optional(),
  runName: z.string({ error: "expected a run label such as run-1" }).optional(),
  network: networkSettings.optional(),
  monthlyBudgetUsd: z.number({ error: "expected a monthly budget in USD" }).optional(),
});

/** Build on AWS: SageMaker training on Trainium. */
export const awsBuildCell: Cell<AwsBuildTrackArgs> = {
  track: "build",
  cloud: "aws",
  service: "SageMaker + Trainium",
  args(entry, ctx) {
    const s = parseSettings(settings, entry);
    const args: AwsBuildTrackArgs = {
      ...s,
      region: entry.region,
      monthlyBudgetUsd: s.monthlyBudgetUsd ?? ctx.spec.budget?.maxMonthlyUsd,
      budgetAlertThresholds: ctx.spec.budget?.alertThresholds,
      alertEmails: ctx.spec.budget?.alertEmails,
      tags: ctx.tags,
    };
    resolveAwsBuildArgs(args);
    return args;
  },
  create: (name, args, opts) => new AwsBuildTrack(name, args, opts),
};
