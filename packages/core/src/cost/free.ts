/**
 * Resource types that cost nothing by themselves, each with the reason. Together with the
 * registry (registry.ts) this is the whole list of what the cost model knows: a type in
 * neither is reported as unpriced, never counted as zero in silence.
 */
export const FREE: Readonly<Record<string, string>> = {
  // ---- AWS
  "aws:kms/alias:Alias": "an alias of a key; the key is priced",
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": "bucket setting",
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": "bucket setting",
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": "bucket setting (KMS requests with bucket keys are negligible)",
  "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": "bucket setting",
  "aws:s3/bucketVersioning:BucketVersioning": "bucket setting (old versions count as the bucket's storage)",
  "aws:s3/bucketVersioningV2:BucketVersioningV2": "bucket setting",
  "aws:s3/bucketPolicy:BucketPolicy": "access policy",
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": "bucket setting",
  "aws:s3/bucketLogging:BucketLogging": "bucket setting (the log bucket is priced)",
  "aws:s3/bucketNotification:BucketNotification": "bucket setting",
  "aws:sns/topic:Topic": "alert topic: a few notifications a month are within SNS's free tier",
  "aws:sns/topicPolicy:TopicPolicy": "access policy",
  "aws:sns/topicSubscription:TopicSubscription": "subscription; email notifications within the free tier",
  "aws:budgets/budget:Budget": "AWS Budgets: the first two budgets of an account are free, alert-only budgets cost nothing",
  "aws:ssm/parameter:Parameter": "standard-tier parameter",
  "aws:bedrock/guardrail:Guardrail": "no fixed fee; the text it checks is billed per text unit (see UNCOUNTED_USAGE)",
  "aws:bedrock/guardrailVersion:GuardrailVersion": "a published version of the guardrail",
  "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration": "a setting; the logs are priced where they land (bucket, log group)",
  "aws:sagemaker/endpoint:Endpoint": "billed through its endpoint configuration's instances",
  "aws:sagemaker/model:Model": "a model definition; billed through the endpoints and jobs that run it",
  "aws:sagemaker/modelPackageGroup:ModelPackageGroup": "model registry entry",
  "aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy": "access policy",
  "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition": "billed through the monitoring schedule that runs it",
  "aws-native:sagemaker:DataQualityJobDefinition": "billed through the monitoring schedule that runs it",
  "aws-native:sagemaker:ModelQualityJobDefinition": "billed through the monitoring schedule that runs it",
  "aws-native:sagemaker:ModelBiasJobDefinition": "billed through the monitoring schedule that runs it",
  "aws-native:sagemaker:ModelExplainabilityJobDefinition": "billed through the monitoring schedule that runs it",
  "aws:sagemaker/workteam:Workteam": "a private workforce team; labelling is billed per object labelled",
  "aws:sagemaker/workforce:Workforce": "a private workforce",
  "aws:sagemaker/codeRepository:CodeRepository": "a repository link",
  "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration": "a script",
  "aws:sagemaker/humanTaskUI:HumanTaskUI": "a template",
  "aws:sagemaker/flowDefinition:FlowDefinition": "a human-review workflow definition",
  "aws:appautoscaling/policy:Policy": "a scaling rule; the scaled instances are priced",
  "aws:ecr/repositoryPolicy:RepositoryPolicy": "access policy",
  "aws:ecr/lifecyclePolicy:LifecyclePolicy": "a setting (it keeps image storage down)",
  "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": "access policy",
  "aws:cloudwatch/dashboard:Dashboard": "the first three dashboards of an account are free",
  "aws:ec2/vpc:Vpc": "network; no hourly fee",
  "aws:ec2/subnet:Subnet": "network; no hourly fee",
  "aws:ec2/securityGroup:SecurityGroup": "firewall rules",
  "aws:ec2/routeTable:RouteTable": "routing",
  "aws:ec2/routeTableAssociation:RouteTableAssociation": "routing",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "firewall rule",
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "firewall rule",

  // ---- GCP
  "gcp:projects/service:Service": "enables an API",
  "gcp:serviceaccount/account:Account": "identity",
  "gcp:serviceaccount/iAMMember:IAMMember": "access binding",
  "gcp:serviceaccount/iAMBinding:IAMBinding": "access binding",
  "gcp:projects/iAMMember:IAMMember": "access binding",
  "gcp:projects/iAMBinding:IAMBinding": "access binding",
  "gcp:projects/iAMAuditConfig:IAMAuditConfig": "audit log setting (Data Access logs within Cloud Logging's free allotment at these volumes)",
  "gcp:projects/serviceIdentity:ServiceIdentity": "a service agent",
  "gcp:kms/keyRing:KeyRing": "a container of keys; the keys are priced",
  "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember": "access binding",
  "gcp:kms/cryptoKeyIAMBinding:CryptoKeyIAMBinding": "access binding",
  "gcp:storage/bucketIAMMember:BucketIAMMember": "access binding",
  "gcp:storage/bucketIAMBinding:BucketIAMBinding": "access binding",
  "gcp:storage/bucketObject:BucketObject": "an object; storage is priced on the bucket",
  "gcp:billing/budget:Budget": "Cloud Billing budgets are free",
  "gcp:monitoring/notificationChannel:NotificationChannel": "alert channel",
  "gcp:monitoring/alertPolicy:AlertPolicy": "alerting on Google metrics is within the free allotment at these volumes",
  "gcp:pubsub/topic:Topic": "budget notifications are within Pub/Sub's free tier",
  "gcp:compute/network:Network": "network; no hourly fee",
  "gcp:compute/subnetwork:Subnetwork": "network; no hourly fee",
  "gcp:compute/firewall:Firewall": "firewall rules",
  "gcp:compute/globalAddress:GlobalAddress": "an internal range reserved for private services access",
  "gcp:servicenetworking/connection:Connection": "private services access peering",
  "gcp:vertex/aiEndpoint:AiEndpoint": "an endpoint bills the models deployed to it (priced on their own)",
  "gcp:vertex/aiEndpointIamMember:AiEndpointIamMember": "access binding",
  "gcp:vertex/aiDataset:AiDataset": "a dataset's data is billed where it is stored (Cloud Storage)",
  "gcp:vertex/aiEvaluationMetric:AiEvaluationMetric": "a metric definition; evaluation runs are priced",
  "gcp:vertex/aiTensorboardExperiment:AiTensorboardExperiment": "part of the TensorBoard instance (priced)",
  "gcp:vertex/aiTensorboardRun:AiTensorboardRun": "part of the TensorBoard instance (priced)",
  "gcp:vertex/aiMetadataStore:AiMetadataStore": "metadata store",
  "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember": "access binding",
  "gcp:logging/projectSink:ProjectSink": "a routing rule; the destination is priced",

  // ---- Azure
  "azure-native:resources:ResourceGroup": "a container",
  "azure-native:authorization:RoleAssignment": "access binding",
  "azure-native:managedidentity:UserAssignedIdentity": "identity",
  "azure-native:keyvault:Vault": "billed per key and operation (keys are priced)",
  "azure-native:keyvault:AccessPolicy": "access policy",
  "azure-native:storage:BlobContainer": "a container; storage is priced on the account",
  "azure-native:storage:BlobServiceProperties": "account setting",
  "azure-native:storage:ManagementPolicy": "account setting",
  "azure-native:storage:EncryptionScope": "account setting",
  "azure-native:network:VirtualNetwork": "network; no hourly fee",
  "azure-native:network:Subnet": "network; no hourly fee",
  "azure-native:network:NetworkSecurityGroup": "firewall rules",
  "azure-native:network:PrivateDnsZoneGroup": "DNS registration of a private endpoint",
  "azure-native:insights:DiagnosticSetting": "a routing rule; ingestion is priced on the Log Analytics workspace",
  "azure-native:insights:ActionGroup": "email notifications within the free allotment",
  "azure-native:insights:Component": "workspace-based Application Insights: ingestion is billed on its Log Analytics workspace",
  "azure-native:consumption:Budget": "Cost Management budgets are free",
  "azure-native:cognitiveservices:Account": "an Azure OpenAI account bills its deployments (priced on their own)",
  "azure-native:cognitiveservices:RaiPolicy": "a content filter configuration (filtering is included in the token price)",
  "azure-native:cognitiveservices:RaiBlocklist": "content filter block list",
  "azure-native:machinelearningservices:Workspace": "a workspace bills its compute, storage and key vault (priced on their own)",
  "azure-native:machinelearningservices:OnlineEndpoint": "an endpoint bills its deployments (priced on their own)",
  "azure-native:machinelearningservices:DataContainer": "a data asset's data is billed where it is stored",
  "azure-native:machinelearningservices:DataVersion": "a data asset's data is billed where it is stored",
  "azure-native:machinelearningservices:Datastore": "a link to storage",
  "azure-native:machinelearningservices:EnvironmentContainer": "an environment definition",
  "azure-native:machinelearningservices:EnvironmentVersion": "an environment definition",
  "azure-native:machinelearningservices:CodeContainer": "code asset",
  "azure-native:machinelearningservices:CodeVersion": "code asset",
  "azure-native:machinelearningservices:ModelContainer": "model registry entry",
  "azure-native:machinelearningservices:ModelVersion": "model registry entry",
  "azure-native:machinelearningservices:ManagedNetworkSettingsRule": "a network rule",
  "azure-native:machinelearningservices:OutboundRule": "a network rule",
  "azure-native:machinelearningservices:ServerlessEndpointSubscription": "marketplace subscription; usage is priced on the serverless endpoint",
  "azure-native:machinelearningservices:MarketplaceSubscription": "marketplace subscription; usage is priced on the serverless endpoint",
};

/**
 * Free types that do carry a usage charge the compute catalog has no price for yet: no fixed
 * cost, and the usage is not counted. Outputs list them under "usage not counted".
 */
export const UNCOUNTED_USAGE: Readonly<Record<string, string>> = {
  "aws:bedrock/guardrail:Guardrail": "Bedrock Guardrails bill each policy per 1,000 text units checked; the compute catalog has no guardrail price",
};

/** Whole families of free types: identity and access management, by prefix. */
export const FREE_FAMILIES: readonly (readonly [prefix: string, reason: string])[] = [
  ["aws:iam/", "IAM: identity and access management is free"],
  ["aws:vpc/", "VPC configuration"],
];

/** Why a type is free, or undefined if it is not on the list. */
export function freeReason(type: string): string | undefined {
  const exact = FREE[type];
  if (exact) return exact;
  for (const [prefix, reason] of FREE_FAMILIES) if (type.startsWith(prefix)) return reason;
  return undefined;
}
