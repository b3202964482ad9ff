import * as pulumi from "@pulumi/pulumi";
import { Dataset, DatasetIamMember, Table } from "@pulumi/gcp/bigquery";
import { AiEvaluationMetric } from "@pulumi/gcp/vertex";
import { z } from "zod";
import { issue, parseArgs, regionArg, tagsArg } from "../common/args";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
import { VertexEvaluationRun, type EvaluationRunMetric } from "./dynamic/evaluation-run";
import {
  gcpLabels,
  gcpTrackBase,
  GCS_URI,
  grantBucket,
  jsonlFile,
  serviceAgentMember,
  uploadDataset,
  vertexAuditLogs,
  vertexDataStore,
  withDependencies,
  type Cmek,
  type GcpProject,
  type Labels,
  type SecureBucket,
} from "./shared";

export const COMPUTED_METRICS: Readonly<Record<string, string>> = { exact_match: "EXACT_MATCH", bleu: "BLEU", rouge: "ROUGE" };

const METRIC_NAME = /^[a-z][a-z0-9-]{0,40}$/;

/** An LLM-judged metric: a Vertex AI EvaluationMetric whose judge scores each answer with the template. */
export const gcpJudgedMetricArgs = z.strictObject(
  {
    /** Lower-case letters, digits and dashes; names the metric in results. */
    name: z.string({ error: "expected the metric's name" }).regex(METRIC_NAME, { error: "expected a lower-case name of letters, digits and dashes" }),
    /** The judge's instructions; `{prompt}`, `{response}` and `{reference}` are filled per example. */
    promptTemplate: z.string({ error: "expected the judge's prompt template" }),
    /** The judge model. @default the track's judgeModel */
    judgeModel: z.string({ error: "expected a judge model such as gemini-2.5-pro" }).optional(),
  },
  { error: "expected {name, promptTemplate, judgeModel?}" },
).superRefine((j, ctx) => {
  if (!j.promptTemplate.includes("{response}")) issue(ctx, ["promptTemplate"], "expected a judge prompt that places the answer with {response}");
});
export type GcpJudgedMetricArgs = z.input<typeof gcpJudgedMetricArgs>;

export const DEFAULT_JUDGED_METRIC: GcpJudgedMetricArgs = {
  name: "answer-quality",
  promptTemplate: [
    "You are grading an AI assistant's answer against a reference answer.",
    "Question: {prompt}",
    "Reference answer: {reference}",
    "Assistant's answer: {response}",
    "Score from 1 (wrong or harmful) to 5 (correct, complete and as useful as the reference). Reply with the score and one sentence of reasoning.",
  ].join("\n"),
};

/** The metrics of an evaluation, the same for every candidate; shared by the evaluation and fine-tune tracks. */
export const gcpEvaluationMetricsArgs = z
  .strictObject(
    {
      /** Computation-based metrics, scored against the reference answer. @default ["exact_match", "bleu", "rouge"] */
      computed: z
        .array(z.enum(Object.keys(COMPUTED_METRICS) as [string, ...string[]]), { error: "expected a list of metrics" })
        .default(["exact_match", "bleu", "rouge"]),
      /** LLM-judged metrics. @default one answer-quality metric judged against the reference */
      judged: z.array(gcpJudgedMetricArgs, { error: "expected a list of judged metrics" }).default([DEFAULT_JUDGED_METRIC]),
      /** The default judge. @default "gemini-2.5-pro" */
      judgeModel: z.string({ error: "expected a judge model such as gemini-2.5-pro" }).default("gemini-2.5-pro"),
    },
    { error: "expected {computed?, judged?, judgeModel?}" },
  )
  .transform((m, ctx) => {
    const judged = m.judged.map((j) => ({ name: j.name, promptTemplate: j.promptTemplate, judgeModel: j.judgeModel ?? m.judgeModel }));
    const names = [...m.computed, ...judged.map((j) => j.name)];
    if (new Set(names).size !== names.length) issue(ctx, [], "expected each metric name once");
    if (names.length === 0) issue(ctx, [], "expected at least one metric");
    return { computed: m.computed, judged, judgeModel: m.judgeModel };
  });
export type GcpEvaluationMetricsArgs = z.input<typeof gcpEvaluationMetricsArgs>;
export type ResolvedMetrics = z.output<typeof gcpEvaluationMetricsArgs>;

/** Model Garden models (`google/gemini-2.5-flash`) and Vertex AI resource names (endpoints, models). */
const MODEL_REFERENCE = /^(projects\/[^/]+\/locations\/[^/]+\/(endpoints|models|publishers\/[^/]+\/models)\/[^/]+|[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9._-]*(@[a-z0-9._-]+)?)$/;

