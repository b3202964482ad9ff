import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, monthly } from "../../price";

export const PRIVATE_DNS_ZONE_SKU = "private-dns-zone";

/** Azure private DNS zone: a monthly fee per hosted zone (queries are extra and small). */
export const privateDnsZone: CostModule = {
  service: "Azure DNS (private zones)",
  price(_r, ctx) {
    if (!ctx.catalog.has(PRIVATE_DNS_ZONE_SKU)) throw new Unpriced(`the compute catalog has no ${PRIVATE_DNS_ZONE_SKU} price (Azure DNS, per hosted zone a month)`);
    return { components: [monthly(catalogEntry(ctx, PRIVATE_DNS_ZONE_SKU, "zone price"), "hosted private zone", 1)] };
  },
};
