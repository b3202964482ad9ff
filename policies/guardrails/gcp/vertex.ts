/**
 * Vertex AI (build, buy, fine-tune, serving and evaluation on GCP): customer-managed encryption
 * keys on every resource that holds data or weights, private endpoints, no public IPs, root access
 * or file downloads on notebooks, and Data Access audit logs for aiplatform.googleapis.com.
 */
import type { ReportViolation, StackValidationPolicy } from "@pulumi/policy";
import { on, validateTypes } from "../../lib/checks";
import { gcp } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { Undecided } from "../../lib/unknown";
import { asArray, isSet, type Json } from "../../lib/values";

const { IamAuditConfig: FolderAuditConfig } = gcp.folder;
const { IamAuditConfig: OrgAuditConfig } = gcp.organizations;
const { IAMAuditConfig, Service } = gcp.projects;
const { Instance: NotebooksInstance, Runtime: NotebooksRuntime } = gcp.notebooks;
const {
  AiDataset,
  AiEndpoint,
  AiEvaluationMetric,
  AiFeatureOnlineStore,
  AiFeatureStore,
  AiIndex,
  AiIndexEndpoint,
  AiMetadataStore,
  AiPersistentResource,
  AiReasoningEngine,
  AiSchedule,
  AiTensorboard,
} = gcp.vertex;
const { Instance: WorkbenchInstance } = gcp.workbench;

const needsCmek = (spec: { kmsKeyName?: string } | undefined, report: ReportViolation, what: string) => {
  if (!isSet(spec?.kmsKeyName)) report(`encryptionSpec.kmsKeyName is not set; the ${what} would use a Google-managed key`);
};

export const vertexCmek: AitracksPolicy = {
  name: "gcp-vertex-cmek",
  description:
    "Vertex AI datasets, endpoints, feature stores, persistent resources, metadata stores, vector search indexes and index endpoints, TensorBoards, Agent Engine (reasoning engines), evaluation metrics and the pipeline and notebook jobs schedules create are encrypted with a customer-managed Cloud KMS key (CMEK).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set encryptionSpec.kmsKeyName to the track's Cloud KMS key (same region), and grant the Vertex AI service agent roles/cloudkms.cryptoKeyEncrypterDecrypter on it.",
  tags: ["gcp", "encryption"],
  validateResource: validateTypes(
    on(AiDataset, (r, _a, report) => needsCmek(r.encryptionSpec, report, "dataset")),
    on(AiEndpoint, (r, _a, report) => needsCmek(r.encryptionSpec, report, "endpoint")),
    on(AiFeatureStore, (r, _a, report) => needsCmek(r.encryptionSpec, report, "feature store")),
    on(AiFeatureOnlineStore, (r, _a, report) => needsCmek(r.encryptionSpec, report, "feature online store")),
    on(AiPersistentResource, (r, _a, report) => needsCmek(r.encryptionSpec, report, "persistent resource")),
    on(AiMetadataStore, (r, _a, report) => needsCmek(r.encryptionSpec, report, "metadata store")),
    on(AiIndexEndpoint, (r, _a, report) => needsCmek(r.encryptionSpec, report, "index endpoint")),
    on(AiTensorboard, (r, _a, report) => needsCmek(r.encryptionSpec, report, "TensorBoard")),
    on(AiIndex, (r, _a, report) => needsCmek(r.encryptionSpec, report, "vector search index (embeddings)")),
    on(AiReasoningEngine, (r, _a, report) => needsCmek(r.encryptionSpec, report, "reasoning engine (agent code and sessions)")),
    on(AiEvaluationMetric, (r, _a, report) => needsCmek(r.encryptionSpec, report, "evaluation metric")),
    on(AiSchedule, (r, _a, report) => {
      const pipeline = r.createPipelineJobRequest?.pipelineJob;
      const notebook = r.createNotebookExecutionJobRequest?.notebookExecutionJob;
      if (pipeline && !isSet(pipeline.encryptionSpec?.kmsKeyName)) {
        report("createPipelineJobRequest.pipelineJob.encryptionSpec.kmsKeyName is not set; the scheduled pipeline runs would use a Google-managed key");
      }
      if (notebook && !isSet(notebook.encryptionSpec?.kmsKeyName)) {
        report("createNotebookExecutionJobRequest.notebookExecutionJob.encryptionSpec.kmsKeyName is not set; the scheduled notebook runs would use a Google-managed key");
      }
    }),
  ),
};

