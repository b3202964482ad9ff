/**
 * Azure Storage accounts: every Azure AI program has one (the ML workspace's default store,
 * training data, fine-tuning files, On Your Data sources). Not public (no anonymous blob access,
 * closed to the public network), and reached only over HTTPS with TLS 1.2 or later.
 */
import { validateKnown } from "../../lib/checks";
import { azureNative } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { equalsIgnoreCase } from "../../lib/values";

const { StorageAccount } = azureNative.storage;

export const storageAccountNotPublic: AitracksPolicy = {
  name: "azure-storage-account-not-public",
  description:
    "Azure Storage accounts allow no anonymous blob access and are closed to the public network (public network access disabled, or a firewall that denies by default).",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps:
    'Set allowBlobPublicAccess: false and publicNetworkAccess: "Disabled" (reach the account through private endpoints), or at least networkRuleSet { defaultAction: "Deny" } with the virtual networks that need it.',
  tags: ["azure", "data-exposure"],
  validateResource: validateKnown(StorageAccount, (a, _args, report) => {
    // Unset allowBlobPublicAccess is read as false by the API versions the provider uses.
    if (a.allowBlobPublicAccess === true) report("allowBlobPublicAccess is true; containers could be opened to anonymous readers");
    if (equalsIgnoreCase(a.publicNetworkAccess, "Disabled")) return;
    if (!equalsIgnoreCase(a.networkRuleSet?.defaultAction, "Deny")) {
      const pna = a.publicNetworkAccess ? JSON.stringify(a.publicNetworkAccess) : "not set (Enabled)";
      const action = a.networkRuleSet?.defaultAction ? JSON.stringify(a.networkRuleSet.defaultAction) : "not set (Allow)";
      report(`publicNetworkAccess is ${pna} and networkRuleSet.defaultAction is ${action}; the account is reachable from any network (expected publicNetworkAccess "Disabled" or defaultAction "Deny")`);
    }
  }),
};

const TLS_OK = ["tls1_2", "tls1_3"];

export const storageAccountSecureTransport: AitracksPolicy = {
  name: "azure-storage-account-secure-transport",
  description: "Azure Storage accounts accept only HTTPS, with TLS 1.2 or later.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set minimumTlsVersion: "TLS1_2" and leave enableHttpsTrafficOnly true (its default) on the storage account.',
  tags: ["azure", "encryption"],
  validateResource: validateKnown(StorageAccount, (a, _args, report) => {
    const tls = a.minimumTlsVersion;
    if (!TLS_OK.includes(String(tls ?? "").toLowerCase())) report(`minimumTlsVersion is ${tls ? JSON.stringify(tls) : "not set (TLS 1.0)"}; expected "TLS1_2"`);
    if (a.enableHttpsTrafficOnly === false) report("enableHttpsTrafficOnly is false; requests over plain HTTP would be accepted");
  }),
};

export const azureStoragePolicies: AitracksPolicy[] = [storageAccountNotPublic, storageAccountSecureTransport];
