// @ts-nocheck
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GcpFineTuneTrack, type GcpFineTuneTrackArgs } from "@aitracks/components";
import { previewInline } from "@aitracks/preview";
import { ofType, one } from "../helpers/graph";
import { ROOT } from "../helpers/cli";
import { attempt, byName, expectStandardLabels, gcpTags, keyName, PROJECT, PROJECT_NUMBER } from "./gcp-helpers";

const data = (f: string) => join(ROOT, "stacks", "data", "gcp", f);
const tags = gcpTags("fine-tune");
const gemini: GcpFineTuneTrackArgs = {
  region: "us-central1",
  baseModel: "gemini-2.5-flash",
  trainingDataFile: data("tuning-train.jsonl"),
  validationDataFile: data("tuning-validation.jsonl"),
  evaluationDataFile: data("evaluation.jsonl"),
  epochs: 4,
  adapterSize: 8,
  learningRateMultiplier: 0.5,
  tags,
};
const tune = (args: Partial<GcpFineTuneTrackArgs>) => previewInline({ program: () => new GcpFineTuneTrack("triage", { ...gemini, ...args }) });

describe("fine-tune on GCP: Gemini supervised tuning", async () => {
  const graph = await tune({});
  const key = keyName(graph);
  const job = one(graph, "pulumi-nodejs:dynamic/vertex:TuningJob");
  const run = one(graph, "pulumi-nodejs:dynamic/vertex:EvaluationRun");
  const bucket = one(graph, "gcp:storage/bucket:Bucket");
  const bucketName = `triage-data-${bucket.id!.split("-").pop()}`;

  it("uploads the datasets into the CMEK bucket", () => {
    expect(bucket.inputs).toMatchObject({ encryption: { defaultKmsKeyName: key }, publicAccessPrevention: "enforced", uniformBucketLevelAccess: true });
    const objects = ofType(graph, "gcp:storage/bucketObject:BucketObject").map((o) => [o.inputs.name, o.inputs.source]);
    expect(objects).toEqual([
      ["training/training.jsonl", data("tuning-train.jsonl")],
      ["validation/validation.jsonl", data("tuning-validation.jsonl")],
      ["evaluation/evaluation.jsonl", data("evaluation.jsonl")],
    ]);
  });

  it("submits the tuning job with the configured base model, epochs, adapter size and learning rate, encrypted", () => {
    expect(job.inputs).toMatchObject({
      project: PROJECT,
      region: "us-central1",
      baseModel: "gemini-2.5-flash",
      tunedModelDisplayName: "aitracks-triage",
      trainingDatasetUri: `gs://${bucketName}/training/training.jsonl`,
      validationDatasetUri: `gs://${bucketName}/validation/validation.jsonl`,
      epochCount: 4,
      adapterSize: "ADAPTER_SIZE_EIGHT",
      learningRateMultiplier: 0.5,
      kmsKeyName: key,
      waitForCompletion: true,
    });
    expect((job.inputs.labels as any)["aitracks-track"]).toBe("fine-tune");
    // The job starts only once the data is uploaded, the agent can read it and holds the key.
    for (const n of ["triage-training-data", "triage-vertex-read", "triage-key-aiplatform", "triage-key-storage"]) expect(job.dependencies).toContain(byName(graph, n).urn);
    expect(byName(graph, "triage-vertex-read").inputs).toMatchObject({ role: "roles/storage.objectViewer", member: `serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-aiplatform.iam.gserviceaccount.com` });
  });

  it("evaluates the base model against the tuned one in one run, on the same evaluation set and metrics", () => {
    const inputs = run.inputs as any;
    expect(Object.keys(inputs.inferenceConfigs).sort()).toEqual(["base", "tuned"]);
    expect(inputs.inferenceConfigs.base.model).toBe(`projects/${PROJECT}/locations/us-central1/publishers/google/models/gemini-2.5-flash`);
    // The tuned candidate is the endpoint the tuning job reports (so the run waits for the job).
    expect(inputs.inferenceConfigs.tuned.model).toMatch(new RegExp(`^projects/${PROJECT_NUMBER}/locations/us-central1/endpoints/\\d+$`));
    expect(run.dependencies).toContain(job.urn);
    // One data source for both: the external table over the evaluation file, not the training data.
    const table = one(graph, "gcp:bigquery/table:Table").inputs as any;
    expect(table.externalDataConfiguration.sourceUris).toEqual([`gs://${bucketName}/evaluation/evaluation.jsonl`]);
    expect(inputs.bigqueryRequestSet).toEqual({ uri: `bq://${PROJECT}.triage_evaluation.prompts`, promptColumn: "prompt" });
    expect(inputs.metrics.map((m: any) => m.metric)).toEqual(["exact_match", "bleu", "rouge", "answer-quality"]);
    expect(inputs.metrics[3].metricResourceName).toBe(`projects/${PROJECT}/locations/us-central1/evaluationMetrics/triage-answer-quality`);
    expect(inputs.outputUriPrefix).toBe(`gs://${bucketName}/evaluation-results/triage/`);
    expect(inputs.kmsKeyName).toBe(key);
    // The comparison is recorded on the run for readers and policies: base, tuned, and the one dataset.
    expect(inputs.baseModel).toBe(inputs.inferenceConfigs.base.model);
    expect(inputs.tunedModel).toBe(inputs.inferenceConfigs.tuned.model);
    expect(inputs.dataset).toBe(`gs://${bucketName}/evaluation/evaluation.jsonl`);
  });

  it("keeps the judged metric and the evaluation dataset encrypted with the track's key", () => {
    const metric = one(graph, "gcp:vertex/aiEvaluationMetric:AiEvaluationMetric").inputs as any;
    expect(metric.encryptionSpec).toEqual({ kmsKeyName: key });
    expect(JSON.parse(metric.metric).llmBasedMetricSpec.judgeAutoraterConfig.autoraterModel).toBe(`projects/${PROJECT}/locations/us-central1/publishers/google/models/gemini-2.5-pro`);
    expect((one(graph, "gcp:bigquery/dataset:Dataset").inputs as any).defaultEncryptionConfiguration).toEqual({ kmsKeyName: key });
    // One read grant for the agent on the bucket (shared by tuning and evaluation), plus write for results.
    expect(ofType(graph, "gcp:storage/bucketIAMMember:BucketIAMMember").map((g) => g.inputs.role).sort()).toEqual(["roles/storage.objectCreator", "roles/storage.objectViewer"]);
  });

  it("serves the tuned Gemini model on the endpoint the job created: no machines of its own", () => {
    expect(ofType(graph, "pulumi-nodejs:dynamic/vertex:DeployedModel")).toHaveLength(0);
    expect(ofType(graph, "gcp:vertex/aiEndpoint:AiEndpoint")).toHaveLength(0);
  });

  it("labels every labelled resource, including the training set's size (120 examples in the file)", () => {
    expectStandardLabels(graph, 5);
    expect((one(graph, "gcp:storage/bucket:Bucket").inputs.labels as any)["aitracks-labeled-examples"]).toBe("120");
  });
});

