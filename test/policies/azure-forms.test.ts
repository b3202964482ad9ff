// @ts-nocheck
// The Azure guardrails on every form a setting takes, through both engines: each branch of each
// policy with its exact message, the values that must pass (case-insensitive spellings, the other
// accepted mode), the resources a policy must leave alone (saying why), and the content filter of a
// deployment linked to its RaiPolicy by dependency, by raiPolicyName or by resource name.
// azure.test.ts has one violating and one passing program per policy; a mutation run over
// policies/guardrails/azure showed the other branches judged by no test.
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Account, Deployment, RaiPolicy } from "@pulumi/azure-native/cognitiveservices";
import { Compute, ServerlessEndpoint, Workspace } from "@pulumi/azure-native/machinelearningservices";
import { StorageAccount } from "@pulumi/azure-native/storage";
import { checkBoth, expectPass, expectViolation, FACTS, notesOf, urnOf, violationsOf, type PolicyCase } from "./helpers";
import { RG, secureWorkspace } from "./azure-fixtures";


const secureAccount = {
  resourceGroupName: RG,
  kind: "OpenAI",
  sku: { name: "S0" },
  identity: { type: "SystemAssigned" },
  properties: {
    publicNetworkAccess: "Disabled",
    disableLocalAuth: true,
    restrictOutboundNetworkAccess: true,
    allowedFqdnList: [],
    encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyVaultUri: "https://kv.vault.azure.net/", keyName: "cmk", identityClientId: "c" } },
  },
};
const account = (props: object = {}, extra: object = {}) => () => new Account("openai", { ...secureAccount, ...extra, properties: { ...secureAccount.properties, ...props } });

const workspace = (extra: object) => () => new Workspace("ws", { ...secureWorkspace, ...extra });

const compute = (computeType: string, inner: object = {}, outer: object = {}) => () =>
  new Compute("c", {
    resourceGroupName: RG,
    workspaceName: "ws",
    properties: { computeType, disableLocalAuth: true, ...outer, properties: { vmSize: "Standard_DS3_v2", enableNodePublicIp: false, idleTimeBeforeShutdown: "PT60M", ...inner } },
  });

const LLAMA = "azureml://registries/azureml-meta/models/Llama-3.3-70B-Instruct";
const serverless = (properties: object, modelId: unknown = LLAMA) => () =>
  new ServerlessEndpoint("maas", {
    resourceGroupName: RG,
    workspaceName: "ws",
    location: "eastus",
    sku: { name: "Consumption" },
    properties: { authMode: "AAD", modelSettings: { modelId }, contentSafety: { contentSafetyStatus: "Enabled" }, ...properties },
  });

const secureStorage = {
  resourceGroupName: RG,
  kind: "StorageV2",
  sku: { name: "Standard_ZRS" },
  allowBlobPublicAccess: false,
  publicNetworkAccess: "Disabled",
  minimumTlsVersion: "TLS1_2",
};
const storage = (extra: object) => () => new StorageAccount("st", { ...secureStorage, ...extra });

