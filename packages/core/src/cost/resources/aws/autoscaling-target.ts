import { at } from "../../graph";
import type { CostModule } from "../../module";
import { catalogEntry, headroomCeiling, num, optStr } from "../../price";
import type { CostResource } from "../../types";

const ENDPOINT = "aws:sagemaker/endpoint:Endpoint";
const ENDPOINT_CONFIGURATION = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";

/**
 * Application Auto Scaling target on a SageMaker endpoint variant: costs nothing itself (the
 * instances at their initial count are priced on the endpoint configuration); it carries the
 * ceiling: the variant at maxCapacity. Other scalable targets are free.
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
    const e = catalogEntry(ctx, sku, "instanceType");
    const extra = Math.max(0, max - initial);
    return {
      components: [headroomCeiling(e, `autoscaling headroom: ${e.sku} x ${extra} above the initial ${initial} (ceiling only)`, extra)],
      notes: [`scales between ${num(r.inputs.minCapacity, "minCapacity", initial)} and ${max} instances; the month at the maximum is the ceiling`],
    };
  },
};

function configOf(endpoint: CostResource, graph: import("../../graph").GraphIndex): CostResource | undefined {
  return graph.find(ENDPOINT_CONFIGURATION, "name", endpoint.inputs.endpointConfigName) ?? graph.dependenciesOfType(endpoint, ENDPOINT_CONFIGURATION)[0];
}
