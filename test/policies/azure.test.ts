// @ts-nocheck
// Every Azure guardrail: a violating and a passing program of real @pulumi/azure-native resources under mocks.
import { describe, expect, it } from "vitest";
import { Account, Deployment, RaiPolicy } from "@pulumi/azure-native/cognitiveservices";
import { Compute, OnlineEndpoint, ServerlessEndpoint, Workspace } from "@pulumi/azure-native/machinelearningservices";
import { StorageAccount } from "@pulumi/azure-native/storage";
import { check, expectPass, expectViolation, FACTS, notesOf, urnOf, violationsOf, type PolicyCase } from "./helpers";
import { RG, secureWorkspace } from "./azure-fixtures";

const secureAccount = {
  resourceGroupName: RG,
  kind: "OpenAI",
  sku: { name: "S0" },
  identity: { type: "SystemAssigned" as const },
  properties: {
    publicNetworkAccess: "Disabled",
    disableLocalAuth: true,
    encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyVaultUri: "https://kv.vault.azure.net/", keyName: "cmk", identityClientId: "c" } },
  },
};
const account = (props: object = {}, extra: object = {}) =>
  new Account("openai", { ...secureAccount, ...extra, properties: { ...secureAccount.properties, ...props } });

const deployment = (raiPolicyName?: string) =>
  new Deployment("gpt", {
    resourceGroupName: RG,
    accountName: "openai",
    sku: { name: "GlobalStandard", capacity: 10 },
    properties: { model: { format: "OpenAI", name: "gpt-4o", version: "2024-08-06" }, ...(raiPolicyName ? { raiPolicyName } : {}) },
  });
const raiPolicy = (blocking: boolean) =>
  new RaiPolicy("strict", {
    resourceGroupName: RG,
    accountName: "openai",
    raiPolicyName: "strict",
    properties: {
      basePolicyName: "Microsoft.DefaultV2",
      contentFilters: ["Hate", "Sexual", "Violence", "Selfharm"].flatMap((name) =>
        ["Prompt", "Completion"].map((source) => ({ name, source, enabled: true, blocking: name === "Violence" && source === "Completion" ? blocking : true, severityThreshold: "Medium" })),
      ),
    },
  });

const workspace = (extra: object) => new Workspace("ws", { ...secureWorkspace, ...extra });

const cluster = (inner: object, outer: object = {}) =>
  new Compute("cluster", {
    resourceGroupName: RG,
    workspaceName: "ws",
    properties: { computeType: "AmlCompute", disableLocalAuth: true, ...outer, properties: { vmSize: "Standard_NC24ads_A100_v4", enableNodePublicIp: false, ...inner } },
  });
const computeInstance = (inner: object) =>
  new Compute("ci", {
    resourceGroupName: RG,
    workspaceName: "ws",
    properties: { computeType: "ComputeInstance", disableLocalAuth: true, properties: { vmSize: "Standard_DS3_v2", enableNodePublicIp: false, ...inner } },
  });

const secureStorageAccount = {
  resourceGroupName: RG,
  kind: "StorageV2",
  sku: { name: "Standard_ZRS" },
  allowBlobPublicAccess: false,
  publicNetworkAccess: "Disabled",
  networkRuleSet: { defaultAction: "Deny" as const },
  minimumTlsVersion: "TLS1_2",
};
const storageAccount = (extra: object) => new StorageAccount("st", { ...secureStorageAccount, ...extra });

const LLAMA = "azureml://registries/azureml-meta/models/Llama-3.3-70B-Instruct";
const serverless = (properties: object, modelId = LLAMA) =>
  new ServerlessEndpoint("maas", {
    resourceGroupName: RG,
    workspaceName: "ws",
    location: "eastus",
    sku: { name: "Consumption" },
    properties: { authMode: "AAD", modelSettings: { modelId }, contentSafety: { contentSafetyStatus: "Enabled" }, ...properties },
  });

