// @ts-nocheck
// The Azure example stacks and the hybrid stack, previewed offline through the real program
// (stacks/) and the cell table; bad settings in a stack's config stop before anything registers.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { previewProgram, type ResourceGraph } from "@aitracks/preview";
import { aitracks, ROOT } from "../helpers/cli";
import { ofType, one } from "../helpers/graph";

const preview = (stack: string, configFile?: string) => previewProgram({ programDir: ROOT, stack, ...(configFile ? { configFile } : {}) });
const tmp = mkdtempSync(join(tmpdir(), "aitracks-azure-stacks-"));

/** The example stack's config with one track's settings changed; returns the file. */
function variant(stack: string, change: (track: Record<string, any>) => void, index = 0): string {
  const doc = parse(readFileSync(join(ROOT, "stacks", `Pulumi.${stack}.yaml`), "utf8"));
  change(doc.config["aitracks:tracks"][index]);
  const file = join(tmp, `Pulumi.${stack}.yaml`);
  writeFileSync(file, stringify(doc));
  return file;
}
const failure = (stack: string, file: string) =>
  preview(stack, file).then(
    () => "no error",
    (e: Error & { registered?: number }) => `${e.message} (${e.registered})`,
  );
const location = (g: ResourceGraph) => one(g, "pulumi:providers:azure-native").inputs.location;
const out = (g: ResourceGraph, name: string) => (g.outputs.tracks as any)[name];

describe("Azure example stacks preview offline", () => {
  it("buy-azure: gpt-4o on 15 global PTUs spilling over to gpt-4o-mini, in eastus2", async () => {
    const g = await preview("buy-azure");
    expect(location(g)).toBe("eastus2");
    const deployments = ofType(g, "azure-native:cognitiveservices:Deployment").map((d) => d.inputs as any);
    expect(deployments.map((d) => [d.deploymentName, d.sku.name, d.sku.capacity])).toEqual([
      ["gpt-4o", "GlobalProvisionedManaged", 15],
      ["gpt-4o-mini", "GlobalStandard", 50],
    ]);
    expect(one(g, "azure-native:consumption:Budget").inputs.amount).toBe(15000);
    const o = out(g, "assistant");
    expect(o).toMatchObject({ track: "buy", cloud: "azure", service: "Azure OpenAI Service", primaryDeployment: "gpt-4o", contentFilter: "assistant-content-filter" });
    expect(o.endpoint).toMatch(/^https:\/\/assistant-aoai-[0-9a-f]{6}\.openai\.azure\.com\/$/);
  });

  it("build-azure: four ND H100 v5 nodes from zero, the job registered but not submitted", async () => {
    const g = await preview("build-azure");
    const c = (one(g, "azure-native:machinelearningservices:Compute").inputs as any).properties.properties;
    expect(c).toMatchObject({ vmSize: "Standard_ND96isr_H100_v5", scaleSettings: { minNodeCount: 0, maxNodeCount: 4 }, enableNodePublicIp: false });
    expect(ofType(g, "azure-native:machinelearningservices:DataVersion")).toHaveLength(2);
    expect(ofType(g, "azure-native:machinelearningservices:CodeVersion")).toHaveLength(1);
    expect(ofType(g, "azure-native:machinelearningservices:Job")).toHaveLength(0);
    expect(out(g, "domain-lm")).toMatchObject({ service: "Azure ML + ND GPUs", gpusPerNode: 8, maxNodes: 4, trainingJob: "not submitted (training.submit: false)" });
  });

  it("fine-tune-azure: uploads the example files, tunes gpt-4o-mini in swedencentral, deploys and evaluates", async () => {
    const g = await preview("fine-tune-azure");
    expect(location(g)).toBe("swedencentral");
    expect(ofType(g, "pulumi-nodejs:dynamic/azure-openai:File").map((f) => f.inputs.path as string).sort()).toEqual(
      ["evaluation.jsonl", "train.jsonl", "validation.jsonl"].map((f) => join(ROOT, "stacks", "data", "azure", f)),
    );
    expect(one(g, "pulumi-nodejs:dynamic/azure-openai:FineTuningJob").inputs).toMatchObject({ baseModel: "gpt-4o-mini-2024-07-18", hyperparameters: { nEpochs: 3, batchSize: 8, learningRateMultiplier: 1 }, suffix: "triage", seed: 42 });
    const o = out(g, "ticket-triage");
    expect(o).toMatchObject({ service: "Azure OpenAI fine-tuning", baseModel: "gpt-4o-mini-2024-07-18", tunedDeployment: "ticket-triage-tuned", baseDeployment: "ticket-triage-base" });
    expect(o.fineTunedModel).toMatch(/^gpt-4o-mini-2024-07-18\.ft-/);
    expect(Object.keys(o.evaluationRuns)).toEqual(["base", "tuned"]);
  });

  it("serving-azure: an online endpoint autoscaled 1-4 on an A100, and a serverless Phi-4 endpoint", async () => {
    const g = await preview("serving-azure");
    const a = (one(g, "azure-native:monitor:AutoscaleSetting").inputs as any).profiles[0];
    expect(a.capacity).toEqual({ minimum: "1", maximum: "4", default: "1" });
    expect(ofType(g, "azure-native:machinelearningservices:ServerlessEndpoint")).toHaveLength(1);
    const o = out(g, "ranker");
    expect(o).toMatchObject({ service: "Azure ML online endpoints", authMode: "AADToken", instances: { min: 1, start: 1, max: 4 } });
    expect(o.scoringUri).toMatch(/^https:\/\/ranker-[0-9a-f]{6}\.eastus2\.inference\.ml\.azure\.com\/score$/);
  });

  it("evaluation-azure: a weekly scheduled evaluation with a judge model", async () => {
    const g = await preview("evaluation-azure");
    const s = one(g, "azure-native:machinelearningservices:Schedule").inputs as any;
    expect(s.properties.trigger.expression).toBe("0 6 * * 1");
    expect(s.properties.action.jobDefinition.inputs.metrics.value).toBe("groundedness,relevance,coherence,f1_score");
    expect(out(g, "assistant-eval")).toMatchObject({ service: "Azure ML evaluation", runs: "on schedule 0 6 * * 1 (UTC)" });
  });

  it("hybrid: buy on AWS, fine-tune on GCP and serving on Azure in one stack, each with its provider and outputs", async () => {
    const g = await preview("hybrid");
    expect(one(g, "pulumi:providers:aws").inputs.region).toBe("us-east-1");
    expect(one(g, "pulumi:providers:gcp").inputs.region).toBe("us-central1");
    expect(location(g)).toBe("eastus2");
    // Each track's resources go through its own (cloud, region) provider.
    for (const [type, prefix, provider] of [
      ["aitracks:aws:BuyTrack", "aws:", "pulumi:providers:aws::aws-us-east-1"],
      ["aitracks:gcp:FineTuneTrack", "gcp:", "pulumi:providers:gcp::gcp-us-central1"],
      ["aitracks:azure:ServingTrack", "azure-native:", "pulumi:providers:azure-native::azure-eastus2"],
    ] as const) {
      one(g, type);
      const children = g.resources.filter((r) => r.custom && r.urn.includes(`${type}$`) && r.type.startsWith(prefix));
      expect(children.length, type).toBeGreaterThan(5);
      const used = new Set(children.map((r) => r.provider!.slice(0, r.provider!.lastIndexOf("::"))));
      expect([...used], type).toEqual([`urn:pulumi:hybrid::aitracks::pulumi:pulumi:Stack$${provider}`]);
    }
    expect(Object.keys(g.outputs.tracks as object).sort()).toEqual(["prototypes", "ranker", "ticket-triage"]);
    expect(out(g, "prototypes")).toMatchObject({ track: "buy", cloud: "aws", service: "Amazon Bedrock" });
    expect(out(g, "ticket-triage")).toMatchObject({ track: "fine-tune", cloud: "gcp" });
    expect(out(g, "ranker")).toMatchObject({ track: "serving", cloud: "azure", authMode: "AADToken" });
  });
});

