import * as pulumi from "@pulumi/pulumi";
import { EvaluationJob } from "@pulumi/aws/bedrock";
import { DataQualityJobDefinition, MonitoringSchedule, getPrebuiltEcrImageOutput } from "@pulumi/aws/sagemaker";
import type { ModelBiasJobDefinition, ModelExplainabilityJobDefinition, ModelQualityJobDefinition } from "@pulumi/aws-native/sagemaker";
import { fieldError, known } from "../common/errors";
import { trackIdentity, type TrackBaseArgs, type TrackComponent } from "../common/track";
import { clarifyMonitors, clarifyReads, resolveClarify, type AwsClarifyArgs } from "./clarify";
import {
  awsAccount,
  bucketArnOf,
  catalogInstance,
  checkS3Uri,
  hasLocalNvme,
  keyPrefixOf,
  nativeProvider,
  nativeTags,
  resolveNetwork,
  resolveRunName,
  secureBucket,
  serviceRole,
  trackKeyArn,
  trackNetwork,
  type AwsAccount,
  type AwsNetworkArgs,
  type Statement,
} from "./shared";

/** One model an evaluation scores; every model is scored on the same dataset with the same metrics. */
export interface AwsEvaluatedModelArgs {
  /** Short label in job names and results: "base", "tuned", "candidate" (lower-case letters, digits, dashes). */
  readonly label: string;
  /**
   * The Bedrock model Bedrock invokes: a model id, an inference profile id or a model / provisioned
   * throughput ARN. Left out, the dataset carries this model's responses under the label (Bedrock's
   * "bring your own inference responses", for models served elsewhere, e.g. a SageMaker endpoint).
   * @default none (precomputed responses)
   */
  readonly modelIdentifier?: pulumi.Input<string>;
}

/** The prompt dataset and the metrics every model is scored with. */
export interface AwsEvaluationDatasetArgs {
  /** A label for the dataset. @default "evaluation-set" */
  readonly name?: string;
  /** S3 URI of the JSON Lines prompt dataset (prompt, referenceResponse, category). */
  readonly s3Uri: pulumi.Input<string>;
  /** Bedrock task type. @default "QuestionAndAnswer" */
  readonly taskType?: string;
  /** Metrics. @default ["Builtin.Accuracy", "Builtin.Robustness", "Builtin.Toxicity"] */
  readonly metricNames?: readonly string[];
}

/** Model Monitor on a serving endpoint: scheduled data-quality checks of the captured traffic. */
export interface AwsEndpointMonitoringArgs {
  /** The endpoint (with data capture on) to watch. */
  readonly endpointName: pulumi.Input<string>;
  /** Where the endpoint captures data (s3://bucket/prefix/): the monitoring role may read only that. */
  readonly captureS3Uri: pulumi.Input<string>;
  /** Instance type of the monitoring jobs, from the price catalog. @default "ml.m5.xlarge" */
  readonly instanceType?: string;
  /** When the checks run, as a SageMaker cron expression. @default "cron(0 * ? * * *)" (hourly) */
  readonly scheduleExpression?: string;
  /** Constraints and statistics from a baselining job (S3 URIs). @default none */
  readonly baselineConstraintsUri?: pulumi.Input<string>;
  readonly baselineStatisticsUri?: pulumi.Input<string>;
  /** Longest a check may run, seconds (at most 3600 for hourly checks). @default 1800 */
  readonly maxRuntimeSeconds?: number;
}

export interface AwsEvaluationTrackArgs extends TrackBaseArgs {
  /** The AWS region of the track. */
  readonly region: string;
  /** The dataset every model is scored on. */
  readonly dataset: AwsEvaluationDatasetArgs;
  /** The models compared, e.g. base and candidate. At least one. */
  readonly models: readonly AwsEvaluatedModelArgs[];
  /** A judge model for LLM-as-a-judge metrics (Builtin.Correctness …). @default none (programmatic metrics) */
  readonly judgeModelIdentifier?: string;
  /** A run label in the job names; change it to evaluate again (jobs are immutable). @default "run-1" */
  readonly runName?: string;
  /** Model Monitor on a serving endpoint. @default none */
  readonly monitoring?: AwsEndpointMonitoringArgs;
  /**
   * SageMaker Clarify on the monitored endpoint (needs `monitoring`): model quality, bias (with
   * facets) and SHAP explainability job definitions, each on its own schedule, in the same VPC.
   * @default none (data quality only)
   */
  readonly clarify?: AwsClarifyArgs;
  /** The VPC of the monitoring jobs. @default a new private VPC (only when monitoring) */
  readonly network?: AwsNetworkArgs;
  /** An existing customer-managed key (a parent track's). @default a new key */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** An existing results bucket's name and ARN (a parent track's). @default a new encrypted bucket */
  readonly resultsBucket?: { readonly name: pulumi.Input<string>; readonly arn: pulumi.Input<string> };
}

const TASK_TYPES = ["Summarization", "Classification", "QuestionAndAnswer", "Generation", "Custom", "General"];
const LABEL = /^[a-z][a-z0-9-]{0,19}$/;

