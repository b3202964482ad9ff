// @ts-nocheck
import { describe, expect, it } from "vitest";
import { child, estimate, priced, res, track } from "./helpers";

// Hand-computed from the compute catalog (eastus list prices) and @pydantic/genai-prices.

const deployment = (name: string, sku: Record<string, unknown>, model: string) =>
  res("azure-native:cognitiveservices:Deployment", name, { accountName: "acct", resourceGroupName: "rg", deploymentName: name, sku, properties: { model: { format: "OpenAI", name: model, version: "1" } } });

describe("Azure OpenAI deployments", () => {
  it("prices provisioned deployments per PTU-hour of their deployment type", () => {
    const e = estimate([
      deployment("global", { name: "GlobalProvisionedManaged", capacity: 15 }, "gpt-4o"),
      deployment("regional", { name: "ProvisionedManaged", capacity: 50 }, "gpt-4o"),
      deployment("datazone", { name: "DataZoneProvisionedManaged", capacity: 15 }, "gpt-4o"),
    ]);
    expect(priced(e, "global").monthlyUsd).toBeCloseTo(10_950, 6); // 15 x 730 x $1.00
    expect(priced(e, "regional").monthlyUsd).toBeCloseTo(73_000, 6); // 50 x 730 x $2.00
    expect(priced(e, "datazone").monthlyUsd).toBeCloseTo(12_045, 6); // 15 x 730 x $1.10
  });

  it("prices a standard deployment's tokens from the workload, and a fine-tuned model's hosting", () => {
    const ft = track("FineTune", "azure", "triage");
    const e = estimate([
      ft,
      deployment("std", { name: "GlobalStandard", capacity: 100 }, "gpt-4o"),
      child(ft, "azure-native:cognitiveservices:Deployment", "base", { deploymentName: "base", sku: { name: "Standard", capacity: 10 }, properties: { model: { name: "gpt-4o-mini" } } }),
      child(ft, "azure-native:cognitiveservices:Deployment", "tuned", { deploymentName: "tuned", sku: { name: "Standard", capacity: 10 }, properties: { model: { name: "gpt-4o-mini-2024-07-18.ft-abc123" } } }),
    ]);
    // two traffic-serving groups (outside tracks, the fine-tune track) split the workload 50/50:
    // gpt-4o: 228.125M x $2.50 + 45.625M x $10 = $570.3125 + $456.25
    expect(priced(e, "std").monthlyUsd).toBeCloseTo(1026.5625, 6);
    // the tuned model is the fine-tune track's primary even though registered after the base model:
    // gpt-4o-mini 228.125M x $0.15 + 45.625M x $0.60 = $34.21875 + $27.375, a Standard (regional) deployment
    // at 1.1 x the Global price = $67.753125, plus hosting 730 x $1.70
    expect(priced(e, "tuned").monthlyUsd).toBeCloseTo(67.753125 + 1241, 6);
    expect(priced(e, "base").monthlyUsd).toBe(0);
  });

  it("prices a fine-tuning job per training token, once (dynamic resource)", () => {
    const e = estimate(
      [res("pulumi-nodejs:dynamic/azure-openai:FineTuningJob", "job", { baseModel: "gpt-4o-mini-2024-07-18", hyperparameters: { nEpochs: 3 } })],
      { "aitracks:workload": { workload: { requestsPerDay: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 }, fineTune: { labeledExamples: 10_000, tokensPerExample: 1_000 } } },
    );
    expect(priced(e, "job").oneOffUsd).toBeCloseTo(750, 9); // 30M training tokens x $25
  });
});

