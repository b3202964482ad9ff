import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { instances, num, optStr, str } from "../../price";

/**
 * Azure ML managed online deployment: instance type x instance count (sku.capacity) x 730 h,
 * the autoscale maximum (target-utilisation scale settings) as the ceiling.
 */
export const onlineDeployment: CostModule = {
  service: "Azure ML managed online endpoints",
  instances: (r) => (optStr(at(r.inputs, "properties.instanceType")) ? [at(r.inputs, "properties.instanceType") as string] : []),
  price(r, ctx) {
    if (at(r.inputs, "properties.endpointComputeType") === "Kubernetes") throw new Unpriced("Kubernetes online deployments run on an attached cluster, billed by that cluster");
    const sku = str(at(r.inputs, "properties.instanceType"), "properties.instanceType");
    const count = num(at(r.inputs, "sku.capacity"), "sku.capacity", 1);
    const scale = at(r.inputs, "properties.scaleSettings");
    const min = at(scale, "scaleType") === "TargetUtilization" && at(scale, "minInstances") !== undefined ? num(at(scale, "minInstances"), "properties.scaleSettings.minInstances") : count;
    const max = at(scale, "scaleType") === "TargetUtilization" && at(scale, "maxInstances") !== undefined ? num(at(scale, "maxInstances"), "properties.scaleSettings.maxInstances") : undefined;
    const { component, notes } = instances(ctx, sku, "properties.instanceType", Math.max(min, count), max);
    return { components: [component], notes };
  },
};
