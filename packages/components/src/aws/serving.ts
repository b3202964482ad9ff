import * as pulumi from "@pulumi/pulumi";
import { Policy as ScalingPolicy, Target as ScalingTarget } from "@pulumi/aws/appautoscaling";
import { Role, RolePolicy } from "@pulumi/aws/iam";
import { Endpoint, EndpointConfiguration, Model } from "@pulumi/aws/sagemaker";
import { fieldError, known } from "../common/errors";
import { trackIdentity, type TrackBaseArgs, type TrackComponent } from "../common/track";
import {
  awsAccount,
  bucketArnOf,
  catalogInstance,
  checkS3Uri,
  hasLocalNvme,
  inlinePolicy,
  keyPrefixOf,
  resolveBudget,
  resolveNetwork,
  secureBucket,
  serviceRole,
  trackBudget,
  trackKeyArn,
  trackNetwork,
  type AwsBudgetArgs,
  type AwsNetworkArgs,
  type BucketGrant,
} from "./shared";

/** Serverless inference instead of instances (CPU only; no VPC, network isolation or data capture). */
export interface AwsServerlessInferenceArgs {
  /** Memory of each serverless container, 1024 to 6144 MB in steps of 1024. */
  readonly memorySizeInMb: number;
  /** Concurrent invocations, 1 to 200. */
  readonly maxConcurrency: number;
  /** Warm concurrency kept ready, at most maxConcurrency. @default none */
  readonly provisionedConcurrency?: number;
}

export interface AwsDataCaptureArgs {
  /** Capture request and response payloads to S3 for monitoring and evaluation. @default true (false for serverless) */
  readonly enabled?: boolean;
  /** Percentage of requests captured, 1 to 100. @default 20 */
  readonly samplingPercentage?: number;
}

export interface AwsServingTrackArgs extends TrackBaseArgs, AwsBudgetArgs {
  /** The AWS region of the track. */
  readonly region: string;
  /** Inference container image (an ECR path). Required unless modelPackageArn is given. */
  readonly image?: pulumi.Input<string>;
  /** S3 URI of the model: a model.tar.gz, or a prefix ending in "/" with uncompressed weights. @default none (the image holds the model) */
  readonly modelDataUrl?: pulumi.Input<string>;
  /** A SageMaker model package version to deploy instead of an image (JumpStart fine-tunes, Model Registry). */
  readonly modelPackageArn?: pulumi.Input<string>;
  /** Buckets (and prefixes) the model reads besides modelDataUrl's, e.g. a model package's artifacts. @default [] */
  readonly modelReadAccess?: readonly BucketGrant[];
  /** Environment of the inference container. @default {} */
  readonly environment?: Readonly<Record<string, pulumi.Input<string>>>;
  /** Instance type of the endpoint, from the price catalog. @default "ml.g5.2xlarge" */
  readonly instanceType?: string;
  /** Fewest instances autoscaling keeps (at least 1). @default 1 */
  readonly minInstances?: number;
  /** Most instances autoscaling adds. @default 2 */
  readonly maxInstances?: number;
  /** Invocations per instance per minute that autoscaling holds. @default 60 */
  readonly targetInvocationsPerInstance?: number;
  /** Seconds between scale-in steps. @default 300 */
  readonly scaleInCooldownSeconds?: number;
  /** Seconds between scale-out steps. @default 60 */
  readonly scaleOutCooldownSeconds?: number;
  /** EBS volume per instance, GB (instances with local NVMe use that instead). @default none */
  readonly volumeSizeInGb?: number;
  /** Serverless inference instead of instances. @default none (instances) */
  readonly serverless?: AwsServerlessInferenceArgs;
  /** Data capture for monitoring. */
  readonly dataCapture?: AwsDataCaptureArgs;
  /** No network calls from the model container. @default true */
  readonly networkIsolation?: boolean;
  /** The VPC of the endpoint. @default a new private VPC */
  readonly network?: AwsNetworkArgs;
  /** An existing customer-managed key to encrypt with (a parent track's). @default a new key */
  readonly kmsKeyArn?: pulumi.Input<string>;
}

const SERVERLESS_MEMORY = [1024, 2048, 3072, 4096, 5120, 6144];