export const vertexPrivateEndpoint: AitracksPolicy = {
  name: "gcp-vertex-private-endpoint",
  description: "Vertex AI endpoints and index endpoints are private: reached through a VPC peering network or Private Service Connect, never a public endpoint.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Give the endpoint a network (projects/<number>/global/networks/<vpc>) or privateServiceConnectConfig {enablePrivateServiceConnect: true, projectAllowlists}; leave publicEndpointEnabled unset or false on index endpoints.",
  tags: ["gcp", "network"],
  validateResource: validateTypes(
    on(AiEndpoint, (r, _a, report) => {
      if (!isSet(r.network) && r.privateServiceConnectConfig?.enablePrivateServiceConnect !== true) {
        report("the endpoint has neither a network nor Private Service Connect; it would be served on a public endpoint");
      }
    }),
    // An index endpoint is reachable only through what it enables: a public endpoint (off unless
    // publicEndpointEnabled), a peered network or Private Service Connect. With none, nothing is exposed.
    on(AiIndexEndpoint, (r, _a, report) => {
      if (r.publicEndpointEnabled === true) report("publicEndpointEnabled is true; the deployed indexes would be served on a public endpoint");
    }),
  ),
};

export const workbenchNoPublicIp: AitracksPolicy = {
  name: "gcp-workbench-no-public-ip",
  description: "Vertex AI Workbench instances, legacy user-managed notebook instances and managed notebook runtimes have no external IP address.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set gceSetup.disablePublicIp: true (workbench), noPublicIp: true (notebooks.Instance) or virtualMachine.virtualMachineConfig.internalIpOnly: true (notebooks.Runtime) and put the instance on a private subnet with Private Google Access.",
  tags: ["gcp", "network"],
  validateResource: validateTypes(
    on(WorkbenchInstance, (r, _a, report) => {
      if (r.gceSetup?.disablePublicIp !== true) report(`gceSetup.disablePublicIp is ${r.gceSetup?.disablePublicIp === false ? "false" : "not set (the instance gets an external IP)"}; expected true`);
      for (const nic of asArray(r.gceSetup?.networkInterfaces as Json)) {
        if (asArray((nic as { accessConfigs?: Json }).accessConfigs).length) report("a network interface has accessConfigs (an external IP)");
      }
    }),
    on(NotebooksInstance, (r, _a, report) => {
      if (r.noPublicIp !== true) report(`noPublicIp is ${r.noPublicIp === false ? "false" : "not set (the instance gets an external IP)"}; expected true`);
    }),
    on(NotebooksRuntime, (r, _a, report) => {
      const v = r.virtualMachine?.virtualMachineConfig?.internalIpOnly;
      if (v !== true) report(`virtualMachine.virtualMachineConfig.internalIpOnly is ${v === false ? "false" : "not set (the runtime gets an external IP)"}; expected true`);
    }),
  ),
};

const diskCmek = (what: string, disk: { diskEncryption?: string; kmsKey?: string } | undefined, report: ReportViolation) => {
  if (disk?.diskEncryption !== undefined && disk.diskEncryption !== "CMEK") report(`${what}.diskEncryption is ${JSON.stringify(disk.diskEncryption)}; expected "CMEK"`);
  else if (!isSet(disk?.kmsKey)) report(`${what}.kmsKey is not set; the disk would use a Google-managed key`);
};

