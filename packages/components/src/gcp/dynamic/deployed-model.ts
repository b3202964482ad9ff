import { DYNAMIC_RESOURCES } from "@aitracks/core";
import * as pulumi from "@pulumi/pulumi";
import type { protos } from "@google-cloud/aiplatform";
import { changedKeys, googleSignIn, isNotFound, operationPolling, vertexClientOptions, vertexError } from "./vertex";

/**
 * A model deployed to a Vertex AI endpoint on dedicated machines. `@pulumi/gcp` creates endpoints
 * (with CMEK, private networking and request-response logging) but not deployments of a registry
 * model onto them, so this drives Google's `EndpointServiceClient` (v1):
 *   create  DeployModel          (long-running operation, awaited)
 *   update  MutateDeployedModel  (replica bounds, in place)
 *   read    GetEndpoint          (the deployed model in `deployedModels`)
 *   delete  UndeployModel        (awaited, so the endpoint can go next)
 * https://cloud.google.com/vertex-ai/docs/reference/rest/v1/projects.locations.endpoints
 */
export interface DeployedModelInputs {
  readonly project: string;
  readonly region: string;
  readonly apiEndpoint?: string;
  /** `projects/{p}/locations/{r}/endpoints/{id}` */
  readonly endpoint: string;
  /** `projects/{p}/locations/{r}/models/{id}` (optionally `@version`) */
  readonly model: string;
  readonly displayName: string;
  readonly machineType: string;
  /** Vertex enum, e.g. NVIDIA_L4. */
  readonly acceleratorType?: string;
  readonly acceleratorCount?: number;
  readonly minReplicaCount: number;
  readonly maxReplicaCount: number;
  /** The identity the serving container runs as. */
  readonly serviceAccount?: string;
  readonly enableAccessLogging?: boolean;
  /** @default 15 */
  readonly pollIntervalSeconds?: number;
  /** @default 90 */
  readonly timeoutMinutes?: number;
}

export interface DeployedModelOutputs extends DeployedModelInputs {
  readonly deployedModelId: string;
}

export const DEPLOYED_MODEL_REPLACE_KEYS = [
  "project",
  "region",
  "endpoint",
  "model",
  "displayName",
  "machineType",
  "acceleratorType",
  "acceleratorCount",
  "serviceAccount",
  "enableAccessLogging",
] as const;

type V1 = typeof protos.google.cloud.aiplatform.v1;

/** The machines a deployment runs on. */
function dedicatedResources(i: DeployedModelInputs): protos.google.cloud.aiplatform.v1.IDedicatedResources {
  return {
    machineSpec: {
      machineType: i.machineType,
      ...(i.acceleratorType ? { acceleratorType: i.acceleratorType as keyof V1["AcceleratorType"], acceleratorCount: i.acceleratorCount ?? 1 } : {}),
    },
    minReplicaCount: i.minReplicaCount,
    maxReplicaCount: i.maxReplicaCount,
  };
}

/** The DeployModelRequest: the new deployment takes all of the endpoint's traffic. */
export function deployModelRequest(i: DeployedModelInputs): protos.google.cloud.aiplatform.v1.IDeployModelRequest {
  return {
    endpoint: i.endpoint,
    deployedModel: {
      model: i.model,
      displayName: i.displayName,
      dedicatedResources: dedicatedResources(i),
      ...(i.serviceAccount ? { serviceAccount: i.serviceAccount } : {}),
      ...(i.enableAccessLogging !== undefined ? { enableAccessLogging: i.enableAccessLogging } : {}),
    },
    // "0" stands for the model being deployed by this request.
    trafficSplit: { "0": 100 },
  };
}

/** Google's endpoint client for the target, signed in. */
async function endpointClient(t: DeployedModelInputs) {
  const { EndpointServiceClient } = require("@google-cloud/aiplatform/build/src/v1/endpoint_service_client") as typeof import("@google-cloud/aiplatform/build/src/v1/endpoint_service_client");
  return new EndpointServiceClient(vertexClientOptions(t, await googleSignIn(t)));
}

/** Start a long-running method and wait for its result; its error becomes a one-line exception. */
async function awaitOperation<R>(what: string, start: () => Promise<[{ promise(): Promise<[R, ...unknown[]]> }, ...unknown[]]>): Promise<R> {
  try {
    const [operation] = await start();
    return (await operation.promise())[0];
  } catch (err) {
    throw vertexError(what, err);
  }
}

