import { asArray } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, HOURS, monthly, regionNotes, str } from "../../price";

/** The catalog SKU of an AWS PrivateLink interface endpoint, per endpoint per Availability Zone hour. */
export const INTERFACE_ENDPOINT_SKU = "vpc-interface-endpoint";

/**
 * VPC endpoint. Gateway endpoints (S3, DynamoDB) are free. An interface endpoint bills an hourly
 * fee in each Availability Zone it has a network interface in (one per subnet), x 730 h; data
 * processed is extra and small at these volumes.
 */
export const vpcEndpoint: CostModule = {
  service: "AWS PrivateLink",
  price(r, ctx) {
    const type = str(r.inputs.vpcEndpointType, "vpcEndpointType", "Gateway");
    if (type === "Gateway") return { components: [], free: "gateway endpoint: no charge" };
    const zones = Math.max(1, asArray(r.inputs.subnetIds).length);
    if (!ctx.catalog.has(INTERFACE_ENDPOINT_SKU)) {
      throw new Unpriced(`${type} endpoint: the compute catalog has no ${INTERFACE_ENDPOINT_SKU} price (AWS PrivateLink, per endpoint per Availability Zone hour)`);
    }
    const e = catalogEntry(ctx, INTERFACE_ENDPOINT_SKU, "vpcEndpointType");
    return { components: [monthly(e, `${type} endpoint in ${zones} AZ${zones === 1 ? "" : "s"} x ${HOURS} h`, zones * HOURS)], notes: regionNotes(ctx, e) };
  },
};
