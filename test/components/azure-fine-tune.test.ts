// @ts-nocheck
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AzureFineTuneTrack, type AzureFineTuneTrackArgs } from "@aitracks/components";
import { previewInline, type ResourceGraph } from "@aitracks/preview";
import { ROOT } from "../helpers/cli";
import { ofType, one } from "../helpers/graph";
import { azureTags, expectTaggedAndLocated, failure, named } from "./azure-helpers";

const data = (f: string) => join(ROOT, "stacks", "data", "azure", f);
const sha = (f: string) => createHash("sha256").update(readFileSync(f, "utf8")).digest("hex");
const base: AzureFineTuneTrackArgs = {
  region: "swedencentral",
  baseModel: "gpt-4o-mini",
  trainingFile: data("train.jsonl"),
  validationFile: data("validation.jsonl"),
  hyperparameters: { epochs: 3, batchSize: 8, learningRateMultiplier: 0.5 },
  deployment: { capacity: 20 },
  evaluation: { file: data("evaluation.jsonl"), metrics: ["exact_match", "rouge_l"], passThreshold: 0.9 },
  tags: azureTags("fine-tune"),
};
const build = (args: Partial<AzureFineTuneTrackArgs> = {}): Promise<ResourceGraph> => previewInline({ program: () => new AzureFineTuneTrack("ticket-triage", { ...base, ...args }) });

