// @ts-nocheck
// Every GCP guardrail: a violating and a passing program of real @pulumi/gcp resources under mocks.
import { describe, it } from "vitest";
import { Disk } from "@pulumi/gcp/compute";
import { FunctionIamMember } from "@pulumi/gcp/cloudfunctions";
import { FunctionIamBinding as FunctionV2IamBinding } from "@pulumi/gcp/cloudfunctionsv2";
import { IamMember as RunIamMember } from "@pulumi/gcp/cloudrun";
import { Service as RunV2Service, ServiceIamMember, ServiceIamPolicy } from "@pulumi/gcp/cloudrunv2";
import { Instance as NotebooksInstance, Runtime as NotebooksRuntime } from "@pulumi/gcp/notebooks";
import { IAMAuditConfig, Service } from "@pulumi/gcp/projects";
import { Bucket, BucketIAMBinding, BucketIAMMember } from "@pulumi/gcp/storage";
import { V2QueuedResource, V2Vm } from "@pulumi/gcp/tpu";
import {
  AiDataset,
  AiEndpoint,
  AiEvaluationMetric,
  AiFeatureStore,
  AiIndex,
  AiIndexEndpoint,
  AiPersistentResource,
  AiReasoningEngine,
  AiSchedule,
  AiTensorboard,
} from "@pulumi/gcp/vertex";
import { Instance as WorkbenchInstance } from "@pulumi/gcp/workbench";
import { expectPass, expectViolation, type PolicyCase } from "./helpers";

const KEY = "projects/p/locations/us-central1/keyRings/ring/cryptoKeys/key";
const cmek = { encryptionSpec: { kmsKeyName: KEY } };

const tpu = (extra: object) => new V2Vm("tpu", { zone: "us-central1-a", runtimeVersion: "v2-alpha-tpuv5-lite", acceleratorType: "v5litepod-8", ...extra });
const gcs = (extra: object) => new Bucket("data", { location: "US", encryption: { defaultKmsKeyName: KEY }, uniformBucketLevelAccess: true, publicAccessPrevention: "enforced", ...extra });

const DISK_CMEK = { diskEncryption: "CMEK", kmsKey: KEY };
const workbench = (gceSetup: object) => new WorkbenchInstance("wb", { location: "us-central1-a", gceSetup: { machineType: "e2-standard-4", disablePublicIp: true, ...gceSetup } });
const legacyNotebook = (extra: object) => new NotebooksInstance("nb", { location: "us-central1-a", machineType: "e2-standard-4", noPublicIp: true, ...extra });
const runtime = (vm: object) =>
  new NotebooksRuntime("rt", {
    location: "us-central1",
    virtualMachine: { virtualMachineConfig: { machineType: "n1-standard-4", dataDisk: { initializeParams: { diskSizeGb: 100, diskType: "PD_STANDARD" } }, ...vm } },
  });
const runService = (extra: object) => new RunV2Service("api", { location: "us-central1", template: { containers: [{ image: "us-docker.pkg.dev/p/app/chat:1" }] }, ...extra });
const invokerPolicy = (member: string) =>
  JSON.stringify({ bindings: [{ role: "roles/run.invoker", members: [member] }, { role: "roles/run.viewer", members: ["group:ml@example.com"] }] });

const index = (extra: object) =>
  new AiIndex("index", {
    displayName: "docs",
    region: "us-central1",
    indexUpdateMethod: "BATCH_UPDATE",
    metadata: { contentsDeltaUri: "gs://embeddings/docs/", config: { dimensions: 768, approximateNeighborsCount: 150, distanceMeasureType: "DOT_PRODUCT_DISTANCE" } },
    ...extra,
  });
const schedule = (pipelineJob: object) =>
  new AiSchedule("nightly", {
    displayName: "nightly eval",
    location: "us-central1",
    cron: "0 2 * * *",
    maxConcurrentRunCount: "1",
    createPipelineJobRequest: { parent: "projects/p/locations/us-central1", pipelineJob: { displayName: "eval", templateUri: "gs://pipelines/eval.yaml", ...pipelineJob } },
  });

