import * as pulumi from "@pulumi/pulumi";
import { LifecyclePolicy, Repository } from "@pulumi/aws/ecr";
import { MlflowTrackingServer, TrainingJob, Workteam } from "@pulumi/aws/sagemaker";
import { fieldError } from "../common/errors";
import { trackIdentity, type TrackBaseArgs, type TrackComponent } from "../common/track";
import {
  awsAccount,
  catalogInstance,
  customerManagedKey,
  hasLocalNvme,
  resolveBudget,
  resolveNetwork,
  resolveRunName,
  secureBucket,
  serviceRole,
  trackBudget,
  trackNetwork,
  type AwsBudgetArgs,
  type AwsNetworkArgs,
  type SecureBucket,
  type ServiceRole,
} from "./shared";


/**
 * What a training job does on its MLflow tracking server: create and read experiments and runs,
 * log metrics, parameters, inputs and models, and register the model. Nothing administrative.
 */
const MLFLOW_TRAINING_ACTIONS = [
  "sagemaker-mlflow:AccessUI",
  "sagemaker-mlflow:CreateExperiment",
  "sagemaker-mlflow:GetExperiment",
  "sagemaker-mlflow:GetExperimentByName",
  "sagemaker-mlflow:SearchExperiments",
  "sagemaker-mlflow:CreateRun",
  "sagemaker-mlflow:UpdateRun",
  "sagemaker-mlflow:GetRun",
  "sagemaker-mlflow:SearchRuns",
  "sagemaker-mlflow:LogMetric",
  "sagemaker-mlflow:LogBatch",
  "sagemaker-mlflow:LogInputs",
  "sagemaker-mlflow:LogModel",
  "sagemaker-mlflow:SetTag",
  "sagemaker-mlflow:GetMetricHistory",
  "sagemaker-mlflow:CreateRegisteredModel",
  "sagemaker-mlflow:GetRegisteredModel",
  "sagemaker-mlflow:CreateModelVersion",
  "sagemaker-mlflow:GetModelVersion",
] as const;
/** Members of the Ground Truth work team: a Cognito user group or OIDC groups of a private workforce. */
export interface AwsLabelingArgs {
  /** The private workforce the team belongs to. @default "default" */
  readonly workforceName?: string;
  /** A Cognito user group (with its user pool and app client). @default none */
  readonly cognito?: { readonly userPool: string; readonly clientId: string; readonly userGroup: string };
  /** Groups of the workforce's OIDC identity provider. @default none */
  readonly oidcGroups?: readonly string[];
}

/** SageMaker managed MLflow for experiment tracking. */
export interface AwsExperimentTrackingArgs {
  /** Run a tracking server. @default true */
  readonly enabled?: boolean;
  /** "Small", "Medium" or "Large". @default "Small" */
  readonly size?: string;
  /** MLflow version of the server. @default the service's default */
  readonly mlflowVersion?: string;
}

export interface AwsBuildTrackArgs extends TrackBaseArgs, AwsBudgetArgs {
  /** The AWS region of the track. */
  readonly region: string;
  /** Training instance type, from the price catalog. @default "ml.trn1.32xlarge" (Trainium) */
  readonly instanceType?: string;
  /** Training instances; more than 1 is multi-node distributed training. @default 1 */
  readonly instanceCount?: number;
  /** Storage per instance, GB (on local NVMe for instances that have it). @default 512 */
  readonly volumeSizeInGb?: number;
  /** Longest the training job may run, hours (SageMaker allows 28 days). @default 72 */
  readonly maxRuntimeHours?: number;
  /** Tag of the training image in the track's repository (immutable tags: push a new one per change). @default "v1" */
  readonly imageTag?: string;
  /** Start the training job now; false provisions the platform only (push the image first). @default true */
  readonly runTraining?: boolean;
  /** Hyperparameters passed to the training container. @default {} */
  readonly hyperparameters?: Readonly<Record<string, string>>;
  /** "File", "FastFile" or "Pipe". @default "FastFile" */
  readonly trainingInputMode?: string;
  /** Experiment tracking (SageMaker managed MLflow). */
  readonly experimentTracking?: AwsExperimentTrackingArgs;
  /** A Ground Truth work team for data labelling. @default none */
  readonly labeling?: AwsLabelingArgs;
  /** A run label in the job name; change it to train again (jobs are immutable). @default "run-1" */
  readonly runName?: string;
  /** The VPC of the training job. @default a new private VPC */
  readonly network?: AwsNetworkArgs;
}

