import * as pulumi from "@pulumi/pulumi";
import { changedKeys, isNotFound, pollUntil, vertexClient } from "./rest";

/**
 * A Vertex AI supervised tuning job, driven through the documented REST API because `@pulumi/gcp`
 * has no resource for it:
 *   create  POST   https://{region}-aiplatform.googleapis.com/v1/projects/{p}/locations/{r}/tuningJobs
 *   read    GET    …/v1/{name}
 *   cancel  POST   …/v1/{name}:cancel
 * https://cloud.google.com/vertex-ai/docs/reference/rest/v1/projects.locations.tuningJobs
 *
 * Tuning jobs are immutable and cannot be deleted (the API has no delete): destroying the resource
 * cancels the job if it still runs. The tuned model and the endpoint Vertex AI creates for it stay
 * in the Model Registry, like any model a team would not want lost with a stack.
 */
export interface TuningJobInputs {
  readonly project: string;
  readonly region: string;
  /** Base URL override (tests, Private Service Connect for Google APIs). @default the regional endpoint */
  readonly apiEndpoint?: string;
  /** A tunable base model, e.g. `gemini-2.5-flash`. */
  readonly baseModel: string;
  readonly tunedModelDisplayName: string;
  readonly description?: string;
  /** `gs://…/train.jsonl` */
  readonly trainingDatasetUri: string;
  readonly validationDatasetUri?: string;
  readonly epochCount?: number;
  /** ADAPTER_SIZE_ONE … ADAPTER_SIZE_THIRTY_TWO */
  readonly adapterSize?: string;
  readonly learningRateMultiplier?: number;
  /** CMEK for everything the job writes. */
  readonly kmsKeyName?: string;
  readonly serviceAccount?: string;
  readonly labels?: Record<string, string>;
  /** Wait for the job to finish, so the tuned model's endpoint is known to what depends on it. @default true */
  readonly waitForCompletion?: boolean;
  /** @default 60 */
  readonly pollIntervalSeconds?: number;
  /** @default 1440 (a day) */
  readonly timeoutMinutes?: number;
}

export interface TuningJobOutputs extends TuningJobInputs {
  /** `projects/{p}/locations/{r}/tuningJobs/{id}` */
  readonly jobName: string;
  readonly state: string;
  /** `projects/{n}/locations/{r}/models/{id}@{version}` once the job succeeded. */
  readonly tunedModelName: string;
  /** `projects/{n}/locations/{r}/endpoints/{id}` once the job succeeded. */
  readonly tunedModelEndpoint: string;
  readonly experiment: string;
  readonly createTime: string;
}

/** Every input whose change means a new job (a job cannot be changed once submitted). */
export const TUNING_JOB_REPLACE_KEYS = [
  "project",
  "region",
  "baseModel",
  "tunedModelDisplayName",
  "description",
  "trainingDatasetUri",
  "validationDatasetUri",
  "epochCount",
  "adapterSize",
  "learningRateMultiplier",
  "kmsKeyName",
  "serviceAccount",
  "labels",
] as const;

export const TERMINAL_JOB_STATES = ["JOB_STATE_SUCCEEDED", "JOB_STATE_FAILED", "JOB_STATE_CANCELLED", "JOB_STATE_EXPIRED"];

/** The TuningJob request body (the REST resource's JSON shape). */
export function tuningJobBody(i: TuningJobInputs): Record<string, unknown> {
  const hyper: Record<string, unknown> = {};
  // int64 fields travel as strings in Google's JSON mapping.
  if (i.epochCount !== undefined) hyper.epochCount = String(i.epochCount);
  if (i.adapterSize !== undefined) hyper.adapterSize = i.adapterSize;
  if (i.learningRateMultiplier !== undefined) hyper.learningRateMultiplier = i.learningRateMultiplier;
  return {
    baseModel: i.baseModel,
    tunedModelDisplayName: i.tunedModelDisplayName,
    ...(i.description ? { description: i.description } : {}),
    supervisedTuningSpec: {
      trainingDatasetUri: i.trainingDatasetUri,
      ...(i.validationDatasetUri ? { validationDatasetUri: i.validationDatasetUri } : {}),
      ...(Object.keys(hyper).length ? { hyperParameters: hyper } : {}),
    },
    ...(i.kmsKeyName ? { encryptionSpec: { kmsKeyName: i.kmsKeyName } } : {}),
    ...(i.serviceAccount ? { serviceAccount: i.serviceAccount } : {}),
    ...(i.labels && Object.keys(i.labels).length ? { labels: i.labels } : {}),
  };
}

