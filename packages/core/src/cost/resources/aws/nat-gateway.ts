import type { CostModule } from "../../module";
import { catalogEntry, HOURS, monthly, regionNotes, usage } from "../../price";
import { zeroVolumeNote } from "../../to-count";

/**
 * NAT gateway: an hourly fee x 730 h, and each GB it processes. The traffic through it is not in
 * the workload (it is what the subnets behind it fetch), so the GB line shows 0 and says so.
 */
export const natGateway: CostModule = {
  service: "Amazon VPC NAT gateway",
  price(_r, ctx) {
    const hour = catalogEntry(ctx, "nat-gateway-hour", "NAT gateway price");
    const gb = catalogEntry(ctx, "nat-gateway-gb", "NAT gateway price");
    return {
      components: [monthly(hour, `NAT gateway x ${HOURS} h`, HOURS), usage(gb, "data processed (volume not in the workload)", 0)],
      notes: [zeroVolumeNote("data processed through the gateway", "the GB a month the subnets behind it send and fetch", gb), ...regionNotes(ctx, hour)],
    };
  },
};
