// @ts-nocheck
// File uploads and the base-vs-tuned evaluation, against a local Azure OpenAI data plane.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EVALUATION_API_VERSION, openAiEvaluationProvider, openAiFileProvider, type OpenAiEvaluationInputs, type OpenAiFileInputs } from "@aitracks/components";
import { FakeAzureOpenAi } from "./azure-fake-openai";
import { useAzureCliSignIn } from "./azure-fake-entra";
import { created } from "../helpers/defined";

const TOKEN = "file-and-eval-token";
let aoai: FakeAzureOpenAi;
// Signed in as a developer is: the Azure CLI (a fake `az` on PATH), found by DefaultAzureCredential.
const azCli = useAzureCliSignIn(TOKEN);
const dir = mkdtempSync(join(tmpdir(), "aitracks-aoai-files-"));
const trainPath = join(dir, "train.jsonl");
const TRAIN = '{"messages":[{"role":"user","content":"Refund please"},{"role":"assistant","content":"billing"}]}\n';
writeFileSync(trainPath, TRAIN);

beforeAll(async () => {
  aoai = await new FakeAzureOpenAi({ token: TOKEN }).start();
});
afterAll(() => aoai.stop());
beforeEach(() => {
  aoai.reset({ fileOutcome: "processed" });
  azCli.setToken(TOKEN);
});

const fileInputs = (over: Partial<OpenAiFileInputs> = {}): OpenAiFileInputs => ({
  endpoint: aoai.url,
  apiVersion: "2024-10-21",
  path: trainPath,
  purpose: "fine-tune",
  sha256: "abc",
  pollIntervalSeconds: 0.01,
  ...over,
});

describe("Azure OpenAI file provider", () => {
  it("uploads the local file as multipart with its purpose, and waits until it is processed", async () => {
    const { id, outs } = created(await openAiFileProvider.create(fileInputs()));
    const [upload, poll] = aoai.calls;
    expect(`${upload!.method} ${upload!.path}`).toBe("POST /openai/files");
    expect(upload!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload!.body.fields).toEqual({ purpose: "fine-tune" });
    expect(upload!.body.file).toMatchObject({ name: "file", filename: "train.jsonl", content: TRAIN });
    expect(`${poll!.method} ${poll!.path}`).toBe(`GET /openai/files/${id}`);
    expect(outs).toMatchObject({ fileId: id, status: "processed", bytes: TRAIN.length });
  });

  it("fails with Azure's reason when the file is rejected", async () => {
    aoai.reset({ fileOutcome: "error" });
    await expect(openAiFileProvider.create(fileInputs())).rejects.toThrow(
      new RegExp(`^file ${trainPath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(file-\\w+\\) was rejected: Invalid file format\\. Line 2: the messages field is missing\\.$`),
    );
  });

  it("uploads again only when the content changes; a moved file is an update", async () => {
    const olds = { ...fileInputs(), fileId: "file-1", status: "processed", bytes: 1 };
    expect((await openAiFileProvider.diff!("file-1", olds, fileInputs({ sha256: "def" }))).replaces).toEqual(["sha256"]);
    expect(await openAiFileProvider.diff!("file-1", olds, fileInputs({ path: "/elsewhere/train.jsonl" }))).toEqual({ changes: true, replaces: [] });
  });

  it("deletes the uploaded file, and tolerates one already gone", async () => {
    const { id, outs } = created(await openAiFileProvider.create(fileInputs()));
    await openAiFileProvider.delete!(id, outs);
    expect(aoai.apiCalls().at(-1)).toBe(`DELETE /openai/files/${id}`);
    expect(aoai.files.has(id)).toBe(false);
    await expect(openAiFileProvider.delete!(id, outs)).resolves.toBeUndefined();
  });
});

const evalInputs = (over: Partial<OpenAiEvaluationInputs> = {}): OpenAiEvaluationInputs => ({
  endpoint: aoai.url,
  apiVersion: EVALUATION_API_VERSION,
  name: "ticket-triage-base-vs-tuned",
  fileId: "file-eval0001",
  promptField: "prompt",
  expectedField: "expected",
  metrics: ["exact_match", "fuzzy_match"],
  passThreshold: 0.9,
  deployments: { base: "ticket-triage-base", tuned: "ticket-triage-tuned" },
  ...over,
});

