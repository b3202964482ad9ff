import { at } from "../../graph";
import type { CostModule } from "../../module";
import { num, optStr } from "../../price";
import { vertexReplicas } from "./machine";

/** Vertex AI deployment resource pool: shared dedicated machines, min..max replicas, sized from the workload (fleet.ts). */
export const deploymentResourcePool: CostModule = {
  service: "Vertex AI online prediction",
  instances: (r) => (optStr(at(r.inputs, "dedicatedResources.machineSpec.machineType")) ? [at(r.inputs, "dedicatedResources.machineSpec.machineType") as string] : []),
  price(r, ctx) {
    const dr = at(r.inputs, "dedicatedResources");
    const min = num(at(dr, "minReplicaCount"), "dedicatedResources.minReplicaCount", 1);
    const maxRaw = at(dr, "maxReplicaCount");
    const { component, notes } = vertexReplicas(ctx, r, at(dr, "machineSpec"), "dedicatedResources.machineSpec", min, maxRaw === undefined ? undefined : num(maxRaw, "dedicatedResources.maxReplicaCount"), at(dr, "autoscalingMetricSpecs"));
    return { components: [component], notes };
  },
};
