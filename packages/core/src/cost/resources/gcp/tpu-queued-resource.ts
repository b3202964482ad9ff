import { asArray, at } from "../../graph";
import type { CostModule } from "../../module";
import { catalogEntry, fmt, HOURS, monthly, optStr, regionNotes } from "../../price";
import type { CostComponent } from "../../types";
import { tpuChips, tpuConfigChips } from "./machine";

/** Cloud TPU queued resource: each node spec's slice, chips x chip-hour price x 730 h once provisioned. */
export const tpuQueuedResource: CostModule = {
  service: "Cloud TPU",
  instances: (r) => asArray(at(r.inputs, "tpu.nodeSpecs")).flatMap((n) => (optStr(at(n, "node.acceleratorType")) ? [at(n, "node.acceleratorType") as string] : [])),
  price(r, ctx) {
    const components: CostComponent[] = [];
    const notes: string[] = ["billed once the slice is provisioned, while it exists"];
    asArray(at(r.inputs, "tpu.nodeSpecs")).forEach((n, i) => {
      const node = at(n, "node");
      const t = at(node, "acceleratorConfig") !== undefined && at(node, "acceleratorType") === undefined ? tpuConfigChips(at(node, "acceleratorConfig")) : tpuChips(String(at(node, "acceleratorType") ?? ""));
      const e = catalogEntry(ctx, t.sku, `tpu.nodeSpecs[${i}].node.acceleratorType`);
      components.push(monthly(e, `${optStr(at(n, "nodeId")) ?? `node ${i}`}: ${e.sku} ${fmt(t.chips)} chips x ${HOURS} h`, t.chips * HOURS));
      notes.push(...regionNotes(ctx, e));
    });
    return { components, notes };
  },
};
