// @ts-nocheck
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

// Create an AWS resource (S3 Bucket)
const bucket = new aws.s3.Bucket("my-bucket");

// Keep every version of what lands in it
const versioning = new aws.s3.BucketVersioning("my-bucket-versioning", {
    bucket: bucket.id,
    versioningConfiguration: { status: "Enabled" },
});

// Export the name of the bucket
export const bucketName = bucket.id;
export const versioningStatus = versioning.versioningConfiguration.apply(c => c.status!);
