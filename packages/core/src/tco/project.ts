import { CATEGORIES, CATEGORY_COUNT, type Breakdown } from "./breakdown";
import { projectBuild } from "./options/build";
import { projectBuy } from "./options/buy";
import { projectFineTune } from "./options/fine-tune";
import type { TcoParams } from "./params";
import type { OptionId, TcoModel } from "./resolve";

/** One option's projection: month m's categories to out[m * 5 + category] when `out` is given. */
export type Projector = (p: TcoParams, months: number, out: Float64Array | null) => number;

const PROJECTORS: Readonly<Record<OptionId, Projector>> = { buy: projectBuy, "fine-tune": projectFineTune, build: projectBuild };

/** The projection of an option, looked up once (Monte Carlo calls it 10,000 times per option). */
export function projectorOf(option: OptionId): Projector {
  return PROJECTORS[option];
}

/**
 * One option's cost over `months`: writes month m's categories to out[m * 5 + category] when
 * `out` is given (it must be zero-filled) and returns the total.
 */
export function projectOption(p: TcoParams, option: OptionId, months: number, out: Float64Array | null): number {
  return PROJECTORS[option](p, months, out);
}

export interface OptionProjection {
  readonly option: OptionId;
  readonly totalUsd: number;
  /** Per year of the horizon (the last one partial if the horizon is not whole years). */
  readonly years: number[];
  readonly breakdown: Breakdown;
  /** Total per month. */
  readonly monthly: number[];
  /** Per month and category. */
  readonly monthlyBreakdown: Breakdown[];
}

/** The detailed projection of one option at the given parameters (default: the point estimate). */
export function projectDetailed(model: TcoModel, option: OptionId, params: TcoParams = model.point): OptionProjection {
  const months = model.horizonMonths;
  const out = new Float64Array(months * CATEGORY_COUNT);
  const totalUsd = projectOption(params, option, months, out);
  const breakdown: Breakdown = { compute: 0, tokens: 0, team: 0, data: 0, maintenance: 0 };
  const monthly: number[] = [];
  const monthlyBreakdown: Breakdown[] = [];
  const years: number[] = new Array<number>(Math.ceil(months / 12)).fill(0);
  for (let m = 0; m < months; m++) {
    const row: Breakdown = { compute: 0, tokens: 0, team: 0, data: 0, maintenance: 0 };
    let sum = 0;
    CATEGORIES.forEach((c, i) => {
      const v = out[m * CATEGORY_COUNT + i]!;
      row[c] = v;
      breakdown[c] += v;
      sum += v;
    });
    monthly.push(sum);
    monthlyBreakdown.push(row);
    years[Math.floor(m / 12)]! += sum;
  }
  return { option, totalUsd, years, breakdown, monthly, monthlyBreakdown };
}

/** Every option of the model, at point values. */
export function projectAll(model: TcoModel, params: TcoParams = model.point): OptionProjection[] {
  return model.options.map((o) => projectDetailed(model, o, params));
}