describe("Azure Machine Learning", () => {
  it("prices an AmlCompute cluster at its minimum nodes, the maximum as the ceiling; an instance always on", () => {
    const cluster = (name: string, min: number) =>
      res("azure-native:machinelearningservices:Compute", name, { computeName: name, location: "eastus", properties: { computeType: "AmlCompute", properties: { vmSize: "Standard_ND96isr_H100_v5", scaleSettings: { minNodeCount: min, maxNodeCount: 4 } } } });
    const e = estimate([
      cluster("zero", 0),
      cluster("one", 1),
      res("azure-native:machinelearningservices:Compute", "ci", { properties: { computeType: "ComputeInstance", properties: { vmSize: "Standard_DS3_v2" } } }),
    ]);
    expect(priced(e, "zero").monthlyUsd).toBe(0);
    expect(priced(e, "zero").ceilingMonthlyUsd).toBeCloseTo(287_094.4, 6); // 4 x 730 x $98.32
    expect(priced(e, "one").monthlyUsd).toBeCloseTo(71_773.6, 6); // 1 x 730 x $98.32
    expect(priced(e, "ci").monthlyUsd).toBeCloseTo(213.89, 6); // 730 x $0.293
  });

  it("prices a managed online deployment's instances and the autoscale ceiling", () => {
    const dep = res("azure-native:machinelearningservices:OnlineDeployment", "blue", {
      deploymentName: "blue",
      endpointName: "ep",
      sku: { name: "Default", capacity: 2 },
      properties: { endpointComputeType: "Managed", instanceType: "Standard_NC24ads_A100_v4", scaleSettings: { scaleType: "Default" } },
    });
    const scale = res("azure-native:monitor:AutoscaleSetting", "autoscale", {
      targetResourceUri: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/onlineEndpoints/ep/deployments/blue",
      profiles: [{ name: "cpu", capacity: { default: "2", minimum: "2", maximum: "5" } }],
    });
    const e = estimate([dep, scale]);
    expect(priced(e, "blue").monthlyUsd).toBeCloseTo(5_362.58, 6); // 2 x 730 x $3.673
    expect(priced(e, "autoscale").ceilingMonthlyUsd).toBeCloseTo(8_043.87, 6); // 3 more x 730 x $3.673
    expect(e.ceilingMonthlyUsd).toBeCloseTo(13_406.45, 6); // 5 instances
  });

  it("prices a command job once at its timeout and a schedule's runs a month", () => {
    const compute = res("azure-native:machinelearningservices:Compute", "cpu", { computeName: "eval-cluster", properties: { computeType: "AmlCompute", properties: { vmSize: "Standard_DS3_v2", scaleSettings: { minNodeCount: 0, maxNodeCount: 2 } } } });
    const jobDef = { jobType: "Command", computeId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/computes/eval-cluster", resources: { instanceCount: 2 }, limits: { jobLimitsType: "Command", timeout: "PT4H" } };
    const e = estimate([
      compute,
      res("azure-native:machinelearningservices:Job", "job", { properties: jobDef }),
      res("azure-native:machinelearningservices:Schedule", "weekly", { properties: { action: { actionType: "CreateJob", jobDefinition: { ...jobDef, resources: { instanceCount: 1 } } }, trigger: { triggerType: "Cron", expression: "0 6 * * 1" } } }),
      res("azure-native:machinelearningservices:Job", "open-ended", { properties: { ...jobDef, limits: undefined } }),
    ]);
    expect(priced(e, "job").oneOffUsd).toBeCloseTo(2.344, 9); // 2 nodes x 4 h x $0.293
    // Mondays: 365/12/7 = 4.345 runs x 4 h x $0.293
    expect(priced(e, "weekly").monthlyUsd).toBeCloseTo((365 / 12 / 7) * 4 * 0.293, 9);
    expect(e.unpriced.map((u) => u.name)).toEqual(["open-ended"]);
  });

  it("prices a serverless endpoint's tokens when @pydantic/genai-prices has the model, else leaves it unpriced", () => {
    const e = estimate([
      res("azure-native:machinelearningservices:ServerlessEndpoint", "phi", { properties: { authMode: "Key", modelSettings: { modelId: "azureml://registries/azureml/models/Phi-4" } } }),
      res("azure-native:machinelearningservices:ServerlessEndpoint", "llama", { properties: { authMode: "Key", modelSettings: { modelId: "azureml://registries/azureml-meta/models/Meta-Llama-3.1-8B-Instruct" } } }),
    ]);
    // outside tracks the first one registered serves the workload: phi-4 on Azure, $0.07 / $0.14 per M
    expect(priced(e, "phi").components.map((c) => c.unitPriceUsd)).toEqual([0.07, 0.14]);
    expect(priced(e, "phi").monthlyUsd).toBeCloseTo(456.25 * 0.07 + 91.25 * 0.14, 6); // $44.7125
    expect(e.unpriced.map((u) => u.name)).toEqual(["llama"]);
  });

  it("prices content safety on a serverless endpoint per text record, input and output (computed by hand)", () => {
    const phi = (contentSafety?: unknown) =>
      res("azure-native:machinelearningservices:ServerlessEndpoint", "phi", { properties: { authMode: "Key", modelSettings: { modelId: "azureml://registries/azureml/models/Phi-4" }, ...(contentSafety ? { contentSafety } : {}) } });
    const e = estimate([phi({ contentSafetyStatus: "Enabled" })]);
    // 1,500 input tokens x 4 = 6,000 characters = 6 records, 300 output x 4 = 1,200 = 2 records: 8 a request;
    // 304,166.67 requests x 8 / 1,000 = 2,433.33 thousand records x $0.38 = $924.67 a month
    const safety = priced(e, "phi").components.find((c) => c.name.startsWith("content safety"))!;
    expect(safety.monthlyQuantity).toBeCloseTo(2_433.333333, 5);
    expect(safety.unitPriceUsd).toBe(0.38);
    expect(safety.monthlyUsd).toBeCloseTo(924.666666667, 6);
    expect(priced(e, "phi").monthlyUsd).toBeCloseTo(44.7125 + 924.666666667, 6);
    // Off (or absent): the tokens only.
    expect(priced(estimate([phi({ contentSafetyStatus: "Disabled" })]), "phi").monthlyUsd).toBeCloseTo(44.7125, 6);
    expect(priced(estimate([phi()]), "phi").monthlyUsd).toBeCloseTo(44.7125, 6);
  });
});

describe("storage, keys, networking and logs", () => {
  it("prices HSM keys, private endpoints and request-log ingestion; software keys are free", () => {
    const ws = res("azure-native:operationalinsights:Workspace", "logs", {});
    const diag = (n: string) => res("azure-native:monitor:DiagnosticSetting", n, {}, { dependencies: [ws.urn] });
    const e = estimate([
      res("azure-native:keyvault:Key", "hsm", { properties: { kty: "RSA-HSM" } }),
      res("azure-native:keyvault:Key", "hsm3072", { properties: { kty: "RSA-HSM", keySize: 3072 } }),
      res("azure-native:keyvault:Key", "ec", { properties: { kty: "EC-HSM", curveName: "P-256" } }),
      res("azure-native:keyvault:Key", "soft", { properties: { kty: "RSA" } }),
      res("azure-native:network:PrivateEndpoint", "pe", {}),
      res("azure-native:storage:StorageAccount", "sa", {}),
      ws,
      diag("d1"),
      diag("d2"),
    ]);
    expect(priced(e, "hsm").monthlyUsd).toBe(1); // RSA-HSM 2048-bit (the default size): $1 a key-month
    expect(priced(e, "hsm3072").monthlyUsd).toBe(5); // RSA-HSM 3072-bit, as the stacks create: $5 a key-month
    expect(priced(e, "ec").monthlyUsd).toBe(5); // EC-HSM: $5 a key-month
    expect(e.free.map((f) => f.name)).toEqual(expect.arrayContaining(["soft", "d1", "d2"]));
    expect(priced(e, "pe").monthlyUsd).toBeCloseTo(7.3, 9); // 730 x $0.01
    expect(priced(e, "sa").monthlyUsd).toBe(0);
    // 304,166.67 requests x 2 settings x 1,024 bytes = 0.62293 GB x $2.30
    expect(priced(e, "logs").monthlyUsd).toBeCloseTo((((10_000 * 365) / 12) * 2 * 1_024) / 1e9 * 2.3, 9);
  });
});
