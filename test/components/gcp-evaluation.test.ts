// @ts-nocheck
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { GcpEvaluationTrack, type GcpEvaluationTrackArgs } from "@aitracks/components";
import { previewInline } from "@aitracks/preview";
import { ofType, one } from "../helpers/graph";
import { ROOT } from "../helpers/cli";
import { attempt, byName, expectStandardLabels, gcpTags, keyName, PROJECT, PROJECT_NUMBER } from "./gcp-helpers";

const tags = gcpTags("evaluation");
const base: GcpEvaluationTrackArgs = {
  region: "europe-west4",
  models: ["google/gemini-2.5-flash", "google/gemini-2.5-flash-lite", `projects/${PROJECT}/locations/europe-west4/endpoints/9001`],
  evaluationDataFile: join(ROOT, "stacks", "data", "gcp", "evaluation.jsonl"),
  metrics: {
    computed: ["exact_match", "rouge"],
    judged: [
      { name: "helpfulness", promptTemplate: "Question: {prompt}\nAnswer: {response}\nScore 1-5 for helpfulness." },
      { name: "faithfulness", promptTemplate: "Reference: {reference}\nAnswer: {response}\nScore 1-5.", judgeModel: "gemini-2.5-flash" },
    ],
  },
  tags,
};
const evaluate = (args: Partial<GcpEvaluationTrackArgs>) => previewInline({ program: () => new GcpEvaluationTrack("triage-eval", { ...base, ...args }) });
const vertexAgent = `serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-aiplatform.iam.gserviceaccount.com`;