export const workbenchCmek: AitracksPolicy = {
  name: "gcp-workbench-cmek",
  description:
    "Vertex AI Workbench instances (boot and data disks), legacy user-managed notebook instances and managed notebook runtimes encrypt their disks with a customer-managed Cloud KMS key (CMEK).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    'Workbench: set gceSetup.bootDisk and gceSetup.dataDisks to { diskEncryption: "CMEK", kmsKey: <key> }; notebooks.Instance: diskEncryption: "CMEK" and kmsKey; notebooks.Runtime: virtualMachine.virtualMachineConfig.encryptionConfig.kmsKey. Grant the Compute Engine service agent roles/cloudkms.cryptoKeyEncrypterDecrypter on the key.',
  tags: ["gcp", "encryption"],
  validateResource: validateTypes(
    on(WorkbenchInstance, (r, _a, report) => {
      diskCmek("gceSetup.bootDisk", r.gceSetup?.bootDisk, report);
      // Every Workbench instance has a data disk (/home/jupyter); without dataDisks it gets the default one, Google-managed.
      if (!r.gceSetup?.dataDisks) report("gceSetup.dataDisks is not set; the default data disk would use a Google-managed key");
      else diskCmek("gceSetup.dataDisks", r.gceSetup.dataDisks, report);
    }),
    on(NotebooksInstance, (r, _a, report) => {
      if (r.diskEncryption !== "CMEK") report(`diskEncryption is ${r.diskEncryption ? JSON.stringify(r.diskEncryption) : "not set (GMEK)"}; expected "CMEK"`);
      if (!isSet(r.kmsKey)) report("kmsKey is not set; the boot and data disks would use a Google-managed key");
    }),
    on(NotebooksRuntime, (r, _a, report) => {
      if (!isSet(r.virtualMachine?.virtualMachineConfig?.encryptionConfig?.kmsKey)) {
        report("virtualMachine.virtualMachineConfig.encryptionConfig.kmsKey is not set; the runtime's disks would use a Google-managed key");
      }
    }),
  ),
};

const shielded = (what: string, cfg: { enableVtpm?: boolean; enableIntegrityMonitoring?: boolean } | undefined, report: ReportViolation) => {
  // Both are on by default; only an explicit false turns them off.
  if (cfg?.enableVtpm === false) report(`${what}.enableVtpm is false; expected true (the default)`);
  if (cfg?.enableIntegrityMonitoring === false) report(`${what}.enableIntegrityMonitoring is false; expected true (the default)`);
};

export const workbenchShieldedVm: AitracksPolicy = {
  name: "gcp-workbench-shielded-vm",
  description: "Vertex AI Workbench instances, user-managed notebook instances and managed notebook runtimes keep the shielded VM's vTPM and integrity monitoring on.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Remove enableVtpm: false and enableIntegrityMonitoring: false from the shielded instance config (both default to true); consider enableSecureBoot: true.",
  tags: ["gcp", "integrity"],
  validateResource: validateTypes(
    on(WorkbenchInstance, (r, _a, report) => shielded("gceSetup.shieldedInstanceConfig", r.gceSetup?.shieldedInstanceConfig, report)),
    on(NotebooksInstance, (r, _a, report) => shielded("shieldedInstanceConfig", r.shieldedInstanceConfig, report)),
    on(NotebooksRuntime, (r, _a, report) =>
      shielded("virtualMachine.virtualMachineConfig.shieldedInstanceConfig", r.virtualMachine?.virtualMachineConfig?.shieldedInstanceConfig, report),
    ),
  ),
};

/** A Workbench / user-managed notebook metadata flag set to "true" (metadata values are strings). */
const metadataFlag = (metadata: Record<string, Json> | undefined, key: string) => String(metadata?.[key] ?? "").toLowerCase() === "true";

function metadataRequired(metadata: Record<string, Json> | undefined, where: string, key: string, consequence: string, report: ReportViolation): void {
  if (metadataFlag(metadata, key)) return;
  const v = metadata?.[key];
  report(`${where}["${key}"] is ${v === undefined || v === null ? "not set" : JSON.stringify(v)} (${consequence}); expected "true"`);
}

export const workbenchNoRootAccess: AitracksPolicy = {
  name: "gcp-workbench-no-root-access",
  description: "Vertex AI Workbench instances and user-managed notebook instances give their users no root access (sudo), as the organization policy constraint ainotebooks.disableRootAccess asks.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: 'Set the metadata key "notebook-disable-root" to "true" (gceSetup.metadata on a workbench.Instance, metadata on a notebooks.Instance); install packages through a post-startup script or a custom container instead.',
  tags: ["gcp", "identity"],
  validateResource: validateTypes(
    on(WorkbenchInstance, (r, _a, report) => metadataRequired(r.gceSetup?.metadata as Record<string, Json> | undefined, "gceSetup.metadata", "notebook-disable-root", "users get sudo", report)),
    on(NotebooksInstance, (r, _a, report) => metadataRequired(r.metadata as Record<string, Json> | undefined, "metadata", "notebook-disable-root", "users get sudo", report)),
  ),
};

