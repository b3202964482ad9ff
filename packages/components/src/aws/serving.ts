import * as pulumi from "@pulumi/pulumi";
import { Policy as ScalingPolicy, Target as ScalingTarget } from "@pulumi/aws/appautoscaling";
import { Role, RolePolicy } from "@pulumi/aws/iam";
import { Endpoint, EndpointConfiguration, Model } from "@pulumi/aws/sagemaker";
import { z } from "zod";
import { input, issue, parseArgs, regionArg, tagsArg, wholeArg } from "../common/args";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
import {
  awsAccount,
  awsBudgetArgs,
  awsNetworkArgs,
  bucketGrantsArg,
  defaultNetwork,
  environmentArg,
  instanceTypeArg,
  s3UriArg,
  stringInput,
  bucketArnOf,
  catalogInstance,
  hasLocalNvme,
  inlinePolicy,
  keyPrefixOf,
  secureBucket,
  serviceRole,
  trackBudget,
  trackKeyArn,
  trackNetwork,
  type BucketGrant,
} from "./shared";

const SERVERLESS_MEMORY = [1024, 2048, 3072, 4096, 5120, 6144];
const ECR_IMAGE = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[a-z0-9._\/-]+(:[\w.-]+|@sha256:[0-9a-f]{64})$/;
const MODEL_PACKAGE = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:(\d{12}|aws):model-package\/.+/;
const instances = wholeArg(1).optional();

/** Serverless inference instead of instances (CPU only; no VPC, network isolation or data capture). */
export const awsServerlessInferenceArgs = z
  .strictObject(
    {
      /** Memory of each serverless container, 1024 to 6144 MB in steps of 1024. */
      memorySizeInMb: z.number({ error: "expected a number of MB" }).refine((m) => SERVERLESS_MEMORY.includes(m), { error: `expected one of ${SERVERLESS_MEMORY.join(", ")}` }),
      /** Concurrent invocations, 1 to 200. */
      maxConcurrency: z
        .number({ error: "expected a number of concurrent invocations" })
        .int({ error: "expected 1 to 200 concurrent invocations" })
        .min(1, { error: "expected 1 to 200 concurrent invocations" })
        .max(200, { error: "expected 1 to 200 concurrent invocations" }),
      /** Warm concurrency kept ready, at most maxConcurrency. @default none */
      provisionedConcurrency: z.number({ error: "expected a number of concurrent invocations" }).optional(),
    },
    { error: "expected {memorySizeInMb, maxConcurrency, provisionedConcurrency?}" },
  )
  .superRefine((s, ctx) => {
    const pc = s.provisionedConcurrency;
    if (pc !== undefined && (!Number.isInteger(pc) || pc < 1 || pc > s.maxConcurrency)) {
      issue(ctx, ["provisionedConcurrency"], `expected 1 to maxConcurrency (${s.maxConcurrency}), got ${pc}`);
    }
  });
export type AwsServerlessInferenceArgs = z.input<typeof awsServerlessInferenceArgs>;

export const awsDataCaptureArgs = z.strictObject(
  {
    /** Capture request and response payloads to S3 for monitoring and evaluation. @default true (false for serverless) */
    enabled: z.boolean({ error: "expected true or false" }).optional(),
    /** Percentage of requests captured, 1 to 100. @default 20 */
    samplingPercentage: z
      .number({ error: "expected a percentage" })
      .int({ error: "expected a whole percentage from 1 to 100" })
      .min(1, { error: "expected a whole percentage from 1 to 100" })
      .max(100, { error: "expected a whole percentage from 1 to 100" })
      .default(20),
  },
  { error: "expected {enabled?, samplingPercentage?}" },
);
export type AwsDataCaptureArgs = z.input<typeof awsDataCaptureArgs>;

