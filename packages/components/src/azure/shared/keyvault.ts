import * as pulumi from "@pulumi/pulumi";
import { Key, Vault } from "@pulumi/azure-native/keyvault";
import type { AzureClient } from "./roles";
import { KEY_VAULT_NAME, azureName } from "./naming";

export interface CustomerManagedKeyArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: string;
  readonly client: AzureClient;
  readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

export interface CustomerManagedKey {
  readonly vault: Vault;
  readonly key: Key;
  readonly vaultUri: pulumi.Output<string>;
  /** The key's name in the vault (services given it without a version follow its rotation). */
  readonly keyName: pulumi.Output<string>;
  readonly keyUriWithVersion: pulumi.Output<string>;
}

/**
 * A premium (HSM-backed) Key Vault with RBAC authorisation, soft delete for 90 days and purge
 * protection, closed to the public network (trusted Azure services such as Cognitive Services,
 * Storage and Azure ML still reach it to wrap keys), and one RSA-HSM 3072 key that rotates every
 * year and expires after two.
 */
export function customerManagedKey(name: string, args: CustomerManagedKeyArgs, opts: pulumi.CustomResourceOptions): CustomerManagedKey {
  const vault = new Vault(
    `${name}-vault`,
    {
      vaultName: azureName("kv-", name, KEY_VAULT_NAME),
      resourceGroupName: args.resourceGroupName,
      location: args.location,
      properties: {
        tenantId: args.client.tenantId,
        sku: { family: "A", name: "premium" },
        enableRbacAuthorization: true,
        enableSoftDelete: true,
        softDeleteRetentionInDays: 90,
        enablePurgeProtection: true,
        publicNetworkAccess: "Disabled",
        networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
        enabledForDeployment: false,
        enabledForDiskEncryption: false,
        enabledForTemplateDeployment: false,
      },
      tags: args.tags,
    },
    opts,
  );
  const key = new Key(
    `${name}-cmk`,
    {
      keyName: "cmk",
      vaultName: vault.name,
      resourceGroupName: args.resourceGroupName,
      properties: {
        kty: "RSA-HSM",
        keySize: 3072,
        keyOps: ["wrapKey", "unwrapKey"],
        rotationPolicy: {
          attributes: { expiryTime: "P2Y" },
          lifetimeActions: [
            { trigger: { timeAfterCreate: "P1Y" }, action: { type: "rotate" } },
            { trigger: { timeBeforeExpiry: "P30D" }, action: { type: "notify" } },
          ],
        },
      },
      tags: args.tags,
    },
    opts,
  );
  return { vault, key, vaultUri: vault.properties.vaultUri, keyName: key.name, keyUriWithVersion: key.keyUriWithVersion };
}
