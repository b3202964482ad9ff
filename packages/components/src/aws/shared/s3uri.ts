import * as pulumi from "@pulumi/pulumi";

export const S3_URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/;

/** The bucket and key of an `s3://bucket/key` URI. */
export function parseS3Uri(uri: string): { bucket: string; key: string } {
  const m = S3_URI.exec(uri);
  if (!m) throw new Error(`not an S3 URI: ${uri}`);
  return { bucket: m[1]!, key: m[2] ?? "" };
}

/** The bucket ARN of an S3 URI (for IAM scope), in the account's partition. */
export function bucketArnOf(uri: pulumi.Input<string>, partition: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.all([uri, partition]).apply(([u, p]) => `arn:${p}:s3:::${parseS3Uri(u).bucket}`);
}

/** The key prefix of an S3 URI: the object itself, or everything under a folder. */
export function keyPrefixOf(uri: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.output(uri).apply((u) => parseS3Uri(u).key);
}