/** Each case: the violating program with its exact message, and a passing program of the same form. */
const cases: (PolicyCase & { form: string })[] = [
  // azure-ml-workspace-no-public-access
  { form: "publicNetworkAccess unset", policy: "azure-ml-workspace-no-public-access", bad: workspace({ publicNetworkAccess: undefined }), on: "ws", message: /^publicNetworkAccess is not set \(Enabled\); expected "Disabled"$/, good: workspace({ publicNetworkAccess: "disabled" }) },
  { form: "allowPublicAccessWhenBehindVnet", policy: "azure-ml-workspace-no-public-access", bad: workspace({ allowPublicAccessWhenBehindVnet: true }), on: "ws", message: /^allowPublicAccessWhenBehindVnet is true$/, good: workspace({ allowPublicAccessWhenBehindVnet: false }) },
  // azure-ml-workspace-cmk
  { form: "status Disabled", policy: "azure-ml-workspace-cmk", bad: workspace({ encryption: { ...secureWorkspace.encryption, status: "Disabled" } }), on: "ws", message: /^encryption\.status is "Disabled"; expected "Enabled"$/, good: workspace({ encryption: { ...secureWorkspace.encryption, status: "enabled" } }) },
  { form: "Enabled without keyVaultProperties", policy: "azure-ml-workspace-cmk", bad: workspace({ encryption: { status: "Enabled" } }), on: "ws", message: /^encryption\.keyVaultProperties\.keyIdentifier is not set$/, good: workspace({}) },
  { form: "Enabled without a key", policy: "azure-ml-workspace-cmk", bad: workspace({ encryption: { status: "Enabled", keyVaultProperties: { keyVaultArmId: "/kv", keyIdentifier: " " } } }), on: "ws", message: /^encryption\.keyVaultProperties\.keyIdentifier is not set$/, good: workspace({}) },
  // azure-ml-workspace-managed-network
  { form: "no managed network", policy: "azure-ml-workspace-managed-network", bad: workspace({ managedNetwork: undefined }), on: "ws", message: /^managedNetwork\.isolationMode is not set \(no managed network\); expected "AllowOnlyApprovedOutbound" or "AllowInternetOutbound"$/, good: workspace({ managedNetwork: { isolationMode: "AllowInternetOutbound" } }) },
  {
    form: "requireApprovedOutbound",
    policy: "azure-ml-workspace-managed-network",
    bad: workspace({ managedNetwork: { isolationMode: "AllowInternetOutbound" } }),
    on: "ws",
    message: /^managedNetwork\.isolationMode is "AllowInternetOutbound"; expected "AllowOnlyApprovedOutbound"$/,
    good: workspace({ managedNetwork: { isolationMode: "allowonlyapprovedoutbound" } }),
    policyConfig: { "azure-ml-workspace-managed-network": { requireApprovedOutbound: true } },
  },
  // azure-ml-workspace-hbi
  { form: "restricted data", policy: "azure-ml-workspace-hbi", bad: workspace({ hbiWorkspace: undefined }), on: "ws", message: /^the data is restricted \(stack config aitracks:dataClassification\) but hbiWorkspace is not true$/, good: workspace({}), config: { ...FACTS, "aitracks:dataClassification": "restricted" }, level: "mandatory" },
  {
    form: "a configured classification",
    policy: "azure-ml-workspace-hbi",
    bad: workspace({ hbiWorkspace: false }),
    on: "ws",
    message: /^the data is internal \(stack config aitracks:dataClassification\) but hbiWorkspace is not true$/,
    good: workspace({}),
    config: FACTS,
    policyConfig: { "azure-ml-workspace-hbi": { sensitiveClassifications: ["internal"] } },
  },
  // azure-ml-compute-no-public-ip
  { form: "ComputeInstance with a public IP", policy: "azure-ml-compute-no-public-ip", bad: compute("ComputeInstance", { enableNodePublicIp: true }), on: "c", message: /^ComputeInstance properties\.properties\.enableNodePublicIp is true; expected false$/, good: compute("ComputeInstance") },
  { form: "AmlCompute with a public IP", policy: "azure-ml-compute-no-public-ip", bad: compute("AmlCompute", { enableNodePublicIp: true }), on: "c", message: /^AmlCompute properties\.properties\.enableNodePublicIp is true; expected false$/, good: compute("AmlCompute") },
  // azure-ml-compute-local-auth-disabled
  { form: "ComputeInstance, unset", policy: "azure-ml-compute-local-auth-disabled", bad: compute("ComputeInstance", {}, { disableLocalAuth: undefined }), on: "c", message: /^ComputeInstance properties\.disableLocalAuth is not set; expected true$/, good: compute("ComputeInstance") },
  // azure-ml-compute-scale-to-zero
  { form: "minNodeCount unset passes", policy: "azure-ml-compute-scale-to-zero", bad: compute("AmlCompute", { scaleSettings: { maxNodeCount: 4, minNodeCount: 1 } }), on: "c", message: /^properties\.properties\.scaleSettings\.minNodeCount is 1; expected 0 so idle clusters release their nodes$/, good: compute("AmlCompute", { scaleSettings: { maxNodeCount: 4 } }), level: "advisory" },
  { form: "a null minNodeCount is the default (0)", policy: "azure-ml-compute-scale-to-zero", bad: compute("AmlCompute", { scaleSettings: { maxNodeCount: 4, minNodeCount: 2 } }), on: "c", message: /minNodeCount is 2;/, good: compute("AmlCompute", { scaleSettings: { maxNodeCount: 4, minNodeCount: null } }), level: "advisory" },
  { form: "no scaleSettings passes", policy: "azure-ml-compute-scale-to-zero", bad: compute("AmlCompute", { scaleSettings: { maxNodeCount: 4, minNodeCount: 3 } }), on: "c", message: /minNodeCount is 3;/, good: compute("AmlCompute"), level: "advisory" },
  // azure-ml-compute-instance-idle-shutdown
  { form: "a blank idle time", policy: "azure-ml-compute-instance-idle-shutdown", bad: compute("ComputeInstance", { idleTimeBeforeShutdown: "" }), on: "c", message: /^properties\.properties\.idleTimeBeforeShutdown is not set;/, good: compute("ComputeInstance"), level: "advisory" },
  // azure-ml-serverless-endpoint-content-safety
  { form: "lower-case enabled", policy: "azure-ml-serverless-endpoint-content-safety", bad: serverless({ contentSafety: { contentSafetyStatus: "Disabled" } }), on: "maas", message: /^properties\.contentSafety\.contentSafetyStatus is "Disabled"; expected "Enabled"$/, good: serverless({ contentSafety: { contentSafetyStatus: "enabled" } }) },
  // azure-ml-serverless-endpoint-entra-auth
  { form: "authMode unset", policy: "azure-ml-serverless-endpoint-entra-auth", bad: serverless({ authMode: undefined }), on: "maas", message: /^properties\.authMode is not set; expected "AAD" \(Entra ID\), so no endpoint key can call the model$/, good: serverless({ authMode: "aad" }) },
  {
    // No model settings: nothing to exempt by, so key authentication is still a violation.
    form: "no modelSettings",
    policy: "azure-ml-serverless-endpoint-entra-auth",
    bad: () => new ServerlessEndpoint("maas", { resourceGroupName: RG, workspaceName: "ws", location: "eastus", sku: { name: "Consumption" }, properties: { authMode: "Key", contentSafety: { contentSafetyStatus: "Enabled" } } }),
    on: "maas",
    message: /^properties\.authMode is "Key"; expected "AAD"/,
    good: () => new ServerlessEndpoint("maas", { resourceGroupName: RG, workspaceName: "ws", location: "eastus", sku: { name: "Consumption" }, properties: { authMode: "AAD", contentSafety: { contentSafetyStatus: "Enabled" } } }),
    policyConfig: { "azure-ml-serverless-endpoint-entra-auth": { keyOnlyModels: ["llama"] } },
  },
  {
    // An empty entry in keyOnlyModels exempts nothing (every model id contains "").
    form: "an empty keyOnlyModels entry",
    policy: "azure-ml-serverless-endpoint-entra-auth",
    bad: serverless({ authMode: "Key" }),
    on: "maas",
    message: /^properties\.authMode is "Key"; expected "AAD"/,
    good: serverless({ authMode: "AAD" }),
    policyConfig: { "azure-ml-serverless-endpoint-entra-auth": { keyOnlyModels: ["", "phi-4"] } },
  },
  // azure-cognitive-*
  { form: "publicNetworkAccess unset", policy: "azure-cognitive-no-public-network", bad: account({ publicNetworkAccess: undefined }), on: "openai", message: /^properties\.publicNetworkAccess is not set \(Enabled\); expected "Disabled"$/, good: account({ publicNetworkAccess: "disabled" }) },
  { form: "disableLocalAuth false", policy: "azure-cognitive-local-auth-disabled", bad: account({ disableLocalAuth: false }), on: "openai", message: /^properties\.disableLocalAuth is false; expected true$/, good: account() },
  { form: "keySource unset", policy: "azure-cognitive-cmk", bad: account({ encryption: undefined }), on: "openai", message: /^properties\.encryption\.keySource is not set \(Microsoft-managed keys\); expected "Microsoft\.KeyVault"$/, good: account({ encryption: { ...secureAccount.properties.encryption, keySource: "microsoft.keyvault" } }) },
  { form: "Key Vault without its properties", policy: "azure-cognitive-cmk", bad: account({ encryption: { keySource: "Microsoft.KeyVault" } }), on: "openai", message: /^properties\.encryption\.keyVaultProperties needs keyVaultUri and keyName$/, good: account() },
  { form: "no key name", policy: "azure-cognitive-cmk", bad: account({ encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyVaultUri: "https://kv.vault.azure.net/" } } }), on: "openai", message: /^properties\.encryption\.keyVaultProperties needs keyVaultUri and keyName$/, good: account() },
  { form: "no key vault URI", policy: "azure-cognitive-cmk", bad: account({ encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyName: "cmk" } } }), on: "openai", message: /^properties\.encryption\.keyVaultProperties needs keyVaultUri and keyName$/, good: account() },
  { form: "identity unset", policy: "azure-cognitive-managed-identity", bad: account({}, { identity: undefined }), on: "openai", message: /^identity\.type is not set; expected SystemAssigned or UserAssigned$/, good: account({}, { identity: { type: "UserAssigned", userAssignedIdentities: ["/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id"] } }) },
  { form: "restrictOutbound false", policy: "azure-openai-restrict-outbound", bad: account({ restrictOutboundNetworkAccess: false }), on: "openai", message: /^properties\.restrictOutboundNetworkAccess is false; expected true, with the allowed hosts in properties\.allowedFqdnList$/, good: account() },
  // azure-storage-account-*
  { form: "public network Enabled, firewall Allow", policy: "azure-storage-account-not-public", bad: storage({ publicNetworkAccess: "Enabled", networkRuleSet: { defaultAction: "Allow" } }), on: "st", message: /^publicNetworkAccess is "Enabled" and networkRuleSet\.defaultAction is "Allow"; the account is reachable from any network \(expected publicNetworkAccess "Disabled" or defaultAction "Deny"\)$/, good: storage({ publicNetworkAccess: "Enabled", networkRuleSet: { defaultAction: "deny" } }) },
  { form: "public network disabled in lower case, firewall Allow", policy: "azure-storage-account-not-public", bad: storage({ publicNetworkAccess: "Enabled" }), on: "st", message: /^publicNetworkAccess is "Enabled" and networkRuleSet\.defaultAction is not set \(Allow\);/, good: storage({ publicNetworkAccess: "disabled", networkRuleSet: { defaultAction: "Allow" } }) },
  { form: "TLS 1.0", policy: "azure-storage-account-secure-transport", bad: storage({ minimumTlsVersion: "TLS1_0" }), on: "st", message: /^minimumTlsVersion is "TLS1_0"; expected "TLS1_2"$/, good: storage({ minimumTlsVersion: "TLS1_3" }) },
];

