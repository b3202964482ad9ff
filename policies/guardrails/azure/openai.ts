/**
 * Azure OpenAI / Azure AI services accounts (the buy and fine-tune tracks on Azure): no public
 * network access, no keys (Entra ID only), customer-managed keys, a managed identity, and a
 * content filter (RAI policy) on every deployment.
 */
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { validateKnown } from "../../lib/checks";
import { azureNative } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { Undecided } from "../../lib/unknown";
import { asArray, equalsIgnoreCase, get, isSet, publicAccessViolation, type Json } from "../../lib/values";

const { Account, Deployment, RaiPolicy } = azureNative.cognitiveservices;

export const cognitiveNoPublicNetwork: AitracksPolicy = {
  name: "azure-cognitive-no-public-network",
  description: "Azure OpenAI / AI services accounts disable public network access (reached through private endpoints).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set properties.publicNetworkAccess: "Disabled" and reach the account through a private endpoint in the application\'s VNet.',
  tags: ["azure", "network"],
  validateResource: validateKnown(Account, (a, _x, report) => {
    const open = publicAccessViolation(a.properties?.publicNetworkAccess, "properties.publicNetworkAccess");
    if (open) report(open);
  }),
};

export const cognitiveLocalAuthDisabled: AitracksPolicy = {
  name: "azure-cognitive-local-auth-disabled",
  description: "Azure OpenAI / AI services accounts disable key (local) authentication; callers use Microsoft Entra ID.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set properties.disableLocalAuth: true and grant callers the Cognitive Services OpenAI User role.",
  tags: ["azure", "identity"],
  validateResource: validateKnown(Account, (a, _x, report) => {
    if (a.properties?.disableLocalAuth !== true) report(`properties.disableLocalAuth is ${a.properties?.disableLocalAuth === false ? "false" : "not set (keys work)"}; expected true`);
  }),
};

export const cognitiveCmk: AitracksPolicy = {
  name: "azure-cognitive-cmk",
  description: "Azure OpenAI / AI services accounts encrypt data at rest (fine-tuning files, stored completions) with a customer-managed key in Key Vault.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set properties.encryption {keySource: "Microsoft.KeyVault", keyVaultProperties {keyVaultUri, keyName, identityClientId}} and give the account\'s identity get/wrap/unwrap on the key.',
  tags: ["azure", "encryption"],
  validateResource: validateKnown(Account, (a, _x, report) => {
    const enc = a.properties?.encryption;
    if (!equalsIgnoreCase(enc?.keySource, "Microsoft.KeyVault")) report(`properties.encryption.keySource is ${enc?.keySource ? JSON.stringify(enc.keySource) : "not set (Microsoft-managed keys)"}; expected "Microsoft.KeyVault"`);
    else if (!isSet(enc?.keyVaultProperties?.keyName) || !isSet(enc?.keyVaultProperties?.keyVaultUri)) report("properties.encryption.keyVaultProperties needs keyVaultUri and keyName");
  }),
};

export const cognitiveManagedIdentity: AitracksPolicy = {
  name: "azure-cognitive-managed-identity",
  description: "Azure OpenAI / AI services accounts have a managed identity (for Key Vault keys and storage, without secrets).",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: 'Set identity.type to "SystemAssigned" or "UserAssigned" (with userAssignedIdentities).',
  tags: ["azure", "identity"],
  validateResource: validateKnown(Account, (a, _x, report) => {
    const t = String(a.identity?.type ?? "");
    if (!/assigned/i.test(t)) report(`identity.type is ${t ? JSON.stringify(t) : "not set"}; expected SystemAssigned or UserAssigned`);
  }),
};

/** Account kinds that serve Azure OpenAI models. */
const OPENAI_KINDS = ["openai", "aiservices"];

export const openaiRestrictOutbound: AitracksPolicy = {
  name: "azure-openai-restrict-outbound",
  description:
    "Azure OpenAI and AI services accounts restrict outbound network access to an allowed list of FQDNs (data-loss prevention: features that fetch URLs, such as On Your Data, reach only what is listed).",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Set properties.restrictOutboundNetworkAccess: true and list the hosts the account may call in properties.allowedFqdnList (an empty list allows none).",
  tags: ["azure", "network"],
  validateResource: validateKnown(Account, (a, args, report) => {
    if (!OPENAI_KINDS.includes(String(a.kind ?? "").toLowerCase())) return args.notApplicable(`kind ${JSON.stringify(a.kind)} serves no Azure OpenAI models`);
    const v = a.properties?.restrictOutboundNetworkAccess;
    if (v !== true) report(`properties.restrictOutboundNetworkAccess is ${v === false ? "false" : "not set (outbound unrestricted)"}; expected true, with the allowed hosts in properties.allowedFqdnList`);
  }),
};

/** Content-filter categories that must stay on and blocking. */
const CATEGORIES = ["hate", "sexual", "violence", "selfharm"];

export const openaiDeploymentContentFilter: StackValidationPolicy & AitracksPolicy = {
  name: "azure-openai-deployment-content-filter",
  description: "Every Azure OpenAI deployment names a content filter (RAI policy); a custom RAI policy of the stack keeps the hate, sexual, violence and self-harm filters on and blocking.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Set properties.raiPolicyName on each deployment (Microsoft.DefaultV2 or a cognitiveservices.RaiPolicy of the stack); in a custom policy keep enabled: true and blocking: true for Hate, Sexual, Violence and Selfharm on prompts and completions.",
  tags: ["azure", "content-safety"],
  validateStack: (args, report) => {
    const deployments = args.resources.filter((r) => r.isType(Deployment));
    if (!deployments.length) return args.notApplicable("no Azure OpenAI deployments in the stack");
    const policies = args.resources.filter((r) => r.isType(RaiPolicy));
    const undecided = new Undecided();
    const weak = new Map<PolicyResource, string[]>();
    for (const p of policies) {
      undecided.check(p.urn, () => {
        const problems: string[] = [];
        for (const f of asArray(get(p.props, "properties.contentFilters"))) {
          const o = f as Record<string, Json>;
          const name = String(o.name ?? "").toLowerCase().replace(/[^a-z]/g, "");
          if (!CATEGORIES.includes(name)) continue;
          if (o.enabled === false) problems.push(`${String(o.name)} (${String(o.source ?? "")}) is disabled`);
          else if (o.blocking === false) problems.push(`${String(o.name)} (${String(o.source ?? "")}) does not block`);
        }
        weak.set(p, problems);
      });
    }
    for (const d of deployments) {
      undecided.check(d.urn, () => {
        const name = get(d.props, "properties.raiPolicyName");
        if (!isSet(name)) {
          report("the deployment sets no properties.raiPolicyName (content filter)", d.urn);
          return;
        }
        const policy =
          policies.find((p) => (d.propertyDependencies.properties ?? []).includes(p)) ??
          policies.find((p) => p.props.raiPolicyName === name || p.name === name);
        const problems = policy ? weak.get(policy) ?? [] : [];
        if (problems.length) report(`content filter ${String(name)}: ${problems.join("; ")}`, d.urn);
      });
    }
    undecided.finish(args);
  },
};

export const openaiPolicies: AitracksPolicy[] = [
  cognitiveNoPublicNetwork,
  cognitiveLocalAuthDisabled,
  cognitiveCmk,
  cognitiveManagedIdentity,
  openaiRestrictOutbound,
  openaiDeploymentContentFilter,
];
