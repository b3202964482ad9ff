import type { CostModule } from "../../module";
import { catalogEntry, HOURS, monthly, regionNotes } from "../../price";

/** Private endpoint: an hourly fee while it exists (data processed is extra and small at these volumes). */
export const privateEndpoint: CostModule = {
  service: "Azure Private Link",
  price(_r, ctx) {
    const e = catalogEntry(ctx, "private-endpoint", "private endpoint price");
    return { components: [monthly(e, `private endpoint x ${HOURS} h`, HOURS)], notes: regionNotes(ctx, e) };
  },
};
