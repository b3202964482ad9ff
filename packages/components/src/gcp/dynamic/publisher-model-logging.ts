import { DYNAMIC_RESOURCES } from "@aitracks/core";
import * as pulumi from "@pulumi/pulumi";
import type { protos } from "@google-cloud/aiplatform";
import { changedKeys, googleSignIn, isNotFound, operationPolling, vertexClientOptions, vertexError } from "./vertex";

/**
 * Request-response logging of a Model Garden publisher model (Gemini, or a partner model such as
 * Claude) to BigQuery. Vertex AI offers it per project, region and publisher model through the
 * PublisherModelConfig methods of the v1beta1 API; `@pulumi/gcp` has no resource for them, so this
 * drives them through Google's `EndpointServiceClient` (v1beta1, the only surface with them):
 *   create/update  SetPublisherModelConfig {name, publisherModelConfig: {loggingConfig}}
 *                  → a long-running operation, awaited
 *   read           FetchPublisherModelConfig {name} → PublisherModelConfig {loggingConfig}
 *   delete         SetPublisherModelConfig with {loggingConfig: {enabled: false}} (there is no delete)
 * https://cloud.google.com/vertex-ai/generative-ai/docs/multimodal/request-response-logging
 * https://cloud.google.com/vertex-ai/docs/reference/rest/v1beta1/projects.locations.publishers.models/setPublisherModelConfig
 * (loggingConfig is a RequestResponseLoggingConfig, the same message an endpoint's
 * predictRequestResponseLoggingConfig uses.)
 */
export interface PublisherModelLoggingInputs {
  readonly project: string;
  readonly region: string;
  /** Base URL override (tests, Private Service Connect for Google APIs). @default the regional endpoint */
  readonly apiEndpoint?: string;
  /** `publishers/{publisher}/models/{model}` (no `@version`: the configuration is the model's). */
  readonly publisherModelName: string;
  /** @default true */
  readonly enabled?: boolean;
  /** Share of requests logged, above 0 and at most 1. */
  readonly samplingRate: number;
  /** `bq://project.dataset.table`; Vertex AI creates the table with its logging schema. */
  readonly bigqueryOutputUri: string;
  /** Also log in the OpenTelemetry schema (the `otel_log` column). @default left out (the API's default, off) */
  readonly enableOtelLogging?: boolean;
  /** @default 5 */
  readonly pollIntervalSeconds?: number;
  /** @default 20 */
  readonly timeoutMinutes?: number;
}

export interface PublisherModelLoggingOutputs extends PublisherModelLoggingInputs {
  /** `projects/{p}/locations/{r}/publishers/{publisher}/models/{model}` */
  readonly modelResourceName: string;
}

/** A different model, project or region is another object: replace. Everything else is set again in place. */
export const PUBLISHER_MODEL_LOGGING_REPLACE_KEYS = ["project", "region", "publisherModelName"] as const;
const IN_PLACE_KEYS = ["enabled", "samplingRate", "bigqueryOutputUri", "enableOtelLogging", "apiEndpoint", "pollIntervalSeconds", "timeoutMinutes"] as const;

/** The publisher model config to set, typed by the client's own protos (v1beta1). */
export function publisherModelConfig(i: PublisherModelLoggingInputs): protos.google.cloud.aiplatform.v1beta1.IPublisherModelConfig {
  return {
    loggingConfig: {
      enabled: i.enabled ?? true,
      samplingRate: i.samplingRate,
      bigqueryDestination: { outputUri: i.bigqueryOutputUri },
      ...(i.enableOtelLogging !== undefined ? { enableOtelLogging: i.enableOtelLogging } : {}),
    },
  };
}

/** Google's v1beta1 endpoint client for the target, signed in. */
async function endpointClient(t: PublisherModelLoggingInputs) {
  const { EndpointServiceClient } = require("@google-cloud/aiplatform/build/src/v1beta1/endpoint_service_client") as typeof import("@google-cloud/aiplatform/build/src/v1beta1/endpoint_service_client");
  return new EndpointServiceClient(vertexClientOptions(t, await googleSignIn(t)));
}

