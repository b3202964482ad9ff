import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, fmt, HOURS, monthly, num, regionNotes, str } from "../../price";

/** vCores per Synapse Spark node size. */
const SPARK_VCORES: Readonly<Record<string, number>> = { Small: 4, Medium: 8, Large: 16, XLarge: 32, XXLarge: 64 };

/** Synapse dedicated SQL pool: its service level (DW100c … DW30000c) in units of 100 cDWU x 730 h, while it is not paused. */
export const synapseSqlPool: CostModule = {
  service: "Azure Synapse dedicated SQL pool",
  price(r, ctx) {
    const level = str(at(r.inputs, "sku.name"), "sku.name");
    const m = /^DW(\d+)c$/i.exec(level);
    if (!m) throw new Unpriced(`sku.name ${JSON.stringify(level)}: expected a service level such as DW100c`);
    const units = Number(m[1]) / 100;
    const e = catalogEntry(ctx, "synapse-dedicated-100cdwu", "sku.name");
    return { components: [monthly(e, `${level}: ${fmt(units)} x 100 cDWU x ${HOURS} h`, units * HOURS)], notes: ["running all month (a paused pool bills storage only)", ...regionNotes(ctx, e)] };
  },
};

/**
 * Synapse Spark (big data) pool: vCores (node size x nodes) x hours it runs. Without auto-pause it
 * runs all month at its minimum node count; with auto-pause it bills only while sessions run, which
 * the workload does not describe: 0 a month, the always-on month as the ceiling.
 */
export const synapseSparkPool: CostModule = {
  service: "Azure Synapse Spark pool",
  price(r, ctx) {
    const size = str(r.inputs.nodeSize, "nodeSize");
    const vcores = SPARK_VCORES[size];
    if (!vcores) throw new Unpriced(`nodeSize ${JSON.stringify(size)}: expected one of ${Object.keys(SPARK_VCORES).join(", ")}`);
    const autoscale = at(r.inputs, "autoScale.enabled") === true;
    const nodes = autoscale ? num(at(r.inputs, "autoScale.minNodeCount"), "autoScale.minNodeCount", 3) : num(r.inputs.nodeCount, "nodeCount", 3);
    const e = catalogEntry(ctx, "synapse-spark-vcore-hour", "nodeSize");
    const quantity = nodes * vcores * HOURS;
    const label = `${nodes} ${size} node(s) x ${vcores} vCores x ${HOURS} h`;
    if (at(r.inputs, "autoPause.enabled") === true) {
      return {
        components: [monthly(e, `${label} (auto-pause: only while sessions run)`, 0, { ceilingMonthlyQuantity: quantity, ceilingMonthlyUsd: Number((quantity * e.usd).toPrecision(12)) })],
        notes: ["auto-pause is on: billed only while Spark sessions run, which the workload does not describe; always on is the ceiling", ...regionNotes(ctx, e)],
      };
    }
    return { components: [monthly(e, label, quantity)], notes: ["auto-pause is off: the pool runs all month", ...regionNotes(ctx, e)] };
  },
};
