import * as pulumi from "@pulumi/pulumi";
import { EvaluationJob } from "@pulumi/aws/bedrock";
import { DataQualityJobDefinition, MonitoringSchedule, getPrebuiltEcrImageOutput } from "@pulumi/aws/sagemaker";
import type { ModelBiasJobDefinition, ModelExplainabilityJobDefinition, ModelQualityJobDefinition } from "@pulumi/aws-native/sagemaker";
import { z } from "zod";
import { input, issue, parseArgs, regionArg, tagsArg } from "../common/args";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
import { awsClarifyArgs, clarifyMonitors, clarifyReads } from "./clarify";
import {
  awsAccount,
  awsNetworkArgs,
  defaultNetwork,
  instanceTypeArg,
  runNameArg,
  s3UriArg,
  stringInput,
  bucketArnOf,
  catalogInstance,
  hasLocalNvme,
  keyPrefixOf,
  nativeProvider,
  nativeTags,
  secureBucket,
  serviceRole,
  trackKeyArn,
  trackNetwork,
  type AwsAccount,
  type Statement,
} from "./shared";

const TASK_TYPES = ["Summarization", "Classification", "QuestionAndAnswer", "Generation", "Custom", "General"] as const;
const LABEL = /^[a-z][a-z0-9-]{0,19}$/;
const BEDROCK_MODEL = /^([a-z]{2,7}\.)?[a-z0-9-]+\.[A-Za-z0-9.:_-]+$/;

/** One model an evaluation scores; every model is scored on the same dataset with the same metrics. */
export const awsEvaluatedModelArgs = z.strictObject(
  {
    /** Short label in job names and results: "base", "tuned", "candidate" (lower-case letters, digits, dashes). */
    label: z.string({ error: "expected a short label such as base" }).regex(LABEL, { error: "expected a short lower-case label such as base or tuned" }),
    /**
     * The Bedrock model Bedrock invokes: a model id, an inference profile id or a model / provisioned
     * throughput ARN. Left out, the dataset carries this model's responses under the label (Bedrock's
     * "bring your own inference responses", for models served elsewhere, e.g. a SageMaker endpoint).
     * @default none (precomputed responses)
     */
    modelIdentifier: input(
      z.string({ error: "expected a Bedrock model id or ARN" }).regex(/^(arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d{0,12}:[a-z-]+\/.+|([a-z]{2,7}\.)?[a-z0-9-]+\.[A-Za-z0-9.:_-]+)$/, {
        error: "expected a Bedrock model id or ARN such as amazon.nova-lite-v1:0",
      }),
    ).optional(),
  },
  { error: "expected {label, modelIdentifier?}" },
);
export type AwsEvaluatedModelArgs = z.input<typeof awsEvaluatedModelArgs>;

/** The prompt dataset and the metrics every model is scored with. */
export const awsEvaluationDatasetArgs = z.strictObject(
  {
    /** A label for the dataset. @default "evaluation-set" */
    name: z
      .string({ error: "expected a dataset label" })
      .regex(/^[A-Za-z0-9_.-]{1,63}$/, { error: "expected letters, digits, dots, dashes or underscores" })
      .default("evaluation-set"),
    /** S3 URI of the JSON Lines prompt dataset (prompt, referenceResponse, category). */
    s3Uri: s3UriArg,
    /** Bedrock task type. @default "QuestionAndAnswer" */
    taskType: z.enum(TASK_TYPES).default("QuestionAndAnswer"),
    /** Metrics. @default ["Builtin.Accuracy", "Builtin.Robustness", "Builtin.Toxicity"] */
    metricNames: z
      .array(z.string({ error: "expected a metric such as Builtin.Accuracy" }).regex(/^Builtin\.[A-Za-z]+$/, { error: "expected a built-in metric such as Builtin.Accuracy" }), {
        error: "expected a list of metrics",
      })
      .min(1, { error: "expected at least one metric, e.g. Builtin.Accuracy" })
      .default(["Builtin.Accuracy", "Builtin.Robustness", "Builtin.Toxicity"]),
  },
  { error: "expected {s3Uri, name?, taskType?, metricNames?}" },
);
export type AwsEvaluationDatasetArgs = z.input<typeof awsEvaluationDatasetArgs>;