/** A Model Garden model (`google/gemini-2.5-flash`) or a Vertex AI resource name (endpoint, model). */
export const modelReferenceArg = z
  .string({ error: "expected a Model Garden model such as google/gemini-2.5-flash or a resource name projects/…/locations/…/endpoints/…" })
  .regex(MODEL_REFERENCE, { error: "expected a Model Garden model such as google/gemini-2.5-flash or a resource name projects/…/locations/…/endpoints/…" });

/** The full resource name the evaluation service calls for a model reference. */
export function modelResource(project: GcpProject, ref: string): pulumi.Output<string> {
  if (ref.startsWith("projects/")) return pulumi.output(ref);
  const [publisher, model] = ref.split("/");
  return pulumi.interpolate`projects/${project.projectId}/locations/${project.region}/publishers/${publisher}/models/${model}`;
}

/** A short candidate name for results: `google/gemini-2.5-flash` -> `gemini-2.5-flash`. */
export function candidateName(ref: string): string {
  const last = ref.split("/").pop() ?? ref;
  return (ref.includes("/endpoints/") ? `endpoint-${last}` : last).replace(/@.*/, "");
}

export interface EvaluationSuiteArgs {
  readonly project: GcpProject;
  readonly labels: Labels;
  readonly cmek: Cmek;
  /** Where the dataset is (when it is a file) and where results are written. */
  readonly bucket: SecureBucket;
  /** The JSONL dataset (`prompt` and `reference` per line) in Cloud Storage … */
  readonly dataUri?: pulumi.Input<string>;
  /** … or an existing BigQuery table of prompts (`bq://project.dataset.table`). */
  readonly bigqueryTable?: string;
  readonly promptColumn: string;
  /** Candidate name -> full model resource name: every candidate answers the same prompts. */
  readonly candidates: Readonly<Record<string, pulumi.Input<string>>>;
  readonly metrics: ResolvedMetrics;
  readonly waitForCompletion: boolean;
  readonly apiEndpoint?: string | undefined;
  readonly displayName: string;
  /** For a before/after evaluation: which candidates are the base and the tuned model. */
  readonly comparison?: { readonly base: string; readonly tuned: string };
  /** The Vertex AI agent's read grant on the bucket, when the caller made it already (one binding, one owner). */
  readonly bucketReadGrant?: pulumi.Resource;
}

export interface EvaluationSuite {
  readonly metrics: readonly AiEvaluationMetric[];
  readonly run: VertexEvaluationRun;
  readonly resultsUri: pulumi.Output<string>;
  readonly table?: Table;
}

/**
 * The evaluation every GCP track runs the same way: the dataset exposed to the evaluation service
 * as a BigQuery table (an external table over the JSONL in the CMEK bucket, in a CMEK dataset),
 * one Vertex AI EvaluationMetric per LLM-judged metric, and one evaluation run in which every
 * candidate answers the same prompts and is scored by the same metrics, with results written
 * encrypted to the bucket. The Vertex AI service agent gets read access to exactly that data.
 */
