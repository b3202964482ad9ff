import { describe, expect, it } from "vitest";
import { costModuleFor, type CostEstimate } from "@aitracks/core";
import { child, estimate, priced, res, track } from "./helpers";

// More of each AWS cost module's branches, every figure computed by hand from
// packages/core/catalog/compute-prices.json (us-east-1 list prices) and @pydantic/genai-prices;
// 730 hours a month, 365/12 days a month, the helpers' workload: 10,000 requests a day
// (304,166.67 a month), 1,500 input + 300 output tokens a request.

const reasonOf = (e: CostEstimate, name: string) => e.unpriced.find((u) => u.name === name)?.reason;
const freeOf = (e: CostEstimate, name: string) => e.free.find((f) => f.name === name)?.reason;
const NO_WORKLOAD = {};

describe("SageMaker monitoring schedule", () => {
  const MS = "aws:sagemaker/monitoringSchedule:MonitoringSchedule";
  const schedule = (name: string, config: Record<string, unknown>, extra: Record<string, unknown> = {}, deps: string[] = []) =>
    res(MS, name, { monitoringScheduleConfig: config, ...extra }, { dependencies: deps });
  const cluster = (instanceType: string | undefined, instanceCount?: number) => ({ clusterConfig: { instanceType, instanceCount, volumeSizeInGb: 20 } });

  it("runs a NOW schedule once: a one-off of count x the maximum runtime", () => {
    const def = res("aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition", "dq", { name: "dq-def", jobResources: cluster("ml.m5.xlarge", 2), stoppingCondition: { maxRuntimeInSeconds: 1_800 } });
    const e = estimate([def, schedule("now", { monitoringJobDefinitionName: "dq-def", scheduleConfig: { scheduleExpression: " NOW " } })]);
    const r = priced(e, "now");
    // 2 instances x 0.5 h = 1 instance-hour x $0.23 = $0.23, once
    expect(r.monthlyUsd).toBe(0);
    expect(r.oneOffUsd).toBeCloseTo(0.23, 12);
    expect(r.components).toHaveLength(1);
    expect(r.components[0]).toMatchObject({ name: "one run: ml.m5.xlarge x 2 x 0.5 h", kind: "one-off", unit: "hour", oneOffQuantity: 1, unitPriceUsd: 0.23, monthlyQuantity: 0 });
    expect(r.notes).toEqual(["each run priced at its maximum runtime (0.5 h): an upper bound"]);
  });

  it("defaults to an hourly schedule, one instance and Model Monitor's one-hour runtime; finds a definition by jobDefinitionName", () => {
    const def = res("aws-native:sagemaker:ModelQualityJobDefinition", "mq", { jobDefinitionName: "mq-def", jobResources: cluster("ml.m5.large") });
    const e = estimate([def, schedule("hourly", { monitoringJobDefinitionName: "mq-def" })]);
    const r = priced(e, "hourly");
    // cron(0 * ? * * *): 24 runs a day x 365/12 days = 730 runs x 1 instance x 1 h x $0.115 = $83.95
    expect(r.components[0]).toMatchObject({ name: "730 runs a month: ml.m5.large x 1 x 1 h", kind: "fixed", monthlyQuantity: 730, unitPriceUsd: 0.115 });
    expect(r.monthlyUsd).toBeCloseTo(83.95, 9);
    expect(r.oneOffUsd).toBe(0);
    expect(r.notes).toEqual(["each run priced at its maximum runtime (1 h): an upper bound"]);
  });

  it("finds the aws-native data quality definition by name and reads a lower-case cron on the first of the month", () => {
    const def = res("aws-native:sagemaker:DataQualityJobDefinition", "dqn", { name: "native-def", jobResources: cluster("ml.m5.xlarge", 3), stoppingCondition: { maxRuntimeInSeconds: "7200" } });
    const e = estimate([def, schedule("monthly", { monitoringJobDefinitionName: "native-def", scheduleConfig: { scheduleExpression: "CRON(0 0 1 * ? *)" } })]);
    // one run a month (day of month 1, hour 0, minute 0) x 3 instances x 2 h = 6 h x $0.23 = $1.38
    const r = priced(e, "monthly");
    expect(r.components[0]).toMatchObject({ name: "1 runs a month: ml.m5.xlarge x 3 x 2 h", monthlyQuantity: 6 });
    expect(r.monthlyUsd).toBeCloseTo(1.38, 12);
  });

  it("finds a bias or explainability definition by dependency when no name matches, and notes the region", () => {
    const bias = res("aws-native:sagemaker:ModelBiasJobDefinition", "bias", { jobDefinitionName: "bias-def", jobResources: cluster("ml.m5.large") });
    const expl = res("aws-native:sagemaker:ModelExplainabilityJobDefinition", "expl", { jobResources: cluster("ml.m5.xlarge") });
    const e = estimate([
      bias,
      expl,
      schedule("every-6h", { monitoringJobDefinitionName: "not-there", scheduleConfig: { scheduleExpression: "cron(0 */6)" } }, { region: "eu-west-1" }, [bias.urn]),
      schedule("explain", { scheduleConfig: { scheduleExpression: "cron(30)" } }, { region: "sa-east-1" }, [expl.urn]),
    ]);
    // cron(0 */6): hours 0, 6, 12, 18 = 4 runs a day x 365/12 = 121.6667 runs x 1 h x $0.115 = $13.991667
    const six = priced(e, "every-6h");
    expect(six.components[0]!.name).toBe("121.67 runs a month: ml.m5.large x 1 x 1 h");
    expect(six.components[0]!.monthlyQuantity).toBeCloseTo(121.6666667, 6);
    expect(six.monthlyUsd).toBeCloseTo((4 * 365) / 12 * 0.115, 9);
    expect(six.notes).toEqual(["each run priced at its maximum runtime (1 h): an upper bound", "ml.m5.large priced at its us-east-1 list price (the catalog quotes one region)"]);
    // cron(30): minute 30 of every hour (the hour, day and weekday fields default to every) = 730 runs x $0.23 = $167.90
    const ex = priced(e, "explain");
    expect(ex.components[0]!.monthlyQuantity).toBe(730);
    expect(ex.monthlyUsd).toBeCloseTo(167.9, 9);
    expect(ex.notes).toEqual(["each run priced at its maximum runtime (1 h): an upper bound", "ml.m5.xlarge is not offered in sa-east-1 according to the catalog; priced at the us-east-1 list price"]);
  });

  it("is unpriced without its definition, with a schedule it cannot read, or without an instance type", () => {
    const def = res("aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition", "dq", { name: "dq-def", jobResources: cluster("ml.m5.xlarge") });
    const noType = res("aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition", "dq2", { name: "dq-2", jobResources: cluster(undefined) });
    const e = estimate([
      def,
      noType,
      schedule("orphan", { monitoringJobDefinitionName: "elsewhere" }),
      schedule("rate", { monitoringJobDefinitionName: "dq-def", scheduleConfig: { scheduleExpression: "rate(1 hour)" } }),
      schedule("untyped", { monitoringJobDefinitionName: "dq-2" }),
    ]);
    expect(reasonOf(e, "orphan")).toBe("monitoringScheduleConfig.monitoringJobDefinitionName: the job definition is not in the stack, so its instances are unknown");
    expect(reasonOf(e, "rate")).toBe('scheduleExpression "rate(1 hour)": expected cron(...) or NOW');
    expect(reasonOf(e, "untyped")).toBe("jobResources.clusterConfig.instanceType: expected a string, got nothing");
    expect(e.resources.map((r) => r.name)).toEqual([]);
  });
});

