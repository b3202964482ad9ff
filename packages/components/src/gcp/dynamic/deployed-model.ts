import * as pulumi from "@pulumi/pulumi";
import { changedKeys, isNotFound, vertexClient, waitForOperation, type Operation } from "./rest";

/**
 * A model deployed to a Vertex AI endpoint on dedicated machines. `@pulumi/gcp` creates endpoints
 * (with CMEK, private networking and request-response logging) but not deployments of a registry
 * model onto them, so this drives the documented REST methods:
 *   create  POST …/v1/{endpoint}:deployModel          (long-running operation, awaited)
 *   update  POST …/v1/{endpoint}:mutateDeployedModel  (replica bounds, in place)
 *   read    GET  …/v1/{endpoint}                      (the deployed model in `deployedModels`)
 *   delete  POST …/v1/{endpoint}:undeployModel        (awaited, so the endpoint can go next)
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

/** The DeployModelRequest body: the new deployment takes all of the endpoint's traffic. */
export function deployModelBody(i: DeployedModelInputs): Record<string, unknown> {
  return {
    deployedModel: {
      model: i.model,
      displayName: i.displayName,
      dedicatedResources: {
        machineSpec: {
          machineType: i.machineType,
          ...(i.acceleratorType ? { acceleratorType: i.acceleratorType, acceleratorCount: i.acceleratorCount ?? 1 } : {}),
        },
        minReplicaCount: i.minReplicaCount,
        maxReplicaCount: i.maxReplicaCount,
      },
      ...(i.serviceAccount ? { serviceAccount: i.serviceAccount } : {}),
      ...(i.enableAccessLogging !== undefined ? { enableAccessLogging: i.enableAccessLogging } : {}),
    },
    // "0" stands for the model being deployed by this request.
    trafficSplit: { "0": 100 },
  };
}

interface EndpointResource {
  readonly deployedModels?: readonly {
    readonly id: string;
    readonly model?: string;
    readonly dedicatedResources?: { readonly minReplicaCount?: number; readonly maxReplicaCount?: number };
  }[];
}

/** The provider Pulumi serializes into the state; every method stands alone (see rest.ts). */
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
    const client = vertexClient(inputs);
    const op = await client.call<Operation>("POST", `${inputs.endpoint}:deployModel`, deployModelBody(inputs));
    const done = await waitForOperation(client, op, inputs.pollIntervalSeconds ?? 15, inputs.timeoutMinutes ?? 90);
    const deployed = (done.response as { deployedModel?: { id?: string } } | undefined)?.deployedModel;
    if (!deployed?.id) throw new Error(`deployModel on ${inputs.endpoint} finished without a deployed model id`);
    return { id: `${inputs.endpoint}/deployedModels/${deployed.id}`, outs: { ...inputs, deployedModelId: deployed.id } };
  },

  async read(id, props) {
    const client = vertexClient(props!);
    let endpoint: EndpointResource;
    try {
      endpoint = await client.call<EndpointResource>("GET", props!.endpoint);
    } catch (err) {
      if (isNotFound(err)) return { id: "", props: {} as DeployedModelOutputs };
      throw err;
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
  },

  /** Replica bounds change in place (mutateDeployedModel); everything else replaces. */
  async update(_id, olds, news) {
    if (olds.minReplicaCount !== news.minReplicaCount || olds.maxReplicaCount !== news.maxReplicaCount) {
      const client = vertexClient(news);
      const op = await client.call<Operation>("POST", `${news.endpoint}:mutateDeployedModel`, {
        deployedModel: {
          id: olds.deployedModelId,
          model: news.model,
          dedicatedResources: {
            machineSpec: { machineType: news.machineType, ...(news.acceleratorType ? { acceleratorType: news.acceleratorType, acceleratorCount: news.acceleratorCount ?? 1 } : {}) },
            minReplicaCount: news.minReplicaCount,
            maxReplicaCount: news.maxReplicaCount,
          },
        },
        updateMask: "dedicatedResources.minReplicaCount,dedicatedResources.maxReplicaCount",
      });
      await waitForOperation(client, op, news.pollIntervalSeconds ?? 15, news.timeoutMinutes ?? 90);
    }
    return { outs: { ...news, deployedModelId: olds.deployedModelId } };
  },

  async delete(_id, props) {
    const client = vertexClient(props);
    let op: Operation;
    try {
      op = await client.call<Operation>("POST", `${props.endpoint}:undeployModel`, { deployedModelId: props.deployedModelId });
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    await waitForOperation(client, op, props.pollIntervalSeconds ?? 15, props.timeoutMinutes ?? 90);
  },
};

export type VertexDeployedModelArgs = { readonly [K in keyof DeployedModelInputs]: pulumi.Input<DeployedModelInputs[K]> };

/** Registers as `pulumi-nodejs:dynamic/vertex:DeployedModel`. */
export class VertexDeployedModel extends pulumi.dynamic.Resource {
  declare readonly deployedModelId: pulumi.Output<string>;
  declare readonly endpoint: pulumi.Output<string>;

  constructor(name: string, args: VertexDeployedModelArgs, opts?: pulumi.CustomResourceOptions) {
    super(deployedModelProvider, name, { ...args, deployedModelId: undefined }, opts, "vertex", "DeployedModel");
  }
}