export function evaluationSuite(name: string, a: EvaluationSuiteArgs, opts: pulumi.CustomResourceOptions): EvaluationSuite {
  const { project, labels, cmek } = a;
  const vertexAgent = serviceAgentMember("aiplatform", project);
  const keyed = withDependencies(opts, cmek.grants);

  let requestTable: pulumi.Output<string>;
  let table: Table | undefined;
  if (a.bigqueryTable) {
    requestTable = pulumi.output(a.bigqueryTable);
  } else {
    const datasetId = `${name.replace(/-/g, "_")}_evaluation`;
    const dataset = new Dataset(
      `${name}-eval-dataset`,
      {
        project: project.projectId,
        datasetId,
        location: project.region,
        description: `aitracks ${name}: evaluation prompts`,
        defaultEncryptionConfiguration: { kmsKeyName: cmek.id },
        deleteContentsOnDestroy: false,
        labels,
      },
      keyed,
    );
    // An external table: the rows stay in the CMEK bucket, BigQuery only describes them.
    table = new Table(
      `${name}-eval-prompts`,
      {
        project: project.projectId,
        datasetId: dataset.datasetId,
        tableId: "prompts",
        description: "Evaluation prompts and reference answers (JSONL in the track's bucket)",
        externalDataConfiguration: {
          autodetect: false,
          sourceFormat: "NEWLINE_DELIMITED_JSON",
          sourceUris: [a.dataUri!],
          ignoreUnknownValues: true,
          schema: JSON.stringify([
            { name: a.promptColumn, type: "STRING", mode: "REQUIRED" },
            { name: "reference", type: "STRING", mode: "NULLABLE" },
          ]),
        },
        // The table holds no data of its own (it points at the bucket), so it may be replaced freely.
        deletionProtection: false,
        labels,
      },
      opts,
    );
    new DatasetIamMember(`${name}-eval-dataset-vertex`, { project: project.projectId, datasetId: dataset.datasetId, role: "roles/bigquery.dataViewer", member: vertexAgent }, opts);
    requestTable = pulumi.interpolate`bq://${project.projectId}.${dataset.datasetId}.${table.tableId}`;
  }
  // The evaluation service reads the dataset and writes results, in this bucket only.
  const readData = a.bucketReadGrant ?? grantBucket(`${name}-eval-read`, a.bucket, "roles/storage.objectViewer", vertexAgent, opts);
  const writeResults = grantBucket(`${name}-eval-write`, a.bucket, "roles/storage.objectCreator", vertexAgent, opts);

  const metrics = a.metrics.judged.map(
    (j) =>
      new AiEvaluationMetric(
        `${name}-metric-${j.name}`,
        {
          project: project.projectId,
          region: project.region,
          evaluationMetricId: `${name}-${j.name}`.slice(0, 63).replace(/-+$/, ""),
          displayName: `${name} ${j.name}`,
          description: `aitracks ${name}: LLM-judged ${j.name}`,
          metric: pulumi.jsonStringify({
            llmBasedMetricSpec: {
              metricPromptTemplate: j.promptTemplate,
              judgeAutoraterConfig: { autoraterModel: modelResource(project, j.judgeModel.includes("/") ? j.judgeModel : `google/${j.judgeModel}`) },
            },
          }),
          encryptionSpec: { kmsKeyName: cmek.id },
          labels,
        },
        keyed,
      ),
  );
  const runMetrics: pulumi.Input<EvaluationRunMetric>[] = [
    ...a.metrics.computed.map((c) => ({ metric: c, computationBasedMetricSpec: { type: COMPUTED_METRICS[c]! } })),
    ...metrics.map((m, i) => pulumi.output(m.name).apply((resourceName) => ({ metric: a.metrics.judged[i]!.name, metricResourceName: resourceName }))),
  ];
  const resultsUri = pulumi.interpolate`${a.bucket.url}/evaluation-results/${name}/`;
  const run = new VertexEvaluationRun(
    `${name}-evaluation-run`,
    {
      project: project.projectId,
      region: project.region,
      ...(a.apiEndpoint ? { apiEndpoint: a.apiEndpoint } : {}),
      displayName: a.displayName,
      bigqueryRequestSet: pulumi.output(requestTable).apply((uri) => ({ uri, promptColumn: a.promptColumn })),
      inferenceConfigs: pulumi.output(a.candidates).apply((c) => Object.fromEntries(Object.entries(c).map(([k, model]) => [k, { model }]))),
      metrics: pulumi.all(runMetrics) as pulumi.Output<EvaluationRunMetric[]>,
      autoraterModel: modelResource(project, a.metrics.judgeModel.includes("/") ? a.metrics.judgeModel : `google/${a.metrics.judgeModel}`),
      outputUriPrefix: resultsUri,
      kmsKeyName: cmek.id,
      labels,
      waitForCompletion: a.waitForCompletion,
      ...(a.comparison
        ? { baseModel: a.candidates[a.comparison.base]!, tunedModel: a.candidates[a.comparison.tuned]!, dataset: a.dataUri ?? a.bigqueryTable! }
        : {}),
    },
    withDependencies(keyed, [readData, writeResults, ...(table ? [table] : [])]),
  );
  return { metrics, run, resultsUri, ...(table ? { table } : {}) };
}

