// @ts-nocheck
// gcp-tpu-vm-cmek links a TPU VM's data disk to the stack's Disk by dependency (gcp.test.ts) or by
// name: a sourceDisk given as a literal self link or as the disk's bare name, through both engines.
// A disk the stack does not create cannot be judged: the policy says so instead of passing.
import { describe, expect, it } from "vitest";
import { Disk } from "@pulumi/gcp/compute";
import { V2Vm } from "@pulumi/gcp/tpu";
import { checkBoth, expectPass, expectViolation, notesOf, violationsOf } from "./helpers";

const POLICY = "gcp-tpu-vm-cmek";
const KEY = "projects/p/locations/us-central1/keyRings/ring/cryptoKeys/key";
const SELF_LINK = "projects/p/zones/us-central1-a/disks/tpu-data";

const program = (sourceDisk: string, cmek: boolean) => () => {
  new Disk("data", { name: "tpu-data", zone: "us-central1-a", size: 100, ...(cmek ? { diskEncryptionKey: { kmsKeySelfLink: KEY } } : {}) });
  new V2Vm("tpu", { zone: "us-central1-a", runtimeVersion: "v2-alpha-tpuv5-lite", acceleratorType: "v5litepod-8", dataDisks: [{ sourceDisk }] });
};

describe(`${POLICY}: a data disk linked by name`, () => {
  for (const [form, source] of [
    ["a self link ending in the disk's name", SELF_LINK],
    ["the disk's bare name", "tpu-data"],
  ]) {
    const c = { policy: POLICY, bad: program(source, false), on: "data", message: /^data disk data has no diskEncryptionKey\.kmsKeySelfLink/, good: program(source, true) };
    it(`${form}: without CMEK is a violation on the disk`, () => expectViolation(c));
    it(`${form}: with CMEK passes`, () => expectPass(c));
  }

  it("a disk of another name is not taken for the stack's: the policy says it cannot see it", async () => {
    const { report } = await checkBoth(program("projects/p/zones/us-central1-a/disks/other-data", false));
    expect(violationsOf(report, POLICY)).toEqual([]);
    const reasons = notesOf(report, POLICY).map((n) => n.reason).join(" | ");
    expect(reasons).toMatch(/data disk projects\/p\/zones\/us-central1-a\/disks\/other-data, outside this stack, whose encryption it cannot see/);
  });
});
