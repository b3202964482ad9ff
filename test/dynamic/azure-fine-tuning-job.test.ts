// @ts-nocheck
// The Azure OpenAI fine-tuning job dynamic provider against a local Azure OpenAI data plane.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FINE_TUNING_API_VERSION, fineTuningJobProvider, type FineTuningJobInputs } from "@aitracks/components";
import { FakeAzureOpenAi } from "./azure-fake-openai";
import { useAzureCliSignIn } from "./azure-fake-entra";
import { created } from "../helpers/defined";

const TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test";
let aoai: FakeAzureOpenAi;
// Signed in as a developer is: the Azure CLI (a fake `az` on PATH), found by DefaultAzureCredential.
const azCli = useAzureCliSignIn(TOKEN);

const inputs = (over: Partial<FineTuningJobInputs> = {}): FineTuningJobInputs => ({
  endpoint: `${aoai.url}/`,
  apiVersion: FINE_TUNING_API_VERSION,
  baseModel: "gpt-4o-mini-2024-07-18",
  trainingFileId: "file-train0001",
  validationFileId: "file-valid0001",
  hyperparameters: { nEpochs: 3, batchSize: 8, learningRateMultiplier: 0.5 },
  suffix: "triage",
  seed: 42,
  pollIntervalSeconds: 0.01,
  timeoutMinutes: 1,
  ...over,
});

beforeAll(async () => {
  aoai = await new FakeAzureOpenAi({ token: TOKEN }).start();
});
afterAll(() => aoai.stop());
beforeEach(() => {
  aoai.reset({ jobOutcome: "succeeded", throttle: 0 });
  azCli.setToken(TOKEN);
});

