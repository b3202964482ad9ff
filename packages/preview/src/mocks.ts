/**
 * Mock outputs that look like the clouds': ids, ARNs, names and endpoints by resource type, so
 * that a program's `apply`s and interpolations see realistic values. Deterministic: the same
 * program gives the same graph.
 */
import { azureMock, azureOpenAiDynamicMock } from "./mocks-azure";

export const MOCK_ACCOUNT = "123456789012";
export const MOCK_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
export const MOCK_TENANT = "11111111-1111-1111-1111-111111111111";
export const MOCK_GCP_PROJECT = "aitracks-preview";
export const MOCK_GCP_PROJECT_NUMBER = "123456789012";

/** Short stable hex of a string (FNV-1a), as the suffix Pulumi's auto-naming adds. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0").slice(0, 7);
}

export interface MockInput {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  /** The region or location of the resource's provider, when known. */
  readonly region?: string | undefined;
  readonly project?: string | undefined;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

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

/**
 * aws-native (Cloud Control) resources: the SageMaker monitoring job definitions report the
 * generated name and the ARN (their id), which the schedules that run them reference.
 */
function awsNative(m: MockInput, module: string, kind: string, physical: string) {
  const region = m.region ?? "us-east-1";
  const state: Record<string, unknown> = { ...m.inputs };
  let id = physical;
  if (module === "sagemaker" && kind.endsWith("JobDefinition")) {
    const name = String(m.inputs.jobDefinitionName ?? physical);
    const resource = kind.replace(/[A-Z]/g, (c, i: number) => (i ? "-" : "") + c.toLowerCase());
    id = `arn:aws:sagemaker:${region}:${MOCK_ACCOUNT}:${resource}/${name}`;
    Object.assign(state, { jobDefinitionName: name, jobDefinitionArn: id, creationTime: "2026-11-29T00:00:00Z" });
  }
  return { id, state };
}

