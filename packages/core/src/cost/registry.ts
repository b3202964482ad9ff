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
  "aws:s3/bucket:Bucket": s3Bucket,
  "aws:kms/key:Key": kmsKey,
  "aws:cloudwatch/logGroup:LogGroup": logGroup,
  "aws:cloudwatch/metricAlarm:MetricAlarm": metricAlarm,
  "aws:ecr/repository:Repository": ecrRepository,
  "aws:ec2/vpcEndpoint:VpcEndpoint": vpcEndpoint,

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
  [DYNAMIC_RESOURCES.azureOpenAiFineTuningJob.type]: openAiFineTuningJob,
  [DYNAMIC_RESOURCES.azureOpenAiEvaluation.type]: openAiEvaluation,
};

/** The module for a type token, if one prices it. */
export function costModuleFor(type: string): CostModule | undefined {
  return Object.prototype.hasOwnProperty.call(COST_MODULES, type) ? COST_MODULES[type] : undefined;
}
