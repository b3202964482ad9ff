import * as pulumi from "@pulumi/pulumi";
import { Component } from "@pulumi/azure-native/applicationinsights";
import { Compute, Workspace } from "@pulumi/azure-native/machinelearningservices";
import type { AzureFoundation } from "./foundation";
import { ML_WORKSPACE_NAME, azureName } from "./naming";
import { grantRole } from "./roles";
import { secureStorage, type SecureStorage } from "./storage";

export interface MlWorkspace {
  readonly workspace: Workspace;
  readonly workspaceName: pulumi.Output<string>;
  readonly storage: SecureStorage;
  readonly appInsights: Component;
}

/**
 * An Azure ML workspace, secure by default: its own customer-key-encrypted storage account, the
 * track's Key Vault and a workspace-based Application Insights (local auth off); the workspace's
 * data encrypted with the customer-managed key (high-business-impact mode), a managed virtual
 * network that allows only approved outbound traffic, no public access (a private endpoint
 * instead), identity-based access to its datastores, and its logs in Log Analytics.
 */
export function mlWorkspace(name: string, f: AzureFoundation, description: string, parent: pulumi.Resource): MlWorkspace {
  const opts = { parent };
  const storage = secureStorage(
    `${name}-ws`,
    { resourceGroupName: f.resourceGroupName, location: f.location, identityId: f.identity.id, keyVaultUri: f.cmk.vaultUri, keyName: f.cmk.keyName, tags: f.tags },
    { parent, dependsOn: [f.keyAccess] },
  );
  const appInsights = new Component(
    `${name}-appinsights`,
    {
      resourceGroupName: f.resourceGroupName,
      location: f.location,
      kind: "web",
      applicationType: "web",
      workspaceResourceId: f.logs.id,
      ingestionMode: "LogAnalytics",
      disableLocalAuth: true,
      tags: f.tags,
    },
    opts,
  );
  // A workspace with a user-assigned identity acts through it on its dependent resources.
  const principalId = f.identity.principalId;
  const access = [
    grantRole(`${name}-ws-storage-data`, f.client, { principalId, role: "storageBlobDataContributor", scope: storage.account.id }, opts),
    grantRole(`${name}-ws-storage-account`, f.client, { principalId, role: "storageAccountContributor", scope: storage.account.id }, opts),
    grantRole(`${name}-ws-vault`, f.client, { principalId, role: "keyVaultAdministrator", scope: f.cmk.vault.id }, opts),
    grantRole(`${name}-ws-appinsights`, f.client, { principalId, role: "contributor", scope: appInsights.id }, opts),
  ];
  const workspace = new Workspace(
    `${name}-workspace`,
    {
      workspaceName: azureName("mlw-", name, ML_WORKSPACE_NAME),
      resourceGroupName: f.resourceGroupName,
      location: f.location,
      description,
      sku: { name: "Basic", tier: "Basic" },
      identity: { type: "UserAssigned", userAssignedIdentities: [f.identity.id] },
      primaryUserAssignedIdentity: f.identity.id,
      storageAccount: storage.account.id,
      keyVault: f.cmk.vault.id,
      applicationInsights: appInsights.id,
      hbiWorkspace: true,
      encryption: {
        status: "Enabled",
        identity: { userAssignedIdentity: f.identity.id },
        keyVaultProperties: { keyVaultArmId: f.cmk.vault.id, keyIdentifier: f.cmk.keyUriWithVersion },
      },
      managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
      provisionNetworkNow: true,
      publicNetworkAccess: "Disabled",
      allowPublicAccessWhenBehindVnet: false,
      systemDatastoresAuthMode: "Identity",
      v1LegacyMode: false,
      tags: f.tags,
    },
    { ...opts, dependsOn: [f.keyAccess, ...access] },
  );
  f.network.privateEndpoint(`${name}-workspace-pe`, workspace.id, "amlworkspace", opts);
  f.diagnostics(`${name}-workspace-diagnostics`, workspace.id);
  return { workspace, workspaceName: workspace.name, storage, appInsights };
}

export interface AmlClusterArgs {
  readonly computeName: string;
  readonly vmSize: string;
  readonly minNodes: number;
  readonly maxNodes: number;
  readonly priority: string;
  readonly idleMinutes: number;
  readonly description: string;
}

/**
 * An AmlCompute cluster in the workspace's managed network: nodes without public IPs, SSH closed,
 * Entra ID only, acting as the track's identity, scaling between `minNodes` (0: no idle cost)
 * and `maxNodes`.
 */
export function amlCluster(name: string, ws: MlWorkspace, f: AzureFoundation, c: AmlClusterArgs, parent: pulumi.Resource): Compute {
  return new Compute(
    name,
    {
      computeName: c.computeName,
      workspaceName: ws.workspaceName,
      resourceGroupName: f.resourceGroupName,
      location: f.location,
      identity: { type: "UserAssigned", userAssignedIdentities: [f.identity.id] },
      properties: {
        computeType: "AmlCompute",
        description: c.description,
        disableLocalAuth: true,
        properties: {
          vmSize: c.vmSize,
          vmPriority: c.priority,
          osType: "Linux",
          scaleSettings: { minNodeCount: c.minNodes, maxNodeCount: c.maxNodes, nodeIdleTimeBeforeScaleDown: `PT${c.idleMinutes}M` },
          enableNodePublicIp: false,
          remoteLoginPortPublicAccess: "Disabled",
        },
      },
      tags: f.tags,
    },
    { parent },
  );
}
