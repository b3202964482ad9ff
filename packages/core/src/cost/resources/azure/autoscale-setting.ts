import { asArray, at } from "../../graph";
import type { CostModule } from "../../module";
import { catalogEntry, headroomCeiling, num, optStr } from "../../price";

const ONLINE_DEPLOYMENT = "azure-native:machinelearningservices:OnlineDeployment";

/**
 * Azure Monitor autoscale setting. Free itself; on an Azure ML online deployment it carries the
 * ceiling: the deployment's instances at the profile's maximum (the instance count is priced on
 * the deployment).
 */
export const autoscaleSetting: CostModule = {
  service: "Azure Monitor autoscale",
  price(r, ctx) {
    const target = optStr(r.inputs.targetResourceUri);
    const m = target ? /\/onlineEndpoints\/([^/]+)\/deployments\/([^/]+)$/.exec(target) : null;
    const dep = m ? ctx.graph.ofType(ONLINE_DEPLOYMENT).find((d) => d.inputs.endpointName === m[1] && d.inputs.deploymentName === m[2]) : ctx.graph.dependenciesOfType(r, ONLINE_DEPLOYMENT)[0];
    const sku = optStr(at(dep?.inputs, "properties.instanceType"));
    if (!dep || !sku) return { components: [], free: "scaling rules; the scaled resource is priced on its own" };
    const max = Math.max(0, ...asArray(r.inputs.profiles).map((p, i) => num(at(p, "capacity.maximum"), `profiles[${i}].capacity.maximum`, 0)));
    const count = num(at(dep.inputs, "sku.capacity"), "sku.capacity", 1);
    const extra = Math.max(0, max - count);
    const e = catalogEntry(ctx, sku, "instanceType");
    return {
      components: [headroomCeiling(e, `autoscale headroom: ${e.sku} x ${extra} above the deployed ${count} (ceiling only)`, extra)],
      notes: [`scales ${optStr(dep.name) ?? "the deployment"} up to ${max} instances; the month at the maximum is the ceiling`],
    };
  },
};
