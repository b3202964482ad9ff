import { loadCatalog, type PriceCatalog } from "../pricing/catalog";
import { pricesStatus } from "../pricing/status";
import { isAitracksStack } from "../stack-kind";
import { freeReason, UNCOUNTED_USAGE } from "./free";
import { cloudOf, COMPONENT_TYPE_PREFIX, DYNAMIC_TYPE_PREFIX } from "../identity";
import { GraphIndex, isBillable, nameOfUrn } from "./graph";
import { Unpriced, type PricingContext } from "./module";
import { costModuleFor } from "./registry";
import { budgetCrossedInMonth, monthlySeries, stackOption, stackTcoModel, tcoInputOf, threeYearCost } from "./three-year";
import { REQUEST_FIELDS, workloadFields } from "./to-count";
import { planTraffic } from "./traffic";
import type { CostEstimate, CostGraph, CostTotal, FreeResource, ResourceCost, UnpricedResource } from "./types";
import { stackCostInputs, type StackCostInputs } from "./usage";

export interface EstimateOptions {
  readonly catalog?: PriceCatalog;
  /** Stack config to read instead of graph.config (e.g. a config file next to a `pulumi preview --json`). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Token price date; default now. */
  readonly pricesAt?: Date;
}

/**
 * Price every resource of a graph: the bill. Each resource type goes to its module in the
 * registry (cost components), or is free (free.ts, with the reason), or is unpriced (listed,
 * never counted as zero). Usage items read the stack's aitracks:workload; the three-year figure
 * adds the people costs of the stack's option from the TCO model (aitracks stacks only).
 */
export function estimateCost(graph: CostGraph, options: EstimateOptions = {}): CostEstimate {
  const config = options.config ?? graph.config;
  const inputs = stackCostInputs(config);
  const catalog = options.catalog ?? loadCatalog();
  const index = new GraphIndex(graph, config);
  // Track components are not billed, except where a module prices what only the track stands for
  // (Vertex AI publisher models have no resource of their own).
  const billable = graph.resources.filter((r) => isBillable(r) || (r.type.startsWith(COMPONENT_TYPE_PREFIX) && costModuleFor(r.type) !== undefined));
  const traffic = planTraffic(index, billable);

  const resources: ResourceCost[] = [];
  const free: FreeResource[] = [];
  const unpriced: UnpricedResource[] = [];
  for (const r of billable) {
    const name = r.name ?? nameOfUrn(r.urn);
    const track = index.trackOf(r);
    const module = costModuleFor(r.type);
    if (!module) {
      const reason = freeReason(r.type);
      const uncounted = UNCOUNTED_USAGE[r.type];
      if (reason) free.push({ urn: r.urn, type: r.type, name, reason, ...(uncounted ? { uncountedUsage: uncounted } : {}) });
      else
        unpriced.push({
          urn: r.urn,
          type: r.type,
          name,
          reason: r.type.startsWith(DYNAMIC_TYPE_PREFIX) ? "a dynamic resource the cost model does not recognise" : "no cost module for this resource type",
          inTrack: track !== undefined,
        });
      continue;
    }
    const region = index.regionOf(r);
    const ctx: PricingContext = {
      catalog,
      usage: inputs.usage,
      graph: index,
      region,
      // Dynamic resources belong to no provider package: their track says which cloud they drive.
      cloud: cloudOf(r.type) ?? track?.cloud,
      track,
      trafficShare: traffic.shares.get(r.urn) ?? 0,
      trafficShares: traffic.shares,
      pricesAt: options.pricesAt,
    };
    try {
      const priced = module.price(r, ctx);
      if (priced.free !== undefined) {
        free.push({ urn: r.urn, type: r.type, name, reason: priced.free });
        continue;
      }
      const components = priced.components;
      if (components.length === 0) {
        // A module that finds nothing to bill here (an evaluation of provisioned models only) says why.
        free.push({ urn: r.urn, type: r.type, name, reason: priced.notes?.join("; ") || "nothing billable with these settings" });
        continue;
      }
      const monthlyUsd = sum(components.map((c) => c.monthlyUsd));
      resources.push({
        urn: r.urn,
        type: r.type,
        name,
        cloud: ctx.cloud,
        region,
        track,
        monthlyUsd,
        oneOffUsd: sum(components.map((c) => c.oneOffUsd ?? 0)),
        minMonthlyUsd: sum(components.map((c) => c.minMonthlyUsd ?? c.monthlyUsd)),
        ceilingMonthlyUsd: sum(components.map((c) => c.ceilingMonthlyUsd ?? c.monthlyUsd)),
        components,
        notes: [...new Set(priced.notes ?? [])],
      });
    } catch (err) {
      if (!(err instanceof Unpriced)) throw err;
      unpriced.push({ urn: r.urn, type: r.type, name, reason: err.reason, inTrack: track !== undefined });
    }
  }

  const option = stackOption(inputs);
  const model = stackTcoModel(tcoInputOf(inputs, primaryTokenPrices(resources)), catalog, options.pricesAt);
  const assumptions = [...traffic.assumptions];
  const byMonth = monthlySeries(resources, inputs.usage.monthlyGrowth);
  if (!inputs.usage.given) assumptions.push(`no aitracks:workload in the stack config: usage-based items (tokens, logs) are counted at zero volume; add ${workloadFields(REQUEST_FIELDS)} to count them`);
  return {
    currency: "USD",
    // The oldest of the compute catalog and the token price data: the estimate is no newer than that.
    pricesAsOf: pricesStatus(catalog).asOf ?? catalog.oldestAsOf(),
    project: graph.project,
    stack: graph.stack,
    monthlyUsd: sum(resources.map((r) => r.monthlyUsd)),
    oneOffUsd: sum(resources.map((r) => r.oneOffUsd)),
    minMonthlyUsd: sum(resources.map((r) => r.minMonthlyUsd)),
    ceilingMonthlyUsd: sum(resources.map((r) => r.ceilingMonthlyUsd)),
    monthlyUsdByMonth: byMonth,
    budgetCrossedInMonth: budgetCrossedInMonth(byMonth, inputs.budgetUsd),
    threeYear: threeYearCost(resources, inputs, model, option, isAitracksStack(config)),
    resources,
    free,
    unpriced,
    byTrack: totals(resources, (r) => (r.track ? `${r.track.track} (${r.track.name}, ${r.track.cloud})` : "outside tracks")),
    byCloud: totals(resources, (r) => r.cloud ?? "other"),
    budgetUsd: inputs.budgetUsd,
    assumptions,
  };
}

