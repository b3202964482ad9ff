// @ts-nocheck
import { describe, expect, it } from "vitest";
import { GcpBuildTrack, TRAINING_PROJECT_ROLES, type GcpBuildTrackArgs } from "@aitracks/components";
import { previewInline, shortHash } from "@aitracks/preview";
import { ofType, one } from "../helpers/graph";
import { attempt, byName, expectStandardLabels, gcpTags, keyGrantUrns, keyName, PROJECT, PROJECT_NUMBER, projectRolesOf } from "./gcp-helpers";

const tags = gcpTags("build");
const build = (args: Omit<GcpBuildTrackArgs, "tags">) => previewInline({ program: () => new GcpBuildTrack("pretrain", { ...args, tags }) });
const trainer = `serviceAccount:at-pretrain-trainer@${PROJECT}.iam.gserviceaccount.com`;

describe("build on GCP: a single-host TPU v5e slice", async () => {
  const graph = await build({ region: "us-central1", tpu: { type: "tpu-v5e", chips: 8, zone: "us-central1-a" } });
  const key = keyName(graph);

  it("creates a TPU VM with the slice's accelerator type, no external IP and the training account", () => {
    expect(ofType(graph, "gcp:tpu/v2QueuedResource:V2QueuedResource")).toHaveLength(0);
    const vm = one(graph, "gcp:tpu/v2Vm:V2Vm").inputs as any;
    expect(vm.acceleratorType).toBe("v5litepod-8");
    expect(vm.runtimeVersion).toBe("v2-alpha-tpuv5-lite");
    expect(vm.zone).toBe("us-central1-a");
    expect(vm.networkConfig).toMatchObject({ enableExternalIps: false, canIpForward: false });
    expect(vm.networkConfig.network).toBe(byName(graph, "pretrain-vpc").id);
    expect(vm.networkConfig.subnetwork).toBe(byName(graph, "pretrain-subnet").id);
    expect(vm.serviceAccount.email).toBe(trainer.replace("serviceAccount:", ""));
    expect(vm.shieldedInstanceConfig).toEqual({ enableSecureBoot: true });
    expect(vm.schedulingConfig).toEqual({ spot: false });
  });

  it("keeps data and checkpoints in CMEK buckets that are private, uniform-access and versioned", () => {
    const buckets = ofType(graph, "gcp:storage/bucket:Bucket");
    expect(buckets.map((b) => b.name).sort()).toEqual(["pretrain-checkpoints", "pretrain-data"]);
    for (const b of buckets) {
      expect(b.inputs).toMatchObject({
        location: "US-CENTRAL1",
        uniformBucketLevelAccess: true,
        publicAccessPrevention: "enforced",
        versioning: { enabled: true },
        encryption: { defaultKmsKeyName: key },
        forceDestroy: false,
      });
      // The Cloud Storage agent holds the key first.
      expect(b.dependencies).toEqual(expect.arrayContaining(keyGrantUrns(graph)));
    }
    const storageAgent = byName(graph, "pretrain-key-storage").inputs.member;
    expect(storageAgent).toBe(`serviceAccount:service-${PROJECT_NUMBER}@gs-project-accounts.iam.gserviceaccount.com`);
  });

  it("stores the training image in a CMEK Artifact Registry repository with immutable tags", () => {
    const repo = one(graph, "gcp:artifactregistry/repository:Repository").inputs;
    expect(repo).toMatchObject({ format: "DOCKER", kmsKeyName: key, location: "us-central1", dockerConfig: { immutableTags: true } });
    expect(byName(graph, "pretrain-key-artifactregistry").inputs.member).toBe(`serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-artifactregistry.iam.gserviceaccount.com`);
  });

  it("gives the training account only its roles: logs, metrics, TensorBoard; data read-only, checkpoints read-write", () => {
    expect(projectRolesOf(graph, trainer)).toEqual([...TRAINING_PROJECT_ROLES].sort());
    expect(byName(graph, "pretrain-trainer-data").inputs).toMatchObject({ role: "roles/storage.objectViewer", member: trainer });
    expect(byName(graph, "pretrain-trainer-checkpoints").inputs).toMatchObject({ role: "roles/storage.objectUser", member: trainer });
    expect(byName(graph, "pretrain-trainer-images").inputs).toMatchObject({ role: "roles/artifactregistry.reader", member: trainer });
    for (const r of ofType(graph, "gcp:projects/iAMMember:IAMMember")) expect(r.inputs.role).not.toMatch(/owner|editor|admin/);
  });

  it("puts the slice in a private network: Private Google Access, internal traffic only, no NAT", () => {
    expect(one(graph, "gcp:compute/network:Network").inputs.autoCreateSubnetworks).toBe(false);
    expect(one(graph, "gcp:compute/subnetwork:Subnetwork").inputs).toMatchObject({ ipCidrRange: "10.10.0.0/20", privateIpGoogleAccess: true, region: "us-central1" });
    const firewalls = ofType(graph, "gcp:compute/firewall:Firewall").map((f) => f.inputs as any);
    expect(firewalls.find((f) => f.allows)!.sourceRanges).toEqual(["10.10.0.0/20"]);
    expect(firewalls.find((f) => f.denies)).toMatchObject({ sourceRanges: ["0.0.0.0/0"], denies: [{ protocol: "all" }] });
    expect(graph.resources.filter((r) => /routerNat|router:Router|address:Address/.test(r.type))).toHaveLength(0);
  });

  it("tracks experiments in a CMEK TensorBoard", () => {
    expect(one(graph, "gcp:vertex/aiTensorboard:AiTensorboard").inputs).toMatchObject({ region: "us-central1", encryptionSpec: { kmsKeyName: key } });
  });

  it("labels every labelled resource", () => expectStandardLabels(graph, 6));
});

