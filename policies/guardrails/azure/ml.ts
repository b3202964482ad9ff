/**
 * Azure Machine Learning (build, serving and evaluation on Azure): workspaces without public
 * access, with customer-managed keys, managed network isolation and the high-business-impact flag
 * for sensitive data; compute without public IPs or local accounts; private online endpoints;
 * serverless (models-as-a-service) endpoints with content safety on and Entra ID authentication.
 */
import { validateKnown } from "../../lib/checks";
import { dataClassification } from "../../lib/facts";
import { azureNative } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { equalsIgnoreCase, isSet, publicAccessViolation, type Json } from "../../lib/values";

const { Compute, OnlineEndpoint, ServerlessEndpoint, Workspace } = azureNative.machinelearningservices;

export const mlWorkspaceNoPublicAccess: AitracksPolicy = {
  name: "azure-ml-workspace-no-public-access",
  description: "Azure ML workspaces disable public network access, also when behind a VNet.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set publicNetworkAccess: "Disabled" (and leave allowPublicAccessWhenBehindVnet unset); reach the workspace through private endpoints.',
  tags: ["azure", "network"],
  validateResource: validateKnown(Workspace, (w, _a, report) => {
    const open = publicAccessViolation(w.publicNetworkAccess, "publicNetworkAccess");
    if (open) report(open);
    if (w.allowPublicAccessWhenBehindVnet === true) report("allowPublicAccessWhenBehindVnet is true");
  }),
};

export const mlWorkspaceCmk: AitracksPolicy = {
  name: "azure-ml-workspace-cmk",
  description: "Azure ML workspaces encrypt their data with a customer-managed key in Key Vault.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set encryption {status: "Enabled", keyVaultProperties {keyVaultArmId, keyIdentifier}, identity} on the workspace.',
  tags: ["azure", "encryption"],
  validateResource: validateKnown(Workspace, (w, _a, report) => {
    if (!equalsIgnoreCase(w.encryption?.status, "Enabled")) report(`encryption.status is ${w.encryption?.status ? JSON.stringify(w.encryption.status) : "not set (Microsoft-managed keys)"}; expected "Enabled"`);
    else if (!isSet(w.encryption?.keyVaultProperties?.keyIdentifier)) report("encryption.keyVaultProperties.keyIdentifier is not set");
  }),
};

export const mlWorkspaceManagedNetwork: AitracksPolicy = {
  name: "azure-ml-workspace-managed-network",
  description: "Azure ML workspaces use managed virtual network isolation for their compute.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set managedNetwork.isolationMode to "AllowOnlyApprovedOutbound" (or "AllowInternetOutbound" if the policy\'s requireApprovedOutbound is false).',
  tags: ["azure", "network"],
  configSchema: {
    properties: { requireApprovedOutbound: { type: "boolean", default: false, description: 'Accept only "AllowOnlyApprovedOutbound".' } },
  },
  validateResource: validateKnown(Workspace, (w, args, report) => {
    const { requireApprovedOutbound = false } = args.getConfig<{ requireApprovedOutbound?: boolean }>();
    const mode = String(w.managedNetwork?.isolationMode ?? "");
    const ok = requireApprovedOutbound ? ["allowonlyapprovedoutbound"] : ["allowonlyapprovedoutbound", "allowinternetoutbound"];
    if (!ok.includes(mode.toLowerCase())) report(`managedNetwork.isolationMode is ${mode ? JSON.stringify(mode) : "not set (no managed network)"}; expected ${requireApprovedOutbound ? '"AllowOnlyApprovedOutbound"' : '"AllowOnlyApprovedOutbound" or "AllowInternetOutbound"'}`);
  }),
};

