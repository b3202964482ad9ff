/**
 * S3 buckets of the stack: non-public, encrypted with a customer-managed key, versioned. In
 * @pulumi/aws v7 these settings live on separate resources (BucketPublicAccessBlock,
 * BucketServerSideEncryptionConfiguration, BucketVersioning, BucketAcl, BucketPolicy) or inline on
 * the Bucket; the policies follow both, linking a setting to its bucket by property dependency
 * (`bucket: bucket.id`) or by name. Hence stack policies.
 */
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { statements } from "../../lib/iam";
import { aws } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { Undecided } from "../../lib/unknown";
import { asArray, get, isObject, type Json } from "../../lib/values";

const { Bucket, BucketAcl, BucketPolicy, BucketPublicAccessBlock, BucketServerSideEncryptionConfiguration, BucketVersioning } = aws.s3;

export interface BucketSettings {
  readonly encryption: PolicyResource[];
  readonly versioning: PolicyResource[];
  readonly publicAccessBlock: PolicyResource[];
  readonly acl: PolicyResource[];
  readonly policy: PolicyResource[];
}

/** Every bucket of the stack with the setting resources that point at it. */
export function bucketsInStack(resources: readonly PolicyResource[]): Map<PolicyResource, BucketSettings> {
  const buckets = new Map<PolicyResource, BucketSettings>();
  for (const r of resources) {
    if (r.isType(Bucket)) buckets.set(r, { encryption: [], versioning: [], publicAccessBlock: [], acl: [], policy: [] });
  }
  const attach = (r: PolicyResource, key: keyof BucketSettings) => {
    const byDependency = (r.propertyDependencies.bucket ?? []).filter((b) => buckets.has(b));
    const target =
      byDependency[0] ??
      [...buckets.keys()].find((b) => {
        const name = r.props.bucket;
        return typeof name === "string" && (b.props.bucket === name || b.name === name);
      });
    if (target) buckets.get(target)![key].push(r);
  };
  for (const r of resources) {
    if (r.isType(BucketServerSideEncryptionConfiguration)) attach(r, "encryption");
    else if (r.isType(BucketVersioning)) attach(r, "versioning");
    else if (r.isType(BucketPublicAccessBlock)) attach(r, "publicAccessBlock");
    else if (r.isType(BucketAcl)) attach(r, "acl");
    else if (r.isType(BucketPolicy)) attach(r, "policy");
  }
  return buckets;
}

/** How a bucket is encrypted: with a customer-managed KMS key (cmk), or what instead. */
export function bucketEncryption(bucket: PolicyResource, settings: BucketSettings): { cmk: boolean; describe: string } {
  const rules: Json[] = [
    get(bucket.props, "serverSideEncryptionConfiguration.rule"),
    ...settings.encryption.flatMap((e) => asArray(e.props.rules)),
  ].filter(isObject);
  if (!rules.length) return { cmk: false, describe: "not configured for SSE-KMS (S3 would use SSE-S3 with an AWS-owned key)" };
  for (const rule of rules) {
    const algo = get(rule, "applyServerSideEncryptionByDefault.sseAlgorithm");
    const key = get(rule, "applyServerSideEncryptionByDefault.kmsMasterKeyId");
    if ((algo === "aws:kms" || algo === "aws:kms:dsse") && typeof key === "string" && key !== "") return { cmk: true, describe: "encrypted with a customer-managed key" };
  }
  const algo = get(rules[0], "applyServerSideEncryptionByDefault.sseAlgorithm");
  return { cmk: false, describe: algo === "aws:kms" ? "SSE-KMS without a kmsMasterKeyId (the AWS-managed aws/s3 key)" : `encrypted with ${JSON.stringify(algo)} rather than a customer-managed KMS key` };
}

const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read"];

