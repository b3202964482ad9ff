import { z } from "zod";
import { InputError, issueLines } from "../errors";
import type { CostEstimate } from "./types";

/** Cents. */
export const usd = (x: number): number => Math.round(x * 100) / 100;
/** Quantities and unit prices: 6 significant digits. */
const q = (x: number): number => (x === 0 ? 0 : Number(x.toPrecision(6)));

export const COST_JSON_VERSION = 1 as const;

/**
 * The `aitracks cost --json` document: what `--diff` reads back. Money in USD rounded to cents,
 * resources sorted by URN, so the same stack gives byte-identical JSON.
 */
export function estimateJson(e: CostEstimate) {
  return {
    version: COST_JSON_VERSION,
    currency: e.currency,
    pricesAsOf: e.pricesAsOf,
    project: e.project ?? null,
    stack: e.stack ?? null,
    monthlyUsd: usd(e.monthlyUsd),
    oneOffUsd: usd(e.oneOffUsd),
    minMonthlyUsd: usd(e.minMonthlyUsd),
    ceilingMonthlyUsd: usd(e.ceilingMonthlyUsd),
    /** Each month of the horizon: fixed items, usage with growth, autoscaled fleets at their expected size. */
    monthlyUsdByMonth: e.monthlyUsdByMonth.map(usd),
    threeYearUsd: usd(e.threeYear.totalUsd),
    threeYear: {
      horizonMonths: e.threeYear.horizonMonths,
      option: e.threeYear.option,
      infrastructureUsd: usd(e.threeYear.infrastructureUsd),
      oneOffUsd: usd(e.threeYear.oneOffUsd),
      peopleAndDataUsd: usd(e.threeYear.peopleAndDataUsd),
      team: usd(e.threeYear.breakdown.team),
      maintenance: usd(e.threeYear.breakdown.maintenance),
      data: usd(e.threeYear.breakdown.data),
      notes: e.threeYear.notes,
    },
    budget: e.budgetUsd === undefined ? null : { maxMonthlyUsd: e.budgetUsd, crossedInMonth: e.budgetCrossedInMonth ?? null },
    byTrack: e.byTrack.map((t) => ({ key: t.key, monthlyUsd: usd(t.monthlyUsd), oneOffUsd: usd(t.oneOffUsd) })),
    byCloud: e.byCloud.map((t) => ({ key: t.key, monthlyUsd: usd(t.monthlyUsd), oneOffUsd: usd(t.oneOffUsd) })),
    resources: [...e.resources]
      .sort((a, b) => a.urn.localeCompare(b.urn))
      .map((r) => ({
        urn: r.urn,
        type: r.type,
        name: r.name,
        track: r.track ?? null,
        cloud: r.cloud ?? null,
        region: r.region ?? null,
        monthlyUsd: usd(r.monthlyUsd),
        oneOffUsd: usd(r.oneOffUsd),
        minMonthlyUsd: usd(r.minMonthlyUsd),
        ceilingMonthlyUsd: usd(r.ceilingMonthlyUsd),
        components: r.components.map((c) => ({
          name: c.name,
          unit: c.unit,
          kind: c.kind,
          monthlyQuantity: q(c.monthlyQuantity),
          unitPriceUsd: q(c.unitPriceUsd),
          monthlyUsd: usd(c.monthlyUsd),
          ...(c.oneOffQuantity !== undefined ? { oneOffQuantity: q(c.oneOffQuantity), oneOffUsd: usd(c.oneOffUsd ?? 0) } : {}),
          ...(c.minMonthlyUsd !== undefined ? { minMonthlyQuantity: q(c.minMonthlyQuantity ?? 0), minMonthlyUsd: usd(c.minMonthlyUsd) } : {}),
          ...(c.ceilingMonthlyUsd !== undefined ? { ceilingMonthlyQuantity: q(c.ceilingMonthlyQuantity ?? 0), ceilingMonthlyUsd: usd(c.ceilingMonthlyUsd) } : {}),
          priceSource: c.priceSource,
        })),
        notes: r.notes,
      })),
    free: [...e.free].sort((a, b) => a.urn.localeCompare(b.urn)).map((f) => ({ urn: f.urn, type: f.type, reason: f.reason, ...(f.uncountedUsage ? { uncountedUsage: f.uncountedUsage } : {}) })),
    unpriced: [...e.unpriced].sort((a, b) => a.urn.localeCompare(b.urn)).map((u) => ({ urn: u.urn, type: u.type, name: u.name, reason: u.reason, inTrack: u.inTrack })),
    assumptions: e.assumptions,
  };
}

export type CostJson = ReturnType<typeof estimateJson>;

/**
 * What `--diff` needs of an earlier `--json` output. Lenient about extra fields (a newer
 * version's additions) and strict about the ones it compares.
 */
const baseSchema = z.object({
  currency: z.literal("USD", { error: "expected USD" }),
  monthlyUsd: z.number({ error: "expected the monthly total in USD" }),
  threeYearUsd: z.number({ error: "expected the three-year total in USD" }).optional(),
  oneOffUsd: z.number().optional(),
  budget: z.object({ maxMonthlyUsd: z.number() }).nullable().optional(),
  resources: z.array(
    z.object({
      urn: z.string({ error: "expected the resource URN" }),
      type: z.string({ error: "expected the resource type" }),
      name: z.string().optional(),
      monthlyUsd: z.number({ error: "expected the resource's monthly cost" }),
      oneOffUsd: z.number().optional(),
    }),
    { error: "expected the list of priced resources" },
  ),
  unpriced: z.array(z.object({ urn: z.string(), type: z.string() })).default([]),
});
export type CostBaseline = z.output<typeof baseSchema>;

/** Validate an earlier `aitracks cost --json` document; errors name the file and field. */
export function parseCostBaseline(data: unknown, file: string): CostBaseline {
  const r = baseSchema.safeParse(data, { reportInput: true });
  if (!r.success) throw new InputError(issueLines(r.error, `${file}: `).map((l) => `${l} (expected the output of aitracks cost --json)`));
  return r.data;
}
