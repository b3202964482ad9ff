// @ts-nocheck
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { tuningJobBody, tuningJobProvider, VertexTuningJob, type TuningJobInputs } from "@aitracks/components";
import { previewInline } from "@aitracks/preview";
import { FakeVertex, useFakeVertex } from "./gcp-fake-vertex";
import { created } from "../helpers/defined";

const TOKEN = "ya29.test-token";
const vertex = useFakeVertex(TOKEN);

const inputs = (over: Partial<TuningJobInputs> = {}): TuningJobInputs => ({
  project: "acme-ml",
  region: "us-central1",
  apiEndpoint: vertex.url,
  baseModel: "gemini-2.5-flash",
  tunedModelDisplayName: "aitracks-ticket-triage",
  trainingDatasetUri: "gs://acme-ml-data/training/training.jsonl",
  validationDatasetUri: "gs://acme-ml-data/validation/validation.jsonl",
  epochCount: 4,
  adapterSize: "ADAPTER_SIZE_EIGHT",
  learningRateMultiplier: 0.5,
  kmsKeyName: "projects/acme-ml/locations/us-central1/keyRings/r/cryptoKeys/k",
  labels: { "aitracks-track": "fine-tune" },
  pollIntervalSeconds: 0.01,
  timeoutMinutes: 1,
  ...over,
});


