import { asArray, at } from "../../graph";
import type { CostModule } from "../../module";
import { num, optStr } from "../../price";
import type { CostComponent } from "../../types";
import { vertexMachine } from "./machine";

/**
 * Vertex AI persistent resource (a reserved training cluster): every resource pool's machines,
 * always on while the resource exists: replicaCount (or the autoscaling minimum) x 730 h, the
 * autoscaling maximum as the ceiling.
 */
export const persistentResource: CostModule = {
  service: "Vertex AI training (persistent resource)",
  instances: (r) => asArray(r.inputs.resourcePools).flatMap((p) => (optStr(at(p, "machineSpec.machineType")) ? [at(p, "machineSpec.machineType") as string] : [])),
  price(r, ctx) {
    const components: CostComponent[] = [];
    const notes: string[] = ["billed while it exists, whether jobs run on it or not"];
    asArray(r.inputs.resourcePools).forEach((p, i) => {
      const f = `resourcePools[${i}]`;
      const minRaw = at(p, "autoscalingSpec.minReplicaCount");
      const count = minRaw !== undefined ? num(minRaw, `${f}.autoscalingSpec.minReplicaCount`) : num(at(p, "replicaCount"), `${f}.replicaCount`, 1);
      const maxRaw = at(p, "autoscalingSpec.maxReplicaCount");
      const run = vertexMachine(ctx, at(p, "machineSpec"), `${f}.machineSpec`, count, maxRaw === undefined ? undefined : num(maxRaw, `${f}.autoscalingSpec.maxReplicaCount`));
      components.push({ ...run.component, name: `${optStr(at(p, "id")) ?? `pool ${i}`}: ${run.component.name}` });
      notes.push(...run.notes);
    });
    return { components, notes };
  },
};
