// @ts-nocheck
// Every AWS guardrail: a violating and a passing program of real @pulumi/aws (and aws-native) resources under mocks.
import { describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { AgentAgent, AgentcoreAgentRuntime, AgentcoreCodeInterpreter, AgentcoreGateway, AgentcoreMemory, AgentDataSource, CustomModel, Guardrail, GuardrailVersion, InferenceProfile } from "@pulumi/aws/bedrock";
import { InvocationLoggingConfiguration } from "@pulumi/aws/bedrockmodel";
import { Role, RolePolicy } from "@pulumi/aws/iam";
import { Provider } from "@pulumi/aws/provider";
import { Bucket, BucketPolicy, BucketPublicAccessBlock, BucketServerSideEncryptionConfiguration, BucketVersioning } from "@pulumi/aws/s3";
import { DataQualityJobDefinition, Domain, EndpointConfiguration, FeatureGroup, FlowDefinition, Model, NotebookInstance, TrainingJob } from "@pulumi/aws/sagemaker";
import { FeatureGroup as NativeFeatureGroup, ModelBiasJobDefinition, ModelExplainabilityJobDefinition, ModelQualityJobDefinition } from "@pulumi/aws-native/sagemaker";
import { Gateway, Memory, Runtime } from "@pulumi/aws-native/bedrockagentcore";
import { DataSource } from "@pulumi/aws-native/bedrock";
import { BEDROCK_CUSTOM_MODEL, check, expectPass, expectViolation, notesOf, TAGS, urnOf, violationsOf, type PolicyCase } from "./helpers";

const ROLE = "arn:aws:iam::123456789012:role/sagemaker";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
const buy = { ...TAGS, "aitracks-track": "buy" };

const notebook = (extra: object) => new NotebookInstance("nb", { instanceType: "ml.t3.medium", roleArn: ROLE, ...extra });
const trainingJob = (extra: object) =>
  new TrainingJob("job", {
    trainingJobName: "job",
    roleArn: ROLE,
    algorithmSpecification: { trainingImage: "img", trainingInputMode: "File" },
    resourceConfig: { instanceType: "ml.m5.xlarge", instanceCount: 2, volumeSizeInGb: 50 },
    outputDataConfig: { s3OutputPath: "s3://out/" },
    stoppingCondition: { maxRuntimeInSeconds: 60 },
    ...extra,
  });
const model = (extra: object) => new Model("model", { executionRoleArn: ROLE, primaryContainer: { image: "img", modelDataUrl: "s3://elsewhere/model.tar.gz" }, ...extra });

// SageMaker Model Monitor / Clarify job definitions (aws-native for Clarify's three, aws for data quality).
const ISOLATED = { enableNetworkIsolation: true, vpcConfig: { subnets: ["subnet-1"], securityGroupIds: ["sg-1"] } };
const monitorOutput = (kms: boolean) => ({
  ...(kms ? { kmsKeyId: KEY } : {}),
  monitoringOutputs: [{ s3Output: { s3Uri: "s3://results/monitoring/", localPath: "/opt/ml/processing/output" } }],
});
const cluster = (instanceType: string, volumeKey: boolean) => ({
  clusterConfig: { instanceCount: 1, instanceType, volumeSizeInGb: 30, ...(volumeKey ? { volumeKmsKeyId: KEY } : {}) },
});
const endpointInput = { endpointName: "ep", localPath: "/opt/ml/processing/input/endpoint" };
const modelQuality = (o: { net?: object; kms?: boolean; volumeKey?: boolean; instanceType?: string }) =>
  new ModelQualityJobDefinition("quality", {
    roleArn: ROLE,
    modelQualityAppSpecification: { imageUri: "analyzer", problemType: "BinaryClassification" },
    modelQualityJobInput: { endpointInput, groundTruthS3Input: { s3Uri: "s3://labels/" } },
    modelQualityJobOutputConfig: monitorOutput(o.kms ?? true),
    jobResources: cluster(o.instanceType ?? "ml.m5.xlarge", o.volumeKey ?? true),
    ...(o.net ? { networkConfig: o.net } : {}),
    tags: [{ key: "owner", value: "ml-platform" }],
  });
const modelBias = (o: { kms?: boolean; volumeKey?: boolean; instanceType?: string }) =>
  new ModelBiasJobDefinition("bias", {
    roleArn: ROLE,
    modelBiasAppSpecification: { imageUri: "clarify", configUri: "s3://cfg/analysis_config.json" },
    modelBiasJobInput: { endpointInput, groundTruthS3Input: { s3Uri: "s3://labels/" } },
    modelBiasJobOutputConfig: monitorOutput(o.kms ?? true),
    jobResources: cluster(o.instanceType ?? "ml.m5.xlarge", o.volumeKey ?? true),
    networkConfig: ISOLATED,
  });
const modelExplainability = (o: { net?: object; kms?: boolean; volumeKey?: boolean; instanceType?: string }) =>
  new ModelExplainabilityJobDefinition("explain", {
    roleArn: ROLE,
    modelExplainabilityAppSpecification: { imageUri: "clarify", configUri: "s3://cfg/analysis_config.json" },
    modelExplainabilityJobInput: { endpointInput },
    modelExplainabilityJobOutputConfig: monitorOutput(o.kms ?? true),
    jobResources: cluster(o.instanceType ?? "ml.m5.xlarge", o.volumeKey ?? true),
    ...(o.net ? { networkConfig: o.net } : { networkConfig: ISOLATED }),
  });
const dataQuality = (o: { net?: object; kms?: boolean }) =>
  new DataQualityJobDefinition("data-quality", {
    roleArn: ROLE,
    dataQualityAppSpecification: { imageUri: "analyzer" },
    dataQualityJobInput: { endpointInput: { endpointName: "ep", localPath: "/opt/ml/processing/input" } },
    dataQualityJobOutputConfig: { ...(o.kms ?? true ? { kmsKeyId: KEY } : {}), monitoringOutputs: { s3Output: { s3Uri: "s3://results/dq/", localPath: "/opt/ml/processing/output" } } },
    jobResources: cluster("ml.m5.xlarge", true),
    ...(o.net ? { networkConfig: o.net } : {}),
  });

// SageMaker Feature Store: a feature group with an online (Standard) and an offline store.
const FEATURES = { eventTimeFeatureName: "ts", recordIdentifierFeatureName: "id", featureDefinitions: [{ featureName: "id", featureType: "String" }, { featureName: "ts", featureType: "String" }] };
const featureGroup = (o: { onlineKey?: boolean; offlineKey?: boolean; storageType?: string }) =>
  new FeatureGroup("features", {
    featureGroupName: "customers",
    roleArn: ROLE,
    ...FEATURES,
    onlineStoreConfig: { enableOnlineStore: true, ...(o.storageType ? { storageType: o.storageType } : {}), ...(o.onlineKey ? { securityConfig: { kmsKeyId: KEY } } : {}) },
    offlineStoreConfig: { s3StorageConfig: { s3Uri: "s3://features/", ...(o.offlineKey ? { kmsKeyId: KEY } : {}) } },
  });
const dataSource = (key: boolean) =>
  new AgentDataSource("docs", {
    knowledgeBaseId: "KB12345678",
    name: "docs",
    dataSourceConfiguration: { type: "S3", s3Configuration: { bucketArn: "arn:aws:s3:::docs" } },
    ...(key ? { serverSideEncryptionConfiguration: { kmsKeyArn: KEY } } : {}),
  });

const domain = (extra: object) =>
  new Domain("studio", {
    domainName: "studio",
    authMode: "IAM",
    vpcId: "vpc-1",
    subnetIds: ["subnet-1"],
    defaultUserSettings: { executionRole: ROLE, securityGroups: ["sg-1"] },
    ...extra,
  });
const agent = (extra: object) =>
  new AgentAgent("agent", {
    agentName: "support",
    agentResourceRoleArn: ROLE,
    foundationModel: "amazon.nova-pro-v1:0",
    instruction: "Answer support questions from the knowledge base, politely and briefly.",
    tags: buy,
    ...extra,
  });
const GUARDRAIL = { guardrailConfigurations: [{ guardrailIdentifier: "g1", guardrailVersion: "1" }] };

/** A bucket with whichever of the secure settings are asked for. */
function bucket(opts: { block?: boolean; blockAll?: boolean; kms?: "cmk" | "aws-managed" | "none"; versioning?: boolean; publicPolicy?: boolean; acl?: string }) {
  const b = new Bucket("data", { ...(opts.acl ? { acl: opts.acl } : {}), tags: TAGS });
  if (opts.block) {
    new BucketPublicAccessBlock("data-block", { bucket: b.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: opts.blockAll ?? true });
  }
  if (opts.kms && opts.kms !== "none") {
    new BucketServerSideEncryptionConfiguration("data-sse", {
      bucket: b.id,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", ...(opts.kms === "cmk" ? { kmsMasterKeyId: KEY } : {}) } }],
    });
  }
  if (opts.versioning) new BucketVersioning("data-versioning", { bucket: b.id, versioningConfiguration: { status: "Enabled" } });
  if (opts.publicPolicy) {
    new BucketPolicy("data-policy", {
      bucket: b.id,
      policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: [{ Sid: "Everyone", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: pulumi.interpolate`${b.arn}/*` }] }),
    });
  }
  return b;
}
const secure = { block: true, kms: "cmk" as const, versioning: true };

