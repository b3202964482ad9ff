import * as pulumi from "@pulumi/pulumi";
import { ServiceConnectionPolicy } from "@pulumi/gcp/networkconnectivity";
import { AiEndpoint, AiEndpointIamMember, AiEndpointWithModelGardenDeployment } from "@pulumi/gcp/vertex";
import { z } from "zod";
import { issue, parseArgs, regionArg, tagsArg, wholeArg } from "../common/args";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
import { VertexDeployedModel } from "./dynamic/deployed-model";
import {
  accountId,
  cmekKey,
  gcpLabels,
  gcpTrackBase,
  privateNetwork,
  requestLogDataset,
  serviceAccount,
  vertexAuditLogs,
  vertexMachine,
  withDependencies,
  type Cmek,
  type GcpProject,
  type Labels,
  type VertexMachine,
} from "./shared";

const CIDR = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;
const replicas = z.number({ error: "expected a number of replicas" }).int({ error: "expected a whole number of replicas, at least 1" }).min(1, { error: "expected a whole number of replicas, at least 1" });

/** How a deployment runs and who may reach it; shared by the serving track and fine-tune's deployment. */
export const gcpServingSettings = z.strictObject({
  /** A Vertex AI machine type from the price catalog, e.g. `g2-standard-12` (1 × L4). */
  machineType: z.string({ error: "expected a Vertex AI machine type such as g2-standard-12" }),
  /** The GPU type; must match what the machine type carries. @default the machine's, per the catalog */
  acceleratorType: z.string({ error: "expected a GPU type such as nvidia-l4" }).optional(),
  /** The GPUs per replica; must match the machine type. @default the machine's, per the catalog */
  acceleratorCount: wholeArg(1).optional(),
  /** Replicas always running. @default 1 */
  minReplicas: replicas.default(1),
  /** Replicas autoscaling may add up to. @default minReplicas */
  maxReplicas: replicas.optional(),
  /**
   * How clients reach the endpoint: "private-service-connect" (an endpoint in the track's own VPC,
   * created by PSC automation) or "vpc-peering" (the endpoint joins a peered VPC). Never public.
   * @default "private-service-connect"
   */
  access: z.enum(["private-service-connect", "vpc-peering"], { error: "expected private-service-connect or vpc-peering" }).default("private-service-connect"),
  /** The range of the track's subnetwork. @default "10.20.0.0/24" */
  subnetCidr: z.string({ error: "expected an IPv4 range such as 10.20.0.0/24" }).regex(CIDR, { error: "expected an IPv4 range such as 10.20.0.0/24" }).default("10.20.0.0/24"),
  /** Other projects allowed to connect through Private Service Connect. @default [] */
  allowedProjects: z.array(z.string({ error: "expected a project id" }), { error: "expected a list of project ids" }).default([]),
  /** Share of requests and responses logged to the track's CMEK BigQuery dataset (0 turns logging off). @default 0.1 */
  requestLogSamplingRate: z.number({ error: "expected a share from 0 to 1" }).min(0, { error: "expected a share from 0 to 1" }).max(1, { error: "expected a share from 0 to 1" }).default(0.1),
});
export type GcpServingSettings = z.input<typeof gcpServingSettings>;

/**
 * The serving settings with the machine from the catalog and the replica bounds checked; `path`
 * is where they sit (`[]` on the serving track, `["serving"]` inside fine-tune).
 */
export function servingOf(s: z.output<typeof gcpServingSettings>, region: string, ctx: z.RefinementCtx, path: string[] = []) {
  const machine = vertexMachine(path.join("."), s.machineType, region, { acceleratorType: s.acceleratorType, acceleratorCount: s.acceleratorCount });
  const maxReplicas = s.maxReplicas ?? s.minReplicas;
  if (s.minReplicas > maxReplicas) issue(ctx, [...path, "minReplicas"], `expected at most maxReplicas (${maxReplicas}), got ${s.minReplicas}`);
  return { ...s, machine, maxReplicas };
}
export type ResolvedServing = ReturnType<typeof servingOf>;

export interface ServingNetwork {
  readonly network: pulumi.Output<string>;
  readonly pscNetwork?: pulumi.Output<string>;
  readonly peeredNetwork?: pulumi.Output<string>;
  readonly dependsOn: pulumi.Resource[];
}

/**
 * The track's private network for the endpoint: with Private Service Connect, a service connection
 * policy lets Vertex AI create the endpoint's address in the subnetwork; with peering, a range is
 * reserved and peered with Google's producer network.
 */