describe("Vertex AI tuning job provider (against a local Vertex AI)", () => {
  it("creates the job with the documented TuningJob body, then waits until it succeeded", async () => {
    const { id, outs } = created(await tuningJobProvider.create(inputs()));
    const [post, ...gets] = vertex.apiCalls();
    expect(post!.method).toBe("POST");
    expect(post!.path).toBe("/v1/projects/acme-ml/locations/us-central1/tuningJobs");
    expect(post!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(post!.body).toEqual({
      baseModel: "gemini-2.5-flash",
      tunedModelDisplayName: "aitracks-ticket-triage",
      supervisedTuningSpec: {
        trainingDatasetUri: "gs://acme-ml-data/training/training.jsonl",
        validationDatasetUri: "gs://acme-ml-data/validation/validation.jsonl",
        // Google's client sends int64 as a string and enums as numbers (`$alt=json;enum-encoding=int`): ADAPTER_SIZE_EIGHT is 3.
        hyperParameters: { epochCount: "4", adapterSize: 3, learningRateMultiplier: 0.5 },
      },
      encryptionSpec: { kmsKeyName: "projects/acme-ml/locations/us-central1/keyRings/r/cryptoKeys/k" },
      labels: { "aitracks-track": "fine-tune" },
    });
    // PENDING -> RUNNING -> SUCCEEDED: two polls.
    expect(gets.map((c) => `${c.method} ${c.path}`)).toEqual([`GET /v1/${id}`, `GET /v1/${id}`]);
    expect(id).toMatch(/^projects\/acme-ml\/locations\/us-central1\/tuningJobs\/\d+$/);
    expect(outs.state).toBe("JOB_STATE_SUCCEEDED");
    expect(outs.tunedModelEndpoint).toBe("projects/123456789012/locations/us-central1/endpoints/777");
    expect(outs.tunedModelName).toBe("projects/123456789012/locations/us-central1/models/555@1");
    expect(outs.baseModel).toBe("gemini-2.5-flash");
  });

  it("returns at once without waiting when told, with the job still pending", async () => {
    const { outs } = created(await tuningJobProvider.create(inputs({ waitForCompletion: false })));
    expect(vertex.apiCalls()).toHaveLength(1);
    expect(outs.state).toBe("JOB_STATE_PENDING");
    expect(outs.tunedModelEndpoint).toBe("");
  });

  it("reads the job's current state, and reports a job that is gone as deleted", async () => {
    const { id } = await tuningJobProvider.create(inputs({ waitForCompletion: false }));
    const read = await tuningJobProvider.read!(id, { ...inputs(), jobName: id } as any);
    expect(read.id).toBe(id);
    expect(read.props!.state).toBe("JOB_STATE_RUNNING");
    const gone = await tuningJobProvider.read!("projects/acme-ml/locations/us-central1/tuningJobs/1", inputs() as any);
    expect(gone.id).toBe("");
  });

  it("cancels a running job on delete, and leaves a finished one alone", async () => {
    const running = created(await tuningJobProvider.create(inputs({ waitForCompletion: false })));
    await tuningJobProvider.delete!(running.id, running.outs);
    expect(vertex.apiCalls().some((c) => c.method === "POST" && c.path === `/v1/${running.id}:cancel`)).toBe(true);
    expect(vertex.tuningJobs.get(running.id).state).toBe("JOB_STATE_CANCELLED");

    const done = created(await tuningJobProvider.create(inputs()));
    vertex.calls.length = 0;
    await tuningJobProvider.delete!(done.id, done.outs);
    expect(vertex.apiCalls().map((c) => c.method)).toEqual(["GET"]);
    // Already gone: nothing to do, no error.
    await expect(tuningJobProvider.delete!("projects/acme-ml/locations/us-central1/tuningJobs/404", done.outs)).resolves.toBeUndefined();
  });

  it("surfaces Vertex AI's error (status and message) when the API refuses the job", async () => {
    await expect(tuningJobProvider.create(inputs({ trainingDatasetUri: "" }))).rejects.toThrow(
      /^Vertex AI CreateTuningJob projects\/acme-ml\/locations\/us-central1: INVALID_ARGUMENT: .*training_dataset_uri; Message: Required field is not set\.$/,
    );
  });

  it("fails the create when the job itself fails, with the job's error", async () => {
    const failing = await new FakeVertex({ token: TOKEN, jobOutcome: "FAILED" }).start();
    try {
      await expect(tuningJobProvider.create(inputs({ apiEndpoint: failing.url }))).rejects.toThrow(
        /tuning job projects\/acme-ml\/locations\/us-central1\/tuningJobs\/\d+ ended in JOB_STATE_FAILED: Dataset row 17/,
      );
    } finally {
      await failing.stop();
    }
  });

  it("sends the credentials' token: a wrong one is refused with UNAUTHENTICATED", async () => {
    vertex.metadataToken = "ya29.stale";
    await expect(tuningJobProvider.create(inputs())).rejects.toThrow(/^Vertex AI CreateTuningJob .*: UNAUTHENTICATED: Request had invalid authentication credentials/);
  });

  it("replaces the job when its configuration changes, and updates in place for provider settings only", async () => {
    const olds = { ...inputs(), jobName: "j", state: "JOB_STATE_SUCCEEDED" } as any;
    const epochs = await tuningJobProvider.diff!("j", olds, inputs({ epochCount: 5 }));
    expect(epochs).toEqual({ changes: true, replaces: ["epochCount"], deleteBeforeReplace: false });
    const base = await tuningJobProvider.diff!("j", olds, inputs({ baseModel: "gemini-2.5-pro", adapterSize: "ADAPTER_SIZE_FOUR" }));
    expect(base.replaces).toEqual(["baseModel", "adapterSize"]);
    const poll = await tuningJobProvider.diff!("j", olds, inputs({ pollIntervalSeconds: 30 }));
    expect(poll).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect((await tuningJobProvider.diff!("j", olds, inputs())).changes).toBe(false);
  });

  it("leaves optional fields out of the body rather than sending empties", () => {
    const body = tuningJobBody({ project: "p", region: "r", baseModel: "gemini-2.5-flash", tunedModelDisplayName: "t", trainingDatasetUri: "gs://b/t.jsonl" });
    expect(body).toEqual({ baseModel: "gemini-2.5-flash", tunedModelDisplayName: "t", supervisedTuningSpec: { trainingDatasetUri: "gs://b/t.jsonl" } });
  });

  it("still works after Pulumi serializes it into the state (self-contained methods)", async () => {
    // Register the resource as a program would: under mocks, the serialized provider lands in __provider.
    const graph = await previewInline({ program: () => new VertexTuningJob("job", inputs()) });
    const job = graph.resources.find((r) => r.type === "pulumi-nodejs:dynamic/vertex:TuningJob")!;
    const serialized = job.inputs.__provider as string;
    expect(job.inputs.baseModel).toBe("gemini-2.5-flash");
    // Nothing heavy captured: no Pulumi runtime; Google's auth library and the one Vertex AI client it needs, required when called.
    expect(serialized).not.toMatch(/@pulumi\/(pulumi|gcp)/);
    expect([...new Set([...serialized.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].sort()).toEqual([
      "@google-cloud/aiplatform/build/src/v1/gen_ai_tuning_service_client",
      "google-auth-library",
      "node:os",
      "node:path",
    ]);
    // Revive it the way Pulumi's dynamic provider host does, and drive the local API with it.
    const requireFromString = createRequire(require.resolve("@pulumi/pulumi"))("require-from-string") as (code: string) => { handler(): typeof tuningJobProvider };
    const revived = requireFromString(serialized).handler();
    vertex.calls.length = 0;
    const { outs } = created(await revived.create(inputs()));
    expect(outs.state).toBe("JOB_STATE_SUCCEEDED");
    expect(vertex.apiCalls()[0]!.path).toBe("/v1/projects/acme-ml/locations/us-central1/tuningJobs");
  });
});
