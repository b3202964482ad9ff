import { asArray, at } from "../../graph";
import type { CostModule } from "../../module";
import { catalogEntry, fmt, HOURS, monthly, num, regionNotes, str, usage } from "../../price";
import { workloadRequests } from "../../serverless";
import type { CostComponent } from "../../types";
import { zeroVolumeNote } from "../../to-count";

/**
 * DynamoDB table. Provisioned (the default billing mode): read and write capacity units of the
 * table and its global secondary indexes x 730 h, fixed. On demand: request units as usage, one
 * read and one write of up to 1 KB per request of the workload (stated). Storage is not sized by
 * the workload: 0 GB, said so.
 */
export const dynamodbTable: CostModule = {
  service: "Amazon DynamoDB",
  price(r, ctx) {
    const mode = str(r.inputs.billingMode, "billingMode", "PROVISIONED");
    const storage = catalogEntry(ctx, "dynamodb-storage", "storage price");
    const notes = [zeroVolumeNote("what the table stores", "the GB it stores", storage), ...regionNotes(ctx, storage)];
    const components: CostComponent[] = [];
    if (mode === "PAY_PER_REQUEST") {
      const reqs = workloadRequests(ctx, "read and write request units");
      components.push(
        usage(catalogEntry(ctx, "dynamodb-read-request-units", "billingMode"), `${fmt(reqs.perMonth)} read request units`, reqs.perMonth / 1e6),
        usage(catalogEntry(ctx, "dynamodb-write-request-units", "billingMode"), `${fmt(reqs.perMonth)} write request units`, reqs.perMonth / 1e6),
      );
      notes.unshift(...reqs.notes, "one read and one write of up to 1 KB per request assumed");
    } else {
      let rcu = num(r.inputs.readCapacity, "readCapacity", 0);
      let wcu = num(r.inputs.writeCapacity, "writeCapacity", 0);
      asArray(r.inputs.globalSecondaryIndexes).forEach((g, i) => {
        rcu += num(at(g, "readCapacity"), `globalSecondaryIndexes[${i}].readCapacity`, 0);
        wcu += num(at(g, "writeCapacity"), `globalSecondaryIndexes[${i}].writeCapacity`, 0);
      });
      components.push(
        monthly(catalogEntry(ctx, "dynamodb-rcu-hour", "readCapacity"), `${fmt(rcu)} read capacity units x ${HOURS} h`, rcu * HOURS),
        monthly(catalogEntry(ctx, "dynamodb-wcu-hour", "writeCapacity"), `${fmt(wcu)} write capacity units x ${HOURS} h`, wcu * HOURS),
      );
    }
    components.push(monthly(storage, "storage (volume not in the workload)", 0));
    if (asArray(r.inputs.replicas).length) notes.push(`${asArray(r.inputs.replicas).length} replica region(s) bill their own capacity and replicated writes; not counted`);
    return { components, notes };
  },
};