describe("Azure guardrails in every form", () => {
  for (const c of cases) {
    it(`${c.policy}, ${c.form}: flags ${c.message.source}`, () => expectViolation(c));
    it(`${c.policy}, ${c.form}: passes the fixed program`, () => expectPass(c));
  }

  it("a public storage account is one violation per problem: anonymous blobs and the open network", async () => {
    const { graph, report } = await checkBoth(storage({ allowBlobPublicAccess: true, publicNetworkAccess: undefined }));
    expect(violationsOf(report, "azure-storage-account-not-public").map((v) => [v.urn, v.message])).toEqual([
      [urnOf(graph, "st"), "allowBlobPublicAccess is true; containers could be opened to anonymous readers"],
      [urnOf(graph, "st"), 'publicNetworkAccess is not set (Enabled) and networkRuleSet.defaultAction is not set (Allow); the account is reachable from any network (expected publicNetworkAccess "Disabled" or defaultAction "Deny")'],
    ]);
  });

  it("a workspace open both ways is two violations; TLS and HTTP both wrong are two", async () => {
    const ws = await checkBoth(workspace({ publicNetworkAccess: "Enabled", allowPublicAccessWhenBehindVnet: true }));
    expect(violationsOf(ws.report, "azure-ml-workspace-no-public-access").map((v) => v.message).sort()).toEqual(["allowPublicAccessWhenBehindVnet is true", 'publicNetworkAccess is "Enabled"; expected "Disabled"']);
    const st = await checkBoth(storage({ minimumTlsVersion: "TLS1_1", enableHttpsTrafficOnly: false }));
    expect(violationsOf(st.report, "azure-storage-account-secure-transport").map((v) => v.message).sort()).toEqual([
      "enableHttpsTrafficOnly is false; requests over plain HTTP would be accepted",
      'minimumTlsVersion is "TLS1_1"; expected "TLS1_2"',
    ]);
  });
});

