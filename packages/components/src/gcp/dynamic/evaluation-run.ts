import { DYNAMIC_RESOURCES } from "@aitracks/core";
import * as pulumi from "@pulumi/pulumi";
import type { protos } from "@google-cloud/aiplatform";
import type { GoogleAuth } from "google-auth-library";
import { changedKeys, googleSignIn, isNotFound, oneLine, pollUntil, vertexEndpoint, type VertexTarget } from "./vertex";

/**
 * A Vertex AI (Gen AI evaluation service) evaluation run. `@pulumi/gcp` has no resource for
 * evaluation runs and `@google-cloud/aiplatform` (6.x) has no EvaluationRun methods yet, so this
 * calls the REST methods through google-auth-library's signed-in HTTP client (the same
 * Application Default Credentials as the other providers; see vertex.ts):
 *   create  POST   https://{region}-aiplatform.googleapis.com/v1/projects/{p}/locations/{r}/evaluationRuns
 *   read    GET    …/v1/{name}
 *   cancel  POST   …/v1/{name}:cancel
 *   delete  DELETE …/v1/{name}
 * https://cloud.google.com/vertex-ai/generative-ai/docs/reference/rest/v1/projects.locations.evaluationRuns
 *
 * One run evaluates every candidate in `inferenceConfigs` (e.g. the base and the tuned model) on
 * the same data source with the same metrics, and writes its results to `outputUriPrefix`.
 * The metrics are the run's `EvaluationRunMetric`s: a `metricResourceName` (an EvaluationMetric
 * created with `vertex.AiEvaluationMetric`) or an inline computation-based spec.
 */
export interface EvaluationRunInputs {
  readonly project: string;
  readonly region: string;
  /** Base URL override (tests, Private Service Connect for Google APIs). @default the regional endpoint */
  readonly apiEndpoint?: string;
  readonly displayName: string;
  /** One of the two data sources: a BigQuery table of prompts … */
  readonly bigqueryRequestSet?: {
    /** `bq://project.dataset.table` */
    readonly uri: string;
    readonly promptColumn: string;
    readonly rubricsColumn?: string;
    readonly candidateResponseColumns?: Record<string, string>;
  };
  /** … or an EvaluationSet's resource name. */
  readonly evaluationSet?: string;
  /** Candidate name -> the model that answers the prompts (publisher model or endpoint resource name). */
  readonly inferenceConfigs?: Record<string, { readonly model: string }>;
  readonly metrics: readonly EvaluationRunMetric[];
  /** The judge for LLM-based metrics without their own. */
  readonly autoraterModel?: string;
  /** `gs://bucket/prefix/` where results are written. */
  readonly outputUriPrefix: string;
  readonly kmsKeyName?: string;
  readonly labels?: Record<string, string>;
  /**
   * What a before/after run compares, recorded on the resource for readers and policy checks (not
   * sent to the API; `inferenceConfigs` is what runs): the base model, the tuned model, and the
   * dataset both answer.
   */
  readonly baseModel?: string;
  readonly tunedModel?: string;
  readonly dataset?: string;
  /** Wait until the run finished and report its summary metrics. @default true */
  readonly waitForCompletion?: boolean;
  /** @default 30 */
  readonly pollIntervalSeconds?: number;
  /** @default 720 */
  readonly timeoutMinutes?: number;
}

/** One metric of a run: an EvaluationMetric resource, or an inline computed metric. */
export interface EvaluationRunMetric {
  readonly metric?: string;
  readonly metricResourceName?: string;
  readonly computationBasedMetricSpec?: { readonly type: string; readonly parameters?: Record<string, unknown> };
}

export interface EvaluationRunOutputs extends EvaluationRunInputs {
  /** `projects/{p}/locations/{r}/evaluationRuns/{id}` */
  readonly runName: string;
  readonly state: string;
  /** The run's summary metrics as JSON, once it succeeded. */
  readonly summaryMetrics: string;
  readonly createTime: string;
}

export const EVALUATION_RUN_REPLACE_KEYS = [
  "project",
  "region",
  "displayName",
  "bigqueryRequestSet",
  "evaluationSet",
  "inferenceConfigs",
  "metrics",
  "autoraterModel",
  "outputUriPrefix",
  "kmsKeyName",
  "labels",
] as const;

export const TERMINAL_RUN_STATES = ["SUCCEEDED", "FAILED", "CANCELLED"];

/**
 * The EvaluationRun request body (the REST resource's JSON shape). The client's protos have no
 * EvaluationRun message; the parts they do have (output and autorater configs) are typed by them.
 */
export function evaluationRunBody(i: EvaluationRunInputs): Record<string, unknown> {
  const outputConfig: protos.google.cloud.aiplatform.v1beta1.IOutputConfig = { gcsDestination: { outputUriPrefix: i.outputUriPrefix } };
  const autoraterConfig: protos.google.cloud.aiplatform.v1beta1.IAutoraterConfig | undefined = i.autoraterModel ? { autoraterModel: i.autoraterModel } : undefined;
  const dataSource = i.evaluationSet ? { evaluationSet: i.evaluationSet } : { bigqueryRequestSet: i.bigqueryRequestSet };
  return {
    displayName: i.displayName,
    dataSource,
    ...(i.inferenceConfigs && Object.keys(i.inferenceConfigs).length ? { inferenceConfigs: i.inferenceConfigs } : {}),
    evaluationConfig: {
      metrics: i.metrics,
      outputConfig,
      ...(autoraterConfig ? { autoraterConfig } : {}),
    },
    ...(i.kmsKeyName ? { encryptionSpec: { kmsKeyName: i.kmsKeyName } } : {}),
    ...(i.labels && Object.keys(i.labels).length ? { labels: i.labels } : {}),
  };
}

