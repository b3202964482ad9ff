// @ts-nocheck
import { describe, expect, it } from "vitest";
import { AzureBuildTrack, type AzureBuildTrackArgs } from "@aitracks/components";
import { previewInline, type ResourceGraph } from "@aitracks/preview";
import { ofType, one } from "../helpers/graph";
import { SUB, azureTags, expectTaggedAndLocated, failure, named } from "./azure-helpers";

const base: AzureBuildTrackArgs = {
  region: "eastus2",
  cluster: { vmSize: "Standard_ND96isr_H100_v5", maxNodes: 4 },
  corpus: [
    { name: "web-corpus", uri: "corpus/web/2026-10/", version: "3" },
    { name: "support-transcripts", uri: "https://acmecorpus.blob.core.windows.net/raw/support/" },
  ],
  tags: azureTags("build"),
};
const build = (args: Partial<AzureBuildTrackArgs> = {}): Promise<ResourceGraph> => previewInline({ program: () => new AzureBuildTrack("domain-lm", { ...base, ...args }) });

describe("build on Azure (Azure ML + ND GPUs)", async () => {
  const graph = await build();
  const ws = one(graph, "azure-native:machinelearningservices:Workspace");
  const w = ws.inputs as any;
  const rg = `${SUB}/resourceGroups/${w.resourceGroupName}`;

  it("runs on an ND H100 v5 cluster that scales from zero, without public IPs or SSH, Entra ID only", () => {
    const c = one(graph, "azure-native:machinelearningservices:Compute").inputs as any;
    expect(c.computeName).toBe("gpu-cluster");
    expect(c.workspaceName).toBe(w.workspaceName);
    expect(c.location).toBe("eastus2");
    expect(c.properties.computeType).toBe("AmlCompute");
    expect(c.properties.disableLocalAuth).toBe(true);
    expect(c.properties.properties).toEqual({
      vmSize: "Standard_ND96isr_H100_v5",
      vmPriority: "Dedicated",
      osType: "Linux",
      scaleSettings: { minNodeCount: 0, maxNodeCount: 4, nodeIdleTimeBeforeScaleDown: "PT15M" },
      enableNodePublicIp: false,
      remoteLoginPortPublicAccess: "Disabled",
    });
    expect(c.identity.type).toBe("UserAssigned");
  });

  it("isolates the workspace: customer-managed key, managed network with approved outbound only, no public access", () => {
    expect(w.publicNetworkAccess).toBe("Disabled");
    expect(w.allowPublicAccessWhenBehindVnet).toBe(false);
    expect(w.managedNetwork).toMatchObject({ isolationMode: "AllowOnlyApprovedOutbound" });
    expect(w.hbiWorkspace).toBe(true);
    expect(w.systemDatastoresAuthMode).toBe("Identity");
    const vault = one(graph, "azure-native:keyvault:Vault").inputs as any;
    expect(w.encryption).toEqual({
      status: "Enabled",
      identity: { userAssignedIdentity: `${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/domain-lm-identity` },
      keyVaultProperties: {
        keyVaultArmId: `${rg}/providers/Microsoft.KeyVault/vaults/${vault.vaultName}`,
        keyIdentifier: `https://${vault.vaultName}.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef`,
      },
    });
    const pe = one(graph, "azure-native:network:PrivateEndpoint").inputs as any;
    expect(pe.privateLinkServiceConnections[0].groupIds).toEqual(["amlworkspace"]);
    expect(ofType(graph, "azure-native:privatedns:PrivateZone").map((z) => z.inputs.privateZoneName).sort()).toEqual(["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"]);
  });

  it("gives the workspace its own Key Vault, storage and Application Insights, and the roles to use them", () => {
    const st = one(graph, "azure-native:storage:StorageAccount").inputs as any;
    const ai = one(graph, "azure-native:applicationinsights:Component").inputs as any;
    expect(w.storageAccount).toBe(`${rg}/providers/Microsoft.Storage/storageAccounts/${st.accountName}`);
    expect(w.keyVault).toMatch(new RegExp(`^${rg}/providers/Microsoft\\.KeyVault/vaults/kv-domain-lm-[0-9a-f]{6}$`));
    expect(w.applicationInsights).toMatch(/\/Microsoft\.Insights\/components\/domain-lm-appinsights-/);
    expect(ai).toMatchObject({ kind: "web", applicationType: "web", ingestionMode: "LogAnalytics", disableLocalAuth: true });
    expect(st).toMatchObject({
      kind: "StorageV2",
      sku: { name: "Standard_ZRS" },
      allowBlobPublicAccess: false,
      allowSharedKeyAccess: false,
      publicNetworkAccess: "Disabled",
      minimumTlsVersion: "TLS1_2",
      enableHttpsTrafficOnly: true,
      networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
    });
    expect(st.encryption).toMatchObject({ keySource: "Microsoft.Keyvault", keyVaultProperties: { keyName: "cmk" }, requireInfrastructureEncryption: true });
    expect(st.accountName).toMatch(/^stdomainlmws[0-9a-f]{6}$/);
    const roles = ofType(graph, "azure-native:authorization:RoleAssignment").map((r) => (r.inputs as any).roleDefinitionId.split("/").pop()).sort();
    // Key access (CMK), blob data, storage account, vault administrator, App Insights contributor.
    expect(roles).toEqual(
      ["00482a5a-887f-4fb3-b363-3b7fe8e74483", "17d1049b-9a84-46fb-8f53-869881c3d3ab", "b24988ac-6180-42a0-ab88-20f7382dd24c", "ba92f5b4-2d11-453d-a403-e96b0029c9fe", "e147488a-f6f5-4113-8e2d-b22465e65bf6"].sort(),
    );
    for (const r of ofType(graph, "azure-native:authorization:RoleAssignment")) expect(ws.dependencies).toContain(r.urn);
  });

  it("registers the corpus as versioned data assets in the workspace's (or a given) storage", () => {
    const data = ofType(graph, "azure-native:machinelearningservices:DataVersion").map((d) => d.inputs as any);
    expect(data.map((d) => [d.name, d.version, d.properties.dataType, d.properties.dataUri])).toEqual([
      ["web-corpus", "3", "uri_folder", "azureml://datastores/workspaceblobstore/paths/corpus/web/2026-10/"],
      ["support-transcripts", "1", "uri_folder", "https://acmecorpus.blob.core.windows.net/raw/support/"],
    ]);
  });

  it("registers the distributed training job as a component: 4 nodes x 8 GPUs (the catalog's count), not submitted", () => {
    const spec = (one(graph, "azure-native:machinelearningservices:ComponentVersion").inputs as any).properties.componentSpec;
    expect(spec.type).toBe("command");
    expect(spec.distribution).toEqual({ type: "pytorch", process_count_per_instance: 8 });
    expect(spec.resources).toEqual({ instance_count: 4 });
    expect(spec.command).toBe("python train.py --web_corpus ${{inputs.web_corpus}} --support_transcripts ${{inputs.support_transcripts}} --output ${{outputs.model}}");
    expect(spec.inputs).toEqual({ web_corpus: { type: "uri_folder" }, support_transcripts: { type: "uri_folder" } });
    expect(spec.environment).toBe("azureml://registries/azureml/environments/acpt-pytorch-2.2-cuda12.1/labels/latest");
    expect(ofType(graph, "azure-native:machinelearningservices:Job")).toHaveLength(0);
  });

  it("submits the job on the cluster when asked, as the track identity, with a timeout", async () => {
    const g = await build({ cluster: { vmSize: "Standard_ND96amsr_A100_v4", maxNodes: 2 }, training: { submit: true, instanceCount: 2, timeoutHours: 72 } });
    const job = one(g, "azure-native:machinelearningservices:Job").inputs as any;
    const cluster = one(g, "azure-native:machinelearningservices:Compute").inputs as any;
    expect(job.properties.computeId).toMatch(new RegExp(`/workspaces/${cluster.workspaceName}/computes/gpu-cluster$`));
    expect(job.properties.distribution).toEqual({ distributionType: "PyTorch", processCountPerInstance: 8 });
    expect(job.properties.resources).toEqual({ instanceCount: 2 });
    expect(job.properties.limits).toEqual({ jobLimitsType: "Command", timeout: "PT72H" });
    expect(job.properties.identity).toEqual({ identityType: "Managed", resourceId: expect.stringMatching(/\/userAssignedIdentities\/domain-lm-identity$/) });
    expect(job.properties.inputs.web_corpus).toEqual({ jobInputType: "uri_folder", uri: "azureml:web-corpus:3", mode: "ReadOnlyMount" });
    expect(job.properties.outputs).toEqual({ model: { jobOutputType: "uri_folder", mode: "ReadWriteMount" } });
  });

  it("tags every resource and keeps it in the region and the track's resource group", () => {
    expectTaggedAndLocated(graph, "eastus2");
  });

  it("rejects bad settings before registering anything, naming the field", async () => {
    const bad = (args: Partial<AzureBuildTrackArgs>) => failure(build(args));
    expect(await bad({ cluster: { vmSize: "Standard_ND96fake_v9" } })).toMatch(/^cluster\.vmSize: unknown azure SKU "Standard_ND96fake_v9" in the price catalog; did you mean Standard_ND96\w+/);
    expect(await bad({ cluster: { vmSize: "Standard_NC24ads_A100_v4" } })).toBe(
      "cluster.vmSize: expected an ND-series GPU size (ND A100 v4 / ND H100 v5): Standard_ND96asr_v4, Standard_ND96amsr_A100_v4, Standard_ND96isr_H100_v5; got Standard_NC24ads_A100_v4 (0)",
    );
    expect(await bad({ region: "uksouth", cluster: { vmSize: "Standard_ND96isr_H100_v5" } })).toBe(
      "cluster.vmSize: Standard_ND96isr_H100_v5 is not offered in uksouth; it is in eastus, eastus2, westus3, southcentralus, westeurope, swedencentral (0)",
    );
    expect(await bad({ cluster: { minNodes: 3, maxNodes: 2 } })).toBe("cluster.minNodes: expected at most cluster.maxNodes (2), got 3 (0)");
    expect(await bad({ cluster: { maxNodes: 0 } })).toBe("cluster.maxNodes: expected a whole number from 1 to 100, got 0 (0)");
    expect(await bad({ training: { instanceCount: 5 } })).toBe("training.instanceCount: expected at most cluster.maxNodes (4), got 5 (0)");
    expect(await bad({ training: { processesPerNode: 16 } })).toBe("training.processesPerNode: expected a whole number from 1 to 8, got 16 (0)");
    expect(await bad({ corpus: [] })).toBe("corpus: expected at least one corpus data asset, got an empty list (0)");
    expect(await bad({ corpus: [{ name: "web", uri: "s3://bucket/web/" }] })).toMatch(/^corpus\[0\]\.uri: expected a folder of the workspace's datastore .* got "s3:\/\/bucket\/web\/" \(0\)$/);
    expect(await bad({ cluster: { priority: "Spot" as never } })).toBe('cluster.priority: expected Dedicated or LowPriority, got "Spot" (0)');
  });
});
