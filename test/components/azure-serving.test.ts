// @ts-nocheck
import { describe, expect, it } from "vitest";
import { AzureServingTrack, type AzureServingTrackArgs } from "@aitracks/components";
import { previewInline, type ResourceGraph } from "@aitracks/preview";
import { ofType, one } from "../helpers/graph";
import { azureTags, expectTaggedAndLocated, failure } from "./azure-helpers";

const base: AzureServingTrackArgs = {
  region: "eastus2",
  deployment: { model: "azureml:support-ranker:3", instanceType: "Standard_NC24ads_A100_v4", instanceCount: 2, minInstances: 1, maxInstances: 4, targetCpuPercent: 70 },
  serverless: [
    { name: "llama-8b", modelId: "azureml://registries/azureml-meta/models/Meta-Llama-3.1-8B-Instruct" },
    { name: "phi-4", modelId: "azureml://registries/azureml/models/Phi-4" },
  ],
  alertEmails: ["oncall@example.com"],
  monthlyBudgetUsd: 6000,
  tags: azureTags("serving"),
};
const build = (args: Partial<AzureServingTrackArgs> = {}): Promise<ResourceGraph> => previewInline({ program: () => new AzureServingTrack("ranker", { ...base, ...args }) });

describe("serving on Azure (Azure ML online endpoints)", async () => {
  const graph = await build();
  const endpoint = one(graph, "azure-native:machinelearningservices:OnlineEndpoint");
  const e = endpoint.inputs as any;
  const deployment = one(graph, "azure-native:machinelearningservices:OnlineDeployment");
  const d = deployment.inputs as any;

  it("puts a managed online endpoint behind Entra ID tokens by default, public network access off", () => {
    expect(e.properties).toMatchObject({ authMode: "AADToken", publicNetworkAccess: "Disabled" });
    expect(e.endpointName).toMatch(/^ranker-[0-9a-f]{6}$/);
    expect(e.identity.type).toBe("UserAssigned");
  });

  it("takes key or Azure ML token auth when the config says so", async () => {
    for (const authMode of ["Key", "AMLToken"] as const) {
      const g = await build({ authMode });
      expect((one(g, "azure-native:machinelearningservices:OnlineEndpoint").inputs as any).properties.authMode).toBe(authMode);
    }
  });

  it("deploys the model on the instance type and count, egress off, logging to Application Insights", () => {
    expect(d).toMatchObject({ deploymentName: "blue", endpointName: e.endpointName, location: "eastus2", sku: { name: "Default", capacity: 2 } });
    expect(d.properties).toMatchObject({
      endpointComputeType: "Managed",
      model: "azureml:support-ranker:3",
      instanceType: "Standard_NC24ads_A100_v4",
      scaleSettings: { scaleType: "Default" },
      requestSettings: { maxConcurrentRequestsPerInstance: 1, requestTimeout: "PT5S" },
      egressPublicNetworkAccess: "Disabled",
      appInsightsEnabled: true,
    });
  });

  it("autoscales the deployment between the bounds: out above 70% CPU, in below 35%", () => {
    const a = one(graph, "azure-native:monitor:AutoscaleSetting").inputs as any;
    expect(a.targetResourceUri).toMatch(new RegExp(`/onlineEndpoints/${e.endpointName}/deployments/blue$`));
    expect(a.enabled).toBe(true);
    const [profile] = a.profiles;
    expect(profile.capacity).toEqual({ minimum: "1", maximum: "4", default: "2" });
    const [out, inn] = profile.rules;
    expect(out.metricTrigger).toMatchObject({ metricName: "CpuUtilizationPercentage", metricNamespace: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments", operator: "GreaterThan", threshold: 70, timeWindow: "PT5M" });
    expect(out.scaleAction).toEqual({ direction: "Increase", type: "ChangeCount", value: "1", cooldown: "PT5M" });
    expect(inn.metricTrigger).toMatchObject({ operator: "LessThan", threshold: 35 });
    expect(inn.scaleAction.direction).toBe("Decrease");
    expect(a.notifications).toEqual([{ operation: "Scale", email: { customEmails: ["oncall@example.com"], sendToSubscriptionAdministrator: false } }]);
  });

  it("sends all traffic to the deployment once it exists, keeping the endpoint's settings", () => {
    const traffic = one(graph, "azure-native:resources:Deployment");
    const [res] = (traffic.inputs as any).properties.template.resources;
    expect((traffic.inputs as any).properties.mode).toBe("Incremental");
    expect(res.type).toBe("Microsoft.MachineLearningServices/workspaces/onlineEndpoints");
    expect(res.name).toBe(`${e.workspaceName}/${e.endpointName}`);
    expect(res.properties).toEqual({ authMode: "AADToken", publicNetworkAccess: "Disabled", description: "aitracks ranker: online endpoint", traffic: { blue: 100 } });
    expect(Object.values(res.identity.userAssignedIdentities)).toEqual([{}]);
    expect(traffic.dependencies).toContain(deployment.urn);
    expect((traffic.inputs as any).tags["aitracks-track"]).toBe("serving");
  });

  it("adds serverless endpoints with content safety; partners' models get a Marketplace subscription first", () => {
    const endpoints = ofType(graph, "azure-native:machinelearningservices:ServerlessEndpoint").sort((a, b) => a.name.localeCompare(b.name));
    expect(endpoints.map((s) => (s.inputs as any).properties)).toEqual([
      { authMode: "AAD", modelSettings: { modelId: "azureml://registries/azureml-meta/models/Meta-Llama-3.1-8B-Instruct" }, contentSafety: { contentSafetyStatus: "Enabled" } },
      { authMode: "AAD", modelSettings: { modelId: "azureml://registries/azureml/models/Phi-4" }, contentSafety: { contentSafetyStatus: "Enabled" } },
    ]);
    const subs = ofType(graph, "azure-native:machinelearningservices:MarketplaceSubscription");
    expect(subs.map((s) => (s.inputs as any).properties.modelId)).toEqual(["azureml://registries/azureml-meta/models/Meta-Llama-3.1-8B-Instruct"]);
    expect(endpoints[0]!.dependencies).toContain(subs[0]!.urn);
  });

  it("tags every resource and keeps it in the region and the track's resource group", () => {
    expectTaggedAndLocated(graph, "eastus2");
  });

  it("rejects bad settings before registering anything, naming the field", async () => {
    const bad = (deployment: Partial<AzureServingTrackArgs["deployment"]>, extra: Partial<AzureServingTrackArgs> = {}) =>
      failure(build({ deployment: { ...base.deployment, ...deployment }, ...extra }));
    expect(await bad({ minInstances: 5, maxInstances: 4 })).toBe("deployment.minInstances: expected at most deployment.maxInstances (4), got 5 (0)");
    expect(await bad({ minInstances: 0 })).toBe("deployment.minInstances: expected a whole number of at least 1, got 0 (0)");
    expect(await bad({ instanceCount: 6 })).toBe("deployment.instanceCount: expected from deployment.minInstances (1) to deployment.maxInstances (4), got 6 (0)");
    expect(await bad({ instanceType: "Standard_NC6" })).toMatch(/^deployment\.instanceType: unknown azure SKU "Standard_NC6" in the price catalog/);
    expect(await bad({ model: "support-ranker" })).toMatch(/^deployment\.model: expected azureml:<name>:<version> .* got "support-ranker" \(0\)$/);
    expect(await bad({ codeUri: "code/score/" })).toBe("deployment.scoringScript: expected codeUri and scoringScript together (or neither, for an MLflow model) (0)");
    expect(await bad({}, { authMode: "None" as never })).toBe('authMode: expected Key, AMLToken or AADToken, got "None" (0)');
    expect(await bad({}, { serverless: [{ name: "x", modelId: "azureml://registries/azureml-meta/models/Meta-Llama-3.1-8B-Instruct" }] })).toBe('serverless[0].name: expected 3-32 letters, digits and dashes starting with a letter, got "x" (0)');
    expect(await bad({}, { serverless: [{ name: "llama", modelId: "Meta-Llama-3.1-8B-Instruct" }] })).toBe(
      'serverless[0].modelId: expected a catalogue model azureml://registries/<registry>/models/<name>, got "Meta-Llama-3.1-8B-Instruct" (0)',
    );
  });
});