/** Every default of the evaluation-on-AWS track, applied in one place; throws naming the field. */
export function resolveAwsEvaluationArgs(args: AwsEvaluationTrackArgs) {
  checkS3Uri("dataset.s3Uri", args.dataset.s3Uri);
  if (known<string>(args.dataset.s3Uri) === undefined && args.dataset.s3Uri === undefined) fieldError("dataset.s3Uri", "expected the S3 URI of the prompt dataset");
  const taskType = args.dataset.taskType ?? "QuestionAndAnswer";
  if (!TASK_TYPES.includes(taskType)) fieldError("dataset.taskType", `expected one of ${TASK_TYPES.join(", ")}, got ${JSON.stringify(taskType)}`);
  const metricNames = [...(args.dataset.metricNames ?? ["Builtin.Accuracy", "Builtin.Robustness", "Builtin.Toxicity"])];
  if (metricNames.length === 0) fieldError("dataset.metricNames", "expected at least one metric, e.g. Builtin.Accuracy");
  metricNames.forEach((m, i) => {
    if (!/^Builtin\.[A-Za-z]+$/.test(m)) fieldError(`dataset.metricNames[${i}]`, `expected a built-in metric such as Builtin.Accuracy, got ${JSON.stringify(m)}`);
  });
  const datasetName = args.dataset.name ?? "evaluation-set";
  if (!/^[A-Za-z0-9_.-]{1,63}$/.test(datasetName)) fieldError("dataset.name", `expected letters, digits, dots, dashes or underscores, got ${JSON.stringify(datasetName)}`);
  if (args.models.length === 0) fieldError("models", "expected at least one model to evaluate (base and candidate to compare)");
  const labels = new Set<string>();
  args.models.forEach((m, i) => {
    if (!LABEL.test(m.label)) fieldError(`models[${i}].label`, `expected a short lower-case label such as base or tuned, got ${JSON.stringify(m.label)}`);
    if (labels.has(m.label)) fieldError(`models[${i}].label`, `expected each label once; "${m.label}" is used twice`);
    labels.add(m.label);
    const id = known<string>(m.modelIdentifier);
    if (id !== undefined && !/^(arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d{0,12}:[a-z-]+\/.+|([a-z]{2,7}\.)?[a-z0-9-]+\.[A-Za-z0-9.:_-]+)$/.test(id)) {
      fieldError(`models[${i}].modelIdentifier`, `expected a Bedrock model id or ARN such as amazon.nova-lite-v1:0, got ${JSON.stringify(id)}`);
    }
  });
  const runName = resolveRunName(args.runName);
  const judge = args.judgeModelIdentifier;
  if (judge !== undefined && !/^([a-z]{2,7}\.)?[a-z0-9-]+\.[A-Za-z0-9.:_-]+$/.test(judge)) fieldError("judgeModelIdentifier", `expected a Bedrock model id such as anthropic.claude-3-5-sonnet-20240620-v1:0, got ${JSON.stringify(judge)}`);
  let monitoring;
  if (args.monitoring) {
    const m = args.monitoring;
    checkS3Uri("monitoring.captureS3Uri", m.captureS3Uri);
    checkS3Uri("monitoring.baselineConstraintsUri", m.baselineConstraintsUri);
    checkS3Uri("monitoring.baselineStatisticsUri", m.baselineStatisticsUri);
    const instanceType = m.instanceType ?? "ml.m5.xlarge";
    catalogInstance("monitoring.instanceType", instanceType, args.region);
    const scheduleExpression = m.scheduleExpression ?? "cron(0 * ? * * *)";
    if (!/^cron\(.+\)$|^NOW$/.test(scheduleExpression)) fieldError("monitoring.scheduleExpression", `expected a cron expression such as cron(0 * ? * * *), got ${JSON.stringify(scheduleExpression)}`);
    const maxRuntimeSeconds = m.maxRuntimeSeconds ?? 1800;
    if (!Number.isInteger(maxRuntimeSeconds) || maxRuntimeSeconds < 1 || maxRuntimeSeconds > 86400) fieldError("monitoring.maxRuntimeSeconds", `expected 1 to 86400 seconds, got ${maxRuntimeSeconds}`);
    if (scheduleExpression.startsWith("cron(0 * ") && maxRuntimeSeconds > 3600) fieldError("monitoring.maxRuntimeSeconds", `expected at most 3600 seconds for hourly checks, got ${maxRuntimeSeconds}`);
    monitoring = { ...m, instanceType, scheduleExpression, maxRuntimeSeconds };
  } else if (args.network !== undefined) {
    fieldError("network", "expected no network without monitoring (only the monitoring jobs run in a VPC)");
  }
  if (args.clarify !== undefined && !monitoring) fieldError("clarify", "expected monitoring as well: the Clarify jobs watch the monitored endpoint's captured data");
  const clarify = args.clarify !== undefined && monitoring ? resolveClarify("clarify", args.clarify, monitoring.maxRuntimeSeconds) : undefined;
  return {
    region: args.region,
    dataset: { name: datasetName, s3Uri: args.dataset.s3Uri, taskType, metricNames },
    models: args.models.map((m) => ({ ...m })),
    judgeModelIdentifier: judge,
    runName,
    monitoring,
    clarify,
    network: monitoring ? resolveNetwork("network", args.network) : undefined,
  };
}
export type ResolvedAwsEvaluationArgs = ReturnType<typeof resolveAwsEvaluationArgs>;

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
    const cfg = resolveAwsEvaluationArgs(args);
    super("aitracks:aws:EvaluationTrack", name, trackIdentity("evaluation", "aws", cfg.region), opts);
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
            ...[mon.baselineConstraintsUri, mon.baselineStatisticsUri].filter((u): u is pulumi.Input<string> => u !== undefined).map(grant),
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
