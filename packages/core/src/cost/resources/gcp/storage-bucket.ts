import type { CostModule } from "../../module";
import { catalogEntry, monthly, regionNotes } from "../../price";

/** Cloud Storage bucket (Standard): GB-months; what it holds is not sized by the workload, so 0 GB, said so. */
export const storageBucket: CostModule = {
  service: "Cloud Storage",
  price(_r, ctx) {
    const e = catalogEntry(ctx, "gcs-standard", "storage price");
    return { components: [monthly(e, "Standard storage (volume not in the workload)", 0)], notes: ["what this bucket holds is not sized by the workload: 0 GB counted", ...regionNotes(ctx, e)] };
  },
};
