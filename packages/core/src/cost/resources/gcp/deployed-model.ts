import type { CostModule } from "../../module";
import { num, optStr } from "../../price";
import { vertexMachine } from "./machine";

/** A model deployed to a Vertex AI endpoint on dedicated machines (a dynamic resource): min replicas always on, max as the ceiling. */
export const vertexDeployedModel: CostModule = {
  service: "Vertex AI online prediction",
  instances: (r) => (optStr(r.inputs.machineType) ? [r.inputs.machineType as string] : []),
  price(r, ctx) {
    const min = num(r.inputs.minReplicaCount, "minReplicaCount", 1);
    const max = r.inputs.maxReplicaCount === undefined ? undefined : num(r.inputs.maxReplicaCount, "maxReplicaCount");
    const { component, notes } = vertexMachine(ctx, r.inputs, "", min, max);
    return { components: [component], notes };
  },
};
