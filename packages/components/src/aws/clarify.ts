import * as pulumi from "@pulumi/pulumi";
import { ModelBiasJobDefinition, ModelExplainabilityJobDefinition, ModelQualityJobDefinition } from "@pulumi/aws-native/sagemaker";
import { BucketObjectv2 } from "@pulumi/aws/s3";
import { MonitoringSchedule, getPrebuiltEcrImageOutput } from "@pulumi/aws/sagemaker";
import { fieldError } from "../common/errors";
import { checkS3Uri, hasLocalNvme, type NativeTag } from "./shared";

/** A sensitive attribute the bias monitor compares groups of. */
export interface AwsClarifyFacetArgs {
  /** Column name (CSV, or a JMESPath for JSON Lines) of the sensitive attribute, e.g. "region". */
  readonly name: string;
  /**
   * Values of the sensitive group, e.g. ["apac"]; numeric strings ("1") are written as numbers.
   * @default none: every value is compared as its own group
   */
  readonly values?: readonly string[];
  /** For a numeric attribute: the lower bound of the sensitive group, e.g. 55 (not with values). @default none */
  readonly threshold?: number;
}

/**
 * SageMaker Clarify on the monitored endpoint: model quality against ground-truth labels, bias
 * across sensitive attributes (with `facets`) and SHAP feature attributions, on a schedule.
 */
export interface AwsClarifyArgs {
  /** The model's problem type: "BinaryClassification", "MulticlassClassification" or "Regression". */
  readonly problemType: string;
  /** S3 URI (prefix) of the ground-truth labels merged with the captured requests (model quality and bias). */
  readonly groundTruthS3Uri: pulumi.Input<string>;
  /** The target attribute: a column name (CSV) or a JMESPath (JSON Lines). */
  readonly label: string;
  /** Column names of the analysed dataset, label included; label and facets must be among them. @default none (Clarify's own) */
  readonly headers?: readonly string[];
  /**
   * Label values that count as the positive outcome (classification); numeric strings are written
   * as numbers. @default ["1"] for BinaryClassification; required for MulticlassClassification with facets
   */
  readonly positiveLabels?: readonly string[];
  /** Regression: a prediction at or above this is the positive outcome (required for bias monitoring). @default none */
  readonly labelThreshold?: number;
  /** Sensitive attributes for bias monitoring. @default none: no bias monitoring (model quality and explainability only) */
  readonly facets?: readonly AwsClarifyFacetArgs[];
  /** Where the predicted label is in the endpoint's output: an index or a JMESPath. @default none (a single value) */
  readonly inferenceAttribute?: string;
  /** Where the probability is in the endpoint's output: an index or a JMESPath. @default none */
  readonly probabilityAttribute?: string;
  /** BinaryClassification with probabilities: the probability from which a prediction is positive. @default 0.5 (Clarify's) */
  readonly probabilityThreshold?: number;
  /** JSON Lines requests: the JMESPath of the features in a captured request. @default none (CSV) */
  readonly featuresAttribute?: string;
  /** Start of the captured window each run analyses, relative to the run (ISO 8601, e.g. "-P1D"), so late ground truth is merged. @default the last hour */
  readonly startTimeOffset?: string;
  /** End of that window, e.g. "-PT1H". @default the run's start */
  readonly endTimeOffset?: string;
  /** S3 URI of the SHAP baseline (background) rows, features only, in the requests' format. @default none (Clarify computes one) */
  readonly shapBaseline?: pulumi.Input<string>;
  /** Kernel SHAP samples per record. @default 100 */
  readonly shapSamples?: number;
  /** How global SHAP values aggregate: "mean_abs", "median" or "mean_sq". @default "mean_abs" */
  readonly shapAggregation?: string;
  /** When the Clarify checks run: hourly or daily SageMaker cron. @default "cron(0 0 ? * * *)" (daily, at midnight UTC) */
  readonly scheduleExpression?: string;
  /** Constraints (S3 URIs) from Clarify baselining jobs; without them a run reports metrics but flags no violation. @default none */
  readonly modelQualityConstraintsUri?: pulumi.Input<string>;
  readonly biasConstraintsUri?: pulumi.Input<string>;
  readonly explainabilityConstraintsUri?: pulumi.Input<string>;
}

