import type { CostModule } from "../../module";
import { catalogEntry, fmt, monthly, regionNotes } from "../../price";
import { BYTES_PER_TOKEN, trackDataGb } from "../../storage";
import { zeroVolumeNote } from "../../to-count";

/** Storage account (blob, hot, LRS): GB-months; what it holds is not sized by the workload, so 0 GB, said so. */
export const storageAccount: CostModule = {
  service: "Azure Storage",
  price(r, ctx) {
    const e = catalogEntry(ctx, "blob-hot-lrs", "storage price");
    const data = trackDataGb(ctx, r);
    if (data) return { components: [monthly(e, `Blob hot storage: ${data.what}`, data.gb)], notes: [`${fmt(data.gb)} GB at ${BYTES_PER_TOKEN} bytes a token (aitracks:workload)`, ...regionNotes(ctx, e)] };
    return { components: [monthly(e, "Blob hot storage (volume not in the workload)", 0)], notes: [zeroVolumeNote("what this account holds", "the GB it holds", e), ...regionNotes(ctx, e)] };
  },
};
