import { DYNAMIC_RESOURCES } from "@aitracks/core";
import * as pulumi from "@pulumi/pulumi";

/**
 * Waits for a Bedrock model customization job to complete, so that what serves the tuned model
 * (provisioned throughput) gets its ARN in the same `pulumi up`.
 *
 * `aws.bedrock.CustomModel` starts the job and returns at once; its `customModelArn` stays empty
 * until the job completes, hours later. This resource sits between the two: its create polls
 * `GetModelCustomizationJob` (GET /model-customization-jobs/{jobIdentifier},
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GetModelCustomizationJob.html)
 * until the job is `Completed` and returns the job's `outputModelArn`. A `Failed` or `Stopped` job
 * fails the update with Bedrock's failure message; a job still running after the timeout fails it
 * too, and the next `pulumi up` simply waits again (the CustomModel, and so the job, stays).
 * Delete does nothing: the CustomModel owns the job and the model.
 *
 * The SDK finds credentials in its default chain (environment, shared config and SSO profiles,
 * web identity, container and instance roles). `AITRACKS_BEDROCK_ENDPOINT` overrides the endpoint
 * (tests, VPC interface endpoints).
 *
 * Pulumi serializes the provider with every function it calls into the stack state and runs it
 * in another process: each function below stands alone, `require`s the SDK in its own body and
 * captures nothing else.
 */
export interface CustomizationJobWaitInputs {
  /** The job's ARN (`CustomModel.jobArn`). */
  readonly jobArn: string;
  /** The region of the job. */
  readonly region: string;
  /** Give up after this long. */
  readonly timeoutSeconds: number;
  /** Seconds between status polls. */
  readonly pollIntervalSeconds: number;
}

export interface CustomizationJobWaitOutputs extends CustomizationJobWaitInputs {
  /** InProgress, Completed, Failed, Stopping or Stopped (Completed after a successful create). */
  readonly status: string;
  /** The custom model the job produced (once Completed). */
  readonly outputModelArn: string;
  readonly outputModelName: string;
  readonly jobName: string;
  /** Bedrock's reason when the job failed. */
  readonly failureMessage: string;
}

/** The environment variable that overrides the Bedrock control-plane endpoint. */
export const BEDROCK_ENDPOINT_ENV = "AITRACKS_BEDROCK_ENDPOINT";

/** The job, as GetModelCustomizationJob returns it (the fields used). */
export interface CustomizationJobStatus {
  readonly jobArn?: string | undefined;
  readonly jobName?: string | undefined;
  readonly status?: string | undefined;
  readonly outputModelArn?: string | undefined;
  readonly outputModelName?: string | undefined;
  readonly failureMessage?: string | undefined;
}

/**
 * GetModelCustomizationJob once. `abortAfterMs` bounds the call (a service that never answers
 * must not outlast the timeout); errors come back on one line, marked `notFound` for a job that
 * does not exist.
 */
export async function getCustomizationJob(jobArn: string, region: string, abortAfterMs: number): Promise<CustomizationJobStatus> {
  const sdk = require("@aws-sdk/client-bedrock") as typeof import("@aws-sdk/client-bedrock");
  const endpoint = process.env.AITRACKS_BEDROCK_ENDPOINT;
  const client = new sdk.BedrockClient({ region, ...(endpoint ? { endpoint } : {}) });
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), Math.max(1, abortAfterMs));
  try {
    const job = await client.send(new sdk.GetModelCustomizationJobCommand({ jobIdentifier: jobArn }), { abortSignal: abort.signal });
    return {
      jobArn: job.jobArn,
      jobName: job.jobName,
      status: job.status,
      outputModelArn: job.outputModelArn,
      outputModelName: job.outputModelName,
      failureMessage: job.failureMessage,
    };
  } catch (err) {
    const e = err as Error & { name?: string; $metadata?: { httpStatusCode?: number } };
    if (abort.signal.aborted) {
      const timeout = new Error(`GetModelCustomizationJob ${jobArn}: no answer within ${Math.round(abortAfterMs / 1000)} s`) as Error & { aborted: boolean };
      timeout.aborted = true;
      throw timeout;
    }
    const wrapped = new Error(`GetModelCustomizationJob ${jobArn}: ${e.name ?? "Error"}: ${String(e.message ?? err).replace(/\s*\n\s*/g, " ").trim()}`) as Error & { notFound: boolean };
    wrapped.notFound = e.name === "ResourceNotFoundException" || e.$metadata?.httpStatusCode === 404;
    throw wrapped;
  } finally {
    clearTimeout(timer);
    client.destroy();
  }
}

/** A poll needs at least this long for an answer; one due later than that is not started. */
const LAST_POLL_MIN_MS = 100;

/**
 * Poll the job until it is Completed (returned), Failed or Stopped (thrown, with Bedrock's
 * failure message), or the timeout passes (thrown). One-line errors throughout.
 */
