import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, HOURS, monthly, num, regionNotes, str } from "../../price";

/** Azure AI Search service: the tier's price per search unit (replicas x partitions) x 730 h; the Free tier costs nothing. */
export const searchService: CostModule = {
  service: "Azure AI Search",
  price(r, ctx) {
    const tier = str(at(r.inputs, "sku.name"), "sku.name").toLowerCase();
    if (tier === "free") return { components: [], free: "Free tier search service" };
    if (!["basic", "standard", "standard2", "standard3"].includes(tier)) throw new Unpriced(`sku.name ${JSON.stringify(tier)}: the compute catalog prices basic, standard, standard2 and standard3`);
    const replicas = num(r.inputs.replicaCount, "replicaCount", 1);
    const partitions = num(r.inputs.partitionCount, "partitionCount", 1);
    const e = catalogEntry(ctx, `search-${tier}`, "sku.name");
    return { components: [monthly(e, `${tier}: ${replicas} replica(s) x ${partitions} partition(s) x ${HOURS} h`, replicas * partitions * HOURS)], notes: regionNotes(ctx, e) };
  },
};
