import * as pulumi from "@pulumi/pulumi";
import type { RoleAssignment } from "@pulumi/azure-native/authorization";
import { Account, Deployment, RaiPolicy } from "@pulumi/azure-native/cognitiveservices";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { z } from "zod";
import type { AzureFoundation } from "./foundation";
import { COGNITIVE_ACCOUNT_NAME, azureName } from "./naming";
import { grantRole } from "./roles";

/** The content filter (RAI policy) every Azure OpenAI deployment of a track carries. */
export const azureContentFilterArgs = z.strictObject({
  /**
   * Lowest severity blocked for hate, sexual, violence and self-harm, in prompts and completions:
   * "Low" (strictest: blocks low, medium and high), "Medium" or "High". @default "Medium"
   */
  severityThreshold: z.enum(["Low", "Medium", "High"], { error: "expected Low, Medium or High" }).default("Medium"),
  /** Block jailbreak attempts in prompts (Prompt Shields). @default true */
  blockJailbreak: z.boolean({ error: "expected true or false" }).default(true),
  /** Block prompt attacks hidden in documents and tool results. @default true */
  blockIndirectAttacks: z.boolean({ error: "expected true or false" }).default(true),
  /** Block protected material (known text and code) in completions. @default true */
  blockProtectedMaterial: z.boolean({ error: "expected true or false" }).default(true),
});
export type AzureContentFilterArgs = z.input<typeof azureContentFilterArgs>;
export type ResolvedContentFilter = z.output<typeof azureContentFilterArgs>;

/** The harm categories of Azure AI Content Safety, filtered on both sides of the model. */
export const HARM_CATEGORIES = ["hate", "sexual", "violence", "selfharm"] as const;

/**
 * An Azure OpenAI account (kind OpenAI) that only Entra ID may call (local keys off), reachable
 * only through its private endpoint, encrypting with the track's customer-managed key through the
 * track's identity, with outbound calls restricted and its logs in Log Analytics.
 */
export function openAiAccount(name: string, f: AzureFoundation, parent: pulumi.Resource): Account {
  const opts = { parent };
  const accountName = azureName("", `${name}-aoai`, COGNITIVE_ACCOUNT_NAME);
  const account = new Account(
    `${name}-openai`,
    {
      accountName,
      resourceGroupName: f.resourceGroupName,
      location: f.location,
      kind: "OpenAI",
      sku: { name: "S0" },
      identity: { type: "UserAssigned", userAssignedIdentities: [f.identity.id] },
      properties: {
        // A custom sub-domain is what Entra ID tokens and private endpoints address.
        customSubDomainName: accountName,
        disableLocalAuth: true,
        publicNetworkAccess: "Disabled",
        networkAcls: { defaultAction: "Deny", ipRules: [], virtualNetworkRules: [] },
        restrictOutboundNetworkAccess: true,
        allowedFqdnList: [],
        encryption: {
          keySource: "Microsoft.KeyVault",
          keyVaultProperties: { keyVaultUri: f.cmk.vaultUri, keyName: f.cmk.keyName, identityClientId: f.identity.clientId },
        },
      },
      tags: f.tags,
    },
    { ...opts, dependsOn: [f.keyAccess] },
  );
  f.network.privateEndpoint(`${name}-openai-pe`, account.id, "account", opts);
  f.diagnostics(`${name}-openai-diagnostics`, account.id);
  return account;
}