describe("Azure guardrails leave alone what they do not govern, saying why", () => {
  const noteOn = async (program: () => void, policy: string, on: string, opts = {}) => {
    const { graph, report } = await checkBoth(program, opts);
    expect(violationsOf(report, policy), `${policy} must not flag ${on}`).toEqual([]);
    return notesOf(report, policy)
      .filter((n) => n.urn === urnOf(graph, on))
      .map((n) => n.reason);
  };

  it("compute of another type (Kubernetes) is none of the compute policies' business", async () => {
    const aks = compute("Kubernetes", { enableNodePublicIp: true }, { disableLocalAuth: false });
    expect(await noteOn(aks, "azure-ml-compute-no-public-ip", "c")).toEqual(["not an AmlCompute or ComputeInstance"]);
    expect(await noteOn(aks, "azure-ml-compute-local-auth-disabled", "c")).toEqual(["not an AmlCompute or ComputeInstance"]);
    expect(await noteOn(aks, "azure-ml-compute-scale-to-zero", "c")).toEqual(["not an AmlCompute cluster"]);
    expect(await noteOn(aks, "azure-ml-compute-instance-idle-shutdown", "c")).toEqual(["not a ComputeInstance"]);
  });

  it("a compute instance is not a cluster, and a cluster is not an instance", async () => {
    expect(await noteOn(compute("ComputeInstance", { scaleSettings: { minNodeCount: 2 } }), "azure-ml-compute-scale-to-zero", "c")).toEqual(["not an AmlCompute cluster"]);
    expect(await noteOn(compute("AmlCompute", { idleTimeBeforeShutdown: undefined }), "azure-ml-compute-instance-idle-shutdown", "c")).toEqual(["not a ComputeInstance"]);
  });

  it("an HBI rule needs a classification: without one the policy says so; internal data passes without HBI", async () => {
    expect(await noteOn(workspace({ hbiWorkspace: false }), "azure-ml-workspace-hbi", "ws")).toEqual(["the stack declares no data classification (aitracks:dataClassification)"]);
    expect(await noteOn(workspace({ hbiWorkspace: false }), "azure-ml-workspace-hbi", "ws", { config: FACTS })).toEqual([]);
  });

  it("an account of a kind that serves no OpenAI models is not asked to restrict outbound", async () => {
    expect(await noteOn(account({ restrictOutboundNetworkAccess: false }, { kind: "TextAnalytics" }), "azure-openai-restrict-outbound", "openai")).toEqual([
      'kind "TextAnalytics" serves no Azure OpenAI models',
    ]);
  });

  it("a listed key-only model is exempt whatever the case of the entry; a model id that is not a string is not", async () => {
    const policyConfig = { "azure-ml-serverless-endpoint-entra-auth": { keyOnlyModels: ["LLAMA-3.3"] } };
    expect(await noteOn(serverless({ authMode: "Key" }), "azure-ml-serverless-endpoint-entra-auth", "maas", { policyConfig })).toEqual([
      `model ${LLAMA} is listed in keyOnlyModels (no Entra ID support)`,
    ]);
    const { graph, report } = await checkBoth(serverless({ authMode: "Key" }, null), { policyConfig: { "azure-ml-serverless-endpoint-entra-auth": { keyOnlyModels: ["llama"] } } });
    expect(violationsOf(report, "azure-ml-serverless-endpoint-entra-auth").map((v) => v.urn)).toEqual([urnOf(graph, "maas")]);
  });
});

