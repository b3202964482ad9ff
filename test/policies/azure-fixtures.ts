// @ts-nocheck
// Azure resources that pass every guardrail, shared by azure.test.ts and azure-forms.test.ts.

export const RG = "rg-ai";

/** An Azure ML workspace that passes every workspace guardrail. */
export const secureWorkspace = {
  resourceGroupName: RG,
  publicNetworkAccess: "Disabled",
  hbiWorkspace: true,
  identity: { type: "SystemAssigned" },
  managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
  encryption: { status: "Enabled", keyVaultProperties: { keyVaultArmId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv", keyIdentifier: "https://kv.vault.azure.net/keys/cmk" } },
};
