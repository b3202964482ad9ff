// @ts-nocheck
// The S3 policies on every form a setting takes in @pulumi/aws v7: inline on the Bucket or as a
// separate resource, linked by dependency or by name, and every public path (ACL on the bucket
// or on a BucketAcl, Principal "*" as a string, {AWS: "*"} or {AWS: ["*"]}), with the forms that
// must NOT be flagged (a conditioned or Deny statement, a private ACL, DSSE-KMS with a key).
import * as pulumi from "@pulumi/pulumi";
import { Bucket, BucketAcl, BucketPolicy, BucketPublicAccessBlock, BucketServerSideEncryptionConfiguration, BucketVersioning } from "@pulumi/aws/s3";
import { describe, it } from "vitest";
import { expectPass, expectViolation } from "./helpers";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const block = (bucket: pulumi.Input<string>) =>
  new BucketPublicAccessBlock("data-block", { bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
const kms = (bucket: pulumi.Input<string>, sseAlgorithm = "aws:kms") =>
  new BucketServerSideEncryptionConfiguration("data-sse", { bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId: KEY } }] });
const versioned = (bucket: pulumi.Input<string>, status = "Enabled") => new BucketVersioning("data-versioning", { bucket, versioningConfiguration: { status } });

/** A bucket with every secure setting as a separate resource, plus `extra` on the bucket itself. */
function secureBucket(extra: Partial<ConstructorParameters<typeof Bucket>[1]> = {}): Bucket {
  const b = new Bucket("data", { ...extra });
  block(b.id);
  kms(b.id);
  versioned(b.id);
  return b;
}

function withPolicy(statement: Record<string, unknown>): void {
  const b = secureBucket();
  new BucketPolicy("data-policy", { bucket: b.id, policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: [{ Sid: "S", Resource: pulumi.interpolate`${b.arn}/*`, Action: "s3:GetObject", ...statement }] }) });
}

describe("aws-s3-bucket-not-public: every public path, and what is not one", () => {
  const notPublic = { policy: "aws-s3-bucket-not-public", on: "data", good: () => secureBucket() };

  it("flags a public canned ACL on the bucket itself", async () => {
    await expectViolation({ ...notPublic, bad: () => secureBucket({ acl: "public-read" }), message: /^bucket data has the public ACL public-read$/ });
  });

  it("flags a public ACL set by a separate BucketAcl, and passes a private one", async () => {
    const withAcl = (acl: string) => () => {
      const b = secureBucket();
      new BucketAcl("data-acl", { bucket: b.id, acl });
    };
    await expectViolation({ ...notPublic, bad: withAcl("authenticated-read"), message: /has the public ACL authenticated-read$/ });
    await expectViolation({ ...notPublic, bad: withAcl("public-read-write"), message: /has the public ACL public-read-write$/ });
    await expectPass({ ...notPublic, bad: withAcl("private"), message: /./, good: withAcl("private") });
  });

  for (const [form, principal] of [
    ["the string \"*\"", "*"],
    ["{AWS: \"*\"}", { AWS: "*" }],
    ["{AWS: [\"*\"]}", { AWS: ["123456789012", "*"] }],
  ] as const) {
    it(`flags an Allow to everyone written as ${form}`, async () => {
      await expectViolation({ ...notPublic, bad: () => withPolicy({ Effect: "Allow", Principal: principal }), message: /^bucket data: policy statement S allows Principal "\*" without a condition$/ });
    });
  }

  it("passes an Allow to everyone under a condition, a Deny to everyone, and an Allow to one account", async () => {
    const conditioned = () => withPolicy({ Effect: "Allow", Principal: "*", Condition: { StringEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } } });
    const deny = () => withPolicy({ Effect: "Deny", Principal: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } });
    const denyBare = () => withPolicy({ Effect: "Deny", Principal: { AWS: "*" } });
    const account = () => withPolicy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" } });
    for (const good of [conditioned, deny, denyBare, account]) await expectPass({ ...notPublic, bad: good, message: /./, good });
  });

  it("flags a public access block with one setting off, on the block", async () => {
    await expectViolation({
      ...notPublic,
      on: "data-block",
      bad: () => {
        const b = new Bucket("data");
        new BucketPublicAccessBlock("data-block", { bucket: b.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: false, restrictPublicBuckets: true });
        kms(b.id);
        versioned(b.id);
      },
      message: /^bucket data: public access block leaves ignorePublicAcls off$/,
    });
  });

  it("links a setting to its bucket by name when there is no dependency", async () => {
    const byName = (blockTarget: string) => () => {
      new Bucket("data", { bucket: "acme-training-data" });
      block(blockTarget);
      kms("acme-training-data");
      versioned("acme-training-data");
    };
    await expectPass({ ...notPublic, bad: byName("acme-training-data"), message: /./, good: byName("acme-training-data") });
    await expectViolation({ ...notPublic, bad: byName("someone-elses-bucket"), message: /^bucket data has no BucketPublicAccessBlock$/ });
  });
});

describe("aws-s3-bucket-cmk: inline and separate encryption settings", () => {
  const cmk = { policy: "aws-s3-bucket-cmk", on: "data" };
  const inline = (sseAlgorithm: string, kmsMasterKeyId?: string) => () => {
    const b = new Bucket("data", { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm, ...(kmsMasterKeyId ? { kmsMasterKeyId } : {}) } } } });
    block(b.id);
    versioned(b.id);
  };

  it("passes inline SSE-KMS and DSSE-KMS with a customer key; flags inline AES256 and KMS without a key", async () => {
    await expectPass({ ...cmk, bad: inline("AES256"), message: /./, good: inline("aws:kms", KEY) });
    await expectPass({ ...cmk, bad: inline("AES256"), message: /./, good: inline("aws:kms:dsse", KEY) });
    await expectViolation({ ...cmk, bad: inline("AES256"), message: /^bucket data is encrypted with "AES256" rather than a customer-managed KMS key$/, good: inline("aws:kms", KEY) });
    await expectViolation({ ...cmk, bad: inline("aws:kms"), message: /^bucket data is SSE-KMS without a kmsMasterKeyId \(the AWS-managed aws\/s3 key\)$/, good: inline("aws:kms", KEY) });
  });

  it("passes a separate DSSE-KMS configuration with a key; flags a bucket with none", async () => {
    const separate = (sse?: string) => () => {
      const b = new Bucket("data");
      block(b.id);
      versioned(b.id);
      if (sse) kms(b.id, sse);
    };
    await expectPass({ ...cmk, bad: separate(), message: /./, good: separate("aws:kms:dsse") });
    await expectViolation({ ...cmk, bad: separate(), message: /^bucket data is not configured for SSE-KMS/, good: separate("aws:kms") });
  });
});

describe("aws-s3-bucket-versioned: inline and separate versioning", () => {
  const v = { policy: "aws-s3-bucket-versioned", on: "data" };
  it("passes inline versioning; flags suspended versioning and names its status", async () => {
    const inline = (enabled: boolean) => () => {
      const b = new Bucket("data", { versioning: { enabled } });
      block(b.id);
      kms(b.id);
    };
    await expectPass({ ...v, bad: inline(false), message: /./, good: inline(true) });
    await expectViolation({ ...v, bad: inline(false), message: /^bucket data has no versioning$/, good: inline(true) });
    const suspended = () => {
      const b = new Bucket("data");
      block(b.id);
      kms(b.id);
      versioned(b.id, "Suspended");
    };
    await expectViolation({ ...v, bad: suspended, message: /^bucket data has no versioning \(status "Suspended"\)$/, good: inline(true) });
  });
});