/** Model Monitor on a serving endpoint: scheduled data-quality checks of the captured traffic. */
export const awsEndpointMonitoringArgs = z
  .strictObject(
    {
      /** The endpoint (with data capture on) to watch. */
      endpointName: stringInput("expected the name of a SageMaker endpoint with data capture on"),
      /** Where the endpoint captures data (s3://bucket/prefix/): the monitoring role may read only that. */
      captureS3Uri: s3UriArg,
      /** Instance type of the monitoring jobs, from the price catalog. @default "ml.m5.xlarge" */
      instanceType: instanceTypeArg.default("ml.m5.xlarge"),
      /** When the checks run, as a SageMaker cron expression. @default "cron(0 * ? * * *)" (hourly) */
      scheduleExpression: z
        .string({ error: "expected a cron expression such as cron(0 * ? * * *)" })
        .regex(/^cron\(.+\)$|^NOW$/, { error: "expected a cron expression such as cron(0 * ? * * *)" })
        .default("cron(0 * ? * * *)"),
      /** Constraints and statistics from a baselining job (S3 URIs). @default none */
      baselineConstraintsUri: s3UriArg.optional(),
      baselineStatisticsUri: s3UriArg.optional(),
      /** Longest a check may run, seconds (at most 3600 for hourly checks). @default 1800 */
      maxRuntimeSeconds: z
        .number({ error: "expected a number of seconds" })
        .int({ error: "expected 1 to 86400 seconds" })
        .min(1, { error: "expected 1 to 86400 seconds" })
        .max(86400, { error: "expected 1 to 86400 seconds" })
        .default(1800),
    },
    { error: "expected {endpointName, captureS3Uri, instanceType?, scheduleExpression?, baselineConstraintsUri?, baselineStatisticsUri?, maxRuntimeSeconds?}" },
  )
  .superRefine((m, ctx) => {
    if (m.scheduleExpression.startsWith("cron(0 * ") && m.maxRuntimeSeconds > 3600) {
      issue(ctx, ["maxRuntimeSeconds"], `expected at most 3600 seconds for hourly checks, got ${m.maxRuntimeSeconds}`);
    }
  });
export type AwsEndpointMonitoringArgs = z.input<typeof awsEndpointMonitoringArgs>;

/** The args of the evaluation-on-AWS track: every default and rule in one place. */
export const awsEvaluationTrackArgs = z
  .strictObject({
    /** The AWS region of the track (the stack's provider for it points there). */
    region: regionArg,
    tags: tagsArg,
    /** The dataset every model is scored on. */
    dataset: awsEvaluationDatasetArgs,
    /** The models compared, e.g. base and candidate. At least one. */
    models: z
      .array(awsEvaluatedModelArgs, { error: "expected a list of models, each {label, modelIdentifier}" })
      .min(1, { error: "expected at least one model to evaluate (base and candidate to compare)" })
      .superRefine((models, ctx) => {
        const seen = new Set<string>();
        models.forEach((m, i) => {
          if (seen.has(m.label)) issue(ctx, [i, "label"], `expected each label once; "${m.label}" is used twice`);
          seen.add(m.label);
        });
      }),
    /** A judge model for LLM-as-a-judge metrics (Builtin.Correctness …). @default none (programmatic metrics) */
    judgeModelIdentifier: z
      .string({ error: "expected a Bedrock model id" })
      .regex(BEDROCK_MODEL, { error: "expected a Bedrock model id such as anthropic.claude-3-5-sonnet-20240620-v1:0" })
      .optional(),
    /** A run label in the job names; change it to evaluate again (jobs are immutable). @default "run-1" */
    runName: runNameArg,
    /** Model Monitor on a serving endpoint. @default none */
    monitoring: awsEndpointMonitoringArgs.optional(),
    /**
     * SageMaker Clarify on the monitored endpoint (needs `monitoring`): model quality, bias (with
     * facets) and SHAP explainability job definitions, each on its own schedule, in the same VPC.
     * @default none (data quality only)
     */
    clarify: awsClarifyArgs.optional(),
    /** The VPC of the monitoring jobs. @default a new private VPC (only when monitoring) */
    network: awsNetworkArgs.optional(),
    /** An existing customer-managed key (a parent track's). @default a new key */
    kmsKeyArn: stringInput("expected a KMS key ARN").optional(),
    /** An existing results bucket's name and ARN (a parent track's). @default a new encrypted bucket */
    resultsBucket: z
      .strictObject({ name: stringInput("expected a bucket name"), arn: stringInput("expected a bucket ARN") }, { error: "expected {name, arn}" })
      .optional(),
  })
  .transform((a, ctx) => {
    const monitoring = a.monitoring;
    if (monitoring) catalogInstance("monitoring.instanceType", monitoring.instanceType, a.region);
    else if (a.network !== undefined) issue(ctx, ["network"], "expected no network without monitoring (only the monitoring jobs run in a VPC)");
    if (a.clarify !== undefined && !monitoring) issue(ctx, ["clarify"], "expected monitoring as well: the Clarify jobs watch the monitored endpoint's captured data");
    if (a.clarify && monitoring && a.clarify.scheduleExpression.startsWith("cron(0 * ") && monitoring.maxRuntimeSeconds > 3600) {
      issue(ctx, ["monitoring", "maxRuntimeSeconds"], `expected at most 3600 seconds for hourly checks (clarify.scheduleExpression is hourly), got ${monitoring.maxRuntimeSeconds}`);
    }
    return { ...a, clarify: monitoring ? a.clarify : undefined, network: monitoring ? (a.network ?? defaultNetwork()) : undefined };
  });
