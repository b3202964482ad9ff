import * as pulumi from "@pulumi/pulumi";
import { changedKeys, isNotFound, vertexClient, waitForOperation, type Operation } from "./rest";

/**
 * Request-response logging of a Model Garden publisher model (Gemini, or a partner model such as
 * Claude) to BigQuery. Vertex AI offers it per project, region and publisher model through the
 * PublisherModelConfig methods of the v1beta1 API; `@pulumi/gcp` has no resource for them, so this
 * drives them directly:
 *   create/update  POST …/v1beta1/projects/{p}/locations/{r}/publishers/{publisher}/models/{model}:setPublisherModelConfig
 *                  body {publisherModelConfig: {loggingConfig: {enabled, samplingRate,
 *                        bigqueryDestination: {outputUri: "bq://project.dataset.table"}, enableOtelLogging?}}}
 *                  → a long-running operation, awaited
 *   read           GET  …/v1beta1/{name}:fetchPublisherModelConfig → PublisherModelConfig {loggingConfig}
 *   delete         setPublisherModelConfig with {loggingConfig: {enabled: false}} (there is no delete)
 * https://cloud.google.com/vertex-ai/generative-ai/docs/multimodal/request-response-logging
 * https://cloud.google.com/vertex-ai/docs/reference/rest/v1beta1/projects.locations.publishers.models/setPublisherModelConfig
 * https://cloud.google.com/vertex-ai/docs/reference/rest/v1beta1/projects.locations.publishers.models/fetchPublisherModelConfig
 * (loggingConfig is a RequestResponseLoggingConfig, the same message an endpoint's
 * predictRequestResponseLoggingConfig uses.) These shapes were written from the documentation
 * as remembered, without network access to check them; the test double follows the same shapes.
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

/** The SetPublisherModelConfigRequest body (the name is in the URL). */
export function publisherModelLoggingBody(i: PublisherModelLoggingInputs): Record<string, unknown> {
  return {
    publisherModelConfig: {
      loggingConfig: {
        enabled: i.enabled ?? true,
        samplingRate: i.samplingRate,
        bigqueryDestination: { outputUri: i.bigqueryOutputUri },
        ...(i.enableOtelLogging !== undefined ? { enableOtelLogging: i.enableOtelLogging } : {}),
      },
    },
  };
}

interface FetchedConfig {
  readonly loggingConfig?: {
    readonly enabled?: boolean;
    readonly samplingRate?: number;
    readonly bigqueryDestination?: { readonly outputUri?: string };
    readonly enableOtelLogging?: boolean;
  };
}

/** The provider Pulumi serializes into the state; every method stands alone (see rest.ts). */
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
    const client = vertexClient(inputs, "v1beta1");
    const op = await client.call<Operation>("POST", `${name}:setPublisherModelConfig`, publisherModelLoggingBody(inputs));
    await waitForOperation(client, op, inputs.pollIntervalSeconds ?? 5, inputs.timeoutMinutes ?? 20);
    return { id: name, outs: { ...inputs, modelResourceName: name } };
  },

  /** Logging turned off (or never set) outside Pulumi reads as gone, so a refresh shows the drift. */
  async read(id, props) {
    const client = vertexClient(props!, "v1beta1");
    let config: FetchedConfig;
    try {
      config = await client.call<FetchedConfig>("GET", `${props!.modelResourceName}:fetchPublisherModelConfig`);
    } catch (err) {
      if (isNotFound(err)) return { id: "", props: {} as PublisherModelLoggingOutputs };
      throw err;
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
        ...(lc.enableOtelLogging !== undefined || props!.enableOtelLogging !== undefined ? { enableOtelLogging: lc.enableOtelLogging ?? false } : {}),
      },
    };
  },

  /** The whole configuration is set again (the method takes the complete config, no update mask). */
  async update(_id, olds, news) {
    const client = vertexClient(news, "v1beta1");
    const op = await client.call<Operation>("POST", `${olds.modelResourceName}:setPublisherModelConfig`, publisherModelLoggingBody(news));
    await waitForOperation(client, op, news.pollIntervalSeconds ?? 5, news.timeoutMinutes ?? 20);
    return { outs: { ...news, modelResourceName: olds.modelResourceName } };
  },

  /** There is nothing to delete: logging is turned off. The BigQuery table and its rows stay. */
  async delete(_id, props) {
    const client = vertexClient(props, "v1beta1");
    let op: Operation;
    try {
      op = await client.call<Operation>("POST", `${props.modelResourceName}:setPublisherModelConfig`, { publisherModelConfig: { loggingConfig: { enabled: false } } });
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    await waitForOperation(client, op, props.pollIntervalSeconds ?? 5, props.timeoutMinutes ?? 20);
  },
};

export type VertexPublisherModelLoggingArgs = { readonly [K in keyof PublisherModelLoggingInputs]: pulumi.Input<PublisherModelLoggingInputs[K]> };

/** Registers as `pulumi-nodejs:dynamic/vertex:PublisherModelLogging`. */
export class VertexPublisherModelLogging extends pulumi.dynamic.Resource {
  declare readonly modelResourceName: pulumi.Output<string>;
  declare readonly bigqueryOutputUri: pulumi.Output<string>;
  declare readonly samplingRate: pulumi.Output<number>;

  constructor(name: string, args: VertexPublisherModelLoggingArgs, opts?: pulumi.CustomResourceOptions) {
    super(publisherModelLoggingProvider, name, { ...args, modelResourceName: undefined }, opts, "vertex", "PublisherModelLogging");
  }
}
