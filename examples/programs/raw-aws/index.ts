// A plain Pulumi program: `aitracks preview --program examples/programs/raw-aws --stack dev`
import * as pulumi from "@pulumi/pulumi";
import { Bucket, BucketVersioning } from "@pulumi/aws/s3";
import { Endpoint, EndpointConfiguration, Model } from "@pulumi/aws/sagemaker";

const config = new pulumi.Config();
const instanceType = config.get("instanceType") ?? "ml.g5.2xlarge";

const artifacts = new Bucket("artifacts", { tags: { team: "search" } });
new BucketVersioning("artifacts-versioning", { bucket: artifacts.id, versioningConfiguration: { status: "Enabled" } });

const model = new Model("ranker", {
  executionRoleArn: "arn:aws:iam::123456789012:role/sagemaker-exec",
  primaryContainer: { image: "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.3-gpu-py311", modelDataUrl: pulumi.interpolate`s3://${artifacts.bucket}/ranker/model.tar.gz` },
});
const endpointConfig = new EndpointConfiguration("ranker", {
  productionVariants: [{ variantName: "primary", modelName: model.name, instanceType, initialInstanceCount: 2 }],
});
const endpoint = new Endpoint("ranker", { endpointConfigName: endpointConfig.name });

export const endpointName = endpoint.name;
export const bucket = artifacts.bucket;