/** Every default of the serving-on-AWS track, applied in one place; throws naming the field. */
export function resolveAwsServingArgs(args: AwsServingTrackArgs) {
  const hasImage = args.image !== undefined;
  const hasPackage = args.modelPackageArn !== undefined;
  if (hasImage === hasPackage) fieldError(hasImage ? "modelPackageArn" : "image", "expected either an inference image (with modelDataUrl) or a model package, not both or neither");
  if (hasPackage && args.modelDataUrl !== undefined) fieldError("modelDataUrl", "expected no model data with a model package (the package names its artifacts)");
  const image = known<string>(args.image);
  if (image !== undefined && !/^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[a-z0-9._\/-]+(:[\w.-]+|@sha256:[0-9a-f]{64})$/.test(image)) {
    fieldError("image", `expected an ECR image such as 763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.31.0-lmi13.0.0-cu124, got ${JSON.stringify(image)}`);
  }
  checkS3Uri("modelDataUrl", args.modelDataUrl);
  const pkg = known<string>(args.modelPackageArn);
  if (pkg !== undefined && !/^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:(\d{12}|aws):model-package\/.+/.test(pkg)) {
    fieldError("modelPackageArn", `expected a model package version ARN (arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>), got ${JSON.stringify(pkg)}`);
  }
  const serverless = args.serverless;
  let instanceType: string | undefined;
  if (serverless) {
    if (args.instanceType !== undefined) fieldError("instanceType", "expected no instance type with serverless inference");
    if (!SERVERLESS_MEMORY.includes(serverless.memorySizeInMb)) fieldError("serverless.memorySizeInMb", `expected one of ${SERVERLESS_MEMORY.join(", ")}, got ${serverless.memorySizeInMb}`);
    if (!Number.isInteger(serverless.maxConcurrency) || serverless.maxConcurrency < 1 || serverless.maxConcurrency > 200) {
      fieldError("serverless.maxConcurrency", `expected 1 to 200 concurrent invocations, got ${serverless.maxConcurrency}`);
    }
    const pc = serverless.provisionedConcurrency;
    if (pc !== undefined && (!Number.isInteger(pc) || pc < 1 || pc > serverless.maxConcurrency)) {
      fieldError("serverless.provisionedConcurrency", `expected 1 to maxConcurrency (${serverless.maxConcurrency}), got ${pc}`);
    }
    if (args.dataCapture?.enabled === true) fieldError("dataCapture.enabled", "serverless endpoints cannot capture data; use instances to capture and monitor");
    if (args.network !== undefined) fieldError("network", "serverless endpoints cannot run in a VPC; use instances to keep the endpoint in a VPC");
    if (args.networkIsolation === true) fieldError("networkIsolation", "serverless endpoints do not support network isolation; use instances");
    if (args.minInstances !== undefined || args.maxInstances !== undefined) fieldError(args.minInstances !== undefined ? "minInstances" : "maxInstances", "expected no instance counts with serverless inference (it scales by concurrency)");
  } else {
    instanceType = args.instanceType ?? "ml.g5.2xlarge";
    catalogInstance("instanceType", instanceType, args.region);
  }
  const minInstances = args.minInstances ?? 1;
  const maxInstances = args.maxInstances ?? Math.max(2, minInstances);
  if (!Number.isInteger(minInstances) || minInstances < 1) {
    fieldError("minInstances", `expected at least 1 instance (an instance-based endpoint cannot scale to zero), got ${minInstances}`);
  }
  if (!Number.isInteger(maxInstances) || maxInstances < 1) fieldError("maxInstances", `expected a whole number of instances of at least 1, got ${maxInstances}`);
  if (maxInstances < minInstances) fieldError("minInstances", `expected at most maxInstances (${maxInstances}), got ${minInstances}`);
  const targetInvocationsPerInstance = args.targetInvocationsPerInstance ?? 60;
  if (!(targetInvocationsPerInstance > 0)) fieldError("targetInvocationsPerInstance", `expected invocations per instance per minute above 0, got ${targetInvocationsPerInstance}`);
  const scaleInCooldownSeconds = args.scaleInCooldownSeconds ?? 300;
  const scaleOutCooldownSeconds = args.scaleOutCooldownSeconds ?? 60;
  for (const [f, v] of [["scaleInCooldownSeconds", scaleInCooldownSeconds], ["scaleOutCooldownSeconds", scaleOutCooldownSeconds]] as const) {
    if (!Number.isInteger(v) || v < 0) fieldError(f, `expected whole seconds of 0 or more, got ${v}`);
  }
  if (args.volumeSizeInGb !== undefined && (!Number.isInteger(args.volumeSizeInGb) || args.volumeSizeInGb < 1 || args.volumeSizeInGb > 512)) {
    fieldError("volumeSizeInGb", `expected 1 to 512 GB, got ${args.volumeSizeInGb}`);
  }
  const captureEnabled = args.dataCapture?.enabled ?? !serverless;
  const samplingPercentage = args.dataCapture?.samplingPercentage ?? 20;
  if (!Number.isInteger(samplingPercentage) || samplingPercentage < 1 || samplingPercentage > 100) {
    fieldError("dataCapture.samplingPercentage", `expected a whole percentage from 1 to 100, got ${samplingPercentage}`);
  }
  const budget = resolveBudget(args);
  return {
    region: args.region,
    instanceType,
    serverless: serverless ? { ...serverless } : undefined,
    minInstances,
    maxInstances,
    targetInvocationsPerInstance,
    scaleInCooldownSeconds,
    scaleOutCooldownSeconds,
    volumeSizeInGb: args.volumeSizeInGb,
    dataCapture: { enabled: captureEnabled, samplingPercentage },
    networkIsolation: serverless ? false : (args.networkIsolation ?? true),
    network: serverless ? undefined : resolveNetwork("network", args.network),
    environment: { ...(args.environment ?? {}) },
    ...budget,
  };
}
export type ResolvedAwsServingArgs = ReturnType<typeof resolveAwsServingArgs>;

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
    const cfg = resolveAwsServingArgs(args);
    super("aitracks:aws:ServingTrack", name, trackIdentity("serving", "aws", cfg.region, { instanceTypes: [cfg.instanceType] }), opts);
    const parent = { parent: this };
    const tags = args.tags;
    const account = awsAccount(cfg.region, this);

    this.keyArn = trackKeyArn(
      name,
      account,
      args.kmsKeyArn,
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
    const read: BucketGrant[] = [...(args.modelReadAccess ?? [])];
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
