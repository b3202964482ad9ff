import * as pulumi from "@pulumi/pulumi";
import { Budget } from "@pulumi/azure-native/consumption";
import { DiagnosticSetting } from "@pulumi/azure-native/monitor";
import { Workspace } from "@pulumi/azure-native/operationalinsights";

/** The track's Log Analytics workspace: where every diagnostic setting of the track sends logs. */
export function logAnalytics(
  name: string,
  args: { resourceGroupName: pulumi.Input<string>; location: string; retentionInDays: number; tags: pulumi.Input<Record<string, pulumi.Input<string>>> },
  opts: pulumi.CustomResourceOptions,
): Workspace {
  return new Workspace(
    name,
    {
      resourceGroupName: args.resourceGroupName,
      location: args.location,
      sku: { name: "PerGB2018" },
      retentionInDays: args.retentionInDays,
      // Entra ID only: no workspace shared keys for agents or queries.
      features: { disableLocalAuth: true, enableLogAccessUsingOnlyResourcePermissions: true },
      tags: args.tags,
    },
    opts,
  );
}

/** All logs (the allLogs category group, which includes audit) and all metrics of a resource to Log Analytics. */
export function diagnosticsToLogAnalytics(
  name: string,
  resourceUri: pulumi.Input<string>,
  workspaceId: pulumi.Input<string>,
  opts: pulumi.CustomResourceOptions,
): DiagnosticSetting {
  return new DiagnosticSetting(
    name,
    {
      name: "aitracks-to-log-analytics",
      resourceUri,
      workspaceId,
      logs: [{ categoryGroup: "allLogs", enabled: true }],
      metrics: [{ category: "AllMetrics", enabled: true }],
    },
    opts,
  );
}

export interface ResourceGroupBudgetArgs {
  /** The resource group's id: the budget covers everything the track creates. */
  readonly scope: pulumi.Input<string>;
  readonly amountUsd: number;
  readonly thresholds: readonly number[];
  readonly emails: readonly string[];
  readonly startDate: string;
}

/**
 * A monthly cost budget on the track's resource group: one e-mail notification per threshold on
 * actual cost, plus one when the month's forecast passes 100%. The resource group's Owners are
 * always told, so a budget without e-mails still reaches someone.
 */
export function resourceGroupBudget(name: string, args: ResourceGroupBudgetArgs, opts: pulumi.CustomResourceOptions): Budget {
  const notify = (threshold: number, thresholdType: string) => ({
    enabled: true,
    operator: "GreaterThan",
    threshold,
    thresholdType,
    contactEmails: [...args.emails],
    contactRoles: ["Owner"],
  });
  const notifications: Record<string, ReturnType<typeof notify>> = {};
  for (const t of args.thresholds) notifications[`actual-${t}-percent`] = notify(t, "Actual");
  notifications["forecast-100-percent"] = notify(100, "Forecasted");
  return new Budget(
    name,
    {
      budgetName: name,
      scope: args.scope,
      amount: args.amountUsd,
      category: "Cost",
      timeGrain: "Monthly",
      timePeriod: { startDate: `${args.startDate}T00:00:00Z` },
      notifications,
    },
    // The start date defaults to this month's first day; a later run must not move it.
    { ...opts, ignoreChanges: ["timePeriod"] },
  );
}
