// @ts-nocheck
// The Vertex AI and Workbench policies in the forms gcp.test.ts leaves out: each resource kind the
// CMEK policy names, schedules of pipeline or notebook runs, an explicit false against an unset
// flag (different messages), missing parent blocks, and the Data Access logs stack policy's scope
// (which stacks it judges, which audit configs count, its managedElsewhere setting). Each program's
// exact messages are asserted, so a branch that reports too much or too little fails (mutation
// testing found these branches unjudged).
import { describe, expect, it } from "vitest";
import { Instance as NotebooksInstance, Runtime as NotebooksRuntime } from "@pulumi/gcp/notebooks";
import { IAMAuditConfig, Service } from "@pulumi/gcp/projects";
import { Bucket } from "@pulumi/gcp/storage";
import { AiEndpoint, AiFeatureOnlineStore, AiMetadataStore, AiSchedule } from "@pulumi/gcp/vertex";
import { Instance as WorkbenchInstance } from "@pulumi/gcp/workbench";
import { checkBoth, notesOf, urnOf, violationsOf } from "./helpers";

const KEY = "projects/p/locations/us-central1/keyRings/ring/cryptoKeys/key";
const DISK = { diskEncryption: "CMEK", kmsKey: KEY };

/** The policy's violations on a program, as [resource name or "stack", message], sorted. */
async function verdicts(policy: string, program: () => void, policyConfig?: unknown): Promise<string[][]> {
  const { graph, report } = await checkBoth(program, { policyConfig });
  const nameOf = (urn?: string) => (urn ? graph.resources.find((r) => r.urn === urn)!.name : "stack");
  return violationsOf(report, policy)
    .map((v) => [nameOf(v.urn), v.message])
    .sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

describe("gcp-vertex-cmek: every kind it names, and schedules", () => {
  const P = "gcp-vertex-cmek";
  it.each([
    ["endpoint", () => new AiEndpoint("r", { displayName: "e", location: "us-central1" }), () => new AiEndpoint("r", { displayName: "e", location: "us-central1", encryptionSpec: { kmsKeyName: KEY } })],
    ["feature online store", () => new AiFeatureOnlineStore("r", { region: "us-central1", bigtable: { autoScaling: { minNodeCount: 1, maxNodeCount: 2 } } }), () => new AiFeatureOnlineStore("r", { region: "us-central1", bigtable: { autoScaling: { minNodeCount: 1, maxNodeCount: 2 } }, encryptionSpec: { kmsKeyName: KEY } })],
    ["metadata store", () => new AiMetadataStore("r", { region: "us-central1" }), () => new AiMetadataStore("r", { region: "us-central1", encryptionSpec: { kmsKeyName: KEY } })],
  ])("a %s without a key is reported by its name; with one it passes", async (what, bad, good) => {
    expect(await verdicts(P, bad)).toEqual([["r", `encryptionSpec.kmsKeyName is not set; the ${what} would use a Google-managed key`]]);
    expect(await verdicts(P, good)).toEqual([]);
  });

  const schedule = (request: object) =>
    new AiSchedule("nightly", { displayName: "nightly", location: "us-central1", cron: "0 2 * * *", maxConcurrentRunCount: "1", ...request });
  const notebookRun = (extra: object) => ({
    createNotebookExecutionJobRequest: {
      parent: "projects/p/locations/us-central1",
      notebookExecutionJob: { displayName: "nb", gcsOutputUri: "gs://out", executionUser: "a@example.com", ...extra },
    },
  });
  const NOTEBOOK_MESSAGE = "createNotebookExecutionJobRequest.notebookExecutionJob.encryptionSpec.kmsKeyName is not set; the scheduled notebook runs would use a Google-managed key";

  it("a schedule of notebook runs (no pipeline request) is judged on its notebook job's key", async () => {
    expect(await verdicts(P, () => schedule(notebookRun({})))).toEqual([["nightly", NOTEBOOK_MESSAGE]]);
    expect(await verdicts(P, () => schedule(notebookRun({ encryptionSpec: { kmsKeyName: KEY } })))).toEqual([]);
  });

  it("a schedule of pipeline runs with a key passes; both kinds without keys are both reported; neither kind has nothing to encrypt", async () => {
    const pipeline = { createPipelineJobRequest: { parent: "projects/p/locations/us-central1", pipelineJob: { displayName: "eval", templateUri: "gs://p.yaml", encryptionSpec: { kmsKeyName: KEY } } } };
    expect(await verdicts(P, () => schedule(pipeline))).toEqual([]);
    expect(await verdicts(P, () => schedule({ createPipelineJobRequest: { parent: "projects/p/locations/us-central1", pipelineJob: { displayName: "eval", templateUri: "gs://p.yaml" } }, ...notebookRun({}) }))).toEqual([
      ["nightly", NOTEBOOK_MESSAGE],
      ["nightly", "createPipelineJobRequest.pipelineJob.encryptionSpec.kmsKeyName is not set; the scheduled pipeline runs would use a Google-managed key"],
    ]);
    expect(await verdicts(P, () => schedule({}))).toEqual([]);
  });
});

describe("gcp-workbench-no-public-ip: false and unset say different things", () => {
  const P = "gcp-workbench-no-public-ip";
  const wb = (gceSetup?: object) => () => new WorkbenchInstance("wb", { location: "us-central1-a", ...(gceSetup ? { gceSetup } : {}) });

  it("Workbench: explicit false, unset, no gceSetup at all, and an interface with an external IP", async () => {
    expect(await verdicts(P, wb({ machineType: "e2-standard-4", disablePublicIp: false }))).toEqual([["wb", "gceSetup.disablePublicIp is false; expected true"]]);
    expect(await verdicts(P, wb({ machineType: "e2-standard-4" }))).toEqual([["wb", "gceSetup.disablePublicIp is not set (the instance gets an external IP); expected true"]]);
    expect(await verdicts(P, wb())).toEqual([["wb", "gceSetup.disablePublicIp is not set (the instance gets an external IP); expected true"]]);
    const nics = (accessConfigs?: object[]) => [{ network: "vpc", subnet: "private", ...(accessConfigs ? { accessConfigs } : {}) }];
    expect(await verdicts(P, wb({ disablePublicIp: true, networkInterfaces: nics([{ externalIp: "" }]) }))).toEqual([["wb", "a network interface has accessConfigs (an external IP)"]]);
    expect(await verdicts(P, wb({ disablePublicIp: true, networkInterfaces: nics() }))).toEqual([]);
    expect(await verdicts(P, wb({ disablePublicIp: true, networkInterfaces: nics([]) }))).toEqual([]);
  });

  it("user-managed notebooks: noPublicIp false or unset", async () => {
    const nb = (extra: object) => () => new NotebooksInstance("nb", { location: "us-central1-a", machineType: "e2-standard-4", ...extra });
    expect(await verdicts(P, nb({ noPublicIp: false }))).toEqual([["nb", "noPublicIp is false; expected true"]]);
    expect(await verdicts(P, nb({}))).toEqual([["nb", "noPublicIp is not set (the instance gets an external IP); expected true"]]);
    expect(await verdicts(P, nb({ noPublicIp: true }))).toEqual([]);
  });

  it("managed runtimes: internalIpOnly false, unset, or no virtual machine block", async () => {
    const rt = (virtualMachine?: object) => () => new NotebooksRuntime("rt", { location: "us-central1", ...(virtualMachine ? { virtualMachine } : {}) });
    const vm = (extra: object) => ({ virtualMachineConfig: { machineType: "n1-standard-4", dataDisk: {}, ...extra } });
    expect(await verdicts(P, rt(vm({ internalIpOnly: false })))).toEqual([["rt", "virtualMachine.virtualMachineConfig.internalIpOnly is false; expected true"]]);
    const unset = [["rt", "virtualMachine.virtualMachineConfig.internalIpOnly is not set (the runtime gets an external IP); expected true"]];
    expect(await verdicts(P, rt(vm({})))).toEqual(unset);
    expect(await verdicts(P, rt({}))).toEqual(unset);
    expect(await verdicts(P, rt())).toEqual(unset);
    expect(await verdicts(P, rt(vm({ internalIpOnly: true })))).toEqual([]);
  });
});

describe("gcp-workbench-cmek: each disk, each missing block", () => {
  const P = "gcp-workbench-cmek";
  const wb = (gceSetup?: object) => () => new WorkbenchInstance("wb", { location: "us-central1-a", ...(gceSetup ? { gceSetup } : {}) });

  it("Workbench: a CMEK disk without its key, no data disks, no gceSetup", async () => {
    expect(await verdicts(P, wb({ bootDisk: { diskEncryption: "CMEK" }, dataDisks: { diskEncryption: "CMEK" } }))).toEqual([
      ["wb", "gceSetup.bootDisk.kmsKey is not set; the disk would use a Google-managed key"],
      ["wb", "gceSetup.dataDisks.kmsKey is not set; the disk would use a Google-managed key"],
    ]);
    expect(await verdicts(P, wb({ bootDisk: DISK }))).toEqual([["wb", "gceSetup.dataDisks is not set; the default data disk would use a Google-managed key"]]);
    expect(await verdicts(P, wb())).toEqual([
      ["wb", "gceSetup.bootDisk.kmsKey is not set; the disk would use a Google-managed key"],
      ["wb", "gceSetup.dataDisks is not set; the default data disk would use a Google-managed key"],
    ]);
    expect(await verdicts(P, wb({ bootDisk: DISK, dataDisks: DISK }))).toEqual([]);
  });

  it("user-managed notebooks: CMEK without a key is the key's message only", async () => {
    const nb = (extra: object) => () => new NotebooksInstance("nb", { location: "us-central1-a", machineType: "e2-standard-4", noPublicIp: true, ...extra });
    expect(await verdicts(P, nb({ diskEncryption: "CMEK" }))).toEqual([["nb", "kmsKey is not set; the boot and data disks would use a Google-managed key"]]);
    expect(await verdicts(P, nb(DISK))).toEqual([]);
  });

  it("managed runtimes without a virtual machine block have no key", async () => {
    expect(await verdicts(P, () => new NotebooksRuntime("rt", { location: "us-central1" }))).toEqual([
      ["rt", "virtualMachine.virtualMachineConfig.encryptionConfig.kmsKey is not set; the runtime's disks would use a Google-managed key"],
    ]);
    expect(await verdicts(P, () => new NotebooksRuntime("rt", { location: "us-central1", virtualMachine: {} }))).toEqual([
      ["rt", "virtualMachine.virtualMachineConfig.encryptionConfig.kmsKey is not set; the runtime's disks would use a Google-managed key"],
    ]);
  });
});

describe("gcp-workbench-shielded-vm: missing blocks keep the defaults", () => {
  const P = "gcp-workbench-shielded-vm";
  it("a Workbench instance without gceSetup, and a runtime without a virtual machine, pass", async () => {
    expect(await verdicts(P, () => new WorkbenchInstance("wb", { location: "us-central1-a" }))).toEqual([]);
    expect(await verdicts(P, () => new NotebooksRuntime("rt", { location: "us-central1" }))).toEqual([]);
    expect(await verdicts(P, () => new NotebooksRuntime("rt", { location: "us-central1", virtualMachine: {} }))).toEqual([]);
  });

  it("a runtime's shielded config is named by its full path", async () => {
    const rt = () =>
      new NotebooksRuntime("rt", {
        location: "us-central1",
        virtualMachine: { virtualMachineConfig: { machineType: "n1-standard-4", dataDisk: {}, shieldedInstanceConfig: { enableVtpm: false, enableIntegrityMonitoring: false } } },
      });
    expect(await verdicts(P, rt)).toEqual([
      ["rt", "virtualMachine.virtualMachineConfig.shieldedInstanceConfig.enableIntegrityMonitoring is false; expected true (the default)"],
      ["rt", "virtualMachine.virtualMachineConfig.shieldedInstanceConfig.enableVtpm is false; expected true (the default)"],
    ]);
  });
});

describe("gcp-workbench-no-file-downloads on user-managed notebooks", () => {
  it("says what downloads allow", async () => {
    const nb = (metadata?: object) => () => new NotebooksInstance("nb", { location: "us-central1-a", machineType: "e2-standard-4", ...(metadata ? { metadata } : {}) });
    expect(await verdicts("gcp-workbench-no-file-downloads", nb())).toEqual([["nb", 'metadata["notebook-disable-downloads"] is not set (JupyterLab lets users download files); expected "true"']]);
    expect(await verdicts("gcp-workbench-no-file-downloads", nb({ "notebook-disable-downloads": "TRUE" }))).toEqual([]);
  });
});

describe("gcp-aiplatform-data-access-logs: which stacks and which audit configs", () => {
  const P = "gcp-aiplatform-data-access-logs";
  const NONE = "the stack uses Vertex AI but turns on no Data Access audit logs (DATA_READ, DATA_WRITE) for aiplatform.googleapis.com";
  const vertex = () => new Service("aiplatform", { service: "aiplatform.googleapis.com" });
  const audit = (service: string, types: string[]) => new IAMAuditConfig("audit", { project: "p", service, auditLogConfigs: types.map((logType) => ({ logType })) });

  it("a stack without Vertex AI is not judged: other resources, other APIs", async () => {
    const program = () => {
      new Bucket("data", { location: "US" });
      new Service("storage", { service: "storage.googleapis.com" });
    };
    const { report } = await checkBoth(program);
    expect(violationsOf(report, P)).toEqual([]);
    expect(notesOf(report, P).map((n) => [n.urn, n.reason])).toEqual([[undefined, "the stack uses no Vertex AI resources"]]);
  });

  it("enabling the aiplatform API counts as using Vertex AI", async () => {
    const { graph, report } = await checkBoth(() => {
      vertex();
    });
    expect(violationsOf(report, P).map((v) => [v.urn, v.message])).toEqual([[urnOf(graph, "aiplatform"), NONE]]);
  });

  it("an audit config for another service does not count, and is not judged", async () => {
    expect(
      await verdicts(P, () => {
        vertex();
        audit("storage.googleapis.com", []);
      }),
    ).toEqual([["aiplatform", NONE]]);
  });

  it("an audit config with no log types leaves out both", async () => {
    expect(
      await verdicts(P, () => {
        vertex();
        audit("aiplatform.googleapis.com", []);
      }),
    ).toEqual([
      ["aiplatform", NONE],
      ["audit", "the audit config for aiplatform.googleapis.com leaves out DATA_READ and DATA_WRITE"],
    ]);
  });

  it("managedElsewhere: the stack is not judged, with the reason; its schema default is false", async () => {
    const { report } = await checkBoth(vertex, { policyConfig: { [P]: { managedElsewhere: true } } });
    expect(violationsOf(report, P)).toEqual([]);
    expect(notesOf(report, P).map((n) => n.reason)).toEqual(["Data Access logs are managed outside the stack (config managedElsewhere)"]);
    const { aiplatformDataAccessLogs } = await import("../../policies/guardrails/gcp/vertex");
    expect(aiplatformDataAccessLogs.configSchema.properties.managedElsewhere).toMatchObject({ type: "boolean", default: false });
  });
});