describe("build on GCP: large TPU slices go through queued resources", () => {
  it("queues a 16-chip v5e slice (two hosts), still without external IPs", async () => {
    const graph = await build({ region: "us-central1", tpu: { type: "tpu-v5e", chips: 16 } });
    expect(ofType(graph, "gcp:tpu/v2Vm:V2Vm")).toHaveLength(0);
    const q = one(graph, "gcp:tpu/v2QueuedResource:V2QueuedResource").inputs as any;
    expect(q.zone).toBe("us-central1-a");
    const spec = q.tpu.nodeSpecs[0];
    expect(spec.parent).toBe(`projects/${PROJECT}/locations/us-central1-a`);
    expect(spec.node).toMatchObject({ acceleratorType: "v5litepod-16", runtimeVersion: "v2-alpha-tpuv5-lite", networkConfig: { enableExternalIps: false } });
  });

  it("names v5p slices by TensorCores (two per chip): 8 chips is v5p-16, queued", async () => {
    const graph = await build({ region: "us-east5", tpu: { type: "tpu-v5p", chips: 8, zone: "us-east5-a" } });
    const node = (one(graph, "gcp:tpu/v2QueuedResource:V2QueuedResource").inputs as any).tpu.nodeSpecs[0].node;
    expect(node).toMatchObject({ acceleratorType: "v5p-16", runtimeVersion: "v2-alpha-tpuv5" });
  });

  it("creates a VM for a large slice when told to (provisioning: vm)", async () => {
    const graph = await build({ region: "us-central1", tpu: { type: "tpu-v6e", chips: 32, provisioning: "vm", spot: true } });
    expect((one(graph, "gcp:tpu/v2Vm:V2Vm").inputs as any)).toMatchObject({ acceleratorType: "v6e-32", runtimeVersion: "v2-alpha-tpuv6e", schedulingConfig: { spot: true } });
  });
});

