import { DYNAMIC_RESOURCES } from "@aitracks/core";
import * as pulumi from "@pulumi/pulumi";
import type { protos } from "@google-cloud/aiplatform";
import { changedKeys, googleSignIn, isNotFound, pollUntil, vertexClientOptions, vertexError } from "./vertex";

/**
 * A Vertex AI supervised tuning job, driven through Google's client (`GenAiTuningServiceClient`,
 * v1) because `@pulumi/gcp` has no resource for it: create CreateTuningJob, read GetTuningJob,
 * cancel CancelTuningJob.
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

/** The TuningJob to create, typed by the client's own protos. */
export function tuningJobBody(i: TuningJobInputs): protos.google.cloud.aiplatform.v1.ITuningJob {
  const hyper: protos.google.cloud.aiplatform.v1.ISupervisedHyperParameters = {};
  if (i.epochCount !== undefined) hyper.epochCount = i.epochCount;
  if (i.adapterSize !== undefined) hyper.adapterSize = i.adapterSize as keyof typeof protos.google.cloud.aiplatform.v1.SupervisedHyperParameters.AdapterSize;
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

type TuningJob = protos.google.cloud.aiplatform.v1.ITuningJob;

/** A protobuf Timestamp as RFC 3339. */
function timestamp(t: protos.google.protobuf.ITimestamp | null | undefined): string {
  return t?.seconds == null ? "" : new Date(Number(t.seconds) * 1000 + Math.round((t.nanos ?? 0) / 1e6)).toISOString().replace(".000Z", "Z");
}

function outputsOf(i: TuningJobInputs, job: TuningJob): TuningJobOutputs {
  return {
    ...i,
    jobName: job.name ?? "",
    state: String(job.state ?? "JOB_STATE_UNSPECIFIED"),
    tunedModelName: job.tunedModel?.model ?? "",
    tunedModelEndpoint: job.tunedModel?.endpoint ?? "",
    experiment: job.experiment ?? "",
    createTime: timestamp(job.createTime),
  };
}

/** Google's tuning client for the target, signed in. */
async function tuningClient(t: TuningJobInputs) {
  const { GenAiTuningServiceClient } = require("@google-cloud/aiplatform/build/src/v1/gen_ai_tuning_service_client") as typeof import("@google-cloud/aiplatform/build/src/v1/gen_ai_tuning_service_client");
  return new GenAiTuningServiceClient(vertexClientOptions(t, await googleSignIn(t)));
}

async function getJob(client: Awaited<ReturnType<typeof tuningClient>>, name: string): Promise<TuningJob> {
  try {
    return (await client.getTuningJob({ name }))[0];
  } catch (err) {
    throw vertexError(`GetTuningJob ${name}`, err);
  }
}

/** The provider Pulumi serializes into the state; every method stands alone (see vertex.ts). */
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
    const client = await tuningClient(inputs);
    try {
      const parent = `projects/${inputs.project}/locations/${inputs.region}`;
      let job: TuningJob;
      try {
        job = (await client.createTuningJob({ parent, tuningJob: tuningJobBody(inputs) }))[0];
      } catch (err) {
        throw vertexError(`CreateTuningJob ${parent}`, err);
      }
      if (inputs.waitForCompletion ?? true) {
        const name = job.name ?? "";
        job = await pollUntil(
          () => getJob(client, name),
          (j) => TERMINAL_JOB_STATES.includes(String(j.state ?? "")),
          inputs.pollIntervalSeconds ?? 60,
          inputs.timeoutMinutes ?? 1440,
          `tuning job ${name}`,
        );
        if (job.state !== "JOB_STATE_SUCCEEDED") {
          throw new Error(`tuning job ${name} ended in ${job.state}: ${job.error?.message ?? "no error message"}`);
        }
      }
      return { id: job.name ?? "", outs: outputsOf(inputs, job) };
    } finally {
      await client.close();
    }
  },

  async read(id, props) {
    const client = await tuningClient(props!);
    try {
      return { id, props: outputsOf(props!, await getJob(client, id)) };
    } catch (err) {
      if (isNotFound(err)) return { id: "", props: {} as TuningJobOutputs };
      throw err;
    } finally {
      await client.close();
    }
  },

  // Only the provider's own settings (endpoint, waiting) change in place; the job is immutable.
  async update(_id, olds, news) {
    return { outs: { ...olds, ...news } as TuningJobOutputs };
  },

  async delete(id, props) {
    const client = await tuningClient(props);
    try {
      let job: TuningJob;
      try {
        job = await getJob(client, id);
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
      if (!TERMINAL_JOB_STATES.includes(String(job.state ?? ""))) {
        await client.cancelTuningJob({ name: id }).catch((err: unknown) => {
          throw vertexError(`CancelTuningJob ${id}`, err);
        });
      }
    } finally {
      await client.close();
    }
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
      DYNAMIC_RESOURCES.vertexTuningJob.module,
      DYNAMIC_RESOURCES.vertexTuningJob.name,
    );
  }
}
