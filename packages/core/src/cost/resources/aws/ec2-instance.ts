import { asArray, at } from "../../graph";
import type { CostModule } from "../../module";
import { instances, num, optStr, str } from "../../price";
import type { CostComponent } from "../../types";
import { ebsComponents } from "./ebs";

/** The root volume when the program does not size it: the AMI's, not known before deploy. */
export const DEFAULT_ROOT_GB = 8;

/**
 * EC2 instance: the instance type's Linux on-demand price x 730 h, plus its EBS root volume and
 * any extra EBS block devices (GB-months of their type). A root volume the program does not size
 * is counted at 8 GB gp3 (the size of the common Linux AMIs), and said so.
 */
export const ec2Instance: CostModule = {
  service: "Amazon EC2",
  instances: (r) => (optStr(r.inputs.instanceType) ? [r.inputs.instanceType as string] : []),
  price(r, ctx) {
    const sku = str(r.inputs.instanceType, "instanceType");
    const run = instances(ctx, sku, "instanceType", 1);
    const components: CostComponent[] = [run.component];
    const notes = [...run.notes, "Linux on-demand price (a Windows or RHEL AMI adds a licence fee; Spot and Savings Plans bill less)"];
    const root = r.inputs.rootBlockDevice;
    const rootSize = at(root, "volumeSize");
    const rootType = at(root, "volumeType");
    if (rootSize === undefined) notes.push(`root volume size is the AMI's: ${DEFAULT_ROOT_GB} GB assumed`);
    const rootVolume = ebsComponents(ctx, str(rootType, "rootBlockDevice.volumeType", "gp3"), num(rootSize, "rootBlockDevice.volumeSize", DEFAULT_ROOT_GB), optNum(at(root, "iops")), optNum(at(root, "throughput")), "root volume", "rootBlockDevice.volumeType");
    components.push(...rootVolume.components);
    asArray(r.inputs.ebsBlockDevices).forEach((d, i) => {
      const field = `ebsBlockDevices[${i}]`;
      const v = ebsComponents(ctx, str(at(d, "volumeType"), `${field}.volumeType`, "gp2"), num(at(d, "volumeSize"), `${field}.volumeSize`), optNum(at(d, "iops")), optNum(at(d, "throughput")), `${str(at(d, "deviceName"), `${field}.deviceName`, field)} volume`, `${field}.volumeType`);
      components.push(...v.components);
    });
    return { components, notes };
  },
};

function optNum(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? v : undefined;
}
