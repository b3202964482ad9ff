import type { CostModule } from "../../module";
import { catalogEntry, monthly, regionNotes } from "../../price";

/** KMS customer-managed key: a flat monthly fee per key (requests are within the free tier at these volumes). */
export const kmsKey: CostModule = {
  service: "AWS KMS",
  price(_r, ctx) {
    const e = catalogEntry(ctx, "kms-key", "key price");
    return { components: [monthly(e, "customer-managed key", 1)], notes: regionNotes(ctx, e) };
  },
};
