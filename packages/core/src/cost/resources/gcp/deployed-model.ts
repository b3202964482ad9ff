import type { CostModule } from "../../module";
import { num, optStr } from "../../price";
import { vertexReplicas } from "./machine";

/** A model deployed to a Vertex AI endpoint on dedicated machines (a dynamic resource): min..max replicas, sized from the workload (fleet.ts). */
export const vertexDeployedModel: CostModule = {
  service: "Vertex AI online prediction",
  instances: (r) => (optStr(r.inputs.machineType) ? [r.inputs.machineType as string] : []),
  price(r, ctx) {
    const min = num(r.inputs.minReplicaCount, "minReplicaCount", 1);
    const max = r.inputs.maxReplicaCount === undefined ? undefined : num(r.inputs.maxReplicaCount, "maxReplicaCount");
    const { component, notes } = vertexReplicas(ctx, r, r.inputs, "", min, max, r.inputs.autoscalingMetricSpecs);
    return { components: [component], notes };
  },
};
