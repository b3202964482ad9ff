import * as pulumi from "@pulumi/pulumi";
import { fieldError } from "../common/errors";
import { trackIdentity, type TrackBaseArgs, type TrackComponent } from "../common/track";
import { VertexTuningJob } from "./dynamic/tuning-job";
import { checkModelReference, evaluationSuite, modelResource, resolveMetrics, type GcpEvaluationMetricsArgs } from "./evaluation";
import { dedicatedEndpoint, resolveServing, type GcpServingSettings } from "./serving";
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
  type JsonlFile,
  type SecureBucket,
} from "./shared";

export interface GcpFineTuneTrackArgs extends TrackBaseArgs {
  readonly region: string;
  /**
   * The model to tune: a Gemini model (`gemini-2.5-flash`), served after tuning by Vertex AI on the
   * endpoint the job creates, or an open model (`meta/llama3_1@llama-3.1-8b`), deployed after
   * tuning on dedicated machines (`serving`).
   */
  readonly baseModel: string;
  /** The training examples: a local JSONL file uploaded into the track's CMEK bucket … */
  readonly trainingDataFile?: string;
  /** … or a JSONL file already in Cloud Storage. */
  readonly trainingDataUri?: string;
  /** Held-out examples scored during tuning (file or gs:// URI). @default none */
  readonly validationDataFile?: string;
  readonly validationDataUri?: string;
  /** The evaluation set both the base and the tuned model answer (`prompt`, `reference` per line). Required. */
  readonly evaluationDataFile?: string;
  readonly evaluationDataUri?: string;
  /** Passes over the training data. @default 3 */
  readonly epochs?: number;
  /** LoRA adapter size: 1, 2, 4, 8, 16 or 32. @default 4 */
  readonly adapterSize?: number;
  /** Multiplier of the recommended learning rate. @default 1 */
  readonly learningRateMultiplier?: number;
  /** Fewest training examples accepted (the framework warns that fewer than 100 overfit). @default 100 */
  readonly minTrainingExamples?: number;
  /** The metrics of the base-vs-tuned evaluation. @default exact match, BLEU, ROUGE and an LLM-judged answer quality */
  readonly metrics?: GcpEvaluationMetricsArgs;
  /** Open models only: how the tuned model is served (machine type, GPUs, replicas, access). */
  readonly serving?: GcpServingSettings;
  /** Open models only: the endpoint resource name serving the base model, for the base-vs-tuned evaluation. */
  readonly baseModelEndpoint?: string;
  /** Wait for the tuning job (and evaluation) to finish during deployment. @default true */
  readonly waitForCompletion?: boolean;
  /** Vertex AI API base URL override (Private Service Connect for Google APIs). @default the regional endpoint */
  readonly apiEndpoint?: string;
}

const GEMINI = /^gemini-\d+(\.\d+)?-(pro|flash|flash-lite)(-\d{3})?$/;
const OPEN_MODEL = /^[a-z0-9-]+\/[a-z0-9_.-]+@[a-z0-9._-]+$/;
export const ADAPTER_SIZES: Readonly<Record<number, string>> = {
  1: "ADAPTER_SIZE_ONE",
  2: "ADAPTER_SIZE_TWO",
  4: "ADAPTER_SIZE_FOUR",
  8: "ADAPTER_SIZE_EIGHT",
  16: "ADAPTER_SIZE_SIXTEEN",
  32: "ADAPTER_SIZE_THIRTY_TWO",
};

function dataSource(field: string, file: string | undefined, uri: string | undefined, required: boolean, minExamples: number) {
  if (file !== undefined && uri !== undefined) fieldError(`${field}File`, `expected ${field}File or ${field}Uri, not both`);
  if (file === undefined && uri === undefined) {
    if (required) fieldError(`${field}File`, `expected ${field}File (a local JSONL file) or ${field}Uri (gs://…)`);
    return undefined;
  }
  if (uri !== undefined) {
    if (!GCS_URI.test(uri)) fieldError(`${field}Uri`, `expected gs://bucket/path.jsonl, got ${JSON.stringify(uri)}`);
    return { uri };
  }
  return { file: jsonlFile(`${field}File`, file!, minExamples) };
}

