import * as pulumi from "@pulumi/pulumi";
import {
  Bucket,
  BucketOwnershipControls,
  BucketPolicy,
  BucketPublicAccessBlock,
  BucketServerSideEncryptionConfiguration,
  BucketVersioning,
} from "@pulumi/aws/s3";
import { policyDocument, type Statement } from "./policy";

export interface SecureBucketArgs {
  readonly kmsKeyArn: pulumi.Input<string>;
  readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Extra statements for the bucket policy (e.g. a service that writes logs); TLS is always enforced. */
  readonly statements?: (bucketArn: pulumi.Output<string>) => Statement[];
}

export interface SecureBucket {
  readonly bucket: Bucket;
  readonly arn: pulumi.Output<string>;
  readonly name: pulumi.Output<string>;
}

/**
 * The one S3 bucket every AWS track uses: SSE-KMS with a customer-managed key and bucket keys,
 * versioning on, every public access path blocked, ACLs disabled, TLS required.
 */
export function secureBucket(name: string, args: SecureBucketArgs, opts: pulumi.CustomResourceOptions): SecureBucket {
  const bucket = new Bucket(name, { forceDestroy: false, tags: args.tags }, opts);
  const dependsOn: pulumi.Resource[] = [
    new BucketPublicAccessBlock(
      `${name}-public-access`,
      { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
      opts,
    ),
    new BucketOwnershipControls(`${name}-ownership`, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, opts),
  ];
  new BucketServerSideEncryptionConfiguration(
    `${name}-encryption`,
    {
      bucket: bucket.id,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true }],
    },
    opts,
  );
  new BucketVersioning(`${name}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, opts);
  const tlsOnly: Statement = {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
  new BucketPolicy(
    `${name}-policy`,
    { bucket: bucket.id, policy: policyDocument([tlsOnly, ...(args.statements?.(bucket.arn) ?? [])]) },
    { ...opts, dependsOn },
  );
  return { bucket, arn: bucket.arn, name: bucket.bucket };
}
