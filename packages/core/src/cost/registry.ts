import { DYNAMIC_RESOURCES, trackComponentType } from "../identity";
import type { CostModule } from "./module";
import { autoscalingTarget } from "./resources/aws/autoscaling-target";
import { customModel } from "./resources/aws/custom-model";
import { ecrRepository } from "./resources/aws/ecr-repository";
import { endpointConfiguration } from "./resources/aws/endpoint-configuration";
import { evaluationJob } from "./resources/aws/evaluation-job";
import { inferenceProfile } from "./resources/aws/inference-profile";
import { kmsKey } from "./resources/aws/kms-key";
import { logGroup } from "./resources/aws/log-group";
import { metricAlarm } from "./resources/aws/metric-alarm";
import { mlflowTrackingServer } from "./resources/aws/mlflow-tracking-server";
import { monitoringSchedule } from "./resources/aws/monitoring-schedule";
import { notebookInstance } from "./resources/aws/notebook-instance";
import { provisionedModelThroughput } from "./resources/aws/provisioned-model-throughput";
import { s3Bucket } from "./resources/aws/s3-bucket";
import { trainingJob } from "./resources/aws/training-job";
import { keyVaultKey } from "./resources/azure/key-vault-key";
import { logAnalyticsWorkspace } from "./resources/azure/log-analytics";
import { mlCompute } from "./resources/azure/ml-compute";
import { onlineDeployment } from "./resources/azure/online-deployment";
import { openAiDeployment } from "./resources/azure/openai-deployment";
import { privateEndpoint } from "./resources/azure/private-endpoint";
import { serverlessEndpoint } from "./resources/azure/serverless-endpoint";
import { storageAccount } from "./resources/azure/storage-account";
import { artifactRegistryRepository } from "./resources/gcp/artifact-registry";
import { deploymentResourcePool } from "./resources/gcp/deployment-resource-pool";
import { endpointWithModelGardenDeployment } from "./resources/gcp/endpoint-model-garden";
import { kmsCryptoKey } from "./resources/gcp/kms-crypto-key";
import { persistentResource } from "./resources/gcp/persistent-resource";
import { storageBucket } from "./resources/gcp/storage-bucket";
import { tensorboard } from "./resources/gcp/tensorboard";
import { tpuVm } from "./resources/gcp/tpu-vm";
import { tpuQueuedResource } from "./resources/gcp/tpu-queued-resource";
import { vpcEndpoint } from "./resources/aws/vpc-endpoint";
import { modelGardenTokens } from "./resources/gcp/model-garden";
import { vertexTuningJob } from "./resources/gcp/tuning-job";
import { vertexEvaluationRun } from "./resources/gcp/evaluation-run";
import { vertexDeployedModel } from "./resources/gcp/deployed-model";
import { openAiFineTuningJob } from "./resources/azure/fine-tuning-job";
import { openAiEvaluation } from "./resources/azure/openai-evaluation";
import { mlJob } from "./resources/azure/ml-job";
import { mlSchedule } from "./resources/azure/ml-schedule";
import { autoscaleSetting } from "./resources/azure/autoscale-setting";
import { armDeployment } from "./resources/azure/arm-deployment";
import { privateDnsZone } from "./resources/azure/private-dns-zone";
import { agentcoreRuntime } from "./resources/aws/agentcore-runtime";
import { guardrail } from "./resources/aws/guardrail";
import { apiGatewayRest, apiGatewayV2 } from "./resources/aws/api-gateway";
import { dynamodbTable } from "./resources/aws/dynamodb-table";
import { ebsVolume } from "./resources/aws/ebs-volume";
import { ec2Instance } from "./resources/aws/ec2-instance";
import { ecsService } from "./resources/aws/ecs-service";
import { elasticIp } from "./resources/aws/eip";
import { elasticacheCluster, elasticacheReplicationGroup } from "./resources/aws/elasticache";
import { lambdaFunction } from "./resources/aws/lambda-function";
import { loadBalancer } from "./resources/aws/load-balancer";
import { natGateway } from "./resources/aws/nat-gateway";
import { rdsClusterInstance, rdsInstance } from "./resources/aws/rds";
import { secretsManagerSecret } from "./resources/aws/secret";
import { cloudFunctionV1, cloudFunctionV2 } from "./resources/gcp/cloud-functions";
import { cloudRunV1Service, cloudRunV2Service } from "./resources/gcp/cloud-run";
import { cloudSqlInstance } from "./resources/gcp/cloud-sql";
import { reasoningEngine } from "./resources/gcp/reasoning-engine";
import { appServicePlan } from "./resources/azure/app-service-plan";
import { containerApp } from "./resources/azure/container-app";
import { searchService } from "./resources/azure/search-service";
import { synapseSparkPool, synapseSqlPool } from "./resources/azure/synapse";

/**
 * The cost registry: Pulumi type token -> the module that prices it. One flat table, like
 * infracost's; adding a resource type is one module file and one line here. Free types are in
 * free.ts; anything else is unpriced.
 */