export type AwsEvaluationTrackArgs = z.input<typeof awsEvaluationTrackArgs>;
export type ResolvedAwsEvaluationArgs = z.output<typeof awsEvaluationTrackArgs>;

/** The ARNs a role needs to invoke a Bedrock model id, inference profile id or ARN. */
export function bedrockModelArns(identifier: pulumi.Input<string>, account: AwsAccount): pulumi.Output<string[]> {
  return pulumi.all([identifier, account.partition, account.accountId]).apply(([id, p, acct]) => {
    if (id.startsWith("arn:")) return [id];
    const profile = /^(us|eu|apac|us-gov|global|ca|jp|au)\.(.+)$/.exec(id);
    if (profile) return [`arn:${p}:bedrock:${account.region}:${acct}:inference-profile/${id}`, `arn:${p}:bedrock:*::foundation-model/${profile[2]}`];
    return [`arn:${p}:bedrock:${account.region}::foundation-model/${id}`];
  });
}

/**
 * Evaluation on AWS: Bedrock model evaluation jobs and SageMaker Model Monitor. Each model is scored
 * by its own automated Bedrock evaluation job (Bedrock runs one model per automated job) on the same
 * prompt dataset with the same metrics, so a base model and its candidate compare like for like;
 * results go to an encrypted, versioned, non-public bucket, and the jobs are encrypted with a
 * customer-managed key. With `monitoring`, a data-quality job definition and an hourly monitoring
 * schedule watch a serving endpoint's captured traffic, network-isolated in a private VPC. With
 * `clarify` as well, SageMaker Clarify's model-quality, bias and explainability job definitions
 * (from @pulumi/aws-native: @pulumi/aws has none of them) watch the same endpoint in the same VPC.
 */