export const CLARIFY_PROBLEM_TYPES = ["BinaryClassification", "MulticlassClassification", "Regression"] as const;
export type ClarifyProblemType = (typeof CLARIFY_PROBLEM_TYPES)[number];
const SHAP_AGGREGATIONS = ["mean_abs", "median", "mean_sq"];
/** Clarify checks run once a day by default: ground truth arrives late and an hour of traffic is thin for bias. */
export const CLARIFY_DAILY = "cron(0 0 ? * * *)";
/** The schedules Model Monitor accepts: hourly, daily at an hour, or every n hours from an hour. */
const MONITOR_CRON = /^cron\(0 (\*|([01]?\d|2[0-3])(\/([1-9]|1\d|2[0-4]))?) \? \* \* \*\)$/;
const OFFSET = /^-P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$/;

/** A positive-outcome or facet value as Clarify compares it: numeric strings become numbers (CSV columns are numbers). */
function clarifyValue(v: string): string | number {
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** Validate the Clarify settings and apply their defaults; `field` prefixes the messages ("clarify"). */
export function resolveClarify(field: string, c: AwsClarifyArgs, maxRuntimeSeconds: number) {
  const f = (k: string) => `${field}.${k}`;
  if (!(CLARIFY_PROBLEM_TYPES as readonly string[]).includes(c.problemType)) {
    fieldError(f("problemType"), `expected one of ${CLARIFY_PROBLEM_TYPES.join(", ")}, got ${JSON.stringify(c.problemType)}`);
  }
  const problemType = c.problemType as ClarifyProblemType;
  checkS3Uri(f("groundTruthS3Uri"), c.groundTruthS3Uri);
  if (c.groundTruthS3Uri === undefined) fieldError(f("groundTruthS3Uri"), "expected the S3 URI of the ground-truth labels, e.g. s3://my-bucket/ground-truth/");
  if (typeof c.label !== "string" || !c.label.trim()) fieldError(f("label"), "expected the target attribute: a column name or a JMESPath");

  const headers = c.headers ? [...c.headers] : undefined;
  if (headers) {
    if (headers.length === 0) fieldError(f("headers"), "expected the dataset's column names (or leave headers out)");
    headers.forEach((h, i) => {
      if (!h.trim()) fieldError(f(`headers[${i}]`), "expected a column name");
      if (headers.indexOf(h) !== i) fieldError(f(`headers[${i}]`), `expected each column once; "${h}" is listed twice`);
    });
    if (!headers.includes(c.label)) fieldError(f("label"), `expected one of the headers (${headers.join(", ")}), got ${JSON.stringify(c.label)}`);
  }

  const classification = problemType !== "Regression";
  if (!classification && c.positiveLabels !== undefined) fieldError(f("positiveLabels"), "expected no positive labels for Regression (set labelThreshold)");
  if (classification && c.labelThreshold !== undefined) fieldError(f("labelThreshold"), `expected no label threshold for ${problemType} (set positiveLabels)`);
  if (c.positiveLabels !== undefined && c.positiveLabels.length === 0) fieldError(f("positiveLabels"), "expected at least one label value that is the positive outcome, e.g. [1]");
  if (c.labelThreshold !== undefined && !Number.isFinite(c.labelThreshold)) fieldError(f("labelThreshold"), `expected a number, got ${c.labelThreshold}`);

  let facets: { name_or_index: string; value_or_threshold?: (string | number)[] }[] | undefined;
  if (c.facets !== undefined) {
    if (c.facets.length === 0) fieldError(f("facets"), "expected at least one sensitive attribute (or leave facets out for no bias monitoring)");
    const seen = new Set<string>();
    facets = c.facets.map((facet, i) => {
      const at = (k: string) => f(`facets[${i}].${k}`);
      if (typeof facet.name !== "string" || !facet.name.trim()) fieldError(at("name"), "expected the column name of a sensitive attribute, e.g. region");
      if (facet.name === c.label) fieldError(at("name"), `expected a feature, not the label "${c.label}"`);
      if (headers && !headers.includes(facet.name)) fieldError(at("name"), `expected one of the headers (${headers.join(", ")}), got ${JSON.stringify(facet.name)}`);
      if (seen.has(facet.name)) fieldError(at("name"), `expected each attribute once; "${facet.name}" is listed twice`);
      seen.add(facet.name);
      if (facet.values !== undefined && facet.threshold !== undefined) fieldError(at("threshold"), "expected values or a threshold, not both");
      if (facet.values !== undefined && facet.values.length === 0) fieldError(at("values"), "expected at least one value of the sensitive group (or leave values out to compare every value)");
      if (facet.threshold !== undefined && !Number.isFinite(facet.threshold)) fieldError(at("threshold"), `expected a number, got ${facet.threshold}`);
      const group = facet.values?.map(clarifyValue) ?? (facet.threshold !== undefined ? [facet.threshold] : undefined);
      return { name_or_index: facet.name, ...(group ? { value_or_threshold: group } : {}) };
    });
    if (problemType === "MulticlassClassification" && c.positiveLabels === undefined) fieldError(f("positiveLabels"), "expected the label values that are the positive outcome (bias monitoring of a multiclass model)");
    if (problemType === "Regression" && c.labelThreshold === undefined) fieldError(f("labelThreshold"), "expected the prediction from which the outcome is positive (bias monitoring of a regression model)");
  } else if (c.biasConstraintsUri !== undefined) {
    fieldError(f("biasConstraintsUri"), "expected facets: bias monitoring is off without them");
  }
  const labelValuesOrThreshold = classification ? (c.positiveLabels ?? ["1"]).map(clarifyValue) : c.labelThreshold !== undefined ? [c.labelThreshold] : undefined;

  if (c.probabilityThreshold !== undefined) {
    if (problemType !== "BinaryClassification") fieldError(f("probabilityThreshold"), `expected a probability threshold only for BinaryClassification, not ${problemType}`);
    if (!(c.probabilityThreshold > 0 && c.probabilityThreshold < 1)) fieldError(f("probabilityThreshold"), `expected a probability between 0 and 1, got ${c.probabilityThreshold}`);
    if (c.probabilityAttribute === undefined) fieldError(f("probabilityAttribute"), "expected where the probability is in the endpoint's output (the threshold applies to it)");
  }
  for (const k of ["inferenceAttribute", "probabilityAttribute", "featuresAttribute"] as const) {
    const v = c[k];
    if (v !== undefined && !v.trim()) fieldError(f(k), "expected an index or a JMESPath, e.g. 0 or predictions[0].score");
  }
  for (const k of ["startTimeOffset", "endTimeOffset"] as const) {
    const v = c[k];
    if (v !== undefined && !OFFSET.test(v)) fieldError(f(k), `expected a negative ISO 8601 duration such as -P1D or -PT1H, got ${JSON.stringify(v)}`);
  }

  checkS3Uri(f("shapBaseline"), c.shapBaseline);
  const shapSamples = c.shapSamples ?? 100;
  if (!Number.isInteger(shapSamples) || shapSamples < 1 || shapSamples > 10_000) fieldError(f("shapSamples"), `expected 1 to 10000 samples, got ${shapSamples}`);
  const shapAggregation = c.shapAggregation ?? "mean_abs";
  if (!SHAP_AGGREGATIONS.includes(shapAggregation)) fieldError(f("shapAggregation"), `expected one of ${SHAP_AGGREGATIONS.join(", ")}, got ${JSON.stringify(shapAggregation)}`);

  const scheduleExpression = c.scheduleExpression ?? CLARIFY_DAILY;
  if (!MONITOR_CRON.test(scheduleExpression)) {
    fieldError(f("scheduleExpression"), `expected an hourly or daily schedule such as ${CLARIFY_DAILY} (daily) or cron(0 * ? * * *) (hourly), got ${JSON.stringify(scheduleExpression)}`);
  }
  if (scheduleExpression.startsWith("cron(0 * ") && maxRuntimeSeconds > 3600) {
    fieldError("monitoring.maxRuntimeSeconds", `expected at most 3600 seconds for hourly checks (${f("scheduleExpression")} is hourly), got ${maxRuntimeSeconds}`);
  }
  for (const k of ["modelQualityConstraintsUri", "biasConstraintsUri", "explainabilityConstraintsUri"] as const) checkS3Uri(f(k), c[k]);

  return {
    problemType,
    groundTruthS3Uri: c.groundTruthS3Uri,
    label: c.label,
    headers,
    labelValuesOrThreshold,
    facets,
    inferenceAttribute: c.inferenceAttribute,
    probabilityAttribute: c.probabilityAttribute,
    probabilityThreshold: c.probabilityThreshold,
    featuresAttribute: c.featuresAttribute,
    startTimeOffset: c.startTimeOffset,
    endTimeOffset: c.endTimeOffset,
    shap: { baseline: c.shapBaseline, numSamples: shapSamples, aggMethod: shapAggregation },
    scheduleExpression,
    constraints: { modelQuality: c.modelQualityConstraintsUri, bias: c.biasConstraintsUri, explainability: c.explainabilityConstraintsUri },
  };
}
export type ResolvedClarify = ReturnType<typeof resolveClarify>;

/** The S3 objects a Clarify role must read besides the captured data: labels, baseline, constraints. */
export function clarifyReads(c: ResolvedClarify): pulumi.Input<string>[] {
  return [c.groundTruthS3Uri, c.shap.baseline, c.constraints.modelQuality, c.constraints.bias, c.constraints.explainability].filter(
    (u): u is pulumi.Input<string> => u !== undefined,
  );
}

/** The bias drift analysis configuration (ModelBiasAppSpecification.ConfigUri): label, positive outcome, facets. */
export function biasAnalysisConfig(c: ResolvedClarify): Record<string, unknown> {
  return {
    version: "1.0",
    ...(c.headers ? { headers: c.headers } : {}),
    label: c.label,
    ...(c.labelValuesOrThreshold ? { label_values_or_threshold: c.labelValuesOrThreshold } : {}),
    facet: c.facets ?? [],
    methods: { post_training_bias: { methods: "all" } },
  };
}

/** The feature attribution drift configuration (ModelExplainabilityAppSpecification.ConfigUri): SHAP on features only. */
export function explainabilityAnalysisConfig(c: ResolvedClarify): pulumi.Output<Record<string, unknown>> {
  return pulumi.output(c.shap.baseline).apply((baseline): Record<string, unknown> => ({
    version: "1.0",
    ...(c.headers ? { headers: c.headers.filter((h) => h !== c.label) } : {}),
    methods: {
      shap: {
        ...(baseline !== undefined ? { baseline } : {}),
        num_samples: c.shap.numSamples,
        agg_method: c.shap.aggMethod,
        use_logit: false,
        save_local_shap_values: false,
      },
    },
  }));
}

/** What the Clarify monitors share with the track's data-quality job. */
export interface ClarifyMonitorsArgs {
  readonly clarify: ResolvedClarify;
  readonly region: string;
  readonly endpointName: pulumi.Input<string>;
  readonly instanceType: string;
  readonly maxRuntimeSeconds: number;
  readonly roleArn: pulumi.Input<string>;
  readonly keyArn: pulumi.Input<string>;
  readonly bucketName: pulumi.Input<string>;
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  readonly securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
  /** The standard tag map (S3 objects and schedules) … */
  readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** … and the same tags as aws-native's list, converted once. */
  readonly nativeTags: pulumi.Input<NativeTag[]>;
  /** The aws-native provider for the track's region. */
  readonly nativeProvider: pulumi.ProviderResource;
  /** What the definitions wait for (the role's policy). */
  readonly dependsOn: pulumi.Resource[];
}

export interface ClarifyMonitors {
  readonly modelQuality: ModelQualityJobDefinition;
  readonly modelBias?: ModelBiasJobDefinition;
  readonly modelExplainability: ModelExplainabilityJobDefinition;
  /** The schedules, by monitoring type (ModelQuality, ModelBias, ModelExplainability). */
  readonly schedules: Readonly<Record<string, MonitoringSchedule>>;
}

/**
 * Clarify's three monitors on the endpoint, each an aws-native job definition (the aws provider has
 * none of these types) run by an `aws` MonitoringSchedule (which takes every monitoring type by
 * definition name, runs on the track's regional aws provider and takes the standard tag map).
 * Every job is network-isolated in the track's VPC, encrypts its volume (where the instance has an
 * EBS volume) and its results with the track's key, and writes under monitoring/<type>/.
 */
export function clarifyMonitors(name: string, a: ClarifyMonitorsArgs, parent: pulumi.Resource): ClarifyMonitors {
  const c = a.clarify;
  const awsOpts = { parent };
  const nativeOpts = (dependsOn: pulumi.Resource[] = []): pulumi.CustomResourceOptions => ({ parent, provider: a.nativeProvider, dependsOn: [...a.dependsOn, ...dependsOn] });
  const analyzer = getPrebuiltEcrImageOutput({ repositoryName: "sagemaker-model-monitor-analyzer", imageTag: "latest", region: a.region }, awsOpts);
  const clarifyImage = getPrebuiltEcrImageOutput({ repositoryName: "sagemaker-clarify-processing", imageTag: "1.0", region: a.region }, awsOpts);

  const jobResources = {
    clusterConfig: {
      instanceCount: 1,
      instanceType: a.instanceType,
      volumeSizeInGb: 30,
      // NVMe instance storage is encrypted by the instance; SageMaker refuses a volume key for it.
      ...(hasLocalNvme(a.instanceType) ? {} : { volumeKmsKeyId: a.keyArn }),
    },
  };
  const networkConfig = {
    enableNetworkIsolation: true,
    enableInterContainerTrafficEncryption: true,
    vpcConfig: { subnets: a.subnetIds, securityGroupIds: a.securityGroupIds },
  };
  const output = (kind: string) => ({
    kmsKeyId: a.keyArn,
    monitoringOutputs: [
      { s3Output: { s3Uri: pulumi.interpolate`s3://${a.bucketName}/monitoring/${kind}/`, localPath: "/opt/ml/processing/output", s3UploadMode: "EndOfJob" as const } },
    ],
  });
  const stoppingCondition = { maxRuntimeInSeconds: a.maxRuntimeSeconds };
  const endpointBase = {
    endpointName: a.endpointName,
    localPath: "/opt/ml/processing/input/endpoint",
    s3InputMode: "File" as const,
    s3DataDistributionType: "FullyReplicated" as const,
    ...(c.inferenceAttribute !== undefined ? { inferenceAttribute: c.inferenceAttribute } : {}),
    ...(c.probabilityAttribute !== undefined ? { probabilityAttribute: c.probabilityAttribute } : {}),
  };
  const window = {
    ...(c.startTimeOffset !== undefined ? { startTimeOffset: c.startTimeOffset } : {}),
    ...(c.endTimeOffset !== undefined ? { endTimeOffset: c.endTimeOffset } : {}),
  };
  const threshold = c.probabilityThreshold !== undefined ? { probabilityThresholdAttribute: c.probabilityThreshold } : {};
  const features = c.featuresAttribute !== undefined ? { featuresAttribute: c.featuresAttribute } : {};
  const constraints = (uri: pulumi.Input<string> | undefined) => (uri !== undefined ? { constraintsResource: { s3Uri: uri } } : undefined);

  // The analysis configurations Clarify reads, as encrypted objects in the track's bucket (read-only to the role).
  const analysisConfig = (kind: string, content: pulumi.Input<Record<string, unknown>>) => {
    const object = new BucketObjectv2(
      `${name}-${kind}-analysis-config`,
      {
        bucket: a.bucketName,
        key: `clarify-config/${kind}/analysis_config.json`,
        content: pulumi.jsonStringify(content),
        contentType: "application/json",
        serverSideEncryption: "aws:kms",
        kmsKeyId: a.keyArn,
        bucketKeyEnabled: true,
        tags: a.tags,
      },
      awsOpts,
    );
    return { object, uri: pulumi.interpolate`s3://${object.bucket}/${object.key}` };
  };

  const modelQuality = new ModelQualityJobDefinition(
    `${name}-model-quality`,
    {
      endpointName: a.endpointName,
      modelQualityAppSpecification: { imageUri: analyzer.registryPath, problemType: c.problemType },
      modelQualityJobInput: {
        endpointInput: { ...endpointBase, ...window, ...threshold },
        groundTruthS3Input: { s3Uri: c.groundTruthS3Uri },
      },
      modelQualityJobOutputConfig: output("model-quality"),
      jobResources,
      networkConfig,
      stoppingCondition,
      ...(c.constraints.modelQuality !== undefined ? { modelQualityBaselineConfig: constraints(c.constraints.modelQuality) } : {}),
      roleArn: a.roleArn,
      tags: a.nativeTags,
    },
    nativeOpts(),
  );

  let modelBias: ModelBiasJobDefinition | undefined;
  if (c.facets) {
    const config = analysisConfig("model-bias", biasAnalysisConfig(c));
    modelBias = new ModelBiasJobDefinition(
      `${name}-model-bias`,
      {
        endpointName: a.endpointName,
        modelBiasAppSpecification: { imageUri: clarifyImage.registryPath, configUri: config.uri },
        modelBiasJobInput: {
          endpointInput: { ...endpointBase, ...window, ...threshold, ...features },
          groundTruthS3Input: { s3Uri: c.groundTruthS3Uri },
        },
        modelBiasJobOutputConfig: output("model-bias"),
        jobResources,
        networkConfig,
        stoppingCondition,
        ...(c.constraints.bias !== undefined ? { modelBiasBaselineConfig: constraints(c.constraints.bias) } : {}),
        roleArn: a.roleArn,
        tags: a.nativeTags,
      },
      nativeOpts([config.object]),
    );
  }

  const explainConfig = analysisConfig("model-explainability", explainabilityAnalysisConfig(c));
  const modelExplainability = new ModelExplainabilityJobDefinition(
    `${name}-model-explainability`,
    {
      endpointName: a.endpointName,
      modelExplainabilityAppSpecification: { imageUri: clarifyImage.registryPath, configUri: explainConfig.uri },
      modelExplainabilityJobInput: { endpointInput: { ...endpointBase, ...features } },
      modelExplainabilityJobOutputConfig: output("model-explainability"),
      jobResources,
      networkConfig,
      stoppingCondition,
      ...(c.constraints.explainability !== undefined ? { modelExplainabilityBaselineConfig: constraints(c.constraints.explainability) } : {}),
      roleArn: a.roleArn,
      tags: a.nativeTags,
    },
    nativeOpts([explainConfig.object]),
  );

  const schedules: Record<string, MonitoringSchedule> = {};
  const schedule = (type: string, kind: string, definition: { jobDefinitionName: pulumi.Output<string | undefined>; jobDefinitionArn: pulumi.Output<string> }) => {
    schedules[type] = new MonitoringSchedule(
      `${name}-${kind}-schedule`,
      {
        monitoringScheduleConfig: {
          monitoringType: type,
          monitoringJobDefinitionName: definitionName(definition),
          scheduleConfig: { scheduleExpression: c.scheduleExpression },
        },
        tags: a.tags,
      },
      awsOpts,
    );
  };
  schedule("ModelQuality", "model-quality", modelQuality);
  if (modelBias) schedule("ModelBias", "model-bias", modelBias);
  schedule("ModelExplainability", "model-explainability", modelExplainability);
  return { modelQuality, ...(modelBias ? { modelBias } : {}), modelExplainability, schedules };
}

/**
 * A job definition's name: Pulumi/Cloud Control name it (so a replacement never collides with the
 * old definition); the ARN ends in the name should the name property come back empty.
 */
function definitionName(d: { jobDefinitionName: pulumi.Output<string | undefined>; jobDefinitionArn: pulumi.Output<string> }): pulumi.Output<string> {
  return pulumi.all([d.jobDefinitionName, d.jobDefinitionArn]).apply(([n, arn]) => n ?? arn.slice(arn.lastIndexOf("/") + 1));
}
