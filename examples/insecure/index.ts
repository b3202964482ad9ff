/**
 * A deliberately insecure AI stack: every resource gets one or more settings wrong that the
 * aitracks policy pack catches (the comment next to each names the policy). It uses raw provider
 * resources, not the aitracks components, which are secure by default. Never deploy it.
 *
 *   npx aitracks check --program examples/insecure --stack insecure --policy-config examples/insecure/policy-config.json
 */
import * as pulumi from "@pulumi/pulumi";
import { Provider as AwsProvider } from "@pulumi/aws/provider";
import { CustomModel, InferenceProfile } from "@pulumi/aws/bedrock";
import { Role, RolePolicy } from "@pulumi/aws/iam";
import { Bucket as S3Bucket } from "@pulumi/aws/s3";
import { EndpointConfiguration, Model, NotebookInstance, TrainingJob } from "@pulumi/aws/sagemaker";
import { Parameter } from "@pulumi/aws/ssm";
import { Provider as GcpProvider } from "@pulumi/gcp/provider";
import { Disk } from "@pulumi/gcp/compute";
import { Bucket as GcsBucket, BucketIAMMember } from "@pulumi/gcp/storage";
import { V2Vm } from "@pulumi/gcp/tpu";
import { AiDataset, AiEndpoint } from "@pulumi/gcp/vertex";
import { Instance as WorkbenchInstance } from "@pulumi/gcp/workbench";
import { Provider as AzureProvider } from "@pulumi/azure-native/provider";
import { Account, Deployment } from "@pulumi/azure-native/cognitiveservices";
import { Compute, OnlineEndpoint, Workspace } from "@pulumi/azure-native/machinelearningservices";
import { ResourceGroup } from "@pulumi/azure-native/resources";

const config = new pulumi.Config();
const tags = (track: string) => ({
  "aitracks-track": track,
  owner: "ml-platform",
  "cost-center": "cc-4711",
  "decision-review-date": "2026-01-15",
  environment: "production",
});
const labels = (track: string) => ({ "aitracks-track": track, owner: "ml-platform", "cost-center": "cc-4711", "decision-review-date": "2026-01-15" });

// ---- AWS ---------------------------------------------------------------------------------------
const aws = { provider: new AwsProvider("aws", { region: "us-east-1" }) };
const role = new Role("app-role", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: "sts:AssumeRole" }] }), tags: tags("buy") }, aws);

// aws-s3-bucket-not-public (public ACL, no public access block), aws-s3-bucket-cmk, aws-s3-bucket-versioned
const data = new S3Bucket("training-data", { acl: "public-read", tags: tags("fine-tune") }, aws);

// aws-sagemaker-notebook-no-direct-internet, -no-root-access, -kms, -imdsv2 (defaults); required-tags (no tags)
new NotebookInstance("notebook", { instanceType: "ml.t3.medium", roleArn: role.arn }, aws);

// aws-sagemaker-training-job-kms, -network-isolation, -inter-container-encryption
new TrainingJob(
  "training",
  {
    trainingJobName: "insecure-training",
    roleArn: role.arn,
    algorithmSpecification: { trainingImage: "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3-gpu-py311", trainingInputMode: "File" },
    resourceConfig: { instanceType: "ml.m5.xlarge", instanceCount: 2, volumeSizeInGb: 100 },
    outputDataConfig: { s3OutputPath: pulumi.interpolate`s3://${data.bucket}/output/` },
    stoppingCondition: { maxRuntimeInSeconds: 3600 },
    tags: tags("build"),
  },
  aws,
);

// aws-sagemaker-model-network-isolation, aws-sagemaker-model-in-vpc; aws-sagemaker-model-artifacts-cmk (artifacts in the unencrypted bucket)
const model = new Model(
  "model",
  {
    executionRoleArn: role.arn,
    primaryContainer: { image: "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.3", modelDataUrl: pulumi.interpolate`s3://${data.bucket}/model.tar.gz` },
    tags: tags("serving"),
  },
  aws,
);

// aws-sagemaker-endpoint-config-kms (EBS-backed ml.m5 with no key, data capture with no key);
// aws-sagemaker-endpoint-config-prod-instance-count (one instance in production)
new EndpointConfiguration(
  "endpoint-config",
  {
    productionVariants: [{ variantName: "primary", modelName: model.name, instanceType: "ml.m5.xlarge", initialInstanceCount: 1 }],
    dataCaptureConfig: { initialSamplingPercentage: 100, destinationS3Uri: pulumi.interpolate`s3://${data.bucket}/capture/`, captureOptions: [{ captureMode: "Input" }] },
    tags: tags("serving"),
  },
  aws,
);

// The buy track on Bedrock: one model (buy-fallback-model), from a provider not approved for
// restricted data (restricted-data-approved-providers), no guardrail (aws-bedrock-guardrail-attached),
// no invocation logging (aws-bedrock-invocation-logging).
new InferenceProfile(
  "assistant",
  { name: "insecure-assistant", modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0" }, tags: tags("buy") },
  aws,
);
// aws-iam-no-wildcard-actions ("*"); aws-bedrock-guardrail-attached (invoke without a guardrail condition)
new RolePolicy(
  "app-policy",
  {
    role: role.id,
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "Invoke", Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"] },
        { Sid: "Everything", Effect: "Allow", Action: "*", Resource: "*" },
      ],
    }),
  },
  aws,
);

