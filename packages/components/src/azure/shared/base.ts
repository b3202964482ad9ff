import { z } from "zod";
import { alertEmailsArg, budgetUsdArg, input, tagsArg } from "../../common/args";

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const REGION = /^[a-z][a-z0-9]+$/;
const THRESHOLD_COUNT = (i: { input?: unknown }) =>
  `expected 1 to 4 percentages (Azure allows 5 notifications, one is the forecast), got ${Array.isArray(i.input) ? i.input.length : "nothing"}`;
const PERCENT = "expected a percentage above 0 and at most 1000";

function cidrFrom8To27(s: string): boolean {
  const m = CIDR.exec(s);
  return !!m && m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) >= 8 && Number(m[5]) <= 27;
}

/** Where the track's private endpoints live. */
export const azureNetworkArgs = z.strictObject({
  /**
   * An existing subnet for the private endpoints (a hub-and-spoke landing zone's). Its private DNS
   * zones are then the landing zone's business. @default a new virtual network per track
   */
  privateEndpointSubnetId: input(z.string({ error: "expected the resource id of an existing subnet" })).optional(),
  /** Address space of the virtual network the track creates (also its one subnet). @default "10.42.0.0/24" */
  addressSpace: z
    .string({ error: "expected an IPv4 range such as 10.42.0.0/24" })
    .refine(cidrFrom8To27, { error: "expected an IPv4 range from /8 to /27 such as 10.42.0.0/24" })
    .default("10.42.0.0/24"),
});
export type AzureNetworkArgs = z.input<typeof azureNetworkArgs>;

/**
 * The args every Azure track takes (each track's schema extends this one): region, tags, private
 * networking, diagnostics retention and the resource group's consumption budget.
 */
export const azureTrackBaseArgs = z.strictObject({
  /** The Azure region (location) of the track, e.g. "eastus2": every resource is placed there. */
  region: z.string({ error: "expected an Azure region such as eastus2" }).regex(REGION, { error: "expected an Azure region such as eastus2 or swedencentral" }),
  tags: tagsArg,
  /** Private networking. @default a new virtual network 10.42.0.0/24 with private DNS zones */
  network: azureNetworkArgs.prefault({}),
  /** Days Log Analytics keeps the diagnostic logs (30-730). @default 90 */
  logRetentionDays: z.number({ error: "expected a number of days" }).int({ error: "expected a whole number of days from 30 to 730" }).min(30, { error: "expected a whole number of days from 30 to 730" }).max(730, { error: "expected a whole number of days from 30 to 730" }).default(90),
  /** Monthly spend of the track's resource group that the consumption budget alerts against (USD). @default no budget */
  monthlyBudgetUsd: budgetUsdArg.optional(),
  /** Percentages of the budget that alert on actual spend (a forecast alert at 100% is always added; Azure allows 5 notifications). @default [50, 80, 100] */
  budgetAlertThresholds: z
    .array(z.number({ error: "expected a percentage" }).gt(0, { error: PERCENT }).lte(1000, { error: PERCENT }), { error: "expected a list of percentages" })
    .min(1, { error: THRESHOLD_COUNT })
    .max(4, { error: THRESHOLD_COUNT })
    .default([50, 80, 100]),
  /** Who gets the budget e-mails (the resource group's owners always do). @default [] */
  alertEmails: alertEmailsArg,
  /** First day of the budget, YYYY-MM-01. @default the first day of the current month */
  budgetStartDate: z
    .string({ error: "expected a date YYYY-MM-01" })
    .regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, { error: "expected the first day of a month as YYYY-MM-01" })
    .default(() => `${new Date().toISOString().slice(0, 7)}-01`),
});
export type AzureTrackBaseArgs = z.input<typeof azureTrackBaseArgs>;

/** The base args as the shared Azure helpers (azureFoundation) take them. */
export function azureBase(a: z.output<typeof azureTrackBaseArgs>) {
  return {
    location: a.region,
    network: a.network,
    logRetentionDays: a.logRetentionDays,
    budget:
      a.monthlyBudgetUsd === undefined
        ? undefined
        : { amountUsd: a.monthlyBudgetUsd, thresholds: a.budgetAlertThresholds, emails: a.alertEmails, startDate: a.budgetStartDate },
    tags: a.tags,
  };
}
export type ResolvedAzureBase = ReturnType<typeof azureBase>;