export const workbenchNoFileDownloads: AitracksPolicy = {
  name: "gcp-workbench-no-file-downloads",
  description: "Vertex AI Workbench instances and user-managed notebook instances do not let users download files from JupyterLab, as the organization policy constraint ainotebooks.disableFileDownloads asks (data leaves through the project's controls, not a browser).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: 'Set the metadata key "notebook-disable-downloads" to "true" (gceSetup.metadata on a workbench.Instance, metadata on a notebooks.Instance); move results through Cloud Storage.',
  tags: ["gcp", "data-protection"],
  validateResource: validateTypes(
    on(WorkbenchInstance, (r, _a, report) => metadataRequired(r.gceSetup?.metadata as Record<string, Json> | undefined, "gceSetup.metadata", "notebook-disable-downloads", "JupyterLab lets users download files", report)),
    on(NotebooksInstance, (r, _a, report) => metadataRequired(r.metadata as Record<string, Json> | undefined, "metadata", "notebook-disable-downloads", "JupyterLab lets users download files", report)),
  ),
};

const AUDIT_TYPES = ["DATA_READ", "DATA_WRITE"];

export const aiplatformDataAccessLogs: StackValidationPolicy & AitracksPolicy = {
  name: "gcp-aiplatform-data-access-logs",
  description: "A stack that uses Vertex AI turns on Data Access audit logs (DATA_READ and DATA_WRITE) for aiplatform.googleapis.com, so prompts, predictions and dataset reads are auditable.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps:
    'Add a gcp.projects.IAMAuditConfig for service "aiplatform.googleapis.com" (or "allServices") with auditLogConfigs DATA_READ and DATA_WRITE. If the organisation or folder sets it outside this stack, set this policy\'s managedElsewhere: true.',
  tags: ["gcp", "logging"],
  configSchema: {
    properties: { managedElsewhere: { type: "boolean", default: false, description: "Data Access logs for Vertex AI are configured outside the stack (organisation or folder)." } },
  },
  validateStack: (args, report) => {
    const usesVertex = args.resources.filter(
      (r) => r.type.startsWith("gcp:vertex/") || /^aitracks:gcp:/.test(r.type) || (r.isType(Service) && r.props.service === "aiplatform.googleapis.com"),
    );
    if (!usesVertex.length) return args.notApplicable("the stack uses no Vertex AI resources");
    if (args.getConfig<{ managedElsewhere?: boolean }>().managedElsewhere) return args.notApplicable("Data Access logs are managed outside the stack (config managedElsewhere)");
    const undecided = new Undecided();
    let covered = false;
    for (const r of args.resources) {
      if (!(r.isType(IAMAuditConfig) || r.isType(FolderAuditConfig) || r.isType(OrgAuditConfig))) continue;
      undecided.check(r.urn, () => {
        if (r.props.service !== "aiplatform.googleapis.com" && r.props.service !== "allServices") return;
        const types = new Set(asArray(r.props.auditLogConfigs).map((c) => (c as { logType?: string }).logType));
        const missing = AUDIT_TYPES.filter((t) => !types.has(t));
        if (missing.length) report(`the audit config for ${String(r.props.service)} leaves out ${missing.join(" and ")}`, r.urn);
        else covered = true;
      });
    }
    if (!covered && !undecided.size) report("the stack uses Vertex AI but turns on no Data Access audit logs (DATA_READ, DATA_WRITE) for aiplatform.googleapis.com", usesVertex[0]!.urn);
    undecided.finish(args);
  },
};

export const vertexPolicies: AitracksPolicy[] = [
  vertexCmek,
  vertexPrivateEndpoint,
  workbenchNoPublicIp,
  workbenchCmek,
  workbenchShieldedVm,
  workbenchNoRootAccess,
  workbenchNoFileDownloads,
  aiplatformDataAccessLogs,
];