describe("SageMaker training job, every form", () => {
  const TJ = "aws:sagemaker/trainingJob:TrainingJob";

  it("lists the instance types of a job, its groups or none", () => {
    const m = costModuleFor(TJ)!;
    expect(m.service).toBe("SageMaker training");
    expect(m.instances!({ inputs: { resourceConfig: { instanceGroups: [{ instanceType: "ml.g5.2xlarge" }, { instanceType: "" }, {}] } } } as never)).toEqual(["ml.g5.2xlarge"]);
    expect(m.instances!({ inputs: { resourceConfig: { instanceType: "ml.p4d.24xlarge", instanceGroups: [] } } } as never)).toEqual(["ml.p4d.24xlarge"]);
    expect(m.instances!({ inputs: {} } as never)).toEqual([]);
  });

  it("prices one instance by default for the runtime given; managed spot is said to be priced on demand", () => {
    const e = estimate([
      res(TJ, "spot", { resourceConfig: { instanceType: "ml.m5.xlarge" }, stoppingCondition: { maxRuntimeInSeconds: 7_200 }, enableManagedSpotTraining: true }),
      res(TJ, "spot-string", { resourceConfig: { instanceType: "ml.m5.xlarge" }, stoppingCondition: { maxRuntimeInSeconds: 7_200 }, enableManagedSpotTraining: "true" }),
    ]);
    const r = priced(e, "spot");
    // 1 x 2 h x $0.23 = $0.46 once
    expect(r.components).toEqual([expect.objectContaining({ name: "training: ml.m5.xlarge x 1 x 2 h", kind: "one-off", oneOffQuantity: 2, oneOffUsd: 0.46, monthlyUsd: 0 })]);
    expect(r.notes).toEqual(["one-off: priced at the maximum runtime, 2 h", "managed spot training: priced at on-demand rates (the upper bound)"]);
    expect(priced(e, "spot-string").notes).toEqual(["one-off: priced at the maximum runtime, 2 h"]);
  });

  it("names unnamed instance groups by index, one instance each by default, with the region's note per group", () => {
    const e = estimate([
      res(TJ, "groups", { region: "eu-west-1", resourceConfig: { instanceGroups: [{ instanceType: "ml.g5.2xlarge" }, { instanceGroupName: "cpu", instanceType: "ml.m5.large", instanceCount: 2 }] } }),
    ]);
    const r = priced(e, "groups");
    // 24 h (the default): 1.515 x 1 x 24 = 36.36; 0.115 x 2 x 24 = 5.52
    expect(r.components.map((c) => [c.name, c.oneOffQuantity, c.oneOffUsd])).toEqual([
      ["training (group 0): ml.g5.2xlarge x 1 x 24 h", 24, 36.36],
      ["training (cpu): ml.m5.large x 2 x 24 h", 48, 5.52],
    ]);
    expect(r.oneOffUsd).toBeCloseTo(41.88, 9);
    expect(r.notes).toEqual([
      "one-off: priced at the maximum runtime, 24 h (SageMaker's default)",
      "ml.g5.2xlarge priced at its us-east-1 list price (the catalog quotes one region)",
      "ml.m5.large priced at its us-east-1 list price (the catalog quotes one region)",
    ]);
  });

  it("prices the instance a serverless job names when it also has a resourceConfig; the proxy only without one", () => {
    const e = estimate([
      res(TJ, "both", { serverlessJobConfig: { jobType: "FineTuning" }, resourceConfig: { instanceType: "ml.m5.xlarge" }, stoppingCondition: { maxRuntimeInSeconds: 3_600 } }),
      res(TJ, "serverless", { serverlessJobConfig: { jobType: "FineTuning" } }),
    ]);
    expect(priced(e, "both").oneOffUsd).toBeCloseTo(0.23, 12); // ml.m5.xlarge x 1 h
    const s = priced(e, "serverless");
    // ml.g5.12xlarge $7.09 x 24 h (the default runtime) = $170.16
    expect(s.components).toEqual([expect.objectContaining({ name: "serverless customization (estimated): ml.g5.12xlarge x 1 x 24 h", oneOffQuantity: 24, oneOffUsd: 170.16 })]);
    expect(s.notes).toEqual([
      "one-off, estimated: the catalog has no serverless-customization meter, so priced as JumpStart's default LoRA training instance (ml.g5.12xlarge) for the maximum runtime, 24 h",
    ]);
  });

  it("names the field of a missing instance type or a bad group count", () => {
    const e = estimate([
      res(TJ, "no-type", { resourceConfig: { instanceCount: 1 } }),
      res(TJ, "bad-count", { resourceConfig: { instanceGroups: [{ instanceType: "ml.m5.large" }, { instanceType: "ml.m5.large", instanceCount: "two" }] } }),
      res(TJ, "bad-runtime", { resourceConfig: { instanceType: "ml.m5.large" }, stoppingCondition: { maxRuntimeInSeconds: "long" } }),
    ]);
    expect(reasonOf(e, "no-type")).toBe("resourceConfig.instanceType: expected a string, got nothing");
    expect(reasonOf(e, "bad-count")).toBe('resourceConfig.instanceGroups[1].instanceCount: expected a number, got "two"');
    expect(reasonOf(e, "bad-runtime")).toBe('stoppingCondition.maxRuntimeInSeconds: expected a number, got "long"');
  });
});

