import { asArray, at, isUnknown } from "../../graph";
import { fleetComponent, fleetShareOf, requestsPerMinuteAtUtilisation } from "../../fleet";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, num, optStr } from "../../price";

const ONLINE_DEPLOYMENT = "azure-native:machinelearningservices:OnlineDeployment";

/**
 * Azure Monitor autoscale setting. Free itself; on an Azure ML online deployment it prices the
 * fleet beyond the deployment's own instance count (sku.capacity, priced on the deployment): the
 * instances the workload needs month by month at the scale-out CPU threshold (fleet.ts), the
 * profile's minimum and maximum as the minimum and the ceiling.
 */
export const autoscaleSetting: CostModule = {
  service: "Azure Monitor autoscale",
  price(r, ctx) {
    const target = optStr(r.inputs.targetResourceUri);
    const m = target ? /\/onlineEndpoints\/([^/]+)\/deployments\/([^/]+)$/.exec(target) : null;
    const dep = m ? ctx.graph.ofType(ONLINE_DEPLOYMENT).find((d) => d.inputs.endpointName === m[1] && d.inputs.deploymentName === m[2]) : ctx.graph.dependenciesOfType(r, ONLINE_DEPLOYMENT)[0];
    const sku = optStr(at(dep?.inputs, "properties.instanceType"));
    if (!dep || !sku) return { components: [], free: "scaling rules; the scaled resource is priced on its own" };
    if (isUnknown(r.inputs.profiles)) throw new Unpriced("profiles is not known until deploy");
    const profiles = asArray(r.inputs.profiles);
    // No profile, no bounds: a fleet of 0..0 would subtract the deployment's own instances.
    if (profiles.length === 0) return { components: [], free: "no autoscale profile: the deployment keeps its own instance count, priced on it" };
    const max = Math.max(0, ...profiles.map((p, i) => num(at(p, "capacity.maximum"), `profiles[${i}].capacity.maximum`, 0)));
    const count = num(at(dep.inputs, "sku.capacity"), "sku.capacity", 1);
    const min = Math.min(...profiles.map((p, i) => num(at(p, "capacity.minimum"), `profiles[${i}].capacity.minimum`, count)), max);
    const e = catalogEntry(ctx, sku, "instanceType");
    const threshold = scaleOutCpuPercent(profiles);
    const rate = threshold === undefined ? undefined : requestsPerMinuteAtUtilisation(ctx.usage, threshold);
    const share = fleetShareOf(ctx, r);
    const { component, notes } = fleetComponent(
      ctx,
      e,
      "autoscaled fleet",
      { min, max: Math.max(max, min), requestsPerMinutePerInstance: rate?.perMinute ?? 0, basis: rate?.basis ?? "no CPU scale-out rule: the fleet is not sized from the traffic" },
      { count, where: "the deployment" },
      share.share,
    );
    return { components: [component], notes: [...notes, ...share.notes, `scales ${optStr(dep.name) ?? "the deployment"} between ${min} and ${max} instances`] };
  },
};

/** The lowest CPU threshold of a scale-out (Increase, GreaterThan) rule, in percent. */
function scaleOutCpuPercent(profiles: unknown[]): number | undefined {
  const thresholds: number[] = [];
  for (const p of profiles)
    for (const rule of asArray(at(p, "rules"))) {
      if (at(rule, "scaleAction.direction") !== "Increase") continue;
      if (!/cpu/i.test(String(at(rule, "metricTrigger.metricName") ?? ""))) continue;
      const t = at(rule, "metricTrigger.threshold");
      if (typeof t === "number" && t > 0 && t <= 100) thresholds.push(t);
    }
  return thresholds.length ? Math.min(...thresholds) : undefined;
}