describe("build on GCP: a Vertex AI GPU cluster (persistent resource)", async () => {
  const graph = await build({ region: "us-central1", gpu: { machineType: "a3-highgpu-8g", replicas: 2 } });

  it("reserves the machines with the catalog's GPU type and count, CMEK and a peered private network", () => {
    const cluster = one(graph, "gcp:vertex/aiPersistentResource:AiPersistentResource").inputs as any;
    expect(cluster.resourcePools).toEqual([
      {
        id: "workers",
        machineSpec: { machineType: "a3-highgpu-8g", acceleratorType: "NVIDIA_H100_80GB", acceleratorCount: 8 },
        replicaCount: "2",
        diskSpec: { bootDiskType: "pd-ssd", bootDiskSizeGb: 200 },
      },
    ]);
    expect(cluster.encryptionSpec).toEqual({ kmsKeyName: keyName(graph) });
    expect(cluster.network).toBe(`projects/${PROJECT_NUMBER}/global/networks/${byName(graph, "pretrain-vpc").id!.split("/").pop()}`);
    // The reserved range, by the name the (mock) cloud gave it.
    expect(cluster.reservedIpRanges).toEqual([`pretrain-psa-range-${shortHash("gcp:compute/globalAddress:GlobalAddress::pretrain-psa-range")}`]);
    expect(cluster.resourceRuntimeSpec).toEqual({ serviceAccountSpec: { enableCustomServiceAccount: true } });
    const peering = one(graph, "gcp:servicenetworking/connection:Connection").inputs as any;
    expect(peering.service).toBe("servicenetworking.googleapis.com");
    expect(one(graph, "gcp:compute/globalAddress:GlobalAddress").inputs).toMatchObject({ purpose: "VPC_PEERING", addressType: "INTERNAL", prefixLength: 16 });
    expect(ofType(graph, "gcp:tpu/v2Vm:V2Vm")).toHaveLength(0);
  });
});

describe("build on GCP: bad settings stop before anything is registered", () => {
  const bad = (args: Omit<GcpBuildTrackArgs, "tags">) => attempt(() => new GcpBuildTrack("pretrain", { ...args, tags }));

  it("names an unknown TPU generation, with the closest ones", async () => {
    expect(await bad({ region: "us-central1", tpu: { type: "tpu-v5", chips: 8 } })).toMatch(/^tpu\.type: unknown gcp SKU "tpu-v5" in the price catalog; did you mean tpu-v5e, tpu-v5p.* \(0\)$/);
  });

  it("refuses a region where the catalog does not offer the accelerator", async () => {
    expect(await bad({ region: "asia-southeast1", tpu: { type: "tpu-v5p", chips: 8 } })).toBe(
      "tpu.type: tpu-v5p is not offered in asia-southeast1; the price catalog has it in us-east5, us-central1, europe-west4 (0)",
    );
    expect(await bad({ region: "us-west1", gpu: { machineType: "a3-highgpu-8g" } })).toBe(
      "gpu.machineType: a3-highgpu-8g is not offered in us-west1; the price catalog has it in us-central1, us-east4, europe-west4 (0)",
    );
  });

  it("refuses an unknown accelerator, a mismatched one, and slice sizes the generation does not come in", async () => {
    expect(await bad({ region: "us-central1", gpu: { machineType: "a3-highgpu-8g", acceleratorType: "nvidia-b300" } })).toMatch(
      /^gpu\.acceleratorType: unknown accelerator "nvidia-b300"; the price catalog knows nvidia-a100-40gb, nvidia-a100-80gb, nvidia-h100, nvidia-l4 \(0\)$/,
    );
    expect(await bad({ region: "us-central1", gpu: { machineType: "a3-highgpu-8g", acceleratorCount: 4 } })).toBe("gpu.acceleratorCount: a3-highgpu-8g carries 8 accelerator(s), got 4 (0)");
    expect(await bad({ region: "us-central1", tpu: { type: "tpu-v5e", chips: 12 } })).toBe("tpu.chips: expected 1, 4, 8, 16, 32, 64, 128 or 256 chips for tpu-v5e, got 12 (0)");
    expect(await bad({ region: "us-central1", gpu: { machineType: "n1-standard-4" } })).toBe("gpu.machineType: n1-standard-4 carries no GPU; expected an a2, a3 or g2 machine type (0)");
  });

  it("asks for exactly one of tpu and gpu, and a zone in the region", async () => {
    expect(await bad({ region: "us-central1" })).toBe("tpu: expected exactly one of tpu (a TPU slice) or gpu (a Vertex AI GPU cluster) (0)");
    expect(await bad({ region: "us-central1", tpu: { type: "tpu-v5e", chips: 8, zone: "europe-west4-a" } })).toBe('tpu.zone: expected a zone of us-central1, got "europe-west4-a" (0)');
  });
});
