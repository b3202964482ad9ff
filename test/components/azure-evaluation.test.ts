// @ts-nocheck
import { describe, expect, it } from "vitest";
import { AzureEvaluationTrack, type AzureEvaluationTrackArgs } from "@aitracks/components";
import { previewInline, type ResourceGraph } from "@aitracks/preview";
import { ofType, one } from "../helpers/graph";
import { azureTags, expectTaggedAndLocated, failure } from "./azure-helpers";

const base: AzureEvaluationTrackArgs = {
  region: "swedencentral",
  dataset: { name: "assistant-golden-set", uri: "evaluation/golden.jsonl", version: "2" },
  metrics: ["groundedness", "relevance", "f1_score"],
  target: "gpt-4o",
  judgeDeployment: "gpt-4o-judge",
  schedule: { cron: "0 6 * * 1" },
  tags: azureTags("evaluation"),
};
const build = (args: Partial<AzureEvaluationTrackArgs> = {}): Promise<ResourceGraph> => previewInline({ program: () => new AzureEvaluationTrack("assistant-eval", { ...base, ...args }) });

describe("evaluation on Azure (Azure ML)", async () => {
  const graph = await build();

  it("registers the evaluation set as a versioned data asset in the workspace's encrypted storage", () => {
    const d = one(graph, "azure-native:machinelearningservices:DataVersion").inputs as any;
    expect(d).toMatchObject({ name: "assistant-golden-set", version: "2" });
    expect(d.properties).toMatchObject({ dataType: "uri_file", dataUri: "azureml://datastores/workspaceblobstore/paths/evaluation/golden.jsonl" });
    const st = one(graph, "azure-native:storage:StorageAccount").inputs as any;
    expect(st.encryption.keySource).toBe("Microsoft.Keyvault");
    expect(st.publicNetworkAccess).toBe("Disabled");
  });

  it("runs the evaluation weekly on a CPU cluster from zero, writing metrics to the workspace's datastore", () => {
    const s = one(graph, "azure-native:machinelearningservices:Schedule").inputs as any;
    expect(s.properties.trigger).toEqual({ triggerType: "Cron", expression: "0 6 * * 1", timeZone: "UTC" });
    expect(s.properties.isEnabled).toBe(true);
    const job = s.properties.action.jobDefinition;
    expect(s.properties.action.actionType).toBe("CreateJob");
    expect(job.command).toBe("python evaluate.py --data ${{inputs.dataset}} --metrics ${{inputs.metrics}} --target ${{inputs.target}} --judge ${{inputs.judge}} --results ${{outputs.results}}");
    expect(job.inputs).toEqual({
      dataset: { jobInputType: "uri_file", uri: "azureml:assistant-golden-set:2", mode: "ReadOnlyMount" },
      metrics: { jobInputType: "literal", value: "groundedness,relevance,f1_score" },
      target: { jobInputType: "literal", value: "gpt-4o" },
      judge: { jobInputType: "literal", value: "gpt-4o-judge" },
    });
    expect(job.outputs.results).toEqual({ jobOutputType: "uri_folder", uri: "azureml://datastores/workspaceblobstore/paths/evaluations/assistant-eval/${{name}}/", mode: "Upload" });
    expect(job.computeId).toMatch(/\/computes\/eval-cluster$/);
    const c = one(graph, "azure-native:machinelearningservices:Compute").inputs as any;
    expect(c.properties.properties).toMatchObject({ vmSize: "Standard_DS3_v2", scaleSettings: { minNodeCount: 0, maxNodeCount: 2 }, enableNodePublicIp: false });
    expect(ofType(graph, "azure-native:machinelearningservices:Job")).toHaveLength(0);
  });

  it("runs once on `pulumi up` instead when there is no schedule", async () => {
    const g = await build({ schedule: undefined });
    expect(ofType(g, "azure-native:machinelearningservices:Schedule")).toHaveLength(0);
    const job = one(g, "azure-native:machinelearningservices:Job");
    const p = (job.inputs as any).properties;
    expect(p).toMatchObject({ jobType: "Command", experimentName: "assistant-eval-evaluation", limits: { jobLimitsType: "Command", timeout: "PT4H" } });
    expect(p.identity).toEqual({ identityType: "Managed", resourceId: expect.stringMatching(/\/userAssignedIdentities\/assistant-eval-identity$/) });
    expect(p.inputs.metrics.value).toBe("groundedness,relevance,f1_score");
    expect(job.dependencies).toContain(one(g, "azure-native:machinelearningservices:DataVersion").urn);
  });

  it("tags every resource and keeps it in the region and the track's resource group", () => {
    expectTaggedAndLocated(graph, "swedencentral");
  });

  it("rejects bad settings before registering anything, naming the field", async () => {
    const bad = (args: Partial<AzureEvaluationTrackArgs>) => failure(build(args));
    expect(await bad({ metrics: ["groundedness", "vibes"] })).toMatch(/^metrics\[1\]: expected one of groundedness, relevance, .* got "vibes" \(0\)$/);
    expect(await bad({ judgeDeployment: undefined })).toBe("judgeDeployment: expected the Azure OpenAI deployment that grades groundedness, relevance (AI-assisted metrics need a judge model) (0)");
    expect(await bad({ schedule: { cron: "0 6 * *" } })).toBe('schedule.cron: expected five cron fields (minute hour day month weekday) such as "0 6 * * 1", got "0 6 * *" (0)');
    expect(await bad({ compute: { vmSize: "Standard_D2_v9" } })).toMatch(/^compute\.vmSize: unknown azure SKU "Standard_D2_v9"/);
    expect(await bad({ dataset: { name: "golden set", uri: "x.jsonl" } })).toBe('dataset.name: expected a name of letters, digits, dashes and underscores, got "golden set" (0)');
  });
});