describe("Azure OpenAI evaluation provider (base vs tuned on one file)", () => {
  it("defines the eval with one grader per metric, then one run per deployment on the same file", async () => {
    const { id, outs } = created(await openAiEvaluationProvider.create(evalInputs()));
    const [define, base, tuned] = aoai.calls;
    expect(`${define!.method} ${define!.path}`).toBe("POST /openai/evals");
    expect(define!.apiVersion).toBe("2025-04-01-preview");
    expect(define!.body.data_source_config).toEqual({
      type: "custom",
      item_schema: { type: "object", properties: { prompt: { type: "string" }, expected: { type: "string" } }, required: ["prompt", "expected"] },
      include_sample_schema: true,
    });
    expect(define!.body.testing_criteria).toEqual([
      { type: "string_check", name: "exact_match", input: "{{sample.output_text}}", reference: "{{item.expected}}", operation: "eq" },
      { type: "text_similarity", name: "fuzzy_match", input: "{{sample.output_text}}", reference: "{{item.expected}}", evaluation_metric: "fuzzy_match", pass_threshold: 0.9 },
    ]);
    for (const [call, deployment] of [
      [base, "ticket-triage-base"],
      [tuned, "ticket-triage-tuned"],
    ] as const) {
      expect(`${call!.method} ${call!.path}`).toBe(`POST /openai/evals/${id}/runs`);
      expect(call!.body.data_source).toEqual({
        type: "completions",
        model: deployment,
        source: { type: "file_id", id: "file-eval0001" },
        input_messages: { type: "template", template: [{ role: "user", content: "{{item.prompt}}" }] },
      });
    }
    expect(Object.keys(outs.runs)).toEqual(["base", "tuned"]);
    expect(outs.results.base).toEqual({ status: "queued", passed: 0, failed: 0, errored: 0, total: 0 });
  });

  it("reads the runs' results: the comparison the framework asks for", async () => {
    const { id, outs } = created(await openAiEvaluationProvider.create(evalInputs()));
    await openAiEvaluationProvider.read!(id, outs);
    const { props } = await openAiEvaluationProvider.read!(id, outs);
    expect(props!.results).toEqual({
      base: { status: "completed", passed: 18, failed: 12, errored: 0, total: 30 },
      tuned: { status: "completed", passed: 27, failed: 3, errored: 0, total: 30 },
    });
    aoai.evals.delete(id);
    expect(await openAiEvaluationProvider.read!(id, outs)).toEqual({});
  });

  it("delete cancels runs still going, then deletes the eval", async () => {
    const { id, outs } = created(await openAiEvaluationProvider.create(evalInputs()));
    aoai.reset();
    await openAiEvaluationProvider.delete!(id, outs);
    const [base, tuned] = [outs.runs.base, outs.runs.tuned];
    expect(aoai.apiCalls()).toEqual([
      `GET /openai/evals/${id}/runs/${base}`,
      `POST /openai/evals/${id}/runs/${base}`,
      `GET /openai/evals/${id}/runs/${tuned}`,
      `POST /openai/evals/${id}/runs/${tuned}`,
      `DELETE /openai/evals/${id}`,
    ]);
    expect(aoai.runs.get(base!).status).toBe("canceled");
    expect(aoai.evals.has(id)).toBe(false);
  });

  it("replaces the evaluation when the file, graders or deployments change", async () => {
    const olds = { ...evalInputs(), evalId: "eval_1", runs: {}, results: {} };
    expect((await openAiEvaluationProvider.diff!("eval_1", olds, evalInputs({ fileId: "file-eval0002", metrics: ["bleu"] }))).replaces).toEqual(["fileId", "metrics"]);
    expect(await openAiEvaluationProvider.diff!("eval_1", olds, evalInputs())).toEqual({ changes: false, replaces: [] });
  });

});
