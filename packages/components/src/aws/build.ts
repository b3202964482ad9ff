import * as pulumi from "@pulumi/pulumi";
import { LifecyclePolicy, Repository } from "@pulumi/aws/ecr";
import { MlflowTrackingServer, TrainingJob, Workteam } from "@pulumi/aws/sagemaker";
import { z } from "zod";
import { issue, parseArgs, regionArg, tagsArg } from "../common/args";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
import {
  awsAccount,
  awsBudgetArgs,
  awsNetworkArgs,
  instanceTypeArg,
  runNameArg,
  runtimeHoursArg,
  stringMapArg,
  catalogInstance,
  customerManagedKey,
  hasLocalNvme,
  secureBucket,
  serviceRole,
  trackBudget,
  trackNetwork,
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
export const awsLabelingArgs = z
  .strictObject(
    {
      /** The private workforce the team belongs to. @default "default" */
      workforceName: z.string({ error: "expected a workforce name" }).default("default"),
      /** A Cognito user group (with its user pool and app client). @default none */
      cognito: z
        .strictObject(
          { userPool: z.string({ error: "expected a user pool id" }), clientId: z.string({ error: "expected an app client id" }), userGroup: z.string({ error: "expected a user group" }) },
          { error: "expected {userPool, clientId, userGroup}" },
        )
        .optional(),
      /** Groups of the workforce's OIDC identity provider. @default none */
      oidcGroups: z
        .array(z.string({ error: "expected an OIDC group name" }), { error: "expected a list of OIDC group names" })
        .min(1, { error: "expected 1 to 10 groups" })
        .max(10, { error: "expected 1 to 10 groups" })
        .optional(),
    },
    { error: "expected {workforceName?, cognito? | oidcGroups?}" },
  )
  .superRefine((l, ctx) => {
    if ((l.cognito === undefined) === (l.oidcGroups === undefined)) {
      issue(ctx, [], "expected the work team's members: either cognito {userPool, clientId, userGroup} or oidcGroups, not both");
    }
  });
export type AwsLabelingArgs = z.input<typeof awsLabelingArgs>;

/** SageMaker managed MLflow for experiment tracking. */
export const awsExperimentTrackingArgs = z.strictObject(
  {
    /** Run a tracking server. @default true */
    enabled: z.boolean({ error: "expected true or false" }).default(true),
    /** "Small", "Medium" or "Large". @default "Small" */
    size: z.enum(["Small", "Medium", "Large"], { error: "expected Small, Medium or Large" }).default("Small"),
    /** MLflow version of the server. @default the service's default */
    mlflowVersion: z.string({ error: "expected an MLflow version such as 2.16" }).optional(),
  },
  { error: "expected {enabled?, size?, mlflowVersion?}" },
);
export type AwsExperimentTrackingArgs = z.input<typeof awsExperimentTrackingArgs>;

/** The args of the build-on-AWS track: every default and rule in one place. */
export const awsBuildTrackArgs = z
  .strictObject({
    /** The AWS region of the track (the stack's provider for it points there). */
    region: regionArg,
    tags: tagsArg,
    /** Training instance type, from the price catalog. @default "ml.trn1.32xlarge" (Trainium) */
    instanceType: instanceTypeArg.default("ml.trn1.32xlarge"),
    /** Training instances; more than 1 is multi-node distributed training. @default 1 */
    instanceCount: z
      .number({ error: "expected a number of instances" })
      .int({ error: "expected at least 1 training instance" })
      .min(1, { error: "expected at least 1 training instance" })
      .max(64, { error: "expected at most 64 instances per job" })
      .default(1),
    /** Storage per instance, GB (on local NVMe for instances that have it). @default 512 */
    volumeSizeInGb: z
      .number({ error: "expected a number of GB" })
      .int({ error: "expected 1 to 16384 GB" })
      .min(1, { error: "expected 1 to 16384 GB" })
      .max(16384, { error: "expected 1 to 16384 GB" })
      .default(512),
    /** Longest the training job may run, hours (SageMaker allows 28 days). @default 72 */
    maxRuntimeHours: runtimeHoursArg.default(72),
    /** Tag of the training image in the track's repository (immutable tags: push a new one per change). @default "v1" */
    imageTag: z
      .string({ error: "expected a Docker tag such as v1" })
      .regex(/^[\w][\w.-]{0,127}$/, { error: "expected a Docker tag such as v1 or 2026-11-29" })
      .refine((t) => t !== "latest", { error: "expected a versioned tag: the repository's tags are immutable, so latest could never move" })
      .default("v1"),
    /** Start the training job now; false provisions the platform only (push the image first). @default true */
    runTraining: z.boolean({ error: "expected true or false" }).default(true),
    /** Hyperparameters passed to the training container. @default {} */
    hyperparameters: stringMapArg.default({}),
    /** "File", "FastFile" or "Pipe". @default "FastFile" */
    trainingInputMode: z.enum(["File", "FastFile", "Pipe"], { error: "expected File, FastFile or Pipe" }).default("FastFile"),
    /** Experiment tracking (SageMaker managed MLflow). @default a Small tracking server */
    experimentTracking: awsExperimentTrackingArgs.prefault({}),
    /** A Ground Truth work team for data labelling. @default none */
    labeling: awsLabelingArgs.optional(),
    /** A run label in the job name; change it to train again (jobs are immutable). @default "run-1" */
    runName: runNameArg,
    /** The VPC of the training job. @default a new private VPC */
    network: awsNetworkArgs.prefault({}),
    ...awsBudgetArgs,
  })
  .transform((a) => {
    const instance = catalogInstance("instanceType", a.instanceType, a.region);
    return {
      ...a,
      monthlyBudgetUsd: a.monthlyBudgetUsd,
      accelerator: instance.accelerator ?? undefined,
      maxRuntimeSeconds: Math.round(a.maxRuntimeHours * 3600),
    };
  });
export type AwsBuildTrackArgs = z.input<typeof awsBuildTrackArgs>;

/** The data lake's zones: raw input, curated training data, model artifacts, training checkpoints. */
export const DATA_LAKE_ZONES = ["raw", "curated", "artifacts", "checkpoints"] as const;
export type DataLakeZone = (typeof DATA_LAKE_ZONES)[number];

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
    const cfg = parseArgs(awsBuildTrackArgs, args);
    super(trackComponentType("aws", "build"), name, trackIdentity("build", "aws", cfg.region, { instanceTypes: [cfg.instanceType] }), opts);
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