/** Every default of the fine-tune-on-GCP track, applied in one place. */
export function resolveGcpFineTuneArgs(args: GcpFineTuneTrackArgs) {
  const gemini = GEMINI.test(args.baseModel);
  if (!gemini && !OPEN_MODEL.test(args.baseModel)) {
    fieldError("baseModel", `expected a tunable Gemini model (gemini-2.5-flash) or an open model as publisher/model@version (meta/llama3_1@llama-3.1-8b), got ${JSON.stringify(args.baseModel)}`);
  }
  const minTrainingExamples = args.minTrainingExamples ?? 100;
  const training = dataSource("trainingData", args.trainingDataFile, args.trainingDataUri, true, minTrainingExamples)!;
  const validation = dataSource("validationData", args.validationDataFile, args.validationDataUri, false, 1);
  const evaluation = dataSource("evaluationData", args.evaluationDataFile, args.evaluationDataUri, true, 1)!;
  const epochs = args.epochs ?? 3;
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > 100) fieldError("epochs", `expected a whole number of epochs from 1 to 100, got ${epochs}`);
  const adapter = args.adapterSize ?? 4;
  const adapterSize = ADAPTER_SIZES[adapter];
  if (!adapterSize) fieldError("adapterSize", `expected one of ${Object.keys(ADAPTER_SIZES).join(", ")}, got ${adapter}`);
  const learningRateMultiplier = args.learningRateMultiplier ?? 1;
  if (!(learningRateMultiplier > 0 && learningRateMultiplier <= 10)) {
    fieldError("learningRateMultiplier", `expected a multiplier above 0 and at most 10, got ${learningRateMultiplier}`);
  }
  if (gemini && args.serving) {
    fieldError("serving", `${args.baseModel} tuned models are served by Vertex AI on the endpoint the tuning job creates; leave serving out`);
  }
  if (!gemini && !args.serving) fieldError("serving", "expected serving settings: a tuned open model is deployed on dedicated machines");
  if (!gemini && !args.baseModelEndpoint) fieldError("baseModelEndpoint", "expected the endpoint serving the base open model, to evaluate it against the tuned one");
  if (args.baseModelEndpoint !== undefined) checkModelReference("baseModelEndpoint", args.baseModelEndpoint);
  return {
    region: args.region,
    baseModel: args.baseModel,
    gemini,
    training,
    validation,
    evaluation,
    epochs,
    adapterSize,
    learningRateMultiplier,
    metrics: resolveMetrics(args.metrics, "metrics"),
    serving: args.serving ? resolveServing(args.serving, args.region, "serving") : undefined,
    baseModelEndpoint: args.baseModelEndpoint,
    waitForCompletion: args.waitForCompletion ?? true,
    apiEndpoint: args.apiEndpoint,
  };
}

/**
 * Fine-tune on GCP: Vertex AI supervised tuning. A CMEK key; a CMEK bucket holding the training,
 * validation and evaluation data (uploaded from local files, or given as gs:// URIs); the tuning
 * job with its configuration (base model, epochs, adapter size, learning-rate multiplier) as a
 * dynamic resource over the documented `tuningJobs` API, encrypted with the key; then the
 * base-vs-tuned evaluation: one evaluation run in which the base and the tuned model answer the
 * same evaluation set and are scored by the same metrics. The tuned model is served by Vertex AI
 * (Gemini) or deployed on a private CMEK endpoint on dedicated machines (open models).
 */
