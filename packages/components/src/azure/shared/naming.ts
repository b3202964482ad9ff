import * as pulumi from "@pulumi/pulumi";

/** FNV-1a, 6 hex digits: a stable suffix that keeps globally unique Azure names apart per stack. */
export function nameHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0").slice(0, 6);
}

export interface AzureNameRule {
  /** Longest name Azure accepts for the resource type. */
  readonly max: number;
  /** Letters and digits only (storage accounts). */
  readonly alphanumeric?: boolean;
}

/**
 * A physical name for resources whose names are global (Key Vault, storage account, the OpenAI
 * sub-domain) or that applications call by name (endpoints, deployments): `<prefix><track>-<hash>`,
 * where the hash covers project, stack and component name, so two stacks never collide and the
 * same stack always gets the same name. Starts with a letter, no double dashes, within `max`.
 */
export function azureName(prefix: string, base: string, rule: AzureNameRule): string {
  const seed = `${pulumi.getProject()}/${pulumi.getStack()}/${base}`;
  const hash = nameHash(seed);
  const lower = `${prefix}${base}`.toLowerCase();
  if (rule.alphanumeric) {
    const body = lower.replace(/[^a-z0-9]/g, "");
    return `${body.slice(0, rule.max - hash.length)}${hash}`;
  }
  const body = lower
    .replace(/[^a-z0-9-]/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, rule.max - hash.length - 1)
    .replace(/-$/, "");
  return `${body}-${hash}`;
}

/** Key Vault: 3-24 characters, letters, digits and dashes. */
export const KEY_VAULT_NAME: AzureNameRule = { max: 24 };
/** Storage account: 3-24 lower-case letters and digits. */
export const STORAGE_ACCOUNT_NAME: AzureNameRule = { max: 24, alphanumeric: true };
/** Cognitive Services account and its custom sub-domain. */
export const COGNITIVE_ACCOUNT_NAME: AzureNameRule = { max: 40 };
/** Azure ML workspace: 3-33 characters. */
export const ML_WORKSPACE_NAME: AzureNameRule = { max: 33 };
/** Online endpoint: 3-32 characters, unique within the region. */
export const ONLINE_ENDPOINT_NAME: AzureNameRule = { max: 32 };
