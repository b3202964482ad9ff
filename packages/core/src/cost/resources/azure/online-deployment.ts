import { at } from "../../graph";
import { fleetComponent, fleetShareOf, requestsPerMinuteAtUtilisation } from "../../fleet";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, instances, num, optStr, regionNotes, str } from "../../price";

/** Azure ML's default targetUtilizationPercentage of TargetUtilization scale settings. */
const AZURE_ML_DEFAULT_TARGET_PERCENT = 70;

/**
 * Azure ML managed online deployment: instance type x instance count (sku.capacity) x 730 h. With
 * target-utilisation scale settings (minInstances..maxInstances), the fleet the workload needs
 * month by month at targetUtilizationPercentage (fleet.ts); an Azure Monitor autoscale setting on
 * the deployment prices its own fleet beyond sku.capacity.
 */
export const onlineDeployment: CostModule = {
  service: "Azure ML managed online endpoints",
  instances: (r) => (optStr(at(r.inputs, "properties.instanceType")) ? [at(r.inputs, "properties.instanceType") as string] : []),
  price(r, ctx) {
    if (at(r.inputs, "properties.endpointComputeType") === "Kubernetes") throw new Unpriced("Kubernetes online deployments run on an attached cluster, billed by that cluster");
    const sku = str(at(r.inputs, "properties.instanceType"), "properties.instanceType");
    const count = num(at(r.inputs, "sku.capacity"), "sku.capacity", 1);
    const scale = at(r.inputs, "properties.scaleSettings");
    const targetUtilisation = at(scale, "scaleType") === "TargetUtilization";
    const min = targetUtilisation && at(scale, "minInstances") !== undefined ? num(at(scale, "minInstances"), "properties.scaleSettings.minInstances") : count;
    const max = targetUtilisation && at(scale, "maxInstances") !== undefined ? num(at(scale, "maxInstances"), "properties.scaleSettings.maxInstances") : undefined;
    if (max === undefined || max <= min) {
      const { component, notes } = instances(ctx, sku, "properties.instanceType", Math.max(min, count), max);
      return { components: [component], notes };
    }
    const e = catalogEntry(ctx, sku, "properties.instanceType");
    const target = num(at(scale, "targetUtilizationPercentage"), "properties.scaleSettings.targetUtilizationPercentage", AZURE_ML_DEFAULT_TARGET_PERCENT);
    const rate = requestsPerMinuteAtUtilisation(ctx.usage, target);
    const share = fleetShareOf(ctx, r);
    const fleet = fleetComponent(ctx, e, "instances", { min, max, requestsPerMinutePerInstance: rate.perMinute, basis: rate.basis }, undefined, share.share);
    return { components: [fleet.component], notes: [...fleet.notes, ...share.notes, ...regionNotes(ctx, e)] };
  },
};