export function servingNetwork(name: string, project: GcpProject, cfg: ResolvedServing, labels: Labels, opts: pulumi.CustomResourceOptions): ServingNetwork {
  const psc = cfg.access === "private-service-connect";
  const net = privateNetwork(name, project, { cidr: cfg.subnetCidr, labels, ...(psc ? {} : { servicePeeringPrefix: 16 }) }, opts);
  if (psc) {
    const policy = new ServiceConnectionPolicy(
      `${name}-psc-policy`,
      {
        project: project.projectId,
        location: project.region,
        serviceClass: "gcp-vertexai",
        network: net.network.id,
        pscConfig: { subnetworks: [net.subnetwork.id] },
        description: `aitracks ${name}: Vertex AI endpoints get private addresses here`,
        labels,
      },
      opts,
    );
    return { network: net.network.id, pscNetwork: pulumi.interpolate`projects/${project.projectId}/global/networks/${net.network.name}`, dependsOn: [policy] };
  }
  return { network: net.network.id, peeredNetwork: net.vertexNetworkName, dependsOn: [net.peering!] };
}

export interface DedicatedEndpointArgs {
  readonly project: GcpProject;
  readonly labels: Labels;
  readonly cmek: Cmek;
  readonly serving: ResolvedServing;
  /** The Model Registry model to deploy (a tuned model, an uploaded one). */
  readonly model: pulumi.Input<string>;
  readonly apiEndpoint?: string | undefined;
}

export interface DedicatedEndpoint {
  readonly endpoint: AiEndpoint;
  readonly endpointName: pulumi.Output<string>;
  readonly deployment: VertexDeployedModel;
  readonly serviceAccount: pulumi.Output<string>;
}

/**
 * A CMEK-encrypted, private Vertex AI endpoint with request-response logging to a CMEK BigQuery
 * dataset, and a registry model deployed on it on dedicated machines (machine type, GPU type and
 * count from the catalog, replica bounds), running as a service account that may only write logs
 * and metrics.
 */
export function dedicatedEndpoint(name: string, a: DedicatedEndpointArgs, opts: pulumi.CustomResourceOptions): DedicatedEndpoint {
  const { project, labels, cmek, serving: cfg } = a;
  const keyed = withDependencies(opts, cmek.grants);
  const net = servingNetwork(name, project, cfg, labels, opts);
  const logging =
    cfg.requestLogSamplingRate > 0
      ? requestLogDataset(name, project, { cmek, labels, description: `aitracks ${name}: sampled endpoint requests and responses` }, opts)
      : undefined;
  const endpoint = new AiEndpoint(
    `${name}-endpoint`,
    {
      project: project.projectId,
      location: project.region,
      region: project.region,
      displayName: `aitracks ${name}`,
      description: `aitracks ${name}: private, CMEK-encrypted endpoint`,
      encryptionSpec: { kmsKeyName: cmek.id },
      ...(net.pscNetwork
        ? {
            privateServiceConnectConfig: {
              enablePrivateServiceConnect: true,
              projectAllowlists: pulumi.output(project.projectId).apply((p) => [p, ...cfg.allowedProjects]),
              pscAutomationConfigs: [{ projectId: project.projectId, network: net.pscNetwork }],
            },
          }
        : { network: net.peeredNetwork! }),
      ...(logging
        ? {
            predictRequestResponseLoggingConfig: {
              enabled: true,
              samplingRate: cfg.requestLogSamplingRate,
              bigqueryDestination: { outputUri: logging.uri() },
            },
          }
        : {}),
      labels,
    },
    withDependencies(keyed, net.dependsOn),
  );
  const runtime = serviceAccount(
    `${name}-serving`,
    project,
    { accountId: accountId(name, "serving"), displayName: `aitracks ${name} serving`, projectRoles: ["roles/logging.logWriter", "roles/monitoring.metricWriter"] },
    opts,
  );
  const m = cfg.machine;
  const deployment = new VertexDeployedModel(
    `${name}-deployment`,
    {
      project: project.projectId,
      region: project.region,
      ...(a.apiEndpoint ? { apiEndpoint: a.apiEndpoint } : {}),
      endpoint: endpoint.id,
      model: a.model,
      displayName: `aitracks ${name}`,
      machineType: m.machineType,
      ...(m.acceleratorType ? { acceleratorType: m.acceleratorType, acceleratorCount: m.acceleratorCount } : {}),
      minReplicaCount: cfg.minReplicas,
      maxReplicaCount: cfg.maxReplicas,
      serviceAccount: runtime.email,
      enableAccessLogging: true,
    },
    opts,
  );
  return { endpoint, endpointName: endpoint.id, deployment, serviceAccount: runtime.email };
}

