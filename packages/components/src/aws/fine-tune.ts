import * as pulumi from "@pulumi/pulumi";
import { CustomModel, ProvisionedModelThroughput } from "@pulumi/aws/bedrock";
import type { LogGroup } from "@pulumi/aws/cloudwatch";
import { ModelPackageGroup, TrainingJob } from "@pulumi/aws/sagemaker";
import { z } from "zod";
import { issue, parseArgs, regionArg, tagsArg } from "../common/args";
import { known } from "../common/errors";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
import { invokedModelId } from "./buy";
import { BedrockCustomizationJobWait } from "./dynamic";
import { AwsEvaluationTrack, awsEvaluationDatasetArgs, awsEvaluationTrackArgs } from "./evaluation";
import { AwsServingTrack, awsServingTrackArgs } from "./serving";
import {
  awsAccount,
  awsBudgetArgs,
  awsNetworkArgs,
  instanceTypeArg,
  runNameArg,
  runtimeHoursArg,
  s3UriArg,
  stringMapArg,
  bedrockInvocationLogging,
  bucketArnOf,
  CLOUDWATCH_RETENTION_DAYS,
  catalogRegion,
  customerManagedKey,
  keyPrefixOf,
  nested,
  secureBucket,
  serviceRole,
  trackBudget,
  trackNetwork,
  type BucketGrant,
} from "./shared";

/** The tag every fine-tune resource carries with the number of labelled examples (the policy pack reads it). */
export const LABELED_EXAMPLES_TAG = "aitracks-labeled-examples";
/** The tag with the fine-tuning method ("bedrock" or "jumpstart"). */
export const FINE_TUNE_METHOD_TAG = "aitracks-fine-tune-method";

/** How the tuned JumpStart model is served (the serving track's settings). */
export const awsFineTuneServingArgs = z.strictObject(
  {
    /** @default "ml.g5.2xlarge" */
    instanceType: instanceTypeArg.optional(),
    /** @default 1 */
    minInstances: z.number({ error: "expected a number of instances" }).optional(),
    /** @default 2 */
    maxInstances: z.number({ error: "expected a number of instances" }).optional(),
    /** Invocations per instance per minute autoscaling holds. @default 60 */
    targetInvocationsPerInstance: z.number({ error: "expected invocations per instance per minute" }).optional(),
    /** Percentage of requests captured for monitoring. @default 20 */
    captureSamplingPercentage: z.number({ error: "expected a percentage" }).optional(),
  },
  { error: "expected {instanceType?, minInstances?, maxInstances?, targetInvocationsPerInstance?, captureSamplingPercentage?}" },
);
export type AwsFineTuneServingArgs = z.input<typeof awsFineTuneServingArgs>;

/** The before/after evaluation: base and tuned model on the same held-out dataset. */
export const awsFineTuneEvaluationArgs = z.strictObject(
  {
    /** Compare the tuned model with its base model. Switch off only deliberately. @default true */
    enabled: z.boolean({ error: "expected true or false" }).default(true),
    /** The held-out dataset both models are scored on. Required while enabled. */
    dataset: awsEvaluationDatasetArgs.optional(),
    /**
     * JumpStart: the Bedrock id of the same base model, when Bedrock serves it, so Bedrock invokes it;
     * otherwise the dataset carries the base model's responses under the label "base".
     * @default the base model itself (bedrock), precomputed responses (jumpstart)
     */
    baseModelIdentifier: z.string({ error: "expected a Bedrock model id" }).optional(),
    /** A judge model for LLM-as-a-judge metrics. @default none */
    judgeModelIdentifier: z.string({ error: "expected a Bedrock model id" }).optional(),
  },
  { error: "expected {enabled?, dataset?, baseModelIdentifier?, judgeModelIdentifier?}" },
);
export type AwsFineTuneEvaluationArgs = z.input<typeof awsFineTuneEvaluationArgs>;

