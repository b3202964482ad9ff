import type { CostModule } from "../../module";
import { catalogEntry, HOURS, monthly, regionNotes } from "../../price";

/** Elastic IP: every public IPv4 address bills an hourly fee, attached or not (since February 2024). */
export const elasticIp: CostModule = {
  service: "Amazon VPC public IPv4",
  price(_r, ctx) {
    const e = catalogEntry(ctx, "public-ipv4", "public IPv4 price");
    return { components: [monthly(e, `public IPv4 address x ${HOURS} h`, HOURS)], notes: regionNotes(ctx, e) };
  },
};