function aws(m: MockInput, module: string, kind: string, physical: string) {
  const region = (m.inputs.region as string | undefined) ?? m.region ?? "us-east-1";
  const service = module === "cloudwatch" && kind === "LogGroup" ? "logs" : module === "bedrockmodel" ? "bedrock" : module;
  const global = ["iam", "s3", "budgets"].includes(module);
  const arnBase = `arn:aws:${service}:${global ? "" : region}:${module === "s3" ? "" : MOCK_ACCOUNT}`;
  let arn = `${arnBase}:${lowerFirst(kind)}/${physical}`;
  const state: Record<string, unknown> = { ...m.inputs, name: physical, tagsAll: m.inputs.tags ?? {} };
  let id = physical;
  switch (`${module}:${kind}`) {
    case "s3:Bucket":
      arn = `arn:aws:s3:::${physical}`;
      Object.assign(state, { bucket: physical, bucketDomainName: `${physical}.s3.amazonaws.com`, region });
      break;
    case "kms:Key":
      id = `${shortHash(physical)}-0000-4000-8000-${shortHash(`${physical}k`)}00000`;
      arn = `arn:aws:kms:${region}:${MOCK_ACCOUNT}:key/${id}`;
      state.keyId = id;
      break;
    case "iam:Role":
      arn = `arn:aws:iam::${MOCK_ACCOUNT}:role/${physical}`;
      state.uniqueId = `AROA${shortHash(physical).toUpperCase()}`;
      break;
    case "cloudwatch:LogGroup":
      arn = `arn:aws:logs:${region}:${MOCK_ACCOUNT}:log-group:${physical}`;
      break;
    case "sns:Topic":
      arn = `arn:aws:sns:${region}:${MOCK_ACCOUNT}:${physical}`;
      break;
    case "bedrock:Guardrail": {
      const gid = shortHash(physical) + "abcde";
      arn = `arn:aws:bedrock:${region}:${MOCK_ACCOUNT}:guardrail/${gid}`;
      Object.assign(state, { guardrailArn: arn, guardrailId: gid, version: "DRAFT", status: "READY" });
      break;
    }
    case "bedrock:GuardrailVersion":
      state.version = "1";
      break;
    case "bedrock:InferenceProfile":
      arn = `arn:aws:bedrock:${region}:${MOCK_ACCOUNT}:application-inference-profile/${shortHash(physical)}xyz`;
      break;
    case "bedrock:CustomModel":
      Object.assign(state, { customModelArn: `arn:aws:bedrock:${region}:${MOCK_ACCOUNT}:custom-model/${physical}`, jobArn: `arn:aws:bedrock:${region}:${MOCK_ACCOUNT}:model-customization-job/${physical}` });
      break;
    case "bedrock:ProvisionedModelThroughput":
      state.provisionedModelArn = `arn:aws:bedrock:${region}:${MOCK_ACCOUNT}:provisioned-model/${shortHash(physical)}`;
      break;
    case "sagemaker:Endpoint":
      state.endpointName = physical;
      break;
    case "ecr:Repository":
      state.repositoryUrl = `${MOCK_ACCOUNT}.dkr.ecr.${region}.amazonaws.com/${physical}`;
      break;
    // SageMaker, EC2 and Bedrock resources of the build, fine-tune, serving and evaluation tracks.
    case "sagemaker:EndpointConfiguration":
      arn = `arn:aws:sagemaker:${region}:${MOCK_ACCOUNT}:endpoint-config/${physical}`;
      break;
    case "sagemaker:TrainingJob":
      arn = `arn:aws:sagemaker:${region}:${MOCK_ACCOUNT}:training-job/${String(m.inputs.trainingJobName ?? physical)}`;
      break;
    case "sagemaker:ModelPackageGroup":
      arn = `arn:aws:sagemaker:${region}:${MOCK_ACCOUNT}:model-package-group/${String(m.inputs.modelPackageGroupName ?? physical)}`;
      break;
    case "sagemaker:MlflowTrackingServer": {
      const server = String(m.inputs.trackingServerName ?? physical);
      arn = `arn:aws:sagemaker:${region}:${MOCK_ACCOUNT}:mlflow-tracking-server/${server}`;
      state.trackingServerUrl = `https://t-${shortHash(server)}.${region}.experiments.sagemaker.aws`;
      break;
    }
    case "sagemaker:DataQualityJobDefinition":
      arn = `arn:aws:sagemaker:${region}:${MOCK_ACCOUNT}:data-quality-job-definition/${physical}`;
      break;
    case "sagemaker:MonitoringSchedule":
      arn = `arn:aws:sagemaker:${region}:${MOCK_ACCOUNT}:monitoring-schedule/${physical}`;
      break;
    case "sagemaker:Workteam":
      arn = `arn:aws:sagemaker:${region}:${MOCK_ACCOUNT}:workteam/private-crowd/${String(m.inputs.workteamName ?? physical)}`;
      state.subdomain = `${shortHash(physical)}.labeling.${region}.sagemaker.aws`;
      break;
    case "bedrock:EvaluationJob":
      arn = `arn:aws:bedrock:${region}:${MOCK_ACCOUNT}:evaluation-job/${shortHash(String(m.inputs.jobName ?? physical))}xyz`;
      Object.assign(state, { jobArn: arn, status: "InProgress" });
      break;
    case "ec2:Vpc":
      id = `vpc-0${shortHash(physical)}${shortHash(`${physical}v`)}`.slice(0, 21);
      arn = `arn:aws:ec2:${region}:${MOCK_ACCOUNT}:vpc/${id}`;
      break;
    case "ec2:Subnet":
      id = `subnet-0${shortHash(physical)}${shortHash(`${physical}s`)}`.slice(0, 24);
      arn = `arn:aws:ec2:${region}:${MOCK_ACCOUNT}:subnet/${id}`;
      break;
    case "ec2:SecurityGroup":
      id = `sg-0${shortHash(physical)}${shortHash(`${physical}g`)}`.slice(0, 20);
      arn = `arn:aws:ec2:${region}:${MOCK_ACCOUNT}:security-group/${id}`;
      break;
    case "ec2:RouteTable":
      id = `rtb-0${shortHash(physical)}${shortHash(`${physical}r`)}`.slice(0, 21);
      break;
    case "ec2:VpcEndpoint":
      id = `vpce-0${shortHash(physical)}${shortHash(`${physical}e`)}`.slice(0, 22);
      if (m.inputs.vpcEndpointType === "Gateway") state.prefixListId = `pl-${shortHash(physical)}`;
      break;
  }
  state.arn = arn;
  state.id = id;
  return { id, state };
}

