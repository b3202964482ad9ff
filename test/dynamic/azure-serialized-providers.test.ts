// Pulumi serializes a dynamic provider with everything its methods reference and runs that text in
// another process. These tests take the text the program registers (under mocks), load it in a
// fresh Node process that has none of our modules, and drive a local Azure OpenAI data plane with it.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AzureOpenAiFile, AzureOpenAiFineTuningJob } from "@aitracks/components";
import { previewInline, type GraphResource } from "@aitracks/preview";
import { FakeAzureOpenAi } from "./azure-fake-openai";

const run = promisify(execFile);
const TOKEN = "serialized-provider-token";
const dir = mkdtempSync(join(tmpdir(), "aitracks-serialized-"));
let aoai: FakeAzureOpenAi;

beforeAll(async () => {
  aoai = await new FakeAzureOpenAi({ token: TOKEN, jobOutcome: "succeeded" }).start();
});
afterAll(() => aoai.stop());

/** Call one provider method from the serialized text, in a child process; returns its JSON result. */
async function callSerialized(resource: GraphResource, method: string, args: unknown[]): Promise<any> {
  const text = resource.inputs.__provider;
  expect(typeof text).toBe("string");
  const file = join(dir, `${resource.name}.js`);
  writeFileSync(file, String(text));
  const script = `const p = require(${JSON.stringify(file)}).handler();
p[${JSON.stringify(method)}](...${JSON.stringify(args)}).then((r) => process.stdout.write(JSON.stringify(r ?? null)), (e) => { process.stderr.write(e.message); process.exit(3); });`;
  const { stdout } = await run(process.execPath, ["-e", script], { cwd: dir, env: { PATH: process.env.PATH ?? "", AZURE_OPENAI_AD_TOKEN: TOKEN } });
  return JSON.parse(stdout);
}

describe("serialized Azure OpenAI providers run on their own", async () => {
  const trainPath = join(dir, "train.jsonl");
  writeFileSync(trainPath, '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"bug"}]}\n');
  const graph = await previewInline({
    program: () => {
      new AzureOpenAiFineTuningJob("job", { endpoint: "https://placeholder.openai.azure.com/", baseModel: "gpt-4o-mini-2024-07-18", trainingFileId: "file-abcdef" });
      new AzureOpenAiFile("upload", { endpoint: "https://placeholder.openai.azure.com/", path: trainPath, purpose: "fine-tune", sha256: "0" });
    },
  });
  const job = graph.resources.find((r) => r.type === "pulumi-nodejs:dynamic/azure-openai:FineTuningJob")!;
  const upload = graph.resources.find((r) => r.type === "pulumi-nodejs:dynamic/azure-openai:File")!;

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
});