function forEachBucket(
  args: { resources: PolicyResource[]; notApplicable(reason?: string): never },
  fn: (bucket: PolicyResource, settings: BucketSettings) => void,
): void {
  const buckets = bucketsInStack(args.resources);
  if (!buckets.size) return args.notApplicable("no S3 buckets in the stack");
  const undecided = new Undecided();
  for (const [bucket, settings] of buckets) undecided.check(bucket.urn, () => fn(bucket, settings));
  undecided.finish(args);
}

export const s3BucketNotPublic: StackValidationPolicy & AitracksPolicy = {
  name: "aws-s3-bucket-not-public",
  description: "S3 buckets of the stack block every public access path: a public access block with all four settings on, no public ACL, no bucket policy granting everyone.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps:
    "Add a BucketPublicAccessBlock for the bucket with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true; drop public ACLs and Principal \"*\" Allow statements (the components' secureBucket does all of this).",
  tags: ["aws", "data-exposure"],
  validateStack: (args, report) =>
    forEachBucket(args, (bucket, s) => {
      const flags = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;
      const block = s.publicAccessBlock[0];
      if (!block) report(`bucket ${bucket.name} has no BucketPublicAccessBlock`, bucket.urn);
      else {
        const off = flags.filter((f) => block.props[f] !== true);
        if (off.length) report(`bucket ${bucket.name}: public access block leaves ${off.join(", ")} off`, block.urn);
      }
      const acls = [bucket.props.acl, ...s.acl.map((a) => a.props.acl)].filter((a): a is string => typeof a === "string");
      for (const acl of acls) if (PUBLIC_ACLS.includes(acl)) report(`bucket ${bucket.name} has the public ACL ${acl}`, bucket.urn);
      for (const doc of [bucket.props.policy, ...s.policy.map((p) => p.props.policy)]) {
        for (const st of statements(doc) ?? []) {
          const p = st.Principal;
          const everyone = p === "*" || (isObject(p) && (p.AWS === "*" || (Array.isArray(p.AWS) && p.AWS.includes("*"))));
          if (st.Effect === "Allow" && everyone && !st.Condition) report(`bucket ${bucket.name}: policy statement ${st.Sid ?? ""} allows Principal "*" without a condition`.replace("  ", " "), bucket.urn);
        }
      }
    }),
};

export const s3BucketEncrypted: StackValidationPolicy & AitracksPolicy = {
  name: "aws-s3-bucket-cmk",
  description: "S3 buckets of the stack encrypt by default with SSE-KMS and a customer-managed key.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Add a BucketServerSideEncryptionConfiguration with sseAlgorithm \"aws:kms\", the track's key as kmsMasterKeyId and bucketKeyEnabled: true.",
  tags: ["aws", "encryption"],
  validateStack: (args, report) =>
    forEachBucket(args, (bucket, s) => {
      const enc = bucketEncryption(bucket, s);
      if (!enc.cmk) report(`bucket ${bucket.name} is ${enc.describe}`, bucket.urn);
    }),
};

export const s3BucketVersioned: StackValidationPolicy & AitracksPolicy = {
  name: "aws-s3-bucket-versioned",
  description: "S3 buckets of the stack keep object versions (training data, model artifacts and logs can be recovered).",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: 'Add a BucketVersioning for the bucket with versioningConfiguration.status "Enabled".',
  tags: ["aws", "resilience"],
  validateStack: (args, report) =>
    forEachBucket(args, (bucket, s) => {
      const on = bucket.props.versioning && (bucket.props.versioning as Record<string, Json>).enabled === true;
      const status = s.versioning.map((v) => get(v.props, "versioningConfiguration.status"));
      if (!on && !status.includes("Enabled")) {
        report(`bucket ${bucket.name} has no versioning${status.length ? ` (status ${status.map((x) => JSON.stringify(x)).join(", ")})` : ""}`, bucket.urn);
      }
    }),
};

export const s3Policies: AitracksPolicy[] = [s3BucketNotPublic, s3BucketEncrypted, s3BucketVersioned];