function gcp(m: MockInput, module: string, kind: string, physical: string) {
  const project = (m.inputs.project as string | undefined) ?? m.project ?? MOCK_GCP_PROJECT;
  const location = (m.inputs.region as string | undefined) ?? (m.inputs.location as string | undefined) ?? m.region ?? "us-central1";
  const collection = `${lowerFirst(kind)}s`;
  let id = `projects/${project}/locations/${location}/${collection}/${physical}`;
  const state: Record<string, unknown> = { ...m.inputs, name: physical, project, effectiveLabels: m.inputs.labels ?? {} };
  switch (`${module}:${kind}`) {
    case "serviceaccount:Account":
      id = `projects/${project}/serviceAccounts/${physical}@${project}.iam.gserviceaccount.com`;
      state.email = `${m.inputs.accountId ?? physical}@${project}.iam.gserviceaccount.com`;
      state.member = `serviceAccount:${state.email}`;
      break;
    case "kms:KeyRing":
      id = `projects/${project}/locations/${location}/keyRings/${physical}`;
      break;
    case "kms:CryptoKey":
      id = `${String(m.inputs.keyRing ?? `projects/${project}/locations/${location}/keyRings/ring`)}/cryptoKeys/${physical}`;
      break;
    case "storage:Bucket":
      id = physical;
      Object.assign(state, { url: `gs://${physical}`, selfLink: `https://www.googleapis.com/storage/v1/b/${physical}` });
      break;
    case "vertex:AiEndpoint":
      state.name = String(m.inputs.name ?? numericId(physical));
      id = `projects/${project}/locations/${location}/endpoints/${String(state.name)}`;
      break;
    case "projects:Service":
      id = `${project}/${String(m.inputs.service ?? physical)}`;
      break;
    // Vertex AI resources are named by a numeric id the service assigns.
    case "vertex:AiEndpointWithModelGardenDeployment":
      id = `projects/${project}/locations/${location}/endpoints/${numericId(physical)}`;
      Object.assign(state, { endpoint: numericId(physical), deployedModelId: numericId(`${physical}dm`), deployedModelDisplayName: physical });
      break;
    case "vertex:AiEvaluationMetric":
      id = `projects/${project}/locations/${location}/evaluationMetrics/${String(m.inputs.evaluationMetricId ?? numericId(physical))}`;
      state.name = id;
      break;
    case "vertex:AiTensorboard":
      id = `projects/${MOCK_GCP_PROJECT_NUMBER}/locations/${location}/tensorboards/${numericId(physical)}`;
      state.name = id;
      break;
    case "vertex:AiPersistentResource":
      id = `projects/${project}/locations/${location}/persistentResources/${physical}`;
      break;
    case "projects:IAMCustomRole":
      id = `projects/${project}/roles/${String(m.inputs.roleId ?? physical)}`;
      state.name = id;
      break;
    case "artifactregistry:Repository":
      id = `projects/${project}/locations/${location}/repositories/${String(m.inputs.repositoryId ?? physical)}`;
      Object.assign(state, { name: m.inputs.repositoryId ?? physical, registryUri: `${location}-docker.pkg.dev/${project}/${String(m.inputs.repositoryId ?? physical)}` });
      break;
    case "compute:Network":
      id = `projects/${project}/global/networks/${physical}`;
      state.selfLink = `https://www.googleapis.com/compute/v1/${id}`;
      break;
    case "compute:Subnetwork":
      id = `projects/${project}/regions/${location}/subnetworks/${physical}`;
      state.selfLink = `https://www.googleapis.com/compute/v1/${id}`;
      break;
    case "compute:GlobalAddress":
      id = `projects/${project}/global/addresses/${physical}`;
      break;
    case "parametermanager:RegionalParameter":
      id = `projects/${project}/locations/${location}/parameters/${String(m.inputs.parameterId ?? physical)}`;
      state.name = id;
      break;
    case "bigquery:Dataset":
      id = `projects/${project}/datasets/${String(m.inputs.datasetId ?? physical)}`;
      break;
    case "bigquery:Table":
      id = `projects/${project}/datasets/${String(m.inputs.datasetId ?? "dataset")}/tables/${String(m.inputs.tableId ?? physical)}`;
      break;
    case "monitoring:NotificationChannel":
      id = `projects/${project}/notificationChannels/${numericId(physical)}`;
      state.name = id;
      break;
    case "vertex-dynamic:TuningJob": {
      const n = numericId(physical);
      id = `projects/${project}/locations/${location}/tuningJobs/${n}`;
      Object.assign(state, {
        jobName: id,
        state: "JOB_STATE_SUCCEEDED",
        tunedModelName: `projects/${MOCK_GCP_PROJECT_NUMBER}/locations/${location}/models/${numericId(`${physical}m`)}@1`,
        tunedModelEndpoint: `projects/${MOCK_GCP_PROJECT_NUMBER}/locations/${location}/endpoints/${numericId(`${physical}e`)}`,
        experiment: `projects/${MOCK_GCP_PROJECT_NUMBER}/locations/${location}/metadataStores/default/contexts/tuning-experiment-${n}`,
        createTime: "2026-11-01T00:00:00Z",
      });
      state.name = physical;
      break;
    }
    case "vertex-dynamic:EvaluationRun":
      id = `projects/${project}/locations/${location}/evaluationRuns/${numericId(physical)}`;
      Object.assign(state, { runName: id, state: "SUCCEEDED", summaryMetrics: "", createTime: "2026-11-01T00:00:00Z" });
      break;
    case "vertex-dynamic:DeployedModel": {
      const dm = numericId(physical);
      id = `${String(m.inputs.endpoint ?? `projects/${project}/locations/${location}/endpoints/1`)}/deployedModels/${dm}`;
      state.deployedModelId = dm;
      break;
    }
    case "billing:Budget":
      id = `billingAccounts/${String(m.inputs.billingAccount ?? "000000-000000-000000")}/budgets/${shortHash(physical)}-budget`;
      state.name = id;
      break;
  }
  state.id = id;
  state.selfLink ??= `https://${module}.googleapis.com/v1/${id}`;
  return { id, state };
}

/** A stable numeric id (Vertex AI names endpoints and tensorboards by number). */
function numericId(s: string): string {
  return String(parseInt(shortHash(s), 16) + 1_000_000_000);
}

/** The accounts that publish SageMaker's prebuilt images, by repository and region (a few regions). */
const PREBUILT_REGISTRIES: Record<string, Record<string, string>> = {
  "sagemaker-model-monitor-analyzer": {
    "us-east-1": "156813124566",
    "us-east-2": "777275614652",
    "us-west-2": "159807026194",
    "eu-west-1": "468650794304",
    "eu-central-1": "048819808253",
  },
  "sagemaker-clarify-processing": {
    "us-east-1": "205585389593",
    "us-east-2": "211330385671",
    "us-west-2": "306415355426",
    "eu-west-1": "131013547314",
    "eu-central-1": "017069133835",
  },
};

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
