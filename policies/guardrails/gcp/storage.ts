/** Cloud Storage buckets (datasets, checkpoints, model artifacts): CMEK, uniform access, never public. */
import { on, validateKnown, validateTypes } from "../../lib/checks";
import { gcp } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { asArray, isSet, type Json } from "../../lib/values";

const { Bucket, BucketIAMBinding, BucketIAMMember } = gcp.storage;

const PUBLIC_MEMBERS = ["allUsers", "allAuthenticatedUsers"];

export const bucketCmek: AitracksPolicy = {
  name: "gcp-storage-bucket-cmek",
  description: "Cloud Storage buckets encrypt new objects with a customer-managed Cloud KMS key by default.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set encryption.defaultKmsKeyName to the track's key and grant the Cloud Storage service agent roles/cloudkms.cryptoKeyEncrypterDecrypter on it.",
  tags: ["gcp", "encryption"],
  validateResource: validateKnown(Bucket, (b, _a, report) => {
    if (!isSet(b.encryption?.defaultKmsKeyName)) report("encryption.defaultKmsKeyName is not set; objects would use a Google-managed key");
  }),
};

export const bucketUniformAccess: AitracksPolicy = {
  name: "gcp-storage-bucket-uniform-access",
  description: "Cloud Storage buckets use uniform bucket-level access (IAM only, no per-object ACLs).",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Set uniformBucketLevelAccess: true on the bucket.",
  tags: ["gcp", "identity"],
  validateResource: validateKnown(Bucket, (b, _a, report) => {
    if (b.uniformBucketLevelAccess !== true) report(`uniformBucketLevelAccess is ${b.uniformBucketLevelAccess === false ? "false" : "not set"}; expected true`);
  }),
};

export const bucketNotPublic: AitracksPolicy = {
  name: "gcp-storage-bucket-not-public",
  description: "Cloud Storage buckets enforce public access prevention, and no IAM binding grants allUsers or allAuthenticatedUsers.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: 'Set publicAccessPrevention: "enforced" on the bucket and remove allUsers / allAuthenticatedUsers members.',
  tags: ["gcp", "data-exposure"],
  validateResource: validateTypes(
    on(Bucket, (b, _a, report) => {
      if (b.publicAccessPrevention !== "enforced") report(`publicAccessPrevention is ${b.publicAccessPrevention ? JSON.stringify(b.publicAccessPrevention) : "not set (inherited)"}; expected "enforced"`);
    }),
    on(BucketIAMMember, (m, _a, report) => {
      if (PUBLIC_MEMBERS.includes(String(m.member))) report(`grants ${String(m.role)} to ${String(m.member)}`);
    }),
    on(BucketIAMBinding, (b, _a, report) => {
      const pub = asArray(b.members as Json).filter((x) => PUBLIC_MEMBERS.includes(String(x)));
      if (pub.length) report(`grants ${String(b.role)} to ${pub.join(", ")}`);
    }),
  ),
};

export const storagePolicies: AitracksPolicy[] = [bucketCmek, bucketUniformAccess, bucketNotPublic];