export class AwsEvaluationTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "evaluation" as const;
  readonly cloud = "aws" as const;
  readonly keyArn: pulumi.Output<string>;
  readonly resultsBucketName: pulumi.Output<string>;
  /** The evaluation jobs, by model label. */
  readonly jobs: Readonly<Record<string, EvaluationJob>>;
  readonly dataQuality?: DataQualityJobDefinition;
  readonly monitoringSchedule?: MonitoringSchedule;
  /** Clarify's job definitions (with `clarify`; bias only with facets). */
  readonly modelQuality?: ModelQualityJobDefinition;
  readonly modelBias?: ModelBiasJobDefinition;
  readonly modelExplainability?: ModelExplainabilityJobDefinition;
  /** Clarify's schedules, by monitoring type (ModelQuality, ModelBias, ModelExplainability). */
  readonly clarifySchedules?: Readonly<Record<string, MonitoringSchedule>>;
  readonly outputs: Record<string, pulumi.Input<unknown>>;

  constructor(name: string, args: AwsEvaluationTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = parseArgs(awsEvaluationTrackArgs, args);
    super(trackComponentType("aws", "evaluation"), name, trackIdentity("evaluation", "aws", cfg.region), opts);
    const parent = { parent: this };
    const tags = args.tags;
    const account = awsAccount(cfg.region, this);

    this.keyArn = trackKeyArn(name, account, args.kmsKeyArn, { description: `aitracks ${name}: evaluation jobs and results`, services: ["bedrock", "sagemaker"], tags }, parent);
    const results = args.resultsBucket
      ? { name: pulumi.output(args.resultsBucket.name), arn: pulumi.output(args.resultsBucket.arn) }
      : secureBucket(`${name}-results`, { kmsKeyArn: this.keyArn, tags }, parent);
    this.resultsBucketName = results.name;

    // Bedrock may read the dataset, write results under evaluations/, and invoke the compared models only.
    const invoked = cfg.models.filter((m) => m.modelIdentifier !== undefined).map((m) => m.modelIdentifier!);
    const judge = cfg.judgeModelIdentifier;
    const invokeArns = pulumi.all([...invoked, ...(judge ? [judge] : [])].map((id) => bedrockModelArns(id, account))).apply((lists) => [...new Set(lists.flat())]);
    const statements: Statement[] = [];
    if (invoked.length || judge) {
      statements.push({ Sid: "InvokeComparedModels", Effect: "Allow", Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"], Resource: invokeArns });
    }
    const role = serviceRole(
      `${name}-bedrock-evaluation`,
      account,
      {
        service: "bedrock.amazonaws.com",
        description: `aitracks ${name}: Bedrock evaluates the compared models on one dataset`,
        read: [{ bucketArn: bucketArnOf(cfg.dataset.s3Uri, account.partition), prefix: keyPrefixOf(cfg.dataset.s3Uri) }],
        write: [{ bucketArn: results.arn, prefix: "evaluations/" }],
        kmsKeyArns: [this.keyArn],
        statements,
        tags,
      },
      parent,
    );

    const jobs: Record<string, EvaluationJob> = {};
    for (const m of cfg.models) {
      jobs[m.label] = new EvaluationJob(
        `${name}-${m.label}`,
        {
          jobName: `${name}-${m.label}-${cfg.runName}`.slice(0, 63),
          jobDescription: `aitracks ${name}: ${m.label} on ${cfg.dataset.name} (${cfg.dataset.metricNames.join(", ")})`,
          applicationType: "ModelEvaluation",
          roleArn: role.arn,
          customerEncryptionKeyId: this.keyArn,
          evaluationConfig: {
            automated: {
              datasetMetricConfigs: [
                { taskType: cfg.dataset.taskType, metricNames: cfg.dataset.metricNames, dataset: { name: cfg.dataset.name, datasetLocation: { s3Uri: cfg.dataset.s3Uri } } },
              ],
              ...(judge ? { evaluatorModelConfig: { bedrockEvaluatorModel: { modelIdentifier: judge } } } : {}),
            },
          },
          inferenceConfig: {
            models: [
              m.modelIdentifier !== undefined
                ? { bedrockModel: { modelIdentifier: m.modelIdentifier, inferenceParams: JSON.stringify({ inferenceConfig: { maxTokens: 512, temperature: 0 } }) } }
                : { precomputedInferenceSource: { inferenceSourceIdentifier: m.label } },
            ],
          },
          outputDataConfig: { s3Uri: pulumi.interpolate`s3://${results.name}/evaluations/${m.label}/` },
          tags,
        },
        { ...parent, dependsOn: [role.policy] },
      );
    }
    this.jobs = jobs;

    if (cfg.monitoring) {
      const mon = cfg.monitoring;
      const network = trackNetwork(name, cfg.region, cfg.network!, tags, parent);
      const grant = (uri: pulumi.Input<string>) => ({ bucketArn: bucketArnOf(uri, account.partition), prefix: keyPrefixOf(uri) });
      const clarify = cfg.clarify;
      // Clarify also reads the ground truth, its baselines and its analysis configurations, and its
      // explainability analysis asks the endpoint for predictions on perturbed records.
      const clarifyStatements: Statement[] = clarify
        ? [
            {
              Sid: "InvokeMonitoredEndpoint",
              Effect: "Allow",
              Action: "sagemaker:InvokeEndpoint",
              Resource: pulumi.interpolate`arn:${account.partition}:sagemaker:${cfg.region}:${account.accountId}:endpoint/${pulumi.output(mon.endpointName).apply((e) => e.toLowerCase())}`,
            },
          ]
        : [];
      const monitorRole = serviceRole(
        `${name}-monitoring`,
        account,
        {
          description: `aitracks ${name}: Model Monitor reads the endpoint's captured data`,
          read: [
            grant(mon.captureS3Uri),
            ...[mon.baselineConstraintsUri, mon.baselineStatisticsUri].filter((u): u is string | pulumi.Output<string> => u !== undefined).map(grant),
            ...(clarify ? [...clarifyReads(clarify).map(grant), { bucketArn: results.arn, prefix: "clarify-config/" }] : []),
          ],
          write: [{ bucketArn: results.arn, prefix: "monitoring/" }],
          kmsKeyArns: [this.keyArn],
          vpcId: network.vpcId,
          statements: clarifyStatements,
          tags,
        },
        parent,
      );
      const analyzer = getPrebuiltEcrImageOutput({ repositoryName: "sagemaker-model-monitor-analyzer", imageTag: "latest", region: cfg.region }, parent);
      const baseline =
        mon.baselineConstraintsUri !== undefined || mon.baselineStatisticsUri !== undefined
          ? {
              dataQualityBaselineConfig: {
                ...(mon.baselineConstraintsUri !== undefined ? { constraintsResource: { s3Uri: mon.baselineConstraintsUri } } : {}),
                ...(mon.baselineStatisticsUri !== undefined ? { statisticsResource: { s3Uri: mon.baselineStatisticsUri } } : {}),
              },
            }
          : {};
      this.dataQuality = new DataQualityJobDefinition(
        `${name}-data-quality`,
        {
          roleArn: monitorRole.arn,
          dataQualityAppSpecification: { imageUri: analyzer.registryPath },
          dataQualityJobInput: { endpointInput: { endpointName: mon.endpointName, localPath: "/opt/ml/processing/input", s3InputMode: "File" } },
          dataQualityJobOutputConfig: {
            kmsKeyId: this.keyArn,
            monitoringOutputs: { s3Output: { s3Uri: pulumi.interpolate`s3://${results.name}/monitoring/data-quality/`, localPath: "/opt/ml/processing/output", s3UploadMode: "EndOfJob" } },
          },
          jobResources: {
            clusterConfig: {
              instanceCount: 1,
              instanceType: mon.instanceType,
              volumeSizeInGb: 30,
              ...(hasLocalNvme(mon.instanceType) ? {} : { volumeKmsKeyId: this.keyArn }),
            },
          },
          networkConfig: {
            enableNetworkIsolation: true,
            enableInterContainerTrafficEncryption: true,
            vpcConfig: { subnets: network.subnetIds, securityGroupIds: network.securityGroupIds },
          },
          stoppingCondition: { maxRuntimeInSeconds: mon.maxRuntimeSeconds },
          ...baseline,
          tags,
        },
        { ...parent, dependsOn: [monitorRole.policy] },
      );
      this.monitoringSchedule = new MonitoringSchedule(
        `${name}-data-quality-schedule`,
        {
          monitoringScheduleConfig: {
            monitoringType: "DataQuality",
            monitoringJobDefinitionName: this.dataQuality.name,
            scheduleConfig: { scheduleExpression: mon.scheduleExpression },
          },
          tags,
        },
        parent,
      );

      if (clarify) {
        const monitors = clarifyMonitors(
          name,
          {
            clarify,
            region: cfg.region,
            endpointName: mon.endpointName,
            instanceType: mon.instanceType,
            maxRuntimeSeconds: mon.maxRuntimeSeconds,
            roleArn: monitorRole.arn,
            keyArn: this.keyArn,
            bucketName: results.name,
            subnetIds: network.subnetIds,
            securityGroupIds: network.securityGroupIds,
            tags,
            nativeTags: nativeTags(tags),
            nativeProvider: nativeProvider(name, cfg.region, this),
            dependsOn: [monitorRole.policy],
          },
          this,
        );
        this.modelQuality = monitors.modelQuality;
        this.modelBias = monitors.modelBias;
        this.modelExplainability = monitors.modelExplainability;
        this.clarifySchedules = monitors.schedules;
      }
    }

    this.outputs = {
      region: cfg.region,
      dataset: cfg.dataset.s3Uri,
      metrics: cfg.dataset.metricNames,
      evaluationJobArns: Object.fromEntries(Object.entries(jobs).map(([label, j]) => [label, j.jobArn])),
      resultsBucket: results.name,
      ...(this.monitoringSchedule ? { monitoringScheduleName: this.monitoringSchedule.name } : {}),
      ...(this.clarifySchedules ? { clarifyScheduleNames: Object.fromEntries(Object.entries(this.clarifySchedules).map(([t, s]) => [t, s.name])) } : {}),
    };
    this.registerOutputs(this.outputs);
  }
}