export async function waitForCustomizationJob(i: CustomizationJobWaitInputs): Promise<CustomizationJobStatus> {
  const timeoutMs = i.timeoutSeconds * 1000;
  const deadline = Date.now() + timeoutMs;
  const span = i.timeoutSeconds >= 3600 ? `${Math.round((i.timeoutSeconds / 3600) * 100) / 100} h` : `${Math.round(i.timeoutSeconds * 10) / 10} s`;
  const gaveUp = (last: string) =>
    new Error(
      `Bedrock model customization job ${i.jobArn} is not Completed after ${span} (customizationTimeoutHours; last status ${last}); ` +
        "run pulumi up again to keep waiting, or raise customizationTimeoutHours",
    );
  let last = "unknown";
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw gaveUp(last);
    // A poll started in the deadline's last moments cannot be answered in time: wait out the
    // deadline and say what we last saw.
    if (last !== "unknown" && left < LAST_POLL_MIN_MS) {
      await new Promise((r) => setTimeout(r, left));
      throw gaveUp(last);
    }
    let job: CustomizationJobStatus;
    try {
      job = await getCustomizationJob(i.jobArn, i.region, left);
    } catch (err) {
      if ((err as { aborted?: boolean }).aborted) throw gaveUp(`${last}, then no answer from Bedrock`);
      throw err;
    }
    last = job.status ?? "unknown";
    if (last === "Completed") {
      if (!job.outputModelArn) throw new Error(`Bedrock model customization job ${i.jobArn} is Completed but reports no outputModelArn`);
      return job;
    }
    if (last === "Failed" || last === "Stopped") {
      const why = job.failureMessage ? job.failureMessage.replace(/\s*\n\s*/g, " ").trim() : "no failure message";
      throw new Error(`Bedrock model customization job ${i.jobArn} ${last}: ${why}`);
    }
    const wait = Math.min(i.pollIntervalSeconds * 1000, deadline - Date.now());
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}

/** The provider Pulumi serializes into the state; every method stands alone. */
export const customizationJobWaitProvider: pulumi.dynamic.ResourceProvider<CustomizationJobWaitInputs, CustomizationJobWaitOutputs> = {
  // A new job (a new CustomModel) means a new wait; the timeout and poll interval change in place.
  async diff(_id, olds, news) {
    const replaces = olds.jobArn !== news.jobArn ? ["jobArn"] : [];
    const others = (["region", "timeoutSeconds", "pollIntervalSeconds"] as const).filter((k) => olds[k] !== news[k]);
    return { changes: replaces.length + others.length > 0, replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    const job = await waitForCustomizationJob(inputs);
    return {
      id: inputs.jobArn,
      outs: {
        ...inputs,
        status: job.status ?? "",
        outputModelArn: job.outputModelArn ?? "",
        outputModelName: job.outputModelName ?? "",
        jobName: job.jobName ?? "",
        failureMessage: job.failureMessage ?? "",
      },
    };
  },

  // Re-fetch the job: a refresh sees its status now; a job gone means the wait is gone.
  async read(id, props) {
    const p = props!;
    let job: CustomizationJobStatus;
    try {
      job = await getCustomizationJob(id, p.region, 60_000);
    } catch (err) {
      if ((err as { notFound?: boolean }).notFound) return { id: "", props: {} as CustomizationJobWaitOutputs };
      throw err;
    }
    return {
      id,
      props: {
        ...p,
        jobArn: job.jobArn ?? id,
        status: job.status ?? "",
        outputModelArn: job.outputModelArn ?? "",
        outputModelName: job.outputModelName ?? "",
        jobName: job.jobName ?? "",
        failureMessage: job.failureMessage ?? "",
      },
    };
  },

  async update(_id, olds, news) {
    return { outs: { ...olds, ...news } };
  },

  // The CustomModel owns the job (and stops or deletes it); there is nothing to undo here.
  async delete() {},
};

/** Arguments of the wait: each may be an Output (the job ARN is one). */
export interface BedrockCustomizationJobWaitArgs {
  readonly jobArn: pulumi.Input<string>;
  readonly region: pulumi.Input<string>;
  /** @default 86400 (24 hours) */
  readonly timeoutSeconds?: pulumi.Input<number>;
  /** @default 60 */
  readonly pollIntervalSeconds?: pulumi.Input<number>;
}

/** Registers as `pulumi-nodejs:dynamic/bedrock:CustomizationJobWait`. */
export class BedrockCustomizationJobWait extends pulumi.dynamic.Resource {
  declare readonly jobArn: pulumi.Output<string>;
  declare readonly status: pulumi.Output<string>;
  /** The tuned model's ARN: what provisioned throughput serves. */
  declare readonly outputModelArn: pulumi.Output<string>;
  declare readonly outputModelName: pulumi.Output<string>;
  declare readonly jobName: pulumi.Output<string>;

  constructor(name: string, args: BedrockCustomizationJobWaitArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      customizationJobWaitProvider,
      name,
      {
        jobArn: args.jobArn,
        region: args.region,
        timeoutSeconds: args.timeoutSeconds ?? 24 * 3600,
        pollIntervalSeconds: args.pollIntervalSeconds ?? 60,
        status: undefined,
        outputModelArn: undefined,
        outputModelName: undefined,
        jobName: undefined,
        failureMessage: undefined,
      },
      opts,
      DYNAMIC_RESOURCES.bedrockCustomizationJobWait.module,
      DYNAMIC_RESOURCES.bedrockCustomizationJobWait.name,
    );
  }
}
