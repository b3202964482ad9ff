import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { instances, num, optStr, str } from "../../price";

/**
 * Azure ML compute. An AmlCompute cluster bills its nodes: the minimum node count always on (0
 * for a cluster that scales from zero), the maximum shown as the ceiling. A compute instance is
 * one VM, priced always on. Attached compute (AKS, Databricks …) is billed where it lives.
 */
export const mlCompute: CostModule = {
  service: "Azure Machine Learning compute",
  instances: (r) => (optStr(at(r.inputs, "properties.properties.vmSize")) ? [at(r.inputs, "properties.properties.vmSize") as string] : []),
  price(r, ctx) {
    const type = str(at(r.inputs, "properties.computeType"), "properties.computeType");
    const size = () => str(at(r.inputs, "properties.properties.vmSize"), "properties.properties.vmSize");
    if (type === "AmlCompute") {
      const min = num(at(r.inputs, "properties.properties.scaleSettings.minNodeCount"), "properties.properties.scaleSettings.minNodeCount", 0);
      const max = num(at(r.inputs, "properties.properties.scaleSettings.maxNodeCount"), "properties.properties.scaleSettings.maxNodeCount");
      const { component, notes } = instances(ctx, size(), "properties.properties.vmSize", min, max);
      const low = at(r.inputs, "properties.properties.vmPriority") === "LowPriority";
      return { components: [component], notes: [...notes, `cluster: ${min} node${min === 1 ? "" : "s"} always on, up to ${max} while jobs run (the ceiling)`, ...(low ? ["low-priority VMs priced at dedicated rates (upper bound)"] : [])] };
    }
    if (type === "ComputeInstance") {
      const { component, notes } = instances(ctx, size(), "properties.properties.vmSize", 1);
      return { components: [component], notes: [...notes, "priced always on (an idle shutdown schedule lowers it)"] };
    }
    throw new Unpriced(`properties.computeType ${type}: attached compute is billed by its own service, which the cost model does not price`);
  },
};
