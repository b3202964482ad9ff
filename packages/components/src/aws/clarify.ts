import * as pulumi from "@pulumi/pulumi";
import { ModelBiasJobDefinition, ModelExplainabilityJobDefinition, ModelQualityJobDefinition } from "@pulumi/aws-native/sagemaker";
import { BucketObjectv2 } from "@pulumi/aws/s3";
import { MonitoringSchedule, getPrebuiltEcrImageOutput } from "@pulumi/aws/sagemaker";
import { z } from "zod";
import { issue, wholeArg } from "../common/args";
import { hasLocalNvme, s3UriArg, type NativeTag } from "./shared";

export const CLARIFY_PROBLEM_TYPES = ["BinaryClassification", "MulticlassClassification", "Regression"] as const;
export type ClarifyProblemType = (typeof CLARIFY_PROBLEM_TYPES)[number];
const SHAP_AGGREGATIONS = ["mean_abs", "median", "mean_sq"] as const;
/** Clarify checks run once a day by default: ground truth arrives late and an hour of traffic is thin for bias. */
export const CLARIFY_DAILY = "cron(0 0 ? * * *)";
/** The schedules Model Monitor accepts: hourly, daily at an hour, or every n hours from an hour. */
const MONITOR_CRON = /^cron\(0 (\*|([01]?\d|2[0-3])(\/([1-9]|1\d|2[0-4]))?) \? \* \* \*\)$/;
const OFFSET = /^-P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$/;