const BEDROCK_ONLY = ["customizationType", "provisionedModelUnits", "commitmentDuration", "customizationTimeoutHours", "invocationLogging", "logRetentionDays"] as const;
const JUMPSTART_ONLY = ["baseModelVersion", "acceptEula", "serving"] as const;
const LABELED_EXAMPLES = "expected the number of labelled examples in the training set (a whole number above 0)";

/** The args of the fine-tune-on-AWS track: every default and rule in one place. */
export const awsFineTuneTrackArgs = z
  .strictObject({
    /** The AWS region of the track (the stack's provider for it points there). */
    region: regionArg,
    tags: tagsArg,
    /** "bedrock" (Bedrock model customisation, served by provisioned throughput) or "jumpstart" (SageMaker JumpStart, served by a SageMaker endpoint). */
    method: z.enum(["bedrock", "jumpstart"], { error: "expected bedrock or jumpstart" }),
    /** Labelled examples in the training set; tagged on every resource as aitracks-labeled-examples. Required. */
    labeledExamples: z
      .number({
        error: (i) =>
          i.input === undefined
            ? "expected the number of labelled examples in the training set (or a plain number in aitracks:workload.fineTune.labeledExamples)"
            : "expected a number of labelled examples",
      })
      .int({ error: LABELED_EXAMPLES })
      .min(1, { error: LABELED_EXAMPLES }),
    /**
     * The base model: a customisable Bedrock model id (amazon.nova-lite-v1:0:300k) for bedrock, or a
     * SageMaker public hub model id (meta-textgeneration-llama-3-1-8b-instruct) for jumpstart.
     */
    baseModel: z.string({ error: "expected the base model id" }),
    /** JumpStart: the hub model version (x.y.z). @default the latest */
    baseModelVersion: z.string({ error: "expected a version such as 2.1.0" }).regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/, { error: "expected a version such as 2.1.0" }).optional(),
    /** S3 URI of the training set (JSON Lines). */
    trainingDataUri: s3UriArg,
    /** S3 URI of the validation set. @default none */
    validationDataUri: s3UriArg.optional(),
    /** Hyperparameters. @default bedrock {epochCount: "2", batchSize: "1", learningRate: "0.00001"}; jumpstart {} (the hub model's) */
    hyperparameters: stringMapArg.optional(),
    /** Bedrock: "FINE_TUNING" or "CONTINUED_PRE_TRAINING". @default "FINE_TUNING" */
    customizationType: z.enum(["FINE_TUNING", "CONTINUED_PRE_TRAINING"], { error: "expected FINE_TUNING or CONTINUED_PRE_TRAINING" }).optional(),
    /** Bedrock: model units of the provisioned throughput that serves the tuned model. @default 1 */
    provisionedModelUnits: z.number({ error: "expected a number of model units" }).int({ error: "expected at least 1 model unit" }).min(1, { error: "expected at least 1 model unit" }).optional(),
    /** Bedrock: "OneMonth" or "SixMonths" commitment for the throughput. @default none (no commitment) */
    commitmentDuration: z.enum(["OneMonth", "SixMonths"], { error: "expected OneMonth or SixMonths (or leave it out for no commitment)" }).optional(),
    /**
     * Bedrock: how long `pulumi up` waits for the customisation job before it gives up (the job goes
     * on; the next `pulumi up` waits again). The throughput is created once the job completes. @default 24
     */
    customizationTimeoutHours: runtimeHoursArg.optional(),
    /**
     * Bedrock: "create" the region's Bedrock model invocation logging (an encrypted bucket and log
     * group, see `bedrockInvocationLogging`), or "existing" when another track of the stack (a buy
     * track in the same region) or another stack already sets it: Bedrock keeps one configuration
     * per account and region, so only one track may create it. The stack's cell defaults to
     * "existing" when another track of the stack creates it in this region. @default "create"
     */
    invocationLogging: z.enum(["create", "existing"], { error: "expected create or existing (another track or stack sets the region's Bedrock invocation logging)" }).optional(),
    /** Bedrock: days CloudWatch keeps the invocation logs (with invocationLogging "create"). @default 365 */
    logRetentionDays: z
      .number({ error: "expected a number of days" })
      .refine((d) => CLOUDWATCH_RETENTION_DAYS.includes(d), { error: `expected one of CloudWatch's retention periods (${CLOUDWATCH_RETENTION_DAYS.join(", ")})` })
      .optional(),
    /** JumpStart: accept the base model's end-user licence (required by gated models such as Llama). @default false */
    acceptEula: z.boolean({ error: "expected true or false" }).optional(),
    /** JumpStart: how the tuned model is served. */
    serving: awsFineTuneServingArgs.optional(),
    /** The base-versus-tuned evaluation. @default on (a dataset is then required) */
    evaluation: awsFineTuneEvaluationArgs.prefault({}),
    /** Longest the tuning job may run, hours. @default 24 */
    maxRuntimeHours: runtimeHoursArg.default(24),
    /** A run label in the job names; change it to tune again (jobs are immutable). @default "run-1" */
    runName: runNameArg,
    /** The VPC of the jobs and the endpoint. @default a new private VPC */
    network: awsNetworkArgs.prefault({}),
    ...awsBudgetArgs,
  })
  .transform((a, ctx) => {
    const { method } = a;
    if (method === "bedrock") {
      if (!/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*(:\d+){0,1}(:\d+k)?$/.test(a.baseModel)) {
        issue(ctx, ["baseModel"], `expected a customisable Bedrock model id such as amazon.nova-lite-v1:0:300k, got ${JSON.stringify(a.baseModel)}`);
      }
      catalogRegion("region", "bedrock-customization-training", a.region, "Bedrock model customisation");
      catalogRegion("region", "bedrock-pt:custom-model-unit", a.region, "Provisioned throughput for custom models");
      for (const f of JUMPSTART_ONLY) if (a[f] !== undefined) issue(ctx, [f], "applies to method jumpstart only");
    } else {
      if (!/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}$/.test(a.baseModel)) {
        issue(ctx, ["baseModel"], `expected a SageMaker public hub model id such as meta-textgeneration-llama-3-1-8b-instruct, got ${JSON.stringify(a.baseModel)}`);
      }
      for (const f of BEDROCK_ONLY) if (a[f] !== undefined) issue(ctx, [f], "applies to method bedrock only");
    }
    const invocationLogging = a.invocationLogging ?? "create";
    if (a.logRetentionDays !== undefined && invocationLogging === "existing") issue(ctx, ["logRetentionDays"], "applies with invocationLogging create only");

    // The before/after evaluation: on unless switched off explicitly, on a held-out set; checked as the child track will be.
    const ev = a.evaluation;
    if (ev.enabled) {
      if (!ev.dataset) {
        issue(ctx, ["evaluation", "dataset"], "expected the held-out dataset the base and the tuned model are both scored on (or evaluation: {enabled: false})");
      } else {
        const evalUri = known<string>(ev.dataset.s3Uri);
        if (evalUri !== undefined && evalUri === known<string>(a.trainingDataUri)) {
          issue(ctx, ["evaluation", "dataset", "s3Uri"], "expected a held-out set, not the training data (scores on training examples overstate the tuning)");
        }
        if (method === "bedrock" && ev.baseModelIdentifier !== undefined) issue(ctx, ["evaluation", "baseModelIdentifier"], "applies to method jumpstart only (the Bedrock base model is evaluated directly)");
        nested("evaluation", () =>
          parseArgs(awsEvaluationTrackArgs, {
            region: a.region,
            tags: {},
            dataset: ev.dataset!,
            models: [{ label: "base", ...(ev.baseModelIdentifier !== undefined ? { modelIdentifier: ev.baseModelIdentifier } : {}) }, { label: "tuned" }],
            ...(ev.judgeModelIdentifier !== undefined ? { judgeModelIdentifier: ev.judgeModelIdentifier } : {}),
          }),
        );
      }
    }
    const serving = a.serving ?? {};
    if (method === "jumpstart") {
      nested("serving", () =>
        parseArgs(awsServingTrackArgs, {
          region: a.region,
          tags: {},
          modelPackageArn: `arn:aws:sagemaker:${a.region}:000000000000:model-package/validate/1`,
          ...servingSettings(serving),
        }),
      );
    }
    return {
      ...a,
      monthlyBudgetUsd: a.monthlyBudgetUsd,
      hyperparameters: a.hyperparameters ?? (method === "bedrock" ? { epochCount: "2", batchSize: "1", learningRate: "0.00001" } : {}),
      customizationType: a.customizationType ?? "FINE_TUNING",
      provisionedModelUnits: a.provisionedModelUnits ?? 1,
      customizationTimeoutSeconds: Math.round((a.customizationTimeoutHours ?? 24) * 3600),
      invocationLogging: (method === "bedrock" ? invocationLogging : "none") as "create" | "existing" | "none",
      logRetentionDays: a.logRetentionDays ?? 365,
      acceptEula: a.acceptEula ?? false,
      serving,
      maxRuntimeSeconds: Math.round(a.maxRuntimeHours * 3600),
    };
  });
