import type { StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { budgetCrossedInMonth, type CostEstimate, type StackCostInputs } from "@aitracks/core";
import type { AitracksPolicy } from "../lib/types";
import { costViewOr, unknownUntilDeploy, usd } from "./context";

/** How many of the largest resources a budget message names. */
const DOMINANT = 3;

/** The monthly budget a stack is judged against, and where it comes from. */
interface Limit {
  readonly usd: number;
  readonly from: string;
}

const maxMonthlyUsdSchema = {
  properties: {
    maxMonthlyUsd: { type: "number", exclusiveMinimum: 0, description: "A monthly cap in USD for every stack; the stack's own aitracks:budget.maxMonthlyUsd applies too (the lower wins)." },
  },
} as const;

/**
 * The budget to judge: aitracks:budget.maxMonthlyUsd or the policy's maxMonthlyUsd, the lower of
 * the two when both are set (a pack can cap what a stack may ask for, never raise it). Undefined
 * after saying why there is none: a budget that is not a number is a violation, no budget is not applicable.
 */
function budgetLimit(args: StackValidationArgs, inputs: StackCostInputs, report: (message: string) => void): Limit | undefined {
  const { maxMonthlyUsd } = args.getConfig<{ maxMonthlyUsd?: number }>();
  const limits = [
    ...(inputs.budgetUsd !== undefined ? [{ usd: inputs.budgetUsd, from: "aitracks:budget.maxMonthlyUsd" }] : []),
    ...(maxMonthlyUsd !== undefined ? [{ usd: maxMonthlyUsd, from: "the policy's maxMonthlyUsd" }] : []),
  ].sort((a, b) => a.usd - b.usd);
  const broken = limits.find((l) => !Number.isFinite(l.usd));
  if (broken) {
    report(`cannot judge the budget: ${broken.from} is ${String(broken.usd)}, not a finite number`);
    return undefined;
  }
  const limit = limits[0];
  if (!limit) args.notApplicable("no monthly budget: set aitracks:budget.maxMonthlyUsd in the stack config or maxMonthlyUsd in the policy config");
  return limit;
}

/** The largest resources of an estimate, each with its share and paid components. */
function largest(estimate: CostEstimate): string {
  return [...estimate.resources]
    .sort((a, b) => b.monthlyUsd - a.monthlyUsd)
    .slice(0, DOMINANT)
    .filter((r) => r.monthlyUsd > 0)
    .map((r) => `${r.name} ${usd(r.monthlyUsd)} (${Math.round((r.monthlyUsd / estimate.monthlyUsd) * 100)}%: ${r.components.filter((c) => c.monthlyUsd > 0).map((c) => c.name).join(", ")})`)
    .join("; ");
}

/**
 * The stack's estimated monthly cost in its first month (autoscaled fleets at the size the workload
 * needs: cost/fleet.ts) stays within its budget: aitracks:budget.maxMonthlyUsd, or the policy's
 * maxMonthlyUsd (the lower of the two when both are set). Mandatory: the stack is over budget the
 * day it deploys. A budget crossed only later, as traffic grows, is cost-budget-crossing's.
 */
export const monthlyBudget: StackValidationPolicy & AitracksPolicy = {
  name: "cost-monthly-budget",
  description: "The stack's estimated cost in its first month (autoscaled fleets at their expected size) does not exceed its monthly budget; a crossing in a later month is cost-budget-crossing's.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Shrink what dominates the estimate (fewer or smaller instances, a cheaper model, provisioned capacity sized to the traffic), or raise aitracks:budget.maxMonthlyUsd with the budget owner's agreement. `aitracks cost` shows the breakdown.",
  tags: ["any", "cost"],
  configSchema: maxMonthlyUsdSchema,
  validateStack: (args, report) => {
    const view = costViewOr(args, report);
    if (!view) return;
    const { estimate, inputs } = view;
    const limit = budgetLimit(args, inputs, report);
    if (!limit) return;
    const over = estimate.monthlyUsd - limit.usd;
    if (over > 0) {
      const unpriced = estimate.unpriced.length ? `; ${estimate.unpriced.length} unpriced resource${estimate.unpriced.length === 1 ? "" : "s"} not counted` : "";
      report(
        `estimated ${usd(estimate.monthlyUsd)} a month${estimate.minMonthlyUsd < estimate.monthlyUsd ? ` (autoscaled fleets at their expected size; ${usd(estimate.minMonthlyUsd)} at their minimum)` : ""} exceeds the budget of ${usd(limit.usd)} (${limit.from}) by ${usd(over)} (${((over / limit.usd) * 100).toFixed(0)}%); the largest: ${largest(estimate)}${unpriced}`,
      );
      return;
    }
    const unknown = unknownUntilDeploy(estimate);
    if (unknown.length) args.notApplicable(`could not decide: ${usd(estimate.monthlyUsd)} a month is within ${usd(limit.usd)}, but ${unknown.join("; ")}`);
  },
};

/**
 * Within the budget in month 1, the stack stays within it over the cost model's horizon
 * (HORIZON_MONTHS, 36): usage items grow with aitracks:workload.workload.monthlyGrowth, autoscaled
 * fleets at their expected size each month (CostEstimate.monthlyUsdByMonth). The first month over
 * budget is found where `cost` and the report find it (budgetCrossedInMonth of @aitracks/core).
 * Advisory: the stack deploys within budget, and a pipeline chooses whether a future crossing blocks
 * it (set it mandatory in the pack config). A stack over budget in month 1 is cost-monthly-budget's
 * (not applicable here). Same budget as cost-monthly-budget: the stack's or the policy's maxMonthlyUsd, the lower.
 */
export const budgetCrossing: StackValidationPolicy & AitracksPolicy = {
  name: "cost-budget-crossing",
  description: "The stack, within its monthly budget in month 1, stays within it every month of the cost model's 36-month horizon (usage growing with the workload's monthlyGrowth, autoscaled fleets at their expected size); the violation names the month the budget is crossed and that month's figure.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps:
    "Plan for the month named: size what grows (a cheaper model, provisioned capacity, a fleet ceiling), or agree a larger aitracks:budget.maxMonthlyUsd with the budget owner before then. `aitracks cost --json` lists monthlyUsdByMonth.",
  tags: ["any", "cost"],
  configSchema: maxMonthlyUsdSchema,
  validateStack: (args, report) => {
    const view = costViewOr(args, report);
    if (!view) return;
    const { estimate, inputs } = view;
    const limit = budgetLimit(args, inputs, report);
    if (!limit) return;
    const month = budgetCrossedInMonth(estimate.monthlyUsdByMonth, limit.usd);
    if (month === 1) return args.notApplicable(`over the budget of ${usd(limit.usd)} from month 1: cost-monthly-budget judges it`);
    if (month !== undefined) {
      const figure = estimate.monthlyUsdByMonth[month - 1]!;
      const over = figure - limit.usd;
      const g = inputs.usage.monthlyGrowth;
      const fleets = estimate.resources.some((r) => r.components.some((c) => c.monthlyUsdByMonth));
      const why = [
        ...(g !== 0 ? [`usage items grow ${(g * 100).toFixed(1)}% a month (aitracks:workload.workload.monthlyGrowth)`] : []),
        ...(fleets ? ["autoscaled fleets at their expected size each month"] : []),
      ];
      report(
        `within the budget of ${usd(limit.usd)} (${limit.from}) in month 1 (${usd(estimate.monthlyUsd)}), but crosses it in month ${month} of ${estimate.monthlyUsdByMonth.length}: ${usd(figure)}, over by ${usd(over)} (${((over / limit.usd) * 100).toFixed(0)}%)${why.length ? `; ${why.join(", ")}` : ""}; the largest in month 1: ${largest(estimate)}`,
      );
      return;
    }
    const unknown = unknownUntilDeploy(estimate);
    if (unknown.length) args.notApplicable(`could not decide: every month is within ${usd(limit.usd)}, but ${unknown.join("; ")}`);
  },
};