/** The data lake's zones: raw input, curated training data, model artifacts, training checkpoints. */
export const DATA_LAKE_ZONES = ["raw", "curated", "artifacts", "checkpoints"] as const;
export type DataLakeZone = (typeof DATA_LAKE_ZONES)[number];

/** Every default of the build-on-AWS track, applied in one place; throws naming the field. */
export function resolveAwsBuildArgs(args: AwsBuildTrackArgs) {
  const instanceType = args.instanceType ?? "ml.trn1.32xlarge";
  const instance = catalogInstance("instanceType", instanceType, args.region);
  const instanceCount = args.instanceCount ?? 1;
  if (!Number.isInteger(instanceCount) || instanceCount < 1) fieldError("instanceCount", `expected at least 1 training instance, got ${instanceCount}`);
  if (instanceCount > 64) fieldError("instanceCount", `expected at most 64 instances per job, got ${instanceCount}`);
  const volumeSizeInGb = args.volumeSizeInGb ?? 512;
  if (!Number.isInteger(volumeSizeInGb) || volumeSizeInGb < 1 || volumeSizeInGb > 16384) fieldError("volumeSizeInGb", `expected 1 to 16384 GB, got ${volumeSizeInGb}`);
  const maxRuntimeHours = args.maxRuntimeHours ?? 72;
  if (!(maxRuntimeHours > 0) || maxRuntimeHours > 672) fieldError("maxRuntimeHours", `expected more than 0 and at most 672 hours (28 days), got ${maxRuntimeHours}`);
  const imageTag = args.imageTag ?? "v1";
  if (!/^[\w][\w.-]{0,127}$/.test(imageTag)) fieldError("imageTag", `expected a Docker tag such as v1 or 2026-11-29, got ${JSON.stringify(imageTag)}`);
  if (imageTag === "latest") fieldError("imageTag", "expected a versioned tag: the repository's tags are immutable, so latest could never move");
  const trainingInputMode = args.trainingInputMode ?? "FastFile";
  if (!["File", "FastFile", "Pipe"].includes(trainingInputMode)) fieldError("trainingInputMode", `expected File, FastFile or Pipe, got ${JSON.stringify(trainingInputMode)}`);
  const runName = resolveRunName(args.runName);
  const tracking = args.experimentTracking ?? {};
  const trackingSize = tracking.size ?? "Small";
  if (!["Small", "Medium", "Large"].includes(trackingSize)) fieldError("experimentTracking.size", `expected Small, Medium or Large, got ${JSON.stringify(trackingSize)}`);
  let labeling;
  if (args.labeling) {
    const l = args.labeling;
    const both = l.cognito !== undefined && l.oidcGroups !== undefined;
    if (both || (l.cognito === undefined && l.oidcGroups === undefined)) fieldError("labeling", "expected the work team's members: either cognito {userPool, clientId, userGroup} or oidcGroups, not both");
    if (l.oidcGroups && (l.oidcGroups.length < 1 || l.oidcGroups.length > 10)) fieldError("labeling.oidcGroups", `expected 1 to 10 groups, got ${l.oidcGroups.length}`);
    labeling = { workforceName: l.workforceName ?? "default", cognito: l.cognito, oidcGroups: l.oidcGroups ? [...l.oidcGroups] : undefined };
  }
  const budget = resolveBudget(args);
  return {
    region: args.region,
    instanceType,
    accelerator: instance.accelerator ?? undefined,
    instanceCount,
    volumeSizeInGb,
    maxRuntimeSeconds: Math.round(maxRuntimeHours * 3600),
    imageTag,
    runTraining: args.runTraining ?? true,
    hyperparameters: { ...(args.hyperparameters ?? {}) },
    trainingInputMode,
    experimentTracking: { enabled: tracking.enabled ?? true, size: trackingSize, mlflowVersion: tracking.mlflowVersion },
    labeling,
    runName,
    network: resolveNetwork("network", args.network),
    ...budget,
  };
}
export type ResolvedAwsBuildArgs = ReturnType<typeof resolveAwsBuildArgs>;