const PUBLISHER_MODEL = /^publishers\/[a-z0-9-]+\/models\/[a-z0-9][a-z0-9._-]*(@[a-z0-9._-]+)?$/;
const REGISTRY_MODEL = /^projects\/[^/]+\/locations\/[^/]+\/models\/[^/]+$/;

/** The args of the serving-on-GCP track: every default and rule in one place. */
export const gcpServingTrackArgs = gcpServingSettings
  .extend({
    /** The GCP region of the track (the stack's provider for it points there). */
    region: regionArg,
    tags: tagsArg,
    /** A Model Registry model (`projects/…/locations/…/models/…`): deployed on a CMEK endpoint. */
    model: z.string({ error: "expected a Model Registry model" }).regex(REGISTRY_MODEL, { error: "expected projects/…/locations/…/models/…" }).optional(),
    /** A Model Garden open model (`publishers/google/models/gemma3@gemma-3-12b-it`), deployed the Model Garden way. */
    modelGardenModel: z.string({ error: "expected a Model Garden model" }).regex(PUBLISHER_MODEL, { error: "expected publishers/<publisher>/models/<model>[@version]" }).optional(),
    /** A Hugging Face model (`google/gemma-2-2b-it`), deployed through Model Garden. */
    huggingFaceModel: z.string({ error: "expected a Hugging Face model" }).regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { error: "expected <author>/<model>" }).optional(),
    /** Accept the model's licence (Gemma, Llama …); Model Garden refuses the deployment otherwise. @default false */
    acceptEula: z.boolean({ error: "expected true or false" }).default(false),
    /**
     * Model Garden deployments take no customer-managed key (their API has no encryption field), so
     * they need this explicit opt-out of CMEK. Registry models are always deployed with CMEK. @default false
     */
    googleManagedEncryption: z.boolean({ error: "expected true or false" }).default(false),
    /** Vertex AI API base URL override for the deployment calls. @default the regional endpoint */
    apiEndpoint: z.url({ error: "expected a URL" }).optional(),
  })
  .transform((a, ctx) => {
    const sources = [a.model, a.modelGardenModel, a.huggingFaceModel].filter((s) => s !== undefined);
    if (sources.length !== 1) issue(ctx, ["model"], "expected exactly one of model (a Model Registry model), modelGardenModel or huggingFaceModel");
    const serving = servingOf(a, a.region, ctx);
    const modelGarden = a.model === undefined;
    if (modelGarden && !a.googleManagedEncryption) {
      issue(
        ctx,
        ["googleManagedEncryption"],
        "Model Garden deployments cannot use a customer-managed key; set googleManagedEncryption: true to accept Google-managed encryption, or deploy a Model Registry model with model:",
      );
    }
    if (modelGarden && serving.access !== "private-service-connect") issue(ctx, ["access"], "Model Garden deployments are reachable through Private Service Connect only");
    return {
      region: a.region,
      serving,
      model: a.model,
      modelGardenModel: a.modelGardenModel,
      huggingFaceModel: a.huggingFaceModel,
      modelGarden,
      acceptEula: a.acceptEula,
      googleManagedEncryption: a.googleManagedEncryption,
      apiEndpoint: a.apiEndpoint,
    };
  });
export type GcpServingTrackArgs = z.input<typeof gcpServingTrackArgs>;

/**
 * Serving on GCP: Vertex AI endpoints, private by default. A Model Registry model (a tuned or
 * uploaded one) goes onto a CMEK-encrypted endpoint reached through Private Service Connect (or a
 * peered VPC), with request-response logging to a CMEK BigQuery dataset, deployed on dedicated
 * machines (type, GPU type and count validated against the price catalog, replica bounds) as a
 * least-privilege service account. An open model from Model Garden or Hugging Face is deployed
 * through Model Garden onto a Private Service Connect endpoint.
 */
