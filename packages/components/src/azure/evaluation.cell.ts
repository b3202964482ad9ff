import { z } from "zod";
import { parseSettings, type Cell } from "../cells";
import { AzureEvaluationTrack, resolveAzureEvaluationArgs, type AzureEvaluationTrackArgs } from "./evaluation";
import { azureBaseArgs, azureBaseSettings, strip } from "./shared/cell";

const settings = z.object({
  ...azureBaseSettings,
  dataset: z
    .object({
      name: z.string({ error: "expected the data asset's name" }),
      uri: z.string({ error: "expected where the evaluation set is (a datastore path or a blob URL)" }),
      version: z.union([z.string(), z.number()]).transform(String).optional(),
      type: z.enum(["uri_file", "uri_folder"], { error: "expected uri_file or uri_folder" }).optional(),
    })
    .strict(),
  metrics: z.array(z.string(), { error: "expected a list of metric names" }).optional(),
  target: z.string().optional(),
  judgeDeployment: z.string().optional(),
  compute: z.object({ vmSize: z.string().optional(), maxNodes: z.number().optional() }).strict().optional(),
  schedule: z.object({ cron: z.string({ error: "expected a cron expression such as \"0 6 * * 1\"" }), timeZone: z.string().optional() }).strict().optional(),
  command: z.string().optional(),
  codeUri: z.string().optional(),
  environment: z.string().optional(),
});

/** Evaluation on Azure: Azure ML evaluation jobs. */
export const azureEvaluationCell: Cell<AzureEvaluationTrackArgs> = {
  track: "evaluation",
  cloud: "azure",
  service: "Azure ML evaluation",
  args(entry, ctx) {
    const s = parseSettings(settings, entry);
    const { network: _n, logRetentionDays: _l, monthlyBudgetUsd: _m, budgetStartDate: _b, dataset, compute, schedule, ...rest } = s;
    const args: AzureEvaluationTrackArgs = {
      ...azureBaseArgs(entry, ctx, s),
      ...strip(rest),
      dataset: strip(dataset),
      ...(compute ? { compute: strip(compute) } : {}),
      ...(schedule ? { schedule: strip(schedule) } : {}),
    };
    resolveAzureEvaluationArgs(args);
    return args;
  },
  create: (name, args, opts) => new AzureEvaluationTrack(name, args, opts),
};