export const COST_MODULES: Readonly<Record<string, CostModule>> = {
  // ---- AWS
  "aws:sagemaker/endpointConfiguration:EndpointConfiguration": endpointConfiguration,
  "aws:sagemaker/trainingJob:TrainingJob": trainingJob,
  "aws:sagemaker/notebookInstance:NotebookInstance": notebookInstance,
  "aws:sagemaker/mlflowTrackingServer:MlflowTrackingServer": mlflowTrackingServer,
  "aws:sagemaker/monitoringSchedule:MonitoringSchedule": monitoringSchedule,
  "aws:appautoscaling/target:Target": autoscalingTarget,
  "aws:bedrock/inferenceProfile:InferenceProfile": inferenceProfile,
  "aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput": provisionedModelThroughput,
  "aws:bedrock/customModel:CustomModel": customModel,
  "aws:bedrock/evaluationJob:EvaluationJob": evaluationJob,
  "aws:bedrock/guardrail:Guardrail": guardrail,
  "aws:s3/bucket:Bucket": s3Bucket,
  "aws:kms/key:Key": kmsKey,
  "aws:cloudwatch/logGroup:LogGroup": logGroup,
  "aws:cloudwatch/metricAlarm:MetricAlarm": metricAlarm,
  "aws:ecr/repository:Repository": ecrRepository,
  "aws:ec2/vpcEndpoint:VpcEndpoint": vpcEndpoint,
  // Common resources beside the AI services
  "aws:ec2/instance:Instance": ec2Instance,
  "aws:ebs/volume:Volume": ebsVolume,
  "aws:ec2/eip:Eip": elasticIp,
  "aws:lb/loadBalancer:LoadBalancer": loadBalancer,
  "aws:alb/loadBalancer:LoadBalancer": loadBalancer,
  "aws:ec2/natGateway:NatGateway": natGateway,
  "aws:ecs/service:Service": ecsService,
  "aws:lambda/function:Function": lambdaFunction,
  "aws:dynamodb/table:Table": dynamodbTable,
  "aws:secretsmanager/secret:Secret": secretsManagerSecret,
  "aws:rds/instance:Instance": rdsInstance,
  "aws:rds/clusterInstance:ClusterInstance": rdsClusterInstance,
  "aws:elasticache/cluster:Cluster": elasticacheCluster,
  "aws:elasticache/replicationGroup:ReplicationGroup": elasticacheReplicationGroup,
  "aws:apigatewayv2/api:Api": apiGatewayV2,
  "aws:apigateway/restApi:RestApi": apiGatewayRest,
  "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime": agentcoreRuntime,

  // ---- GCP
  "gcp:vertex/aiEndpointWithModelGardenDeployment:AiEndpointWithModelGardenDeployment": endpointWithModelGardenDeployment,
  "gcp:vertex/aiDeploymentResourcePool:AiDeploymentResourcePool": deploymentResourcePool,
  "gcp:vertex/aiPersistentResource:AiPersistentResource": persistentResource,
  "gcp:vertex/aiTensorboard:AiTensorboard": tensorboard,
  "gcp:tpu/v2Vm:V2Vm": tpuVm,
  "gcp:tpu/v2QueuedResource:V2QueuedResource": tpuQueuedResource,
  "gcp:storage/bucket:Bucket": storageBucket,
  "gcp:kms/cryptoKey:CryptoKey": kmsCryptoKey,
  "gcp:artifactregistry/repository:Repository": artifactRegistryRepository,
  [trackComponentType("gcp", "buy")]: modelGardenTokens,
  [DYNAMIC_RESOURCES.vertexTuningJob.type]: vertexTuningJob,
  [DYNAMIC_RESOURCES.vertexEvaluationRun.type]: vertexEvaluationRun,
  [DYNAMIC_RESOURCES.vertexDeployedModel.type]: vertexDeployedModel,
  "gcp:cloudrunv2/service:Service": cloudRunV2Service,
  "gcp:cloudrun/service:Service": cloudRunV1Service,
  "gcp:cloudfunctions/function:Function": cloudFunctionV1,
  "gcp:cloudfunctionsv2/function:Function": cloudFunctionV2,
  "gcp:sql/databaseInstance:DatabaseInstance": cloudSqlInstance,
  "gcp:vertex/aiReasoningEngine:AiReasoningEngine": reasoningEngine,

  // ---- Azure
  "azure-native:cognitiveservices:Deployment": openAiDeployment,
  "azure-native:machinelearningservices:Compute": mlCompute,
  "azure-native:machinelearningservices:OnlineDeployment": onlineDeployment,
  "azure-native:machinelearningservices:ServerlessEndpoint": serverlessEndpoint,
  "azure-native:storage:StorageAccount": storageAccount,
  "azure-native:keyvault:Key": keyVaultKey,
  "azure-native:network:PrivateEndpoint": privateEndpoint,
  "azure-native:operationalinsights:Workspace": logAnalyticsWorkspace,
  "azure-native:machinelearningservices:Job": mlJob,
  "azure-native:machinelearningservices:Schedule": mlSchedule,
  "azure-native:monitor:AutoscaleSetting": autoscaleSetting,
  "azure-native:insights:AutoscaleSetting": autoscaleSetting,
  "azure-native:resources:Deployment": armDeployment,
  "azure-native:privatedns:PrivateZone": privateDnsZone,
  "azure-native:network:PrivateZone": privateDnsZone,
  "azure-native:web:AppServicePlan": appServicePlan,
  "azure-native:search:Service": searchService,
  "azure-native:synapse:SqlPool": synapseSqlPool,
  "azure-native:synapse:BigDataPool": synapseSparkPool,
  "azure-native:app:ContainerApp": containerApp,
  [DYNAMIC_RESOURCES.azureOpenAiFineTuningJob.type]: openAiFineTuningJob,
  [DYNAMIC_RESOURCES.azureOpenAiEvaluation.type]: openAiEvaluation,
};

/** The module for a type token, if one prices it. */
export function costModuleFor(type: string): CostModule | undefined {
  return Object.prototype.hasOwnProperty.call(COST_MODULES, type) ? COST_MODULES[type] : undefined;
}