export type AwsFineTuneTrackArgs = z.input<typeof awsFineTuneTrackArgs>;

function servingSettings(s: AwsFineTuneServingArgs) {
  return {
    ...(s.instanceType !== undefined ? { instanceType: s.instanceType } : {}),
    ...(s.minInstances !== undefined ? { minInstances: s.minInstances } : {}),
    ...(s.maxInstances !== undefined ? { maxInstances: s.maxInstances } : {}),
    ...(s.targetInvocationsPerInstance !== undefined ? { targetInvocationsPerInstance: s.targetInvocationsPerInstance } : {}),
    ...(s.captureSamplingPercentage !== undefined ? { dataCapture: { samplingPercentage: s.captureSamplingPercentage } } : {}),
  };
}

/** The on-demand id Bedrock invokes for a customisable base model id ("amazon.nova-lite-v1:0:300k" -> "amazon.nova-lite-v1:0"). */
export function bedrockBaseInvokeId(baseModel: string, region: string): string {
  return invokedModelId(baseModel.replace(/:\d+k$/, ""), region, "auto");
}

/** The SageMaker public hub ARN of a JumpStart model. */
export function hubModelArn(partition: string, region: string, modelId: string, version?: string): string {
  return `arn:${partition}:sagemaker:${region}:aws:hub-content/SageMakerPublicHub/Model/${modelId}${version ? `/${version}` : ""}`;
}

