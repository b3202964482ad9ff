import type { CostModule } from "../../module";
import { catalogEntry, monthly, regionNotes } from "../../price";

/** Storage account (blob, hot, LRS): GB-months; what it holds is not sized by the workload, so 0 GB, said so. */
export const storageAccount: CostModule = {
  service: "Azure Storage",
  price(_r, ctx) {
    const e = catalogEntry(ctx, "blob-hot-lrs", "storage price");
    return { components: [monthly(e, "Blob hot storage (volume not in the workload)", 0)], notes: ["what this account holds is not sized by the workload: 0 GB counted", ...regionNotes(ctx, e)] };
  },
};