const cases: PolicyCase[] = [
  {
    policy: "azure-cognitive-no-public-network",
    bad: () => account({ publicNetworkAccess: "Enabled" }),
    on: "openai",
    message: /properties\.publicNetworkAccess is "Enabled"; expected "Disabled"/,
    good: () => account(),
  },
  {
    policy: "azure-cognitive-local-auth-disabled",
    bad: () => account({ disableLocalAuth: undefined }),
    on: "openai",
    message: /properties\.disableLocalAuth is not set \(keys work\); expected true/,
    good: () => account(),
  },
  {
    policy: "azure-cognitive-cmk",
    bad: () => account({ encryption: { keySource: "Microsoft.CognitiveServices" } }),
    on: "openai",
    message: /keySource is "Microsoft\.CognitiveServices"; expected "Microsoft\.KeyVault"/,
    good: () => account(),
  },
  {
    policy: "azure-cognitive-managed-identity",
    bad: () => account({}, { identity: { type: "None" } }),
    on: "openai",
    message: /identity\.type is "None"; expected SystemAssigned or UserAssigned/,
    good: () => account(),
  },
  {
    policy: "azure-openai-deployment-content-filter",
    bad: () => deployment(),
    on: "gpt",
    message: /sets no properties\.raiPolicyName/,
    good: () => deployment("Microsoft.DefaultV2"),
  },
  {
    policy: "azure-openai-deployment-content-filter",
    bad: () => {
      raiPolicy(false);
      deployment("strict");
    },
    on: "gpt",
    message: /content filter strict: Violence \(Completion\) does not block/,
    good: () => {
      raiPolicy(true);
      deployment("strict");
    },
  },
  {
    policy: "azure-ml-workspace-no-public-access",
    bad: () => workspace({ publicNetworkAccess: "Enabled" }),
    on: "ws",
    message: /publicNetworkAccess is "Enabled"; expected "Disabled"/,
    good: () => workspace({}),
  },
  {
    policy: "azure-ml-workspace-cmk",
    bad: () => workspace({ encryption: undefined }),
    on: "ws",
    message: /encryption\.status is not set \(Microsoft-managed keys\); expected "Enabled"/,
    good: () => workspace({}),
  },
  {
    policy: "azure-ml-workspace-managed-network",
    bad: () => workspace({ managedNetwork: { isolationMode: "Disabled" } }),
    on: "ws",
    message: /managedNetwork\.isolationMode is "Disabled"/,
    good: () => workspace({}),
  },
  {
    // With requireApprovedOutbound, internet outbound is not enough.
    policy: "azure-ml-workspace-managed-network",
    bad: () => workspace({ managedNetwork: { isolationMode: "AllowInternetOutbound" } }),
    on: "ws",
    message: /expected "AllowOnlyApprovedOutbound"$/,
    good: () => workspace({}),
    policyConfig: { "azure-ml-workspace-managed-network": { requireApprovedOutbound: true } },
  },
  {
    policy: "azure-ml-workspace-hbi",
    bad: () => workspace({ hbiWorkspace: false }),
    on: "ws",
    message: /the data is confidential \(stack config aitracks:dataClassification\) but hbiWorkspace is not true/,
    good: () => workspace({}),
    config: { ...FACTS, "aitracks:dataClassification": "confidential" },
  },
  {
    policy: "azure-ml-compute-no-public-ip",
    bad: () => cluster({ enableNodePublicIp: undefined }),
    on: "cluster",
    message: /AmlCompute properties\.properties\.enableNodePublicIp is not set \(true\); expected false/,
    good: () => cluster({}),
  },
  {
    policy: "azure-ml-compute-local-auth-disabled",
    bad: () => cluster({}, { disableLocalAuth: false }),
    on: "cluster",
    message: /AmlCompute properties\.disableLocalAuth is false; expected true/,
    good: () => cluster({}),
  },
  {
    policy: "azure-openai-restrict-outbound",
    bad: () => account(),
    on: "openai",
    message: /^properties\.restrictOutboundNetworkAccess is not set \(outbound unrestricted\); expected true/,
    good: () => account({ restrictOutboundNetworkAccess: true, allowedFqdnList: ["contoso.blob.core.windows.net"] }),
  },
  {
    // An empty allow-list is stricter still: no outbound host at all.
    policy: "azure-openai-restrict-outbound",
    bad: () => account({ restrictOutboundNetworkAccess: false }, { kind: "AIServices" }),
    on: "openai",
    message: /restrictOutboundNetworkAccess is false/,
    good: () => account({ restrictOutboundNetworkAccess: true, allowedFqdnList: [] }, { kind: "AIServices" }),
  },
  {
    policy: "azure-ml-compute-instance-idle-shutdown",
    bad: () => computeInstance({}),
    on: "ci",
    message: /^properties\.properties\.idleTimeBeforeShutdown is not set; the instance would run until someone stops it$/,
    good: () => computeInstance({ idleTimeBeforeShutdown: "PT60M" }),
    level: "advisory",
  },
  {
    policy: "azure-ml-compute-scale-to-zero",
    bad: () => cluster({ scaleSettings: { minNodeCount: 2, maxNodeCount: 4 } }),
    on: "cluster",
    message: /^properties\.properties\.scaleSettings\.minNodeCount is 2; expected 0/,
    good: () => cluster({ scaleSettings: { minNodeCount: 0, maxNodeCount: 4, nodeIdleTimeBeforeScaleDown: "PT15M" } }),
    level: "advisory",
  },
  {
    policy: "azure-storage-account-not-public",
    bad: () => storageAccount({ publicNetworkAccess: undefined, networkRuleSet: undefined }),
    on: "st",
    message: /^publicNetworkAccess is not set \(Enabled\) and networkRuleSet\.defaultAction is not set \(Allow\); the account is reachable from any network/,
    good: () => storageAccount({ publicNetworkAccess: undefined, networkRuleSet: { defaultAction: "Deny", virtualNetworkRules: [{ virtualNetworkResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/ml" }] } }),
  },
  {
    policy: "azure-storage-account-not-public",
    bad: () => storageAccount({ allowBlobPublicAccess: true }),
    on: "st",
    message: /^allowBlobPublicAccess is true/,
    good: () => storageAccount({}),
  },
  {
    policy: "azure-storage-account-secure-transport",
    bad: () => storageAccount({ minimumTlsVersion: undefined }),
    on: "st",
    message: /^minimumTlsVersion is not set \(TLS 1\.0\); expected "TLS1_2"$/,
    good: () => storageAccount({}),
  },
  {
    policy: "azure-storage-account-secure-transport",
    bad: () => storageAccount({ enableHttpsTrafficOnly: false }),
    on: "st",
    message: /^enableHttpsTrafficOnly is false/,
    good: () => storageAccount({ enableHttpsTrafficOnly: true }),
  },
  {
    policy: "azure-ml-online-endpoint-private",
    bad: () => new OnlineEndpoint("ep", { resourceGroupName: RG, workspaceName: "ws", properties: { authMode: "AADToken" } }),
    on: "ep",
    // The SDK fills in its default, "Enabled".
    message: /properties\.publicNetworkAccess is "Enabled"; expected "Disabled"/,
    good: () => new OnlineEndpoint("ep", { resourceGroupName: RG, workspaceName: "ws", properties: { authMode: "AADToken", publicNetworkAccess: "Disabled" } }),
  },
  {
    policy: "azure-ml-serverless-endpoint-content-safety",
    bad: () => serverless({ contentSafety: { contentSafetyStatus: "Disabled" } }),
    on: "maas",
    message: /properties\.contentSafety\.contentSafetyStatus is "Disabled"; expected "Enabled"/,
    good: () => serverless({}),
  },
  {
    // Left out, the service applies its own default: the policy asks for it explicitly.
    policy: "azure-ml-serverless-endpoint-content-safety",
    bad: () => serverless({ contentSafety: undefined }),
    on: "maas",
    message: /contentSafetyStatus is not set \(the service's default\); expected "Enabled"/,
    good: () => serverless({ contentSafety: { contentSafetyStatus: "Enabled" } }),
  },
  {
    policy: "azure-ml-serverless-endpoint-entra-auth",
    bad: () => serverless({ authMode: "Key" }),
    on: "maas",
    message: /properties\.authMode is "Key"; expected "AAD"/,
    good: () => serverless({ authMode: "AAD" }),
  },
  {
    // Keys still work alongside Entra ID.
    policy: "azure-ml-serverless-endpoint-entra-auth",
    bad: () => serverless({ authMode: "KeyAndAAD" }),
    on: "maas",
    message: /properties\.authMode is "KeyAndAAD"; expected "AAD"/,
    good: () => serverless({ authMode: "AAD" }),
  },
];

describe("azure-ml-serverless-endpoint-entra-auth keyOnlyModels", () => {
  const policyConfig = { "azure-ml-serverless-endpoint-entra-auth": { keyOnlyModels: ["llama-3.3"] } };
  it("exempts a listed model, saying why, and still flags an unlisted one", async () => {
    const { graph, report } = await check(
      () => {
        serverless({ authMode: "Key" });
        new ServerlessEndpoint("phi", {
          resourceGroupName: RG,
          workspaceName: "ws",
          location: "eastus",
          sku: { name: "Consumption" },
          properties: { authMode: "Key", modelSettings: { modelId: "azureml://registries/azureml/models/Phi-4" }, contentSafety: { contentSafetyStatus: "Enabled" } },
        });
      },
      { policyConfig },
    );
    const policy = "azure-ml-serverless-endpoint-entra-auth";
    expect(violationsOf(report, policy).map((v) => v.urn)).toEqual([urnOf(graph, "phi")]);
    expect(notesOf(report, policy).filter((n) => n.urn === urnOf(graph, "maas")).map((n) => n.reason)).toEqual([
      expect.stringMatching(/model azureml:\/\/registries\/azureml-meta\/models\/Llama-3\.3-70B-Instruct is listed in keyOnlyModels/),
    ]);
  });
});

describe("Azure guardrails", () => {
  for (const c of cases) {
    it(`${c.policy} flags: ${c.message.source}`, () => expectViolation(c));
    it(`${c.policy} passes the fixed program (${c.message.source})`, () => expectPass(c));
  }
});
