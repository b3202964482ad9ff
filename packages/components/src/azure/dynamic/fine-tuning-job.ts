import { DYNAMIC_RESOURCES } from "@aitracks/core";
import * as pulumi from "@pulumi/pulumi";
import { azureOpenAiClient, call, sleep, type DataPlaneError, type DataPlaneTarget } from "./openai-client";

/** The GA data-plane API version with fine-tuning jobs. */
export const FINE_TUNING_API_VERSION = "2024-10-21";

/** Hyperparameters of supervised fine-tuning; Azure picks what is left out. */
export interface FineTuningHyperparameters {
  readonly nEpochs?: number;
  readonly batchSize?: number;
  readonly learningRateMultiplier?: number;
}

/** The provider's inputs: plain values, as the engine passes them. */
export interface FineTuningJobInputs {
  readonly endpoint: string;
  readonly apiVersion: string;
  /** The base model as the fine-tuning API names it, e.g. gpt-4o-mini-2024-07-18. */
  readonly baseModel: string;
  readonly trainingFileId: string;
  readonly validationFileId?: string;
  readonly hyperparameters?: FineTuningHyperparameters;
  readonly suffix?: string;
  readonly seed?: number;
  /** Seconds between status polls while the job runs. */
  readonly pollIntervalSeconds: number;
  /** Minutes to wait for the job before cancelling it and failing the update. */
  readonly timeoutMinutes: number;
}

export interface FineTuningJobOutputs extends FineTuningJobInputs {
  readonly jobId: string;
  readonly status: string;
  /** The fine-tuned model's name, to deploy (set once the job succeeded). */
  readonly fineTunedModel: string;
  readonly trainedTokens: number;
  readonly resultFiles: string[];
}

/** The job as the API returns it (the fields used). */
interface ApiJob {
  id: string;
  status: string;
  fine_tuned_model?: string | null;
  trained_tokens?: number | null;
  result_files?: string[] | null;
  error?: { code?: string; message?: string } | null;
}

/** Inputs that define the job: changing one means a new job. */
export const FINE_TUNING_REPLACE_KEYS = ["endpoint", "baseModel", "trainingFileId", "validationFileId", "hyperparameters", "suffix", "seed"] as const;
const TERMINAL = ["succeeded", "failed", "cancelled"];

function target(p: { endpoint: string; apiVersion: string }): DataPlaneTarget {
  return { endpoint: p.endpoint, apiVersion: p.apiVersion };
}

function outputsOf(inputs: FineTuningJobInputs, job: ApiJob): FineTuningJobOutputs {
  return {
    ...inputs,
    jobId: job.id,
    status: job.status,
    fineTunedModel: job.fine_tuned_model ?? "",
    trainedTokens: job.trained_tokens ?? 0,
    resultFiles: job.result_files ?? [],
  };
}

/**
 * The dynamic provider, through the openai package's AzureOpenAI client: create submits the job
 * (fineTuning.jobs.create) and waits for it to finish, so the fine-tuned model can be deployed in
 * the same update; read refreshes it (retrieve); delete cancels it if it still runs (cancel). A job that
 * fails, or outlasts timeoutMinutes (then it is cancelled), fails the update with Azure's reason.
 */
