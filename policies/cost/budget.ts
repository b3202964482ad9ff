import type { StackValidationPolicy } from "@pulumi/policy";
import type { AitracksPolicy } from "../lib/types";
import { costViewOr, unknownUntilDeploy, usd } from "./context";

/** How many of the largest resources a budget message names. */
const DOMINANT = 3;

/**
 * The stack's estimated monthly cost (its first month, autoscaled fleets at the size the workload
 * needs: cost/fleet.ts) stays within its budget: aitracks:budget.maxMonthlyUsd, or
 * the policy's maxMonthlyUsd (the lower of the two when both are set: a pack can cap what a stack
 * may ask for, never raise it).
 */
export const monthlyBudget: StackValidationPolicy & AitracksPolicy = {
  name: "cost-monthly-budget",
  description: "The stack's estimated monthly cost does not exceed its monthly budget.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Shrink what dominates the estimate (fewer or smaller instances, a cheaper model, provisioned capacity sized to the traffic), or raise aitracks:budget.maxMonthlyUsd with the budget owner's agreement. `aitracks cost` shows the breakdown.",
  tags: ["any", "cost"],
  configSchema: {
    properties: {
      maxMonthlyUsd: { type: "number", exclusiveMinimum: 0, description: "A monthly cap in USD for every stack; the stack's own aitracks:budget.maxMonthlyUsd applies too (the lower wins)." },
    },
  },
  validateStack: (args, report) => {
    const view = costViewOr(args, report);
    if (!view) return;
    const { estimate, inputs } = view;
    const { maxMonthlyUsd } = args.getConfig<{ maxMonthlyUsd?: number }>();
    const limits = [
      ...(inputs.budgetUsd !== undefined ? [{ usd: inputs.budgetUsd, from: "aitracks:budget.maxMonthlyUsd" }] : []),
      ...(maxMonthlyUsd !== undefined ? [{ usd: maxMonthlyUsd, from: "the policy's maxMonthlyUsd" }] : []),
    ].sort((a, b) => a.usd - b.usd);
    const broken = limits.find((l) => !Number.isFinite(l.usd));
    if (broken) return report(`cannot judge the budget: ${broken.from} is ${String(broken.usd)}, not a finite number`);
    const limit = limits[0];
    if (!limit) return args.notApplicable("no monthly budget: set aitracks:budget.maxMonthlyUsd in the stack config or maxMonthlyUsd in the policy config");
    const over = estimate.monthlyUsd - limit.usd;
    if (over > 0) {
      const top = [...estimate.resources]
        .sort((a, b) => b.monthlyUsd - a.monthlyUsd)
        .slice(0, DOMINANT)
        .filter((r) => r.monthlyUsd > 0)
        .map((r) => `${r.name} ${usd(r.monthlyUsd)} (${Math.round((r.monthlyUsd / estimate.monthlyUsd) * 100)}%: ${r.components.filter((c) => c.monthlyUsd > 0).map((c) => c.name).join(", ")})`);
      const unpriced = estimate.unpriced.length ? `; ${estimate.unpriced.length} unpriced resource${estimate.unpriced.length === 1 ? "" : "s"} not counted` : "";
      report(
        `estimated ${usd(estimate.monthlyUsd)} a month${estimate.minMonthlyUsd < estimate.monthlyUsd ? ` (autoscaled fleets at their expected size; ${usd(estimate.minMonthlyUsd)} at their minimum)` : ""} exceeds the budget of ${usd(limit.usd)} (${limit.from}) by ${usd(over)} (${((over / limit.usd) * 100).toFixed(0)}%); the largest: ${top.join("; ")}${unpriced}`,
      );
      return;
    }
    const unknown = unknownUntilDeploy(estimate);
    if (unknown.length) args.notApplicable(`could not decide: ${usd(estimate.monthlyUsd)} a month is within ${usd(limit.usd)}, but ${unknown.join("; ")}`);
  },
};
