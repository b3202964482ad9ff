import { at } from "../../graph";
import { fleetComponent, fleetShareOf } from "../../fleet";
import type { CostModule } from "../../module";
import { catalogEntry, fmt, num, optStr } from "../../price";
import type { CostResource } from "../../types";

const ENDPOINT = "aws:sagemaker/endpoint:Endpoint";
const ENDPOINT_CONFIGURATION = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
const SCALING_POLICY = "aws:appautoscaling/policy:Policy";

/**
 * Application Auto Scaling target on a SageMaker endpoint variant. The variant's initial
 * instances are priced on the endpoint configuration; this line is the rest of the fleet: with a
 * target-tracking policy on SageMakerVariantInvocationsPerInstance (its target value = requests a
 * minute one instance takes), the fleet the workload needs month by month above the initial count
 * (fleet.ts), minCapacity as the minimum and maxCapacity as the ceiling. Other scalable targets are free.
 */
export const autoscalingTarget: CostModule = {
  service: "Application Auto Scaling",
  price(r, ctx) {
    if (r.inputs.serviceNamespace !== "sagemaker") return { components: [], free: "scaling bounds only; the scaled resource is priced on its own" };
    const resourceId = optStr(r.inputs.resourceId);
    const m = resourceId ? /^endpoint\/([^/]+)\/variant\/([^/]+)$/.exec(resourceId) : null;
    const endpoint = (m ? ctx.graph.find(ENDPOINT, "name", m[1]) : undefined) ?? ctx.graph.dependenciesOfType(r, ENDPOINT)[0];
    const config = endpoint ? configOf(endpoint, ctx.graph) : undefined;
    const variants = config ? (Array.isArray(config.inputs.productionVariants) ? config.inputs.productionVariants : []) : [];
    const variant = variants.find((v) => at(v, "variantName") === m?.[2]) ?? (variants.length === 1 ? variants[0] : undefined);
    const sku = optStr(at(variant, "instanceType"));
    if (!sku) return { components: [], free: "scaling bounds; the endpoint variant it scales was not found, so no ceiling is shown" };
    const initial = num(at(variant, "initialInstanceCount"), "initialInstanceCount", 1);
    const max = num(r.inputs.maxCapacity, "maxCapacity");
    const min = num(r.inputs.minCapacity, "minCapacity", initial);
    const e = catalogEntry(ctx, sku, "instanceType");
    const target = invocationsTarget(r, ctx.graph);
    const share = fleetShareOf(ctx, r);
    const { component, notes } = fleetComponent(
      ctx,
      e,
      "autoscaled fleet",
      {
        min,
        max,
        requestsPerMinutePerInstance: target?.value ?? 0,
        basis: target ? `target ${fmt(target.value)} invocations per instance a minute (${target.name})` : "no SageMakerVariantInvocationsPerInstance target-tracking policy: the fleet is not sized from the traffic",
      },
      { count: initial, where: "the endpoint configuration" },
      share.share,
    );
    return { components: [component], notes: [...notes, ...share.notes] };
  },
};

/** The target-tracking policy on invocations per instance that scales this target, if any. */
function invocationsTarget(target: CostResource, graph: import("../../graph").GraphIndex): { value: number; name: string } | undefined {
  const candidates = [...graph.dependentsOfType(target, SCALING_POLICY), ...graph.ofType(SCALING_POLICY).filter((p) => p.inputs.resourceId !== undefined && p.inputs.resourceId === target.inputs.resourceId)];
  for (const p of candidates) {
    const c = p.inputs.targetTrackingScalingPolicyConfiguration;
    if (at(c, "predefinedMetricSpecification.predefinedMetricType") !== "SageMakerVariantInvocationsPerInstance") continue;
    const value = at(c, "targetValue");
    if (typeof value === "number" && value > 0) return { value, name: p.name ?? p.urn };
  }
  return undefined;
}

function configOf(endpoint: CostResource, graph: import("../../graph").GraphIndex): CostResource | undefined {
  return graph.find(ENDPOINT_CONFIGURATION, "name", endpoint.inputs.endpointConfigName) ?? graph.dependenciesOfType(endpoint, ENDPOINT_CONFIGURATION)[0];
}
