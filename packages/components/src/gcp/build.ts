import * as pulumi from "@pulumi/pulumi";
import { Repository, RepositoryIamMember } from "@pulumi/gcp/artifactregistry";
import { V2QueuedResource, V2Vm } from "@pulumi/gcp/tpu";
import { AiPersistentResource, AiTensorboard } from "@pulumi/gcp/vertex";
import { z } from "zod";
import { issue, parseArgs, regionArg, tagsArg, wholeArg } from "../common/args";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
import {
  accountId,
  cmekKey,
  gcpLabels,
  gcpTrackBase,
  grantBucket,
  privateNetwork,
  secureBucket,
  serviceAccount,
  tpuSlice,
  vertexAuditLogs,
  vertexMachine,
  withDependencies,
} from "./shared";

/** A Cloud TPU slice for training. */
export const gcpTpuArgs = z.strictObject(
  {
    /** The TPU generation, as in the price catalog: `tpu-v5e`, `tpu-v5p` or `tpu-v6e`. */
    type: z.string({ error: "expected a TPU generation such as tpu-v5e" }),
    /** Chips in the slice (v5e/v6e: 1–256 in powers of two from 4; v5p: multiples of 4). */
    chips: z.number({ error: "expected the number of TPU chips" }).int({ error: "expected a whole number of chips" }),
    /** The zone of the slice, in the track's region. @default "<region>-a" */
    zone: z.string({ error: "expected a zone such as us-central1-a" }).optional(),
    /** The TPU software version. @default the generation's current `v2-alpha-*` image */
    runtimeVersion: z.string({ error: "expected a TPU software version" }).optional(),
    /**
     * "vm" (a TPU VM, created at once), "queued" (a queued resource, provisioned when capacity frees
     * up: the way to get large slices) or "auto" (queued for multi-host slices, a VM otherwise).
     * @default "auto"
     */
    provisioning: z.enum(["auto", "vm", "queued"], { error: "expected auto, vm or queued" }).default("auto"),
    /** Spot capacity (cheaper, preemptible). @default false */
    spot: z.boolean({ error: "expected true or false" }).default(false),
  },
  { error: "expected {type, chips, zone?, runtimeVersion?, provisioning?, spot?}" },
);
export type GcpTpuArgs = z.input<typeof gcpTpuArgs>;

/** A Vertex AI persistent resource (a reserved GPU cluster) for distributed training. */
export const gcpGpuArgs = z.strictObject(
  {
    /** A Vertex AI machine type from the price catalog, e.g. `a3-highgpu-8g`. */
    machineType: z.string({ error: "expected a Vertex AI machine type such as a3-highgpu-8g" }),
    /** Must match the machine type's GPU. @default the machine's, per the catalog */
    acceleratorType: z.string({ error: "expected a GPU type such as nvidia-h100" }).optional(),
    /** Must match the machine type's GPU count. @default the machine's, per the catalog */
    acceleratorCount: wholeArg(1).optional(),
    /** Machines in the cluster. @default 1 */
    replicas: z.number({ error: "expected a whole number of machines" }).int({ error: "expected a whole number of machines, at least 1" }).min(1, { error: "expected a whole number of machines, at least 1" }).default(1),
    /** Boot disk per machine (GB). @default 200 */
    bootDiskGb: wholeArg(100, 64_000, "GB").default(200),
  },
  { error: "expected {machineType, acceleratorType?, acceleratorCount?, replicas?, bootDiskGb?}" },
);
export type GcpGpuArgs = z.input<typeof gcpGpuArgs>;