describe("Azure OpenAI fine-tuning job provider (against a local data plane)", () => {
  it("posts the job with the API's body, Entra ID token and api-version, then waits until it succeeded", async () => {
    const { id, outs } = created(await fineTuningJobProvider.create(inputs()));
    const [post, ...polls] = aoai.calls;
    expect(`${post!.method} ${post!.path}`).toBe("POST /openai/fine_tuning/jobs");
    expect(post!.apiVersion).toBe("2024-10-21");
    expect(post!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(post!.contentType).toBe("application/json");
    expect(post!.body).toEqual({
      model: "gpt-4o-mini-2024-07-18",
      training_file: "file-train0001",
      validation_file: "file-valid0001",
      hyperparameters: { n_epochs: 3, batch_size: 8, learning_rate_multiplier: 0.5 },
      suffix: "triage",
      seed: 42,
    });
    // pending -> running -> succeeded: two polls of the job.
    expect(polls.map((c) => `${c.method} ${c.path}`)).toEqual([`GET /openai/fine_tuning/jobs/${id}`, `GET /openai/fine_tuning/jobs/${id}`]);
    expect(id).toMatch(/^ftjob-/);
    expect(outs.status).toBe("succeeded");
    expect(outs.fineTunedModel).toBe(`gpt-4o-mini-2024-07-18.ft-${id.slice(6, 18)}-triage`);
    expect(outs.trainedTokens).toBe(184_320);
    expect(outs.resultFiles).toEqual(["file-results0001"]);
    expect(outs.baseModel).toBe("gpt-4o-mini-2024-07-18");
  });

  it("leaves out hyperparameters and optional fields Azure should choose", async () => {
    await fineTuningJobProvider.create(inputs({ hyperparameters: {}, validationFileId: undefined, suffix: undefined, seed: undefined }));
    expect(aoai.calls[0]!.body).toEqual({ model: "gpt-4o-mini-2024-07-18", training_file: "file-train0001" });
  });

  it("fails the update with Azure's reason when the job fails", async () => {
    aoai.reset({ jobOutcome: "failed" });
    await expect(fineTuningJobProvider.create(inputs())).rejects.toThrow(
      /^fine-tuning job ftjob-\w+ failed: invalid_training_file: Training file line 17: the last message must be from the assistant\.$/,
    );
  });

  it("cancels a job that outlasts the timeout, and says so", async () => {
    aoai.reset({ jobOutcome: "hang" });
    await expect(fineTuningJobProvider.create(inputs({ timeoutMinutes: 0.0005, pollIntervalSeconds: 0.02 }))).rejects.toThrow(
      /^fine-tuning job (ftjob-\w+) did not finish within 0\.0005 minutes \(last status running\); it was cancelled$/,
    );
    const id = [...aoai.jobs.keys()].pop()!;
    expect(aoai.apiCalls().at(-1)).toBe(`POST /openai/fine_tuning/jobs/${id}/cancel`);
    expect(aoai.jobs.get(id).status).toBe("cancelled");
  });

  it("retries a throttled call (429 with Retry-After) instead of failing", async () => {
    aoai.reset({ throttle: 2 });
    const { outs } = created(await fineTuningJobProvider.create(inputs()));
    expect(aoai.apiCalls().slice(0, 3)).toEqual(["POST /openai/fine_tuning/jobs", "POST /openai/fine_tuning/jobs", "POST /openai/fine_tuning/jobs"]);
    expect(aoai.jobs.size).toBeGreaterThan(0);
    expect(outs.status).toBe("succeeded");
  });

  it("reads the job's current state, and reports a job that is gone", async () => {
    const { id, outs } = created(await fineTuningJobProvider.create(inputs()));
    aoai.jobs.get(id).status = "running";
    aoai.jobs.get(id).fine_tuned_model = null;
    aoai.reset({ jobOutcome: "hang" });
    const read = await fineTuningJobProvider.read!(id, outs);
    expect(read.id).toBe(id);
    expect(read.props!.status).toBe("running");
    expect(read.props!.fineTunedModel).toBe("");
    aoai.jobs.delete(id);
    expect(await fineTuningJobProvider.read!(id, outs)).toEqual({});
  });

  it("delete cancels a job that still runs, and leaves finished or missing jobs alone", async () => {
    const done = created(await fineTuningJobProvider.create(inputs()));
    aoai.reset();
    await fineTuningJobProvider.delete!(done.id, done.outs);
    expect(aoai.apiCalls()).toEqual([`GET /openai/fine_tuning/jobs/${done.id}`]);

    aoai.reset({ jobOutcome: "hang" });
    const running = { ...done.outs, jobId: "ftjob-running" };
    aoai.jobs.set("ftjob-running", { ...aoai.jobs.get(done.id), id: "ftjob-running", status: "running" });
    await fineTuningJobProvider.delete!("ftjob-running", running);
    expect(aoai.apiCalls()).toEqual(["GET /openai/fine_tuning/jobs/ftjob-running", "POST /openai/fine_tuning/jobs/ftjob-running/cancel"]);
    expect(aoai.jobs.get("ftjob-running").status).toBe("cancelled");

    aoai.reset();
    await expect(fineTuningJobProvider.delete!("ftjob-missing", running)).resolves.toBeUndefined();
  });

  it("replaces the job when what defines it changes, and only updates polling settings", async () => {
    const olds = { ...inputs(), jobId: "ftjob-1", status: "succeeded", fineTunedModel: "m", trainedTokens: 1, resultFiles: [] };
    const base = await fineTuningJobProvider.diff!("ftjob-1", olds, inputs());
    expect(base).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    const model = await fineTuningJobProvider.diff!("ftjob-1", olds, inputs({ baseModel: "gpt-4.1-mini-2025-04-14", hyperparameters: { nEpochs: 4 } }));
    expect(model.replaces).toEqual(["baseModel", "hyperparameters"]);
    const polling = await fineTuningJobProvider.diff!("ftjob-1", olds, inputs({ pollIntervalSeconds: 30 }));
    expect(polling).toMatchObject({ changes: true, replaces: [] });
    const updated = await fineTuningJobProvider.update!("ftjob-1", olds, inputs({ pollIntervalSeconds: 30 }));
    expect(updated.outs).toMatchObject({ jobId: "ftjob-1", fineTunedModel: "m", pollIntervalSeconds: 30 });
  });

  it("turns Azure's error body into one line with the status and code", async () => {
    azCli.setToken("wrong-token");
    await expect(fineTuningJobProvider.create(inputs())).rejects.toThrow(
      "POST fine_tuning/jobs: HTTP 401 PermissionDenied: Principal does not have access to API/Operation.",
    );
  });
});