const cases: PolicyCase[] = [
  {
    policy: "gcp-vertex-cmek",
    bad: () => new AiDataset("ds", { displayName: "d", metadataSchemaUri: "gs://s", region: "us-central1" }),
    on: "ds",
    message: /encryptionSpec\.kmsKeyName is not set; the dataset would use a Google-managed key/,
    good: () => new AiDataset("ds", { displayName: "d", metadataSchemaUri: "gs://s", region: "us-central1", ...cmek }),
  },
  {
    policy: "gcp-vertex-cmek",
    bad: () => new AiFeatureStore("fs", { region: "us-central1" }),
    on: "fs",
    message: /the feature store would use a Google-managed key/,
    good: () => new AiFeatureStore("fs", { region: "us-central1", ...cmek }),
  },
  {
    policy: "gcp-vertex-cmek",
    bad: () => new AiPersistentResource("pool", { location: "us-central1", resourcePools: [{ machineSpec: { machineType: "a2-highgpu-8g" }, replicaCount: "1" }] }),
    on: "pool",
    message: /the persistent resource would use a Google-managed key/,
    good: () => new AiPersistentResource("pool", { location: "us-central1", resourcePools: [{ machineSpec: { machineType: "a2-highgpu-8g" }, replicaCount: "1" }], ...cmek }),
  },
  {
    policy: "gcp-vertex-cmek",
    bad: () => new AiTensorboard("tb", { displayName: "t", region: "us-central1" }),
    on: "tb",
    message: /the TensorBoard would use a Google-managed key/,
    good: () => new AiTensorboard("tb", { displayName: "t", region: "us-central1", ...cmek }),
  },
  {
    policy: "gcp-vertex-cmek",
    bad: () => index({}),
    on: "index",
    message: /encryptionSpec\.kmsKeyName is not set; the vector search index \(embeddings\) would use a Google-managed key/,
    good: () => index(cmek),
  },
  {
    policy: "gcp-vertex-cmek",
    bad: () => new AiIndexEndpoint("iep", { displayName: "i", region: "us-central1", network: "projects/123/global/networks/vpc" }),
    on: "iep",
    message: /the index endpoint would use a Google-managed key/,
    good: () => new AiIndexEndpoint("iep", { displayName: "i", region: "us-central1", network: "projects/123/global/networks/vpc", ...cmek }),
  },
  {
    policy: "gcp-vertex-cmek",
    bad: () => new AiReasoningEngine("agent", { displayName: "support agent", region: "us-central1" }),
    on: "agent",
    message: /the reasoning engine \(agent code and sessions\) would use a Google-managed key/,
    good: () => new AiReasoningEngine("agent", { displayName: "support agent", region: "us-central1", ...cmek }),
  },
  {
    policy: "gcp-vertex-cmek",
    bad: () => new AiEvaluationMetric("judge", { displayName: "helpfulness", region: "us-central1", metric: "{}" }),
    on: "judge",
    message: /the evaluation metric would use a Google-managed key/,
    good: () => new AiEvaluationMetric("judge", { displayName: "helpfulness", region: "us-central1", metric: "{}", ...cmek }),
  },
  {
    policy: "gcp-vertex-cmek",
    bad: () => schedule({}),
    on: "nightly",
    message: /createPipelineJobRequest\.pipelineJob\.encryptionSpec\.kmsKeyName is not set/,
    good: () => schedule(cmek),
  },
  {
    policy: "gcp-vertex-private-endpoint",
    // Was a false alarm: publicEndpointEnabled false and no network exposes nothing.
    bad: () => new AiIndexEndpoint("iep", { displayName: "i", region: "us-central1", publicEndpointEnabled: true, ...cmek }),
    on: "iep",
    message: /^publicEndpointEnabled is true; the deployed indexes would be served on a public endpoint$/,
    good: () => new AiIndexEndpoint("iep", { displayName: "i", region: "us-central1", publicEndpointEnabled: false, ...cmek }),
  },
  {
    policy: "gcp-vertex-private-endpoint",
    bad: () => new AiEndpoint("ep", { displayName: "e", location: "us-central1", ...cmek }),
    on: "ep",
    message: /neither a network nor Private Service Connect/,
    good: () => new AiEndpoint("ep", { displayName: "e", location: "us-central1", privateServiceConnectConfig: { enablePrivateServiceConnect: true, projectAllowlists: ["p"] }, ...cmek }),
  },
  {
    policy: "gcp-vertex-private-endpoint",
    bad: () => new AiIndexEndpoint("iep", { displayName: "i", region: "us-central1", publicEndpointEnabled: true }),
    on: "iep",
    message: /publicEndpointEnabled is true/,
    good: () => new AiIndexEndpoint("iep", { displayName: "i", region: "us-central1", network: "projects/123/global/networks/vpc" }),
  },
  {
    policy: "gcp-workbench-no-public-ip",
    bad: () => new WorkbenchInstance("wb", { location: "us-central1-a", gceSetup: { machineType: "e2-standard-4" } }),
    on: "wb",
    message: /gceSetup\.disablePublicIp is not set \(the instance gets an external IP\); expected true/,
    good: () => new WorkbenchInstance("wb", { location: "us-central1-a", gceSetup: { machineType: "e2-standard-4", disablePublicIp: true } }),
  },
  {
    policy: "gcp-workbench-no-public-ip",
    bad: () => new NotebooksInstance("nb", { location: "us-central1-a", machineType: "e2-standard-4", noPublicIp: false }),
    on: "nb",
    message: /noPublicIp is false; expected true/,
    good: () => new NotebooksInstance("nb", { location: "us-central1-a", machineType: "e2-standard-4", noPublicIp: true }),
  },
  {
    policy: "gcp-workbench-no-public-ip",
    bad: () => runtime({}),
    on: "rt",
    message: /^virtualMachine\.virtualMachineConfig\.internalIpOnly is not set \(the runtime gets an external IP\); expected true$/,
    good: () => runtime({ internalIpOnly: true }),
  },
  {
    policy: "gcp-workbench-no-root-access",
    bad: () => workbench({ metadata: { "idle-timeout-seconds": "3600" } }),
    on: "wb",
    message: /^gceSetup\.metadata\["notebook-disable-root"\] is not set \(users get sudo\); expected "true"$/,
    good: () => workbench({ metadata: { "notebook-disable-root": "true" } }),
  },
  {
    policy: "gcp-workbench-no-root-access",
    bad: () => legacyNotebook({ metadata: { "notebook-disable-root": "false" } }),
    on: "nb",
    message: /^metadata\["notebook-disable-root"\] is "false" \(users get sudo\); expected "true"$/,
    good: () => legacyNotebook({ metadata: { "notebook-disable-root": "true" } }),
  },
  {
    policy: "gcp-workbench-no-file-downloads",
    bad: () => workbench({ metadata: { "notebook-disable-root": "true" } }),
    on: "wb",
    message: /^gceSetup\.metadata\["notebook-disable-downloads"\] is not set \(JupyterLab lets users download files\); expected "true"$/,
    good: () => workbench({ metadata: { "notebook-disable-root": "true", "notebook-disable-downloads": "true" } }),
    level: "advisory",
  },
  {
    policy: "gcp-workbench-no-file-downloads",
    bad: () => legacyNotebook({}),
    on: "nb",
    message: /^metadata\["notebook-disable-downloads"\] is not set/,
    good: () => legacyNotebook({ metadata: { "notebook-disable-downloads": "TRUE" } }),
    level: "advisory",
  },
  {
    policy: "gcp-workbench-cmek",
    bad: () => workbench({ bootDisk: DISK_CMEK }),
    on: "wb",
    message: /^gceSetup\.dataDisks is not set; the default data disk would use a Google-managed key$/,
    good: () => workbench({ bootDisk: DISK_CMEK, dataDisks: DISK_CMEK }),
  },
  {
    policy: "gcp-workbench-cmek",
    bad: () => workbench({ dataDisks: DISK_CMEK, bootDisk: { diskEncryption: "GMEK" } }),
    on: "wb",
    message: /^gceSetup\.bootDisk\.diskEncryption is "GMEK"; expected "CMEK"$/,
    good: () => workbench({ bootDisk: DISK_CMEK, dataDisks: DISK_CMEK }),
  },
  {
    policy: "gcp-workbench-cmek",
    bad: () => legacyNotebook({ kmsKey: KEY }),
    on: "nb",
    message: /^diskEncryption is not set \(GMEK\); expected "CMEK"$/,
    good: () => legacyNotebook(DISK_CMEK),
  },
  {
    policy: "gcp-workbench-cmek",
    bad: () => runtime({ internalIpOnly: true }),
    on: "rt",
    message: /encryptionConfig\.kmsKey is not set/,
    good: () => runtime({ internalIpOnly: true, encryptionConfig: { kmsKey: KEY } }),
  },
  {
    policy: "gcp-workbench-shielded-vm",
    bad: () => legacyNotebook({ shieldedInstanceConfig: { enableVtpm: false, enableIntegrityMonitoring: false } }),
    on: "nb",
    message: /^shieldedInstanceConfig\.enableVtpm is false; expected true \(the default\)$/,
    good: () => legacyNotebook({ shieldedInstanceConfig: { enableSecureBoot: true } }),
  },
  {
    policy: "gcp-workbench-shielded-vm",
    bad: () => legacyNotebook({ shieldedInstanceConfig: { enableIntegrityMonitoring: false } }),
    on: "nb",
    message: /^shieldedInstanceConfig\.enableIntegrityMonitoring is false/,
    good: () => legacyNotebook({}),
  },
  {
    policy: "gcp-workbench-shielded-vm",
    bad: () => workbench({ shieldedInstanceConfig: { enableVtpm: false } }),
    on: "wb",
    message: /^gceSetup\.shieldedInstanceConfig\.enableVtpm is false/,
    good: () => workbench({ shieldedInstanceConfig: { enableVtpm: true, enableIntegrityMonitoring: true, enableSecureBoot: true } }),
  },
  {
    policy: "gcp-cloud-run-functions-not-public",
    bad: () => new ServiceIamMember("invoker", { location: "us-central1", name: "api", role: "roles/run.invoker", member: "allUsers" }),
    on: "invoker",
    message: /^grants roles\/run\.invoker to allUsers; anyone could invoke it$/,
    good: () => new ServiceIamMember("invoker", { location: "us-central1", name: "api", role: "roles/run.invoker", member: "serviceAccount:frontend@p.iam.gserviceaccount.com" }),
  },
  {
    policy: "gcp-cloud-run-functions-not-public",
    bad: () => new RunIamMember("invoker", { location: "us-central1", service: "api", role: "roles/run.invoker", member: "allAuthenticatedUsers" }),
    on: "invoker",
    message: /grants roles\/run\.invoker to allAuthenticatedUsers/,
    good: () => new RunIamMember("invoker", { location: "us-central1", service: "api", role: "roles/run.invoker", member: "group:ml@example.com" }),
  },
  {
    policy: "gcp-cloud-run-functions-not-public",
    bad: () => new ServiceIamPolicy("policy", { location: "us-central1", name: "api", policyData: invokerPolicy("allUsers") }),
    on: "policy",
    message: /^policyData grants roles\/run\.invoker to allUsers/,
    good: () => new ServiceIamPolicy("policy", { location: "us-central1", name: "api", policyData: invokerPolicy("serviceAccount:frontend@p.iam.gserviceaccount.com") }),
  },
  {
    policy: "gcp-cloud-run-functions-not-public",
    bad: () => runService({ invokerIamDisabled: true }),
    on: "api",
    message: /^invokerIamDisabled is true/,
    good: () => runService({}),
  },
  {
    policy: "gcp-cloud-run-functions-not-public",
    bad: () => new FunctionIamMember("fn-invoker", { cloudFunction: "webhook", region: "us-central1", role: "roles/cloudfunctions.invoker", member: "allUsers" }),
    on: "fn-invoker",
    message: /grants roles\/cloudfunctions\.invoker to allUsers/,
    good: () => new FunctionIamMember("fn-invoker", { cloudFunction: "webhook", region: "us-central1", role: "roles/cloudfunctions.invoker", member: "serviceAccount:bot@p.iam.gserviceaccount.com" }),
  },
  {
    policy: "gcp-cloud-run-functions-not-public",
    bad: () => new FunctionV2IamBinding("fn2-invokers", { cloudFunction: "webhook", location: "us-central1", role: "roles/cloudfunctions.invoker", members: ["group:ml@example.com", "allUsers"] }),
    on: "fn2-invokers",
    message: /grants roles\/cloudfunctions\.invoker to allUsers/,
    good: () => new FunctionV2IamBinding("fn2-invokers", { cloudFunction: "webhook", location: "us-central1", role: "roles/cloudfunctions.invoker", members: ["group:ml@example.com"] }),
  },
  {
    policy: "gcp-aiplatform-data-access-logs",
    bad: () => {
      new Service("aiplatform", { service: "aiplatform.googleapis.com" });
      new IAMAuditConfig("audit", { project: "p", service: "aiplatform.googleapis.com", auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }] });
    },
    on: "audit",
    message: /the audit config for aiplatform\.googleapis\.com leaves out DATA_WRITE/,
    good: () => {
      new Service("aiplatform", { service: "aiplatform.googleapis.com" });
      new IAMAuditConfig("audit", { project: "p", service: "aiplatform.googleapis.com", auditLogConfigs: [{ logType: "DATA_READ" }, { logType: "DATA_WRITE" }] });
    },
  },
  {
    policy: "gcp-aiplatform-data-access-logs",
    bad: () => new AiDataset("ds", { displayName: "d", metadataSchemaUri: "gs://s", region: "us-central1", ...cmek }),
    on: "ds",
    message: /uses Vertex AI but turns on no Data Access audit logs/,
    good: () => {
      new AiDataset("ds", { displayName: "d", metadataSchemaUri: "gs://s", region: "us-central1", ...cmek });
      new IAMAuditConfig("audit", { project: "p", service: "allServices", auditLogConfigs: [{ logType: "DATA_READ" }, { logType: "DATA_WRITE" }] });
    },
  },
  {
    policy: "gcp-tpu-no-external-ip",
    bad: () => tpu({ networkConfig: { enableExternalIps: true } }),
    on: "tpu",
    message: /networkConfig\.enableExternalIps is true/,
    good: () => tpu({ networkConfig: { enableExternalIps: false, network: "vpc", subnetwork: "private" } }),
  },
  {
    // networkConfigs (one per network interface): one interface with an external IP is enough.
    policy: "gcp-tpu-no-external-ip",
    bad: () => tpu({ networkConfigs: [{ network: "vpc", subnetwork: "private", enableExternalIps: false }, { network: "vpc2", subnetwork: "edge", enableExternalIps: true }] }),
    on: "tpu",
    message: /^networkConfig\.enableExternalIps is true$/,
    good: () => tpu({ networkConfigs: [{ network: "vpc", subnetwork: "private", enableExternalIps: false }, { network: "vpc2", subnetwork: "edge" }] }),
  },
  {
    policy: "gcp-tpu-no-external-ip",
    bad: () =>
      new V2QueuedResource("queued", {
        zone: "us-central1-a",
        tpu: { nodeSpecs: [{ parent: "projects/p/locations/us-central1-a", node: { runtimeVersion: "v2", networkConfig: { enableExternalIps: true } } }] },
      }),
    on: "queued",
    message: /tpu\.nodeSpecs\[0\]\.node\.networkConfig\.enableExternalIps is true/,
    good: () =>
      new V2QueuedResource("queued", {
        zone: "us-central1-a",
        tpu: { nodeSpecs: [{ parent: "projects/p/locations/us-central1-a", node: { runtimeVersion: "v2", networkConfig: { enableExternalIps: false } } }] },
      }),
  },
  {
    policy: "gcp-tpu-vm-cmek",
    bad: () => {
      const d = new Disk("scratch", { zone: "us-central1-a", size: 100 });
      tpu({ dataDisks: [{ sourceDisk: d.id }] });
    },
    on: "scratch",
    message: /data disk scratch has no diskEncryptionKey\.kmsKeySelfLink/,
    good: () => {
      const d = new Disk("scratch", { zone: "us-central1-a", size: 100, diskEncryptionKey: { kmsKeySelfLink: KEY } });
      tpu({ dataDisks: [{ sourceDisk: d.id }] });
    },
  },
  {
    policy: "gcp-storage-bucket-cmek",
    bad: () => gcs({ encryption: undefined }),
    on: "data",
    message: /encryption\.defaultKmsKeyName is not set/,
    good: () => gcs({}),
  },
  {
    policy: "gcp-storage-bucket-uniform-access",
    bad: () => gcs({ uniformBucketLevelAccess: false }),
    on: "data",
    message: /uniformBucketLevelAccess is false; expected true/,
    good: () => gcs({}),
  },
  {
    policy: "gcp-storage-bucket-not-public",
    bad: () => gcs({ publicAccessPrevention: "inherited" }),
    on: "data",
    message: /publicAccessPrevention is "inherited"; expected "enforced"/,
    good: () => gcs({}),
  },
  {
    policy: "gcp-storage-bucket-not-public",
    bad: () => new BucketIAMMember("reader", { bucket: "data", role: "roles/storage.objectViewer", member: "allUsers" }),
    on: "reader",
    message: /grants roles\/storage\.objectViewer to allUsers/,
    good: () => new BucketIAMMember("reader", { bucket: "data", role: "roles/storage.objectViewer", member: "serviceAccount:app@p.iam.gserviceaccount.com" }),
  },
  {
    policy: "gcp-storage-bucket-not-public",
    bad: () => new BucketIAMBinding("readers", { bucket: "data", role: "roles/storage.objectViewer", members: ["group:ml@example.com", "allAuthenticatedUsers"] }),
    on: "readers",
    message: /grants roles\/storage\.objectViewer to allAuthenticatedUsers/,
    good: () => new BucketIAMBinding("readers", { bucket: "data", role: "roles/storage.objectViewer", members: ["group:ml@example.com"] }),
  },
];

describe("GCP guardrails", () => {
  for (const c of cases) {
    it(`${c.policy} flags: ${c.message.source}`, () => expectViolation(c));
    it(`${c.policy} passes the fixed program (${c.message.source})`, () => expectPass(c));
  }
});