/** The args of the build-on-GCP track: every default and rule in one place. */
export const gcpBuildTrackArgs = z
  .strictObject({
    /** The GCP region of the track (the stack's provider for it points there). */
    region: regionArg,
    tags: tagsArg,
    /** Train on a TPU slice … */
    tpu: gcpTpuArgs.optional(),
    /** … or on a Vertex AI GPU cluster (exactly one of the two). */
    gpu: gcpGpuArgs.optional(),
    /** The private subnetwork's range. @default "10.10.0.0/20" */
    subnetCidr: z
      .string({ error: "expected an IPv4 range such as 10.10.0.0/20" })
      .regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, { error: "expected an IPv4 range such as 10.10.0.0/20" })
      .default("10.10.0.0/20"),
    /** A Vertex AI TensorBoard for experiments. @default true */
    tensorboard: z.boolean({ error: "expected true or false" }).default(true),
    /** Days non-current checkpoint versions are kept. @default 30 */
    checkpointVersionDays: z.number({ error: "expected a number of days" }).int({ error: "expected whole days, at least 1" }).min(1, { error: "expected whole days, at least 1" }).default(30),
  })
  .transform((a, ctx) => {
    if ((a.tpu === undefined) === (a.gpu === undefined)) {
      issue(ctx, ["tpu"], "expected exactly one of tpu (a TPU slice) or gpu (a Vertex AI GPU cluster)");
      return z.NEVER;
    }
    let tpu;
    if (a.tpu) {
      const t = a.tpu;
      const slice = tpuSlice("tpu", t.type, t.chips, a.region);
      const zone = t.zone ?? `${a.region}-a`;
      if (!zone.startsWith(`${a.region}-`)) issue(ctx, ["tpu", "zone"], `expected a zone of ${a.region}, got ${JSON.stringify(zone)}`);
      const queued = t.provisioning === "queued" || (t.provisioning === "auto" && slice.hosts > 1);
      tpu = { ...slice, type: t.type, zone, runtimeVersion: t.runtimeVersion ?? slice.defaultRuntimeVersion, queued, spot: t.spot };
    }
    let gpu;
    if (a.gpu) {
      const g = a.gpu;
      const machine = vertexMachine("gpu", g.machineType, a.region, { acceleratorType: g.acceleratorType, acceleratorCount: g.acceleratorCount });
      if (!machine.acceleratorType) issue(ctx, ["gpu", "machineType"], `${g.machineType} carries no GPU; expected an a2, a3 or g2 machine type`);
      gpu = { machine, replicas: g.replicas, bootDiskGb: g.bootDiskGb };
    }
    return { ...a, tpu, gpu };
  });
export type GcpBuildTrackArgs = z.input<typeof gcpBuildTrackArgs>;

/** What the training workload's identity may do on the project (data access is granted on the buckets). */
export const TRAINING_PROJECT_ROLES = [
  "roles/logging.logWriter",
  "roles/monitoring.metricWriter",
  // Writing TensorBoard time series and experiment runs; no narrower predefined role covers them.
  "roles/aiplatform.user",
] as const;

/**
 * Build on GCP: Vertex AI training on TPUs or GPUs, private and encrypted. A CMEK key; CMEK buckets
 * for training data (read-only to the workload) and checkpoints; an Artifact Registry repository
 * (CMEK, immutable tags) for the training image; a private VPC with Private Google Access and no
 * route to the internet; a TPU slice (a TPU VM, or a queued resource for multi-host slices) or a
 * Vertex AI persistent resource (GPU cluster, CMEK, peered network, custom service account
 * enforced); a CMEK TensorBoard; and a training service account with only the roles it needs.
 * Nothing gets an external IP.
 */