/**
 * Fine-tune on AWS, by one of two methods. **bedrock**: a Bedrock model customisation job
 * (`CustomModel`) on the training and validation sets, in the track's VPC, output and model
 * encrypted with a customer-managed key, served by provisioned throughput, with the region's
 * Bedrock model invocation logging (unless `invocationLogging: existing`). **jumpstart**: a
 * SageMaker serverless training job that fine-tunes a SageMaker public hub (JumpStart) model with
 * LoRA, registering the tuned model in a model package group, deployed through the serving track.
 * Either way the stack includes the evaluation track as a child: the base and the tuned model
 * scored on the same held-out dataset with the same metrics (unless `evaluation.enabled: false`),
 * and every resource carries the number of labelled examples as the tag aitracks-labeled-examples.
 */
export class AwsFineTuneTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "fine-tune" as const;
  readonly cloud = "aws" as const;
  readonly keyArn: pulumi.Output<string>;
  readonly outputBucketName: pulumi.Output<string>;
  readonly customModel?: CustomModel;
  /** Bedrock: waits for the customisation job, so the throughput gets the tuned model's ARN in the same update. */
  readonly customizationJob?: BedrockCustomizationJobWait;
  readonly provisionedThroughput?: ProvisionedModelThroughput;
  /** Bedrock with invocationLogging "create": where the region's model invocations are logged. */
  readonly invocationLogBucket?: pulumi.Output<string>;
  readonly invocationLogGroup?: LogGroup;
  readonly trainingJob?: TrainingJob;
  readonly modelPackageGroup?: ModelPackageGroup;
  readonly serving?: AwsServingTrack;
  readonly evaluation?: AwsEvaluationTrack;
  readonly outputs: Record<string, pulumi.Input<unknown>>;

  constructor(name: string, args: AwsFineTuneTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = parseArgs(awsFineTuneTrackArgs, args);
    super(trackComponentType("aws", "fine-tune"), name, trackIdentity("fine-tune", "aws", cfg.region, { models: [cfg.baseModel] }), opts);
    const parent = { parent: this };
    const tags = pulumi.output(args.tags).apply(
      (t): Record<string, string> => ({
        ...(t as Record<string, string>),
        [LABELED_EXAMPLES_TAG]: String(cfg.labeledExamples),
        [FINE_TUNE_METHOD_TAG]: cfg.method,
      }),
    );
    const account = awsAccount(cfg.region, this);

    const key = customerManagedKey(
      `${name}-key`,
      account,
      {
        description: `aitracks ${name}: tuning data, tuned model, endpoint and evaluation${cfg.invocationLogging === "create" ? ", invocation logs" : ""}`,
        services: ["bedrock", "sagemaker", "sns", "budgets", "cloudwatch", ...(cfg.invocationLogging === "create" ? ["logs"] : [])],
        tags,
      },
      parent,
    );
    this.keyArn = key.arn;
    const output = secureBucket(`${name}-output`, { kmsKeyArn: key.arn, tags }, parent);
    this.outputBucketName = output.name;
    const network = trackNetwork(name, cfg.region, cfg.network, tags, parent);

    const data: BucketGrant[] = [cfg.trainingDataUri, ...(cfg.validationDataUri !== undefined ? [cfg.validationDataUri] : [])].map((uri) => ({
      bucketArn: bucketArnOf(uri, account.partition),
      prefix: keyPrefixOf(uri),
    }));

    let tunedModel: pulumi.Input<string> | undefined;
    let baseModelForEvaluation: pulumi.Input<string> | undefined;
    if (cfg.method === "bedrock") {
      const role = serviceRole(
        `${name}-customization`,
        account,
        {
          service: "bedrock.amazonaws.com",
          description: `aitracks ${name}: Bedrock tunes ${cfg.baseModel} on the training set`,
          read: data,
          write: [{ bucketArn: output.arn, prefix: "custom-model/" }],
          kmsKeyArns: [key.arn],
          vpcId: network.vpcId,
          tags,
        },
        parent,
      );
      this.customModel = new CustomModel(
        `${name}-custom-model`,
        {
          customModelName: `${name}-${cfg.runName}`,
          jobName: `${name}-${cfg.runName}-job`,
          baseModelIdentifier: pulumi.interpolate`arn:${account.partition}:bedrock:${cfg.region}::foundation-model/${cfg.baseModel}`,
          customizationType: cfg.customizationType,
          hyperparameters: cfg.hyperparameters,
          roleArn: role.arn,
          customModelKmsKeyId: key.arn,
          trainingDataConfig: { s3Uri: cfg.trainingDataUri },
          ...(cfg.validationDataUri !== undefined ? { validationDataConfig: { validators: [{ s3Uri: cfg.validationDataUri }] } } : {}),
          outputDataConfig: { s3Uri: pulumi.interpolate`s3://${output.name}/custom-model/` },
          vpcConfig: { subnetIds: network.subnetIds, securityGroupIds: network.securityGroupIds },
          tags,
        },
        { ...parent, dependsOn: [role.policy] },
      );
      // CustomModel only starts the job: its customModelArn stays empty until the job completes,
      // hours later. The wait polls the job and hands the throughput the model's ARN once it exists.
      this.customizationJob = new BedrockCustomizationJobWait(
        `${name}-customization-job`,
        { jobArn: this.customModel.jobArn, region: cfg.region, timeoutSeconds: cfg.customizationTimeoutSeconds },
        parent,
      );
      this.provisionedThroughput = new ProvisionedModelThroughput(
        `${name}-throughput`,
        {
          provisionedModelName: `${name}-${cfg.runName}`,
          modelArn: this.customizationJob.outputModelArn,
          modelUnits: cfg.provisionedModelUnits,
          ...(cfg.commitmentDuration !== undefined ? { commitmentDuration: cfg.commitmentDuration } : {}),
          tags,
        },
        // The custom model explicitly too: in a real preview the ARN is unknown, and the cost model
        // tells a custom model's throughput by this dependency.
        { ...parent, dependsOn: [this.customModel] },
      );
      // The throughput serves applications through Bedrock: log their prompts and completions
      // (once per account and region; see bedrockInvocationLogging).
      if (cfg.invocationLogging === "create") {
        const logging = bedrockInvocationLogging(name, account, { kmsKeyArn: key.arn, retentionDays: cfg.logRetentionDays, tags }, parent);
        this.invocationLogBucket = logging.bucketName;
        this.invocationLogGroup = logging.logGroup;
      }
      tunedModel = this.provisionedThroughput.provisionedModelArn;
      baseModelForEvaluation = bedrockBaseInvokeId(cfg.baseModel, cfg.region);
    } else {
      const baseArn = pulumi.interpolate`${account.partition}`.apply((p) => hubModelArn(p, cfg.region, cfg.baseModel, cfg.baseModelVersion));
      this.modelPackageGroup = new ModelPackageGroup(
        `${name}-models`,
        { modelPackageGroupName: `${name}-tuned`, modelPackageGroupDescription: `aitracks ${name}: ${cfg.baseModel} tuned on ${cfg.labeledExamples} labelled examples`, tags },
        parent,
      );
      const group = this.modelPackageGroup;
      const packages = pulumi.interpolate`arn:${account.partition}:sagemaker:${cfg.region}:${account.accountId}:model-package/${group.modelPackageGroupName}/*`;
      const role = serviceRole(
        `${name}-training`,
        account,
        {
          description: `aitracks ${name}: SageMaker tunes ${cfg.baseModel} on the training set`,
          read: data,
          write: [{ bucketArn: output.arn, prefix: "jumpstart/" }],
          kmsKeyArns: [key.arn],
          vpcId: network.vpcId,
          statements: [
            { Sid: "ReadBaseModel", Effect: "Allow", Action: ["sagemaker:DescribeHubContent"], Resource: pulumi.interpolate`${baseArn}*` },
            { Sid: "RegisterTunedModel", Effect: "Allow", Action: ["sagemaker:CreateModelPackage", "sagemaker:DescribeModelPackage"], Resource: [group.arn, packages] },
          ],
          tags,
        },
        parent,
      );
      this.trainingJob = new TrainingJob(
        `${name}-tuning`,
        {
          trainingJobName: `${name}-${cfg.runName}`,
          roleArn: role.arn,
          // Values as the CreateTrainingJob API defines them (ServerlessJobConfig: JobType FineTuning,
          // CustomizationTechnique SFT, Peft LORA); the provider's doc comment lists other spellings.
          serverlessJobConfig: { baseModelArn: baseArn, jobType: "FineTuning", customizationTechnique: "SFT", peft: "LORA", acceptEula: cfg.acceptEula },
          modelPackageConfig: { modelPackageGroupArn: group.arn },
          inputDataConfigs: [
            { channelName: "train", dataSource: { s3DataSource: { s3DataType: "S3Prefix", s3Uri: cfg.trainingDataUri } } },
            ...(cfg.validationDataUri !== undefined ? [{ channelName: "validation", dataSource: { s3DataSource: { s3DataType: "S3Prefix", s3Uri: cfg.validationDataUri } } }] : []),
          ],
          outputDataConfig: { s3OutputPath: pulumi.interpolate`s3://${output.name}/jumpstart/`, kmsKeyId: key.arn },
          ...(Object.keys(cfg.hyperparameters).length ? { hyperParameters: cfg.hyperparameters } : {}),
          stoppingCondition: { maxRuntimeInSeconds: cfg.maxRuntimeSeconds },
          enableNetworkIsolation: true,
          enableInterContainerTrafficEncryption: true,
          vpcConfig: { subnets: network.subnetIds, securityGroupIds: network.securityGroupIds },
          tags,
        },
        { ...parent, dependsOn: [role.policy] },
      );
      // The job registers the tuned model as the group's next version; a new group's first is 1.
      const job = this.trainingJob;
      const tunedPackage = pulumi
        .all([account.partition, account.accountId, group.modelPackageGroupName, job.trainingJobName])
        .apply(([p, acct, g]) => `arn:${p}:sagemaker:${cfg.region}:${acct}:model-package/${g}/1`);
      this.serving = new AwsServingTrack(
        `${name}-serving`,
        {
          region: cfg.region,
          modelPackageArn: tunedPackage,
          modelReadAccess: [{ bucketArn: output.arn, prefix: "jumpstart/" }],
          network: network.asArgs,
          kmsKeyArn: key.arn,
          ...servingSettings(cfg.serving),
          tags,
        },
        parent,
      );
      tunedModel = undefined; // served on SageMaker: the dataset carries its responses (label "tuned")
      baseModelForEvaluation = cfg.evaluation.baseModelIdentifier;
    }

    if (cfg.evaluation.enabled) {
      const monitoring =
        this.serving?.captureS3Uri !== undefined ? { endpointName: this.serving.endpoint.name, captureS3Uri: this.serving.captureS3Uri } : undefined;
      this.evaluation = new AwsEvaluationTrack(
        `${name}-evaluation`,
        {
          region: cfg.region,
          dataset: cfg.evaluation.dataset!,
          models: [
            { label: "base", ...(baseModelForEvaluation !== undefined ? { modelIdentifier: baseModelForEvaluation } : {}) },
            { label: "tuned", ...(tunedModel !== undefined ? { modelIdentifier: tunedModel } : {}) },
          ],
          ...(cfg.evaluation.judgeModelIdentifier !== undefined ? { judgeModelIdentifier: cfg.evaluation.judgeModelIdentifier } : {}),
          runName: cfg.runName,
          kmsKeyArn: key.arn,
          resultsBucket: { name: output.name, arn: output.arn },
          ...(monitoring ? { monitoring, network: network.asArgs } : {}),
          tags,
        },
        parent,
      );
    }

    trackBudget(name, account, { budget: cfg, services: cfg.method === "bedrock" ? ["Amazon Bedrock"] : ["Amazon SageMaker"], kmsKeyArn: key.arn, tags }, parent);

    this.outputs = {
      region: cfg.region,
      method: cfg.method,
      baseModel: cfg.baseModel,
      labeledExamples: cfg.labeledExamples,
      outputBucket: output.name,
      ...(this.provisionedThroughput ? { tunedModelArn: this.provisionedThroughput.provisionedModelArn, customModelArn: this.customizationJob!.outputModelArn } : {}),
      ...(cfg.invocationLogging !== "none"
        ? { invocationLogging: this.invocationLogGroup ? { bucket: this.invocationLogBucket!, logGroup: this.invocationLogGroup.name } : "existing" }
        : {}),
      ...(this.serving ? { endpointName: this.serving.endpoint.name, trainingJobName: this.trainingJob!.trainingJobName } : {}),
      evaluation: this.evaluation ? this.evaluation.outputs : "disabled",
    };
    this.registerOutputs(this.outputs);
  }
}