describe("ECS service on Fargate", () => {
  const SVC = "aws:ecs/service:Service";
  const TD = "aws:ecs/taskDefinition:TaskDefinition";

  it("prices a Fargate service's task definition (a dependency) x desiredCount x 730 h", () => {
    const td = res(TD, "task", { family: "api", cpu: "512", memory: "1024" });
    const e = estimate([td, res(SVC, "api", { launchType: "FARGATE", desiredCount: 2 }, { dependencies: [td.urn] })]);
    const r = priced(e, "api");
    // 0.5 vCPU x 2 x 730 = 730 vCPU-h x $0.04048 = $29.5504; 1 GB x 2 x 730 = 1,460 GB-h x $0.004445 = $6.4897
    expect(r.components.map((c) => [c.name, c.unit, c.monthlyQuantity, c.unitPriceUsd, c.monthlyUsd])).toEqual([
      ["0.5 vCPU x 2 tasks x 730 h", "vCPU-hour", 730, 0.04048, 29.5504],
      ["1 GB x 2 tasks x 730 h", "GB-hour", 1460, 0.004445, 6.4897],
    ]);
    expect(r.monthlyUsd).toBeCloseTo(36.0401, 9);
    expect(r.notes).toEqual([]);
  });

  it("prices ARM64 tasks at the Graviton rates, finds the task definition by the family in its ARN, notes Fargate Spot", () => {
    const td = res(TD, "task", { family: "web", cpu: 1024, memory: 2048, runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "LINUX" } });
    const e = estimate([
      td,
      res(SVC, "web", { desiredCount: 1, taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3", capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }] }),
    ]);
    const r = priced(e, "web");
    // 1 vCPU x 1 x 730 = 730 x $0.03238 = $23.6374; 2 GB x 730 = 1,460 x $0.00356 = $5.1976
    expect(r.components.map((c) => [c.name, c.monthlyQuantity, c.unitPriceUsd, c.monthlyUsd])).toEqual([
      ["1 vCPU x 1 task x 730 h", 730, 0.03238, 23.6374],
      ["2 GB x 1 task x 730 h", 1460, 0.00356, 5.1976],
    ]);
    expect(r.notes).toEqual(["part of the service may run on Fargate Spot (billed less); priced on demand"]);
  });

  it("runs no tasks at desiredCount 0 (the default), says so; finds the family by name and revision; notes the region", () => {
    const td = res(TD, "task", { family: "worker", cpu: 256, memory: 512 });
    const e = estimate([
      td,
      res(SVC, "idle", { launchType: "FARGATE", taskDefinition: "worker:7", region: "eu-west-1" }),
      res(SVC, "plain", { capacityProviderStrategies: [{ capacityProvider: "FARGATE" }], taskDefinition: "worker", desiredCount: 4 }),
    ]);
    const idle = priced(e, "idle");
    expect(idle.components.map((c) => [c.name, c.monthlyQuantity, c.monthlyUsd])).toEqual([
      ["0.25 vCPU x 0 tasks x 730 h", 0, 0],
      ["0.5 GB x 0 tasks x 730 h", 0, 0],
    ]);
    expect(idle.notes).toEqual(["fargate-vcpu-hour priced at its us-east-1 list price (the catalog quotes one region)", "desiredCount is 0 (the default): no tasks run until it is raised"]);
    // 0.25 vCPU x 4 x 730 = 730 x $0.04048 = $29.5504; 0.5 GB x 4 x 730 = 1,460 x $0.004445 = $6.4897
    expect(priced(e, "plain").monthlyUsd).toBeCloseTo(36.0401, 9);
    expect(priced(e, "plain").notes).toEqual([]);
  });

  it("leaves services on EC2 capacity to the instances; asks for launchType when nothing says Fargate", () => {
    const e = estimate([
      res(SVC, "ec2", { launchType: "EC2", desiredCount: 2 }),
      res(SVC, "external", { launchType: "EXTERNAL" }),
      res(SVC, "asg", { capacityProviderStrategies: [{ capacityProvider: "my-asg", weight: 1 }] }),
      res(SVC, "unnamed-provider", { capacityProviderStrategies: [{ weight: 1 }] }),
      res(SVC, "unset", { desiredCount: 1 }),
    ]);
    const onEc2 = "tasks run on the cluster's EC2 instances (priced on their own)";
    expect([freeOf(e, "ec2"), freeOf(e, "external"), freeOf(e, "asg"), freeOf(e, "unnamed-provider")]).toEqual([onEc2, onEc2, onEc2, onEc2]);
    expect(reasonOf(e, "unset")).toBe("launchType is not set: ECS defaults to EC2 capacity unless the cluster's default strategy says Fargate; set launchType");
  });

  it("is unpriced without a task definition the stack has", () => {
    const e = estimate([
      res(TD, "task", { family: "api", cpu: 256, memory: 512 }),
      res(SVC, "none", { launchType: "FARGATE", desiredCount: 1 }),
      res(SVC, "other", { launchType: "FARGATE", desiredCount: 1, taskDefinition: "arn:aws:ecs:us-east-1:1:task-definition/other:1" }),
    ]);
    const msg = "taskDefinition: no task definition of the stack matches it (its CPU and memory are the price)";
    expect([reasonOf(e, "none"), reasonOf(e, "other")]).toEqual([msg, msg]);
  });
});

describe("S3 bucket contents", () => {
  const EC = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
  const variants = [{ instanceType: "ml.m5.large" }];
  // A captured request: (1,500 + 300) tokens x 4 bytes + 1,024 bytes = 8,224 bytes.
  const capturedGb = (pct: number) => (((10_000 * 365) / 12) * (pct / 100) * 8_224) / 1e9;

  it("sizes SageMaker data capture at its sampling percentage, kept and averaged over 36 months", () => {
    const bucket = res("aws:s3/bucket:Bucket", "capture", { region: "eu-west-1" });
    const e = estimate([bucket, res(EC, "cfg", { productionVariants: variants, dataCaptureConfig: { enableCapture: true, initialSamplingPercentage: 50 } }, { dependencies: [bucket.urn] })]);
    const r = priced(e, "capture");
    // 304,166.67 x 50% x 8,224 B = 1.250733 GB a month; x (36 + 1) / 2 = 23.138567 GB average x $0.023 = $0.532187
    expect(r.components[0]!.name).toBe("S3 Standard storage: SageMaker data capture (50% of requests) (average over the horizon)");
    expect(r.components[0]!.monthlyQuantity).toBeCloseTo((capturedGb(50) * 37) / 2, 9);
    expect(r.monthlyUsd).toBeCloseTo(((capturedGb(50) * 37) / 2) * 0.023, 9);
    expect(r.notes).toEqual(["1.25 GB added a month, kept: 23.14 GB on average over 36 months", "s3-standard priced at its us-east-1 list price (the catalog quotes one region)"]);
  });

  it("captures every request by default, and adds the Bedrock invocation logs to it", () => {
    const bucket = res("aws:s3/bucket:Bucket", "both", { bucket: "logs-1" });
    const profile = res("aws:bedrock/inferenceProfile:InferenceProfile", "model", { modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0" } });
    const logging = res("aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration", "logging", { loggingConfig: { s3Config: { bucketName: "logs-1" } } });
    const e = estimate([bucket, profile, logging, res(EC, "cfg", { productionVariants: variants, dataCaptureConfig: { enableCapture: true } }, { dependencies: [bucket.urn] })]);
    const r = priced(e, "both");
    // logs: all traffic through Bedrock, 2.501467 GB; capture at 100%: 2.501467 GB; 5.002933 GB a month, x 18.5 = 92.554 GB
    expect(r.components[0]!.name).toBe("S3 Standard storage: Bedrock invocation logs + SageMaker data capture (100% of requests) (average over the horizon)");
    expect(r.monthlyUsd).toBeCloseTo(((2 * capturedGb(100) * 37) / 2) * 0.023, 9);
    expect(r.notes).toEqual(["5 GB added a month, kept: 92.55 GB on average over 36 months"]);
  });

  it("ignores capture that is disabled or absent: 0 GB, said so", () => {
    const bucket = res("aws:s3/bucket:Bucket", "quiet", { region: "eu-west-1" });
    const e = estimate([
      bucket,
      res(EC, "off", { productionVariants: variants, dataCaptureConfig: { enableCapture: false, initialSamplingPercentage: 100 } }, { dependencies: [bucket.urn] }),
      res(EC, "none", { productionVariants: variants }, { dependencies: [bucket.urn] }),
    ]);
    const r = priced(e, "quiet");
    expect(r.components).toEqual([expect.objectContaining({ name: "S3 Standard storage (volume not in the workload)", monthlyQuantity: 0, monthlyUsd: 0, unit: "GB-month" })]);
    expect(r.notes).toEqual(["what this bucket holds is not sized by the workload: 0 GB counted; to count it: the GB it holds (no aitracks:workload field states it), $0.023 per GB-month"]);
  });

  it("holds a fine-tune track's labelled set in its data bucket", () => {
    const ft = track("FineTune", "aws", "tune");
    const config = { "aitracks:workload": { workload: { requestsPerDay: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 }, fineTune: { labeledExamples: 12_345, tokensPerExample: 1_000 } } };
    const e = estimate([ft, child(ft, "aws:s3/bucket:Bucket", "tune-training-data", {})], config);
    const r = priced(e, "tune-training-data");
    // 12,345 x 1,000 tokens x 4 bytes = 0.04938 GB x $0.023 = $0.00113574
    expect(r.components[0]!.name).toBe("S3 Standard storage: labelled training set (12,345 examples)");
    expect(r.components[0]!.monthlyQuantity).toBeCloseTo(0.04938, 12);
    expect(r.monthlyUsd).toBeCloseTo(0.00113574, 12);
    expect(r.notes).toEqual(["0.05 GB at 4 bytes a token (aitracks:workload)"]);
  });
});

describe("Bedrock evaluation job, every model kind", () => {
  const EJ = "aws:bedrock/evaluationJob:EvaluationJob";
  const model = (modelIdentifier: string) => ({ bedrockModel: { modelIdentifier } });

  it("prices a judge per dataset, model and metric; notes each kind of model without a token charge", () => {
    const e = estimate([
      res(EJ, "judged", {
        evaluationConfig: {
          automated: {
            datasetMetricConfigs: [
              { taskType: "General", metricNames: ["Builtin.Correctness", "Builtin.Completeness"], dataset: { name: "a" } },
              { taskType: "General", metricNames: ["Builtin.Helpfulness"], dataset: { name: "b" } },
            ],
            evaluatorModelConfig: { bedrockEvaluatorModel: [{ modelIdentifier: "amazon.nova-lite-v1:0" }, { modelIdentifier: "arn:aws:bedrock:us-east-1:1:custom-model/judge" }] },
          },
        },
        inferenceConfig: {
          models: [
            model("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0"),
            model("arn:aws:bedrock:us-east-1:1:custom-model/abc"),
            model("arn:aws:bedrock:us-east-1:1:application-inference-profile/xyz"),
            model("arn:aws:bedrock:us-east-1:1:something-else/xyz"),
          ],
        },
      }),
    ]);
    const r = priced(e, "judged");
    // 2 datasets x 1,000 = 2,000 prompts. Evaluated nova-lite: 2,000 x 1,500 = 3M input x $0.06 = $0.18; 2,000 x 300 = 0.6M output x $0.24 = $0.144.
    // Judge nova-lite: 2,000 prompts x 4 models x 3 metrics = 24,000 judgements; x 1,800 tokens read = 43.2M x $0.06 = $2.592;
    // x 200 tokens written = 4.8M x $0.24 = $1.152. The custom judge adds nothing.
    expect(r.components.map((c) => [c.name, c.kind, c.oneOffQuantity, c.unitPriceUsd])).toEqual([
      ["evaluated model 0 (amazon.nova-lite-v1:0) input tokens", "one-off", 3, 0.06],
      ["evaluated model 0 (amazon.nova-lite-v1:0) output tokens", "one-off", 0.6, 0.24],
      ["judge (amazon.nova-lite-v1:0) input tokens", "one-off", 43.2, 0.06],
      ["judge (amazon.nova-lite-v1:0) output tokens", "one-off", 4.8, 0.24],
    ]);
    expect(r.oneOffUsd).toBeCloseTo(0.18 + 0.144 + 2.592 + 1.152, 9);
    expect(r.monthlyUsd).toBe(0);
    expect(r.notes).toEqual([
      "one-off: 2,000 prompts (Bedrock's maximum per dataset) x 1,500 input + 300 output tokens",
      "evaluated model 1: a custom model, no token charge (its provisioned throughput is priced on its own)",
      "evaluated model 2: a application-profile model, no token charge (its provisioned throughput is priced on its own)",
      "evaluated model 3: a custom or provisioned model, no token charge (its provisioned throughput is priced on its own)",
    ]);
  });

  it("takes a single judge object, 1,000 prompts without datasets, one judgement per prompt without metrics or models", () => {
    const e = estimate([res(EJ, "judge-only", { evaluationConfig: { automated: { evaluatorModelConfig: { bedrockEvaluatorModel: { modelIdentifier: "amazon.nova-lite-v1:0" } } } } })]);
    const r = priced(e, "judge-only");
    // 1,000 prompts x 1 x 1 = 1,000 judgements x 1,800 = 1.8M x $0.06 = $0.108; x 200 = 0.2M x $0.24 = $0.048
    expect(r.components.map((c) => [c.name, c.oneOffQuantity])).toEqual([
      ["judge (amazon.nova-lite-v1:0) input tokens", 1.8],
      ["judge (amazon.nova-lite-v1:0) output tokens", 0.2],
    ]);
    expect(r.oneOffUsd).toBeCloseTo(0.156, 12);
    expect(r.notes).toEqual(["one-off: 1,000 prompts (Bedrock's maximum per dataset) x 1,500 input + 300 output tokens"]);
  });

  it("is free when it evaluates only custom or provisioned models with no foundation judge", () => {
    const e = estimate([
      res(EJ, "custom-only", {
        evaluationConfig: { automated: { evaluatorModelConfig: { bedrockEvaluatorModel: null } } },
        inferenceConfig: { models: [model("arn:aws:bedrock:us-east-1:1:provisioned-model/x"), {}] },
      }),
    ]);
    expect(freeOf(e, "custom-only")).toBe("it evaluates custom or provisioned models only: their inference is billed on their provisioned throughput (priced)");
  });
});

describe("Application Auto Scaling target, every way to its variant", () => {
  const EC = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
  const EP = "aws:sagemaker/endpoint:Endpoint";
  const TG = "aws:appautoscaling/target:Target";
  const POLICY = "aws:appautoscaling/policy:Policy";

  it("leaves other namespaces and unfound variants free, each with its reason", () => {
    const cfg = res(EC, "cfg", { name: "two", productionVariants: [{ variantName: "a", instanceType: "ml.m5.large" }, { variantName: "b", instanceType: "ml.m5.large" }] });
    const ep = res(EP, "ep", { name: "ep-two", endpointConfigName: "two" });
    const badCfg = res(EC, "bad", { name: "bad", productionVariants: "none" });
    const badEp = res(EP, "ep-bad", { name: "ep-bad", endpointConfigName: "bad" });
    const e = estimate([
      cfg,
      ep,
      badCfg,
      badEp,
      res(TG, "ecs", { serviceNamespace: "ecs", resourceId: "service/c/s", minCapacity: 1, maxCapacity: 3 }),
      res(TG, "no-id", { serviceNamespace: "sagemaker", minCapacity: 1, maxCapacity: 3 }),
      res(TG, "other-variant", { serviceNamespace: "sagemaker", resourceId: "endpoint/ep-two/variant/c", minCapacity: 1, maxCapacity: 3 }),
      res(TG, "not-array", { serviceNamespace: "sagemaker", resourceId: "endpoint/ep-bad/variant/a", minCapacity: 1, maxCapacity: 3 }),
      res(TG, "odd-id", { serviceNamespace: "sagemaker", resourceId: "endpoint/ep-two", minCapacity: 1, maxCapacity: 3 }),
    ]);
    expect(freeOf(e, "ecs")).toBe("scaling bounds only; the scaled resource is priced on its own");
    const notFound = "scaling bounds; the endpoint variant it scales was not found, so no ceiling is shown";
    expect([freeOf(e, "no-id"), freeOf(e, "other-variant"), freeOf(e, "not-array"), freeOf(e, "odd-id")]).toEqual([notFound, notFound, notFound, notFound]);
  });

  it("finds the endpoint and its configuration by dependency, takes a single variant whatever its name, without a workload", () => {
    const cfg = res(EC, "cfg", { productionVariants: [{ variantName: "only", instanceType: "ml.m5.large", initialInstanceCount: 2 }] });
    const ep = res(EP, "ep", {}, { dependencies: [cfg.urn] });
    const t = res(TG, "scale", { serviceNamespace: "sagemaker", resourceId: "endpoint/unknown/variant/other", maxCapacity: "5" }, { dependencies: [ep.urn] });
    const e = estimate([cfg, ep, t], NO_WORKLOAD);
    const r = priced(e, "scale");
    // minCapacity defaults to the 2 initial instances priced on the configuration: nothing more a month;
    // the ceiling is 5 - 2 = 3 instances x 730 h x $0.115 = $251.85
    expect(r.monthlyUsd).toBe(0);
    expect(r.ceilingMonthlyUsd).toBeCloseTo(251.85, 9);
    expect(r.components[0]!.name).toBe("autoscaled fleet: ml.m5.large min 2 / expected 2 / ceiling 5 (less the 2 priced on the endpoint configuration)");
    expect(r.notes).toEqual(["no aitracks:workload: the fleet is priced at its minimum of 2; add aitracks:workload.workload (requestsPerDay, peakToAverage, monthlyGrowth) to price the expected fleet"]);
  });

  it("says when no invocations target-tracking policy sizes the fleet (a policy on another metric, or a zero target)", () => {
    const cfg = res(EC, "cfg", { name: "c1", productionVariants: [{ variantName: "main", instanceType: "ml.m5.large", initialInstanceCount: 1 }] });
    const ep = res(EP, "ep", { name: "e1", endpointConfigName: "c1" });
    const t = res(TG, "scale", { serviceNamespace: "sagemaker", resourceId: "endpoint/e1/variant/main", minCapacity: 1, maxCapacity: 4 });
    const cpu = res(POLICY, "cpu", { resourceId: "endpoint/e1/variant/main", targetTrackingScalingPolicyConfiguration: { targetValue: 70, predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantCPUUtilization" } } });
    const zero = res(POLICY, "zero", { targetTrackingScalingPolicyConfiguration: { targetValue: 0, predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantInvocationsPerInstance" } } }, { dependencies: [t.urn] });
    const e = estimate([cfg, ep, t, cpu, zero]);
    const r = priced(e, "scale");
    expect(r.monthlyUsd).toBe(0);
    expect(r.ceilingMonthlyUsd).toBeCloseTo(3 * 730 * 0.115, 9); // $251.85
    expect(r.notes).toContain("no SageMakerVariantInvocationsPerInstance target-tracking policy: the fleet is not sized from the traffic; priced at its minimum of 1");
    expect(r.notes.filter((n) => /minimum|target-tracking/.test(n))).toHaveLength(1);
  });

  it("sizes the fleet from an invocations target-tracking policy that names the same resourceId", () => {
    const cfg = res(EC, "cfg", { name: "c1", productionVariants: [{ variantName: "main", instanceType: "ml.m5.large", initialInstanceCount: 1 }] });
    const ep = res(EP, "ep", { name: "e1", endpointConfigName: "c1" });
    const t = res(TG, "scale", { serviceNamespace: "sagemaker", resourceId: "endpoint/e1/variant/main", minCapacity: 1, maxCapacity: 4 });
    const inv = res(POLICY, "inv", { resourceId: "endpoint/e1/variant/main", targetTrackingScalingPolicyConfiguration: { targetValue: 1_000_000, predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantInvocationsPerInstance" } } });
    const e = estimate([cfg, ep, t, inv]);
    const r = priced(e, "scale");
    // one instance takes 1,000,000 requests a minute: the workload never needs a second one, so nothing above the configuration's 1
    expect(r.monthlyUsd).toBe(0);
    expect(r.ceilingMonthlyUsd).toBeCloseTo(3 * 730 * 0.115, 9);
    expect(r.notes.join(" ")).toContain("target 1,000,000 invocations per instance a minute (inv); clamped to 1..4");
    expect(r.notes.join(" ")).not.toContain("no target-tracking policy");
  });
});

describe("Bedrock guardrail directions and shares", () => {
  const G = "aws:bedrock/guardrail:Guardrail";

  it("checks only the sides an item enables; a strength of NONE only counts for content filters", () => {
    const e = estimate([
      res(G, "sides", {
        region: "eu-west-1",
        contentPolicyConfig: { filtersConfigs: [{ type: "VIOLENCE", inputEnabled: false, inputStrength: "HIGH", outputStrength: "HIGH" }] },
        topicPolicyConfig: { topicsConfigs: [{ name: "t", outputEnabled: false, inputStrength: "NONE" }] },
        sensitiveInformationPolicyConfig: { piiEntitiesConfigs: [{ type: "EMAIL", inputEnabled: false, outputEnabled: false }] },
        contextualGroundingPolicyConfig: { filtersConfigs: [] },
        wordPolicyConfig: { managedWordListsConfigs: [{ type: "PROFANITY" }] },
      }),
    ]);
    const r = priced(e, "sides");
    // nothing else serves traffic: the guardrail sees the whole workload. 6 input / 2 output text units a request.
    // content filters out: 304,166.67 x 2 / 1,000 = 608.33 x $0.15 = $91.25; denied topics in: 1,825 x $0.15 = $273.75
    expect(r.components.map((c) => [c.name, c.monthlyQuantity, c.unitPriceUsd])).toEqual([
      ["content filters: output text units (2 a request x 304,166.67 requests)", 608.333333333, 0.15],
      ["denied topics: input text units (6 a request x 304,166.67 requests)", 1825, 0.15],
    ]);
    expect(r.monthlyUsd).toBeCloseTo(365, 6);
    expect(r.notes).toEqual([
      "6,000 input and 1,200 output characters a request (4 a token): 6 + 2 text units of up to 1,000 characters",
      "word filters are free",
      "bedrock-guardrail-content-filter priced at its us-east-1 list price (the catalog quotes one region)",
    ]);
  });

  it("outside a track, checks only the traffic no track serves (none here), and says so", () => {
    const buy = track("Buy", "aws", "assistant");
    const profile = child(buy, "aws:bedrock/inferenceProfile:InferenceProfile", "assistant-model-0", { modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0" } });
    const e = estimate([buy, profile, res(G, "loose", { sensitiveInformationPolicyConfig: { piiEntitiesConfigs: [{ type: "EMAIL", action: "BLOCK" }] } })]);
    const r = priced(e, "loose");
    expect(r.components.map((c) => [c.name, c.monthlyQuantity])).toEqual([
      ["sensitive information (PII): input text units (6 a request x 0 requests)", 0],
      ["sensitive information (PII): output text units (2 a request x 0 requests)", 0],
    ]);
    expect(r.notes).toEqual(["6,000 input and 1,200 output characters a request (4 a token): 6 + 2 text units of up to 1,000 characters", "checks 0% of the workload (its track's share)"]);
  });

  it("counts no text units without a workload, and says so", () => {
    const e = estimate([res(G, "g", { contextualGroundingPolicyConfig: { filtersConfigs: [{ type: "GROUNDING", threshold: 0.8 }] }, wordPolicyConfig: { wordsConfigs: [{ text: "x" }] } })], NO_WORKLOAD);
    const r = priced(e, "g");
    expect(r.monthlyUsd).toBe(0);
    expect(r.components.map((c) => c.name)).toEqual(["contextual grounding: input text units (0 a request x 0 requests)", "contextual grounding: output text units (0 a request x 0 requests)"]);
    expect(r.notes).toEqual([
      "no aitracks:workload in the stack: text units counted as 0; add aitracks:workload.workload (requestsPerDay, inputTokensPerRequest, outputTokensPerRequest) to count it",
      "word filters are free",
    ]);
  });
});

describe("Bedrock model ids, inference profiles and provisioned throughput", () => {
  const IP = "aws:bedrock/inferenceProfile:InferenceProfile";
  const PT = "aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput";

  it("refuses to price a profile copied from a custom, provisioned or application profile, or an unknown model", () => {
    const e = estimate([
      res(IP, "custom", { modelSource: { copyFrom: "arn:aws:bedrock:us-east-1:1:custom-model/abc" } }),
      res(IP, "prov", { modelSource: { copyFrom: "arn:aws:bedrock:us-east-1:1:provisioned-model/abc" } }),
      res(IP, "app", { modelSource: { copyFrom: "arn:aws:bedrock:us-east-1:1:application-inference-profile/abc" } }),
      res(IP, "other-arn", { modelSource: { copyFrom: "arn:aws:bedrock:us-east-1:1:agent/abc" } }),
      res(IP, "empty", { modelSource: { copyFrom: "" } }),
      res(IP, "none", {}),
    ]);
    expect(Object.fromEntries(e.unpriced.map((u) => [u.name, u.reason]))).toEqual({
      custom: "modelSource.copyFrom: a custom model has no on-demand token price",
      prov: "modelSource.copyFrom: a provisioned model has no on-demand token price",
      app: "modelSource.copyFrom: a application-profile model has no on-demand token price",
      "other-arn": "modelSource.copyFrom: the model is not known until deploy",
      empty: "modelSource.copyFrom: the model is not known until deploy",
      none: "modelSource.copyFrom: the model is not known until deploy",
    });
  });

  it("prices a bare model id and a cross-region inference profile ARN at the same token prices", () => {
    const e = estimate([
      res(IP, "bare", { modelSource: { copyFrom: "amazon.nova-lite-v1:0" } }),
      res(IP, "cross", { modelSource: { copyFrom: "arn:aws:bedrock:us-east-1:1:inference-profile/amazon.nova-lite-v1:0" } }),
    ]);
    // nova-lite on Bedrock: $0.06 per 1M input tokens, $0.24 per 1M output tokens, whichever form names it
    expect(priced(e, "bare").components.map((c) => c.unitPriceUsd)).toEqual([0.06, 0.24]);
    expect(priced(e, "cross").components.map((c) => c.unitPriceUsd)).toEqual([0.06, 0.24]);
  });

  it("prices one model unit of a geo-prefixed foundation model, says a commitment is priced without its discount", () => {
    const e = estimate([
      res(PT, "one", { modelUnits: 1, modelArn: "arn:aws:bedrock:us-east-1::foundation-model/us.amazon.nova-lite-v1:0", commitmentDuration: "SixMonths", region: "eu-central-1" }),
      res(PT, "llama", { modelUnits: "3", modelArn: "meta.llama3-1-8b-instruct-v1:0" }),
    ]);
    const one = priced(e, "one");
    // 1 x 730 h x $15 = $10,950
    expect(one.components[0]).toMatchObject({ name: "1 model unit x 730 h", monthlyQuantity: 730, unitPriceUsd: 15, monthlyUsd: 10_950 });
    expect(one.notes).toEqual([
      "bedrock-pt:amazon.nova-lite priced at its us-east-1 list price (the catalog quotes one region)",
      "SixMonths commitment priced at the no-commitment rate (the catalog has no committed rate): an upper bound",
    ]);
    // 3 x 730 h x $24 = $52,560
    expect(priced(e, "llama").components[0]).toMatchObject({ name: "3 model units x 730 h", monthlyQuantity: 2190, monthlyUsd: 52_560 });
    expect(priced(e, "llama").notes).toEqual([]);
  });

  it("prices an unknown model ARN at the custom rate when it depends on a custom model, else refuses", () => {
    const custom = res("aws:bedrock/customModel:CustomModel", "tuned", {});
    const e = estimate([
      custom,
      res(PT, "by-input", { modelUnits: 1, modelArn: "[unknown]" }, { propertyDependencies: { modelArn: [custom.urn] } }),
      res(PT, "unknown", { modelUnits: 1, modelArn: "[unknown]" }),
      res(PT, "no-price", { modelUnits: 1, modelArn: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-v1:0" }),
    ]);
    expect(priced(e, "by-input").monthlyUsd).toBeCloseTo(730 * 23.5, 9); // $17,155
    expect(reasonOf(e, "unknown")).toBe("modelArn: the model is not known until deploy");
    expect(reasonOf(e, "no-price")).toBe("modelArn: no provisioned-throughput price for anthropic.claude-opus-4-v1:0 in the compute catalog");
  });
});

describe("EC2, EBS, ElastiCache, RDS, DynamoDB, secrets, notebooks and endpoints", () => {
  it("lists the instance types of instances, notebooks, databases and caches", () => {
    for (const type of ["aws:ec2/instance:Instance", "aws:sagemaker/notebookInstance:NotebookInstance"]) {
      expect(costModuleFor(type)!.instances!({ inputs: { instanceType: "m5.large" } } as never)).toEqual(["m5.large"]);
      expect(costModuleFor(type)!.instances!({ inputs: {} } as never)).toEqual([]);
    }
    for (const type of ["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance"]) {
      expect(costModuleFor(type)!.instances!({ inputs: { instanceClass: "db.t3.micro" } } as never)).toEqual(["db.t3.micro"]);
      expect(costModuleFor(type)!.instances!({ inputs: { instanceClass: "" } } as never)).toEqual([]);
    }
    for (const type of ["aws:elasticache/cluster:Cluster", "aws:elasticache/replicationGroup:ReplicationGroup"]) {
      expect(costModuleFor(type)!.instances!({ inputs: { nodeType: "cache.t3.micro" } } as never)).toEqual(["cache.t3.micro"]);
      expect(costModuleFor(type)!.instances!({ inputs: {} } as never)).toEqual([]);
    }
  });

  it("prices a notebook always on and says so", () => {
    const e = estimate([res("aws:sagemaker/notebookInstance:NotebookInstance", "nb", { instanceType: "ml.m5.large" })]);
    // $0.115 x 730 = $83.95
    expect(priced(e, "nb").components[0]).toMatchObject({ name: "ml.m5.large x 1", monthlyQuantity: 730, monthlyUsd: 83.95 });
    expect(priced(e, "nb").notes).toEqual(["priced always on"]);
  });

  it("refuses an EBS volume type it does not know, naming the types it does", () => {
    const e = estimate([
      res("aws:ebs/volume:Volume", "odd", { type: "gp9", size: 10 }),
      res("aws:ec2/instance:Instance", "vm", { instanceType: "t3.micro", rootBlockDevice: { volumeSize: 8, volumeType: "io9" } }),
    ]);
    expect(reasonOf(e, "odd")).toBe('type "gp9": expected one of gp3, gp2, io1, io2, st1, sc1, standard');
    expect(reasonOf(e, "vm")).toBe('rootBlockDevice.volumeType "io9": expected one of gp3, gp2, io1, io2, st1, sc1, standard');
  });

  it("prices each EBS type and the IOPS and throughput above gp3's baseline, on both sides of it", () => {
    const V = "aws:ebs/volume:Volume";
    const e = estimate([
      res(V, "gp3-base", { type: "gp3", size: 100, iops: 3_000, throughput: 125 }),
      res(V, "gp3-more", { type: "gp3", size: 100, iops: 3_001, throughput: 126 }),
      res(V, "io2", { type: "io2", size: 50, iops: 1_000 }),
      res(V, "io1-no-iops", { type: "io1", size: 50 }),
      res(V, "default", { size: 20 }),
    ]);
    expect(priced(e, "gp3-base").components.map((c) => [c.name, c.monthlyUsd])).toEqual([["volume: 100 GB gp3", 8]]); // 100 x $0.08
    // + 1 IOPS x $0.005 + 1 MiB/s x $0.04
    expect(priced(e, "gp3-more").components.map((c) => [c.name, c.monthlyQuantity, c.monthlyUsd])).toEqual([
      ["volume: 100 GB gp3", 100, 8],
      ["volume: 1 IOPS above the 3,000 included", 1, 0.005],
      ["volume: 1 MiB/s above the 125 included", 1, 0.04],
    ]);
    // 50 x $0.125 = $6.25; 1,000 IOPS x $0.065 = $65
    expect(priced(e, "io2").components.map((c) => [c.name, c.monthlyUsd])).toEqual([
      ["volume: 50 GB io2", 6.25],
      ["volume: 1,000 provisioned IOPS", 65],
    ]);
    expect(priced(e, "io1-no-iops").components.map((c) => c.name)).toEqual(["volume: 50 GB io1"]);
    expect(priced(e, "default").components.map((c) => [c.name, c.monthlyUsd])).toEqual([["volume: 20 GB gp2", 2]]); // 20 x $0.10
  });

  it("prices an EC2 instance with its AMI-sized root volume and named or unnamed block devices", () => {
    const e = estimate([
      res("aws:ec2/instance:Instance", "vm", { instanceType: "t3.micro", ebsBlockDevices: [{ volumeSize: 10 }, { deviceName: "/dev/sdf", volumeSize: 5, volumeType: "gp3", iops: 0 }] }),
    ]);
    const r = priced(e, "vm");
    // t3.micro $0.0104 x 730 = $7.592; root 8 GB gp3 x $0.08 = $0.64; 10 GB gp2 x $0.10 = $1; 5 GB gp3 = $0.40
    expect(r.components.map((c) => [c.name, c.monthlyUsd])).toEqual([
      ["t3.micro x 1", 7.592],
      ["root volume: 8 GB gp3", 0.64],
      ["ebsBlockDevices[0] volume: 10 GB gp2", 1],
      ["/dev/sdf volume: 5 GB gp3", 0.4],
    ]);
    expect(r.notes).toEqual(["Linux on-demand price (a Windows or RHEL AMI adds a licence fee; Spot and Savings Plans bill less)", "root volume size is the AMI's: 8 GB assumed"]);
  });

  it("prices ElastiCache clusters, replication groups in cluster mode, and leaves replication group members to the group", () => {
    const e = estimate([
      res("aws:elasticache/cluster:Cluster", "member", { replicationGroupId: "rg" }),
      res("aws:elasticache/cluster:Cluster", "valkey", { nodeType: "cache.t3.micro", engine: "valkey", numCacheNodes: 2 }),
      res("aws:elasticache/replicationGroup:ReplicationGroup", "sharded", { nodeType: "cache.t3.small", numNodeGroups: 2, replicasPerNodeGroup: 1 }),
      res("aws:elasticache/replicationGroup:ReplicationGroup", "single", { nodeType: "cache.t3.small", numNodeGroups: 1 }),
      res("aws:elasticache/replicationGroup:ReplicationGroup", "none", { nodeType: "cache.t3.small", numCacheClusters: 0 }),
    ]);
    expect(freeOf(e, "member")).toBe("a member of a replication group (priced on the group)");
    // 2 x 730 x $0.017 = $24.82
    expect(priced(e, "valkey").monthlyUsd).toBeCloseTo(24.82, 9);
    expect(priced(e, "valkey").notes).toEqual(["Valkey nodes bill 20% below Redis OSS; priced at the Redis OSS rate the catalog has"]);
    // 2 groups x (1 replica + 1) = 4 nodes x 730 x $0.034 = $99.28
    expect(priced(e, "sharded").components[0]).toMatchObject({ name: "cache.t3.small x 4", monthlyQuantity: 2920 });
    expect(priced(e, "sharded").monthlyUsd).toBeCloseTo(99.28, 9);
    expect(priced(e, "sharded").notes).toEqual(["4 nodes x 730 h"]);
    // 1 group x (0 replicas + 1) = 1 node: $24.82
    expect(priced(e, "single").monthlyUsd).toBeCloseTo(24.82, 9);
    expect(priced(e, "single").notes).toEqual([]);
    expect(reasonOf(e, "none")).toBe("numCacheClusters: expected at least one node");
  });

  it("prices RDS storage once per copy with Multi-AZ, refuses other storage types, and Aurora serverless without its range", () => {
    const e = estimate([
      res("aws:rds/instance:Instance", "multi", { engine: "mysql", instanceClass: "db.t3.micro", multiAz: true, allocatedStorage: 20, storageType: "gp3" }),
      res("aws:rds/instance:Instance", "io", { engine: "postgres", instanceClass: "db.t3.micro", allocatedStorage: 100, storageType: "io1" }),
      res("aws:rds/instance:Instance", "oracle", { engine: "oracle-se2", instanceClass: "db.t3.micro" }),
      res("aws:rds/clusterInstance:ClusterInstance", "sl", { engine: "aurora-postgresql", instanceClass: "db.serverless" }),
      res("aws:rds/clusterInstance:ClusterInstance", "aurora", { engine: "aurora", instanceClass: "db.r6g.large" }),
    ]);
    // db.t3.micro MySQL $0.017 x 2 x 730 = $24.82; 20 GB x 2 x $0.115 = $4.60
    expect(priced(e, "multi").components.map((c) => [c.name, c.monthlyQuantity, c.monthlyUsd])).toEqual([
      ["db.t3.micro mysql Multi-AZ (x 2) x 730 h", 1460, 24.82],
      ["20 GB gp3 storage x 2", 40, 4.6],
    ]);
    expect(reasonOf(e, "io")).toBe('storageType "io1": the compute catalog prices gp2 and gp3 RDS storage');
    expect(reasonOf(e, "oracle")).toBe('engine "oracle-se2": the compute catalog prices postgres, mysql, aurora-postgresql and aurora-mysql');
    expect(reasonOf(e, "sl")).toBe("instanceClass db.serverless: the cluster's serverlessv2ScalingConfiguration (its ACU range) is not in the stack");
    // "aurora" is Aurora MySQL: $0.26 x 730 = $189.80
    expect(priced(e, "aurora").components[0]).toMatchObject({ name: "db.r6g.large aurora x 730 h", monthlyUsd: 189.8 });
  });

  it("prices Aurora Serverless v2 at a fixed ACU count without a ceiling when min equals max", () => {
    const cluster = res("aws:rds/cluster:Cluster", "cl", { clusterIdentifier: "c1", serverlessv2ScalingConfiguration: { minCapacity: 2, maxCapacity: 2 } });
    const e = estimate([cluster, res("aws:rds/clusterInstance:ClusterInstance", "i", { engine: "aurora-postgresql", instanceClass: "db.serverless", clusterIdentifier: "c1" })]);
    const r = priced(e, "i");
    // 2 ACU x 730 h x $0.12 = $175.20
    expect(r.components[0]).toMatchObject({ name: "2 ACU (up to 2) x 730 h", monthlyQuantity: 1460, monthlyUsd: 175.2 });
    expect(r.components[0]!.ceilingMonthlyUsd).toBeUndefined();
    expect(r.notes).toEqual(["Aurora Serverless v2 at its minimum capacity all month; its maximum is the ceiling"]);
  });

  it("prices DynamoDB replicas' regions as not counted, and provisioned capacity summed over the indexes", () => {
    const e = estimate([
      res("aws:dynamodb/table:Table", "t", { readCapacity: 5, writeCapacity: 5, globalSecondaryIndexes: [{ readCapacity: 5, writeCapacity: 1 }, {}], replicas: [{ regionName: "eu-west-1" }, { regionName: "us-west-2" }] }),
    ]);
    const r = priced(e, "t");
    // 5 + 5 + 0 = 10 RCU x 730 = 7,300 x $0.00013 = $0.949; 5 + 1 + 0 = 6 WCU x 730 = 4,380 x $0.00065 = $2.847
    expect(r.components.map((c) => [c.name, c.monthlyQuantity])).toEqual([
      ["10 read capacity units x 730 h", 7300],
      ["6 write capacity units x 730 h", 4380],
      ["storage (volume not in the workload)", 0],
    ]);
    expect(r.components[0]!.monthlyUsd).toBeCloseTo(0.949, 9);
    expect(r.components[1]!.monthlyUsd).toBeCloseTo(2.847, 9);
    expect(r.notes[r.notes.length - 1]).toBe("2 replica region(s) bill their own capacity and replicated writes; not counted");
  });

  it("prices a secret with one replica, and interface endpoints in one AZ by default", () => {
    const e = estimate([
      res("aws:secretsmanager/secret:Secret", "one", { replicas: [{ region: "eu-west-1" }] }),
      res("aws:secretsmanager/secret:Secret", "two", { replicas: [{ region: "eu-west-1" }, { region: "us-west-2" }] }),
      res("aws:ec2/vpcEndpoint:VpcEndpoint", "iface", { vpcEndpointType: "Interface" }),
      res("aws:ec2/vpcEndpoint:VpcEndpoint", "gwlb", { vpcEndpointType: "GatewayLoadBalancer", subnetIds: ["a"], region: "eu-west-1" }),
      res("aws:ec2/vpcEndpoint:VpcEndpoint", "default", {}),
    ]);
    expect(priced(e, "one").components[0]!.name).toBe("secret + 1 replica");
    expect(priced(e, "one").components[0]!.monthlyQuantity).toBe(2);
    expect(priced(e, "two").components[0]!.name).toBe("secret + 2 replicas");
    // 1 AZ x 730 h x $0.01 = $7.30
    expect(priced(e, "iface").components[0]).toMatchObject({ name: "Interface endpoint in 1 AZ x 730 h", monthlyQuantity: 730, monthlyUsd: 7.3 });
    expect(priced(e, "gwlb").components[0]!.name).toBe("GatewayLoadBalancer endpoint in 1 AZ x 730 h");
    expect(priced(e, "gwlb").notes).toEqual(["vpc-interface-endpoint priced at its us-east-1 list price (the catalog quotes one region)"]);
    expect(freeOf(e, "default")).toBe("gateway endpoint: no charge");
  });
});

describe("names and notes of the serverless, network and flat-fee modules", () => {
  const BIG = { "aitracks:workload": { workload: { requestsPerDay: 10_000_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 } } };

  it("names a Lambda function's lines at its memory and architecture, with the region's note", () => {
    const e = estimate([
      res("aws:lambda/function:Function", "fn", { memorySize: 512, architectures: ["x86_64"], region: "eu-west-1" }),
      res("aws:lambda/function:Function", "arm", { architectures: ["arm64"] }),
    ]);
    const fn = priced(e, "fn");
    expect(fn.components.map((c) => [c.name, c.unitPriceUsd])).toEqual([
      ["304,166.67 requests", 0.2],
      ["0.5 GB x 1 s x 304,166.67 invocations", 0.0000166667],
    ]);
    expect(fn.notes).toEqual([
      "invocations: one per request of the workload (304,166.67 a month)",
      "1 s per invocation assumed (the workload has no duration)",
      "lambda-requests priced at its us-east-1 list price (the catalog quotes one region)",
    ]);
    // 128 MB by default: 0.125 GB x 304,166.67 s = 38,020.83 GB-s at the arm64 rate
    expect(priced(e, "arm").components[1]!.name).toBe("0.13 GB x 1 s x 304,166.67 invocations");
    expect(priced(e, "arm").components[1]!.unitPriceUsd).toBe(0.0000133334);
    expect(priced(e, "arm").components[1]!.monthlyQuantity).toBeCloseTo(38_020.833333, 5);
  });

  it("bills an ALB's LCUs by connections and an NLB's NLCUs by bytes, whichever is larger, application by default", () => {
    const e = estimate(
      [
        res("aws:lb/loadBalancer:LoadBalancer", "alb", {}),
        res("aws:alb/loadBalancer:LoadBalancer", "nlb", { loadBalancerType: "network", region: "eu-west-1" }),
        res("aws:lb/loadBalancer:LoadBalancer", "gw", { loadBalancerType: "gateway" }),
      ],
      BIG,
    );
    // 10M requests a day = 304,166,666.67 a month / 2,628,000 s = 115.74 new connections a second;
    // bytes: x 8,224 B = 2,501.4667 GB a month / 730 = 3.4267 GB an hour.
    // ALB: max(115.74 / 25 = 4.6296, 3.4267) = 4.6296 LCU x 730 = 3,379.63 LCU-h x $0.008 = $27.037
    const alb = priced(e, "alb");
    expect(alb.components.map((c) => [c.name, c.kind])).toEqual([
      ["application load balancer x 730 h", "fixed"],
      ["LCUs: 4.63 an hour x 730 h", "usage"],
    ]);
    expect(alb.components[1]!.monthlyQuantity).toBeCloseTo(((10_000_000 * 365) / 12 / 2_628_000 / 25) * 730, 6);
    expect(alb.components[1]!.monthlyUsd).toBeCloseTo(27.037037, 5);
    expect(alb.notes).toEqual(["connections: one per request of the workload (304,166,666.67 a month)", "115.74 new connections a second, 3.43 GB an hour: 4.63 LCU an hour"]);
    // NLB: max(115.74 / 800 = 0.1447, 3.4267) = 3.4267 NLCU x 730 = 2,501.4667 NLCU-h x $0.006 = $15.0088; hour $0.0225 x 730
    const nlb = priced(e, "nlb");
    expect(nlb.components.map((c) => [c.name, c.unitPriceUsd])).toEqual([
      ["network load balancer x 730 h", 0.0225],
      ["NLCUs: 3.43 an hour x 730 h", 0.006],
    ]);
    expect(nlb.components[1]!.monthlyQuantity).toBeCloseTo(2501.466667, 5);
    expect(nlb.notes).toEqual([
      "connections: one per request of the workload (304,166,666.67 a month)",
      "115.74 new connections a second, 3.43 GB an hour: 3.43 NLCU an hour",
      "nlb-hour priced at its us-east-1 list price (the catalog quotes one region)",
    ]);
    expect(reasonOf(e, "gw")).toBe('loadBalancerType "gateway": only application and network load balancers are priced');
  });

  it("names the NAT gateway, Elastic IP, key, alarm, image repository and MLflow lines", () => {
    const e = estimate([
      res("aws:ec2/natGateway:NatGateway", "nat", { region: "eu-west-1" }),
      res("aws:ec2/eip:Eip", "ip", { region: "eu-west-1" }),
      res("aws:kms/key:Key", "key", { region: "eu-west-1" }),
      res("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm", {}),
      res("aws:ecr/repository:Repository", "images", { region: "eu-west-1" }),
      res("aws:sagemaker/mlflowTrackingServer:MlflowTrackingServer", "default", { region: "eu-west-1" }),
      res("aws:sagemaker/mlflowTrackingServer:MlflowTrackingServer", "lower", { trackingServerSize: "small" }),
      res("aws:sagemaker/mlflowTrackingServer:MlflowTrackingServer", "medium", { trackingServerSize: "Medium" }),
    ]);
    const quoted = (sku: string) => `${sku} priced at its us-east-1 list price (the catalog quotes one region)`;
    expect(priced(e, "nat").components.map((c) => [c.name, c.monthlyQuantity])).toEqual([
      ["NAT gateway x 730 h", 730],
      ["data processed (volume not in the workload)", 0],
    ]);
    expect(priced(e, "nat").notes).toEqual([
      "data processed through the gateway is not sized by the workload: 0 GB counted; to count it: the GB a month the subnets behind it send and fetch (no aitracks:workload field states it), $0.045 per GB",
      quoted("nat-gateway-hour"),
    ]);
    expect(priced(e, "ip").components.map((c) => c.name)).toEqual(["public IPv4 address x 730 h"]);
    expect(priced(e, "ip").notes).toEqual([quoted("public-ipv4")]);
    expect(priced(e, "key").components.map((c) => [c.name, c.monthlyUsd])).toEqual([["customer-managed key", 1]]);
    expect(priced(e, "key").notes).toEqual([quoted("kms-key")]);
    expect(priced(e, "alarm").components.map((c) => [c.name, c.monthlyUsd])).toEqual([["standard metric alarm", 0.1]]);
    expect(priced(e, "images").components.map((c) => [c.name, c.monthlyQuantity])).toEqual([["image storage (10 GB image assumed)", 10]]);
    expect(priced(e, "images").notes).toEqual(["one 10 GB image assumed; every kept image adds about as much", quoted("ecr-storage")]);
    // Small by default: $0.642 x 730 = $468.66
    expect(priced(e, "default").components.map((c) => [c.name, c.monthlyUsd])).toEqual([["Small tracking server x 730 h", 468.66]]);
    expect(priced(e, "default").notes).toEqual([quoted("sagemaker-mlflow-small")]);
    expect(priced(e, "lower").components[0]!.name).toBe("small tracking server x 730 h");
    expect(reasonOf(e, "medium")).toBe('trackingServerSize "Medium": the compute catalog has no sagemaker-mlflow-medium price');
  });

  it("names API Gateway, AgentCore and on-demand DynamoDB lines with their notes", () => {
    const e = estimate([
      res("aws:apigatewayv2/api:Api", "http", { protocolType: "HTTP", region: "eu-west-1" }),
      res("aws:apigateway/restApi:RestApi", "rest", {}),
      res("aws:apigatewayv2/api:Api", "ws", { protocolType: "WEBSOCKET" }),
      res("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime", "agent", { region: "eu-west-1" }),
      res("aws:dynamodb/table:Table", "od", { billingMode: "PAY_PER_REQUEST" }),
      res("aws:dynamodb/table:Table", "prov", { billingMode: "PROVISIONED", readCapacity: 1, region: "eu-west-1" }),
    ]);
    const calls = "API calls: one per request of the workload (304,166.67 a month)";
    expect(priced(e, "http").components.map((c) => [c.name, c.unitPriceUsd])).toEqual([["304,166.67 HTTP API requests", 1]]);
    expect(priced(e, "http").notes).toEqual([calls, "apigw-http-requests priced at its us-east-1 list price (the catalog quotes one region)"]);
    expect(priced(e, "rest").components.map((c) => [c.name, c.unitPriceUsd])).toEqual([["304,166.67 REST API requests", 3.5]]);
    expect(priced(e, "rest").notes).toEqual([calls]);
    expect(reasonOf(e, "ws")).toBe('protocolType "WEBSOCKET": WebSocket APIs bill messages and connection minutes, which the catalog does not price');
    // 304,166.67 s = 84.49 h: 1 vCPU x 84.49 h x $0.0895; 2 GB x 84.49 h x $0.00945
    expect(priced(e, "agent").components.map((c) => [c.name, c.kind])).toEqual([
      ["1 vCPU x 84.49 active h", "usage"],
      ["2 GB x 84.49 active h", "usage"],
    ]);
    expect(priced(e, "agent").components[1]!.monthlyQuantity).toBeCloseTo(((2 * 10_000 * 365) / 12) / 3600, 6);
    expect(priced(e, "agent").notes).toEqual([
      "agent invocations: one per request of the workload (304,166.67 a month)",
      "1 s of 1 vCPU and 2 GB active per invocation assumed",
      "agentcore-runtime-vcpu-hour priced at its us-east-1 list price (the catalog quotes one region)",
    ]);
    const storageNote = "what the table stores is not sized by the workload: 0 GB counted; to count it: the GB it stores (no aitracks:workload field states it), $0.25 per GB-month";
    expect(priced(e, "od").components.map((c) => [c.name, c.kind, c.unitPriceUsd])).toEqual([
      ["304,166.67 read request units", "usage", 0.125],
      ["304,166.67 write request units", "usage", 0.625],
      ["storage (volume not in the workload)", "fixed", 0.25],
    ]);
    expect(priced(e, "od").notes).toEqual(["read and write request units: one per request of the workload (304,166.67 a month)", "one read and one write of up to 1 KB per request assumed", storageNote]);
    // 1 RCU x 730 x $0.00013 = $0.0949; 0 WCU
    expect(priced(e, "prov").components.map((c) => [c.name, c.monthlyUsd])).toEqual([
      ["1 read capacity units x 730 h", 0.0949],
      ["0 write capacity units x 730 h", 0],
      ["storage (volume not in the workload)", 0],
    ]);
    expect(priced(e, "prov").notes).toEqual([storageNote, "dynamodb-storage priced at its us-east-1 list price (the catalog quotes one region)"]);
  });

  it("prices a customisation job for the TCO model's epochs when it sets none, and says where the examples come from", () => {
    const given = estimate([res("aws:bedrock/customModel:CustomModel", "tuned", {})], { "aitracks:workload": { workload: { requestsPerDay: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 }, fineTune: { labeledExamples: 2_000, tokensPerExample: 500 } } });
    const r = priced(given, "tuned");
    // 2,000 x 500 x 3 epochs = 3M training tokens x $8 = $24 once; storage 1 model-month x $1.95
    expect(r.components.map((c) => [c.name, c.kind])).toEqual([
      ["customisation job: 3M training tokens", "one-off"],
      ["custom model storage", "fixed"],
    ]);
    expect(r.oneOffUsd).toBeCloseTo(24, 9);
    expect(r.monthlyUsd).toBeCloseTo(1.95, 9);
    expect(r.notes).toEqual(["2,000 examples x 500 tokens x 3 epochs"]);
    // without labeledExamples: the TCO model's 10,000 examples (the middle of 1,000..100,000), said so; epochCount 1 given
    const tco = priced(estimate([res("aws:bedrock/customModel:CustomModel", "tco", { hyperparameters: { epochCount: 1 } })]), "tco");
    expect(tco.notes).toEqual(["10,000 examples x 1,000 tokens x 1 epochs (examples: the TCO model's default; set aitracks:workload.fineTune.labeledExamples)"]);
    expect(tco.oneOffUsd).toBeCloseTo(80, 9); // 10,000 x 1,000 x 1 = 10M x $8
    const bad = estimate([res("aws:bedrock/customModel:CustomModel", "bad", { hyperparameters: { epochCount: "many" } })]);
    expect(reasonOf(bad, "bad")).toBe('hyperparameters.epochCount: expected a number, got "many"');
  });

  it("counts invocation logs only for the Bedrock traffic in the log group's region", () => {
    const profile = res("aws:bedrock/inferenceProfile:InferenceProfile", "model", { region: "us-west-2", modelSource: { copyFrom: "amazon.nova-lite-v1:0" } });
    const here = res("aws:cloudwatch/logGroup:LogGroup", "here", { name: "/here", region: "us-west-2" });
    const there = res("aws:cloudwatch/logGroup:LogGroup", "there", { name: "/there", region: "eu-west-1" });
    const logger = (name: string, group: string) => res("aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration", name, { loggingConfig: { cloudwatchConfig: { logGroupName: group } } });
    const anywhere = res("aws:cloudwatch/logGroup:LogGroup", "anywhere", { name: "/anywhere" });
    const e = estimate([profile, here, there, anywhere, logger("l1", "/here"), logger("l2", "/there"), logger("l3", "/anywhere")]);
    // 304,166.67 requests x 8,224 bytes = 2.501467 GB x $0.50 = $1.2507333
    expect(priced(e, "here").components.map((c) => [c.name, c.kind])).toEqual([["Bedrock invocation logs ingested", "usage"]]);
    expect(priced(e, "here").monthlyUsd).toBeCloseTo(((10_000 * 365) / 12) * 8_224 / 1e9 * 0.5, 9);
    expect(priced(e, "here").notes).toEqual(["304,166.67 requests a month x (prompt + answer x 4 bytes a token + 1 KB); retained storage not priced", "cloudwatch-logs-ingest priced at its us-east-1 list price (the catalog quotes one region)"]);
    // a log group in no known region counts the traffic of every region
    expect(priced(e, "anywhere").monthlyUsd).toBeCloseTo(((10_000 * 365) / 12) * 8_224 / 1e9 * 0.5, 9);
    expect(priced(e, "there").monthlyUsd).toBe(0);
    expect(priced(e, "there").notes[0]).toBe("0 requests a month x (prompt + answer x 4 bytes a token + 1 KB); retained storage not priced");
  });
});

// A value not known until deploy makes a resource unpriced with a reason that names the field as
// the user wrote it: each module's fields, one by one.
describe("AWS modules name the field that is not known until deploy", () => {
  const U = "[unknown]";
  const cases: [string, Record<string, unknown>, string][] = [
    ["aws:sagemaker/endpointConfiguration:EndpointConfiguration", { productionVariants: [{ variantName: "a", instanceType: U, initialInstanceCount: 1 }] }, "productionVariants[0].instanceType"],
    ["aws:sagemaker/endpointConfiguration:EndpointConfiguration", { productionVariants: [{ variantName: "a", instanceType: "ml.m5.large", initialInstanceCount: U }] }, "productionVariants[0].initialInstanceCount"],
    ["aws:sagemaker/endpointConfiguration:EndpointConfiguration", { productionVariants: [{ variantName: "a", serverlessConfig: { memorySizeInMb: U, maxConcurrency: 1 } }] }, "productionVariants[0].serverlessConfig.memorySizeInMb"],
    ["aws:sagemaker/notebookInstance:NotebookInstance", { instanceType: U }, "instanceType"],
    ["aws:sagemaker/mlflowTrackingServer:MlflowTrackingServer", { trackingServerSize: U }, "trackingServerSize"],
    ["aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput", { modelArn: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0", modelUnits: U }, "modelUnits"],
    ["aws:ec2/instance:Instance", { instanceType: U }, "instanceType"],
    ["aws:ec2/instance:Instance", { instanceType: "t3.micro", rootBlockDevice: { volumeType: U } }, "rootBlockDevice.volumeType"],
    ["aws:ec2/instance:Instance", { instanceType: "t3.micro", rootBlockDevice: { volumeSize: U } }, "rootBlockDevice.volumeSize"],
    ["aws:ebs/volume:Volume", { availabilityZone: "us-east-1a", size: U }, "size"],
    ["aws:ebs/volume:Volume", { availabilityZone: "us-east-1a", size: 10, type: U }, "type"],
    ["aws:ebs/volume:Volume", { availabilityZone: "us-east-1a", size: 10, type: "io2", iops: U }, "iops"],
    ["aws:lambda/function:Function", { memorySize: U }, "memorySize"],
    ["aws:lb/loadBalancer:LoadBalancer", { loadBalancerType: U }, "loadBalancerType"],
    ["aws:dynamodb/table:Table", { billingMode: U }, "billingMode"],
    ["aws:dynamodb/table:Table", { billingMode: "PROVISIONED", readCapacity: U }, "readCapacity"],
    ["aws:dynamodb/table:Table", { billingMode: "PROVISIONED", readCapacity: 1, writeCapacity: U }, "writeCapacity"],
    ["aws:rds/instance:Instance", { engine: U, instanceClass: "db.t3.micro" }, "engine"],
    ["aws:rds/instance:Instance", { engine: "postgres", instanceClass: U }, "instanceClass"],
    ["aws:rds/instance:Instance", { engine: "postgres", instanceClass: "db.t3.micro", allocatedStorage: U }, "allocatedStorage"],
    ["aws:rds/instance:Instance", { engine: "postgres", instanceClass: "db.t3.micro", allocatedStorage: 20, storageType: U }, "storageType"],
    ["aws:elasticache/cluster:Cluster", { engine: "redis", nodeType: U }, "nodeType"],
    ["aws:elasticache/cluster:Cluster", { engine: "redis", nodeType: "cache.t3.micro", numCacheNodes: U }, "numCacheNodes"],
    ["aws:elasticache/replicationGroup:ReplicationGroup", { nodeType: U }, "nodeType"],
    ["aws:elasticache/replicationGroup:ReplicationGroup", { nodeType: "cache.t3.micro", numCacheClusters: U }, "numCacheClusters"],
    ["aws:ec2/vpcEndpoint:VpcEndpoint", { serviceName: "com.amazonaws.us-east-1.s3", vpcId: "v", vpcEndpointType: U }, "vpcEndpointType"],
  ];
  it.each(cases)("%s %j: unpriced, naming %s", (type, inputs, field) => {
    const e = estimate([res(type, "r", inputs)]);
    expect(reasonOf(e, "r")).toBe(`${field} is not known until deploy`);
  });
});

// Branches the cost-aws mutation run found unjudged.
describe("AWS modules: the other side of each branch", () => {
  const EC = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
  const EP = "aws:sagemaker/endpoint:Endpoint";
  const TG = "aws:appautoscaling/target:Target";
  const POLICY = "aws:appautoscaling/policy:Policy";
  const invocations = (value: unknown, extra: object = {}) => ({
    targetTrackingScalingPolicyConfiguration: { targetValue: value, predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantInvocationsPerInstance" } },
    ...extra,
  });

  it("an autoscaling target scales the variant its resourceId names, among several", () => {
    const cfg = res(EC, "cfg", { name: "two", productionVariants: [{ variantName: "a", instanceType: "ml.m5.large" }, { variantName: "b", instanceType: "ml.g5.xlarge" }] });
    const ep = res(EP, "ep", { name: "ep-two", endpointConfigName: "two" });
    const e = estimate([cfg, ep, res(TG, "b", { serviceNamespace: "sagemaker", resourceId: "endpoint/ep-two/variant/b", minCapacity: 1, maxCapacity: 3 })]);
    // variant b: ml.g5.xlarge, 3 - 1 = 2 more at the ceiling x 730 h x $1.408 = $2,055.68
    expect(priced(e, "b").components[0]!.name).toMatch(/^autoscaled fleet: ml\.g5\.xlarge min 1 /);
    expect(priced(e, "b").ceilingMonthlyUsd).toBeCloseTo(2 * 730 * 1.408, 9);
  });

  it("a scaling policy counts by dependency or by the same resourceId; a policy of another target, or two without one, does not", () => {
    const cfg = res(EC, "cfg", { name: "c1", productionVariants: [{ variantName: "main", instanceType: "ml.m5.large", initialInstanceCount: 1 }] });
    const ep = res(EP, "ep", { name: "e1", endpointConfigName: "c1" });
    const byId = res(TG, "by-id", { serviceNamespace: "sagemaker", resourceId: "endpoint/e1/variant/main", minCapacity: 1, maxCapacity: 4 });
    const basisOf = (e: CostEstimate) => priced(e, "by-id").notes[0];
    const NONE = "no SageMakerVariantInvocationsPerInstance target-tracking policy: the fleet is not sized from the traffic; priced at its minimum of 1";
    expect(basisOf(estimate([cfg, ep, byId, res(POLICY, "p", invocations(600, { resourceId: "endpoint/e1/variant/main" }))]))).toMatch(/target 600 invocations per instance a minute \(p\)/);
    expect(basisOf(estimate([cfg, ep, byId, res(POLICY, "other", invocations(600, { resourceId: "endpoint/e2/variant/main" }))]))).toBe(NONE);
    // A target found by its dependency on the endpoint has no resourceId: a policy without one is not its policy.
    const byDep = res(TG, "by-dep", { serviceNamespace: "sagemaker", minCapacity: 1, maxCapacity: 4 }, { dependencies: [ep.urn] });
    const e = estimate([cfg, ep, byDep, res(POLICY, "loose", invocations(600))]);
    expect(priced(e, "by-dep").notes[0]).toBe(NONE);
  });

  it("a target value that is not a number is no target", () => {
    const cfg = res(EC, "cfg", { name: "c1", productionVariants: [{ variantName: "main", instanceType: "ml.m5.large", initialInstanceCount: 1 }] });
    const ep = res(EP, "ep", { name: "e1", endpointConfigName: "c1" });
    const t = res(TG, "t", { serviceNamespace: "sagemaker", resourceId: "endpoint/e1/variant/main", minCapacity: 1, maxCapacity: 4 });
    const e = estimate([cfg, ep, t, res(POLICY, "p", invocations("600", { resourceId: "endpoint/e1/variant/main" }))]);
    expect(priced(e, "t").notes[0]).toMatch(/^no SageMakerVariantInvocationsPerInstance target-tracking policy/);
    expect(priced(e, "t").monthlyUsd).toBe(0);
  });

  it("an EC2 root volume of a given size has no AMI note; a gp3 data volume's throughput above 125 MiB/s is priced", () => {
    const e = estimate([
      res("aws:ec2/instance:Instance", "vm", { instanceType: "t3.micro", rootBlockDevice: { volumeSize: 20 }, ebsBlockDevices: [{ deviceName: "/dev/sdg", volumeSize: 10, volumeType: "gp3", throughput: 250 }] }),
    ]);
    const r = priced(e, "vm");
    // root 20 GB gp3 x $0.08 = $1.60; 10 GB gp3 = $0.80; 125 MiB/s above the included 125 x $0.04 = $5
    expect(r.components.map((c) => [c.name, c.monthlyUsd])).toEqual([
      ["t3.micro x 1", 7.592],
      ["root volume: 20 GB gp3", 1.6],
      ["/dev/sdg volume: 10 GB gp3", 0.8],
      ["/dev/sdg volume: 125 MiB/s above the 125 included", 5],
    ]);
    expect(r.notes).toEqual(["Linux on-demand price (a Windows or RHEL AMI adds a licence fee; Spot and Savings Plans bill less)"]);
  });

  it.each([
    [{ volumeSize: "[unknown]" }, "ebsBlockDevices[0].volumeSize"],
    [{ volumeSize: 10, volumeType: "[unknown]" }, "ebsBlockDevices[0].volumeType"],
    [{ volumeSize: 10, deviceName: "[unknown]" }, "ebsBlockDevices[0].deviceName"],
  ])("an EC2 block device %j not known until deploy names %s", (device, field) => {
    const e = estimate([res("aws:ec2/instance:Instance", "vm", { instanceType: "t3.micro", ebsBlockDevices: [device] })]);
    expect(reasonOf(e, "vm")).toBe(`${field} is not known until deploy`);
  });
});
