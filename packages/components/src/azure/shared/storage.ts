import * as pulumi from "@pulumi/pulumi";
import { BlobContainer, BlobServiceProperties, StorageAccount } from "@pulumi/azure-native/storage";
import { STORAGE_ACCOUNT_NAME, azureName } from "./naming";

export interface SecureStorageArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: string;
  /** The user-assigned identity the account unwraps its key with. */
  readonly identityId: pulumi.Input<string>;
  readonly keyVaultUri: pulumi.Input<string>;
  readonly keyName: pulumi.Input<string>;
  /** Private blob containers to create. @default [] */
  readonly containers?: readonly string[];
  readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

export interface SecureStorage {
  readonly account: StorageAccount;
  readonly containers: Readonly<Record<string, BlobContainer>>;
  readonly blobEndpoint: pulumi.Output<string>;
}

/** Regions without availability zones, where zone-redundant storage is not offered. */
const NO_ZONES = new Set(["northcentralus", "westus", "westcentralus", "canadaeast", "ukwest", "francesouth", "germanynorth", "norwaywest", "switzerlandwest", "uaecentral", "southafricawest", "australiasoutheast", "japanwest", "koreasouth", "southindia", "westindia", "eastasia"]);

/** Zone-redundant where the region has zones, else locally redundant. */
export function storageSku(location: string): string {
  return NO_ZONES.has(location) ? "Standard_LRS" : "Standard_ZRS";
}

/**
 * The one storage account every Azure track uses: encrypted with the track's customer-managed key
 * (through a user-assigned identity, plus infrastructure double encryption), no shared keys (Entra
 * ID only), no anonymous blob access, closed to the public network, TLS 1.2, blob versioning and
 * 30 days of soft delete for blobs and containers.
 */
export function secureStorage(name: string, args: SecureStorageArgs, opts: pulumi.CustomResourceOptions): SecureStorage {
  const account = new StorageAccount(
    name,
    {
      accountName: azureName("st", name, STORAGE_ACCOUNT_NAME),
      resourceGroupName: args.resourceGroupName,
      location: args.location,
      kind: "StorageV2",
      sku: { name: storageSku(args.location) },
      accessTier: "Hot",
      identity: { type: "UserAssigned", userAssignedIdentities: [args.identityId] },
      encryption: {
        keySource: "Microsoft.Keyvault",
        keyVaultProperties: { keyVaultUri: args.keyVaultUri, keyName: args.keyName },
        encryptionIdentity: { encryptionUserAssignedIdentity: args.identityId },
        requireInfrastructureEncryption: true,
        services: { blob: { enabled: true, keyType: "Account" }, file: { enabled: true, keyType: "Account" } },
      },
      allowBlobPublicAccess: false,
      allowSharedKeyAccess: false,
      defaultToOAuthAuthentication: true,
      allowCrossTenantReplication: false,
      enableHttpsTrafficOnly: true,
      minimumTlsVersion: "TLS1_2",
      publicNetworkAccess: "Disabled",
      networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
      tags: args.tags,
    },
    opts,
  );
  const service = new BlobServiceProperties(
    `${name}-blob`,
    {
      accountName: account.name,
      resourceGroupName: args.resourceGroupName,
      blobServicesName: "default",
      isVersioningEnabled: true,
      deleteRetentionPolicy: { enabled: true, days: 30 },
      containerDeleteRetentionPolicy: { enabled: true, days: 30 },
    },
    opts,
  );
  const containers: Record<string, BlobContainer> = {};
  for (const c of args.containers ?? []) {
    containers[c] = new BlobContainer(
      `${name}-${c}`,
      { accountName: account.name, resourceGroupName: args.resourceGroupName, containerName: c, publicAccess: "None" },
      { ...opts, dependsOn: [service] },
    );
  }
  return {
    account,
    containers,
    blobEndpoint: account.primaryEndpoints.apply((e) => e?.blob ?? ""),
  };
}
