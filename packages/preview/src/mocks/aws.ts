/** Mock outputs for @pulumi/aws and @pulumi/aws-native resources: ARNs, ids and names by type. */
import { MOCK_ACCOUNT, lowerFirst, shortHash, type MockInput } from "./common";

/**
 * aws-native (Cloud Control) resources: the SageMaker monitoring job definitions report the
 * generated name and the ARN (their id), which the schedules that run them reference.
 */
export function awsNative(m: MockInput, module: string, kind: string, physical: string) {
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

export function aws(m: MockInput, module: string, kind: string, physical: string) {
  const region = m.region ?? "us-east-1";
  const service = module === "cloudwatch" && kind === "LogGroup" ? "logs" : module === "bedrockmodel" ? "bedrock" : module;
  const global = ["iam", "s3", "budgets"].includes(module);
  const arnBase = `arn:aws:${service}:${global ? "" : region}:${module === "s3" ? "" : MOCK_ACCOUNT}`;
  let arn = `${arnBase}:${lowerFirst(kind)}/${physical}`;
  // tagsAll: the provider's default tags under the resource's own, as the real provider reports them.
  const tags = m.inputs.tags && typeof m.inputs.tags === "object" ? (m.inputs.tags as Record<string, unknown>) : undefined;
  const state: Record<string, unknown> = { ...m.inputs, name: physical, tagsAll: m.defaultTags ? { ...m.defaultTags, ...tags } : (m.inputs.tags ?? {}) };
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

/** The accounts that publish SageMaker's prebuilt images, by repository and region (a few regions). */
export const PREBUILT_REGISTRIES: Record<string, Record<string, string>> = {
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

