import type { GraphIndex } from "../../graph";
import type { PricingContext } from "../../module";
import type { CostResource } from "../../types";

export const INVOCATION_LOGGING = "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration";
export const INFERENCE_PROFILE = "aws:bedrock/inferenceProfile:InferenceProfile";
export const PROVISIONED_THROUGHPUT = "aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput";

/** The invocation logging configurations that write to a resource (by name, or by depending on it). */
export function invocationLoggersOf(graph: GraphIndex, r: CostResource, path: string, name: unknown): CostResource[] {
  const byName = name === undefined ? [] : graph.ofType(INVOCATION_LOGGING).filter((l) => atPath(l.inputs, path) === name);
  return byName.length ? byName : graph.dependentsOfType(r, INVOCATION_LOGGING);
}

/**
 * Share of the workload that goes through Bedrock in a region — on-demand models and provisioned
 * throughput alike: what invocation logging records.
 */
export function bedrockShare(ctx: PricingContext, region: string | undefined): number {
  let share = 0;
  for (const p of [...ctx.graph.ofType(INFERENCE_PROFILE), ...ctx.graph.ofType(PROVISIONED_THROUGHPUT)]) {
    if (region === undefined || ctx.graph.regionOf(p) === undefined || ctx.graph.regionOf(p) === region) share += ctx.trafficShares.get(p.urn) ?? 0;
  }
  return share;
}

function atPath(v: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), v);
}
