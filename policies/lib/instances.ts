/**
 * SageMaker instance families whose storage is local NVMe, encrypted by a hardware module on the
 * instance. SageMaker refuses a KMS key for their volumes ("You can't request a VolumeKmsKeyId when
 * using an instance type with local storage"), so the encryption policies do not ask for one.
 * Keep in step with hasLocalNvme in packages/components/src/aws/shared/instances.ts.
 */
const LOCAL_NVME_FAMILIES = new Set([
  "c5d", "c6id", "g4dn", "g5", "g6", "g6e", "gr6", "m5d", "m6id", "p3dn", "p4d", "p4de", "p5", "p5e", "p5en", "r5d", "r6id", "trn1", "trn1n", "trn2",
]);

export function hasLocalNvme(instanceType: string): boolean {
  const family = instanceType.replace(/^ml\./, "").split(".")[0] ?? "";
  return LOCAL_NVME_FAMILIES.has(family);
}
