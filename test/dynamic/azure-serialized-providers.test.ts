// @ts-nocheck
// Pulumi serializes a dynamic provider with everything its methods reference and runs that text in
// another process. These tests take the text the program registers (under mocks), load it in a
// fresh Node process that has none of our modules, and drive a local Azure OpenAI data plane with it.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AzureOpenAiEvaluation, AzureOpenAiFile, AzureOpenAiFineTuningJob } from "@aitracks/components";
import { previewInline, type GraphResource } from "@aitracks/preview";
import { FakeAzureOpenAi } from "./azure-fake-openai";
import { ENTRA_CA_FILE, FakeEntra } from "./azure-fake-entra";

const run = promisify(execFile);
const TOKEN = "serialized-provider-token";
const dir = mkdtempSync(join(tmpdir(), "aitracks-serialized-"));
let aoai: FakeAzureOpenAi;
let entra: FakeEntra;
const federatedTokenFile = join(dir, "azure-identity-token");
writeFileSync(federatedTokenFile, "eyJ.github-oidc.jwt");

beforeAll(async () => {
  aoai = await new FakeAzureOpenAi({ token: TOKEN, jobOutcome: "succeeded" }).start();
  entra = await new FakeEntra({ tenant: "contoso", clientId: "deployer", token: TOKEN, federatedAssertion: "eyJ.github-oidc.jwt" }).start();
});
afterAll(async () => {
  await aoai.stop();
  await entra.stop();
});

/** Call one provider method from the serialized text, in a child process; returns its JSON result. */
async function callSerialized(resource: GraphResource, method: string, args: unknown[]): Promise<any> {
  const text = resource.inputs.__provider;
  expect(typeof text).toBe("string");
  const file = join(dir, `${resource.name}.js`);
  writeFileSync(file, String(text));
  // Loaded the way Pulumi's dynamic provider host loads it: from the text, resolving modules (the SDKs) from the program's folder.
  const script = `const rfs = require(require.resolve("require-from-string", { paths: [require.resolve("@pulumi/pulumi")] }));
const p = rfs(require("node:fs").readFileSync(${JSON.stringify(file)}, "utf8")).handler();
p[${JSON.stringify(method)}](...${JSON.stringify(args)}).then((r) => process.stdout.write(JSON.stringify(r ?? null)), (e) => { process.stderr.write(e.message); process.exit(3); });`;
  const { stdout } = await run(process.execPath, ["-e", script], {
    cwd: process.cwd(),
    env: {
      PATH: "/usr/bin:/bin",
      // Signed in as the deploy workflow is: azure/login's OIDC token in a file, for a federated app registration.
      NODE_EXTRA_CA_CERTS: ENTRA_CA_FILE,
      AZURE_AUTHORITY_HOST: entra.url,
      AZURE_TENANT_ID: "contoso",
      AZURE_CLIENT_ID: "deployer",
      AZURE_FEDERATED_TOKEN_FILE: federatedTokenFile,
    },
  });
  return JSON.parse(stdout);
}

describe("serialized Azure OpenAI providers run on their own", async () => {
  const trainPath = join(dir, "train.jsonl");
  writeFileSync(trainPath, '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"bug"}]}\n');
  const graph = await previewInline({
    program: () => {
      new AzureOpenAiFineTuningJob("job", { endpoint: "https://placeholder.openai.azure.com/", baseModel: "gpt-4o-mini-2024-07-18", trainingFileId: "file-abcdef" });
      new AzureOpenAiFile("upload", { endpoint: "https://placeholder.openai.azure.com/", path: trainPath, purpose: "fine-tune", sha256: "0" });
      new AzureOpenAiEvaluation("compare", { endpoint: "https://placeholder.openai.azure.com/", name: "triage", fileId: "file-eval", deployments: { base: "gpt-4o-mini", tuned: "gpt-4o-mini-ft" } });
    },
  });
  const job = graph.resources.find((r) => r.type === "pulumi-nodejs:dynamic/azure-openai:FineTuningJob")!;
  const upload = graph.resources.find((r) => r.type === "pulumi-nodejs:dynamic/azure-openai:File")!;
  const evaluation = graph.resources.find((r) => r.type === "pulumi-nodejs:dynamic/azure-openai:Evaluation")!;

  it("registers under the azure-openai module with its defaults and no secret", () => {
    expect(job.inputs).toMatchObject({ apiVersion: "2024-10-21", pollIntervalSeconds: 60, timeoutMinutes: 1440, baseModel: "gpt-4o-mini-2024-07-18" });
    expect(job.secretInputs).toEqual([]);
    expect(String(job.inputs.__provider)).not.toContain("@aitracks");
  });

  it("the fine-tuning job provider creates and waits for a job from another process", async () => {
    const result = await callSerialized(job, "create", [
      { endpoint: aoai.url, apiVersion: "2024-10-21", baseModel: "gpt-4o-mini-2024-07-18", trainingFileId: "file-abcdef", pollIntervalSeconds: 0.01, timeoutMinutes: 1 },
    ]);
    expect(result.id).toMatch(/^ftjob-/);
    expect(result.outs.status).toBe("succeeded");
    expect(aoai.apiCalls()[0]).toBe("POST /openai/fine_tuning/jobs");
  });

  it("the file provider reads the local file and uploads it from another process", async () => {
    aoai.reset();
    const result = await callSerialized(upload, "create", [{ endpoint: aoai.url, apiVersion: "2024-10-21", path: trainPath, purpose: "fine-tune", sha256: "0", pollIntervalSeconds: 0.01 }]);
    expect(result.outs.status).toBe("processed");
    expect(aoai.calls[0]!.body.file.filename).toBe("train.jsonl");
  });

  it("the evaluation provider creates, reads and deletes an evaluation with one run per deployment from another process", async () => {
    aoai.reset();
    const inputs = { ...evaluation.inputs, endpoint: aoai.url };
    delete (inputs as Record<string, unknown>).__provider;
    const made = await callSerialized(evaluation, "create", [inputs]);
    expect(Object.keys(made.outs.runs)).toEqual(["base", "tuned"]);
    const read = await callSerialized(evaluation, "read", [made.id, made.outs]);
    expect(read.id).toBe(made.id);
    await callSerialized(evaluation, "delete", [made.id, made.outs]);
    expect(aoai.apiCalls()).toContain(`DELETE /openai/evals/${made.id}`);
    expect(aoai.calls.every((c) => c.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });
});
