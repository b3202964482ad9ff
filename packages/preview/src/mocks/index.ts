/**
 * Mock outputs that look like the clouds': ids, ARNs, names and endpoints by resource type, so
 * that a program's `apply`s and interpolations see realistic values. Deterministic: the same
 * program gives the same graph. One file per cloud; this one dispatches by type token.
 */
import { aws, awsNative, PREBUILT_REGISTRIES } from "./aws";
import { azureMock, azureOpenAiDynamicMock } from "./azure";
import { MOCK_ACCOUNT, MOCK_GCP_PROJECT, MOCK_GCP_PROJECT_NUMBER, MOCK_SUBSCRIPTION, MOCK_TENANT, shortHash, type MockInput } from "./common";
import { gcp } from "./gcp";

export * from "./common";

/** The id and output state a cloud would report for a new resource. */
export function mockResource(m: MockInput): { id: string; state: Record<string, unknown> } {
  const physical = typeof m.inputs.name === "string" && m.inputs.name ? m.inputs.name : `${m.name}-${shortHash(`${m.type}::${m.name}`)}`;
  const [pkg = "", mod = "", kind = ""] = m.type.split(":");
  const module = mod.split("/")[0] ?? mod;
  if (m.type.startsWith("pulumi:providers:")) return { id: `${m.name}-provider`, state: { ...m.inputs } };
  if (pkg === "aws") return aws(m, module, kind, physical);
  if (pkg === "aws-native") return awsNative(m, module, kind, physical);
  if (pkg === "gcp") return gcp(m, module, kind, physical);
  // The Vertex AI jobs the GCP tracks drive through dynamic providers (tuning, evaluation, deployments).
  if (m.type.startsWith("pulumi-nodejs:dynamic/vertex:")) return gcp(m, "vertex-dynamic", kind, physical);
  if (pkg === "azure-native") return azureMock(m, module, kind, physical);
  // The wait for a Bedrock customization job: a completed job and the custom model it produced.
  if (m.type === "pulumi-nodejs:dynamic/bedrock:CustomizationJobWait") {
    const jobArn = String(m.inputs.jobArn ?? "");
    const model = jobArn.replace(":model-customization-job/", ":custom-model/");
    return { id: jobArn || physical, state: { ...m.inputs, status: "Completed", outputModelArn: model, outputModelName: model.split("/").pop() ?? "", jobName: jobArn.split("/").pop() ?? "", failureMessage: "" } };
  }
  if (m.type.startsWith("pulumi-nodejs:dynamic/azure-openai:")) return azureOpenAiDynamicMock(m) ?? { id: physical, state: { ...m.inputs } };
  return { id: physical, state: { ...m.inputs, name: physical } };
}

/** Results of the provider functions (invokes) programs commonly call. */
export function mockCall(token: string, inputs: Record<string, unknown>, region?: string): Record<string, unknown> {
  switch (token) {
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { accountId: MOCK_ACCOUNT, arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/preview`, userId: "AIDAPREVIEW", id: MOCK_ACCOUNT };
    case "aws:index/getPartition:getPartition":
      return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" };
    case "aws:index/getRegion:getRegion":
      return { name: region ?? "us-east-1", region: region ?? "us-east-1", id: region ?? "us-east-1" };
    case "aws:ec2/getVpc:getVpc":
      return { id: "vpc-0preview", cidrBlock: "10.0.0.0/16", arn: `arn:aws:ec2:${region ?? "us-east-1"}:${MOCK_ACCOUNT}:vpc/vpc-0preview` };
    case "aws:ec2/getSubnets:getSubnets":
      return { ids: ["subnet-0preview1", "subnet-0preview2"], id: "subnets" };
    case "aws:ec2/getPrefixList:getPrefixList":
      return { id: "pl-63a5400a", prefixListId: "pl-63a5400a", name: inputs.name ?? "com.amazonaws.us-east-1.s3", cidrBlocks: ["3.5.0.0/19", "52.216.0.0/15"] };
    case "aws:index/getAvailabilityZones:getAvailabilityZones": {
      const r = (inputs.region as string | undefined) ?? region ?? "us-east-1";
      return { names: [`${r}a`, `${r}b`, `${r}c`], zoneIds: ["use1-az1", "use1-az2", "use1-az4"], groupNames: [r], region: r, id: r };
    }
    case "aws:sagemaker/getPrebuiltEcrImage:getPrebuiltEcrImage": {
      const r = (inputs.region as string | undefined) ?? region ?? "us-east-1";
      const repo = String(inputs.repositoryName ?? "sagemaker-model-monitor-analyzer");
      const registryId = PREBUILT_REGISTRIES[repo]?.[r] ?? "156813124566";
      const tag = (inputs.imageTag as string | undefined) ?? "latest";
      return { registryId, registryPath: `${registryId}.dkr.ecr.${r}.amazonaws.com/${repo}:${tag}`, repositoryName: repo, region: r, id: registryId };
    }
    case "gcp:organizations/getProject:getProject":
      return { projectId: MOCK_GCP_PROJECT, number: MOCK_GCP_PROJECT_NUMBER, name: MOCK_GCP_PROJECT, id: `projects/${MOCK_GCP_PROJECT}` };
    case "gcp:organizations/getClientConfig:getClientConfig":
      return { project: MOCK_GCP_PROJECT, region: region ?? "us-central1", accessToken: "preview-token", id: "client" };
    case "azure-native:authorization:getClientConfig":
      return { subscriptionId: MOCK_SUBSCRIPTION, tenantId: MOCK_TENANT, objectId: "55555555-5555-5555-5555-555555555555", clientId: "66666666-6666-6666-6666-666666666666" };
    default:
      return { ...inputs };
  }
}
