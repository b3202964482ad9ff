import { at } from "../../graph";
import type { CostModule } from "../../module";
import { catalogEntry, fmt, HOURS, monthly, optStr, regionNotes } from "../../price";
import { tpuChips, tpuConfigChips } from "./machine";

/** Cloud TPU VM: chips x chip-hour price x 730 h while the slice exists. */
export const tpuVm: CostModule = {
  service: "Cloud TPU",
  instances: (r) => (optStr(r.inputs.acceleratorType) ? [r.inputs.acceleratorType as string] : []),
  price(r, ctx) {
    const t = r.inputs.acceleratorConfig !== undefined && r.inputs.acceleratorType === undefined ? tpuConfigChips(r.inputs.acceleratorConfig) : tpuChips(String(r.inputs.acceleratorType ?? ""));
    const e = catalogEntry(ctx, t.sku, "acceleratorType");
    const preemptible = at(r.inputs, "schedulingConfig.preemptible") === true || at(r.inputs, "schedulingConfig.spot") === true;
    return {
      components: [monthly(e, `${e.sku}: ${fmt(t.chips)} chips x ${HOURS} h`, t.chips * HOURS)],
      notes: [...regionNotes(ctx, e), "billed while the TPU VM exists", ...(preemptible ? ["spot / preemptible priced at on-demand rates (upper bound)"] : [])],
    };
  },
};
