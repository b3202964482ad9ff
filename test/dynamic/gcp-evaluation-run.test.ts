// @ts-nocheck
import { describe, expect, it } from "vitest";
import { evaluationRunProvider, type EvaluationRunInputs } from "@aitracks/components";
import { FakeVertex, useFakeVertex } from "./gcp-fake-vertex";
import { created } from "../helpers/defined";

const TOKEN = "ya29.eval";
const vertex = useFakeVertex(TOKEN);
const loc = "projects/acme-ml/locations/us-central1";
const inputs = (over: Partial<EvaluationRunInputs> = {}): EvaluationRunInputs => ({
  project: "acme-ml",
  region: "us-central1",
  apiEndpoint: vertex.url,
  displayName: "ticket-triage base vs tuned",
  bigqueryRequestSet: { uri: "bq://acme-ml.triage_evaluation.prompts", promptColumn: "prompt" },
  inferenceConfigs: {
    base: { model: `${loc}/publishers/google/models/gemini-2.5-flash` },
    tuned: { model: "projects/123456789012/locations/us-central1/endpoints/777" },
  },
  metrics: [
    { metric: "exact_match", computationBasedMetricSpec: { type: "EXACT_MATCH" } },
    { metric: "label-correct", metricResourceName: `${loc}/evaluationMetrics/triage-label-correct` },
  ],
  autoraterModel: `${loc}/publishers/google/models/gemini-2.5-pro`,
  outputUriPrefix: "gs://acme-ml-data/evaluation-results/triage/",
  kmsKeyName: `${loc}/keyRings/r/cryptoKeys/k`,
  labels: { "aitracks-track": "fine-tune" },
  pollIntervalSeconds: 0.01,
  timeoutMinutes: 1,
  ...over,
});


describe("Vertex AI evaluation run provider (against a local Vertex AI)", () => {
  it("creates one run in which both candidates answer the same prompts, scored by the same metrics", async () => {
    const { id, outs } = created(await evaluationRunProvider.create(inputs()));
    const post = vertex.apiCalls()[0]!;
    expect(`${post.method} ${post.path}`).toBe(`POST /v1/${loc}/evaluationRuns`);
    expect(post.authorization).toBe(`Bearer ${TOKEN}`);
    expect(post.body.dataSource).toEqual({ bigqueryRequestSet: { uri: "bq://acme-ml.triage_evaluation.prompts", promptColumn: "prompt" } });
    expect(Object.keys(post.body.inferenceConfigs)).toEqual(["base", "tuned"]);
    expect(post.body.inferenceConfigs.tuned.model).toBe("projects/123456789012/locations/us-central1/endpoints/777");
    expect(post.body.evaluationConfig).toEqual({
      metrics: inputs().metrics,
      outputConfig: { gcsDestination: { outputUriPrefix: "gs://acme-ml-data/evaluation-results/triage/" } },
      autoraterConfig: { autoraterModel: `${loc}/publishers/google/models/gemini-2.5-pro` },
    });
    expect(post.body.encryptionSpec).toEqual({ kmsKeyName: `${loc}/keyRings/r/cryptoKeys/k` });
    expect(id).toMatch(/^projects\/acme-ml\/locations\/us-central1\/evaluationRuns\/\d+$/);
    expect(outs.state).toBe("SUCCEEDED");
    expect(JSON.parse(outs.summaryMetrics).metrics["tuned/exact_match/AVERAGE"]).toBe(0.91);
  });

  it("uses an evaluation set instead of BigQuery when given one", async () => {
    await evaluationRunProvider.create(inputs({ bigqueryRequestSet: undefined, evaluationSet: `${loc}/evaluationSets/42`, waitForCompletion: false }));
    expect(vertex.apiCalls()[0]!.body.dataSource).toEqual({ evaluationSet: `${loc}/evaluationSets/42` });
  });

  it("reads the run's state; a deleted run reads as gone", async () => {
    const { id } = await evaluationRunProvider.create(inputs({ waitForCompletion: false }));
    expect((await evaluationRunProvider.read!(id, inputs() as any)).props!.state).toBe("RUNNING");
    expect((await evaluationRunProvider.read!(`${loc}/evaluationRuns/1`, inputs() as any)).id).toBe("");
  });

  it("cancels a running run before deleting it; deletes a finished one directly", async () => {
    const running = created(await evaluationRunProvider.create(inputs({ waitForCompletion: false })));
    vertex.calls.length = 0;
    await evaluationRunProvider.delete!(running.id, running.outs);
    expect(vertex.apiCalls().map((c) => `${c.method} ${c.path}`)).toEqual([`GET /v1/${running.id}`, `POST /v1/${running.id}:cancel`, `DELETE /v1/${running.id}`]);
    expect(vertex.evaluationRuns.has(running.id)).toBe(false);

    const done = created(await evaluationRunProvider.create(inputs()));
    vertex.calls.length = 0;
    await evaluationRunProvider.delete!(done.id, done.outs);
    expect(vertex.apiCalls().map((c) => c.method)).toEqual(["GET", "DELETE"]);
  });

  it("surfaces the API's error body, and a failed run's error", async () => {
    await expect(evaluationRunProvider.create(inputs({ metrics: [] }))).rejects.toThrow(/: 400 INVALID_ARGUMENT: data_source and evaluation_config\.metrics are required\.$/);
    const failing = await new FakeVertex({ token: TOKEN, jobOutcome: "FAILED" }).start();
    try {
      await expect(evaluationRunProvider.create(inputs({ apiEndpoint: failing.url }))).rejects.toThrow(/ended in FAILED: Dataset row 17/);
    } finally {
      await failing.stop();
    }
  });

  it("replaces the run when what it evaluates changes", async () => {
    const olds = { ...inputs(), runName: "r", state: "SUCCEEDED" } as any;
    const swapped = await evaluationRunProvider.diff!("r", olds, inputs({ inferenceConfigs: { base: { model: "x" } } }));
    expect(swapped).toEqual({ changes: true, replaces: ["inferenceConfigs"], deleteBeforeReplace: false });
    expect((await evaluationRunProvider.diff!("r", olds, inputs())).changes).toBe(false);
  });
});
