/**
 * The provider SDK resource classes the policies name, by their type tokens, so that loading the
 * pack loads none of the SDKs (@pulumi/aws, aws-native, azure-native, gcp: 126 files and
 * their CPU in every process that loads the pack). A policy reads them as it would the SDK module:
 *
 *     const { Bucket, BucketAcl } = aws.s3;
 *     on(Bucket, (bucket) => ...)            // bucket: the Unwrap'd BucketArgs
 *     r.isType(BucketAcl)
 *
 * Each is typed with its class's constructor (`on` and `validateKnown` infer the args' type from it;
 * `PolicyResource.isType` asks for a class) and holds at run time only the `__pulumiType` the policy
 * runtimes read from a class (@pulumi/policy's getPulumiType, isTypeOf in its server and in
 * @aitracks/preview's in-process engine: they call isInstance only when a class has no __pulumiType).
 * test/policies/sdk-types.test.ts loads every class named here and holds its token to the class's own.
 */
import type { Resource } from "@pulumi/pulumi";

declare const notConstructible: unique symbol;
/** A type no value has (but `any`, which PolicyResource.isType's parameter passes). */
type NotConstructible = typeof notConstructible;

/**
 * A resource class by its type token. The construct signature is there for the types only (the
 * args to infer, and the class shape PolicyResource.isType asks for): its name cannot be given, so
 * it cannot be called, and no static of the class (get, isInstance) is there.
 */
export interface ResourceType<R extends Resource = Resource, A = unknown> {
  readonly __pulumiType: string;
  new (name: NotConstructible, args: A, ...rest: NotConstructible[]): R;
}

