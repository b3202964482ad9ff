import { describe, expect, it } from "vitest";
import { PriceCatalog, costModuleFor, loadCatalog } from "@aitracks/core";
import { child, estimate, priced, res, track } from "./helpers";

// Every figure below is computed by hand from packages/core/catalog/compute-prices.json (us-east-1
// list prices) and @pydantic/genai-prices; 730 hours a month, 365/12 days a month.

describe("SageMaker endpoint configuration", () => {
  it("prices each variant's instances always on, managed scaling's maximum as the ceiling", () => {
    const e = estimate([
      res("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "cfg", {
        productionVariants: [
          { variantName: "main", instanceType: "ml.g5.2xlarge", initialInstanceCount: 2, managedInstanceScaling: { minInstanceCount: 2, maxInstanceCount: 4 } },
        ],
        shadowProductionVariants: [{ variantName: "shadow", instanceType: "ml.g6.xlarge", initialInstanceCount: 1 }],
      }),
    ]);
    const r = priced(e, "cfg");
    // ml.g5.2xlarge $1.515/h x 2 x 730 = $2,211.90 (max 4: $4,423.80); ml.g6.xlarge $1.1267/h x 730 = $822.491
    expect(r.components[0]).toMatchObject({ unit: "hour", kind: "fixed", monthlyQuantity: 1460, unitPriceUsd: 1.515 });
    expect(r.components[0]!.monthlyUsd).toBeCloseTo(2211.9, 6);
    expect(r.components[0]!.ceilingMonthlyUsd).toBeCloseTo(4423.8, 6);
    expect(r.components[1]!.monthlyUsd).toBeCloseTo(822.491, 6);
    expect(r.monthlyUsd).toBeCloseTo(3034.391, 6);
    expect(r.ceilingMonthlyUsd).toBeCloseTo(5246.291, 6);
  });

  it("prices a serverless variant by memory x duration x the workload's requests", () => {
    const e = estimate([res("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "sl", { productionVariants: [{ serverlessConfig: { memorySizeInMb: 4096, maxConcurrency: 5 } }] })]);
    // 304,166.67 requests x 4 GB x 1 s x $0.00002 per GB-second = $24.3333
    expect(priced(e, "sl").monthlyUsd).toBeCloseTo(24.33333, 4);
    expect(priced(e, "sl").components[0]!.kind).toBe("usage");
  });

  it("splits the workload's requests evenly between two serving tracks' serverless variants", () => {
    const one = track("Serving", "aws", "one");
    const two = track("Serving", "aws", "two");
    const T = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
    const e = estimate([
      one,
      two,
      child(one, T, "a", { productionVariants: [{ serverlessConfig: { memorySizeInMb: 4096 } }] }),
      child(two, T, "b", { productionVariants: [{ serverlessConfig: { memorySizeInMb: 2048 } }] }),
    ]);
    // Each serves half: 304,166.67 x 0.5 = 152,083.33 requests; x 4 GB x 1 s = 608,333.33 GB-s x $0.00002 = $12.1667;
    // x 2 GB = 304,166.67 GB-s = $6.0833.
    expect(priced(e, "a").components[0]).toMatchObject({ name: "productionVariants[0] serverless: 4 GB x 1 s x requests", unitPriceUsd: 0.00002 });
    expect(priced(e, "a").components[0]!.monthlyQuantity).toBeCloseTo(608_333.3333, 3);
    expect(priced(e, "a").monthlyUsd).toBeCloseTo(12.16667, 4);
    expect(priced(e, "b").monthlyUsd).toBeCloseTo(6.08333, 4);
    expect(priced(e, "a").notes).toEqual(["serverless duration assumed 1 s per request"]);
  });

  it("names each variant's line, one instance when no count is given, shadows marked", () => {
    const e = estimate([
      res("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "c", {
        productionVariants: [{ instanceType: "ml.g5.2xlarge" }],
        shadowProductionVariants: [{ instanceType: "ml.g5.2xlarge", variantName: "shadow", initialInstanceCount: 2 }],
      }),
    ]);
    // ml.g5.2xlarge $1.515/h: 1 x 730 = $1,105.95; shadow 2 x 730 = $2,211.90.
    expect(priced(e, "c").components.map((c) => [c.name, c.monthlyQuantity, c.monthlyUsd])).toEqual([
      ["variant 0: ml.g5.2xlarge x 1", 730, 1105.95],
      ["shadow shadow: ml.g5.2xlarge x 2", 1460, 2211.9],
    ]);
    expect(priced(e, "c").notes).toEqual([]);
  });

  it("names the field of each bad setting, and prices an instance variant whose serverlessConfig is null", () => {
    const T = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
    const e = estimate([
      res(T, "m1", { productionVariants: [{ serverlessConfig: { memorySizeInMb: "lots" } }] }),
      res(T, "m2", { productionVariants: [{ instanceType: "ml.g5.2xlarge", initialInstanceCount: "two" }] }),
      res(T, "m3", { productionVariants: [{ instanceType: "ml.g5.2xlarge", managedInstanceScaling: { maxInstanceCount: "x" } }] }),
      res(T, "m4", { productionVariants: [{ initialInstanceCount: 1 }] }),
      res(T, "m5", { productionVariants: [{ serverlessConfig: null, instanceType: "ml.g5.2xlarge" }] }),
    ]);
    expect(Object.fromEntries(e.unpriced.map((u) => [u.name, u.reason]))).toEqual({
      m1: 'productionVariants[0].serverlessConfig.memorySizeInMb: expected a number, got "lots"',
      m2: 'productionVariants[0].initialInstanceCount: expected a number, got "two"',
      m3: 'productionVariants[0].managedInstanceScaling.maxInstanceCount: expected a number, got "x"',
      m4: "productionVariants[0].instanceType: expected a string, got nothing",
    });
    // $1.515/h x 730 h = $1,105.95
    expect(priced(e, "m5").monthlyUsd).toBeCloseTo(1105.95, 6);
  });

  it("serves traffic when any variant is serverless; lists the instance types of its instance variants", () => {
    const m = costModuleFor("aws:sagemaker/endpointConfiguration:EndpointConfiguration")!;
    expect(m.service).toBe("SageMaker real-time inference");
    const mixed = { inputs: { productionVariants: [{ instanceType: "ml.g5.xlarge" }, { serverlessConfig: { memorySizeInMb: 1024 } }], shadowProductionVariants: [{ instanceType: "ml.g6.xlarge" }] } };
    expect(m.servesTraffic!(mixed as never)).toBe(true);
    expect(m.instances!(mixed as never)).toEqual(["ml.g5.xlarge", "ml.g6.xlarge"]);
    expect(m.servesTraffic!({ inputs: { productionVariants: [{ instanceType: "ml.g5.xlarge" }] } } as never)).toBe(false);
  });

  it("reports an instance type missing from the catalog as unpriced, naming the field", () => {
    const e = estimate([res("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "odd", { productionVariants: [{ instanceType: "ml.z9.huge", initialInstanceCount: 1 }] })]);
    expect(e.resources).toHaveLength(0);
    expect(e.unpriced[0]!.reason).toMatch(/^productionVariants\[0\]\.instanceType "ml\.z9\.huge" has no price in the compute catalog/);
    expect(e.monthlyUsd).toBe(0);
  });
});

describe("SageMaker training job", () => {
  it("is a one-off: instance type x count x maximum runtime", () => {
    const e = estimate([
      res("aws:sagemaker/trainingJob:TrainingJob", "train", { resourceConfig: { instanceType: "ml.p4d.24xlarge", instanceCount: 2 }, stoppingCondition: { maxRuntimeInSeconds: 36_000 } }),
    ]);
    // $25.25/h x 2 x 10 h = $505 once, nothing a month
    const r = priced(e, "train");
    expect(r.monthlyUsd).toBe(0);
    expect(r.oneOffUsd).toBeCloseTo(505, 6);
    expect(r.components[0]).toMatchObject({ kind: "one-off", oneOffQuantity: 20 });
  });

  it("uses SageMaker's one-day default runtime and prices heterogeneous instance groups", () => {
    const e = estimate([
      res("aws:sagemaker/trainingJob:TrainingJob", "groups", {
        resourceConfig: { instanceGroups: [{ instanceGroupName: "gpu", instanceType: "ml.g5.2xlarge", instanceCount: 2 }, { instanceGroupName: "cpu", instanceType: "ml.m5.xlarge", instanceCount: 1 }] },
      }),
    ]);
    // 24 h: 1.515 x 2 x 24 = 72.72; 0.23 x 1 x 24 = 5.52
    expect(priced(e, "groups").oneOffUsd).toBeCloseTo(78.24, 6);
  });

  it("estimates a serverless customisation job as JumpStart's LoRA instance for its maximum runtime, and says so", () => {
    const e = estimate([
      res("aws:sagemaker/trainingJob:TrainingJob", "sl", {
        serverlessJobConfig: { baseModelArn: "arn:aws:sagemaker:us-east-1:aws:hub-content/x/Model/y", jobType: "FineTuning" },
        stoppingCondition: { maxRuntimeInSeconds: 43_200 },
      }),
    ]);
    expect(e.unpriced).toEqual([]);
    const r = priced(e, "sl");
    expect(r.oneOffUsd).toBeCloseTo(12 * 7.09, 9); // ml.g5.12xlarge $7.09/h x 12 h
    expect(r.notes.join(" ")).toMatch(/estimated: the catalog has no serverless-customization meter/);
  });
});

describe("SageMaker notebooks, MLflow, monitoring and autoscaling", () => {
  it("prices a notebook instance and a Small MLflow server always on", () => {
    const e = estimate([
      res("aws:sagemaker/notebookInstance:NotebookInstance", "nb", { instanceType: "ml.m5.xlarge" }),
      res("aws:sagemaker/mlflowTrackingServer:MlflowTrackingServer", "mlflow", { trackingServerSize: "Small" }),
      res("aws:sagemaker/mlflowTrackingServer:MlflowTrackingServer", "big", { trackingServerSize: "Large" }),
    ]);
    expect(priced(e, "nb").monthlyUsd).toBeCloseTo(167.9, 6); // 0.23 x 730
    expect(priced(e, "mlflow").monthlyUsd).toBeCloseTo(468.66, 6); // 0.642 x 730
    expect(e.unpriced.find((u) => u.name === "big")!.reason).toMatch(/no sagemaker-mlflow-large price/);
  });

  it("prices a monitoring schedule's runs of its job definition at the maximum runtime", () => {
    const def = res("aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition", "dq", {
      name: "dq-def",
      jobResources: { clusterConfig: { instanceType: "ml.m5.xlarge", instanceCount: 1, volumeSizeInGb: 20 } },
      stoppingCondition: { maxRuntimeInSeconds: 1_800 },
    });
    const hourly = res("aws:sagemaker/monitoringSchedule:MonitoringSchedule", "hourly", {
      monitoringScheduleConfig: { monitoringJobDefinitionName: "dq-def", monitoringType: "DataQuality", scheduleConfig: { scheduleExpression: "cron(0 * ? * * *)" } },
    });
    const daily = res("aws:sagemaker/monitoringSchedule:MonitoringSchedule", "daily", {
      monitoringScheduleConfig: { monitoringJobDefinitionName: "dq-def", monitoringType: "DataQuality", scheduleConfig: { scheduleExpression: "cron(0 0 ? * * *)" } },
    });
    const e = estimate([def, hourly, daily]);
    expect(e.free.map((f) => f.name)).toContain("dq");
    expect(priced(e, "hourly").monthlyUsd).toBeCloseTo(83.95, 6); // 730 runs x 0.5 h x $0.23
    expect(priced(e, "daily").monthlyUsd).toBeCloseTo((365 / 12) * 0.5 * 0.23, 6); // $3.4979
  });

  it("gives an endpoint variant's autoscaling target the ceiling, not the monthly figure", () => {
    const cfg = res("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "cfg", { name: "cfg-1", productionVariants: [{ variantName: "main", instanceType: "ml.g5.2xlarge", initialInstanceCount: 1 }] });
    const ep = res("aws:sagemaker/endpoint:Endpoint", "ep", { name: "ep-1", endpointConfigName: "cfg-1" });
    const target = res("aws:appautoscaling/target:Target", "scale", { serviceNamespace: "sagemaker", resourceId: "endpoint/ep-1/variant/main", scalableDimension: "sagemaker:variant:DesiredInstanceCount", minCapacity: 1, maxCapacity: 4 });
    const e = estimate([cfg, ep, target]);
    expect(priced(e, "scale").monthlyUsd).toBe(0);
    expect(priced(e, "scale").ceilingMonthlyUsd).toBeCloseTo(3 * 730 * 1.515, 6); // $3,317.85 headroom
    expect(e.monthlyUsd).toBeCloseTo(1105.95, 6); // 1 x 730 x 1.515
    expect(e.ceilingMonthlyUsd).toBeCloseTo(4 * 730 * 1.515, 6); // $4,423.80 at 4 instances
  });
});

describe("Bedrock", () => {
  const buy = track("Buy", "aws", "assistant");
  const profile = (i: number, model: string) =>
    child(buy, "aws:bedrock/inferenceProfile:InferenceProfile", `assistant-model-${i}`, { modelSource: { copyFrom: `arn:aws:bedrock:us-east-1::foundation-model/${model}` } });

  it("prices the primary model's tokens from the workload; fallbacks carry no traffic", () => {
    const e = estimate([buy, profile(0, "anthropic.claude-sonnet-4-20250514-v1:0"), profile(1, "amazon.nova-pro-v1:0")]);
    const primary = priced(e, "assistant-model-0");
    // 304,166.67 requests x 1,500 = 456.25M input tokens x $3 + 91.25M output x $15 = $1,368.75 + $1,368.75
    expect(primary.components.map((c) => [c.monthlyQuantity, c.unitPriceUsd])).toEqual([
      [456.25, 3],
      [91.25, 15],
    ]);
    expect(primary.monthlyUsd).toBeCloseTo(2737.5, 6);
    expect(priced(e, "assistant-model-1").monthlyUsd).toBe(0);
    expect(priced(e, "assistant-model-1").notes.join()).toMatch(/fallback/);
  });

  it("prices a guardrail's text units per enabled policy, input and output, from the workload", () => {
    const filters = ["HATE", "INSULTS"].map((type) => ({ type, inputStrength: "HIGH", outputStrength: "HIGH" }));
    const g = child(buy, "aws:bedrock/guardrail:Guardrail", "assistant-guardrail", {
      contentPolicyConfig: { filtersConfigs: [...filters, { type: "PROMPT_ATTACK", inputStrength: "HIGH", outputStrength: "NONE" }] },
      topicPolicyConfig: { topicsConfigs: [{ name: "advice", definition: "d", type: "DENY" }] },
      sensitiveInformationPolicyConfig: { piiEntitiesConfigs: [{ type: "EMAIL", action: "ANONYMIZE" }], regexesConfigs: [{ name: "id", pattern: "x", action: "BLOCK" }] },
      wordPolicyConfig: { managedWordListsConfigs: [{ type: "PROFANITY" }] },
    });
    const e = estimate([buy, profile(0, "anthropic.claude-sonnet-4-20250514-v1:0"), g]);
    const r = priced(e, "assistant-guardrail");
    // 1,500 input tokens x 4 = 6,000 characters = 6 text units; 300 x 4 = 1,200 characters = 2 text units (rounded up)
    // 304,166.67 requests x 6 = 1,825 thousand input units; x 2 = 608.33 thousand output units
    expect(r.components.map((c) => [c.monthlyQuantity, c.unitPriceUsd])).toEqual([
      [1_825, 0.15], // content filters in: $273.75
      [608.333333333, 0.15], // content filters out: $91.25
      [1_825, 0.15], // denied topics in: $273.75
      [608.333333333, 0.15], // denied topics out: $91.25
      [1_825, 0.1], // PII in: $182.50
      [608.333333333, 0.1], // PII out: $60.83 (regular expressions and word filters are free)
    ]);
    expect(r.components.every((c) => c.kind === "usage")).toBe(true);
    expect(r.monthlyUsd).toBeCloseTo(273.75 + 91.25 + 273.75 + 91.25 + 182.5 + 60.8333333, 6); // $973.33
    expect(r.notes.join(" ")).toMatch(/word filters are free/);
    expect(e.free.find((f) => f.name === "assistant-guardrail")).toBeUndefined();
  });

  it("prices only the directions and policies a guardrail checks; free policies alone are free", () => {
    const e = estimate([
      buy,
      profile(0, "anthropic.claude-sonnet-4-20250514-v1:0"),
      child(buy, "aws:bedrock/guardrail:Guardrail", "in-only", { contentPolicyConfig: { filtersConfigs: [{ type: "PROMPT_ATTACK", inputStrength: "HIGH", outputStrength: "NONE" }] }, contextualGroundingPolicyConfig: { filtersConfigs: [{ type: "GROUNDING", threshold: 0.8 }] } }),
      child(buy, "aws:bedrock/guardrail:Guardrail", "words", { wordPolicyConfig: { wordsConfigs: [{ text: "x" }] } }),
    ]);
    // content filters on input only: 1,825 x $0.15 = $273.75; grounding both ways: (1,825 + 608.33) x $0.10 = $243.33
    expect(priced(e, "in-only").monthlyUsd).toBeCloseTo(273.75 + 243.3333333, 6);
    expect(e.free.find((f) => f.name === "words")!.reason).toMatch(/no paid policy enabled/);
  });

  it("prices provisioned throughput per model unit-hour (custom and foundation models)", () => {
    const e = estimate([
      res("aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput", "pt-custom", { modelUnits: 2, modelArn: "arn:aws:bedrock:us-east-1:123456789012:custom-model/abc" }),
      res("aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput", "pt-haiku", { modelUnits: 1, modelArn: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0:200k" }),
    ]);
    expect(priced(e, "pt-custom").monthlyUsd).toBeCloseTo(34_310, 6); // 2 x 730 x $23.50
    expect(priced(e, "pt-haiku").monthlyUsd).toBeCloseTo(28_908, 6); // 730 x $39.60
  });

  it("prices a customisation job per training token, once, plus the custom model's storage", () => {
    const config = { "aitracks:workload": { workload: { requestsPerDay: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 }, fineTune: { labeledExamples: 10_000, tokensPerExample: 1_000 } } };
    const e = estimate([res("aws:bedrock/customModel:CustomModel", "tuned", { baseModelIdentifier: "amazon.nova-lite-v1:0", hyperparameters: { epochCount: "2" } })], config);
    const r = priced(e, "tuned");
    expect(r.oneOffUsd).toBeCloseTo(160, 6); // 10,000 x 1,000 x 2 = 20M tokens x $8
    expect(r.monthlyUsd).toBeCloseTo(1.95, 6); // one model-month
  });

  it("prices an evaluation job's inference on the evaluated foundation models, once", () => {
    const e = estimate([
      res("aws:bedrock/evaluationJob:EvaluationJob", "eval", {
        evaluationConfig: { automated: { datasetMetricConfigs: [{ taskType: "General", metricNames: ["Builtin.Accuracy"], dataset: { name: "golden" } }] } },
        inferenceConfig: { models: [{ bedrockModel: { modelIdentifier: "amazon.nova-lite-v1:0" } }, { bedrockModel: { modelIdentifier: "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/x" } }] },
      }),
    ]);
    // 1,000 prompts x 1,500 = 1.5M input x $0.06 + 0.3M output x $0.24 = $0.09 + $0.072
    expect(priced(e, "eval").oneOffUsd).toBeCloseTo(0.162, 9);
    expect(priced(e, "eval").notes.join()).toMatch(/provisioned model, no token charge/);
  });
});

describe("storage, keys, logs and alarms", () => {
  const logging = (bucket: string, group: string, deps: string[]) =>
    res("aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration", "logging", { loggingConfig: { s3Config: { bucketName: bucket }, cloudwatchConfig: { logGroupName: group } } }, { dependencies: deps });
  const profile = res("aws:bedrock/inferenceProfile:InferenceProfile", "model", { modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0" } });

  it("sizes invocation logs from the workload: log ingestion a month, bucket storage averaged over 36 months", () => {
    const bucket = res("aws:s3/bucket:Bucket", "logs", {});
    const group = res("aws:cloudwatch/logGroup:LogGroup", "group", { name: "/inv" });
    const e = estimate([profile, bucket, group, logging("logs-123", "/inv", [bucket.urn, group.urn])]);
    // a request logs (1,500 + 300) tokens x 4 bytes + 1,024 bytes = 8,224 bytes; x 304,166.67 = 2.501467 GB a month
    const gb = (((10_000 * 365) / 12) * 8_224) / 1e9;
    expect(priced(e, "group").monthlyUsd).toBeCloseTo(gb * 0.5, 9); // $1.2507 ingestion
    expect(priced(e, "logs").monthlyUsd).toBeCloseTo(((gb * 37) / 2) * 0.023, 9); // 46.277 GB average x $0.023
  });

  it("counts traffic through provisioned throughput (a tuned model) in the invocation logs too", () => {
    const custom = res("aws:bedrock/customModel:CustomModel", "tuned", {});
    const throughput = res("aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput", "pt", { modelUnits: 1, modelArn: "[unknown]" }, { dependencies: [custom.urn] });
    const bucket = res("aws:s3/bucket:Bucket", "logs", {});
    const group = res("aws:cloudwatch/logGroup:LogGroup", "group", { name: "/inv" });
    const e = estimate([custom, throughput, bucket, group, logging("logs-123", "/inv", [bucket.urn, group.urn])]);
    const gb = (((10_000 * 365) / 12) * 8_224) / 1e9; // the same hand-computed volume as above
    expect(priced(e, "group").monthlyUsd).toBeCloseTo(gb * 0.5, 9);
    expect(priced(e, "pt").monthlyUsd).toBeCloseTo(730 * 23.5, 9); // still a fixed price, whatever the traffic
  });

  it("prices keys and alarms flat; a log group nobody writes to is free, a bucket nobody sizes is 0 GB", () => {
    const e = estimate([
      res("aws:kms/key:Key", "key", {}),
      res("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm", {}),
      res("aws:cloudwatch/logGroup:LogGroup", "quiet", { name: "/quiet" }),
      res("aws:s3/bucket:Bucket", "data", {}),
      res("aws:ecr/repository:Repository", "images", {}),
    ]);
    expect(priced(e, "key").monthlyUsd).toBe(1);
    expect(priced(e, "alarm").monthlyUsd).toBe(0.1);
    expect(priced(e, "images").monthlyUsd).toBeCloseTo(1, 9); // 10 GB x $0.10
    expect(e.free.find((f) => f.name === "quiet")!.reason).toMatch(/no volume/);
    expect(priced(e, "data").components[0]).toMatchObject({ monthlyQuantity: 0, name: expect.stringMatching(/volume not in the workload/) });
  });

  it("stores a build track's pretraining corpus in its raw-data bucket, once", () => {
    const build = track("Build", "aws", "lm");
    const config = { "aitracks:workload": { workload: { requestsPerDay: 0, inputTokensPerRequest: 0, outputTokensPerRequest: 0 }, build: { trainingTokens: 5e11 } } };
    const e = estimate([build, child(build, "aws:s3/bucket:Bucket", "lm-artifacts", {}), child(build, "aws:s3/bucket:Bucket", "lm-raw", {})], config);
    expect(priced(e, "lm-raw").monthlyUsd).toBeCloseTo(2_000 * 0.023, 9); // 5e11 tokens x 4 bytes = 2,000 GB
    expect(priced(e, "lm-artifacts").monthlyUsd).toBe(0);
  });

  it("prices interface VPC endpoints per AZ-hour once the catalog has the price; gateway endpoints are free", () => {
    const gateway = res("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", { vpcEndpointType: "Gateway" });
    const iface = res("aws:ec2/vpcEndpoint:VpcEndpoint", "sts", { vpcEndpointType: "Interface", subnetIds: ["a", "b"] });
    const base = loadCatalog();
    const { estimateCost } = require("@aitracks/core") as typeof import("@aitracks/core");
    const noEntry = new PriceCatalog({ ...base.data, entries: base.data.entries.filter((e) => e.sku !== "vpc-interface-endpoint") });
    const without = estimateCost({ resources: [gateway, iface], config: {} }, { catalog: noEntry });
    expect(without.free.map((f) => f.name)).toEqual(["s3"]);
    expect(without.unpriced[0]!.reason).toMatch(/no vpc-interface-endpoint price/);
    const withPrice = estimate([gateway, iface]); // the bundled catalog has the PrivateLink price
    expect(withPrice.resources[0]!.monthlyUsd).toBeCloseTo(14.6, 9); // 2 AZs x 730 h x $0.01
  });
});