describe("azure-openai-deployment-content-filter: the deployment's RaiPolicy, however it is linked", () => {
  const POLICY = "azure-openai-deployment-content-filter";
  const filters = (override: Record<string, object> = {}, extra: object[] = []) => [
    ...["Hate", "Sexual", "Violence", "Selfharm"].flatMap((name) => ["Prompt", "Completion"].map((source) => ({ name, source, enabled: true, blocking: true, severityThreshold: "Medium", ...(override[`${name} ${source}`] ?? {}) }))),
    ...extra,
  ];
  const rai = (logical: string, raiPolicyName: string, contentFilters: object[]) =>
    new RaiPolicy(logical, { resourceGroupName: RG, accountName: "openai", raiPolicyName, properties: { basePolicyName: "Microsoft.DefaultV2", contentFilters } });
  const deployment = (raiPolicyName: pulumi.Input<string> | undefined) =>
    new Deployment("gpt", {
      resourceGroupName: RG,
      accountName: "openai",
      sku: { name: "GlobalStandard", capacity: 10 },
      properties: { model: { format: "OpenAI", name: "gpt-4o", version: "2024-08-06" }, ...(raiPolicyName ? { raiPolicyName } : {}) },
    });
  const weak = filters({ "Hate Prompt": { enabled: false }, "Sexual Completion": { blocking: false }, "Selfharm Completion": { blocking: false } });
  const WEAK = /^content filter (\S+): Hate \(Prompt\) is disabled; Sexual \(Completion\) does not block; Selfharm \(Completion\) does not block$/;

  it("by dependency: the policy the deployment depends on is judged, even when another one has its name", async () => {
    // The deployment names "strict" but takes it from the weak policy's output: the dependency wins.
    const program = (weakFilters: object[]) => () => {
      const w = rai("weak-rai", "weak", weakFilters);
      rai("strict", "strict", filters());
      deployment(w.id.apply(() => "strict"));
    };
    await expectViolation({ policy: POLICY, bad: program(weak), on: "gpt", message: /^content filter strict: Hate \(Prompt\) is disabled; Sexual \(Completion\) does not block; Selfharm \(Completion\) does not block$/, good: program(filters()) });
    await expectPass({ policy: POLICY, bad: program(weak), on: "gpt", message: /./, good: program(filters()) });
  });

  for (const [form, logical, raiPolicyName, named] of [
    ["by raiPolicyName", "filter-resource", "custom", "custom"],
    ["by the resource's name", "custom", "other-name", "custom"],
  ] as const) {
    it(`${form}: the weak policy is a violation, the strict one passes`, async () => {
      const program = (f: object[]) => () => {
        rai(logical, raiPolicyName, f);
        deployment(named);
      };
      const c = { policy: POLICY, bad: program(weak), on: "gpt", message: WEAK, good: program(filters()) };
      await expectViolation(c);
      await expectPass(c);
    });
  }

  it("a policy of another name is not the deployment's (Microsoft.DefaultV2 is the service's own)", async () => {
    const program = () => {
      rai("custom", "custom", weak);
      deployment("Microsoft.DefaultV2");
    };
    await expectPass({ policy: POLICY, bad: program, on: "gpt", message: /./, good: program });
  });

  it("only the four harm categories count, however they are spelled; a filter without a source says so", async () => {
    const f = [
      ...filters().filter((x) => x.name !== "Selfharm" || x.source !== "Prompt"),
      { name: "Self-Harm", enabled: false },
      { name: "violence", enabled: true, blocking: false },
      { name: "Jailbreak", source: "Prompt", enabled: false, blocking: false },
      { name: "Profanity", source: "Completion", enabled: true, blocking: false },
    ];
    const program = () => {
      rai("custom", "custom", f);
      deployment("custom");
    };
    await expectViolation({ policy: POLICY, bad: program, on: "gpt", message: /^content filter custom: Self-Harm \(\) is disabled; violence \(\) does not block$/, good: program });
  });

  it("an enabled filter that blocks by default (blocking unset) passes", async () => {
    const program = () => {
      rai("custom", "custom", filters({ "Violence Prompt": { blocking: undefined }, "Hate Completion": { enabled: undefined } }));
      deployment("custom");
    };
    await expectPass({ policy: POLICY, bad: program, on: "gpt", message: /./, good: program });
  });

  it("a RaiPolicy whose filters are known only at deploy: the deployment is not flagged, the policy says it could not decide", async () => {
    const { graph, report } = await checkBoth(() => {
      const account = new Account("openai", { resourceGroupName: RG, kind: "OpenAI", sku: { name: "S0" } });
      new RaiPolicy("custom", {
        resourceGroupName: RG,
        accountName: "openai",
        raiPolicyName: "custom",
        // etag is not mocked: unknown during preview.
        properties: { contentFilters: account.etag.apply(() => [{ name: "Hate", source: "Prompt", enabled: false, blocking: true }]) },
      });
      deployment("custom");
    });
    expect(violationsOf(report, POLICY)).toEqual([]);
    expect(notesOf(report, POLICY).map((n) => [n.urn, n.reason])).toEqual([[undefined, `could not decide for ${urnOf(graph, "custom")} (.properties.contentFilters not known until deploy)`]]);
  });

  it("with no deployment the policy says it has nothing to judge", async () => {
    const { report } = await checkBoth(() => rai("custom", "custom", weak));
    expect(violationsOf(report, POLICY)).toEqual([]);
    expect(notesOf(report, POLICY).map((n) => [n.urn, n.reason])).toEqual([[undefined, "no Azure OpenAI deployments in the stack"]]);
  });

  it("two deployments: each judged on its own policy, in order", async () => {
    const { graph, report } = await checkBoth(() => {
      rai("weak", "weak", weak);
      rai("strict", "strict", filters());
      deployment("weak");
      new Deployment("gpt-mini", { resourceGroupName: RG, accountName: "openai", sku: { name: "GlobalStandard", capacity: 1 }, properties: { model: { format: "OpenAI", name: "gpt-4o-mini", version: "2024-07-18" }, raiPolicyName: "strict" } });
      new Deployment("gpt-none", { resourceGroupName: RG, accountName: "openai", sku: { name: "GlobalStandard", capacity: 1 }, properties: { model: { format: "OpenAI", name: "gpt-4o-mini", version: "2024-07-18" } } });
    });
    expect(violationsOf(report, POLICY).map((v) => [v.urn, v.message])).toEqual([
      [urnOf(graph, "gpt"), "content filter weak: Hate (Prompt) is disabled; Sexual (Completion) does not block; Selfharm (Completion) does not block"],
      [urnOf(graph, "gpt-none"), "the deployment sets no properties.raiPolicyName (content filter)"],
    ]);
    expect(notesOf(report, POLICY)).toEqual([]);
  });
});

