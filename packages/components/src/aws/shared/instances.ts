import { InputError, loadCatalog, type CatalogEntry } from "@aitracks/core";
import { fieldError } from "../../common/errors";

/**
 * A SageMaker instance type the price catalog knows and offers in the region. Every instance a
 * track asks for is checked here, so the cost preview can price it and a typo stops early:
 * `instanceType: unknown aws SKU "ml.trn1.23xlarge" in the price catalog; did you mean ml.trn1.32xlarge?`
 */
export function catalogInstance(field: string, instanceType: string, region: string): CatalogEntry {
  let entry: CatalogEntry;
  try {
    entry = loadCatalog().get(instanceType, field, "aws");
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${field}: ${(err as Error).message}`);
  }
  if (entry.service !== "sagemaker" || entry.kind !== "instance" || !instanceType.startsWith("ml.")) {
    fieldError(field, `expected a SageMaker ML instance type such as ml.g5.2xlarge, got ${JSON.stringify(instanceType)} (a ${entry.service} ${entry.kind})`);
  }
  if (!entry.regions.includes(region)) {
    fieldError(field, `${instanceType} is not offered in ${region}; the price catalog has it in ${entry.regions.join(", ")}`);
  }
  return entry;
}

/** A catalog entry that must be offered in the region (e.g. Bedrock customisation). */
export function catalogRegion(field: string, sku: string, region: string, what: string): CatalogEntry {
  const entry = loadCatalog().get(sku, field, "aws");
  if (!entry.regions.includes(region)) fieldError(field, `${what} is not offered in ${region}; the price catalog has it in ${entry.regions.join(", ")}`);
  return entry;
}

/**
 * Instance families whose storage is local NVMe, encrypted by a hardware module on the instance.
 * SageMaker refuses a volume KMS key for them ("You can't request a VolumeKmsKeyId when using an
 * instance type with local storage"), so the tracks set one only where an EBS volume is used.
 */
const LOCAL_NVME_FAMILIES = new Set([
  "c5d", "c6id", "g4dn", "g5", "g6", "g6e", "gr6", "m5d", "m6id", "p3dn", "p4d", "p4de", "p5", "p5e", "p5en", "r5d", "r6id", "trn1", "trn1n", "trn2",
]);

export function hasLocalNvme(instanceType: string): boolean {
  const family = instanceType.replace(/^ml\./, "").split(".")[0] ?? "";
  return LOCAL_NVME_FAMILIES.has(family);
}
