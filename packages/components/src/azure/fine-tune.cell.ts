import { z } from "zod";
import { parseSettings, type Cell } from "../cells";
import { azureContentFilterSettings } from "./buy.cell";
import { AzureFineTuneTrack, resolveAzureFineTuneArgs, type AzureFineTuneTrackArgs } from "./fine-tune";
import { azureBaseArgs, azureBaseSettings, strip } from "./shared/cell";

const settings = z.object({
  ...azureBaseSettings,
  baseModel: z.string({ error: "expected a base model Azure OpenAI fine-tunes, such as gpt-4o-mini" }),
  baseModelVersion: z.string().optional(),
  trainingFile: z.string().optional(),
  trainingFileId: z.string().optional(),
  validationFile: z.string().optional(),
  validationFileId: z.string().optional(),
  hyperparameters: z
    .object({
      epochs: z.number({ error: "expected a number of epochs" }).optional(),
      batchSize: z.number({ error: "expected a batch size" }).optional(),
      learningRateMultiplier: z.number({ error: "expected a learning-rate multiplier" }).optional(),
    })
    .strict()
    .optional(),
  suffix: z.string().optional(),
  seed: z.number().optional(),
  timeoutMinutes: z.number().optional(),
  deployment: z.object({ name: z.string().optional(), sku: z.string().optional(), capacity: z.number().optional() }).strict().optional(),
  evaluation: z
    .object(
      {
      file: z.string().optional(),
      fileId: z.string().optional(),
      metrics: z.array(z.string()).optional(),
      passThreshold: z.number().optional(),
      promptField: z.string().optional(),
      expectedField: z.string().optional(),
      },
      { error: "expected the base-vs-tuned evaluation set {file or fileId, metrics}" },
    )
    .strict(),
  contentFilter: azureContentFilterSettings,
});

/** Fine-tune on Azure: Azure OpenAI fine-tuning. */
export const azureFineTuneCell: Cell<AzureFineTuneTrackArgs> = {
  track: "fine-tune",
  cloud: "azure",
  service: "Azure OpenAI fine-tuning",
  args(entry, ctx) {
    const s = parseSettings(settings, entry);
    const { network: _n, logRetentionDays: _l, monthlyBudgetUsd: _m, budgetStartDate: _b, hyperparameters, deployment, evaluation, contentFilter, ...rest } = s;
    const args: AzureFineTuneTrackArgs = {
      ...azureBaseArgs(entry, ctx, s),
      ...strip(rest),
      evaluation: strip(evaluation),
      ...(hyperparameters ? { hyperparameters: strip(hyperparameters) } : {}),
      ...(deployment ? { deployment: strip(deployment) } : {}),
      ...(contentFilter ? { contentFilter: strip(contentFilter) } : {}),
    };
    resolveAzureFineTuneArgs(entry.name ?? `${entry.track}-${entry.cloud}`, args);
    return args;
  },
  create: (name, args, opts) => new AzureFineTuneTrack(name, args, opts),
};
