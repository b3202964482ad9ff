// @ts-nocheck
// Pulumi serializes each dynamic provider into the stack state and runs it in another process. For
// every Vertex AI resource: take the text the program registers (under mocks), revive it in a fresh
// Node process whose only Google credentials are the (fake) metadata server, and run create, read
// and delete against the local Vertex AI through Google's clients.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { VertexDeployedModel, VertexEvaluationRun, VertexPublisherModelLogging, VertexTuningJob } from "@aitracks/components";
import { previewInline } from "@aitracks/preview";
import { metadataServerEnv, useFakeVertex } from "./gcp-fake-vertex";

const run = promisify(execFile);
const TOKEN = "ya29.fresh-process";
const vertex = useFakeVertex(TOKEN);
const dir = mkdtempSync(join(tmpdir(), "aitracks-gcp-serialized-"));
const loc = "projects/acme-ml/locations/us-central1";
const endpoint = `${loc}/endpoints/4242`;
const common = { project: "acme-ml", region: "us-central1", pollIntervalSeconds: 0.01, timeoutMinutes: 1 };

const resources = {
  TuningJob: {
    make: (i: any) => new VertexTuningJob("r", i),
    inputs: { ...common, baseModel: "gemini-2.5-flash", tunedModelDisplayName: "t", trainingDatasetUri: "gs://b/t.jsonl", waitForCompletion: false },
  },
  EvaluationRun: {
    make: (i: any) => new VertexEvaluationRun("r", i),
    inputs: { ...common, displayName: "e", evaluationSet: `${loc}/evaluationSets/1`, metrics: [{ metric: "exact_match" }], outputUriPrefix: "gs://b/out/", waitForCompletion: false },
  },
  DeployedModel: {
    make: (i: any) => new VertexDeployedModel("r", i),
    inputs: { ...common, endpoint, model: `${loc}/models/555@1`, displayName: "d", machineType: "g2-standard-12", minReplicaCount: 1, maxReplicaCount: 2 },
  },
  PublisherModelLogging: {
    make: (i: any) => new VertexPublisherModelLogging("r", i),
    inputs: { ...common, publisherModelName: "publishers/google/models/gemini-2.5-flash", samplingRate: 0.5, bigqueryOutputUri: "bq://acme-ml.logs.gemini" },
  },
};

beforeEach(() => {
  vertex.endpoints.set(endpoint, { name: endpoint, deployedModels: [], trafficSplit: {} });
});

describe("serialized Vertex AI providers run on their own", () => {
  it.each(Object.keys(resources) as (keyof typeof resources)[])("%s: create, read and delete from a fresh process", async (kind) => {
    const { make, inputs } = resources[kind];
    const graph = await previewInline({ program: () => make({ ...inputs, apiEndpoint: vertex.url }) });
    const file = join(dir, `${kind}.js`);
    writeFileSync(file, String(graph.resources.find((r) => r.type === `pulumi-nodejs:dynamic/vertex:${kind}`)!.inputs.__provider));
    const script = `const rfs = require(require.resolve("require-from-string", { paths: [require.resolve("@pulumi/pulumi")] }));
const p = rfs(require("node:fs").readFileSync(${JSON.stringify(file)}, "utf8")).handler();
(async () => {
  const made = await p.create(${JSON.stringify({ ...inputs, apiEndpoint: vertex.url })});
  const read = await p.read(made.id, made.outs);
  await p.delete(made.id, made.outs);
  process.stdout.write(JSON.stringify({ id: made.id, readId: read.id }));
})().catch((e) => { process.stderr.write(e.message); process.exit(3); });`;
    const { stdout } = await run(process.execPath, ["-e", script], { cwd: process.cwd(), env: { PATH: process.env.PATH ?? "", HOME: dir, ...metadataServerEnv(vertex) } });
    const result = JSON.parse(stdout);
    expect(result.id).not.toBe("");
    expect(result.readId).toBe(result.id);
    const api = vertex.apiCalls();
    expect(api.length).toBeGreaterThanOrEqual(3);
    expect(api.every((c) => c.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(vertex.calls.some((c) => c.path === "/computeMetadata/v1/instance/service-accounts/default/token")).toBe(true);
  });
});
