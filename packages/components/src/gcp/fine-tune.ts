import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { issue, parseArgs, regionArg, tagsArg, wholeArg } from "../common/args";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
import { VertexTuningJob } from "./dynamic/tuning-job";
import { evaluationSuite, gcpEvaluationMetricsArgs, modelReferenceArg, modelResource } from "./evaluation";
import { dedicatedEndpoint, gcpServingSettings, servingOf } from "./serving";
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

const gcsJsonl = z.string({ error: "expected gs://bucket/path.jsonl" }).regex(GCS_URI, { error: "expected gs://bucket/path.jsonl" });
const localJsonl = z.string({ error: "expected a local JSONL file" });

/** The args of the fine-tune-on-GCP track: every default and rule in one place. */
export const gcpFineTuneTrackArgs = z
  .strictObject({
    /** The GCP region of the track (the stack's provider for it points there). */
    region: regionArg,
    tags: tagsArg,
    /**
     * The model to tune: a Gemini model (`gemini-2.5-flash`), served after tuning by Vertex AI on the
     * endpoint the job creates, or an open model (`meta/llama3_1@llama-3.1-8b`), deployed after
     * tuning on dedicated machines (`serving`).
     */
    baseModel: z
      .string({ error: "expected the model to tune, such as gemini-2.5-flash" })
      .refine((m) => GEMINI.test(m) || OPEN_MODEL.test(m), {
        error: "expected a tunable Gemini model (gemini-2.5-flash) or an open model as publisher/model@version (meta/llama3_1@llama-3.1-8b)",
      }),
    /** The training examples: a local JSONL file uploaded into the track's CMEK bucket … */
    trainingDataFile: localJsonl.optional(),
    /** … or a JSONL file already in Cloud Storage. */
    trainingDataUri: gcsJsonl.optional(),
    /** Held-out examples scored during tuning (file or gs:// URI). @default none */
    validationDataFile: localJsonl.optional(),
    validationDataUri: gcsJsonl.optional(),
    /** The evaluation set both the base and the tuned model answer (`prompt`, `reference` per line). Required. */
    evaluationDataFile: localJsonl.optional(),
    evaluationDataUri: gcsJsonl.optional(),
    /** Passes over the training data. @default 3 */
    epochs: z
      .number({ error: "expected a number of epochs" })
      .int({ error: "expected a whole number of epochs from 1 to 100" })
      .min(1, { error: "expected a whole number of epochs from 1 to 100" })
      .max(100, { error: "expected a whole number of epochs from 1 to 100" })
      .default(3),
    /** LoRA adapter size: 1, 2, 4, 8, 16 or 32. @default 4 */
    adapterSize: z
      .number({ error: "expected an adapter size" })
      .refine((n) => ADAPTER_SIZES[n] !== undefined, { error: `expected one of ${Object.keys(ADAPTER_SIZES).join(", ")}` })
      .default(4),
    /** Multiplier of the recommended learning rate. @default 1 */
    learningRateMultiplier: z
      .number({ error: "expected a learning-rate multiplier" })
      .gt(0, { error: "expected a multiplier above 0 and at most 10" })
      .lte(10, { error: "expected a multiplier above 0 and at most 10" })
      .default(1),
    /** Fewest training examples accepted (the framework warns that fewer than 100 overfit). @default 100 */
    minTrainingExamples: wholeArg(1).default(100),
    /** The metrics of the base-vs-tuned evaluation. @default exact match, BLEU, ROUGE and an LLM-judged answer quality */
    metrics: gcpEvaluationMetricsArgs.prefault({}),
    /** Open models only: how the tuned model is served (machine type, GPUs, replicas, access). */
    serving: gcpServingSettings.optional(),
    /** Open models only: the endpoint resource name serving the base model, for the base-vs-tuned evaluation. */
    baseModelEndpoint: modelReferenceArg.optional(),
    /** Wait for the tuning job (and evaluation) to finish during deployment. @default true */
    waitForCompletion: z.boolean({ error: "expected true or false" }).default(true),
    /** Vertex AI API base URL override (Private Service Connect for Google APIs). @default the regional endpoint */
    apiEndpoint: z.url({ error: "expected a URL" }).optional(),
  })
  .transform((a, ctx) => {
    const gemini = GEMINI.test(a.baseModel);
    const dataSource = (field: string, file: string | undefined, uri: string | undefined, required: boolean, minExamples: number) => {
      if (file !== undefined && uri !== undefined) issue(ctx, [`${field}File`], `expected ${field}File or ${field}Uri, not both`);
      else if (uri !== undefined) return { uri };
      else if (file !== undefined) return { file: jsonlFile(`${field}File`, file, minExamples) };
      else if (required) issue(ctx, [`${field}File`], `expected ${field}File (a local JSONL file) or ${field}Uri (gs://…)`);
      return undefined;
    };
    const training = dataSource("trainingData", a.trainingDataFile, a.trainingDataUri, true, a.minTrainingExamples)!;
    const validation = dataSource("validationData", a.validationDataFile, a.validationDataUri, false, 1);
    const evaluation = dataSource("evaluationData", a.evaluationDataFile, a.evaluationDataUri, true, 1)!;
    if (gemini && a.serving) {
      issue(ctx, ["serving"], `${a.baseModel} tuned models are served by Vertex AI on the endpoint the tuning job creates; leave serving out`);
    }
    if (!gemini && !a.serving) issue(ctx, ["serving"], "expected serving settings: a tuned open model is deployed on dedicated machines");
    if (!gemini && !a.baseModelEndpoint) issue(ctx, ["baseModelEndpoint"], "expected the endpoint serving the base open model, to evaluate it against the tuned one");
    return {
      region: a.region,
      baseModel: a.baseModel,
      gemini,
      training,
      validation,
      evaluation,
      epochs: a.epochs,
      adapterSize: ADAPTER_SIZES[a.adapterSize]!,
      learningRateMultiplier: a.learningRateMultiplier,
      metrics: a.metrics,
      serving: a.serving ? servingOf(a.serving, a.region, ctx, ["serving"]) : undefined,
      baseModelEndpoint: a.baseModelEndpoint,
      waitForCompletion: a.waitForCompletion,
      apiEndpoint: a.apiEndpoint,
    };
  });
export type GcpFineTuneTrackArgs = z.input<typeof gcpFineTuneTrackArgs>;

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
    const cfg = parseArgs(gcpFineTuneTrackArgs, args);
    super(trackComponentType("gcp", "fine-tune"), name, trackIdentity("fine-tune", "gcp", cfg.region, { models: [cfg.baseModel] }), opts);
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