/** The args of the serving-on-AWS track: every default and rule in one place. */
export const awsServingTrackArgs = z
  .strictObject({
    /** The AWS region of the track (the stack's provider for it points there). */
    region: regionArg,
    tags: tagsArg,
    /** Inference container image (an ECR path). Required unless modelPackageArn is given. */
    image: input(
      z.string({ error: "expected an ECR image path" }).regex(ECR_IMAGE, {
        error: "expected an ECR image such as 763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.31.0-lmi13.0.0-cu124",
      }),
    ).optional(),
    /** S3 URI of the model: a model.tar.gz, or a prefix ending in "/" with uncompressed weights. @default none (the image holds the model) */
    modelDataUrl: s3UriArg.optional(),
    /** A SageMaker model package version to deploy instead of an image (JumpStart fine-tunes, Model Registry). */
    modelPackageArn: input(
      z.string({ error: "expected a model package version ARN" }).regex(MODEL_PACKAGE, {
        error: "expected a model package version ARN (arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>)",
      }),
    ).optional(),
    /** Buckets (and prefixes) the model reads besides modelDataUrl's, e.g. a model package's artifacts. @default [] */
    modelReadAccess: bucketGrantsArg.default([]),
    /** Environment of the inference container. @default {} */
    environment: environmentArg.default({}),
    /** Instance type of the endpoint, from the price catalog. @default "ml.g5.2xlarge" */
    instanceType: instanceTypeArg.optional(),
    /** Fewest instances autoscaling keeps (at least 1). @default 1 */
    minInstances: z
      .number({ error: "expected a number of instances" })
      .int({ error: "expected at least 1 instance (an instance-based endpoint cannot scale to zero)" })
      .min(1, { error: "expected at least 1 instance (an instance-based endpoint cannot scale to zero)" })
      .optional(),
    /** Most instances autoscaling adds. @default 2 (or minInstances, if more) */
    maxInstances: instances,
    /** Invocations per instance per minute that autoscaling holds. @default 60 */
    targetInvocationsPerInstance: z
      .number({ error: "expected invocations per instance per minute" })
      .gt(0, { error: "expected invocations per instance per minute above 0" })
      .default(60),
    /** Seconds between scale-in steps. @default 300 */
    scaleInCooldownSeconds: wholeArg(0, undefined, "seconds").default(300),
    /** Seconds between scale-out steps. @default 60 */
    scaleOutCooldownSeconds: wholeArg(0, undefined, "seconds").default(60),
    /** EBS volume per instance, GB (instances with local NVMe use that instead). @default none */
    volumeSizeInGb: wholeArg(1, 512, "GB").optional(),
    /** Serverless inference instead of instances. @default none (instances) */
    serverless: awsServerlessInferenceArgs.optional(),
    /** Data capture for monitoring. @default on (off for serverless), 20% of requests */
    dataCapture: awsDataCaptureArgs.prefault({}),
    /** No network calls from the model container. @default true */
    networkIsolation: z.boolean({ error: "expected true or false" }).optional(),
    /** The VPC of the endpoint. @default a new private VPC */
    network: awsNetworkArgs.optional(),
    /** An existing customer-managed key to encrypt with (a parent track's). @default a new key */
    kmsKeyArn: stringInput("expected a KMS key ARN").optional(),
    ...awsBudgetArgs,
  })
  .transform((a, ctx) => {
    const hasImage = a.image !== undefined;
    const hasPackage = a.modelPackageArn !== undefined;
    if (hasImage === hasPackage) issue(ctx, [hasImage ? "modelPackageArn" : "image"], "expected either an inference image (with modelDataUrl) or a model package, not both or neither");
    if (hasPackage && a.modelDataUrl !== undefined) issue(ctx, ["modelDataUrl"], "expected no model data with a model package (the package names its artifacts)");
    const serverless = a.serverless;
    let instanceType: string | undefined;
    if (serverless) {
      if (a.instanceType !== undefined) issue(ctx, ["instanceType"], "expected no instance type with serverless inference");
      if (a.dataCapture.enabled === true) issue(ctx, ["dataCapture", "enabled"], "serverless endpoints cannot capture data; use instances to capture and monitor");
      if (a.network !== undefined) issue(ctx, ["network"], "serverless endpoints cannot run in a VPC; use instances to keep the endpoint in a VPC");
      if (a.networkIsolation === true) issue(ctx, ["networkIsolation"], "serverless endpoints do not support network isolation; use instances");
      if (a.minInstances !== undefined || a.maxInstances !== undefined) {
        issue(ctx, [a.minInstances !== undefined ? "minInstances" : "maxInstances"], "expected no instance counts with serverless inference (it scales by concurrency)");
      }
    } else {
      instanceType = a.instanceType ?? "ml.g5.2xlarge";
      catalogInstance("instanceType", instanceType, a.region);
    }
    const minInstances = a.minInstances ?? 1;
    const maxInstances = a.maxInstances ?? Math.max(2, minInstances);
    if (maxInstances < minInstances) issue(ctx, ["minInstances"], `expected at most maxInstances (${maxInstances}), got ${minInstances}`);
    return {
      ...a,
      monthlyBudgetUsd: a.monthlyBudgetUsd,
      instanceType,
      minInstances,
      maxInstances,
      dataCapture: { enabled: a.dataCapture.enabled ?? !serverless, samplingPercentage: a.dataCapture.samplingPercentage },
      networkIsolation: serverless ? false : (a.networkIsolation ?? true),
      network: serverless ? undefined : (a.network ?? defaultNetwork()),
    };
  });
