import { Unpriced, type CostModule } from "../../module";
import { HOURS, instances, num, optStr, str } from "../../price";
import type { CostResource } from "../../types";

/** The node type a cluster or replication group runs (both name it nodeType). */
const nodeTypes = (r: CostResource) => (optStr(r.inputs.nodeType) ? [r.inputs.nodeType as string] : []);

function valkeyNote(r: CostResource): string[] {
  return optStr(r.inputs.engine) === "valkey" ? ["Valkey nodes bill 20% below Redis OSS; priced at the Redis OSS rate the catalog has"] : [];
}

/** ElastiCache cluster (Memcached, or a single Redis/Valkey node group): node type x numCacheNodes x 730 h. */
export const elasticacheCluster: CostModule = {
  service: "Amazon ElastiCache",
  instances: nodeTypes,
  price(r, ctx) {
    if (r.inputs.replicationGroupId !== undefined && r.inputs.nodeType === undefined) return { components: [], free: "a member of a replication group (priced on the group)" };
    const count = num(r.inputs.numCacheNodes, "numCacheNodes", 1);
    const run = instances(ctx, str(r.inputs.nodeType, "nodeType"), "nodeType", count);
    return { components: [run.component], notes: [...run.notes, ...valkeyNote(r)] };
  },
};

/**
 * ElastiCache replication group: node type x nodes x 730 h. Nodes: numCacheClusters, or with
 * cluster mode numNodeGroups x (replicasPerNodeGroup + 1).
 */
export const elasticacheReplicationGroup: CostModule = {
  service: "Amazon ElastiCache",
  instances: nodeTypes,
  price(r, ctx) {
    const sku = str(r.inputs.nodeType, "nodeType");
    let nodes: number;
    if (r.inputs.numNodeGroups !== undefined) nodes = num(r.inputs.numNodeGroups, "numNodeGroups") * (num(r.inputs.replicasPerNodeGroup, "replicasPerNodeGroup", 0) + 1);
    else nodes = num(r.inputs.numCacheClusters, "numCacheClusters", 1);
    if (nodes <= 0) throw new Unpriced("numCacheClusters: expected at least one node");
    const run = instances(ctx, sku, "nodeType", nodes);
    return { components: [run.component], notes: [...run.notes, ...valkeyNote(r), ...(nodes > 1 ? [`${nodes} nodes x ${HOURS} h`] : [])] };
  },
};