export const mlWorkspaceHbi: AitracksPolicy = {
  name: "azure-ml-workspace-hbi",
  description: "Azure ML workspaces that handle confidential or restricted data are marked high business impact (less diagnostic data to Microsoft, encrypted local scratch).",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Set hbiWorkspace: true on the workspace (it cannot be changed after creation).",
  tags: ["azure", "data-protection"],
  configSchema: {
    properties: {
      sensitiveClassifications: { type: "array", items: { type: "string" }, default: ["confidential", "restricted"], description: "Data classifications that require an HBI workspace." },
    },
  },
  validateResource: validateKnown(Workspace, (w, args, report) => {
    const { sensitiveClassifications = ["confidential", "restricted"] } = args.getConfig<{ sensitiveClassifications?: string[] }>();
    const cls = dataClassification([args], args.stackTags);
    if (!cls) return args.notApplicable("the stack declares no data classification (aitracks:dataClassification)");
    if (sensitiveClassifications.includes(cls.value) && w.hbiWorkspace !== true) report(`the data is ${cls.value} (${cls.source}) but hbiWorkspace is not true`);
  }),
};

/** The inner properties of an AmlCompute or ComputeInstance. */
function computeKind(props: Record<string, Json>): { kind: string; inner: Record<string, Json>; outer: Record<string, Json> } | undefined {
  const outer = props.properties as Record<string, Json> | undefined;
  const kind = String(outer?.computeType ?? "");
  if (kind !== "AmlCompute" && kind !== "ComputeInstance") return undefined;
  return { kind, outer: outer!, inner: (outer!.properties as Record<string, Json> | undefined) ?? {} };
}

export const mlComputeNoPublicIp: AitracksPolicy = {
  name: "azure-ml-compute-no-public-ip",
  description: "Azure ML compute clusters and compute instances have no public IP addresses.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set properties.properties.enableNodePublicIp: false (with a subnet or a managed network).",
  tags: ["azure", "network"],
  validateResource: validateKnown(Compute, (c, args, report) => {
    const k = computeKind(c as Record<string, Json>);
    if (!k) return args.notApplicable("not an AmlCompute or ComputeInstance");
    if (k.inner.enableNodePublicIp !== false) report(`${k.kind} properties.properties.enableNodePublicIp is ${k.inner.enableNodePublicIp === true ? "true" : "not set (true)"}; expected false`);
  }),
};

export const mlComputeLocalAuthDisabled: AitracksPolicy = {
  name: "azure-ml-compute-local-auth-disabled",
  description: "Azure ML compute clusters and instances disable local (SSH key / password) authentication.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set properties.disableLocalAuth: true on the compute.",
  tags: ["azure", "identity"],
  validateResource: validateKnown(Compute, (c, args, report) => {
    const k = computeKind(c as Record<string, Json>);
    if (!k) return args.notApplicable("not an AmlCompute or ComputeInstance");
    if (k.outer.disableLocalAuth !== true) report(`${k.kind} properties.disableLocalAuth is ${k.outer.disableLocalAuth === false ? "false" : "not set"}; expected true`);
  }),
};

export const mlComputeScaleToZero: AitracksPolicy = {
  name: "azure-ml-compute-scale-to-zero",
  description: "Azure ML compute clusters scale down to zero nodes when idle, so no node runs (and bills, and stays reachable) between jobs.",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Set properties.properties.scaleSettings.minNodeCount to 0 (the default) on the AmlCompute cluster, with a short nodeIdleTimeBeforeScaleDown.",
  tags: ["azure", "cost"],
  validateResource: validateKnown(Compute, (c, args, report) => {
    const k = computeKind(c as Record<string, Json>);
    if (k?.kind !== "AmlCompute") return args.notApplicable("not an AmlCompute cluster");
    const min = (k.inner.scaleSettings as { minNodeCount?: unknown } | undefined)?.minNodeCount;
    if (min !== undefined && min !== null && min !== 0) report(`properties.properties.scaleSettings.minNodeCount is ${JSON.stringify(min)}; expected 0 so idle clusters release their nodes`);
  }),
};

