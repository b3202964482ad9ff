/** Cloud TPU VMs (the build track on GCP): no external IPs, data disks with customer-managed keys. */
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { on, validateTypes } from "../../lib/checks";
import { gcp } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { Undecided } from "../../lib/unknown";
import { asArray, get, isSet, type Json } from "../../lib/values";

const { Disk } = gcp.compute;
const { V2QueuedResource, V2Vm } = gcp.tpu;

export const tpuNoExternalIp: AitracksPolicy = {
  name: "gcp-tpu-no-external-ip",
  description: "Cloud TPU VMs (and queued TPU resources) get no external IP addresses.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Leave networkConfig.enableExternalIps unset or false and reach Google APIs through Private Google Access on the subnetwork.",
  tags: ["gcp", "network"],
  validateResource: validateTypes(
    on(V2Vm, (vm, _a, report) => {
      const configs = [vm.networkConfig, ...asArray(vm.networkConfigs as Json)];
      if (configs.some((c) => (c as { enableExternalIps?: boolean } | undefined)?.enableExternalIps === true)) report("networkConfig.enableExternalIps is true");
    }),
    on(V2QueuedResource, (q, _a, report) => {
      asArray(q.tpu?.nodeSpecs as Json).forEach((spec, i) => {
        if (get(spec, "node.networkConfig.enableExternalIps") === true) report(`tpu.nodeSpecs[${i}].node.networkConfig.enableExternalIps is true`);
      });
    }),
  ),
};

export const tpuDataDisksCmek: StackValidationPolicy & AitracksPolicy = {
  name: "gcp-tpu-vm-cmek",
  description: "The data disks attached to Cloud TPU VMs are encrypted with a customer-managed Cloud KMS key (the TPU boot disk itself is Google-managed and has no CMEK setting).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Create the TPU's data disks as gcp.compute.Disk with diskEncryptionKey.kmsKeySelfLink set to the track's key and attach them through dataDisks[].sourceDisk.",
  tags: ["gcp", "encryption"],
  validateStack: (args, report) => {
    const vms = args.resources.filter((r) => r.isType(V2Vm));
    if (!vms.length) return args.notApplicable("no Cloud TPU VMs in the stack");
    const disks = args.resources.filter((r) => r.isType(Disk));
    const undecided = new Undecided();
    for (const vm of vms) {
      undecided.check(vm.urn, () => {
        const linked = new Set<PolicyResource>((vm.propertyDependencies.dataDisks ?? []).filter((d) => disks.includes(d)));
        for (const dd of asArray(vm.props.dataDisks)) {
          const source = (dd as { sourceDisk?: Json }).sourceDisk;
          const byName = disks.find((d) => typeof source === "string" && (source.endsWith(`/${String(d.props.name)}`) || source === d.props.name));
          if (byName) linked.add(byName);
          else if (!linked.size) undecided.outside(`${vm.urn}: data disk ${String(source)}, outside this stack, whose encryption it cannot see`);
        }
        for (const disk of linked) {
          if (!isSet(get(disk.props, "diskEncryptionKey.kmsKeySelfLink"))) report(`data disk ${disk.name} has no diskEncryptionKey.kmsKeySelfLink (Google-managed key)`, disk.urn);
        }
      });
    }
    undecided.finish(args);
  },
};

export const tpuPolicies: AitracksPolicy[] = [tpuNoExternalIp, tpuDataDisksCmek];
