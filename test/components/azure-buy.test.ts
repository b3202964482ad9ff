// @ts-nocheck
import { describe, expect, it } from "vitest";
import { AzureBuyTrack, type AzureBuyTrackArgs } from "@aitracks/components";
import { previewInline, type ResourceGraph } from "@aitracks/preview";
import { ofType, one } from "../helpers/graph";
import { SUB, azureTags, expectTaggedAndLocated, failure, named } from "./azure-helpers";

const base: AzureBuyTrackArgs = {
  region: "eastus2",
  deployments: [
    { model: "gpt-4o", sku: "GlobalProvisionedManaged", capacity: 15 },
    { model: "gpt-4o-mini", sku: "GlobalStandard", capacity: 50, name: "mini" },
    { model: "gpt-4.1-mini" },
  ],
  monthlyBudgetUsd: 12000,
  alertEmails: ["ops@example.com"],
  budgetStartDate: "2026-12-01",
  tags: azureTags("buy"),
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const build = (args: Partial<AzureBuyTrackArgs> = {}): Promise<ResourceGraph> => previewInline({ program: () => new AzureBuyTrack("assistant", { ...base, ...args }) });

describe("buy on Azure (Azure OpenAI Service)", async () => {
  const graph = await build();
  const account = one(graph, "azure-native:cognitiveservices:Account");
  const a = account.inputs as any;
  const vault = one(graph, "azure-native:keyvault:Vault");
  const identityId = `${SUB}/resourceGroups/${a.resourceGroupName}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/assistant-identity`;

  it("creates an OpenAI account with local (key) auth off and no public network access", () => {
    expect(a.kind).toBe("OpenAI");
    expect(a.sku).toEqual({ name: "S0" });
    expect(a.properties.disableLocalAuth).toBe(true);
    expect(a.properties.publicNetworkAccess).toBe("Disabled");
    expect(a.properties.networkAcls).toEqual({ defaultAction: "Deny", ipRules: [], virtualNetworkRules: [] });
    expect(a.properties.restrictOutboundNetworkAccess).toBe(true);
    expect(a.properties.customSubDomainName).toBe(a.accountName);
    expect(a.accountName).toMatch(/^assistant-aoai-[0-9a-f]{6}$/);
  });

  it("reaches the account only through a private endpoint in the track's subnet, with private DNS", () => {
    const pe = one(graph, "azure-native:network:PrivateEndpoint").inputs as any;
    expect(pe.privateLinkServiceConnections).toEqual([
      { name: "assistant-openai-pe-account", privateLinkServiceId: `${SUB}/resourceGroups/${a.resourceGroupName}/providers/Microsoft.CognitiveServices/accounts/${a.accountName}`, groupIds: ["account"] },
    ]);
    const vnet = one(graph, "azure-native:network:VirtualNetwork").inputs as any;
    expect(vnet.subnets).toEqual([{ name: "private-endpoints", addressPrefix: "10.42.0.0/24", privateEndpointNetworkPolicies: "Enabled", defaultOutboundAccess: false }]);
    expect(pe.subnet.id).toMatch(/\/virtualNetworks\/assistant-vnet-[0-9a-f]+\/subnets\/private-endpoints$/);
    const zones = ofType(graph, "azure-native:privatedns:PrivateZone").map((z) => z.inputs.privateZoneName).sort();
    expect(zones).toEqual(["privatelink.cognitiveservices.azure.com", "privatelink.openai.azure.com"]);
    const group = one(graph, "azure-native:network:PrivateDnsZoneGroup").inputs as any;
    expect(group.privateDnsZoneConfigs.map((c: any) => c.privateDnsZoneId.split("/").pop()).sort()).toEqual(zones);
    expect(ofType(graph, "azure-native:privatedns:VirtualNetworkLink")).toHaveLength(2);
  });

  it("encrypts with a customer-managed HSM key from a purge-protected RBAC vault, through the track identity", () => {
    expect(a.encryption).toBeUndefined();
    expect(a.properties.encryption).toEqual({
      keySource: "Microsoft.KeyVault",
      keyVaultProperties: { keyVaultUri: `https://${(vault.inputs as any).vaultName}.vault.azure.net/`, keyName: "cmk", identityClientId: expect.stringMatching(GUID) },
    });
    expect(a.identity).toEqual({ type: "UserAssigned", userAssignedIdentities: [identityId] });
    const v = vault.inputs as any;
    expect(v.properties).toMatchObject({
      enablePurgeProtection: true,
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      publicNetworkAccess: "Disabled",
      sku: { family: "A", name: "premium" },
      networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
      tenantId: "11111111-1111-1111-1111-111111111111",
    });
    expect(v.vaultName).toMatch(/^kv-assistant-[0-9a-f]{6}$/);
    expect(v.vaultName.length).toBeLessThanOrEqual(24);
    const key = one(graph, "azure-native:keyvault:Key").inputs as any;
    expect(key.properties).toMatchObject({ kty: "RSA-HSM", keySize: 3072, keyOps: ["wrapKey", "unwrapKey"] });
    expect(key.properties.rotationPolicy.lifetimeActions[0]).toEqual({ trigger: { timeAfterCreate: "P1Y" }, action: { type: "rotate" } });
    // The identity may wrap/unwrap with the key before the account is created with it.
    const access = named(graph, "assistant-identity-key-access");
    expect((access.inputs as any).roleDefinitionId).toBe(`${SUB}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6`);
    expect((access.inputs as any).scope).toBe(`${SUB}/resourceGroups/${a.resourceGroupName}/providers/Microsoft.KeyVault/vaults/${v.vaultName}`);
    expect(account.dependencies).toContain(access.urn);
  });

  it("attaches the content filter to every deployment", () => {
    const policy = one(graph, "azure-native:cognitiveservices:RaiPolicy");
    const p = policy.inputs as any;
    const deployments = ofType(graph, "azure-native:cognitiveservices:Deployment");
    expect(deployments).toHaveLength(3);
    for (const d of deployments) {
      expect((d.inputs as any).properties.raiPolicyName, d.name).toBe("assistant-content-filter");
      expect(d.dependencies, d.name).toContain(policy.urn);
    }
    expect(p.properties.basePolicyName).toBe("Microsoft.DefaultV2");
    expect(p.properties.mode).toBe("Blocking");
    const filters = p.properties.contentFilters as any[];
    const harm = filters.filter((f) => ["hate", "sexual", "violence", "selfharm"].includes(f.name));
    expect(harm).toHaveLength(8);
    expect(new Set(harm.map((f) => `${f.name}/${f.source}/${f.severityThreshold}/${f.blocking}`)).size).toBe(8);
    expect(harm.every((f) => f.severityThreshold === "Medium" && f.blocking && f.enabled)).toBe(true);
    expect(filters.find((f) => f.name === "jailbreak")).toEqual({ name: "jailbreak", source: "Prompt", enabled: true, blocking: true });
    expect(filters.find((f) => f.name === "protected_material_code")).toMatchObject({ source: "Completion", blocking: true });
  });

  it("deploys in priority order, one after the other, a provisioned deployment spilling over to the next", () => {
    const [d0, d1, d2] = [0, 1, 2].map((i) => named(graph, `assistant-deployment-${i}`));
    expect((d0!.inputs as any).sku).toEqual({ name: "GlobalProvisionedManaged", capacity: 15 });
    expect((d0!.inputs as any).properties).toMatchObject({ model: { format: "OpenAI", name: "gpt-4o", version: "2024-11-20" }, spilloverDeploymentName: "mini" });
    expect((d1!.inputs as any).deploymentName).toBe("mini");
    expect((d1!.inputs as any).sku).toEqual({ name: "GlobalStandard", capacity: 50 });
    expect((d1!.inputs as any).properties.spilloverDeploymentName).toBeUndefined();
    expect((d2!.inputs as any)).toMatchObject({ deploymentName: "gpt-4.1-mini", sku: { name: "GlobalStandard", capacity: 30 } });
    expect(d1!.dependencies).toContain(d0!.urn);
    expect(d2!.dependencies).toContain(d1!.urn);
  });

  it("tags a provisioned deployment with its PTU reservation, which the cost estimate prices at its own rate", async () => {
    const g = await build({ deployments: [{ model: "gpt-4o", sku: "GlobalProvisionedManaged", capacity: 15, reservation: "yearly" }] });
    const d0 = named(g, "assistant-deployment-0");
    expect((d0!.inputs as any).tags["aitracks-ptu-reservation"]).toBe("yearly");
    expect((d0!.inputs as any).tags.owner).toBe((named(graph, "assistant-deployment-0")!.inputs as any).tags.owner);
    expect((named(graph, "assistant-deployment-0")!.inputs as any).tags["aitracks-ptu-reservation"]).toBeUndefined();
    expect(await failure(build({ deployments: [{ model: "gpt-4o", reservation: "monthly" }] }))).toBe("deployments[0].reservation: expected a provisioned SKU for a monthly reservation; GlobalStandard is pay per token (0)");
  });

  it("sends the account's and the vault's logs to Log Analytics", () => {
    const law = one(graph, "azure-native:operationalinsights:Workspace");
    const settings = ofType(graph, "azure-native:monitor:DiagnosticSetting").map((d) => d.inputs as any);
    expect(settings.map((s) => s.resourceUri.split("/providers/")[1]).sort()).toEqual([`Microsoft.CognitiveServices/accounts/${a.accountName}`, `Microsoft.KeyVault/vaults/${(vault.inputs as any).vaultName}`]);
    for (const s of settings) {
      expect(s.workspaceId).toMatch(/\/Microsoft\.OperationalInsights\/workspaces\/assistant-logs-/);
      expect(s.logs).toEqual([{ categoryGroup: "allLogs", enabled: true }]);
      expect(s.metrics).toEqual([{ category: "AllMetrics", enabled: true }]);
    }
    expect((law.inputs as any).retentionInDays).toBe(90);
    expect((law.inputs as any).features.disableLocalAuth).toBe(true);
  });

  it("watches spend with a consumption budget on the resource group: 50/80/100% actual and 100% forecast", () => {
    const b = one(graph, "azure-native:consumption:Budget").inputs as any;
    expect(b).toMatchObject({ amount: 12000, category: "Cost", timeGrain: "Monthly", timePeriod: { startDate: "2026-12-01T00:00:00Z" } });
    expect(b.scope).toBe(`${SUB}/resourceGroups/${a.resourceGroupName}`);
    expect(Object.keys(b.notifications).sort()).toEqual(["actual-100-percent", "actual-50-percent", "actual-80-percent", "forecast-100-percent"]);
    expect(b.notifications["actual-80-percent"]).toEqual({ enabled: true, operator: "GreaterThan", threshold: 80, thresholdType: "Actual", contactEmails: ["ops@example.com"], contactRoles: ["Owner"] });
    expect(b.notifications["forecast-100-percent"].thresholdType).toBe("Forecasted");
  });

  it("gives the application identity inference rights on the account, and nothing else", () => {
    const grant = named(graph, "assistant-app-invoke").inputs as any;
    expect(grant.roleDefinitionId).toMatch(/\/roleDefinitions\/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd$/);
    expect(grant.scope).toBe(`${SUB}/resourceGroups/${a.resourceGroupName}/providers/Microsoft.CognitiveServices/accounts/${a.accountName}`);
    // The application's own identity, not the one the account encrypts with.
    expect(grant.principalId).toMatch(GUID);
    expect(grant.principalId).not.toBe((named(graph, "assistant-identity-key-access").inputs as any).principalId);
    expect(ofType(graph, "azure-native:authorization:RoleAssignment").filter((r) => /5e0bd9bd/.test((r.inputs as any).roleDefinitionId))).toHaveLength(1);
  });

  it("grants existing groups inference rights on the account when listed", async () => {
    const g = await build({ invokerPrincipalIds: ["0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"] });
    const grant = named(g, "assistant-invoker-0").inputs as any;
    expect(grant).toMatchObject({ principalId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", principalType: "Group" });
    expect(grant.roleDefinitionId).toMatch(/\/roleDefinitions\/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd$/);
  });

  it("tags every resource with track, owner, cost centre and review date, in one resource group in the region", () => {
    expectTaggedAndLocated(graph, "eastus2");
    expect((account.inputs.tags as any)["aitracks-track"]).toBe("buy");
  });

  it("uses an existing subnet when given one, and then makes no network or DNS zones of its own", async () => {
    const subnet = `${SUB}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub/subnets/pe`;
    const g = await build({ network: { privateEndpointSubnetId: subnet } });
    expect((one(g, "azure-native:network:PrivateEndpoint").inputs as any).subnet.id).toBe(subnet);
    expect(ofType(g, "azure-native:network:VirtualNetwork")).toHaveLength(0);
    expect(ofType(g, "azure-native:privatedns:PrivateZone")).toHaveLength(0);
  });

  it("rejects bad settings before registering anything, naming the field", async () => {
    const bad = (args: Partial<AzureBuyTrackArgs>) => failure(build(args));
    expect(await bad({ deployments: [] })).toBe("deployments: expected at least one Azure OpenAI model deployment, got an empty list (0)");
    expect(await bad({ deployments: [{ model: "gpt-4o" }, { model: "gpt-4x" }] })).toBe('deployments[1].model: unknown Azure OpenAI model "gpt-4x"; did you mean gpt-4o, gpt-4.1, gpt-5? (0)');
    expect(await bad({ deployments: [{ model: "gpt-4o", version: "2023-01-01" }] })).toBe(
      'deployments[0].version: expected a version of gpt-4o (2024-11-20, 2024-08-06, 2024-05-13), got "2023-01-01" (0)',
    );
    expect(await bad({ deployments: [{ model: "gpt-4o", capacity: 0 }] })).toBe("deployments[0].capacity: expected a whole number of thousand tokens per minute of at least 1, got 0 (0)");
    expect(await bad({ deployments: [{ model: "gpt-4o", sku: "GlobalProvisionedManaged", capacity: 12 }] })).toBe(
      "deployments[0].capacity: expected at least 15 provisioned throughput units for GlobalProvisionedManaged, got 12 (0)",
    );
    expect(await bad({ deployments: [{ model: "gpt-4o", sku: "GlobalProvisionedManaged", capacity: 17 }] })).toBe(
      "deployments[0].capacity: expected a multiple of 5 provisioned throughput units for GlobalProvisionedManaged, got 17 (0)",
    );
    expect(await bad({ deployments: [{ model: "gpt-4o", sku: "ProvisionedManaged" }] })).toBe("deployments[0].capacity: expected the number of provisioned throughput units for ProvisionedManaged (0)");
    expect(await bad({ deployments: [{ model: "gpt-4o", sku: "Premium" }] })).toMatch(/^deployments\[0\]\.sku: expected one of Standard, GlobalStandard, .* got "Premium" \(0\)$/);
    expect(await bad({ deployments: [{ model: "gpt-4o" }, { model: "gpt-4o" }] })).toBe(
      'deployments[1].name: expected a unique deployment name; "gpt-4o" is also deployments[0] (set name: to tell them apart) (0)',
    );
    expect(await bad({ monthlyBudgetUsd: 0 })).toBe("monthlyBudgetUsd: expected a monthly budget above 0 USD, got 0 (0)");
    expect(await bad({ region: "East US" })).toBe('region: expected an Azure region such as eastus2 or swedencentral, got "East US" (0)');
    expect(await bad({ contentFilter: { severityThreshold: "Off" as never } })).toBe('contentFilter.severityThreshold: expected Low, Medium or High, got "Off" (0)');
    expect(await bad({ budgetAlertThresholds: [25, 50, 75, 90, 100] })).toBe("budgetAlertThresholds: expected 1 to 4 percentages (Azure allows 5 notifications, one is the forecast), got 5 (0)");
    expect(await bad({ invokerPrincipalIds: ["ml-team"] })).toBe('invokerPrincipalIds[0]: expected an Entra ID object id (a GUID), got "ml-team" (0)');
    expect(await bad({ network: { addressSpace: "10.42.0.0/29" } })).toBe('network.addressSpace: expected an IPv4 range from /8 to /27 such as 10.42.0.0/24, got "10.42.0.0/29" (0)');
  });
});
