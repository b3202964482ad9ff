import { InputError } from "../errors";
import type { PriceCatalog } from "../pricing/catalog";
import { workloadFileSchema, type WorkloadFile } from "../schema/workload";
import { projectDetailed } from "../tco/project";
import { resolveTco, type OptionId, type TcoModel } from "../tco/resolve";
import { HORIZON_MONTHS } from "./storage";
import type { ResourceCost, ThreeYearCost } from "./types";
import type { StackCostInputs } from "./usage";

/**
 * The TCO option a stack stands for: the decided track when the config states buy, fine-tune or
 * build; otherwise (a hybrid, or a decision record) the heaviest track it provisions: build over
 * fine-tune (serving a tuned or open model counts as fine-tune) over buy (evaluation alone too).
 */
export function stackOption(inputs: Pick<StackCostInputs, "decidedTrack" | "tracks">): OptionId {
  const d = inputs.decidedTrack;
  if (d === "buy" || d === "fine-tune" || d === "build") return d;
  if (inputs.tracks.includes("build")) return "build";
  if (inputs.tracks.includes("fine-tune") || inputs.tracks.includes("serving")) return "fine-tune";
  return "buy";
}

/**
 * The stack's workload as a complete TCO input: `buy` is optional in a stack (the buy track
 * names the model), so it is filled from the given token prices, or zero (the people costs the
 * three-year figure takes from the TCO model do not depend on it). No workload: zero volume.
 */
export function tcoInputOf(
  inputs: StackCostInputs,
  buy: { provider: string; model: string; inputUsdPerMillionTokens?: number; outputUsdPerMillionTokens?: number } | undefined,
): WorkloadFile {
  const w = inputs.usage.workload;
  const fallbackBuy = buy ?? { provider: "none", model: "none", inputUsdPerMillionTokens: 0, outputUsdPerMillionTokens: 0 };
  if (w) return { ...w, buy: w.buy ?? fallbackBuy };
  return workloadFileSchema.parse({
    workload: { requestsPerDay: 0, inputTokensPerRequest: 0, outputTokensPerRequest: 0 },
    buy: fallbackBuy,
  });
}

/** Resolve the TCO model of a stack's workload over three years; its errors name aitracks:workload. */
export function stackTcoModel(file: WorkloadFile, catalog: PriceCatalog, pricesAt?: Date): TcoModel {
  try {
    return resolveTco(file, { catalog, horizonMonths: HORIZON_MONTHS, ...(pricesAt ? { pricesAt } : {}) });
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.lines.map((l) => `aitracks:workload.${l}`));
    throw err;
  }
}

/** Sum over months 0..n-1 of (1 + g)^m. */
export function growthFactor(monthlyGrowth: number, months: number): number {
  if (Math.abs(monthlyGrowth) < 1e-12) return months;
  return ((1 + monthlyGrowth) ** months - 1) / monthlyGrowth;
}

/**
 * Each month of the horizon (index 0 = month 1): fixed items every month, usage items x (1 + g)^m,
 * autoscaled fleets at their expected size that month (CostComponent.monthlyUsdByMonth).
 */
export function monthlySeries(resources: readonly ResourceCost[], monthlyGrowth: number, months = HORIZON_MONTHS): number[] {
  let fixed = 0;
  let usage = 0;
  const fleets: (readonly number[])[] = [];
  for (const r of resources) {
    for (const c of r.components) {
      if (c.monthlyUsdByMonth) fleets.push(c.monthlyUsdByMonth);
      else if (c.kind === "usage") usage += c.monthlyUsd;
      else if (c.kind === "fixed") fixed += c.monthlyUsd;
    }
  }
  return Array.from({ length: months }, (_, m) => {
    let total = fixed + usage * (1 + monthlyGrowth) ** m;
    for (const f of fleets) total += f[m] ?? f[f.length - 1] ?? 0;
    return total;
  });
}

/**
 * The first month (1-based) of a month-by-month series (monthlySeries) whose figure exceeds a
 * monthly budget, or undefined when no month does or there is no budget. `cost`, the report and the
 * budget policies all read the crossing from here.
 */
export function budgetCrossedInMonth(byMonth: readonly number[], budgetUsd: number | undefined): number | undefined {
  if (budgetUsd === undefined) return undefined;
  const i = byMonth.findIndex((m) => m > budgetUsd);
  return i < 0 ? undefined : i + 1;
}

/**
 * Three years of the stack: fixed items x 36 months, usage items month by month with the
 * workload's growth, autoscaled fleets at their expected size month by month, one-off items once, plus — for an aitracks stack (`withPeople`) — the people
 * and data of the stack's option from the TCO model (team, maintenance, labelling), which
 * infrastructure alone leaves out. A plain Pulumi program says nothing about a team: none is added.
 */
export function threeYearCost(resources: readonly ResourceCost[], inputs: StackCostInputs, model: TcoModel, option: OptionId, withPeople = true): ThreeYearCost {
  let fixed = 0;
  let usage = 0;
  let oneOff = 0;
  let fleets = 0;
  for (const r of resources) {
    for (const c of r.components) {
      if (c.monthlyUsdByMonth) for (let m = 0; m < HORIZON_MONTHS; m++) fleets += c.monthlyUsdByMonth[m] ?? 0;
      else if (c.kind === "usage") usage += c.monthlyUsd;
      else if (c.kind === "fixed") fixed += c.monthlyUsd;
      oneOff += c.oneOffUsd ?? 0;
    }
  }
  const g = inputs.usage.monthlyGrowth;
  const infrastructureUsd = fixed * HORIZON_MONTHS + usage * growthFactor(g, HORIZON_MONTHS) + fleets;
  const b = withPeople ? projectDetailed(model, option).breakdown : { team: 0, maintenance: 0, data: 0 };
  const peopleAndDataUsd = b.team + b.maintenance + b.data;
  const notes = [
    withPeople
      ? `people and data: the TCO model's ${option} option (team, maintenance, labelling; \`aitracks tco\` lists each assumption)`
      : "people and data: not counted (no aitracks:* config: the stack says nothing about a team; add aitracks:workload to count one)",
    ...(g !== 0 ? [`usage items grow ${(g * 100).toFixed(1)}% a month (aitracks:workload.workload.monthlyGrowth)`] : []),
    ...(inputs.usage.given || !withPeople ? [] : ["no aitracks:workload: usage items at zero volume, people costs at the TCO defaults"]),
  ];
  return {
    horizonMonths: HORIZON_MONTHS,
    infrastructureUsd,
    oneOffUsd: oneOff,
    peopleAndDataUsd,
    totalUsd: infrastructureUsd + oneOff + peopleAndDataUsd,
    option,
    breakdown: { team: b.team, maintenance: b.maintenance, data: b.data },
    notes,
  };
}