export class GcpFineTuneTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "fine-tune" as const;
  readonly cloud = "gcp" as const;
  readonly key: pulumi.Output<string>;
  readonly bucket: pulumi.Output<string>;
  readonly tuningJob: VertexTuningJob;
  /** The endpoint serving the tuned model. */
  readonly tunedEndpoint: pulumi.Output<string>;
  readonly outputs: Record<string, pulumi.Input<unknown>>;

  constructor(name: string, args: GcpFineTuneTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = resolveGcpFineTuneArgs(args);
    super("aitracks:gcp:FineTuneTrack", name, trackIdentity("fine-tune", "gcp", cfg.region, { models: [cfg.baseModel] }), opts);
    // The training set's size travels with the track, so reviews and policies see it (the framework's 100 / 1,000 marks).
    const examples = cfg.training.file?.examples;
    const labels = gcpLabels(args.tags).apply((l) => (examples === undefined ? l : { ...l, "aitracks-labeled-examples": String(examples) }));
    const { project, after } = gcpTrackBase(name, this, cfg.region, [
      "aiplatform.googleapis.com",
      "storage.googleapis.com",
      "bigquery.googleapis.com",
      "cloudkms.googleapis.com",
      ...(cfg.serving ? ["compute.googleapis.com", "networkconnectivity.googleapis.com", "servicenetworking.googleapis.com", "iam.googleapis.com"] : []),
    ]);
    vertexAuditLogs(name, project, after);
    const { cmek, bucket } = vertexDataStore(name, project, labels, after);
    this.key = cmek.id;
    this.bucket = bucket.name;
    const vertexRead = grantBucket(`${name}-vertex-read`, bucket, "roles/storage.objectViewer", serviceAgentMember("aiplatform", project), after);

    const place = (kind: string, src: { file?: JsonlFile; uri?: string } | undefined) =>
      src === undefined ? undefined : src.uri !== undefined ? pulumi.output(src.uri) : uploadDataset(`${name}-${kind}-data`, bucket, `${kind}/${kind}.jsonl`, src.file!, after);
    const trainingUri = place("training", cfg.training)!;
    const validationUri = place("validation", cfg.validation);
    const evaluationUri = place("evaluation", cfg.evaluation)!;

    this.tuningJob = new VertexTuningJob(
      `${name}-tuning-job`,
      {
        project: project.projectId,
        region: cfg.region,
        ...(cfg.apiEndpoint ? { apiEndpoint: cfg.apiEndpoint } : {}),
        baseModel: cfg.baseModel,
        tunedModelDisplayName: `aitracks-${name}`,
        description: `aitracks ${name}: supervised tuning of ${cfg.baseModel}`,
        trainingDatasetUri: trainingUri,
        ...(validationUri ? { validationDatasetUri: validationUri } : {}),
        epochCount: cfg.epochs,
        adapterSize: cfg.adapterSize,
        learningRateMultiplier: cfg.learningRateMultiplier,
        kmsKeyName: cmek.id,
        labels,
        waitForCompletion: cfg.waitForCompletion,
      },
      withDependencies(after, [...cmek.grants, vertexRead]),
    );

    // Serving: Gemini tuned models answer on the endpoint the job created; open models get a dedicated one.
    let tunedEndpoint: pulumi.Output<string>;
    let servingOutputs: Record<string, pulumi.Input<unknown>> = {};
    if (cfg.serving) {
      const d = dedicatedEndpoint(
        `${name}-tuned`,
        { project, labels, cmek, serving: cfg.serving, model: this.tuningJob.tunedModelName, apiEndpoint: cfg.apiEndpoint },
        after,
      );
      servingOutputs = {
        machineType: cfg.serving.machine.machineType,
        minReplicas: cfg.serving.minReplicas,
        maxReplicas: cfg.serving.maxReplicas,
        deployedModelId: d.deployment.deployedModelId,
      };
      // The evaluation needs the deployment serving, not just the endpoint existing.
      tunedEndpoint = pulumi.all([d.endpointName, d.deployment.deployedModelId]).apply(([e]) => e);
    } else {
      tunedEndpoint = this.tuningJob.tunedModelEndpoint;
    }
    this.tunedEndpoint = tunedEndpoint;

    // Base vs tuned, on the same evaluation set, with the same metrics, in one run.
    const suite = evaluationSuite(
      name,
      {
        project,
        labels,
        cmek,
        bucket: bucket as SecureBucket,
        dataUri: evaluationUri,
        promptColumn: "prompt",
        candidates: {
          base: cfg.gemini ? modelResource(project, `google/${cfg.baseModel}`) : modelResource(project, cfg.baseModelEndpoint!),
          tuned: tunedEndpoint,
        },
        metrics: cfg.metrics,
        waitForCompletion: cfg.waitForCompletion,
        apiEndpoint: cfg.apiEndpoint,
        displayName: `aitracks ${name}: ${cfg.baseModel} base vs tuned`,
        comparison: { base: "base", tuned: "tuned" },
        bucketReadGrant: vertexRead,
      },
      after,
    );

    this.outputs = {
      region: cfg.region,
      baseModel: cfg.baseModel,
      ...(examples !== undefined ? { trainingExamples: examples } : {}),
      bucket: bucket.name,
      trainingDataUri: trainingUri,
      tuningJob: this.tuningJob.jobName,
      tuningState: this.tuningJob.state,
      tunedModel: this.tuningJob.tunedModelName,
      tunedEndpoint,
      evaluationRun: suite.run.runName,
      evaluationSummary: suite.run.summaryMetrics,
      evaluationResultsUri: suite.resultsUri,
      kmsKey: cmek.id,
      ...servingOutputs,
    };
    this.registerOutputs(this.outputs);
  }
}