export class GcpBuildTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "build" as const;
  readonly cloud = "gcp" as const;
  readonly key: pulumi.Output<string>;
  readonly trainingServiceAccount: pulumi.Output<string>;
  readonly outputs: Record<string, pulumi.Input<unknown>>;

  constructor(name: string, args: GcpBuildTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = parseArgs(gcpBuildTrackArgs, args);
    super(trackComponentType("gcp", "build"), name, trackIdentity("build", "gcp", cfg.region), opts);
    const labels = gcpLabels(args.tags);
    const { project, after } = gcpTrackBase(name, this, cfg.region, [
      "aiplatform.googleapis.com",
      "compute.googleapis.com",
      "artifactregistry.googleapis.com",
      "cloudkms.googleapis.com",
      "storage.googleapis.com",
      "iam.googleapis.com",
      ...(cfg.tpu ? ["tpu.googleapis.com"] : ["servicenetworking.googleapis.com"]),
    ]);
    vertexAuditLogs(name, project, after);
    const cmek = cmekKey(`${name}-key`, project, { agents: ["storage", "aiplatform", "artifactregistry"], labels }, after);
    this.key = cmek.id;
    const keyed = withDependencies(after, cmek.grants);

    const data = secureBucket(`${name}-data`, project, { cmek, labels }, after);
    const checkpoints = secureBucket(`${name}-checkpoints`, project, { cmek, labels, noncurrentVersionDays: cfg.checkpointVersionDays }, after);
    const images = new Repository(
      `${name}-images`,
      {
        project: project.projectId,
        location: cfg.region,
        repositoryId: `${name}-images`,
        format: "DOCKER",
        description: `aitracks ${name}: training images`,
        kmsKeyName: cmek.id,
        dockerConfig: { immutableTags: true },
        labels,
      },
      keyed,
    );

    const trainer = serviceAccount(
      `${name}-trainer`,
      project,
      { accountId: accountId(name, "trainer"), displayName: `aitracks ${name} training`, projectRoles: [...TRAINING_PROJECT_ROLES] },
      after,
    );
    this.trainingServiceAccount = trainer.email;
    grantBucket(`${name}-trainer-data`, data, "roles/storage.objectViewer", trainer.member, after);
    grantBucket(`${name}-trainer-checkpoints`, checkpoints, "roles/storage.objectUser", trainer.member, after);
    new RepositoryIamMember(
      `${name}-trainer-images`,
      { project: project.projectId, location: cfg.region, repository: images.repositoryId, role: "roles/artifactregistry.reader", member: trainer.member },
      after,
    );

    const net = privateNetwork(name, project, { cidr: cfg.subnetCidr, labels, ...(cfg.gpu ? { servicePeeringPrefix: 16 } : {}) }, after);

    let computeOutputs: Record<string, pulumi.Input<unknown>>;
    if (cfg.tpu) {
      const t = cfg.tpu;
      const networkConfig = { network: net.network.id, subnetwork: net.subnetwork.id, enableExternalIps: false, canIpForward: false };
      if (t.queued) {
        // Queued resources take no service account or labels in @pulumi/gcp: the slice runs as the
        // project's Compute Engine default account until the API grows those fields.
        const queued = new V2QueuedResource(
          `${name}-tpu`,
          {
            project: project.projectId,
            zone: t.zone,
            name: `${name}-tpu`,
            tpu: {
              nodeSpecs: [
                {
                  parent: pulumi.interpolate`projects/${project.projectId}/locations/${t.zone}`,
                  nodeId: `${name}-tpu`,
                  node: { acceleratorType: t.acceleratorType, runtimeVersion: t.runtimeVersion, networkConfig, description: `aitracks ${name}: ${t.chips} ${t.type} chips` },
                },
              ],
            },
          },
          after,
        );
        computeOutputs = { tpuQueuedResource: queued.name, tpuServiceAccount: "compute-engine-default" };
      } else {
        const vm = new V2Vm(
          `${name}-tpu`,
          {
            project: project.projectId,
            zone: t.zone,
            name: `${name}-tpu`,
            description: `aitracks ${name}: ${t.chips} ${t.type} chips`,
            acceleratorType: t.acceleratorType,
            runtimeVersion: t.runtimeVersion,
            networkConfig,
            serviceAccount: { email: trainer.email, scopes: ["https://www.googleapis.com/auth/cloud-platform"] },
            shieldedInstanceConfig: { enableSecureBoot: true },
            schedulingConfig: { spot: t.spot },
            metadata: { "enable-oslogin": "TRUE", "block-project-ssh-keys": "TRUE" },
            labels,
          },
          after,
        );
        computeOutputs = { tpuVm: vm.name, tpuServiceAccount: trainer.email };
      }
      computeOutputs = { ...computeOutputs, tpuType: t.type, tpuAcceleratorType: t.acceleratorType, tpuChips: t.chips, tpuHosts: t.hosts, tpuZone: t.zone };
    } else {
      const g = cfg.gpu!;
      const cluster = new AiPersistentResource(
        `${name}-cluster`,
        {
          project: project.projectId,
          location: cfg.region,
          name: `${name}-cluster`,
          displayName: `aitracks ${name} training cluster`,
          resourcePools: [
            {
              id: "workers",
              machineSpec: { machineType: g.machine.machineType, acceleratorType: g.machine.acceleratorType, acceleratorCount: g.machine.acceleratorCount },
              replicaCount: String(g.replicas),
              diskSpec: { bootDiskType: "pd-ssd", bootDiskSizeGb: g.bootDiskGb },
            },
          ],
          network: net.vertexNetworkName,
          reservedIpRanges: [net.peeringRange!.name],
          encryptionSpec: { kmsKeyName: cmek.id },
          // Jobs on the cluster must name a user-managed account (the trainer), not the default agent.
          resourceRuntimeSpec: { serviceAccountSpec: { enableCustomServiceAccount: true } },
          labels,
        },
        withDependencies(keyed, [net.peering!]),
      );
      computeOutputs = {
        persistentResource: cluster.name,
        machineType: g.machine.machineType,
        acceleratorType: g.machine.acceleratorType,
        acceleratorCount: g.machine.acceleratorCount,
        replicas: g.replicas,
      };
    }

    let tensorboard: AiTensorboard | undefined;
    if (cfg.tensorboard) {
      tensorboard = new AiTensorboard(
        `${name}-tensorboard`,
        { project: project.projectId, region: cfg.region, displayName: `aitracks ${name}`, description: `aitracks ${name}: experiments`, encryptionSpec: { kmsKeyName: cmek.id }, labels },
        keyed,
      );
    }

    this.outputs = {
      region: cfg.region,
      dataBucket: data.url,
      checkpointBucket: checkpoints.url,
      imageRepository: pulumi.interpolate`${cfg.region}-docker.pkg.dev/${project.projectId}/${images.repositoryId}`,
      trainingServiceAccount: trainer.email,
      network: net.network.name,
      ...(tensorboard ? { tensorboard: tensorboard.name } : {}),
      ...computeOutputs,
      kmsKey: cmek.id,
    };
    this.registerOutputs(this.outputs);
  }
}