describe("evaluation on GCP (Vertex AI Gen AI evaluation)", async () => {
  const graph = await evaluate({});
  const key = keyName(graph);
  const run = one(graph, "pulumi-nodejs:dynamic/vertex:EvaluationRun").inputs as any;
  const loc = `projects/${PROJECT}/locations/europe-west4`;

  it("defines each LLM-judged metric as a CMEK Vertex AI EvaluationMetric with its judge", () => {
    const metrics = ofType(graph, "gcp:vertex/aiEvaluationMetric:AiEvaluationMetric").map((m) => m.inputs as any);
    expect(metrics.map((m) => m.evaluationMetricId)).toEqual(["triage-eval-helpfulness", "triage-eval-faithfulness"]);
    for (const m of metrics) expect(m.encryptionSpec).toEqual({ kmsKeyName: key });
    const judges = metrics.map((m) => JSON.parse(m.metric).llmBasedMetricSpec.judgeAutoraterConfig.autoraterModel);
    expect(judges).toEqual([`${loc}/publishers/google/models/gemini-2.5-pro`, `${loc}/publishers/google/models/gemini-2.5-flash`]);
    expect(JSON.parse(metrics[0].metric).llmBasedMetricSpec.metricPromptTemplate).toContain("{response}");
  });

  it("runs every model on the same prompts with computed and judged metrics", () => {
    expect(run.inferenceConfigs).toEqual({
      "gemini-2.5-flash": { model: `${loc}/publishers/google/models/gemini-2.5-flash` },
      "gemini-2.5-flash-lite": { model: `${loc}/publishers/google/models/gemini-2.5-flash-lite` },
      "endpoint-9001": { model: `${loc}/endpoints/9001` },
    });
    expect(run.metrics).toEqual([
      { metric: "exact_match", computationBasedMetricSpec: { type: "EXACT_MATCH" } },
      { metric: "rouge", computationBasedMetricSpec: { type: "ROUGE" } },
      { metric: "helpfulness", metricResourceName: `${loc}/evaluationMetrics/triage-eval-helpfulness` },
      { metric: "faithfulness", metricResourceName: `${loc}/evaluationMetrics/triage-eval-faithfulness` },
    ]);
    expect(run.region).toBe("europe-west4");
  });

  it("keeps the dataset and the results encrypted in the track's bucket and BigQuery dataset", () => {
    const bucket = one(graph, "gcp:storage/bucket:Bucket");
    expect(bucket.inputs).toMatchObject({ location: "EUROPE-WEST4", encryption: { defaultKmsKeyName: key }, publicAccessPrevention: "enforced" });
    expect(one(graph, "gcp:storage/bucketObject:BucketObject").inputs.name).toBe("evaluation/dataset.jsonl");
    expect(run.outputUriPrefix).toBe(`gs://${bucket.id}/evaluation-results/triage-eval/`);
    expect(run.kmsKeyName).toBe(key);
    const dataset = one(graph, "gcp:bigquery/dataset:Dataset").inputs as any;
    expect(dataset).toMatchObject({ location: "europe-west4", defaultEncryptionConfiguration: { kmsKeyName: key }, deleteContentsOnDestroy: false });
    const table = one(graph, "gcp:bigquery/table:Table").inputs as any;
    expect(table.externalDataConfiguration).toMatchObject({ sourceFormat: "NEWLINE_DELIMITED_JSON", sourceUris: [`gs://${bucket.id}/evaluation/dataset.jsonl`], autodetect: false });
    expect(JSON.parse(table.externalDataConfiguration.schema).map((c: any) => c.name)).toEqual(["prompt", "reference"]);
    expect(run.bigqueryRequestSet).toEqual({ uri: `bq://${PROJECT}.triage_eval_evaluation.prompts`, promptColumn: "prompt" });
  });

  it("lets the Vertex AI agent read the data and write results there, and nowhere else", () => {
    expect(byName(graph, "triage-eval-eval-read").inputs).toMatchObject({ role: "roles/storage.objectViewer", member: vertexAgent });
    expect(byName(graph, "triage-eval-eval-write").inputs).toMatchObject({ role: "roles/storage.objectCreator", member: vertexAgent });
    expect(byName(graph, "triage-eval-eval-dataset-vertex").inputs).toMatchObject({ role: "roles/bigquery.dataViewer", member: vertexAgent });
    expect(ofType(graph, "gcp:projects/iAMMember:IAMMember")).toHaveLength(0);
    const agents = ofType(graph, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember").map((g) => g.inputs.member).sort();
    expect(agents).toEqual([
      `serviceAccount:bq-${PROJECT_NUMBER}@bigquery-encryption.iam.gserviceaccount.com`,
      `serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-aiplatform.iam.gserviceaccount.com`,
      `serviceAccount:service-${PROJECT_NUMBER}@gs-project-accounts.iam.gserviceaccount.com`,
    ]);
  });

  it("labels every labelled resource", () => expectStandardLabels(graph, 5));

  it("reads an existing BigQuery table of prompts directly, without a table of its own", async () => {
    const g = await evaluate({ evaluationDataFile: undefined, bigqueryTable: "bq://acme-ml.evals.triage_prompts", promptColumn: "question" });
    expect(ofType(g, "gcp:bigquery/table:Table")).toHaveLength(0);
    expect((one(g, "pulumi-nodejs:dynamic/vertex:EvaluationRun").inputs as any).bigqueryRequestSet).toEqual({ uri: "bq://acme-ml.evals.triage_prompts", promptColumn: "question" });
  });

  it("rejects bad settings before registering anything, naming the field", async () => {
    const bad = (args: Partial<GcpEvaluationTrackArgs>) => attempt(() => new GcpEvaluationTrack("triage-eval", { ...base, ...args }));
    expect(await bad({ metrics: { computed: ["f1"] } })).toBe('metrics.computed[0]: expected one of exact_match, bleu, rouge, got "f1" (0)');
    expect(await bad({ metrics: { judged: [{ name: "tone", promptTemplate: "Rate the tone." }] } })).toBe("metrics.judged[0].promptTemplate: expected a judge prompt that places the answer with {response} (0)");
    expect(await bad({ evaluationDataUri: "gs://evals/e.jsonl" })).toBe("evaluationDataFile: expected exactly one of evaluationDataFile, evaluationDataUri or bigqueryTable (0)");
    expect(await bad({ evaluationDataFile: undefined, evaluationDataUri: "gs://b/e.jsonl" })).toBe('evaluationDataUri: expected gs://bucket/path.jsonl, got "gs://b/e.jsonl" (0)');
    expect(await bad({ models: ["gemini"] })).toMatch(/^models\[0\]: expected a Model Garden model such as google\/gemini-2\.5-flash/);
  });
});
