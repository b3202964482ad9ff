import { z } from "zod";
import type { TrackEntry } from "@aitracks/core";
import type { StackContext } from "../../cells";
import type { AzureTrackBaseArgs } from "./base";

/** Settings every Azure cell accepts besides its own (spread into each cell's zod schema). */
export const azureBaseSettings = {
  network: z
    .object({
      privateEndpointSubnetId: z.string({ error: "expected the resource id of an existing subnet" }).optional(),
      addressSpace: z.string({ error: "expected an IPv4 range such as 10.42.0.0/24" }).optional(),
    })
    .strict()
    .optional(),
  logRetentionDays: z.number({ error: "expected a number of days" }).optional(),
  monthlyBudgetUsd: z.number({ error: "expected a monthly budget in USD" }).optional(),
  budgetStartDate: z.string({ error: "expected a date YYYY-MM-01" }).optional(),
};

type BaseSettings = {
  network?: { privateEndpointSubnetId?: string | undefined; addressSpace?: string | undefined } | undefined;
  logRetentionDays?: number | undefined;
  monthlyBudgetUsd?: number | undefined;
  budgetStartDate?: string | undefined;
};

/** The common args from the entry, the settings and the stack: region, tags, budget and alerts. */
export function azureBaseArgs(entry: TrackEntry, ctx: StackContext, s: BaseSettings): AzureTrackBaseArgs {
  const monthlyBudgetUsd = s.monthlyBudgetUsd ?? ctx.spec.budget?.maxMonthlyUsd;
  return {
    region: entry.region,
    tags: ctx.tags,
    ...(s.network ? { network: strip(s.network) } : {}),
    ...(s.logRetentionDays !== undefined ? { logRetentionDays: s.logRetentionDays } : {}),
    ...(monthlyBudgetUsd !== undefined ? { monthlyBudgetUsd } : {}),
    ...(ctx.spec.budget ? { budgetAlertThresholds: ctx.spec.budget.alertThresholds, alertEmails: ctx.spec.budget.alertEmails } : {}),
    ...(s.budgetStartDate ? { budgetStartDate: s.budgetStartDate } : {}),
  };
}

/** Drop undefined keys (zod leaves them) so `??` defaults apply. */
export function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