/**
 * Build on AWS: train from scratch on SageMaker with Trainium. Creates a customer-managed key; a data
 * lake of four encrypted, versioned, non-public buckets (raw, curated, artifacts, checkpoints); an
 * ECR repository for the training image (scan on push, immutable tags, KMS); a private VPC; an
 * execution role that may read raw and curated data, write artifacts and checkpoints, pull only that
 * repository and use only that key; SageMaker managed MLflow for experiment tracking; and the
 * distributed training job — network-isolated, inter-node traffic encrypted, in the VPC, KMS on its
 * output (and on its volumes where they are EBS), checkpointing to S3, stopped at a maximum runtime.
 * A Ground Truth work team (and a labelling role) is added when data labelling is asked for.
 */
export class AwsBuildTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "build" as const;
  readonly cloud = "aws" as const;
  readonly keyArn: pulumi.Output<string>;
  readonly buckets: Readonly<Record<DataLakeZone, SecureBucket>>;
  readonly repository: Repository;
  readonly executionRole: ServiceRole;
  readonly trackingServer?: MlflowTrackingServer;
  readonly trainingJob?: TrainingJob;
  readonly workteam?: Workteam;
  readonly outputs: Record<string, pulumi.Input<unknown>>;

  constructor(name: string, args: AwsBuildTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = resolveAwsBuildArgs(args);
    super("aitracks:aws:BuildTrack", name, trackIdentity("build", "aws", cfg.region, { instanceTypes: [cfg.instanceType] }), opts);
    const parent = { parent: this };
    const tags = args.tags;
    const account = awsAccount(cfg.region, this);

    const key = customerManagedKey(
      `${name}-key`,
      account,
      { description: `aitracks ${name}: data lake, training image, training volumes and output`, services: ["sagemaker", "ecr", "sns", "budgets", "cloudwatch"], tags },
      parent,
    );
    this.keyArn = key.arn;

    const buckets = Object.fromEntries(DATA_LAKE_ZONES.map((zone) => [zone, secureBucket(`${name}-${zone}`, { kmsKeyArn: key.arn, tags }, parent)])) as Record<
      DataLakeZone,
      SecureBucket
    >;
    this.buckets = buckets;

    this.repository = new Repository(
      `${name}-training`,
      {
        name: `${name}-training`,
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: key.arn }],
        forceDelete: false,
        tags,
      },
      parent,
    );
    new LifecyclePolicy(
      `${name}-training-lifecycle`,
      {
        repository: this.repository.name,
        policy: JSON.stringify({
          rules: [{ rulePriority: 1, description: "Expire untagged layers after 14 days", selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }, action: { type: "expire" } }],
        }),
      },
      parent,
    );

    const network = trackNetwork(name, cfg.region, cfg.network, tags, parent);

    if (cfg.experimentTracking.enabled) {
      const mlflowRole = serviceRole(
        `${name}-mlflow`,
        account,
        {
          description: `aitracks ${name}: MLflow stores run artifacts`,
          write: [{ bucketArn: buckets.artifacts.arn, prefix: "mlflow/" }],
          kmsKeyArns: [key.arn],
          sagemakerLogs: false,
          tags,
        },
        parent,
      );
      this.trackingServer = new MlflowTrackingServer(
        `${name}-mlflow`,
        {
          trackingServerName: `${name}-experiments`,
          artifactStoreUri: pulumi.interpolate`s3://${buckets.artifacts.name}/mlflow/`,
          roleArn: mlflowRole.arn,
          trackingServerSize: cfg.experimentTracking.size,
          ...(cfg.experimentTracking.mlflowVersion ? { mlflowVersion: cfg.experimentTracking.mlflowVersion } : {}),
          automaticModelRegistration: false,
          weeklyMaintenanceWindowStart: "SUN:03:00",
          tags,
        },
        { ...parent, dependsOn: [mlflowRole.policy] },
      );
    }

    const checkpoints = `checkpoints/${cfg.runName}/`;
    this.executionRole = serviceRole(
      `${name}-training`,
      account,
      {
        description: `aitracks ${name}: the training job reads the data lake and writes artifacts and checkpoints`,
        read: [{ bucketArn: buckets.raw.arn }, { bucketArn: buckets.curated.arn }],
        write: [{ bucketArn: buckets.artifacts.arn, prefix: "models/" }, { bucketArn: buckets.checkpoints.arn }],
        kmsKeyArns: [key.arn],
        ecrRepositoryArns: [this.repository.arn],
        vpcId: network.vpcId,
        statements: this.trackingServer
          ? [{ Sid: "LogToTrackingServer", Effect: "Allow", Action: [...MLFLOW_TRAINING_ACTIONS], Resource: this.trackingServer.arn }]
          : [],
        tags,
      },
      parent,
    );

    if (cfg.runTraining) {
      this.trainingJob = new TrainingJob(
        `${name}-training-job`,
        {
          trainingJobName: `${name}-${cfg.runName}`,
          roleArn: this.executionRole.arn,
          algorithmSpecification: {
            trainingImage: pulumi.interpolate`${this.repository.repositoryUrl}:${cfg.imageTag}`,
            trainingInputMode: cfg.trainingInputMode,
            enableSagemakerMetricsTimeSeries: true,
          },
          inputDataConfigs: [
            {
              channelName: "train",
              dataSource: { s3DataSource: { s3DataType: "S3Prefix", s3Uri: pulumi.interpolate`s3://${buckets.curated.name}/train/`, s3DataDistributionType: "FullyReplicated" } },
            },
          ],
          outputDataConfig: { s3OutputPath: pulumi.interpolate`s3://${buckets.artifacts.name}/models/`, kmsKeyId: key.arn, compressionType: "NONE" },
          resourceConfig: {
            instanceType: cfg.instanceType,
            instanceCount: cfg.instanceCount,
            volumeSizeInGb: cfg.volumeSizeInGb,
            // Trainium and GPU instances train on local NVMe, encrypted in hardware: SageMaker refuses a key there.
            ...(hasLocalNvme(cfg.instanceType) ? {} : { volumeKmsKeyId: key.arn }),
          },
          checkpointConfig: { s3Uri: pulumi.interpolate`s3://${buckets.checkpoints.name}/${checkpoints}`, localPath: "/opt/ml/checkpoints" },
          stoppingCondition: { maxRuntimeInSeconds: cfg.maxRuntimeSeconds },
          enableNetworkIsolation: true,
          enableInterContainerTrafficEncryption: true,
          vpcConfig: { subnets: network.subnetIds, securityGroupIds: network.securityGroupIds },
          ...(Object.keys(cfg.hyperparameters).length ? { hyperParameters: cfg.hyperparameters } : {}),
          ...(this.trackingServer ? { mlflowConfig: { mlflowResourceArn: this.trackingServer.arn, mlflowExperimentName: name, mlflowRunName: cfg.runName } } : {}),
          tags,
        },
        { ...parent, dependsOn: [this.executionRole.policy] },
      );
    }

    if (cfg.labeling) {
      const l = cfg.labeling;
      this.workteam = new Workteam(
        `${name}-labelers`,
        {
          workteamName: `${name}-labelers`,
          workforceName: l.workforceName,
          description: `aitracks ${name}: labels raw data into the curated zone`,
          memberDefinitions: l.cognito
            ? [{ cognitoMemberDefinition: { userPool: l.cognito.userPool, clientId: l.cognito.clientId, userGroup: l.cognito.userGroup } }]
            : [{ oidcMemberDefinition: { groups: l.oidcGroups! } }],
          tags,
        },
        parent,
      );
      // The role Ground Truth labelling jobs run as: read raw data, write labels to the curated zone.
      serviceRole(
        `${name}-labeling`,
        account,
        {
          description: `aitracks ${name}: Ground Truth labels raw data into the curated zone`,
          read: [{ bucketArn: buckets.raw.arn }],
          write: [{ bucketArn: buckets.curated.arn, prefix: "labels/" }],
          kmsKeyArns: [key.arn],
          tags,
        },
        parent,
      );
    }

    trackBudget(name, account, { budget: cfg, services: ["Amazon SageMaker"], kmsKeyArn: key.arn, tags }, parent);

    this.outputs = {
      region: cfg.region,
      instanceType: cfg.instanceType,
      instanceCount: cfg.instanceCount,
      buckets: Object.fromEntries(DATA_LAKE_ZONES.map((z) => [z, buckets[z].name])),
      repositoryUrl: this.repository.repositoryUrl,
      trainingImage: pulumi.interpolate`${this.repository.repositoryUrl}:${cfg.imageTag}`,
      executionRoleArn: this.executionRole.arn,
      ...(this.trackingServer ? { mlflowTrackingServerArn: this.trackingServer.arn, mlflowUrl: this.trackingServer.trackingServerUrl } : {}),
      ...(this.trainingJob ? { trainingJobName: this.trainingJob.trainingJobName } : {}),
      ...(this.workteam ? { workteamArn: this.workteam.arn } : {}),
    };
    this.registerOutputs(this.outputs);
  }
}