const invokePolicy = (condition: boolean) =>
  new RolePolicy("invoke", {
    role: new Role("app", { assumeRolePolicy: "{}", tags: buy }).id,
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: ["bedrock:InvokeModel"],
          Resource: ["arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"],
          ...(condition ? { Condition: { StringEquals: { "bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:123456789012:guardrail/g1:1" } } } : {}),
        },
      ],
    }),
  });
const guardrail = (strength: string) =>
  new Guardrail("guard", {
    blockedInputMessaging: "no",
    blockedOutputsMessaging: "no",
    contentPolicyConfig: { filtersConfigs: [{ type: "HATE", inputStrength: strength, outputStrength: strength }] },
    tags: buy,
  });

const flow = (kms: boolean) =>
  new FlowDefinition("review", {
    flowDefinitionName: "review",
    roleArn: ROLE,
    humanLoopConfig: {
      humanTaskUiArn: "arn:aws:sagemaker:us-east-1:123456789012:human-task-ui/ui",
      taskCount: 1,
      taskDescription: "Check the answer",
      taskTitle: "Review",
      workteamArn: "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/reviewers",
    },
    outputConfig: { s3OutputPath: "s3://reviews/", ...(kms ? { kmsKeyId: KEY } : {}) },
  });
const runtime = (networkConfiguration: { networkMode: string; networkModeConfig?: { subnets: string[]; securityGroups: string[] } }) =>
  new AgentcoreAgentRuntime("runtime", {
    agentRuntimeName: "support",
    roleArn: ROLE,
    agentRuntimeArtifact: { containerConfiguration: { containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1" } },
    networkConfiguration,
  });
const VPC_MODE = { networkMode: "VPC", networkModeConfig: { subnets: ["subnet-1"], securityGroups: ["sg-1"] } };

const cases: PolicyCase[] = [
  {
    policy: "aws-sagemaker-notebook-no-direct-internet",
    bad: () => notebook({}),
    on: "nb",
    message: /directInternetAccess is not set \(SageMaker enables it\); expected "Disabled"/,
    good: () => notebook({ directInternetAccess: "Disabled", subnetId: "subnet-1" }),
  },
  {
    policy: "aws-sagemaker-notebook-no-root-access",
    bad: () => notebook({ rootAccess: "Enabled" }),
    on: "nb",
    message: /rootAccess is "Enabled"; expected "Disabled"/,
    good: () => notebook({ rootAccess: "Disabled" }),
  },
  {
    policy: "aws-sagemaker-notebook-kms",
    bad: () => notebook({}),
    on: "nb",
    message: /kmsKeyId is not set/,
    good: () => notebook({ kmsKeyId: KEY }),
  },
  {
    policy: "aws-sagemaker-notebook-imdsv2",
    bad: () => notebook({}),
    on: "nb",
    message: /^instanceMetadataServiceConfiguration\.minimumInstanceMetadataServiceVersion is not set \(IMDSv1 allowed\); expected "2"$/,
    good: () => notebook({ instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: "2" } }),
  },
  {
    policy: "aws-sagemaker-notebook-imdsv2",
    bad: () => notebook({ instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: "1" } }),
    on: "nb",
    message: /minimumInstanceMetadataServiceVersion is "1"; expected "2"/,
    good: () => notebook({ instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: "2" } }),
  },
  {
    policy: "aws-sagemaker-flow-definition-kms",
    bad: () => flow(false),
    on: "review",
    message: /^outputConfig\.kmsKeyId is not set; the human-review results would use an AWS-managed key$/,
    good: () => flow(true),
  },
  {
    policy: "aws-sagemaker-monitoring-job-inter-container-encryption",
    bad: () => dataQuality({ net: ISOLATED }),
    on: "data-quality",
    message: /^networkConfig\.enableInterContainerTrafficEncryption is not set \(off\); expected true$/,
    good: () => dataQuality({ net: { ...ISOLATED, enableInterContainerTrafficEncryption: true } }),
  },
  {
    policy: "aws-sagemaker-monitoring-job-inter-container-encryption",
    bad: () => modelQuality({ net: { ...ISOLATED, enableInterContainerTrafficEncryption: false } }),
    on: "quality",
    message: /networkConfig\.enableInterContainerTrafficEncryption is false; expected true/,
    good: () => modelQuality({ net: { ...ISOLATED, enableInterContainerTrafficEncryption: true } }),
  },
  {
    policy: "aws-bedrock-agentcore-not-public",
    bad: () => runtime({ networkMode: "PUBLIC" }),
    on: "runtime",
    message: /^networkConfiguration\.networkMode is "PUBLIC"; the agent runtime would reach the internet directly; expected "VPC"$/,
    good: () => runtime(VPC_MODE),
  },
  {
    // aws-native (Cloud Control): no networkConfiguration means PUBLIC.
    policy: "aws-bedrock-agentcore-not-public",
    bad: () => new Runtime("native-runtime", { agentRuntimeName: "support", roleArn: ROLE, agentRuntimeArtifact: { containerConfiguration: { containerUri: "img" } } }),
    on: "native-runtime",
    message: /networkConfiguration\.networkMode is not set \(PUBLIC\)/,
    good: () =>
      new Runtime("native-runtime", {
        agentRuntimeName: "support",
        roleArn: ROLE,
        agentRuntimeArtifact: { containerConfiguration: { containerUri: "img" } },
        networkConfiguration: { networkMode: "VPC", networkModeConfig: { subnets: ["subnet-1"], securityGroups: ["sg-1"] } },
      }),
  },
  {
    policy: "aws-bedrock-agentcore-not-public",
    bad: () => new AgentcoreCodeInterpreter("interpreter", { name: "calc", networkConfiguration: { networkMode: "PUBLIC" } }),
    on: "interpreter",
    message: /the code interpreter would reach the internet directly; expected "SANDBOX" or "VPC"/,
    good: () => new AgentcoreCodeInterpreter("interpreter", { name: "calc", networkConfiguration: { networkMode: "SANDBOX" } }),
  },
  {
    policy: "aws-sagemaker-endpoint-config-kms",
    bad: () => new EndpointConfiguration("ec", { productionVariants: [{ modelName: "m", instanceType: "ml.m5.xlarge", initialInstanceCount: 1 }] }),
    on: "ec",
    message: /kmsKeyArn is not set; the EBS storage volumes of ml\.m5\.xlarge/,
    good: () => new EndpointConfiguration("ec", { kmsKeyArn: KEY, productionVariants: [{ modelName: "m", instanceType: "ml.m5.xlarge", initialInstanceCount: 1 }] }),
  },
  {
    // Local NVMe instance storage takes no key (SageMaker refuses one); captured data still needs one.
    policy: "aws-sagemaker-endpoint-config-kms",
    bad: () =>
      new EndpointConfiguration("ec", {
        productionVariants: [{ modelName: "m", instanceType: "ml.g5.2xlarge", initialInstanceCount: 1 }],
        dataCaptureConfig: { initialSamplingPercentage: 10, destinationS3Uri: "s3://c/", captureOptions: [{ captureMode: "Input" }] },
      }),
    on: "ec",
    message: /dataCaptureConfig captures requests and responses but sets no kmsKeyId/,
    good: () =>
      new EndpointConfiguration("ec", {
        productionVariants: [{ modelName: "m", instanceType: "ml.g5.2xlarge", initialInstanceCount: 1 }],
        dataCaptureConfig: { initialSamplingPercentage: 10, destinationS3Uri: "s3://c/", kmsKeyId: KEY, captureOptions: [{ captureMode: "Input" }] },
      }),
  },
  {
    policy: "aws-sagemaker-training-job-kms",
    bad: () => trainingJob({}),
    on: "job",
    message: /resourceConfig\.volumeKmsKeyId is not set; the training volumes of ml\.m5\.xlarge/,
    good: () =>
      trainingJob({
        outputDataConfig: { s3OutputPath: "s3://out/", kmsKeyId: KEY },
        resourceConfig: { instanceType: "ml.m5.xlarge", instanceCount: 2, volumeSizeInGb: 50, volumeKmsKeyId: KEY },
      }),
  },
  {
    // Trainium's local NVMe is hardware-encrypted: only the output needs the key.
    policy: "aws-sagemaker-training-job-kms",
    bad: () => trainingJob({ resourceConfig: { instanceType: "ml.trn1.32xlarge", instanceCount: 4 } }),
    on: "job",
    message: /outputDataConfig\.kmsKeyId is not set/,
    good: () => trainingJob({ resourceConfig: { instanceType: "ml.trn1.32xlarge", instanceCount: 4 }, outputDataConfig: { s3OutputPath: "s3://out/", kmsKeyId: KEY } }),
  },
  {
    policy: "aws-sagemaker-training-job-network-isolation",
    bad: () => trainingJob({ enableNetworkIsolation: true }),
    on: "job",
    message: /vpcConfig\.subnets is empty/,
    good: () => trainingJob({ enableNetworkIsolation: true, vpcConfig: { subnets: ["subnet-1"], securityGroupIds: ["sg-1"] } }),
  },
  {
    policy: "aws-sagemaker-training-job-inter-container-encryption",
    bad: () => trainingJob({ enableInterContainerTrafficEncryption: false }),
    on: "job",
    message: /enableInterContainerTrafficEncryption is false; expected true/,
    good: () => trainingJob({ enableInterContainerTrafficEncryption: true }),
  },
  {
    policy: "aws-sagemaker-model-network-isolation",
    bad: () => model({ vpcConfig: { subnets: ["subnet-1"], securityGroupIds: ["sg-1"] } }),
    on: "model",
    message: /enableNetworkIsolation is not set \(off\); expected true/,
    good: () => model({ enableNetworkIsolation: true, vpcConfig: { subnets: ["subnet-1"], securityGroupIds: ["sg-1"] } }),
  },
  {
    // Was a false alarm: network isolation on and no VPC passes the isolation policy (the VPC is its own policy).
    policy: "aws-sagemaker-model-network-isolation",
    bad: () => model({ enableNetworkIsolation: false }),
    on: "model",
    message: /^enableNetworkIsolation is false; expected true$/,
    good: () => model({ enableNetworkIsolation: true }),
  },
  {
    policy: "aws-sagemaker-model-in-vpc",
    bad: () => model({ enableNetworkIsolation: true }),
    on: "model",
    message: /^vpcConfig\.subnets is empty; the model containers would run outside your VPC$/,
    good: () => model({ enableNetworkIsolation: true, vpcConfig: { subnets: ["subnet-1"], securityGroupIds: ["sg-1"] } }),
  },
  {
    policy: "aws-sagemaker-model-artifacts-cmk",
    bad: () => {
      const b = bucket({ block: true, kms: "aws-managed", versioning: true });
      model({ primaryContainer: { image: "img", modelDataUrl: pulumi.interpolate`s3://${b.bucket}/model.tar.gz` } });
    },
    on: "model",
    message: /model artifacts are in bucket data, which is SSE-KMS without a kmsMasterKeyId/,
    good: () => {
      const b = bucket(secure);
      model({ primaryContainer: { image: "img", modelDataUrl: pulumi.interpolate`s3://${b.bucket}/model.tar.gz` } });
    },
  },
  {
    policy: "aws-bedrock-invocation-logging",
    bad: () => {
      const provider = new Provider("aws-east", { region: "us-east-1" });
      new InferenceProfile("profile", { name: "p", modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0" }, tags: buy }, { provider });
      new InvocationLoggingConfiguration("logging", { loggingConfig: { textDataDeliveryEnabled: true, s3Config: { bucketName: "logs" } } }, { provider: new Provider("aws-west", { region: "us-west-2" }) });
    },
    on: "profile",
    message: /the stack uses Bedrock in us-east-1 but turns on no model invocation logging there/,
    good: () => {
      const provider = new Provider("aws-east", { region: "us-east-1" });
      new InferenceProfile("profile", { name: "p", modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0" }, tags: buy }, { provider });
      new InvocationLoggingConfiguration("logging", { loggingConfig: { textDataDeliveryEnabled: true, s3Config: { bucketName: "logs" } } }, { provider });
    },
  },
  {
    policy: "aws-bedrock-guardrail-attached",
    bad: () => {
      const g = guardrail("HIGH");
      new GuardrailVersion("guard-v", { guardrailArn: g.guardrailArn });
      invokePolicy(false);
    },
    on: "invoke",
    message: /statement 0 allows invoking Bedrock models without requiring a guardrail/,
    good: () => {
      const g = guardrail("HIGH");
      new GuardrailVersion("guard-v", { guardrailArn: g.guardrailArn });
      invokePolicy(true);
    },
  },
  {
    policy: "aws-bedrock-guardrail-attached",
    bad: () => {
      const g = guardrail("NONE");
      new GuardrailVersion("guard-v", { guardrailArn: g.guardrailArn });
      invokePolicy(true);
    },
    on: "guard",
    message: /set every content filter to NONE/,
    good: () => {
      const g = guardrail("MEDIUM");
      new GuardrailVersion("guard-v", { guardrailArn: g.guardrailArn });
      invokePolicy(true);
    },
  },
  {
    policy: "aws-bedrock-custom-model-cmk",
    bad: () =>
      new CustomModel("tuned", BEDROCK_CUSTOM_MODEL),
    on: "tuned",
    message: /customModelKmsKeyId is not set/,
    good: () =>
      new CustomModel("tuned", { ...BEDROCK_CUSTOM_MODEL, customModelKmsKeyId: KEY }),
  },
  {
    policy: "aws-s3-bucket-not-public",
    bad: () => bucket({ ...secure, block: false }),
    on: "data",
    message: /bucket data has no BucketPublicAccessBlock/,
    good: () => bucket(secure),
  },
  {
    policy: "aws-s3-bucket-not-public",
    bad: () => bucket({ ...secure, blockAll: false, publicPolicy: true }),
    on: "data-block",
    message: /public access block leaves restrictPublicBuckets off/,
    good: () => bucket(secure),
  },
  {
    policy: "aws-s3-bucket-not-public",
    bad: () => bucket({ ...secure, publicPolicy: true }),
    on: "data",
    message: /policy statement Everyone allows Principal "\*" without a condition/,
    good: () => bucket(secure),
  },
  {
    policy: "aws-s3-bucket-cmk",
    bad: () => bucket({ ...secure, kms: "none" }),
    on: "data",
    message: /bucket data is not configured for SSE-KMS/,
    good: () => bucket(secure),
  },
  {
    policy: "aws-s3-bucket-versioned",
    bad: () => bucket({ ...secure, versioning: false }),
    on: "data",
    message: /bucket data has no versioning/,
    good: () => bucket(secure),
  },
  {
    policy: "aws-sagemaker-monitoring-job-network-isolation",
    bad: () => modelQuality({}),
    on: "quality",
    message: /networkConfig\.enableNetworkIsolation is not set \(off\); expected true/,
    good: () => modelQuality({ net: ISOLATED }),
  },
  {
    // Isolated but outside the VPC.
    policy: "aws-sagemaker-monitoring-job-network-isolation",
    bad: () => modelExplainability({ net: { enableNetworkIsolation: true } }),
    on: "explain",
    message: /networkConfig\.vpcConfig has no subnets/,
    good: () => modelExplainability({ net: ISOLATED }),
  },
  {
    policy: "aws-sagemaker-monitoring-job-network-isolation",
    bad: () => dataQuality({ net: { enableNetworkIsolation: false, vpcConfig: ISOLATED.vpcConfig } }),
    on: "data-quality",
    message: /networkConfig\.enableNetworkIsolation is false; expected true/,
    good: () => dataQuality({ net: ISOLATED }),
  },
  {
    policy: "aws-sagemaker-monitoring-job-kms",
    bad: () => modelBias({ kms: false }),
    on: "bias",
    message: /modelBiasJobOutputConfig\.kmsKeyId is not set/,
    good: () => modelBias({}),
  },
  {
    policy: "aws-sagemaker-monitoring-job-kms",
    bad: () => modelQuality({ net: ISOLATED, volumeKey: false }),
    on: "quality",
    message: /jobResources\.clusterConfig\.volumeKmsKeyId is not set; the ml\.m5\.xlarge processing volume/,
    good: () => modelQuality({ net: ISOLATED }),
  },
  {
    // A local-NVMe instance (g5) takes no volume key; the reports still need one.
    policy: "aws-sagemaker-monitoring-job-kms",
    bad: () => modelExplainability({ instanceType: "ml.g5.xlarge", volumeKey: false, kms: false }),
    on: "explain",
    message: /^modelExplainabilityJobOutputConfig\.kmsKeyId is not set/,
    good: () => modelExplainability({ instanceType: "ml.g5.xlarge", volumeKey: false }),
  },
  {
    policy: "aws-sagemaker-monitoring-job-kms",
    bad: () => dataQuality({ net: ISOLATED, kms: false }),
    on: "data-quality",
    message: /dataQualityJobOutputConfig\.kmsKeyId is not set/,
    good: () => dataQuality({ net: ISOLATED }),
  },
  {
    policy: "aws-sagemaker-domain-vpc-only",
    bad: () => domain({ kmsKeyId: KEY }),
    on: "studio",
    message: /appNetworkAccessType is not set \(PublicInternetOnly\); expected "VpcOnly"/,
    good: () => domain({ kmsKeyId: KEY, appNetworkAccessType: "VpcOnly" }),
  },
  {
    policy: "aws-sagemaker-domain-vpc-only",
    bad: () => domain({ appNetworkAccessType: "PublicInternetOnly" }),
    on: "studio",
    message: /appNetworkAccessType is "PublicInternetOnly"/,
    good: () => domain({ appNetworkAccessType: "VpcOnly" }),
  },
  {
    policy: "aws-sagemaker-domain-kms",
    bad: () => domain({ appNetworkAccessType: "VpcOnly" }),
    on: "studio",
    message: /kmsKeyId is not set; the domain's EFS volume would use an AWS-managed key/,
    good: () => domain({ appNetworkAccessType: "VpcOnly", kmsKeyId: KEY }),
  },
  {
    policy: "aws-bedrock-agent-cmk",
    bad: () => agent(GUARDRAIL),
    on: "agent",
    message: /customerEncryptionKeyArn is not set/,
    good: () => agent({ ...GUARDRAIL, customerEncryptionKeyArn: KEY }),
  },
  {
    policy: "aws-bedrock-agent-guardrail",
    bad: () => agent({ customerEncryptionKeyArn: KEY }),
    on: "agent",
    message: /guardrailConfigurations is not set/,
    good: () => agent({ ...GUARDRAIL, customerEncryptionKeyArn: KEY }),
  },
  {
    policy: "aws-bedrock-agent-guardrail",
    bad: () => agent({ guardrailConfigurations: [{ guardrailIdentifier: "g1", guardrailVersion: "" }] }),
    on: "agent",
    message: /guardrailConfigurations\[0\]\.guardrailVersion is empty/,
    good: () => agent(GUARDRAIL),
  },
  {
    policy: "aws-iam-no-wildcard-actions",
    bad: () =>
      new RolePolicy("p", {
        role: "r",
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "All", Effect: "Allow", Action: ["s3:GetObject", "bedrock:*"], Resource: "*" }] }),
      }),
    on: "p",
    message: /statement All allows the wildcard action bedrock:\*/,
    good: () =>
      new RolePolicy("p", {
        role: "r",
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "All", Effect: "Allow", Action: ["s3:GetObject", "bedrock:InvokeModel"], Resource: "*" }] }),
      }),
  },
  {
    policy: "aws-sagemaker-endpoint-config-prod-instance-count",
    bad: () => new EndpointConfiguration("ec", { kmsKeyArn: KEY, productionVariants: [{ variantName: "primary", modelName: "m", instanceType: "ml.m5.xlarge", initialInstanceCount: 1 }] }),
    on: "ec",
    message: /^production variant "primary" has initialInstanceCount 1; expected 2 or more, in more than one Availability Zone$/,
    good: () => new EndpointConfiguration("ec", { kmsKeyArn: KEY, productionVariants: [{ variantName: "primary", modelName: "m", instanceType: "ml.m5.xlarge", initialInstanceCount: 2 }] }),
    level: "advisory",
  },
  {
    // A production stack (aitracks:environment) is judged; a serverless variant has no instances.
    policy: "aws-sagemaker-endpoint-config-prod-instance-count",
    config: { "aitracks:environment": "production" },
    bad: () =>
      new EndpointConfiguration("ec", {
        kmsKeyArn: KEY,
        productionVariants: [
          { variantName: "gpu", modelName: "m", instanceType: "ml.g5.2xlarge" },
          { variantName: "small", modelName: "m", serverlessConfig: { memorySizeInMb: 2048, maxConcurrency: 5 } },
        ],
      }),
    on: "ec",
    message: /^production variant "gpu" has initialInstanceCount not set; expected 2 or more/,
    good: () =>
      new EndpointConfiguration("ec", {
        kmsKeyArn: KEY,
        productionVariants: [
          { variantName: "gpu", modelName: "m", instanceType: "ml.g5.2xlarge", initialInstanceCount: 3 },
          { variantName: "small", modelName: "m", serverlessConfig: { memorySizeInMb: 2048, maxConcurrency: 5 } },
        ],
      }),
    level: "advisory",
  },
  {
    policy: "aws-sagemaker-feature-group-kms",
    bad: () => featureGroup({ offlineKey: true }),
    on: "features",
    message: /^onlineStoreConfig\.securityConfig\.kmsKeyId is not set; the online store would use an AWS-owned key$/,
    good: () => featureGroup({ onlineKey: true, offlineKey: true }),
  },
  {
    // An InMemory online store takes no key; the offline store still needs one.
    policy: "aws-sagemaker-feature-group-kms",
    bad: () => featureGroup({ storageType: "InMemory" }),
    on: "features",
    message: /^offlineStoreConfig\.s3StorageConfig\.kmsKeyId is not set; the offline store's S3 objects would not be encrypted with your key$/,
    good: () => featureGroup({ storageType: "InMemory", offlineKey: true }),
  },
  {
    policy: "aws-sagemaker-feature-group-kms",
    bad: () => new NativeFeatureGroup("native-features", { ...FEATURES, onlineStoreConfig: { enableOnlineStore: true }, offlineStoreConfig: { s3StorageConfig: { s3Uri: "s3://features/", kmsKeyId: KEY } } }),
    on: "native-features",
    message: /onlineStoreConfig\.securityConfig\.kmsKeyId is not set/,
    good: () =>
      new NativeFeatureGroup("native-features", {
        ...FEATURES,
        onlineStoreConfig: { enableOnlineStore: true, securityConfig: { kmsKeyId: KEY } },
        offlineStoreConfig: { s3StorageConfig: { s3Uri: "s3://features/", kmsKeyId: KEY } },
      }),
  },
  {
    policy: "aws-bedrock-data-source-cmk",
    bad: () => dataSource(false),
    on: "docs",
    message: /^serverSideEncryptionConfiguration\.kmsKeyArn is not set; ingestion data would use an AWS-owned key$/,
    good: () => dataSource(true),
  },
  {
    policy: "aws-bedrock-data-source-cmk",
    bad: () => new DataSource("native-docs", { knowledgeBaseId: "KB12345678", dataSourceConfiguration: { type: "S3", s3Configuration: { bucketArn: "arn:aws:s3:::docs" } } }),
    on: "native-docs",
    message: /serverSideEncryptionConfiguration\.kmsKeyArn is not set/,
    good: () =>
      new DataSource("native-docs", {
        knowledgeBaseId: "KB12345678",
        dataSourceConfiguration: { type: "S3", s3Configuration: { bucketArn: "arn:aws:s3:::docs" } },
        serverSideEncryptionConfiguration: { kmsKeyArn: KEY },
      }),
  },
  {
    policy: "aws-bedrock-agentcore-memory-cmk",
    bad: () => new AgentcoreMemory("memory", { name: "support", eventExpiryDuration: 30 }),
    on: "memory",
    message: /^encryptionKeyArn is not set; the agent's memory would use an AWS-owned key$/,
    good: () => new AgentcoreMemory("memory", { name: "support", eventExpiryDuration: 30, encryptionKeyArn: KEY }),
  },
  {
    policy: "aws-bedrock-agentcore-memory-cmk",
    bad: () => new Memory("native-memory", { name: "support", eventExpiryDuration: 30 }),
    on: "native-memory",
    message: /^encryptionKeyArn is not set/,
    good: () => new Memory("native-memory", { name: "support", eventExpiryDuration: 30, encryptionKeyArn: KEY }),
  },
  {
    policy: "aws-bedrock-agentcore-gateway-authorizer",
    bad: () => new AgentcoreGateway("tools", { name: "tools", roleArn: ROLE, authorizerType: "NONE", protocolType: "MCP" }),
    on: "tools",
    message: /^authorizerType is "NONE"; anyone who reaches the gateway could call the agent's tools; expected "AWS_IAM" or "CUSTOM_JWT"$/,
    good: () => new AgentcoreGateway("tools", { name: "tools", roleArn: ROLE, authorizerType: "AWS_IAM", protocolType: "MCP" }),
  },
  {
    policy: "aws-bedrock-agentcore-gateway-authorizer",
    bad: () => new Gateway("native-tools", { name: "tools", roleArn: ROLE, authorizerType: "NONE", protocolType: "MCP" }),
    on: "native-tools",
    message: /^authorizerType is "NONE"/,
    good: () =>
      new Gateway("native-tools", {
        name: "tools",
        roleArn: ROLE,
        authorizerType: "CUSTOM_JWT",
        authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: "https://login.example.com/.well-known/openid-configuration", allowedAudience: ["tools"] } },
        protocolType: "MCP",
      }),
  },
];