describe("fine-tune on Azure (Azure OpenAI fine-tuning)", async () => {
  const graph = await build();
  const job = one(graph, "pulumi-nodejs:dynamic/azure-openai:FineTuningJob");
  const j = job.inputs as any;
  const account = one(graph, "azure-native:cognitiveservices:Account");
  const endpoint = `https://${(account.inputs as any).accountName}.openai.azure.com/`;
  const files = Object.fromEntries(ofType(graph, "pulumi-nodejs:dynamic/azure-openai:File").map((f) => [f.name, f]));

  it("uploads the checked training, validation and evaluation files to the account", () => {
    expect(Object.keys(files).sort()).toEqual(["ticket-triage-evaluation-file", "ticket-triage-training-file", "ticket-triage-validation-file"]);
    expect(files["ticket-triage-training-file"]!.inputs).toMatchObject({ endpoint, purpose: "fine-tune", path: data("train.jsonl"), sha256: sha(data("train.jsonl")) });
    expect(files["ticket-triage-validation-file"]!.inputs).toMatchObject({ purpose: "fine-tune", sha256: sha(data("validation.jsonl")) });
    expect(files["ticket-triage-evaluation-file"]!.inputs).toMatchObject({ purpose: "evals", sha256: sha(data("evaluation.jsonl")) });
    for (const f of Object.values(files)) expect(f.dependencies).toContain(account.urn);
  });

  it("runs the fine-tuning job with the configured base model and hyperparameters on the uploaded files", () => {
    expect(j).toMatchObject({
      endpoint,
      apiVersion: "2024-10-21",
      baseModel: "gpt-4o-mini-2024-07-18",
      hyperparameters: { nEpochs: 3, batchSize: 8, learningRateMultiplier: 0.5 },
      suffix: "ticket-triage",
      timeoutMinutes: 1440,
    });
    expect(j.trainingFileId).toMatch(/^file-/);
    expect(j.validationFileId).toMatch(/^file-/);
    expect(j.trainingFileId).not.toBe(j.validationFileId);
    expect(job.dependencies).toEqual(expect.arrayContaining([files["ticket-triage-training-file"]!.urn, account.urn]));
    expect(typeof j.__provider).toBe("string");
  });

  it("deploys the fine-tuned model and the base model behind the same content filter", () => {
    const policy = one(graph, "azure-native:cognitiveservices:RaiPolicy");
    const tuned = named(graph, "ticket-triage-tuned-deployment");
    const baseD = named(graph, "ticket-triage-base-deployment");
    expect((tuned.inputs as any)).toMatchObject({ deploymentName: "ticket-triage-tuned", sku: { name: "Standard", capacity: 20 } });
    expect((tuned.inputs as any).properties.model).toEqual({ format: "OpenAI", name: expect.stringMatching(/^gpt-4o-mini-2024-07-18\.ft-[0-9a-f]+$/), version: "1" });
    expect(tuned.dependencies).toContain(job.urn);
    expect((baseD.inputs as any).properties.model).toEqual({ format: "OpenAI", name: "gpt-4o-mini", version: "2024-07-18" });
    expect(baseD.dependencies).toContain(tuned.urn);
    for (const d of [tuned, baseD]) {
      expect((d.inputs as any).properties.raiPolicyName).toBe("ticket-triage-content-filter");
      expect(d.dependencies).toContain(policy.urn);
    }
  });

  it("compares base and tuned on the same evaluation file with the same graders", () => {
    const ev = one(graph, "pulumi-nodejs:dynamic/azure-openai:Evaluation");
    expect(ev.inputs).toMatchObject({
      endpoint,
      name: "ticket-triage-base-vs-tuned",
      metrics: ["exact_match", "rouge_l"],
      passThreshold: 0.9,
      promptField: "prompt",
      expectedField: "expected",
      deployments: { base: "ticket-triage-base", tuned: "ticket-triage-tuned" },
    });
    expect((ev.inputs as any).fileId).toMatch(/^file-/);
    expect((ev.inputs as any).fileId).not.toBe(j.trainingFileId);
    expect(ev.dependencies).toEqual(expect.arrayContaining([named(graph, "ticket-triage-tuned-deployment").urn, named(graph, "ticket-triage-base-deployment").urn]));
  });

  it("keeps the training data in a private, customer-key-encrypted container reachable through a private endpoint", () => {
    const st = one(graph, "azure-native:storage:StorageAccount").inputs as any;
    expect(st).toMatchObject({ allowSharedKeyAccess: false, allowBlobPublicAccess: false, publicNetworkAccess: "Disabled", encryption: { keySource: "Microsoft.Keyvault" } });
    expect((one(graph, "azure-native:storage:BlobContainer").inputs as any)).toMatchObject({ containerName: "training-data", publicAccess: "None" });
    const groups = ofType(graph, "azure-native:network:PrivateEndpoint").map((p) => (p.inputs as any).privateLinkServiceConnections[0].groupIds[0]).sort();
    expect(groups).toEqual(["account", "blob"]);
    const a = account.inputs as any;
    expect(a.properties).toMatchObject({ disableLocalAuth: true, publicNetworkAccess: "Disabled", encryption: { keySource: "Microsoft.KeyVault" } });
  });

  it("takes already uploaded file ids instead of local files", async () => {
    const g = await build({ trainingFile: undefined, trainingFileId: "file-0123abcd", validationFile: undefined, evaluation: { fileId: "file-eval9876" } });
    expect(ofType(g, "pulumi-nodejs:dynamic/azure-openai:File")).toHaveLength(0);
    expect(one(g, "pulumi-nodejs:dynamic/azure-openai:FineTuningJob").inputs).toMatchObject({ trainingFileId: "file-0123abcd" });
    expect((one(g, "pulumi-nodejs:dynamic/azure-openai:FineTuningJob").inputs as any).validationFileId).toBeUndefined();
    expect(one(g, "pulumi-nodejs:dynamic/azure-openai:Evaluation").inputs).toMatchObject({ fileId: "file-eval9876", metrics: ["exact_match", "fuzzy_match"], passThreshold: 0.8 });
  });

  it("tags every resource, with the number of training examples, and keeps it in the region and the track's resource group", () => {
    expectTaggedAndLocated(graph, "swedencentral");
    expect((account.inputs.tags as any)["aitracks-labeled-examples"]).toBe("120");
  });

  it("rejects bad settings and bad files before registering anything, naming the field", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "aitracks-ft-"));
    const file = (name: string, lines: string[]) => {
      const p = join(tmp, name);
      writeFileSync(p, lines.join("\n"));
      return p;
    };
    const good = '{"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"bug"}]}';
    const bad = (args: Partial<AzureFineTuneTrackArgs>) => failure(build(args));
    expect(await bad({ region: "eastus" })).toBe("region: Azure OpenAI fine-tuning is not offered in eastus; it is in eastus2, swedencentral, northcentralus (0)");
    expect(await bad({ baseModel: "gpt-5" })).toBe('baseModel: expected a base model Azure OpenAI fine-tunes (gpt-4.1, gpt-4.1-mini, gpt-4.1-nano, gpt-4o, gpt-4o-mini), got "gpt-5" (0)');
    expect(await bad({ baseModel: "gpt-4o", baseModelVersion: "2024-11-20" })).toBe('baseModelVersion: expected a fine-tunable version of gpt-4o (2024-08-06), got "2024-11-20" (0)');
    expect(await bad({ trainingFile: file("few.jsonl", Array(5).fill(good)) })).toBe(`trainingFile: expected at least 10 examples in ${join(tmp, "few.jsonl")}, got 5 (0)`);
    expect(await bad({ trainingFile: file("broken.jsonl", [good, good, "{not json", ...Array(10).fill(good)]) })).toBe(`trainingFile: ${join(tmp, "broken.jsonl")} line 3 is not JSON (0)`);
    expect(await bad({ trainingFile: file("noanswer.jsonl", Array(10).fill('{"messages":[{"role":"user","content":"x"}]}')) })).toBe(
      `trainingFile: ${join(tmp, "noanswer.jsonl")} line 1: expected an assistant message to learn from (0)`,
    );
    expect(await bad({ trainingFile: join(tmp, "missing.jsonl") })).toBe(`trainingFile: no readable file at ${join(tmp, "missing.jsonl")} (0)`);
    expect(await bad({ trainingFileId: "file-0123abcd" })).toBe("trainingFile: expected either trainingFile or trainingFileId, not both (0)");
    expect(await bad({ trainingFile: undefined })).toBe("trainingFile: expected a local JSONL file to upload (trainingFile) or an uploaded file's id (trainingFileId) (0)");
    expect(await bad({ evaluation: { metrics: ["exact_match"] } })).toBe("evaluation.file: expected a local JSONL file to upload (evaluation.file) or an uploaded file's id (evaluation.fileId) (0)");
    expect(await bad({ evaluation: { file: data("train.jsonl") } })).toMatch(/^evaluation\.file: .*train\.jsonl line 1: expected \{"item": \{"prompt": \.\.\., "expected": \.\.\.\}\} with a string prompt \(0\)$/);
    expect(await bad({ evaluation: { fileId: "file-eval1234", metrics: ["accuracy" as never] } })).toMatch(/^evaluation\.metrics\[0\]: expected one of exact_match, fuzzy_match, .* got "accuracy" \(0\)$/);
    expect(await bad({ hyperparameters: { epochs: 0 } })).toBe("hyperparameters.epochs: expected a whole number from 1 to 50, got 0 (0)");
    expect(await bad({ hyperparameters: { learningRateMultiplier: -1 } })).toBe("hyperparameters.learningRateMultiplier: expected a number above 0 and at most 10, got -1 (0)");
    expect(await bad({ deployment: { capacity: 0 } })).toBe("deployment.capacity: expected a whole number of thousand tokens per minute of at least 1, got 0 (0)");
    expect(await bad({ deployment: { sku: "GlobalProvisionedManaged" as never } })).toBe('deployment.sku: expected Standard or GlobalStandard for a fine-tuned model, got "GlobalProvisionedManaged" (0)');
  });
});
