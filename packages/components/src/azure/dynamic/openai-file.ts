import { DYNAMIC_RESOURCES } from "@aitracks/core";
import * as pulumi from "@pulumi/pulumi";
import { azureOpenAiClient, call, sleep, type DataPlaneError, type DataPlaneTarget } from "./openai-client";

/** The provider's inputs. */
export interface OpenAiFileInputs {
  readonly endpoint: string;
  readonly apiVersion: string;
  /** The local JSONL file, read when the file is uploaded. */
  readonly path: string;
  /** "fine-tune" (training and validation files) or "evals" (evaluation sets). */
  readonly purpose: string;
  /** SHA-256 of the file's content: a new content is a new upload. */
  readonly sha256: string;
  readonly pollIntervalSeconds: number;
}

export interface OpenAiFileOutputs extends OpenAiFileInputs {
  readonly fileId: string;
  readonly status: string;
  readonly bytes: number;
}

interface ApiFile {
  id: string;
  status?: string;
  bytes?: number;
  status_details?: string | null;
}

function target(p: { endpoint: string; apiVersion: string }): DataPlaneTarget {
  return { endpoint: p.endpoint, apiVersion: p.apiVersion };
}

/**
 * The dynamic provider, through the openai package's AzureOpenAI client: create uploads the local
 * file (files.create) and waits until Azure has processed it (files.retrieve); read refreshes it;
 * delete removes it (files.delete). A file Azure rejects fails the update with its reason.
 */
export const openAiFileProvider: pulumi.dynamic.ResourceProvider<OpenAiFileInputs, OpenAiFileOutputs> = {
  async create(inputs) {
    // Required here, not at the top: the provider is serialized with what it references.
    const { readFileSync } = require("node:fs") as typeof import("node:fs");
    const { basename } = require("node:path") as typeof import("node:path");
    const { toFile } = require("openai") as typeof import("openai");
    const client = await azureOpenAiClient(target(inputs));
    const upload = await toFile(readFileSync(inputs.path), basename(inputs.path), { type: "application/jsonl" });
    let file: ApiFile = await call("POST files", () => client.files.create({ file: upload, purpose: inputs.purpose as "fine-tune" }));
    for (let i = 0; file.status !== "processed"; i++) {
      if (file.status === "error" || file.status === "deleted") {
        throw new Error(`file ${inputs.path} (${file.id}) was rejected: ${file.status_details ?? file.status}`);
      }
      if (i >= 120) throw new Error(`file ${inputs.path} (${file.id}) is still ${file.status} after ${120 * inputs.pollIntervalSeconds} s`);
      await sleep(inputs.pollIntervalSeconds);
      const id = file.id;
      file = await call(`GET files/${id}`, () => client.files.retrieve(id));
    }
    return { id: file.id, outs: { ...inputs, fileId: file.id, status: file.status, bytes: file.bytes ?? 0 } };
  },

  async read(id, props) {
    const p = props as OpenAiFileOutputs;
    const client = await azureOpenAiClient(target(p));
    try {
      const file: ApiFile = await call(`GET files/${id}`, () => client.files.retrieve(id));
      return { id, props: { ...p, status: file.status ?? p.status, bytes: file.bytes ?? p.bytes } };
    } catch (err) {
      if ((err as DataPlaneError).status === 404) return {};
      throw err;
    }
  },

  async diff(_id, olds, news) {
    const replaces = (["endpoint", "purpose", "sha256"] as const).filter((k) => olds[k] !== news[k]);
    return { changes: replaces.length > 0 || olds.path !== news.path || olds.apiVersion !== news.apiVersion, replaces };
  },

  async update(_id, olds, news) {
    // Same content under another path, or another API version: nothing to upload again.
    return { outs: { ...olds, path: news.path, apiVersion: news.apiVersion, pollIntervalSeconds: news.pollIntervalSeconds } };
  },

  async delete(id, props) {
    const client = await azureOpenAiClient(target(props as OpenAiFileOutputs));
    try {
      await call(`DELETE files/${id}`, () => client.files.delete(id));
    } catch (err) {
      if ((err as DataPlaneError).status !== 404) throw err;
    }
  },
};

export interface AzureOpenAiFileArgs {
  readonly endpoint: pulumi.Input<string>;
  /** @default "2024-10-21" */
  readonly apiVersion?: pulumi.Input<string>;
  /** The local JSONL file (absolute, or relative to the program's working directory). */
  readonly path: string;
  /** "fine-tune" or "evals". */
  readonly purpose: string;
  /** SHA-256 of the content (the component computes it when it checks the file). */
  readonly sha256: string;
  /** @default 5 */
  readonly pollIntervalSeconds?: number;
}

/** A JSONL file uploaded to an Azure OpenAI account. Registers as `pulumi-nodejs:dynamic/azure-openai:File`. */
export class AzureOpenAiFile extends pulumi.dynamic.Resource {
  declare readonly fileId: pulumi.Output<string>;
  declare readonly status: pulumi.Output<string>;
  declare readonly bytes: pulumi.Output<number>;

  constructor(name: string, args: AzureOpenAiFileArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      openAiFileProvider,
      name,
      {
        ...args,
        apiVersion: args.apiVersion ?? "2024-10-21",
        pollIntervalSeconds: args.pollIntervalSeconds ?? 5,
        fileId: undefined,
        status: undefined,
        bytes: undefined,
      },
      opts,
      DYNAMIC_RESOURCES.azureOpenAiFile.module,
      DYNAMIC_RESOURCES.azureOpenAiFile.name,
    );
  }
}