/** SetPublisherModelConfig, awaited; one-line errors. */
async function setConfig(t: PublisherModelLoggingInputs, name: string, config: protos.google.cloud.aiplatform.v1beta1.IPublisherModelConfig): Promise<void> {
  const client = await endpointClient(t);
  try {
    const [operation] = await client.setPublisherModelConfig({ name, publisherModelConfig: config }, operationPolling(t.pollIntervalSeconds ?? 5, t.timeoutMinutes ?? 20));
    await operation.promise();
  } catch (err) {
    throw vertexError(`SetPublisherModelConfig ${name}`, err);
  } finally {
    await client.close();
  }
}

/** The provider Pulumi serializes into the state; every method stands alone (see vertex.ts). */
export const publisherModelLoggingProvider: pulumi.dynamic.ResourceProvider<PublisherModelLoggingInputs, PublisherModelLoggingOutputs> = {
  async diff(_id, olds, news) {
    const o = olds as unknown as Record<string, unknown>;
    const n = news as unknown as Record<string, unknown>;
    const replaces = changedKeys(o, n, PUBLISHER_MODEL_LOGGING_REPLACE_KEYS);
    const inPlace = changedKeys(o, n, IN_PLACE_KEYS);
    // The new model's logging is set before the old model's is turned off.
    return { changes: replaces.length + inPlace.length > 0, replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    const name = `projects/${inputs.project}/locations/${inputs.region}/${inputs.publisherModelName}`;
    await setConfig(inputs, name, publisherModelConfig(inputs));
    return { id: name, outs: { ...inputs, modelResourceName: name } };
  },

  /** Logging turned off (or never set) outside Pulumi reads as gone, so a refresh shows the drift. */
  async read(id, props) {
    const client = await endpointClient(props!);
    let config: protos.google.cloud.aiplatform.v1beta1.IPublisherModelConfig;
    try {
      [config] = await client.fetchPublisherModelConfig({ name: props!.modelResourceName });
    } catch (err) {
      const e = vertexError(`FetchPublisherModelConfig ${props!.modelResourceName}`, err);
      if (isNotFound(e)) return { id: "", props: {} as PublisherModelLoggingOutputs };
      throw e;
    } finally {
      await client.close();
    }
    const lc = config.loggingConfig;
    if (!lc?.enabled) return { id: "", props: {} as PublisherModelLoggingOutputs };
    return {
      id,
      props: {
        ...props!,
        enabled: true,
        samplingRate: lc.samplingRate ?? props!.samplingRate,
        bigqueryOutputUri: lc.bigqueryDestination?.outputUri ?? props!.bigqueryOutputUri,
        ...(lc.enableOtelLogging != null || props!.enableOtelLogging !== undefined ? { enableOtelLogging: lc.enableOtelLogging ?? false } : {}),
      },
    };
  },

  /** The whole configuration is set again (the method takes the complete config, no update mask). */
  async update(_id, olds, news) {
    await setConfig(news, olds.modelResourceName, publisherModelConfig(news));
    return { outs: { ...news, modelResourceName: olds.modelResourceName } };
  },

  /** There is nothing to delete: logging is turned off. The BigQuery table and its rows stay. */
  async delete(_id, props) {
    try {
      await setConfig(props, props.modelResourceName, { loggingConfig: { enabled: false } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  },
};

export type VertexPublisherModelLoggingArgs = { readonly [K in keyof PublisherModelLoggingInputs]: pulumi.Input<PublisherModelLoggingInputs[K]> };

/** Registers as `pulumi-nodejs:dynamic/vertex:PublisherModelLogging`. */
export class VertexPublisherModelLogging extends pulumi.dynamic.Resource {
  declare readonly modelResourceName: pulumi.Output<string>;
  declare readonly bigqueryOutputUri: pulumi.Output<string>;
  declare readonly samplingRate: pulumi.Output<number>;

  constructor(name: string, args: VertexPublisherModelLoggingArgs, opts?: pulumi.CustomResourceOptions) {
    super(publisherModelLoggingProvider, name, { ...args, modelResourceName: undefined }, opts, DYNAMIC_RESOURCES.vertexPublisherModelLogging.module, DYNAMIC_RESOURCES.vertexPublisherModelLogging.name);
  }
}