/** The provider Pulumi serializes into the state; every method stands alone (see vertex.ts). */
export const deployedModelProvider: pulumi.dynamic.ResourceProvider<DeployedModelInputs, DeployedModelOutputs> = {
  async diff(_id, olds, news) {
    const o = olds as unknown as Record<string, unknown>;
    const n = news as unknown as Record<string, unknown>;
    const replaces = changedKeys(o, n, DEPLOYED_MODEL_REPLACE_KEYS);
    const inPlace = changedKeys(o, n, ["minReplicaCount", "maxReplicaCount", "apiEndpoint", "pollIntervalSeconds", "timeoutMinutes"]);
    // A replacement deploys the new model first (it takes the traffic), then undeploys the old one.
    return { changes: replaces.length + inPlace.length > 0, replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    const client = await endpointClient(inputs);
    try {
      const polling = operationPolling(inputs.pollIntervalSeconds ?? 15, inputs.timeoutMinutes ?? 90);
      const response = await awaitOperation(`DeployModel ${inputs.endpoint}`, () => client.deployModel(deployModelRequest(inputs), polling));
      const deployedId = response.deployedModel?.id;
      if (!deployedId) throw new Error(`DeployModel on ${inputs.endpoint} finished without a deployed model id`);
      return { id: `${inputs.endpoint}/deployedModels/${deployedId}`, outs: { ...inputs, deployedModelId: deployedId } };
    } finally {
      await client.close();
    }
  },

  async read(id, props) {
    const client = await endpointClient(props!);
    try {
      let endpoint: protos.google.cloud.aiplatform.v1.IEndpoint;
      try {
        [endpoint] = await client.getEndpoint({ name: props!.endpoint });
      } catch (err) {
        const e = vertexError(`GetEndpoint ${props!.endpoint}`, err);
        if (isNotFound(e)) return { id: "", props: {} as DeployedModelOutputs };
        throw e;
      }
      const found = endpoint.deployedModels?.find((d) => d.id === props!.deployedModelId);
      if (!found) return { id: "", props: {} as DeployedModelOutputs };
      return {
        id,
        props: {
          ...props!,
          minReplicaCount: found.dedicatedResources?.minReplicaCount ?? props!.minReplicaCount,
          maxReplicaCount: found.dedicatedResources?.maxReplicaCount ?? props!.maxReplicaCount,
        },
      };
    } finally {
      await client.close();
    }
  },

  /** Replica bounds change in place (MutateDeployedModel); everything else replaces. */
  async update(_id, olds, news) {
    if (olds.minReplicaCount !== news.minReplicaCount || olds.maxReplicaCount !== news.maxReplicaCount) {
      const client = await endpointClient(news);
      try {
        const polling = operationPolling(news.pollIntervalSeconds ?? 15, news.timeoutMinutes ?? 90);
        await awaitOperation(`MutateDeployedModel ${news.endpoint}`, () =>
          client.mutateDeployedModel(
            {
              endpoint: news.endpoint,
              deployedModel: { id: olds.deployedModelId, model: news.model, dedicatedResources: dedicatedResources(news) },
              updateMask: { paths: ["dedicated_resources.min_replica_count", "dedicated_resources.max_replica_count"] },
            },
            polling,
          ),
        );
      } finally {
        await client.close();
      }
    }
    return { outs: { ...news, deployedModelId: olds.deployedModelId } };
  },

  async delete(_id, props) {
    const client = await endpointClient(props);
    try {
      const polling = operationPolling(props.pollIntervalSeconds ?? 15, props.timeoutMinutes ?? 90);
      await awaitOperation(`UndeployModel ${props.endpoint}`, () => client.undeployModel({ endpoint: props.endpoint, deployedModelId: props.deployedModelId }, polling));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    } finally {
      await client.close();
    }
  },
};

export type VertexDeployedModelArgs = { readonly [K in keyof DeployedModelInputs]: pulumi.Input<DeployedModelInputs[K]> };

/** Registers as `pulumi-nodejs:dynamic/vertex:DeployedModel`. */
export class VertexDeployedModel extends pulumi.dynamic.Resource {
  declare readonly deployedModelId: pulumi.Output<string>;
  declare readonly endpoint: pulumi.Output<string>;

  constructor(name: string, args: VertexDeployedModelArgs, opts?: pulumi.CustomResourceOptions) {
    super(deployedModelProvider, name, { ...args, deployedModelId: undefined }, opts, DYNAMIC_RESOURCES.vertexDeployedModel.module, DYNAMIC_RESOURCES.vertexDeployedModel.name);
  }
}
