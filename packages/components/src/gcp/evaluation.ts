import * as pulumi from "@pulumi/pulumi";
import { Dataset, DatasetIamMember, Table } from "@pulumi/gcp/bigquery";
import { AiEvaluationMetric } from "@pulumi/gcp/vertex";
import { fieldError } from "../common/errors";
import { trackIdentity, type TrackBaseArgs, type TrackComponent } from "../common/track";
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

/** An LLM-judged metric: a Vertex AI EvaluationMetric whose judge scores each answer with the template. */
export interface GcpJudgedMetricArgs {
  /** Lower-case letters, digits and dashes; names the metric in results. */
  readonly name: string;
  /** The judge's instructions; `{prompt}`, `{response}` and `{reference}` are filled per example. */
  readonly promptTemplate: string;
  /** The judge model. @default the track's judgeModel */
  readonly judgeModel?: string;
}

/** The metrics of an evaluation, the same for every candidate. */
export interface GcpEvaluationMetricsArgs {
  /** Computation-based metrics, scored against the reference answer. @default ["exact_match", "bleu", "rouge"] */
  readonly computed?: readonly string[];
  /** LLM-judged metrics. @default one answer-quality metric judged against the reference */
  readonly judged?: readonly GcpJudgedMetricArgs[];
  /** The default judge. @default "gemini-2.5-pro" */
  readonly judgeModel?: string;
}

export const COMPUTED_METRICS: Readonly<Record<string, string>> = { exact_match: "EXACT_MATCH", bleu: "BLEU", rouge: "ROUGE" };

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

const METRIC_NAME = /^[a-z][a-z0-9-]{0,40}$/;

/** Metric defaults and checks, shared by the evaluation and fine-tune tracks. `path` prefixes field names. */
export function resolveMetrics(m: GcpEvaluationMetricsArgs | undefined, path: string) {
  const computed = [...(m?.computed ?? ["exact_match", "bleu", "rouge"])];
  computed.forEach((c, i) => {
    if (!COMPUTED_METRICS[c]) fieldError(`${path}.computed[${i}]`, `expected one of ${Object.keys(COMPUTED_METRICS).join(", ")}, got ${JSON.stringify(c)}`);
  });
  const judgeModel = m?.judgeModel ?? "gemini-2.5-pro";
  const judged = [...(m?.judged ?? [DEFAULT_JUDGED_METRIC])].map((j, i) => {
    if (!METRIC_NAME.test(j.name)) fieldError(`${path}.judged[${i}].name`, `expected a lower-case name of letters, digits and dashes, got ${JSON.stringify(j.name)}`);
    if (!j.promptTemplate || !j.promptTemplate.includes("{response}")) {
      fieldError(`${path}.judged[${i}].promptTemplate`, "expected a judge prompt that places the answer with {response}");
    }
    return { name: j.name, promptTemplate: j.promptTemplate, judgeModel: j.judgeModel ?? judgeModel };
  });
  const names = [...computed, ...judged.map((j) => j.name)];
  if (new Set(names).size !== names.length) fieldError(path, "expected each metric name once");
  if (computed.length + judged.length === 0) fieldError(path, "expected at least one metric");
  return { computed, judged, judgeModel };
}
export type ResolvedMetrics = ReturnType<typeof resolveMetrics>;

/** A Model Garden model (`google/gemini-2.5-flash`) or a Vertex AI resource name (endpoint, model). */
export function checkModelReference(field: string, ref: string): void {
  if (/^projects\/[^/]+\/locations\/[^/]+\/(endpoints|models|publishers\/[^/]+\/models)\/[^/]+$/.test(ref)) return;
  if (/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9._-]*(@[a-z0-9._-]+)?$/.test(ref)) return;
  fieldError(field, `expected a Model Garden model such as google/gemini-2.5-flash or a resource name projects/…/locations/…/endpoints/…, got ${JSON.stringify(ref)}`);
}

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

export interface GcpEvaluationTrackArgs extends TrackBaseArgs {
  readonly region: string;
  /** The candidates, each answering every prompt: Model Garden models or endpoint resource names. */
  readonly models: readonly string[];
  /** A local JSONL file (`prompt`, `reference` per line) uploaded into the track's CMEK bucket … */
  readonly evaluationDataFile?: string;
  /** … or a JSONL file already in Cloud Storage (`gs://…`) … */
  readonly evaluationDataUri?: string;
  /** … or an existing BigQuery table of prompts (`bq://project.dataset.table`). */
  readonly bigqueryTable?: string;
  /** The dataset column holding the prompt. @default "prompt" */
  readonly promptColumn?: string;
  readonly metrics?: GcpEvaluationMetricsArgs;
  /** Wait for the run to finish during deployment. @default true */
  readonly waitForCompletion?: boolean;
  /** Vertex AI API base URL override (Private Service Connect for Google APIs). @default the regional endpoint */
  readonly apiEndpoint?: string;
}

/** Every default of the evaluation-on-GCP track, applied in one place. */
export function resolveGcpEvaluationArgs(args: GcpEvaluationTrackArgs) {
  if (args.models.length === 0) fieldError("models", "expected at least one model to evaluate");
  args.models.forEach((m, i) => checkModelReference(`models[${i}]`, m));
  const names = args.models.map(candidateName);
  if (new Set(names).size !== names.length) fieldError("models", "expected each model once");
  const sources = [args.evaluationDataFile, args.evaluationDataUri, args.bigqueryTable].filter((s) => s !== undefined);
  if (sources.length !== 1) fieldError("evaluationDataFile", "expected exactly one of evaluationDataFile, evaluationDataUri or bigqueryTable");
  if (args.evaluationDataUri !== undefined && !GCS_URI.test(args.evaluationDataUri)) {
    fieldError("evaluationDataUri", `expected gs://bucket/path.jsonl, got ${JSON.stringify(args.evaluationDataUri)}`);
  }
  if (args.bigqueryTable !== undefined && !/^bq:\/\/[a-z0-9-]+\.[A-Za-z0-9_]+\.[A-Za-z0-9_-]+$/.test(args.bigqueryTable)) {
    fieldError("bigqueryTable", `expected bq://project.dataset.table, got ${JSON.stringify(args.bigqueryTable)}`);
  }
  const file = args.evaluationDataFile !== undefined ? jsonlFile("evaluationDataFile", args.evaluationDataFile) : undefined;
  return {
    region: args.region,
    models: [...args.models],
    file,
    evaluationDataUri: args.evaluationDataUri,
    bigqueryTable: args.bigqueryTable,
    promptColumn: args.promptColumn ?? "prompt",
    metrics: resolveMetrics(args.metrics, "metrics"),
    waitForCompletion: args.waitForCompletion ?? true,
    apiEndpoint: args.apiEndpoint,
  };
}

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
    const cfg = resolveGcpEvaluationArgs(args);
    super("aitracks:gcp:EvaluationTrack", name, trackIdentity("evaluation", "gcp", cfg.region), opts);
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