interface EvaluationRunResource {
  readonly name: string;
  readonly state?: string;
  readonly createTime?: string;
  readonly error?: { readonly message?: string };
  readonly evaluationResults?: { readonly summaryMetrics?: unknown };
}

function outputsOf(i: EvaluationRunInputs, run: EvaluationRunResource): EvaluationRunOutputs {
  return {
    ...i,
    runName: run.name,
    state: run.state ?? "STATE_UNSPECIFIED",
    summaryMetrics: run.evaluationResults?.summaryMetrics === undefined ? "" : JSON.stringify(run.evaluationResults.summaryMetrics),
    createTime: run.createTime ?? "",
  };
}

/**
 * One call to the Vertex AI v1 REST API with the signed-in client; Google's error body becomes a
 * one-line error (`Vertex AI <METHOD> <path>: <http status> <STATUS>: <message>`).
 */
async function callVertex<T>(auth: GoogleAuth, t: VertexTarget, method: "GET" | "POST" | "DELETE", resourcePath: string, body?: unknown): Promise<T> {
  try {
    const res = await auth.request<T>({ url: `${vertexEndpoint(t).baseUrl}/v1/${resourcePath}`, method, ...(body === undefined ? {} : { data: body }), retry: true });
    return res.data;
  } catch (err) {
    const e = err as { status?: number; response?: { status?: number; data?: { error?: { status?: string; message?: string } } } };
    const status = e.response?.status ?? e.status ?? 0;
    const detail = e.response?.data?.error;
    throw Object.assign(new Error(`Vertex AI ${method} ${resourcePath}: ${status} ${detail?.status ?? ""}: ${oneLine(detail?.message ?? err)}`.replace(" :", ":")), {
      notFound: status === 404,
    });
  }
}

/** The provider Pulumi serializes into the state; every method stands alone (see vertex.ts). */
export const evaluationRunProvider: pulumi.dynamic.ResourceProvider<EvaluationRunInputs, EvaluationRunOutputs> = {
  async diff(_id, olds, news) {
    const o = olds as unknown as Record<string, unknown>;
    const n = news as unknown as Record<string, unknown>;
    const replaces = changedKeys(o, n, EVALUATION_RUN_REPLACE_KEYS);
    const others = changedKeys(o, n, ["apiEndpoint", "waitForCompletion", "pollIntervalSeconds", "timeoutMinutes", "baseModel", "tunedModel", "dataset"]);
    return { changes: replaces.length + others.length > 0, replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    const auth = await googleSignIn(inputs);
    let run = await callVertex<EvaluationRunResource>(auth, inputs, "POST", `projects/${inputs.project}/locations/${inputs.region}/evaluationRuns`, evaluationRunBody(inputs));
    if (inputs.waitForCompletion ?? true) {
      run = await pollUntil(
        () => callVertex<EvaluationRunResource>(auth, inputs, "GET", run.name),
        (r) => TERMINAL_RUN_STATES.includes(r.state ?? ""),
        inputs.pollIntervalSeconds ?? 30,
        inputs.timeoutMinutes ?? 720,
        `evaluation run ${run.name}`,
      );
      if (run.state !== "SUCCEEDED") throw new Error(`evaluation run ${run.name} ended in ${run.state}: ${run.error?.message ?? "no error message"}`);
    }
    return { id: run.name, outs: outputsOf(inputs, run) };
  },

  async read(id, props) {
    try {
      return { id, props: outputsOf(props!, await callVertex<EvaluationRunResource>(await googleSignIn(props!), props!, "GET", id)) };
    } catch (err) {
      if (isNotFound(err)) return { id: "", props: {} as EvaluationRunOutputs };
      throw err;
    }
  },

  async update(_id, olds, news) {
    return { outs: { ...olds, ...news } as EvaluationRunOutputs };
  },

  /** Cancel a run that is still going, then delete it (its results stay in the bucket). */
  async delete(id, props) {
    const auth = await googleSignIn(props);
    let run: EvaluationRunResource;
    try {
      run = await callVertex<EvaluationRunResource>(auth, props, "GET", id);
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    if (!TERMINAL_RUN_STATES.includes(run.state ?? "")) await callVertex(auth, props, "POST", `${id}:cancel`, {});
    try {
      await callVertex(auth, props, "DELETE", id);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  },
};

export type VertexEvaluationRunArgs = { readonly [K in keyof EvaluationRunInputs]: pulumi.Input<EvaluationRunInputs[K]> };

/** Registers as `pulumi-nodejs:dynamic/vertex:EvaluationRun`. */
export class VertexEvaluationRun extends pulumi.dynamic.Resource {
  declare readonly runName: pulumi.Output<string>;
  declare readonly state: pulumi.Output<string>;
  declare readonly summaryMetrics: pulumi.Output<string>;

  constructor(name: string, args: VertexEvaluationRunArgs, opts?: pulumi.CustomResourceOptions) {
    super(evaluationRunProvider, name, { ...args, runName: undefined, state: undefined, summaryMetrics: undefined, createTime: undefined }, opts, DYNAMIC_RESOURCES.vertexEvaluationRun.module, DYNAMIC_RESOURCES.vertexEvaluationRun.name);
  }
}
