import type { StackValidationPolicy } from "@pulumi/policy";
import type { AitracksPolicy } from "../lib/types";
import { costViewOr } from "./context";

/** Resources the cost model cannot price are said out loud: the estimate leaves them out. */
export const unpricedResources: StackValidationPolicy & AitracksPolicy = {
  name: "cost-unpriced-resources",
  description: "Every resource of the stack is priced (or known to be free), so the cost estimate is complete.",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps:
    "Add a cost module for the resource type in packages/core/src/cost/resources (or list it as free in free.ts), or the missing price to the compute catalog; until then the estimate leaves the resource out.",
  tags: ["any", "cost"],
  validateStack: (args, report) => {
    const view = costViewOr(args, report);
    if (!view) return;
    const { estimate } = view;
    for (const u of estimate.unpriced) report(`${u.name} (${u.type}) is not in the estimate: ${u.reason}`, u.urn);
  },
};