/** The SDK modules named here, for their classes' types only (`typeof import` loads nothing). */
interface Sdk {
  "@pulumi/aws/bedrock": typeof import("@pulumi/aws/bedrock");
  "@pulumi/aws/bedrockmodel": typeof import("@pulumi/aws/bedrockmodel");
  "@pulumi/aws/iam": typeof import("@pulumi/aws/iam");
  "@pulumi/aws/s3": typeof import("@pulumi/aws/s3");
  "@pulumi/aws/sagemaker": typeof import("@pulumi/aws/sagemaker");
  "@pulumi/aws-native/bedrock": typeof import("@pulumi/aws-native/bedrock");
  "@pulumi/aws-native/bedrockagentcore": typeof import("@pulumi/aws-native/bedrockagentcore");
  "@pulumi/aws-native/sagemaker": typeof import("@pulumi/aws-native/sagemaker");
  "@pulumi/azure-native/cognitiveservices": typeof import("@pulumi/azure-native/cognitiveservices");
  "@pulumi/azure-native/machinelearningservices": typeof import("@pulumi/azure-native/machinelearningservices");
  "@pulumi/azure-native/storage": typeof import("@pulumi/azure-native/storage");
  "@pulumi/gcp/cloudfunctions": typeof import("@pulumi/gcp/cloudfunctions");
  "@pulumi/gcp/cloudfunctionsv2": typeof import("@pulumi/gcp/cloudfunctionsv2");
  "@pulumi/gcp/cloudrun": typeof import("@pulumi/gcp/cloudrun");
  "@pulumi/gcp/cloudrunv2": typeof import("@pulumi/gcp/cloudrunv2");
  "@pulumi/gcp/compute": typeof import("@pulumi/gcp/compute");
  "@pulumi/gcp/folder": typeof import("@pulumi/gcp/folder");
  "@pulumi/gcp/notebooks": typeof import("@pulumi/gcp/notebooks");
  "@pulumi/gcp/organizations": typeof import("@pulumi/gcp/organizations");
  "@pulumi/gcp/projects": typeof import("@pulumi/gcp/projects");
  "@pulumi/gcp/storage": typeof import("@pulumi/gcp/storage");
  "@pulumi/gcp/tpu": typeof import("@pulumi/gcp/tpu");
  "@pulumi/gcp/vertex": typeof import("@pulumi/gcp/vertex");
  "@pulumi/gcp/workbench": typeof import("@pulumi/gcp/workbench");
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ctor = abstract new (name: string, args: any, ...rest: any[]) => Resource;
/** The names of a module's resource classes. */
type ClassNames<M> = { [K in keyof M]: M[K] extends Ctor ? K : never }[keyof M] & string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TypeOf<C> = C extends abstract new (name: string, args: infer A, ...rest: any[]) => infer R ? (R extends Resource ? ResourceType<R, A> : never) : never;

/** One class named here: where it lives and the token it is named by. */
export interface DeclaredType {
  readonly module: keyof Sdk;
  readonly name: string;
  readonly type: string;
}
const declared: DeclaredType[] = [];
/** Every class named here, in order (what the token test walks). */
export const DECLARED_TYPES: readonly DeclaredType[] = declared;

/** The classes of one SDK module, each by its type token. */
function classes<P extends keyof Sdk, K extends ClassNames<Sdk[P]>>(module: P, tokens: Record<K, string>): { readonly [N in K]: TypeOf<Sdk[P][N]> } {
  const out: Record<string, { readonly __pulumiType: string }> = {};
  for (const [name, type] of Object.entries<string>(tokens)) {
    declared.push({ module, name, type });
    out[name] = Object.freeze({ __pulumiType: type });
  }
  return out as unknown as { readonly [N in K]: TypeOf<Sdk[P][N]> };
}

export const aws = {
  bedrock: classes("@pulumi/aws/bedrock", {
    AgentAgent: "aws:bedrock/agentAgent:AgentAgent",
    AgentDataSource: "aws:bedrock/agentDataSource:AgentDataSource",
    AgentcoreAgentRuntime: "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
    AgentcoreCodeInterpreter: "aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter",
    AgentcoreGateway: "aws:bedrock/agentcoreGateway:AgentcoreGateway",
    AgentcoreMemory: "aws:bedrock/agentcoreMemory:AgentcoreMemory",
    CustomModel: "aws:bedrock/customModel:CustomModel",
    EvaluationJob: "aws:bedrock/evaluationJob:EvaluationJob",
    Guardrail: "aws:bedrock/guardrail:Guardrail",
    GuardrailVersion: "aws:bedrock/guardrailVersion:GuardrailVersion",
    InferenceProfile: "aws:bedrock/inferenceProfile:InferenceProfile",
    ProvisionedModelThroughput: "aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput",
  }),
  bedrockmodel: classes("@pulumi/aws/bedrockmodel", {
    InvocationLoggingConfiguration: "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration",
  }),
  iam: classes("@pulumi/aws/iam", {
    GroupPolicy: "aws:iam/groupPolicy:GroupPolicy",
    Policy: "aws:iam/policy:Policy",
    Role: "aws:iam/role:Role",
    RolePolicy: "aws:iam/rolePolicy:RolePolicy",
    UserPolicy: "aws:iam/userPolicy:UserPolicy",
  }),
  s3: classes("@pulumi/aws/s3", {
    Bucket: "aws:s3/bucket:Bucket",
    BucketAcl: "aws:s3/bucketAcl:BucketAcl",
    BucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    BucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    BucketServerSideEncryptionConfiguration: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    BucketVersioning: "aws:s3/bucketVersioning:BucketVersioning",
  }),
  sagemaker: classes("@pulumi/aws/sagemaker", {
    DataQualityJobDefinition: "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition",
    Domain: "aws:sagemaker/domain:Domain",
    EndpointConfiguration: "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
    FeatureGroup: "aws:sagemaker/featureGroup:FeatureGroup",
    FlowDefinition: "aws:sagemaker/flowDefinition:FlowDefinition",
    Model: "aws:sagemaker/model:Model",
    NotebookInstance: "aws:sagemaker/notebookInstance:NotebookInstance",
    TrainingJob: "aws:sagemaker/trainingJob:TrainingJob",
  }),
};

export const awsNative = {
  bedrock: classes("@pulumi/aws-native/bedrock", {
    DataSource: "aws-native:bedrock:DataSource",
  }),
  bedrockagentcore: classes("@pulumi/aws-native/bedrockagentcore", {
    CodeInterpreterCustom: "aws-native:bedrockagentcore:CodeInterpreterCustom",
    Gateway: "aws-native:bedrockagentcore:Gateway",
    Memory: "aws-native:bedrockagentcore:Memory",
    Runtime: "aws-native:bedrockagentcore:Runtime",
  }),
  sagemaker: classes("@pulumi/aws-native/sagemaker", {
    DataQualityJobDefinition: "aws-native:sagemaker:DataQualityJobDefinition",
    FeatureGroup: "aws-native:sagemaker:FeatureGroup",
    ModelBiasJobDefinition: "aws-native:sagemaker:ModelBiasJobDefinition",
    ModelExplainabilityJobDefinition: "aws-native:sagemaker:ModelExplainabilityJobDefinition",
    ModelQualityJobDefinition: "aws-native:sagemaker:ModelQualityJobDefinition",
  }),
};

export const azureNative = {
  cognitiveservices: classes("@pulumi/azure-native/cognitiveservices", {
    Account: "azure-native:cognitiveservices:Account",
    Deployment: "azure-native:cognitiveservices:Deployment",
    RaiPolicy: "azure-native:cognitiveservices:RaiPolicy",
  }),
  machinelearningservices: classes("@pulumi/azure-native/machinelearningservices", {
    Compute: "azure-native:machinelearningservices:Compute",
    OnlineEndpoint: "azure-native:machinelearningservices:OnlineEndpoint",
    ServerlessEndpoint: "azure-native:machinelearningservices:ServerlessEndpoint",
    Workspace: "azure-native:machinelearningservices:Workspace",
  }),
  storage: classes("@pulumi/azure-native/storage", {
    StorageAccount: "azure-native:storage:StorageAccount",
  }),
};

export const gcp = {
  cloudfunctions: classes("@pulumi/gcp/cloudfunctions", {
    FunctionIamBinding: "gcp:cloudfunctions/functionIamBinding:FunctionIamBinding",
    FunctionIamMember: "gcp:cloudfunctions/functionIamMember:FunctionIamMember",
    FunctionIamPolicy: "gcp:cloudfunctions/functionIamPolicy:FunctionIamPolicy",
  }),
  cloudfunctionsv2: classes("@pulumi/gcp/cloudfunctionsv2", {
    FunctionIamBinding: "gcp:cloudfunctionsv2/functionIamBinding:FunctionIamBinding",
    FunctionIamMember: "gcp:cloudfunctionsv2/functionIamMember:FunctionIamMember",
    FunctionIamPolicy: "gcp:cloudfunctionsv2/functionIamPolicy:FunctionIamPolicy",
  }),
  cloudrun: classes("@pulumi/gcp/cloudrun", {
    IamBinding: "gcp:cloudrun/iamBinding:IamBinding",
    IamMember: "gcp:cloudrun/iamMember:IamMember",
    IamPolicy: "gcp:cloudrun/iamPolicy:IamPolicy",
  }),
  cloudrunv2: classes("@pulumi/gcp/cloudrunv2", {
    Service: "gcp:cloudrunv2/service:Service",
    ServiceIamBinding: "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding",
    ServiceIamMember: "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
    ServiceIamPolicy: "gcp:cloudrunv2/serviceIamPolicy:ServiceIamPolicy",
  }),
  compute: classes("@pulumi/gcp/compute", {
    Disk: "gcp:compute/disk:Disk",
  }),
  folder: classes("@pulumi/gcp/folder", {
    IamAuditConfig: "gcp:folder/iamAuditConfig:IamAuditConfig",
  }),
  notebooks: classes("@pulumi/gcp/notebooks", {
    Instance: "gcp:notebooks/instance:Instance",
    Runtime: "gcp:notebooks/runtime:Runtime",
  }),
  organizations: classes("@pulumi/gcp/organizations", {
    IamAuditConfig: "gcp:organizations/iamAuditConfig:IamAuditConfig",
  }),
  projects: classes("@pulumi/gcp/projects", {
    IAMAuditConfig: "gcp:projects/iAMAuditConfig:IAMAuditConfig",
    Service: "gcp:projects/service:Service",
  }),
  storage: classes("@pulumi/gcp/storage", {
    Bucket: "gcp:storage/bucket:Bucket",
    BucketIAMBinding: "gcp:storage/bucketIAMBinding:BucketIAMBinding",
    BucketIAMMember: "gcp:storage/bucketIAMMember:BucketIAMMember",
  }),
  tpu: classes("@pulumi/gcp/tpu", {
    V2QueuedResource: "gcp:tpu/v2QueuedResource:V2QueuedResource",
    V2Vm: "gcp:tpu/v2Vm:V2Vm",
  }),
  vertex: classes("@pulumi/gcp/vertex", {
    AiDataset: "gcp:vertex/aiDataset:AiDataset",
    AiEndpoint: "gcp:vertex/aiEndpoint:AiEndpoint",
    AiEndpointWithModelGardenDeployment: "gcp:vertex/aiEndpointWithModelGardenDeployment:AiEndpointWithModelGardenDeployment",
    AiEvaluationMetric: "gcp:vertex/aiEvaluationMetric:AiEvaluationMetric",
    AiFeatureOnlineStore: "gcp:vertex/aiFeatureOnlineStore:AiFeatureOnlineStore",
    AiFeatureStore: "gcp:vertex/aiFeatureStore:AiFeatureStore",
    AiIndex: "gcp:vertex/aiIndex:AiIndex",
    AiIndexEndpoint: "gcp:vertex/aiIndexEndpoint:AiIndexEndpoint",
    AiMetadataStore: "gcp:vertex/aiMetadataStore:AiMetadataStore",
    AiModelGardenEnableModel: "gcp:vertex/aiModelGardenEnableModel:AiModelGardenEnableModel",
    AiPersistentResource: "gcp:vertex/aiPersistentResource:AiPersistentResource",
    AiReasoningEngine: "gcp:vertex/aiReasoningEngine:AiReasoningEngine",
    AiSchedule: "gcp:vertex/aiSchedule:AiSchedule",
    AiTensorboard: "gcp:vertex/aiTensorboard:AiTensorboard",
  }),
  workbench: classes("@pulumi/gcp/workbench", {
    Instance: "gcp:workbench/instance:Instance",
  }),
};
