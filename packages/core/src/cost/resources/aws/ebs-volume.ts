import type { CostModule } from "../../module";
import { num, str } from "../../price";
import { ebsComponents } from "./ebs";

/** EBS volume: GB-months of its type (AWS's default gp2), plus provisioned IOPS and gp3 throughput above the baseline. */
export const ebsVolume: CostModule = {
  service: "Amazon EBS",
  price(r, ctx) {
    const type = str(r.inputs.type, "type", "gp2");
    const size = num(r.inputs.size, "size");
    const iops = r.inputs.iops !== undefined ? num(r.inputs.iops, "iops") : undefined;
    const throughput = r.inputs.throughput !== undefined ? num(r.inputs.throughput, "throughput") : undefined;
    return ebsComponents(ctx, type, size, iops, throughput, "volume", "type");
  },
};
