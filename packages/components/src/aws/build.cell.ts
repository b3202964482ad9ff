import { z } from "zod";
import { parseSettings, type Cell } from "../cells";
import { AwsBuildTrack, resolveAwsBuildArgs, type AwsBuildTrackArgs } from "./build";
import { count, flag, hours, instanceType, monthlyBudgetUsd, networkSettings, runName, stackBudget, stringMap } from "./shared/settings";

const settings = z.object({
  instanceType: instanceType.optional(),
  instanceCount: count("instances").optional(),
  volumeSizeInGb: count("GB").optional(),
  maxRuntimeHours: hours.optional(),
  imageTag: z.string({ error: "expected a Docker tag such as v1" }).optional(),
  runTraining: flag.optional(),
  hyperparameters: stringMap.optional(),
  trainingInputMode: z.enum(["File", "FastFile", "Pipe"], { error: "expected File, FastFile or Pipe" }).optional(),
  experimentTracking: z
    .object({
      enabled: flag.optional(),
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
  runName: runName.optional(),
  network: networkSettings.optional(),
  monthlyBudgetUsd: monthlyBudgetUsd.optional(),
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
      ...stackBudget(s.monthlyBudgetUsd, ctx),
      tags: ctx.tags,
    };
    resolveAwsBuildArgs(args);
    return args;
  },
  create: (name, args, opts) => new AwsBuildTrack(name, args, opts),
};