/** What `aws.iam.getPolicyDocument(...).json` renders: compact JSON, a single action as a string. */
const rendered = (action: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

cases.push(
  {
    // A getPolicyDocument document feeding a role policy is read like any JSON policy.
    policy: "aws-iam-no-wildcard-actions",
    bad: () => new RolePolicy("p", { role: "r", policy: rendered("dynamodb:*") }),
    on: "p",
    message: /^statement 0 allows the wildcard action dynamodb:\*; name the actions the track needs$/,
    good: () => new RolePolicy("p", { role: "r", policy: rendered("dynamodb:GetItem") }),
  },
  {
    // The same document given as an object (the SDK's PolicyDocument type).
    policy: "aws-iam-no-wildcard-actions",
    bad: () => new RolePolicy("p", { role: "r", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["dynamodb:*"], Resource: "*" }] } }),
    on: "p",
    message: /allows the wildcard action dynamodb:\*/,
    good: () => new RolePolicy("p", { role: "r", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["dynamodb:GetItem"], Resource: "*" }] } }),
  },
  {
    // A document that is not JSON cannot be judged: it fails, it does not pass.
    policy: "aws-iam-no-wildcard-actions",
    bad: () => new RolePolicy("p", { role: "r", policy: "Allow dynamodb:*" }),
    on: "p",
    message: /^the policy is not a readable IAM policy document/,
    good: () => new RolePolicy("p", { role: "r", policy: rendered("dynamodb:Query") }),
  },
);

