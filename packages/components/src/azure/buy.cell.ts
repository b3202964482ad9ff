import { z } from "zod";
import { InputError } from "@aitracks/core";
import { parseSettings, type Cell } from "../cells";
import { AzureBuyTrack, resolveAzureBuyArgs, type AzureBuyTrackArgs } from "./buy";
import { azureBaseArgs, azureBaseSettings, strip } from "./shared/cell";

export const azureContentFilterSettings = z
  .object({
    severityThreshold: z.enum(["Low", "Medium", "High"], { error: "expected Low, Medium or High" }).optional(),
    blockJailbreak: z.boolean().optional(),
    blockIndirectAttacks: z.boolean().optional(),
    blockProtectedMaterial: z.boolean().optional(),
  })
  .strict()
  .optional();

const settings = z.object({
  ...azureBaseSettings,
  deployments: z
    .array(
      z
        .object({
          model: z.string({ error: "expected an Azure OpenAI model name such as gpt-4o" }),
          version: z.string({ error: "expected a model version such as 2024-11-20" }).optional(),
          sku: z.string({ error: "expected a deployment SKU such as GlobalStandard" }).optional(),
          capacity: z.number({ error: "expected a capacity (thousands of tokens per minute, or PTUs)" }).optional(),
          name: z.string().optional(),
        })
        .strict(),
      { error: "expected a list of model deployments, primary first" },
    )
    .min(1, { error: "expected at least one model deployment" }),
  contentFilter: azureContentFilterSettings,
  invokerPrincipalIds: z.array(z.string()).optional(),
});

/** Buy on Azure: Azure OpenAI Service. */
export const azureBuyCell: Cell<AzureBuyTrackArgs> = {
  track: "buy",
  cloud: "azure",
  service: "Azure OpenAI Service",
  args(entry, ctx) {
    const s = parseSettings(settings, entry);
    const base = azureBaseArgs(entry, ctx, s);
    if (base.monthlyBudgetUsd === undefined) {
      throw new InputError("monthlyBudgetUsd: expected a monthly budget for the track's consumption budget (or set aitracks:budget.maxMonthlyUsd)");
    }
    const args: AzureBuyTrackArgs = {
      ...base,
      monthlyBudgetUsd: base.monthlyBudgetUsd,
      deployments: s.deployments.map(strip),
      ...(s.contentFilter ? { contentFilter: strip(s.contentFilter) } : {}),
      ...(s.invokerPrincipalIds ? { invokerPrincipalIds: s.invokerPrincipalIds } : {}),
    };
    resolveAzureBuyArgs(args);
    return args;
  },
  create: (name, args, opts) => new AzureBuyTrack(name, args, opts),
};
