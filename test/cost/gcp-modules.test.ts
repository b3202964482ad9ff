// @ts-nocheck
import { describe, expect, it } from "vitest";
import { child, estimate, priced, res, track } from "./helpers";

// Hand-computed from the compute catalog (us-central1 list prices) and @pydantic/genai-prices.

describe("Vertex AI serving and training machines", () => {
  it("prices a Model Garden deployment at its minimum replicas, the maximum as the ceiling", () => {
    const e = estimate([
      res("gcp:vertex/aiEndpointWithModelGardenDeployment:AiEndpointWithModelGardenDeployment", "gemma", {
        location: "us-central1",
        deployConfig: { dedicatedResources: { machineSpec: { machineType: "g2-standard-12", acceleratorType: "NVIDIA_L4", acceleratorCount: 1 }, minReplicaCount: 1, maxReplicaCount: 3 } },
      }),
    ]);
    expect(priced(e, "gemma").monthlyUsd).toBeCloseTo(846.143, 6); // $1.1591 x 730
    expect(priced(e, "gemma").ceilingMonthlyUsd).toBeCloseTo(2538.429, 6); // x 3
  });

  it("prices a persistent resource's pools while it exists (string replica counts, autoscaling minimum)", () => {
    const e = estimate([
      res("gcp:vertex/aiPersistentResource:AiPersistentResource", "cluster", {
        location: "us-central1",
        resourcePools: [
          { id: "workers", machineSpec: { machineType: "a2-highgpu-8g", acceleratorType: "NVIDIA_TESLA_A100", acceleratorCount: 8 }, replicaCount: "2" },
          { id: "scaling", machineSpec: { machineType: "n1-standard-4" }, replicaCount: "1", autoscalingSpec: { minReplicaCount: "1", maxReplicaCount: "3" } },
        ],
      }),
    ]);
    const r = priced(e, "cluster");
    expect(r.components[0]!.monthlyUsd).toBeCloseTo(49_342.306, 6); // $33.7961 x 2 x 730
    expect(r.components[1]!.monthlyUsd).toBeCloseTo(159.505, 6); // $0.2185 x 730
    expect(r.components[1]!.ceilingMonthlyUsd).toBeCloseTo(478.515, 6); // x 3
  });

  it("refuses to guess a GPU attached to a machine type the catalog prices without one", () => {
    const e = estimate([
      res("gcp:vertex/aiDeploymentResourcePool:AiDeploymentResourcePool", "pool", { dedicatedResources: { machineSpec: { machineType: "n1-standard-4", acceleratorType: "NVIDIA_TESLA_T4", acceleratorCount: 1 }, minReplicaCount: 1 } }),
    ]);
    expect(e.unpriced[0]!.reason).toMatch(/NVIDIA_TESLA_T4 on n1-standard-4/);
  });

  it("prices a deployed model (dynamic resource) like a dedicated deployment", () => {
    const e = estimate([res("pulumi-nodejs:dynamic/vertex:DeployedModel", "dm", { machineType: "a2-highgpu-1g", acceleratorType: "NVIDIA_TESLA_A100", acceleratorCount: 1, minReplicaCount: 2, maxReplicaCount: 2 })]);
    expect(priced(e, "dm").monthlyUsd).toBeCloseTo(6_167.77, 6); // $4.2245 x 2 x 730
  });
});

describe("Cloud TPU", () => {
  it("counts chips per TPU generation: v5e and v6e name chips, v5p names TensorCores", () => {
    const e = estimate([
      res("gcp:tpu/v2Vm:V2Vm", "v5e", { zone: "us-central1-a", acceleratorType: "v5litepod-16", runtimeVersion: "v2-alpha-tpuv5-lite" }),
      res("gcp:tpu/v2Vm:V2Vm", "v5p", { zone: "us-east5-a", acceleratorType: "v5p-8", runtimeVersion: "v2-alpha-tpuv5" }),
      res("gcp:tpu/v2Vm:V2Vm", "v6e", { zone: "us-east5-b", acceleratorConfig: { type: "V6E", topology: "2x4" }, runtimeVersion: "v2-alpha-tpuv6e" }),
      res("gcp:tpu/v2QueuedResource:V2QueuedResource", "queued", { tpu: { nodeSpecs: [{ parent: "projects/p/locations/us-central1-a", node: { acceleratorType: "v5litepod-8", runtimeVersion: "x" } }] } }),
    ]);
    expect(priced(e, "v5e").monthlyUsd).toBeCloseTo(14_016, 6); // 16 chips x $1.20 x 730
    expect(priced(e, "v5p").monthlyUsd).toBeCloseTo(12_264, 6); // 4 chips x $4.20 x 730
    expect(priced(e, "v6e").monthlyUsd).toBeCloseTo(15_768, 6); // 8 chips x $2.70 x 730
    expect(priced(e, "queued").monthlyUsd).toBeCloseTo(7_008, 6); // 8 chips x $1.20 x 730
    expect(priced(e, "v5e").region).toBe("us-central1");
  });
});