interface TuningJobResource {
  readonly name: string;
  readonly state?: string;
  readonly tunedModel?: { readonly model?: string; readonly endpoint?: string };
  readonly experiment?: string;
  readonly createTime?: string;
  readonly error?: { readonly message?: string };
}

function outputsOf(i: TuningJobInputs, job: TuningJobResource): TuningJobOutputs {
  return {
    ...i,
    jobName: job.name,
    state: job.state ?? "JOB_STATE_UNSPECIFIED",
    tunedModelName: job.tunedModel?.model ?? "",
    tunedModelEndpoint: job.tunedModel?.endpoint ?? "",
    experiment: job.experiment ?? "",
    createTime: job.createTime ?? "",
  };
}

/** The provider Pulumi serializes into the state; every method stands alone (see rest.ts). */
export const tuningJobProvider: pulumi.dynamic.ResourceProvider<TuningJobInputs, TuningJobOutputs> = {
  async diff(_id, olds, news) {
    const replaces = changedKeys(olds as unknown as Record<string, unknown>, news as unknown as Record<string, unknown>, TUNING_JOB_REPLACE_KEYS);
    const others = changedKeys(olds as unknown as Record<string, unknown>, news as unknown as Record<string, unknown>, [
      "apiEndpoint",
      "waitForCompletion",
      "pollIntervalSeconds",
      "timeoutMinutes",
    ]);
    return { changes: replaces.length + others.length > 0, replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    const client = vertexClient(inputs);
    const parent = `projects/${inputs.project}/locations/${inputs.region}`;
    let job = await client.call<TuningJobResource>("POST", `${parent}/tuningJobs`, tuningJobBody(inputs));
    if (inputs.waitForCompletion ?? true) {
      job = await pollUntil(
        () => client.call<TuningJobResource>("GET", job.name),
        (j) => TERMINAL_JOB_STATES.includes(j.state ?? ""),
        inputs.pollIntervalSeconds ?? 60,
        inputs.timeoutMinutes ?? 1440,
        `tuning job ${job.name}`,
      );
      if (job.state !== "JOB_STATE_SUCCEEDED") {
        throw new Error(`tuning job ${job.name} ended in ${job.state}: ${job.error?.message ?? "no error message"}`);
      }
    }
    return { id: job.name, outs: outputsOf(inputs, job) };
  },

  async read(id, props) {
    const client = vertexClient(props!);
    try {
      const job = await client.call<TuningJobResource>("GET", id);
      return { id, props: outputsOf(props!, job) };
    } catch (err) {
      if (isNotFound(err)) return { id: "", props: {} as TuningJobOutputs };
      throw err;
    }
  },

  // Only the provider's own settings (endpoint, waiting) change in place; the job is immutable.
  async update(_id, olds, news) {
    return { outs: { ...olds, ...news } as TuningJobOutputs };
  },

  async delete(id, props) {
    const client = vertexClient(props);
    let job: TuningJobResource;
    try {
      job = await client.call<TuningJobResource>("GET", id);
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    if (!TERMINAL_JOB_STATES.includes(job.state ?? "")) await client.call("POST", `${id}:cancel`, {});
  },
};

/** Arguments of the tuning-job resource: the inputs, each of which may be an Output. */
export type VertexTuningJobArgs = { readonly [K in keyof TuningJobInputs]: pulumi.Input<TuningJobInputs[K]> };

/** Registers as `pulumi-nodejs:dynamic/vertex:TuningJob`. */
export class VertexTuningJob extends pulumi.dynamic.Resource {
  declare readonly jobName: pulumi.Output<string>;
  declare readonly state: pulumi.Output<string>;
  declare readonly tunedModelName: pulumi.Output<string>;
  declare readonly tunedModelEndpoint: pulumi.Output<string>;
  declare readonly experiment: pulumi.Output<string>;
  declare readonly baseModel: pulumi.Output<string>;

  constructor(name: string, args: VertexTuningJobArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      tuningJobProvider,
      name,
      { ...args, jobName: undefined, state: undefined, tunedModelName: undefined, tunedModelEndpoint: undefined, experiment: undefined, createTime: undefined },
      opts,
      "vertex",
      "TuningJob",
    );
  }
}
