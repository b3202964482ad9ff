import type { CostModule } from "../../module";
import { catalogEntry, fmt, monthly, regionNotes } from "../../price";
import { BYTES_PER_TOKEN, trackDataGb } from "../../storage";
import { zeroVolumeNote } from "../../to-count";

const MULTI_REGION = /^(us|eu|asia|nam4|eur4|asia1)$/;

/** Cloud Storage bucket (Standard): GB-months; what it holds is not sized by the workload, so 0 GB, said so. */
export const storageBucket: CostModule = {
  service: "Cloud Storage",
  price(r, ctx) {
    // Multi-region and dual-region locations (US, EU, ASIA, NAM4 …) have their own, higher price.
    const e = catalogEntry(ctx, ctx.region && MULTI_REGION.test(ctx.region) ? "gcs-standard-multi-region" : "gcs-standard", "storage price");
    const data = trackDataGb(ctx, r);
    if (data) return { components: [monthly(e, `Standard storage: ${data.what}`, data.gb)], notes: [`${fmt(data.gb)} GB at ${BYTES_PER_TOKEN} bytes a token (aitracks:workload)`, ...regionNotes(ctx, e)] };
    return { components: [monthly(e, "Standard storage (volume not in the workload)", 0)], notes: [zeroVolumeNote("what this bucket holds", "the GB it holds", e), ...regionNotes(ctx, e)] };
  },
};