describe("Azure guardrails on resources that leave a block out", () => {
  it("an OpenAI account with no properties block breaks every account rule, each saying what is unset", async () => {
    const { graph, report } = await checkBoth(() => new Account("openai", { resourceGroupName: RG, kind: "OpenAI", sku: { name: "S0" }, identity: { type: "SystemAssigned" } }));
    const urn = urnOf(graph, "openai");
    const got = (policy: string) => violationsOf(report, policy).map((v) => [v.urn, v.message]);
    expect(got("azure-cognitive-no-public-network")).toEqual([[urn, 'properties.publicNetworkAccess is not set (Enabled); expected "Disabled"']]);
    expect(got("azure-cognitive-local-auth-disabled")).toEqual([[urn, "properties.disableLocalAuth is not set (keys work); expected true"]]);
    expect(got("azure-cognitive-cmk")).toEqual([[urn, 'properties.encryption.keySource is not set (Microsoft-managed keys); expected "Microsoft.KeyVault"']]);
    expect(got("azure-openai-restrict-outbound")).toEqual([[urn, "properties.restrictOutboundNetworkAccess is not set (outbound unrestricted); expected true, with the allowed hosts in properties.allowedFqdnList"]]);
    expect(got("azure-cognitive-managed-identity")).toEqual([]);
  });

  it("a compute with no properties is none of the compute policies' business", async () => {
    const { graph, report } = await checkBoth(() => new Compute("c", { resourceGroupName: RG, workspaceName: "ws" }));
    const urn = urnOf(graph, "c");
    for (const [policy, reason] of [
      ["azure-ml-compute-no-public-ip", "not an AmlCompute or ComputeInstance"],
      ["azure-ml-compute-local-auth-disabled", "not an AmlCompute or ComputeInstance"],
      ["azure-ml-compute-scale-to-zero", "not an AmlCompute cluster"],
      ["azure-ml-compute-instance-idle-shutdown", "not a ComputeInstance"],
    ]) {
      expect(violationsOf(report, policy), policy).toEqual([]);
      expect(notesOf(report, policy).filter((n) => n.urn === urn).map((n) => n.reason), policy).toEqual([reason]);
    }
  });
});