describe("storage, keys and tools", () => {
  it("prices CMEK key versions, TensorBoard, images and a build track's corpus", () => {
    const build = track("Build", "gcp", "pretrain");
    const config = { "aitracks:workload": { workload: { requestsPerDay: 0, inputTokensPerRequest: 0, outputTokensPerRequest: 0 } } };
    const e = estimate(
      [
        build,
        child(build, "gcp:kms/cryptoKey:CryptoKey", "key", { versionTemplate: { protectionLevel: "SOFTWARE" } }),
        child(build, "gcp:vertex/aiTensorboard:AiTensorboard", "tb", {}),
        child(build, "gcp:artifactregistry/repository:Repository", "images", {}),
        child(build, "gcp:storage/bucket:Bucket", "pretrain-checkpoints", {}),
        child(build, "gcp:storage/bucket:Bucket", "pretrain-data", {}),
        res("gcp:kms/cryptoKey:CryptoKey", "hsm", { versionTemplate: { protectionLevel: "HSM" } }),
      ],
      config,
    );
    expect(priced(e, "key").monthlyUsd).toBe(0.06);
    expect(priced(e, "tb").monthlyUsd).toBe(10); // 1 GB x $10
    expect(priced(e, "images").monthlyUsd).toBeCloseTo(1, 9); // 10 GB x $0.10
    // the TCO default of 1e12 training tokens x 4 bytes = 4,000 GB x $0.02
    expect(priced(e, "pretrain-data").monthlyUsd).toBeCloseTo(80, 9);
    expect(priced(e, "pretrain-checkpoints").monthlyUsd).toBe(0);
    expect(e.unpriced.map((u) => u.name)).toEqual(["hsm"]);
  });
});

describe("Gemini and partner models, tuning and evaluation", () => {
  // The component registers its models (its identity); the cost model reads them there, not in the stack config.
  const buy = { ...track("Buy", "gcp", "assistant"), inputs: { track: "buy", cloud: "gcp", region: "us-central1", models: ["google/gemini-2.5-flash", "anthropic/claude-sonnet-4@20250514"] } };

  it("prices the buy track's primary publisher model per token, from the models its component registers", () => {
    const e = estimate([buy, child(buy, "gcp:vertex/aiModelGardenEnableModel:AiModelGardenEnableModel", "claude", { publisherModelName: "publishers/anthropic/models/claude-sonnet-4@20250514" })], {
      "aitracks:workload": { workload: { requestsPerDay: 10_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 } },
    });
    // gemini-2.5-flash: 456.25M x $0.30 + 91.25M x $2.50 = $136.875 + $228.125
    expect(priced(e, "assistant").monthlyUsd).toBeCloseTo(365, 6);
    expect(e.free.map((f) => f.name)).toEqual(["claude"]);
  });

  it("prices a tuning job per training token once, and the tuned model's tokens at the base price", () => {
    const ft = track("FineTune", "gcp", "triage");
    const e = estimate(
      [ft, child(ft, "pulumi-nodejs:dynamic/vertex:TuningJob", "job", { baseModel: "gemini-2.5-flash", epochCount: 4, region: "us-central1" })],
      { "aitracks:workload": { workload: { requestsPerDay: 10_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 }, fineTune: { labeledExamples: 10_000, tokensPerExample: 1_000 } } },
    );
    const r = priced(e, "job");
    expect(r.oneOffUsd).toBeCloseTo(320, 9); // 10,000 x 1,000 x 4 = 40M training tokens x $8
    expect(r.monthlyUsd).toBeCloseTo(365, 6); // served at gemini-2.5-flash prices
  });

  it("prices an evaluation run: each candidate's answers and the autorater, once", () => {
    const e = estimate([
      res("pulumi-nodejs:dynamic/vertex:EvaluationRun", "run", {
        autoraterModel: "projects/p/locations/us-central1/publishers/google/models/gemini-2.5-pro",
        inferenceConfigs: { flash: { model: "projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash" } },
        metrics: [{ metric: "exact_match", computationBasedMetricSpec: { type: "EXACT_MATCH" } }, { metric: "quality", metricResourceName: "projects/p/locations/us-central1/evaluationMetrics/q" }],
      }),
    ]);
    // answers: 1,000 x 1,500 = 1.5M x $0.30 + 0.3M x $2.50 = $0.45 + $0.75
    // judge (1 model-based metric): 1,000 x 1,800 = 1.8M x $1.25 + 1,000 x 200 = 0.2M x $10 = $2.25 + $2.00
    expect(priced(e, "run").oneOffUsd).toBeCloseTo(5.45, 9);
  });
});
