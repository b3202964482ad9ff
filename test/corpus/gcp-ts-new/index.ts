// @ts-nocheck
import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";

// Create a GCP resource (Storage Bucket) in the stack's region
const bucket = new gcp.storage.Bucket("my-bucket", {
    location: gcp.config.region!.toUpperCase(),
    uniformBucketLevelAccess: true,
});

// Export the DNS name of the bucket
export const bucketName = bucket.url;
