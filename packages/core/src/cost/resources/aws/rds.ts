import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, fmt, HOURS, monthly, num, optStr, regionNotes, str } from "../../price";
import type { CostComponent } from "../../types";

const CLUSTER = "aws:rds/cluster:Cluster";

/** The catalog SKU of an RDS or Aurora instance class for an engine: `rds-postgres:db.t3.micro`. */
function engineSku(engine: string, instanceClass: string): string {
  const family = engine.startsWith("aurora") ? (engine === "aurora" ? "aurora-mysql" : engine) : engine === "postgres" ? "rds-postgres" : engine === "mysql" ? "rds-mysql" : undefined;
  if (!family) throw new Unpriced(`engine ${JSON.stringify(engine)}: the compute catalog prices postgres, mysql, aurora-postgresql and aurora-mysql`);
  return `${family}:${instanceClass}`;
}

/**
 * RDS DB instance: the instance class for its engine x 730 h (x 2 with Multi-AZ, the standby), and
 * its allocated storage in GB-months (x 2 with Multi-AZ). Licence-included engines (Oracle, SQL
 * Server) are not in the catalog: unpriced.
 */
export const rdsInstance: CostModule = {
  service: "Amazon RDS",
  instances: (r) => (optStr(r.inputs.instanceClass) ? [r.inputs.instanceClass as string] : []),
  price(r, ctx) {
    const engine = str(r.inputs.engine, "engine");
    const cls = str(r.inputs.instanceClass, "instanceClass");
    const e = catalogEntry(ctx, engineSku(engine, cls), "instanceClass");
    const copies = r.inputs.multiAz === true ? 2 : 1;
    const components: CostComponent[] = [monthly(e, `${cls} ${engine}${copies === 2 ? " Multi-AZ (x 2)" : ""} x ${HOURS} h`, copies * HOURS)];
    const gb = num(r.inputs.allocatedStorage, "allocatedStorage", 0);
    const storageType = str(r.inputs.storageType, "storageType", "gp2");
    if (gb > 0) {
      if (storageType !== "gp2" && storageType !== "gp3") throw new Unpriced(`storageType ${JSON.stringify(storageType)}: the compute catalog prices gp2 and gp3 RDS storage`);
      components.push(monthly(catalogEntry(ctx, "rds-gp2-storage", "storageType"), `${fmt(gb)} GB ${storageType} storage${copies === 2 ? " x 2" : ""}`, gb * copies));
    }
    return { components, notes: regionNotes(ctx, e) };
  },
};

/**
 * Aurora cluster instance: the instance class x 730 h; `db.serverless` at the cluster's minimum
 * ACUs x 730 h, its maximum as the ceiling. The cluster's storage and I/O are billed per GB and per
 * million requests, which the workload does not size (the cluster is listed with that usage).
 */
export const rdsClusterInstance: CostModule = {
  service: "Amazon Aurora",
  instances: (r) => (optStr(r.inputs.instanceClass) ? [r.inputs.instanceClass as string] : []),
  price(r, ctx) {
    const engine = str(r.inputs.engine, "engine");
    const cls = str(r.inputs.instanceClass, "instanceClass");
    if (cls === "db.serverless") {
      const cluster = ctx.graph.dependenciesOfType(r, CLUSTER)[0] ?? ctx.graph.find(CLUSTER, "clusterIdentifier", r.inputs.clusterIdentifier);
      const scaling = cluster ? at(cluster.inputs, "serverlessv2ScalingConfiguration") : undefined;
      if (!scaling) throw new Unpriced("instanceClass db.serverless: the cluster's serverlessv2ScalingConfiguration (its ACU range) is not in the stack");
      const min = num(at(scaling, "minCapacity"), "serverlessv2ScalingConfiguration.minCapacity");
      const max = num(at(scaling, "maxCapacity"), "serverlessv2ScalingConfiguration.maxCapacity", min);
      const e = catalogEntry(ctx, "aurora-serverless-v2-acu", "instanceClass");
      const ceiling = max > min ? { ceilingMonthlyQuantity: max * HOURS, ceilingMonthlyUsd: Number((max * HOURS * e.usd).toPrecision(12)) } : {};
      return { components: [monthly(e, `${fmt(min)} ACU (up to ${fmt(max)}) x ${HOURS} h`, min * HOURS, ceiling)], notes: ["Aurora Serverless v2 at its minimum capacity all month; its maximum is the ceiling", ...regionNotes(ctx, e)] };
    }
    const e = catalogEntry(ctx, engineSku(engine, cls), "instanceClass");
    return { components: [monthly(e, `${cls} ${engine} x ${HOURS} h`, HOURS)], notes: regionNotes(ctx, e) };
  },
};