export type AwsServingTrackArgs = z.input<typeof awsServingTrackArgs>;

/** The production variant every serving track names; autoscaling targets it. */
export const SERVING_VARIANT = "primary";

/**
 * Serving on AWS: a SageMaker real-time endpoint, private and encrypted. Creates (or reuses) a
 * customer-managed key; an execution role that may read only the model's artifacts; the model,
 * network-isolated in a private VPC; an endpoint configuration with the instance type and count,
 * KMS on the instance volumes where they are EBS, and data capture to an encrypted, versioned,
 * non-public bucket; the endpoint; and Application Auto Scaling between minInstances and
 * maxInstances, tracking invocations per instance. Serverless inference is the explicit
 * alternative for small CPU models (it cannot run in a VPC or capture data).
 */
export class AwsServingTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "serving" as const;
  readonly cloud = "aws" as const;
  readonly keyArn: pulumi.Output<string>;
  readonly executionRole: Role;
  readonly model: Model;
  readonly endpointConfiguration: EndpointConfiguration;
  readonly endpoint: Endpoint;
  readonly scalingTarget?: ScalingTarget;
  /** Where captured requests and responses land (s3://bucket/capture/), when capture is on. */
  readonly captureS3Uri?: pulumi.Output<string>;
  readonly captureBucketArn?: pulumi.Output<string>;
  readonly outputs: Record<string, pulumi.Input<unknown>>;

  constructor(name: string, args: AwsServingTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = parseArgs(awsServingTrackArgs, args);
    super(trackComponentType("aws", "serving"), name, trackIdentity("serving", "aws", cfg.region, { instanceTypes: [cfg.instanceType] }), opts);
    const parent = { parent: this };
    const tags = args.tags;
    const account = awsAccount(cfg.region, this);

    this.keyArn = trackKeyArn(
      name,
      account,
      cfg.kmsKeyArn,
      { description: `aitracks ${name}: SageMaker endpoint volumes and captured data`, services: ["sagemaker", "sns", "budgets", "cloudwatch"], tags },
      parent,
    );

    const network = cfg.network ? trackNetwork(name, cfg.region, cfg.network, tags, parent) : undefined;

    let capture: { arn: pulumi.Output<string>; name: pulumi.Output<string> } | undefined;
    if (cfg.dataCapture.enabled) {
      capture = secureBucket(`${name}-capture`, { kmsKeyArn: this.keyArn, tags }, parent);
      this.captureBucketArn = capture.arn;
      this.captureS3Uri = pulumi.interpolate`s3://${capture.name}/capture/`;
    }

    // The model reads its artifacts and nothing else.
    const read: BucketGrant[] = [...cfg.modelReadAccess];
    if (args.modelDataUrl !== undefined) read.push({ bucketArn: bucketArnOf(args.modelDataUrl, account.partition), prefix: keyPrefixOf(args.modelDataUrl) });
    const role = serviceRole(
      `${name}-execution`,
      account,
      {
        description: `aitracks ${name}: the SageMaker model reads its artifacts`,
        read,
        kmsKeyArns: [this.keyArn],
        ...(network ? { vpcId: network.vpcId } : {}),
        statements: args.modelPackageArn !== undefined ? [{ Sid: "DescribeModelPackage", Effect: "Allow", Action: "sagemaker:DescribeModelPackage", Resource: args.modelPackageArn }] : [],
        tags,
      },
      parent,
    );
    this.executionRole = role.role;

    const container: { modelPackageName?: pulumi.Input<string>; image?: pulumi.Input<string>; environment: Record<string, pulumi.Input<string>> } =
      args.modelPackageArn !== undefined
        ? { modelPackageName: args.modelPackageArn, environment: cfg.environment }
        : { image: args.image, environment: cfg.environment };
    const modelData =
      args.modelDataUrl === undefined
        ? undefined
        : pulumi.output(args.modelDataUrl).apply((u) =>
            u.endsWith("/")
              ? { modelDataSource: { s3DataSources: [{ s3Uri: u, s3DataType: "S3Prefix", compressionType: "None" }] } }
              : { modelDataUrl: u },
          );
    this.model = new Model(
      `${name}-model`,
      {
        executionRoleArn: role.arn,
        primaryContainer: modelData ? pulumi.all([pulumi.output(container), modelData]).apply(([c, d]) => ({ ...c, ...d })) : container,
        enableNetworkIsolation: cfg.networkIsolation,
        ...(network ? { vpcConfig: { subnets: network.subnetIds, securityGroupIds: network.securityGroupIds } } : {}),
        tags,
      },
      { ...parent, dependsOn: [role.policy] },
    );

    const instanceVolumesOnEbs = cfg.instanceType !== undefined && !hasLocalNvme(cfg.instanceType);
    this.endpointConfiguration = new EndpointConfiguration(
      `${name}-config`,
      {
        // Instances with local NVMe encrypt it in hardware; SageMaker refuses a key for them.
        ...(instanceVolumesOnEbs ? { kmsKeyArn: this.keyArn } : {}),
        productionVariants: [
          cfg.serverless
            ? {
                variantName: SERVING_VARIANT,
                modelName: this.model.name,
                serverlessConfig: {
                  memorySizeInMb: cfg.serverless.memorySizeInMb,
                  maxConcurrency: cfg.serverless.maxConcurrency,
                  ...(cfg.serverless.provisionedConcurrency !== undefined ? { provisionedConcurrency: cfg.serverless.provisionedConcurrency } : {}),
                },
              }
            : {
                variantName: SERVING_VARIANT,
                modelName: this.model.name,
                instanceType: cfg.instanceType,
                initialInstanceCount: cfg.minInstances,
                initialVariantWeight: 1,
                ...(cfg.volumeSizeInGb !== undefined ? { volumeSizeInGb: cfg.volumeSizeInGb } : {}),
              },
        ],
        ...(capture
          ? {
              dataCaptureConfig: {
                enableCapture: true,
                initialSamplingPercentage: cfg.dataCapture.samplingPercentage,
                destinationS3Uri: this.captureS3Uri!,
                kmsKeyId: this.keyArn,
                captureOptions: [{ captureMode: "Input" }, { captureMode: "Output" }],
                captureContentTypeHeader: { jsonContentTypes: ["application/json"], csvContentTypes: ["text/csv"] },
              },
            }
          : {}),
        tags,
      },
      parent,
    );
    this.endpoint = new Endpoint(`${name}-endpoint`, { name, endpointConfigName: this.endpointConfiguration.name, tags }, parent);

    if (!cfg.serverless) {
      const resourceId = pulumi.interpolate`endpoint/${this.endpoint.name}/variant/${SERVING_VARIANT}`;
      this.scalingTarget = new ScalingTarget(
        `${name}-scaling`,
        {
          serviceNamespace: "sagemaker",
          scalableDimension: "sagemaker:variant:DesiredInstanceCount",
          resourceId,
          minCapacity: cfg.minInstances,
          maxCapacity: cfg.maxInstances,
          tags,
        },
        parent,
      );
      new ScalingPolicy(
        `${name}-invocations-per-instance`,
        {
          policyType: "TargetTrackingScaling",
          serviceNamespace: this.scalingTarget.serviceNamespace,
          scalableDimension: this.scalingTarget.scalableDimension,
          resourceId: this.scalingTarget.resourceId,
          targetTrackingScalingPolicyConfiguration: {
            predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantInvocationsPerInstance" },
            targetValue: cfg.targetInvocationsPerInstance,
            scaleInCooldown: cfg.scaleInCooldownSeconds,
            scaleOutCooldown: cfg.scaleOutCooldownSeconds,
          },
        },
        parent,
      );
    }

    trackBudget(name, account, { budget: cfg, services: ["Amazon SageMaker"], kmsKeyArn: this.keyArn, tags }, parent);

    this.outputs = {
      region: cfg.region,
      endpointName: this.endpoint.name,
      endpointArn: this.endpoint.arn,
      instanceType: cfg.instanceType ?? "serverless",
      minInstances: cfg.serverless ? 0 : cfg.minInstances,
      maxInstances: cfg.serverless ? 0 : cfg.maxInstances,
      executionRoleArn: role.arn,
      ...(this.captureS3Uri ? { captureS3Uri: this.captureS3Uri } : {}),
    };
    this.registerOutputs(this.outputs);
  }

  /** Let another role (an application's) invoke this endpoint, and only this endpoint. */
  grantInvoke(name: string, role: Role): RolePolicy {
    return inlinePolicy(
      name,
      role,
      [{ Effect: "Allow", Action: ["sagemaker:InvokeEndpoint", "sagemaker:InvokeEndpointWithResponseStream"], Resource: this.endpoint.arn }],
      { parent: this },
    );
  }
}
