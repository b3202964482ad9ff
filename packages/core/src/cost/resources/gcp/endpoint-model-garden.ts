import { at } from "../../graph";
import type { CostModule } from "../../module";
import { num, optStr } from "../../price";
import { vertexReplicas } from "./machine";

/**
 * Vertex AI endpoint with a Model Garden deployment: the deployed model's dedicated machines,
 * between the minimum and maximum replica count, sized from the workload (fleet.ts).
 */
export const endpointWithModelGardenDeployment: CostModule = {
  service: "Vertex AI online prediction",
  instances: (r) => (optStr(at(r.inputs, "deployConfig.dedicatedResources.machineSpec.machineType")) ? [at(r.inputs, "deployConfig.dedicatedResources.machineSpec.machineType") as string] : []),
  price(r, ctx) {
    const f = "deployConfig.dedicatedResources";
    const dr = at(r.inputs, f);
    const min = num(at(dr, "minReplicaCount"), `${f}.minReplicaCount`, 1);
    const maxRaw = at(dr, "maxReplicaCount");
    const max = maxRaw === undefined ? undefined : num(maxRaw, `${f}.maxReplicaCount`);
    const { component, notes } = vertexReplicas(ctx, r, at(dr, "machineSpec"), `${f}.machineSpec`, min, max, at(dr, "autoscalingMetricSpecs"));
    return { components: [component], notes: at(dr, "spot") === true ? [...notes, "spot VMs priced at on-demand rates (upper bound)"] : notes };
  },
};