/** A positive-outcome or facet value as Clarify compares it: numeric strings become numbers (CSV columns are numbers). */
function clarifyValue(v: string): string | number {
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** A label or group value as YAML gives it (1 or "apac"). */
const value = z.union([z.string(), z.number()], { error: "expected a value such as 1 or apac" }).transform(String);
const attribute = z
  .string({ error: "expected an index or a JMESPath, e.g. 0 or predictions[0].score" })
  .refine((v) => v.trim() !== "", { error: "expected an index or a JMESPath, e.g. 0 or predictions[0].score" });
const offset = z.string({ error: "expected a negative ISO 8601 duration such as -P1D or -PT1H" }).regex(OFFSET, { error: "expected a negative ISO 8601 duration such as -P1D or -PT1H" });
const finite = z.number({ error: "expected a number" }).refine(Number.isFinite, { error: "expected a number" });

/** A sensitive attribute the bias monitor compares groups of. */
export const awsClarifyFacetArgs = z
  .strictObject({
    /** Column name (CSV, or a JMESPath for JSON Lines) of the sensitive attribute, e.g. "region". */
    name: z.string({ error: "expected the column name of a sensitive attribute" }).refine((n) => n.trim() !== "", { error: "expected the column name of a sensitive attribute, e.g. region" }),
    /**
     * Values of the sensitive group, e.g. ["apac"]; numeric strings ("1") are written as numbers.
     * @default none: every value is compared as its own group
     */
    values: z
      .array(value, { error: "expected a list of values of the sensitive group" })
      .min(1, { error: "expected at least one value of the sensitive group (or leave values out to compare every value)" })
      .optional(),
    /** For a numeric attribute: the lower bound of the sensitive group, e.g. 55 (not with values). @default none */
    threshold: finite.optional(),
  })
  .superRefine((f, ctx) => {
    if (f.values !== undefined && f.threshold !== undefined) issue(ctx, ["threshold"], "expected values or a threshold, not both");
  });
export type AwsClarifyFacetArgs = z.input<typeof awsClarifyFacetArgs>;

/**
 * SageMaker Clarify on the monitored endpoint: model quality against ground-truth labels, bias
 * across sensitive attributes (with `facets`) and SHAP feature attributions, on a schedule.
 */
export const awsClarifyArgs = z
  .strictObject({
    /** The model's problem type: "BinaryClassification", "MulticlassClassification" or "Regression". */
    problemType: z.enum(CLARIFY_PROBLEM_TYPES),
    /** S3 URI (prefix) of the ground-truth labels merged with the captured requests (model quality and bias). */
    groundTruthS3Uri: s3UriArg,
    /** The target attribute: a column name (CSV) or a JMESPath (JSON Lines). */
    label: z.string({ error: "expected the target attribute: a column name or a JMESPath" }).refine((l) => l.trim() !== "", { error: "expected the target attribute: a column name or a JMESPath" }),
    /** Column names of the analysed dataset, label included; label and facets must be among them. @default none (Clarify's own) */
    headers: z
      .array(z.string({ error: "expected a column name" }).refine((h) => h.trim() !== "", { error: "expected a column name" }), { error: "expected a list of column names" })
      .min(1, { error: "expected the dataset's column names (or leave headers out)" })
      .optional(),
    /**
     * Label values that count as the positive outcome (classification); numeric strings are written
     * as numbers. @default ["1"] for BinaryClassification; required for MulticlassClassification with facets
     */
    positiveLabels: z
      .array(value, { error: "expected a list of label values, e.g. [1]" })
      .min(1, { error: "expected at least one label value that is the positive outcome, e.g. [1]" })
      .optional(),
    /** Regression: a prediction at or above this is the positive outcome (required for bias monitoring). @default none */
    labelThreshold: finite.optional(),
    /** Sensitive attributes for bias monitoring. @default none: no bias monitoring (model quality and explainability only) */
    facets: z
      .array(awsClarifyFacetArgs, { error: "expected a list of facets, each {name, values?, threshold?}" })
      .min(1, { error: "expected at least one sensitive attribute (or leave facets out for no bias monitoring)" })
      .optional(),
    /** Where the predicted label is in the endpoint's output: an index or a JMESPath. @default none (a single value) */
    inferenceAttribute: attribute.optional(),
    /** Where the probability is in the endpoint's output: an index or a JMESPath. @default none */
    probabilityAttribute: attribute.optional(),
    /** BinaryClassification with probabilities: the probability from which a prediction is positive. @default 0.5 (Clarify's) */
    probabilityThreshold: z
      .number({ error: "expected a probability between 0 and 1" })
      .gt(0, { error: "expected a probability between 0 and 1" })
      .lt(1, { error: "expected a probability between 0 and 1" })
      .optional(),
    /** JSON Lines requests: the JMESPath of the features in a captured request. @default none (CSV) */
    featuresAttribute: attribute.optional(),
    /** Start of the captured window each run analyses, relative to the run (ISO 8601, e.g. "-P1D"), so late ground truth is merged. @default the last hour */
    startTimeOffset: offset.optional(),
    /** End of that window, e.g. "-PT1H". @default the run's start */
    endTimeOffset: offset.optional(),
    /** S3 URI of the SHAP baseline (background) rows, features only, in the requests' format. @default none (Clarify computes one) */
    shapBaseline: s3UriArg.optional(),
    /** Kernel SHAP samples per record. @default 100 */
    shapSamples: wholeArg(1, 10_000, "samples").default(100),
    /** How global SHAP values aggregate: "mean_abs", "median" or "mean_sq". @default "mean_abs" */
    shapAggregation: z.enum(SHAP_AGGREGATIONS).default("mean_abs"),
    /** When the Clarify checks run: hourly or daily SageMaker cron. @default "cron(0 0 ? * * *)" (daily, at midnight UTC) */
    scheduleExpression: z
      .string({ error: "expected a cron expression such as cron(0 0 ? * * *)" })
      .regex(MONITOR_CRON, { error: `expected an hourly or daily schedule such as ${CLARIFY_DAILY} (daily) or cron(0 * ? * * *) (hourly)` })
      .default(CLARIFY_DAILY),
    /** Constraints (S3 URIs) from Clarify baselining jobs; without them a run reports metrics but flags no violation. @default none */
    modelQualityConstraintsUri: s3UriArg.optional(),
    biasConstraintsUri: s3UriArg.optional(),
    explainabilityConstraintsUri: s3UriArg.optional(),
  })
  .transform((c, ctx) => {
    const { problemType, headers } = c;
    if (headers) {
      headers.forEach((h, i) => {
        if (headers.indexOf(h) !== i) issue(ctx, ["headers", i], `expected each column once; "${h}" is listed twice`);
      });
      if (!headers.includes(c.label)) issue(ctx, ["label"], `expected one of the headers (${headers.join(", ")}), got ${JSON.stringify(c.label)}`);
    }
    const classification = problemType !== "Regression";
    if (!classification && c.positiveLabels !== undefined) issue(ctx, ["positiveLabels"], "expected no positive labels for Regression (set labelThreshold)");
    if (classification && c.labelThreshold !== undefined) issue(ctx, ["labelThreshold"], `expected no label threshold for ${problemType} (set positiveLabels)`);

    let facets: { name_or_index: string; value_or_threshold?: (string | number)[] }[] | undefined;
    if (c.facets !== undefined) {
      const seen = new Set<string>();
      facets = c.facets.map((facet, i) => {
        if (facet.name === c.label) issue(ctx, ["facets", i, "name"], `expected a feature, not the label "${c.label}"`);
        else if (headers && !headers.includes(facet.name)) issue(ctx, ["facets", i, "name"], `expected one of the headers (${headers.join(", ")}), got ${JSON.stringify(facet.name)}`);
        else if (seen.has(facet.name)) issue(ctx, ["facets", i, "name"], `expected each attribute once; "${facet.name}" is listed twice`);
        seen.add(facet.name);
        const group = facet.values?.map(clarifyValue) ?? (facet.threshold !== undefined ? [facet.threshold] : undefined);
        return { name_or_index: facet.name, ...(group ? { value_or_threshold: group } : {}) };
      });
      if (problemType === "MulticlassClassification" && c.positiveLabels === undefined) {
        issue(ctx, ["positiveLabels"], "expected the label values that are the positive outcome (bias monitoring of a multiclass model)");
      }
      if (problemType === "Regression" && c.labelThreshold === undefined) {
        issue(ctx, ["labelThreshold"], "expected the prediction from which the outcome is positive (bias monitoring of a regression model)");
      }
    } else if (c.biasConstraintsUri !== undefined) {
      issue(ctx, ["biasConstraintsUri"], "expected facets: bias monitoring is off without them");
    }
    const labelValuesOrThreshold = classification ? (c.positiveLabels ?? ["1"]).map(clarifyValue) : c.labelThreshold !== undefined ? [c.labelThreshold] : undefined;
    if (c.probabilityThreshold !== undefined) {
      if (problemType !== "BinaryClassification") issue(ctx, ["probabilityThreshold"], `expected a probability threshold only for BinaryClassification, not ${problemType}`);
      if (c.probabilityAttribute === undefined) issue(ctx, ["probabilityAttribute"], "expected where the probability is in the endpoint's output (the threshold applies to it)");
    }
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
      shap: { baseline: c.shapBaseline, numSamples: c.shapSamples, aggMethod: c.shapAggregation },
      scheduleExpression: c.scheduleExpression,
      constraints: { modelQuality: c.modelQualityConstraintsUri, bias: c.biasConstraintsUri, explainability: c.explainabilityConstraintsUri },
    };
  });
export type AwsClarifyArgs = z.input<typeof awsClarifyArgs>;
export type ResolvedClarify = z.output<typeof awsClarifyArgs>;

/** The S3 objects a Clarify role must read besides the captured data: labels, baseline, constraints. */
export function clarifyReads(c: ResolvedClarify): pulumi.Input<string>[] {
  return [c.groundTruthS3Uri, c.shap.baseline, c.constraints.modelQuality, c.constraints.bias, c.constraints.explainability].filter(
    (u): u is string | pulumi.Output<string> => u !== undefined,
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