/** The args of the evaluation-on-GCP track: every default and rule in one place. */
export const gcpEvaluationTrackArgs = z
  .strictObject({
    /** The GCP region of the track (the stack's provider for it points there). */
    region: regionArg,
    tags: tagsArg,
    /** The candidates, each answering every prompt: Model Garden models or endpoint resource names. */
    models: z
      .array(modelReferenceArg, { error: "expected a list of models to evaluate" })
      .min(1, { error: "expected at least one model to evaluate" })
      .refine((m) => new Set(m.map(candidateName)).size === m.length, { error: "expected each model once" }),
    /** A local JSONL file (`prompt`, `reference` per line) uploaded into the track's CMEK bucket … */
    evaluationDataFile: z.string({ error: "expected a local JSONL file" }).optional(),
    /** … or a JSONL file already in Cloud Storage (`gs://…`) … */
    evaluationDataUri: z.string({ error: "expected gs://bucket/path.jsonl" }).regex(GCS_URI, { error: "expected gs://bucket/path.jsonl" }).optional(),
    /** … or an existing BigQuery table of prompts (`bq://project.dataset.table`). */
    bigqueryTable: z
      .string({ error: "expected bq://project.dataset.table" })
      .regex(/^bq:\/\/[a-z0-9-]+\.[A-Za-z0-9_]+\.[A-Za-z0-9_-]+$/, { error: "expected bq://project.dataset.table" })
      .optional(),
    /** The dataset column holding the prompt. @default "prompt" */
    promptColumn: z.string({ error: "expected a column name" }).default("prompt"),
    /** The metrics of the evaluation. @default exact match, BLEU, ROUGE and an LLM-judged answer quality */
    metrics: gcpEvaluationMetricsArgs.prefault({}),
    /** Wait for the run to finish during deployment. @default true */
    waitForCompletion: z.boolean({ error: "expected true or false" }).default(true),
    /** Vertex AI API base URL override (Private Service Connect for Google APIs). @default the regional endpoint */
    apiEndpoint: z.url({ error: "expected a URL" }).optional(),
  })
  .transform((a, ctx) => {
    const sources = [a.evaluationDataFile, a.evaluationDataUri, a.bigqueryTable].filter((s) => s !== undefined);
    if (sources.length !== 1) issue(ctx, ["evaluationDataFile"], "expected exactly one of evaluationDataFile, evaluationDataUri or bigqueryTable");
    const file = a.evaluationDataFile !== undefined ? jsonlFile("evaluationDataFile", a.evaluationDataFile) : undefined;
    return { ...a, file };
  });
export type GcpEvaluationTrackArgs = z.input<typeof gcpEvaluationTrackArgs>;

/**
 * Evaluation on GCP: the Vertex AI Gen AI evaluation service. A CMEK key; a CMEK bucket holding the
 * evaluation dataset and the results; LLM-judged metrics as Vertex AI EvaluationMetrics (CMEK) and
 * computation-based metrics; and the evaluation run itself (a dynamic resource over the documented
 * `evaluationRuns` API) comparing every model on the same prompts.
 */
export class GcpEvaluationTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "evaluation" as const;
  readonly cloud = "gcp" as const;
  readonly key: pulumi.Output<string>;
  readonly bucket: pulumi.Output<string>;
  readonly metrics: readonly AiEvaluationMetric[];
  readonly run: VertexEvaluationRun;
  readonly outputs: Record<string, pulumi.Input<unknown>>;

  constructor(name: string, args: GcpEvaluationTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = parseArgs(gcpEvaluationTrackArgs, args);
    super(trackComponentType("gcp", "evaluation"), name, trackIdentity("evaluation", "gcp", cfg.region), opts);
    const labels = gcpLabels(args.tags);
    const { project, after } = gcpTrackBase(name, this, cfg.region, [
      "aiplatform.googleapis.com",
      "bigquery.googleapis.com",
      "storage.googleapis.com",
      "cloudkms.googleapis.com",
    ]);
    vertexAuditLogs(name, project, after);
    const { cmek, bucket } = vertexDataStore(name, project, labels, after);
    this.key = cmek.id;
    this.bucket = bucket.name;
    const dataUri = cfg.file ? uploadDataset(`${name}-eval-data`, bucket, "evaluation/dataset.jsonl", cfg.file, after) : cfg.evaluationDataUri;

    const suite = evaluationSuite(
      name,
      {
        project,
        labels,
        cmek,
        bucket,
        ...(dataUri !== undefined ? { dataUri } : {}),
        ...(cfg.bigqueryTable ? { bigqueryTable: cfg.bigqueryTable } : {}),
        promptColumn: cfg.promptColumn,
        candidates: Object.fromEntries(cfg.models.map((m) => [candidateName(m), modelResource(project, m)])),
        metrics: cfg.metrics,
        waitForCompletion: cfg.waitForCompletion,
        apiEndpoint: cfg.apiEndpoint,
        displayName: `aitracks ${name}`,
      },
      after,
    );
    this.metrics = suite.metrics;
    this.run = suite.run;

    this.outputs = {
      region: cfg.region,
      models: cfg.models,
      bucket: bucket.name,
      evaluationRun: suite.run.runName,
      evaluationState: suite.run.state,
      summaryMetrics: suite.run.summaryMetrics,
      resultsUri: suite.resultsUri,
      judgedMetrics: suite.metrics.map((m) => m.name),
      computedMetrics: cfg.metrics.computed,
      kmsKey: cmek.id,
    };
    this.registerOutputs(this.outputs);
  }
}
