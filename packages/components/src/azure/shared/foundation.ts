import * as pulumi from "@pulumi/pulumi";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import type { Workspace as LogAnalyticsWorkspace } from "@pulumi/azure-native/operationalinsights";
import type { RoleAssignment } from "@pulumi/azure-native/authorization";
import type { ResolvedAzureBase } from "./base";
import { customerManagedKey, type CustomerManagedKey } from "./keyvault";
import { diagnosticsToLogAnalytics, logAnalytics, resourceGroupBudget } from "./monitoring";
import { trackNetwork, type TrackNetwork } from "./network";
import { azureClient, grantRole, type AzureClient } from "./roles";

/**
 * What every Azure track stands on: its own resource group (so its budget, tags and RBAC have one
 * scope), a user-assigned identity the services encrypt and act with, a customer-managed key in a
 * purge-protected RBAC vault that the identity may wrap and unwrap with, a Log Analytics workspace
 * for diagnostics, the private network, and (when given) a monthly budget.
 */
export interface AzureFoundation {
  readonly location: string;
  readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
  readonly client: AzureClient;
  readonly resourceGroup: ResourceGroup;
  readonly resourceGroupName: pulumi.Output<string>;
  readonly identity: UserAssignedIdentity;
  readonly cmk: CustomerManagedKey;
  /** The identity's right to use the key: anything encrypting with the key depends on it. */
  readonly keyAccess: RoleAssignment;
  readonly logs: LogAnalyticsWorkspace;
  readonly network: TrackNetwork;
  /** Diagnostic settings of a resource to the track's Log Analytics workspace. */
  diagnostics(name: string, resourceId: pulumi.Input<string>): void;
}

export function azureFoundation(name: string, cfg: ResolvedAzureBase, parent: pulumi.Resource): AzureFoundation {
  const opts = { parent };
  const tags = cfg.tags;
  const client = azureClient(parent);
  const resourceGroup = new ResourceGroup(`${name}-rg`, { location: cfg.location, tags }, opts);
  const resourceGroupName = resourceGroup.name;
  const identity = new UserAssignedIdentity(
    `${name}-identity`,
    { resourceName: `${name}-identity`, resourceGroupName, location: cfg.location, tags },
    opts,
  );
  const cmk = customerManagedKey(name, { resourceGroupName, location: cfg.location, client, tags }, opts);
  const keyAccess = grantRole(
    `${name}-identity-key-access`,
    client,
    { principalId: identity.principalId, role: "keyVaultCryptoServiceEncryptionUser", scope: cmk.vault.id, description: "aitracks: wrap and unwrap with the track's key" },
    opts,
  );
  const logs = logAnalytics(`${name}-logs`, { resourceGroupName, location: cfg.location, retentionInDays: cfg.logRetentionDays, tags }, opts);
  diagnosticsToLogAnalytics(`${name}-vault-diagnostics`, cmk.vault.id, logs.id, opts);
  const network = trackNetwork(
    name,
    { resourceGroupName, location: cfg.location, addressSpace: cfg.network.addressSpace, privateEndpointSubnetId: cfg.network.privateEndpointSubnetId, tags },
    opts,
  );
  if (cfg.budget) {
    resourceGroupBudget(`${name}-budget`, { scope: resourceGroup.id, ...cfg.budget }, opts);
  }
  return {
    location: cfg.location,
    tags,
    client,
    resourceGroup,
    resourceGroupName,
    identity,
    cmk,
    keyAccess,
    logs,
    network,
    diagnostics(diagName, resourceId) {
      diagnosticsToLogAnalytics(diagName, resourceId, logs.id, opts);
    },
  };
}