describe("fine-tune on GCP: an open model, deployed through serving", async () => {
  const baseEndpoint = `projects/${PROJECT}/locations/us-central1/endpoints/3141`;
  const graph = await tune({
    baseModel: "meta/llama3_1@llama-3.1-8b-instruct",
    serving: { machineType: "g2-standard-48", minReplicas: 1, maxReplicas: 2 },
    baseModelEndpoint: baseEndpoint,
  });

  it("deploys the tuned model from the job on a CMEK endpoint, 4 L4s per replica, and evaluates it against the base", () => {
    const job = one(graph, "pulumi-nodejs:dynamic/vertex:TuningJob");
    const deployment = one(graph, "pulumi-nodejs:dynamic/vertex:DeployedModel");
    expect(deployment.inputs).toMatchObject({ machineType: "g2-standard-48", acceleratorType: "NVIDIA_L4", acceleratorCount: 4, minReplicaCount: 1, maxReplicaCount: 2 });
    expect(deployment.inputs.model).toMatch(/\/models\/\d+@1$/);
    expect(deployment.dependencies).toContain(job.urn);
    const endpoint = one(graph, "gcp:vertex/aiEndpoint:AiEndpoint");
    expect(endpoint.inputs.encryptionSpec).toEqual({ kmsKeyName: keyName(graph) });
    const run = one(graph, "pulumi-nodejs:dynamic/vertex:EvaluationRun").inputs as any;
    expect(run.inferenceConfigs).toEqual({ base: { model: baseEndpoint }, tuned: { model: endpoint.id } });
  });
});

describe("fine-tune on GCP: bad settings stop before anything is registered", () => {
  const dir = mkdtempSync(join(tmpdir(), "aitracks-ft-"));
  const small = join(dir, "small.jsonl");
  writeFileSync(small, Array.from({ length: 12 }, (_, i) => JSON.stringify({ contents: [{ role: "user", parts: [{ text: `q${i}` }] }] })).join("\n"));
  const broken = join(dir, "broken.jsonl");
  writeFileSync(broken, '{"prompt": "a"}\nnot json\n');
  const bad = (args: Partial<GcpFineTuneTrackArgs>) => attempt(() => new GcpFineTuneTrack("triage", { ...gemini, ...args }));

  it("refuses fewer than 100 training examples (the framework's floor), and broken JSONL", async () => {
    expect(await bad({ trainingDataFile: small })).toBe(`trainingDataFile: expected at least 100 examples in ${small}, got 12 (0)`);
    expect(await bad({ evaluationDataFile: broken })).toBe(`evaluationDataFile: ${broken} line 2 is not JSON (0)`);
    expect(await bad({ trainingDataFile: join(dir, "missing.jsonl") })).toMatch(/^trainingDataFile: expected a JSONL file, but .*missing\.jsonl does not exist/);
  });

  it("requires the evaluation set: no tuning without the base-vs-tuned comparison", async () => {
    expect(await bad({ evaluationDataFile: undefined })).toBe("evaluationDataFile: expected evaluationDataFile (a local JSONL file) or evaluationDataUri (gs://…) (0)");
  });

  it("refuses impossible tuning settings", async () => {
    expect(await bad({ adapterSize: 3 })).toBe("adapterSize: expected one of 1, 2, 4, 8, 16, 32, got 3 (0)");
    expect(await bad({ epochs: 0 })).toBe("epochs: expected a whole number of epochs from 1 to 100, got 0 (0)");
    expect(await bad({ baseModel: "gpt-4o" })).toMatch(/^baseModel: expected a tunable Gemini model .* got "gpt-4o" \(0\)$/);
    expect(await bad({ serving: { machineType: "g2-standard-12" } })).toMatch(/^serving: gemini-2\.5-flash tuned models are served by Vertex AI/);
    expect(await bad({ baseModel: "meta/llama3_1@llama-3.1-8b-instruct", serving: { machineType: "g2-standard-12", minReplicas: 3, maxReplicas: 1 }, baseModelEndpoint: "projects/p/locations/us-central1/endpoints/1" })).toBe(
      "serving.minReplicas: expected at most maxReplicas (1), got 3 (0)",
    );
  });
});