describe("AWS guardrails", () => {
  it("aws-iam-no-wildcard-actions: a policy document known only at deploy is information, not a verdict", async () => {
    const { graph, report } = await check(() => {
      const table = new Bucket("b", {});
      new RolePolicy("p", { role: "r", policy: table.bucketRegionalDomainName.apply((d) => rendered(`s3:GetObject-${d}`)) });
    });
    expect(graph.resources.find((r) => r.name === "p")!.inputs.policy).toBe("[unknown]");
    expect(violationsOf(report, "aws-iam-no-wildcard-actions")).toEqual([]);
    const onPolicy = notesOf(report, "aws-iam-no-wildcard-actions").filter((n) => n.urn === urnOf(graph, "p"));
    expect(onPolicy.map((n) => n.reason)).toEqual([".policy is not known until deploy; the policy decides at deploy"]);
  });

  it("aws-sagemaker-endpoint-config-prod-instance-count: a stack declared staging is not judged, and says why", async () => {
    const { graph, report } = await check(
      () => new EndpointConfiguration("ec", { kmsKeyArn: KEY, productionVariants: [{ variantName: "primary", modelName: "m", instanceType: "ml.m5.xlarge", initialInstanceCount: 1 }] }),
      { config: { "aitracks:environment": "staging" } },
    );
    expect(violationsOf(report, "aws-sagemaker-endpoint-config-prod-instance-count")).toEqual([]);
    const notes = notesOf(report, "aws-sagemaker-endpoint-config-prod-instance-count").filter((n) => n.urn === urnOf(graph, "ec"));
    expect(notes.map((n) => n.reason)).toEqual(['the environment is "staging" (stack config aitracks:environment), not production']);
  });

  for (const c of cases) {
    it(`${c.policy} flags: ${c.message.source}`, () => expectViolation(c));
    it(`${c.policy} passes the fixed program (${c.message.source})`, () => expectPass(c));
  }
});