// The fine-tune track: 50 labelled examples (fine-tune-minimum-examples), no customer-managed key
// (aws-bedrock-custom-model-cmk), and no evaluation against the base model (fine-tune-before-after-evaluation).
new CustomModel(
  "tuned",
  {
    customModelName: "insecure-tuned",
    jobName: "insecure-tuning",
    baseModelIdentifier: "amazon.titan-text-express-v1:0:8k",
    customizationType: "FINE_TUNING",
    hyperparameters: { epochCount: "2", batchSize: "1", learningRate: "0.00001" },
    roleArn: role.arn,
    trainingDataConfig: { s3Uri: pulumi.interpolate`s3://${data.bucket}/train.jsonl` },
    outputDataConfig: { s3Uri: pulumi.interpolate`s3://${data.bucket}/tuned/` },
    tags: { ...tags("fine-tune"), "aitracks-labeled-examples": "50" },
  },
  aws,
);

// no-plaintext-secrets: an API key as the parameter's insecureValue (the SDK would have made `value` a
// secret; insecureValue stays plain text in the state).
new Parameter("openai-key", { name: "/insecure/openai-api-key", type: "String", insecureValue: config.require("openaiApiKey"), tags: tags("buy") }, aws);

// ---- GCP ---------------------------------------------------------------------------------------
const gcp = { provider: new GcpProvider("gcp", { project: "insecure-project", region: "us-central1" }) };

// gcp-storage-bucket-cmek, -uniform-access, -not-public; required-tags (no labels)
const gcs = new GcsBucket("datasets", { location: "US" }, gcp);
// gcp-storage-bucket-not-public: everyone may read
new BucketIAMMember("datasets-public", { bucket: gcs.name, role: "roles/storage.objectViewer", member: "allUsers" }, gcp);

// gcp-tpu-no-external-ip, gcp-tpu-vm-cmek (Google-managed data disk); data-residency (asia-northeast1)
const disk = new Disk("tpu-data", { zone: "asia-northeast1-b", size: 500, type: "pd-balanced", labels: labels("build") }, gcp);
new V2Vm(
  "tpu",
  {
    zone: "asia-northeast1-b",
    acceleratorType: "v5litepod-8",
    runtimeVersion: "v2-alpha-tpuv5-lite",
    networkConfig: { enableExternalIps: true },
    dataDisks: [{ sourceDisk: disk.id }],
    labels: labels("build"),
  },
  gcp,
);

// gcp-workbench-no-public-ip, gcp-workbench-cmek (Google-managed boot and data disks), gcp-workbench-no-root-access
// and gcp-workbench-no-file-downloads (no notebook-disable-root / notebook-disable-downloads metadata)
new WorkbenchInstance("workbench", { location: "us-central1-a", gceSetup: { machineType: "e2-standard-4" }, labels: labels("build") }, gcp);

// gcp-vertex-cmek (dataset and endpoint), gcp-vertex-private-endpoint (public endpoint);
// gcp-aiplatform-data-access-logs (no Data Access audit logs for Vertex AI in the stack)
new AiDataset("dataset", { displayName: "insecure", metadataSchemaUri: "gs://google-cloud-aiplatform/schema/dataset/metadata/text_1.0.0.yaml", region: "us-central1", labels: labels("fine-tune") }, gcp);
new AiEndpoint("endpoint", { displayName: "insecure", location: "us-central1", region: "us-central1", labels: labels("serving") }, gcp);

// ---- Azure -------------------------------------------------------------------------------------
const azure = { provider: new AzureProvider("azure", { location: "eastus" }) };
const rg = new ResourceGroup("rg", { location: "eastus", tags: tags("buy") }, azure);

// azure-cognitive-no-public-network, -local-auth-disabled, -cmk, -managed-identity; azure-openai-restrict-outbound
const account = new Account(
  "openai",
  { resourceGroupName: rg.name, location: "eastus", kind: "OpenAI", sku: { name: "S0" }, properties: { publicNetworkAccess: "Enabled", disableLocalAuth: false }, tags: tags("buy") },
  azure,
);
// azure-openai-deployment-content-filter (no RAI policy)
new Deployment(
  "gpt",
  { resourceGroupName: rg.name, accountName: account.name, properties: { model: { format: "OpenAI", name: "gpt-4o-mini", version: "2024-07-18" } }, sku: { name: "GlobalStandard", capacity: 10 } },
  azure,
);

// azure-ml-workspace-no-public-access, -cmk, -managed-network, -hbi (restricted data)
const workspace = new Workspace(
  "workspace",
  { resourceGroupName: rg.name, location: "eastus", publicNetworkAccess: "Enabled", identity: { type: "SystemAssigned" }, sku: { name: "Basic" }, tags: tags("build") },
  azure,
);
// azure-ml-compute-no-public-ip, -local-auth-disabled; no-plaintext-secrets (admin password in plain text)
new Compute(
  "cluster",
  {
    resourceGroupName: rg.name,
    workspaceName: workspace.name,
    location: "eastus",
    properties: {
      computeType: "AmlCompute",
      properties: {
        vmSize: "Standard_NC24ads_A100_v4",
        enableNodePublicIp: true,
        scaleSettings: { maxNodeCount: 4, minNodeCount: 0 },
        userAccountCredentials: { adminUserName: "azureuser", adminUserPassword: config.require("computeAdminPassword") },
      },
    },
    tags: tags("build"),
  },
  azure,
);
// azure-ml-online-endpoint-private
new OnlineEndpoint(
  "online",
  { resourceGroupName: rg.name, workspaceName: workspace.name, location: "eastus", properties: { authMode: "Key", publicNetworkAccess: "Enabled" }, tags: tags("serving") },
  azure,
);
