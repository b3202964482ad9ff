import type { GraphIndex } from "./graph";
import { costModuleFor } from "./registry";
import type { CostResource } from "./types";

export interface TrafficPlan {
  /** Share of the workload each traffic-serving resource carries, by URN (0 for fallbacks). */
  readonly shares: ReadonlyMap<string, number>;
  readonly assumptions: readonly string[];
}

/**
 * Who serves the workload. The stack has one workload profile; resources that serve it (a model
 * invoked on demand, a provisioned deployment, a serverless endpoint) are grouped by track (or
 * by the whole stack outside tracks). In each group the first one registered is the primary and
 * serves the group's traffic; the rest are fallbacks in priority order and serve none. Groups
 * split the workload evenly (a hybrid stack's workload is not split by track in the config).
 */
export function planTraffic(graph: GraphIndex, resources: readonly CostResource[]): TrafficPlan {
  const groups = new Map<string, CostResource[]>();
  for (const r of resources) {
    const m = costModuleFor(r.type);
    if (!m?.servesTraffic?.(r)) continue;
    const t = graph.trackOf(r);
    const key = t ? `${t.track}:${t.cloud}:${t.name}` : "(outside tracks)";
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const shares = new Map<string, number>();
  const assumptions: string[] = [];
  const share = groups.size ? 1 / groups.size : 0;
  for (const [key, unordered] of groups) {
    // Stable: preferred resources (a tuned model) first, then registration order.
    const preferred = (r: CostResource) => (costModuleFor(r.type)?.preferredForTraffic?.(r) ? 0 : 1);
    const list = unordered.map((r, i) => ({ r, i })).sort((a, b) => preferred(a.r) - preferred(b.r) || a.i - b.i).map((x) => x.r);
    groups.set(key, list);
    list.forEach((r, i) => shares.set(r.urn, i === 0 ? share : 0));
    if (list.length > 1) assumptions.push(`${key}: ${list[0]!.name ?? list[0]!.urn} is the primary model; ${list.length - 1} fallback${list.length > 2 ? "s" : ""} priced at no traffic`);
  }
  if (groups.size > 1) assumptions.push(`the workload is split evenly across ${groups.size} tracks that serve it (${[...groups.keys()].join(", ")})`);
  return { shares, assumptions };
}