export const fineTuningJobProvider: pulumi.dynamic.ResourceProvider<FineTuningJobInputs, FineTuningJobOutputs> = {
  async create(inputs) {
    const client = await azureOpenAiClient(target(inputs));
    const h = inputs.hyperparameters ?? {};
    const hyperparameters = { n_epochs: h.nEpochs, batch_size: h.batchSize, learning_rate_multiplier: h.learningRateMultiplier };
    let job: ApiJob = await call("POST fine_tuning/jobs", () =>
      client.fineTuning.jobs.create({
        model: inputs.baseModel,
        training_file: inputs.trainingFileId,
        ...(inputs.validationFileId !== undefined ? { validation_file: inputs.validationFileId } : {}),
        ...(Object.values(hyperparameters).some((v) => v !== undefined) ? { hyperparameters } : {}),
        ...(inputs.suffix !== undefined ? { suffix: inputs.suffix } : {}),
        ...(inputs.seed !== undefined ? { seed: inputs.seed } : {}),
      }),
    );
    const deadline = Date.now() + inputs.timeoutMinutes * 60_000;
    while (!TERMINAL.includes(job.status)) {
      const id = job.id;
      if (Date.now() > deadline) {
        await call(`POST fine_tuning/jobs/${id}/cancel`, () => client.fineTuning.jobs.cancel(id));
        throw new Error(`fine-tuning job ${id} did not finish within ${inputs.timeoutMinutes} minutes (last status ${job.status}); it was cancelled`);
      }
      await sleep(inputs.pollIntervalSeconds);
      job = await call(`GET fine_tuning/jobs/${id}`, () => client.fineTuning.jobs.retrieve(id));
    }
    if (job.status !== "succeeded") {
      const why = job.error?.message ? `: ${job.error.code ? `${job.error.code}: ` : ""}${job.error.message}` : "";
      throw new Error(`fine-tuning job ${job.id} ${job.status}${why}`);
    }
    return { id: job.id, outs: outputsOf(inputs, job) };
  },

  async read(id, props) {
    const p = props as FineTuningJobOutputs;
    const client = await azureOpenAiClient(target(p));
    try {
      const job: ApiJob = await call(`GET fine_tuning/jobs/${id}`, () => client.fineTuning.jobs.retrieve(id));
      return { id, props: outputsOf(p, job) };
    } catch (err) {
      // The job is gone: tell the engine, which then plans to create it again.
      if ((err as DataPlaneError).status === 404) return {};
      throw err;
    }
  },

  async diff(_id, olds, news) {
    const replaces = FINE_TUNING_REPLACE_KEYS.filter((k) => JSON.stringify(olds[k] ?? null) !== JSON.stringify(news[k] ?? null));
    const changes = replaces.length > 0 || ["apiVersion", "pollIntervalSeconds", "timeoutMinutes"].some((k) => (olds as any)[k] !== (news as any)[k]);
    return { changes, replaces, deleteBeforeReplace: false };
  },

  async update(_id, olds, news) {
    // Only the polling settings and the API version get here; the job itself is unchanged.
    return { outs: { ...olds, apiVersion: news.apiVersion, pollIntervalSeconds: news.pollIntervalSeconds, timeoutMinutes: news.timeoutMinutes } };
  },

  async delete(id, props) {
    const p = props as FineTuningJobOutputs;
    const client = await azureOpenAiClient(target(p));
    let job: ApiJob;
    try {
      job = await call(`GET fine_tuning/jobs/${id}`, () => client.fineTuning.jobs.retrieve(id));
    } catch (err) {
      if ((err as DataPlaneError).status === 404) return;
      throw err;
    }
    if (!TERMINAL.includes(job.status)) await call(`POST fine_tuning/jobs/${id}/cancel`, () => client.fineTuning.jobs.cancel(id));
  },
};

export interface AzureOpenAiFineTuningJobArgs {
  /** The Azure OpenAI account's endpoint, https://<name>.openai.azure.com/. */
  readonly endpoint: pulumi.Input<string>;
  /** The data-plane API version. @default "2024-10-21" */
  readonly apiVersion?: pulumi.Input<string>;
  /** The base model as the fine-tuning API names it, e.g. gpt-4o-mini-2024-07-18. */
  readonly baseModel: pulumi.Input<string>;
  /** The uploaded training file's id (purpose fine-tune), e.g. file-abc123. */
  readonly trainingFileId: pulumi.Input<string>;
  /** The uploaded validation file's id. @default none */
  readonly validationFileId?: pulumi.Input<string>;
  readonly hyperparameters?: pulumi.Input<FineTuningHyperparameters>;
  /** Added to the fine-tuned model's name. @default none */
  readonly suffix?: pulumi.Input<string>;
  readonly seed?: pulumi.Input<number>;
  /** @default 60 */
  readonly pollIntervalSeconds?: pulumi.Input<number>;
  /** @default 1440 (a day) */
  readonly timeoutMinutes?: pulumi.Input<number>;
}

/**
 * An Azure OpenAI fine-tuning job. Azure has no ARM resource for it, so this dynamic resource
 * drives the data-plane API (see fineTuningJobProvider). Registers as
 * `pulumi-nodejs:dynamic/azure-openai:FineTuningJob`.
 */
export class AzureOpenAiFineTuningJob extends pulumi.dynamic.Resource {
  declare readonly jobId: pulumi.Output<string>;
  declare readonly status: pulumi.Output<string>;
  declare readonly fineTunedModel: pulumi.Output<string>;
  declare readonly trainedTokens: pulumi.Output<number>;

  constructor(name: string, args: AzureOpenAiFineTuningJobArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      fineTuningJobProvider,
      name,
      {
        ...args,
        apiVersion: args.apiVersion ?? FINE_TUNING_API_VERSION,
        pollIntervalSeconds: args.pollIntervalSeconds ?? 60,
        timeoutMinutes: args.timeoutMinutes ?? 1440,
        jobId: undefined,
        status: undefined,
        fineTunedModel: undefined,
        trainedTokens: undefined,
      },
      opts,
      DYNAMIC_RESOURCES.azureOpenAiFineTuningJob.module,
      DYNAMIC_RESOURCES.azureOpenAiFineTuningJob.name,
    );
  }
}