export const mlComputeInstanceIdleShutdown: AitracksPolicy = {
  name: "azure-ml-compute-instance-idle-shutdown",
  description: "Azure ML compute instances shut down after a period of inactivity, so a forgotten notebook VM neither bills nor stays reachable (Azure Policy: \"Azure Machine Learning Compute Instance should have idle shutdown\").",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: 'Set properties.properties.idleTimeBeforeShutdown (ISO 8601, 15 minutes to 3 days, e.g. "PT60M") on the ComputeInstance.',
  tags: ["azure", "cost"],
  validateResource: validateKnown(Compute, (c, args, report) => {
    const k = computeKind(c as Record<string, Json>);
    if (k?.kind !== "ComputeInstance") return args.notApplicable("not a ComputeInstance");
    if (!isSet(k.inner.idleTimeBeforeShutdown)) report("properties.properties.idleTimeBeforeShutdown is not set; the instance would run until someone stops it");
  }),
};

export const mlOnlineEndpointPrivate: AitracksPolicy = {
  name: "azure-ml-online-endpoint-private",
  description: "Azure ML managed online endpoints disable public network access.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set properties.publicNetworkAccess: "Disabled" on the online endpoint; clients reach it through the workspace\'s private endpoint.',
  tags: ["azure", "network"],
  validateResource: validateKnown(OnlineEndpoint, (e, _a, report) => {
    const open = publicAccessViolation(e.properties?.publicNetworkAccess, "properties.publicNetworkAccess");
    if (open) report(open);
  }),
};

export const mlServerlessContentSafety: AitracksPolicy = {
  name: "azure-ml-serverless-endpoint-content-safety",
  description: "Azure ML serverless (models-as-a-service) endpoints run Azure AI Content Safety on prompts and completions.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set properties.contentSafety {contentSafetyStatus: "Enabled"} on the serverless endpoint.',
  tags: ["azure", "content-safety"],
  validateResource: validateKnown(ServerlessEndpoint, (e, _a, report) => {
    const v = e.properties?.contentSafety?.contentSafetyStatus;
    if (!equalsIgnoreCase(v, "Enabled")) report(`properties.contentSafety.contentSafetyStatus is ${v ? JSON.stringify(v) : "not set (the service's default)"}; expected "Enabled"`);
  }),
};

export const mlServerlessEntraAuth: AitracksPolicy = {
  name: "azure-ml-serverless-endpoint-entra-auth",
  description:
    "Azure ML serverless endpoints authenticate callers with Microsoft Entra ID (authMode AAD), not endpoint keys, unless the model's serverless offer supports keys only (config keyOnlyModels).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    'Set properties.authMode: "AAD" on the serverless endpoint and grant callers a role on the workspace; for a model whose serverless offer has no Entra ID support, add its model id (or a part of it) to this policy\'s keyOnlyModels.',
  tags: ["azure", "identity"],
  configSchema: {
    properties: {
      keyOnlyModels: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Model ids (or parts of them, case-insensitive) whose serverless endpoints support key authentication only.",
      },
    },
  },
  validateResource: validateKnown(ServerlessEndpoint, (e, args, report) => {
    const mode = e.properties?.authMode;
    if (equalsIgnoreCase(mode, "AAD")) return;
    const { keyOnlyModels = [] } = args.getConfig<{ keyOnlyModels?: string[] }>();
    const model = e.properties?.modelSettings?.modelId;
    const exempt = typeof model === "string" && keyOnlyModels.some((k) => k && model.toLowerCase().includes(k.toLowerCase()));
    if (exempt) return args.notApplicable(`model ${model} is listed in keyOnlyModels (no Entra ID support)`);
    report(`properties.authMode is ${mode ? JSON.stringify(mode) : "not set"}; expected "AAD" (Entra ID), so no endpoint key can call the model`);
  }),
};

export const mlPolicies: AitracksPolicy[] = [
  mlWorkspaceNoPublicAccess,
  mlWorkspaceCmk,
  mlWorkspaceManagedNetwork,
  mlWorkspaceHbi,
  mlComputeNoPublicIp,
  mlComputeLocalAuthDisabled,
  mlComputeScaleToZero,
  mlComputeInstanceIdleShutdown,
  mlOnlineEndpointPrivate,
  mlServerlessContentSafety,
  mlServerlessEntraAuth,
];
