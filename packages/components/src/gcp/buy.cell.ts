import { z } from "zod";
import { InputError } from "@aitracks/core";
import { parseSettings, type Cell } from "../cells";
import { GcpBuyTrack, resolveGcpBuyArgs, type GcpBuyTrackArgs } from "./buy";

const settings = z.object({
  models: z
    .array(z.string({ error: "expected a Model Garden model such as google/gemini-2.5-flash" }), { error: "expected a list of Model Garden models, primary first" })
    .min(1, { error: "expected at least one Model Garden model" }),
  billingAccount: z.string({ error: "expected the Cloud Billing account id (XXXXXX-XXXXXX-XXXXXX) for the budget" }),
  monthlyBudgetUsd: z.number({ error: "expected a monthly budget in USD" }).optional(),
  auditLogRetentionDays: z.number({ error: "expected a number of days" }).int({ error: "expected whole days" }).optional(),
  requestLogging: z
    .strictObject(
      {
        enabled: z.boolean({ error: "expected true or false" }).optional(),
        samplingRate: z
          .number({ error: "expected a share of requests from above 0 to 1, e.g. 0.1" })
          .gt(0, { error: "expected a share above 0 (turn logging off with enabled: false)" })
          .lte(1, { error: "expected a share of at most 1" })
          .optional(),
      },
      { error: "expected {enabled, samplingRate}" },
    )
    .optional(),
});

/** Buy on GCP: Vertex AI Model Garden. */
export const gcpBuyCell: Cell<GcpBuyTrackArgs> = {
  track: "buy",
  cloud: "gcp",
  service: "Vertex AI Model Garden",
  args(entry, ctx) {
    const s = parseSettings(settings, entry);
    const monthlyBudgetUsd = s.monthlyBudgetUsd ?? ctx.spec.budget?.maxMonthlyUsd;
    if (monthlyBudgetUsd === undefined) {
      throw new InputError("monthlyBudgetUsd: expected a monthly budget for the track's billing budget (or set aitracks:budget.maxMonthlyUsd)");
    }
    const args: GcpBuyTrackArgs = {
      ...s,
      region: entry.region,
      monthlyBudgetUsd,
      budgetAlertThresholds: ctx.spec.budget?.alertThresholds,
      alertEmails: ctx.spec.budget?.alertEmails,
      tags: ctx.tags,
    };
    resolveGcpBuyArgs(args);
    return args;
  },
  create: (name, args, opts) => new GcpBuyTrack(name, args, opts),
};