/** The RAI policy: harm filters on prompts and completions, Prompt Shields, protected material. */
export function contentFilter(name: string, account: Account, f: AzureFoundation, cfg: ResolvedContentFilter, parent: pulumi.Resource): RaiPolicy {
  const harm = HARM_CATEGORIES.flatMap((category) =>
    ["Prompt", "Completion"].map((source) => ({ name: category, source, enabled: true, blocking: true, severityThreshold: cfg.severityThreshold })),
  );
  return new RaiPolicy(
    `${name}-content-filter`,
    {
      raiPolicyName: `${name}-content-filter`.replace(/[^A-Za-z0-9_-]/g, "-"),
      accountName: account.name,
      resourceGroupName: f.resourceGroupName,
      properties: {
        basePolicyName: "Microsoft.DefaultV2",
        mode: "Blocking",
        contentFilters: [
          ...harm,
          { name: "jailbreak", source: "Prompt", enabled: cfg.blockJailbreak, blocking: cfg.blockJailbreak },
          { name: "indirect_attack", source: "Prompt", enabled: cfg.blockIndirectAttacks, blocking: cfg.blockIndirectAttacks },
          { name: "protected_material_text", source: "Completion", enabled: cfg.blockProtectedMaterial, blocking: cfg.blockProtectedMaterial },
          { name: "protected_material_code", source: "Completion", enabled: cfg.blockProtectedMaterial, blocking: cfg.blockProtectedMaterial },
        ],
      },
      tags: f.tags,
    },
    { parent },
  );
}

export interface ModelDeploymentArgs {
  readonly deploymentName: string;
  readonly model: pulumi.Input<string>;
  readonly version: pulumi.Input<string>;
  readonly sku: string;
  readonly capacity: number;
  readonly spilloverTo?: string;
  readonly versionUpgradeOption?: string;
  /** Provisioned deployments: how the PTUs are paid, tagged for the cost estimate (aitracks-ptu-reservation). */
  readonly reservation?: "hourly" | "monthly" | "yearly";
}

/**
 * One model deployment with the content filter attached. Azure refuses concurrent deployment
 * changes on one account, so each deployment waits for the ones before it (`after`).
 */
export function modelDeployment(
  name: string,
  account: Account,
  filter: RaiPolicy,
  f: AzureFoundation,
  d: ModelDeploymentArgs,
  parent: pulumi.Resource,
  after: pulumi.Resource[],
): Deployment {
  return new Deployment(
    name,
    {
      deploymentName: d.deploymentName,
      accountName: account.name,
      resourceGroupName: f.resourceGroupName,
      sku: { name: d.sku, capacity: d.capacity },
      properties: {
        model: { format: "OpenAI", name: d.model, version: d.version },
        raiPolicyName: filter.name,
        versionUpgradeOption: d.versionUpgradeOption ?? "OnceCurrentVersionExpired",
        ...(d.spilloverTo ? { spilloverDeploymentName: d.spilloverTo } : {}),
      },
      tags: d.reservation ? pulumi.output(f.tags).apply((t) => ({ ...t, "aitracks-ptu-reservation": d.reservation! })) : f.tags,
    },
    { parent, dependsOn: [filter, ...after] },
  );
}

/**
 * Let a principal call an account's deployments with an Entra ID token (Cognitive Services OpenAI
 * User on the account: inference only, no keys, no management).
 */
export function grantOpenAiInvoke(
  name: string,
  f: AzureFoundation,
  account: Account,
  principalId: pulumi.Input<string>,
  principalType: string,
  parent: pulumi.Resource,
): RoleAssignment {
  return grantRole(
    name,
    f.client,
    { principalId, principalType, role: "cognitiveServicesOpenAiUser", scope: account.id, description: "aitracks: call the track's Azure OpenAI deployments" },
    { parent },
  );
}

/**
 * The application's identity (`<name>-app` in the track's resource group), allowed to call the
 * account's deployments (`<name>-app-invoke`).
 */
export function openAiApplicationIdentity(name: string, f: AzureFoundation, account: Account, parent: pulumi.Resource): UserAssignedIdentity {
  const identity = new UserAssignedIdentity(
    `${name}-app-identity`,
    { resourceName: `${name}-app`, resourceGroupName: f.resourceGroupName, location: f.location, tags: f.tags },
    { parent },
  );
  grantOpenAiInvoke(`${name}-app-invoke`, f, account, identity.principalId, "ServicePrincipal", parent);
  return identity;
}
