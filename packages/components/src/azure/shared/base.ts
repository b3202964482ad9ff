import type * as pulumi from "@pulumi/pulumi";
import { fieldError } from "../../common/errors";
import type { TrackBaseArgs } from "../../common/track";

/** Where the track's private endpoints live. */
export interface AzureNetworkArgs {
  /**
   * An existing subnet for the private endpoints (a hub-and-spoke landing zone's). Its private DNS
   * zones are then the landing zone's business. @default a new virtual network per track
   */
  readonly privateEndpointSubnetId?: pulumi.Input<string>;
  /** Address space of the virtual network the track creates (also its one subnet). @default "10.42.0.0/24" */
  readonly addressSpace?: string;
}

/** Arguments every Azure track takes. */
export interface AzureTrackBaseArgs extends TrackBaseArgs {
  /** The Azure region (location) of the track, e.g. "eastus2": every resource is placed there. */
  readonly region: string;
  /** Private networking. @default a new virtual network 10.42.0.0/24 with private DNS zones */
  readonly network?: AzureNetworkArgs;
  /** Days Log Analytics keeps the diagnostic logs (30-730). @default 90 */
  readonly logRetentionDays?: number;
  /** Monthly spend of the track's resource group that the consumption budget alerts against (USD). @default no budget */
  readonly monthlyBudgetUsd?: number;
  /** Percentages of the budget that alert on actual spend (a forecast alert at 100% is always added). @default [50, 80, 100] */
  readonly budgetAlertThresholds?: readonly number[];
  /** Who gets the budget e-mails (the resource group's owners always do). @default [] */
  readonly alertEmails?: readonly string[];
  /** First day of the budget, YYYY-MM-01. @default the first day of the current month */
  readonly budgetStartDate?: string;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const REGION = /^[a-z][a-z0-9]+$/;

/** The defaults and checks shared by every Azure track. */
export function resolveAzureBaseArgs(args: AzureTrackBaseArgs, opts: { budgetRequired?: boolean } = {}) {
  if (!REGION.test(args.region)) fieldError("region", `expected an Azure region such as eastus2 or swedencentral, got ${JSON.stringify(args.region)}`);
  const addressSpace = args.network?.addressSpace ?? "10.42.0.0/24";
  const m = CIDR.exec(addressSpace);
  if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || Number(m[5]) < 8 || Number(m[5]) > 27) {
    fieldError("network.addressSpace", `expected an IPv4 range from /8 to /27 such as 10.42.0.0/24, got ${JSON.stringify(addressSpace)}`);
  }
  const logRetentionDays = args.logRetentionDays ?? 90;
  if (!Number.isInteger(logRetentionDays) || logRetentionDays < 30 || logRetentionDays > 730) {
    fieldError("logRetentionDays", `expected a whole number of days from 30 to 730, got ${logRetentionDays}`);
  }
  const budget = args.monthlyBudgetUsd;
  if (budget === undefined && opts.budgetRequired) fieldError("monthlyBudgetUsd", "expected a monthly budget in USD for the track's consumption budget");
  if (budget !== undefined && !(budget > 0)) fieldError("monthlyBudgetUsd", `expected a monthly budget above 0 USD, got ${budget}`);
  const thresholds = [...(args.budgetAlertThresholds ?? [50, 80, 100])];
  // Azure allows five notifications per budget; one is the forecast alert.
  if (thresholds.length < 1 || thresholds.length > 4) fieldError("budgetAlertThresholds", `expected 1 to 4 percentages (Azure allows 5 notifications, one is the forecast), got ${thresholds.length}`);
  thresholds.forEach((t, i) => {
    if (!(t > 0 && t <= 1000)) fieldError(`budgetAlertThresholds[${i}]`, `expected a percentage above 0 and at most 1000, got ${t}`);
  });
  const budgetStartDate = args.budgetStartDate ?? firstOfThisMonth();
  if (!/^\d{4}-(0[1-9]|1[0-2])-01$/.test(budgetStartDate)) fieldError("budgetStartDate", `expected the first day of a month as YYYY-MM-01, got ${JSON.stringify(budgetStartDate)}`);
  return {
    location: args.region,
    network: { privateEndpointSubnetId: args.network?.privateEndpointSubnetId, addressSpace },
    logRetentionDays,
    budget: budget === undefined ? undefined : { amountUsd: budget, thresholds, emails: [...(args.alertEmails ?? [])], startDate: budgetStartDate },
    tags: args.tags,
  };
}
export type ResolvedAzureBase = ReturnType<typeof resolveAzureBaseArgs>;

function firstOfThisMonth(): string {
  return `${new Date().toISOString().slice(0, 7)}-01`;
}

/** Positive whole number check with the field's path. */
export function wholeNumber(field: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    fieldError(field, `expected a whole number ${range}, got ${value}`);
  }
  return value;
}