/**
 * Token prices of the model that serves the stack's traffic (its first token-priced primary),
 * so that the TCO model's buy option prices the same model when the workload names none.
 */
export function primaryTokenPrices(resources: readonly ResourceCost[]): { provider: string; model: string; inputUsdPerMillionTokens: number; outputUsdPerMillionTokens: number } | undefined {
  for (const r of resources) {
    const input = r.components.find((c) => c.kind === "usage" && c.unit === "1M tokens" && c.name.endsWith(" input tokens") && !c.name.endsWith(" cached input tokens") && c.monthlyQuantity > 0);
    const output = r.components.find((c) => c.kind === "usage" && c.unit === "1M tokens" && c.name.endsWith(" output tokens") && c.monthlyQuantity > 0);
    if (input && output) {
      return { provider: r.cloud ?? "stack", model: input.name.slice(0, -" input tokens".length), inputUsdPerMillionTokens: input.unitPriceUsd, outputUsdPerMillionTokens: output.unitPriceUsd };
    }
  }
  return undefined;
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function totals(resources: readonly ResourceCost[], key: (r: ResourceCost) => string): CostTotal[] {
  const m = new Map<string, { monthlyUsd: number; oneOffUsd: number }>();
  for (const r of resources) {
    const k = key(r);
    const t = m.get(k) ?? { monthlyUsd: 0, oneOffUsd: 0 };
    t.monthlyUsd += r.monthlyUsd;
    t.oneOffUsd += r.oneOffUsd;
    m.set(k, t);
  }
  return [...m].map(([k, t]) => ({ key: k, ...t })).sort((a, b) => b.monthlyUsd - a.monthlyUsd || a.key.localeCompare(b.key));
}