export class GcpServingTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "serving" as const;
  readonly cloud = "gcp" as const;
  /** The endpoint's resource name (`projects/…/locations/…/endpoints/…`). */
  readonly endpoint: pulumi.Output<string>;
  readonly key?: pulumi.Output<string>;
  readonly outputs: Record<string, pulumi.Input<unknown>>;
  private readonly projectId: pulumi.Output<string>;
  private readonly endpointId: pulumi.Output<string>;
  private readonly region: string;

  constructor(name: string, args: GcpServingTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = parseArgs(gcpServingTrackArgs, args);
    super(trackComponentType("gcp", "serving"), name, trackIdentity("serving", "gcp", cfg.region), opts);
    const labels = gcpLabels(args.tags);
    const { project, after } = gcpTrackBase(name, this, cfg.region, [
      "aiplatform.googleapis.com",
      "compute.googleapis.com",
      "networkconnectivity.googleapis.com",
      "servicenetworking.googleapis.com",
      "cloudkms.googleapis.com",
      "bigquery.googleapis.com",
      "iam.googleapis.com",
    ]);
    this.projectId = project.projectId;
    this.region = cfg.region;
    vertexAuditLogs(name, project, after);
    const m = cfg.serving.machine;

    if (!cfg.modelGarden) {
      const cmek = cmekKey(`${name}-key`, project, { agents: ["aiplatform", "bigquery"], labels }, after);
      this.key = cmek.id;
      const d = dedicatedEndpoint(name, { project, labels, cmek, serving: cfg.serving, model: cfg.model!, apiEndpoint: cfg.apiEndpoint }, after);
      this.endpoint = d.endpointName;
      this.endpointId = d.endpoint.name;
      this.outputs = {
        ...servingOutputs(cfg.region, m, cfg.serving),
        endpoint: d.endpointName,
        deployedModelId: d.deployment.deployedModelId,
        model: cfg.model,
        servingServiceAccount: d.serviceAccount,
        kmsKey: cmek.id,
      };
    } else {
      const net = servingNetwork(name, project, cfg.serving, labels, after);
      const deployment = new AiEndpointWithModelGardenDeployment(
        `${name}-deployment`,
        {
          project: project.projectId,
          location: cfg.region,
          ...(cfg.modelGardenModel ? { publisherModelName: cfg.modelGardenModel } : { huggingFaceModelId: cfg.huggingFaceModel! }),
          modelConfig: { acceptEula: cfg.acceptEula, modelDisplayName: `aitracks ${name}` },
          deployConfig: {
            dedicatedResources: {
              machineSpec: { machineType: m.machineType, ...(m.acceleratorType ? { acceleratorType: m.acceleratorType, acceleratorCount: m.acceleratorCount } : {}) },
              minReplicaCount: cfg.serving.minReplicas,
              maxReplicaCount: cfg.serving.maxReplicas,
            },
          },
          endpointConfig: {
            endpointDisplayName: `aitracks ${name}`,
            privateServiceConnectConfig: {
              enablePrivateServiceConnect: true,
              projectAllowlists: pulumi.output(project.projectId).apply((p) => [p, ...cfg.serving.allowedProjects]),
              pscAutomationConfigs: { projectId: project.projectId, network: net.pscNetwork! },
            },
          },
        },
        withDependencies(after, net.dependsOn),
      );
      this.endpoint = pulumi.interpolate`projects/${project.projectId}/locations/${cfg.region}/endpoints/${deployment.endpoint}`;
      this.endpointId = deployment.endpoint;
      this.outputs = {
        ...servingOutputs(cfg.region, m, cfg.serving),
        endpoint: this.endpoint,
        deployedModelId: deployment.deployedModelId,
        model: cfg.modelGardenModel ?? `hf:${cfg.huggingFaceModel}`,
        encryption: "google-managed (Model Garden deployments take no CMEK)",
      };
    }
    this.registerOutputs(this.outputs);
  }

  /** Let an identity (an application's service account) send predictions to this endpoint only. */
  grantInvoke(name: string, member: pulumi.Input<string>): AiEndpointIamMember {
    return new AiEndpointIamMember(
      name,
      { project: this.projectId, location: this.region, endpoint: this.endpointId, role: "roles/aiplatform.user", member },
      { parent: this },
    );
  }
}

function servingOutputs(region: string, m: VertexMachine, s: ResolvedServing): Record<string, pulumi.Input<unknown>> {
  return {
    region,
    machineType: m.machineType,
    acceleratorType: m.acceleratorType ?? "none",
    acceleratorCount: m.acceleratorCount ?? 0,
    minReplicas: s.minReplicas,
    maxReplicas: s.maxReplicas,
    access: s.access,
  };
}