describe("bad Azure settings in a stack's config", () => {
  it("stop with the setting's path before any resource is registered", async () => {
    expect(await failure("buy-azure", variant("buy-azure", (t) => (t.deployments[1].capacity = 0)))).toBe(
      "aitracks:tracks[0].deployments[1].capacity: expected a whole number of thousand tokens per minute of at least 1, got 0 (0)",
    );
    expect(await failure("buy-azure", variant("buy-azure", (t) => (t.deployments[0].model = "gpt-9")))).toMatch(/^aitracks:tracks\[0\]\.deployments\[0\]\.model: unknown Azure OpenAI model "gpt-9"; did you mean .*\(0\)$/);
    expect(await failure("build-azure", variant("build-azure", (t) => (t.cluster.vmSize = "Standard_ND96isr_H200_v5")))).toMatch(
      /^aitracks:tracks\[0\]\.cluster\.vmSize: unknown azure SKU "Standard_ND96isr_H200_v5" in the price catalog; did you mean Standard_ND96isr_H100_v5.*\(0\)$/,
    );
    expect(await failure("serving-azure", variant("serving-azure", (t) => (t.deployment.minInstances = 5)))).toBe(
      "aitracks:tracks[0].deployment.minInstances: expected at most deployment.maxInstances (4), got 5 (0)",
    );
    expect(await failure("fine-tune-azure", variant("fine-tune-azure", (t) => (t.hyperparameters.epochs = "three")))).toBe(
      'aitracks:tracks[0].hyperparameters.epochs: expected a number of epochs, got "three" (0)',
    );
    expect(await failure("hybrid", variant("hybrid", (t) => (t.deployment.maxInstances = 0), 2))).toBe(
      "aitracks:tracks[2].deployment.maxInstances: expected a whole number from 1 to 100, got 0 (0)",
    );
  });

  it("exit the CLI with 2 and one line, no stack trace", () => {
    const r = aitracks(["preview", "--stack", "buy-azure", "--config", variant("buy-azure", (t) => (t.deployments[0].sku = "Premium"))]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^aitracks: aitracks:tracks\[0\]\.deployments\[0\]\.sku: expected one of Standard, GlobalStandard/);
  });
});