describe("azure-ml-workspace-hbi: the classification from each source", () => {
  const POLICY = "azure-ml-workspace-hbi";
  it("from the workspace's aitracks-data-classification tag", async () => {
    const { graph, report } = await checkBoth(workspace({ hbiWorkspace: false, tags: { "aitracks-data-classification": "confidential" } }));
    const urn = urnOf(graph, "ws");
    expect(violationsOf(report, POLICY).map((v) => [v.urn, v.message])).toEqual([[urn, `the data is confidential (tag aitracks-data-classification on ${urn}) but hbiWorkspace is not true`]]);
  });

  it("from the stack tag aitracks:data-classification", async () => {
    const { graph, report } = await checkBoth(workspace({ hbiWorkspace: false }), { stackTags: { "aitracks:data-classification": "restricted" } });
    expect(violationsOf(report, POLICY).map((v) => [v.urn, v.message])).toEqual([[urnOf(graph, "ws"), "the data is restricted (stack tag aitracks:data-classification) but hbiWorkspace is not true"]]);
  });
});

describe("Azure policy settings of the wrong type are refused, naming the setting", () => {
  for (const [policy, setting, value, problem] of [
    ["azure-ml-workspace-managed-network", "requireApprovedOutbound", "yes", 'expected boolean, got "yes"'],
    ["azure-ml-workspace-hbi", "sensitiveClassifications", "restricted", 'expected array, got "restricted"'],
    ["azure-ml-workspace-hbi", "sensitiveClassifications", ["restricted", 3], "[1]: expected string, got integer"],
    ["azure-ml-serverless-endpoint-entra-auth", "keyOnlyModels", "llama", 'expected array, got "llama"'],
    ["azure-ml-serverless-endpoint-entra-auth", "keyOnlyModels", [true], "[0]: expected string, got boolean"],
  ] as const) {
    it(`${policy}.${setting} = ${JSON.stringify(value)}`, async () => {
      const escaped = `${policy}.${setting}${problem.startsWith("[") ? "" : ": "}${problem}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      await expect(checkBoth(workspace({}), { policyConfig: { [policy]: { [setting]: value } } })).rejects.toThrow(new RegExp(escaped));
    });
  }
});

describe("azure-openai-deployment-content-filter reads only RaiPolicy resources", () => {
  it("another resource named like the deployment's filter is not taken for it", async () => {
    // The account's logical name is the filter's name, and it comes first (the filter and the
    // deployment take their accountName from it); the weak RaiPolicy is found by its raiPolicyName.
    const program = (blocking: boolean) => () => {
      const account = new Account("custom", { ...secureAccount, kind: "OpenAI" });
      new RaiPolicy("filter", {
        resourceGroupName: RG,
        accountName: account.name,
        raiPolicyName: "custom",
        properties: { contentFilters: [{ name: "Violence", source: "Completion", enabled: true, blocking }] },
      });
      new Deployment("gpt", { resourceGroupName: RG, accountName: account.name, sku: { name: "GlobalStandard", capacity: 1 }, properties: { model: { format: "OpenAI", name: "gpt-4o", version: "2024-08-06" }, raiPolicyName: "custom" } });
    };
    const c = { policy: "azure-openai-deployment-content-filter", bad: program(false), on: "gpt", message: /^content filter custom: Violence \(Completion\) does not block$/, good: program(true) };
    await expectViolation(c);
    await expectPass(c);
  });
});

describe("a serverless endpoint whose properties are null (the SDK checks only for undefined)", () => {
  it("fails content safety and Entra ID authentication, each saying not set, and is not exempted by keyOnlyModels", async () => {
    const { graph, report } = await checkBoth(
      () => new ServerlessEndpoint("maas", { resourceGroupName: RG, workspaceName: "ws", location: "eastus", sku: { name: "Consumption" }, properties: null }),
      { policyConfig: { "azure-ml-serverless-endpoint-entra-auth": { keyOnlyModels: ["llama"] } } },
    );
    const urn = urnOf(graph, "maas");
    expect(violationsOf(report, "azure-ml-serverless-endpoint-content-safety").map((v) => [v.urn, v.message])).toEqual([
      [urn, `properties.contentSafety.contentSafetyStatus is not set (the service's default); expected "Enabled"`],
    ]);
    expect(violationsOf(report, "azure-ml-serverless-endpoint-entra-auth").map((v) => [v.urn, v.message])).toEqual([
      [urn, 'properties.authMode is not set; expected "AAD" (Entra ID), so no endpoint key can call the model'],
    ]);
  });
});
