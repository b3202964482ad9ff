import * as pulumi from "@pulumi/pulumi";
import { RoleAssignment, getClientConfigOutput } from "@pulumi/azure-native/authorization";

/** Built-in Azure role definition ids (the same in every tenant). */
export const ROLES = {
  /** Wrap and unwrap with a Key Vault key: what a service needs for a customer-managed key. */
  keyVaultCryptoServiceEncryptionUser: "e147488a-f6f5-4113-8e2d-b22465e65bf6",
  /** All data-plane actions on a vault: the Azure ML workspace stores its secrets there. */
  keyVaultAdministrator: "00482a5a-887f-4fb3-b363-3b7fe8e74483",
  storageBlobDataContributor: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
  storageBlobDataReader: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
  storageAccountContributor: "17d1049b-9a84-46fb-8f53-869881c3d3ab",
  contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
  /** Call deployments of an Azure OpenAI account with an Entra ID token (no keys). */
  cognitiveServicesOpenAiUser: "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
  /** Also upload files and run fine-tuning jobs. */
  cognitiveServicesOpenAiContributor: "a001fd3d-188f-4b5d-821b-7da978bf7442",
  /** Run jobs and call endpoints in an Azure ML workspace, without changing its settings. */
  azureMlDataScientist: "f6c7c914-8db3-469d-8ca1-694a8f32e121",
} as const;
export type RoleName = keyof typeof ROLES;

/** The subscription and tenant of the stack's Azure provider, looked up once per component. */
export interface AzureClient {
  readonly subscriptionId: pulumi.Output<string>;
  readonly tenantId: pulumi.Output<string>;
}

export function azureClient(parent: pulumi.Resource): AzureClient {
  const config = getClientConfigOutput({ parent });
  return { subscriptionId: config.subscriptionId, tenantId: config.tenantId };
}

export function roleDefinitionId(client: AzureClient, role: RoleName): pulumi.Output<string> {
  return pulumi.interpolate`/subscriptions/${client.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${ROLES[role]}`;
}

/** Give a principal (a managed identity by default) one built-in role on one resource. */
export function grantRole(
  name: string,
  client: AzureClient,
  args: { principalId: pulumi.Input<string>; role: RoleName; scope: pulumi.Input<string>; principalType?: string; description?: string },
  opts: pulumi.CustomResourceOptions,
): RoleAssignment {
  return new RoleAssignment(
    name,
    {
      principalId: args.principalId,
      // ServicePrincipal skips the directory lookup that fails for identities created seconds ago.
      principalType: args.principalType ?? "ServicePrincipal",
      roleDefinitionId: roleDefinitionId(client, args.role),
      scope: args.scope,
      ...(args.description ? { description: args.description } : {}),
    },
    opts,
  );
}
