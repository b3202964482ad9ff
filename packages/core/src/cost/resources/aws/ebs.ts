import { Unpriced, type PricingContext } from "../../module";
import { catalogEntry, fmt, monthly, regionNotes } from "../../price";
import type { CostComponent } from "../../types";

const VOLUME_TYPES = ["gp3", "gp2", "io1", "io2", "st1", "sc1", "standard"];

/**
 * An EBS volume's monthly lines: GB-months of its type; provisioned IOPS on io1/io2; IOPS above
 * 3,000 and throughput above 125 MiB/s on gp3 (the free baseline).
 */
export function ebsComponents(ctx: PricingContext, type: string, sizeGb: number, iops: number | undefined, throughput: number | undefined, label: string, field: string): { components: CostComponent[]; notes: string[] } {
  if (!VOLUME_TYPES.includes(type)) throw new Unpriced(`${field} ${JSON.stringify(type)}: expected one of ${VOLUME_TYPES.join(", ")}`);
  const e = catalogEntry(ctx, `ebs-${type}`, field);
  const components = [monthly(e, `${label}: ${fmt(sizeGb)} GB ${type}`, sizeGb)];
  if ((type === "io1" || type === "io2") && iops) components.push(monthly(catalogEntry(ctx, "ebs-piops", field), `${label}: ${fmt(iops)} provisioned IOPS`, iops));
  if (type === "gp3" && iops !== undefined && iops > 3_000) components.push(monthly(catalogEntry(ctx, "ebs-gp3-iops", field), `${label}: ${fmt(iops - 3_000)} IOPS above the 3,000 included`, iops - 3_000));
  if (type === "gp3" && throughput !== undefined && throughput > 125) components.push(monthly(catalogEntry(ctx, "ebs-gp3-throughput", field), `${label}: ${fmt(throughput - 125)} MiB/s above the 125 included`, throughput - 125));
  return { components, notes: regionNotes(ctx, e) };
}
