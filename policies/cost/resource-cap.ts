import type { StackValidationPolicy } from "@pulumi/policy";
import type { AitracksPolicy } from "../lib/types";
import { costViewOr, usd } from "./context";

export const DEFAULT_RESOURCE_CAP_USD = 25_000;

/** No single resource is estimated above a monthly cap (one oversized endpoint or cluster). */
export const resourceCap: StackValidationPolicy & AitracksPolicy = {
  name: "cost-resource-cap",
  description: "No single resource's estimated monthly cost exceeds the per-resource cap.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: "Size the resource to the traffic (instance type and count, PTUs, model units, slice size), or raise maxMonthlyUsdPerResource in the policy config if it is meant to be this large.",
  tags: ["any", "cost"],
  configSchema: {
    properties: { maxMonthlyUsdPerResource: { type: "number", exclusiveMinimum: 0, default: DEFAULT_RESOURCE_CAP_USD, description: "Monthly cap per resource in USD." } },
  },
  validateStack: (args, report) => {
    const view = costViewOr(args, report);
    if (!view) return;
    const { estimate } = view;
    const { maxMonthlyUsdPerResource = DEFAULT_RESOURCE_CAP_USD } = args.getConfig<{ maxMonthlyUsdPerResource?: number }>();
    if (estimate.resources.length === 0) return args.notApplicable("no priced resources");
    for (const r of estimate.resources) {
      if (r.monthlyUsd > maxMonthlyUsdPerResource) {
        report(`${r.name} is estimated at ${usd(r.monthlyUsd)} a month, above the cap of ${usd(maxMonthlyUsdPerResource)} (${r.components.map((c) => c.name).join(", ")})`, r.urn);
      }
    }
  },
};
