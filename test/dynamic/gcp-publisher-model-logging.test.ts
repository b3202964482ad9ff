// @ts-nocheck
import { beforeEach, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { publisherModelLoggingProvider, VertexPublisherModelLogging, type PublisherModelLoggingInputs } from "@aitracks/components";
import { previewInline } from "@aitracks/preview";
import { useFakeVertex } from "./gcp-fake-vertex";
import { created } from "../helpers/defined";

const TOKEN = "ya29.logging";
const vertex = useFakeVertex(TOKEN);
const MODEL = "projects/acme-ml/locations/us-central1/publishers/anthropic/models/claude-sonnet-4";
const inputs = (over: Partial<PublisherModelLoggingInputs> = {}): PublisherModelLoggingInputs => ({
  project: "acme-ml",
  region: "us-central1",
  apiEndpoint: vertex.url,
  publisherModelName: "publishers/anthropic/models/claude-sonnet-4",
  enabled: true,
  samplingRate: 0.1,
  bigqueryOutputUri: "bq://acme-ml.assistant_request_logs.anthropic_claude_sonnet_4",
  pollIntervalSeconds: 0.01,
  timeoutMinutes: 1,
  ...over,
});

beforeEach(() => {
  vertex.publisherModelConfigs.clear();
});

describe("Vertex AI publisher model logging provider (against a local Vertex AI)", () => {
  it("sets the logging config on the v1beta1 API with the caller's token, then waits for the operation", async () => {
    const { id, outs } = created(await publisherModelLoggingProvider.create(inputs()));
    const [set, ...polls] = vertex.apiCalls();
    expect(`${set!.method} ${set!.path}`).toBe(`POST /v1beta1/${MODEL}:setPublisherModelConfig`);
    expect(set!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(set!.body).toEqual({
      publisherModelConfig: {
        loggingConfig: { enabled: true, samplingRate: 0.1, bigqueryDestination: { outputUri: "bq://acme-ml.assistant_request_logs.anthropic_claude_sonnet_4" } },
      },
    });
    // The location's operation is polled until done: the fake finishes on the second GET.
    expect(polls.map((c) => c.method)).toEqual(["GET", "GET"]);
    expect(polls[0]!.path).toMatch(/^\/ui\/projects\/acme-ml\/locations\/us-central1\/operations\/\d+$/);
    expect(polls[1]!.path).toBe(polls[0]!.path);
    expect(id).toBe(MODEL);
    expect(outs.modelResourceName).toBe(MODEL);
    expect(vertex.publisherModelConfigs.get(MODEL).loggingConfig.samplingRate).toBe(0.1);
  });

  it("sends enableOtelLogging only when set", async () => {
    await publisherModelLoggingProvider.create(inputs({ enableOtelLogging: true }));
    expect(vertex.apiCalls()[0]!.body.publisherModelConfig.loggingConfig.enableOtelLogging).toBe(true);
  });

  it("reads the config back with fetchPublisherModelConfig, and reads logging turned off elsewhere as gone", async () => {
    const { id, outs } = created(await publisherModelLoggingProvider.create(inputs()));
    vertex.calls.length = 0;
    // Someone changed the sampling rate in the console: read reports it, so a refresh shows the drift.
    vertex.publisherModelConfigs.get(MODEL).loggingConfig.samplingRate = 0.5;
    const read = await publisherModelLoggingProvider.read!(id, outs);
    expect(`${vertex.apiCalls()[0]!.method} ${vertex.apiCalls()[0]!.path}`).toBe(`GET /v1beta1/${MODEL}:fetchPublisherModelConfig`);
    expect(read.id).toBe(MODEL);
    expect(read.props).toMatchObject({ enabled: true, samplingRate: 0.5, bigqueryOutputUri: "bq://acme-ml.assistant_request_logs.anthropic_claude_sonnet_4" });
    vertex.publisherModelConfigs.get(MODEL).loggingConfig = { enabled: false };
    expect((await publisherModelLoggingProvider.read!(id, outs)).id).toBe("");
  });

  it("changes the sampling rate and destination in place by setting the config again", async () => {
    const { id, outs } = created(await publisherModelLoggingProvider.create(inputs()));
    const news = inputs({ samplingRate: 1, bigqueryOutputUri: "bq://acme-ml.other_logs.claude" });
    expect(await publisherModelLoggingProvider.diff!(id, outs, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    vertex.calls.length = 0;
    const { outs: updated } = await publisherModelLoggingProvider.update!(id, outs, news);
    const set = vertex.apiCalls()[0]!;
    expect(`${set.method} ${set.path}`).toBe(`POST /v1beta1/${MODEL}:setPublisherModelConfig`);
    expect(set.body.publisherModelConfig.loggingConfig).toEqual({ enabled: true, samplingRate: 1, bigqueryDestination: { outputUri: "bq://acme-ml.other_logs.claude" } });
    expect(vertex.apiCalls().slice(1).map((c) => c.method)).toEqual(["GET", "GET"]);
    expect(updated!.modelResourceName).toBe(MODEL);
    // Another model is another config: replaced. Unchanged inputs: no change.
    expect((await publisherModelLoggingProvider.diff!(id, outs, inputs({ publisherModelName: "publishers/google/models/gemini-2.5-flash" }))).replaces).toEqual([
      "publisherModelName",
    ]);
    expect((await publisherModelLoggingProvider.diff!(id, outs, inputs())).changes).toBe(false);
  });

  it("turns logging off on delete (there is nothing to delete) and waits", async () => {
    const { id, outs } = created(await publisherModelLoggingProvider.create(inputs()));
    vertex.calls.length = 0;
    await publisherModelLoggingProvider.delete!(id, outs);
    const set = vertex.apiCalls()[0]!;
    expect(`${set.method} ${set.path}`).toBe(`POST /v1beta1/${MODEL}:setPublisherModelConfig`);
    expect(set.body).toEqual({ publisherModelConfig: { loggingConfig: { enabled: false } } });
    expect(vertex.apiCalls().map((c) => c.method)).toEqual(["POST", "GET", "GET"]);
    expect(vertex.publisherModelConfigs.get(MODEL).loggingConfig.enabled).toBe(false);
    expect((await publisherModelLoggingProvider.read!(id, outs)).id).toBe("");
  });

  it("surfaces the API's refusal as one line", async () => {
    const err = await publisherModelLoggingProvider.create(inputs({ bigqueryOutputUri: "assistant_request_logs" })).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toBe(
      `Vertex AI SetPublisherModelConfig ${MODEL}: INVALID_ARGUMENT: Invalid BigQuery destination. Expected bq://project.dataset[.table].`,
    );
  });

  it("still works after Pulumi serializes it into the state (self-contained methods)", async () => {
    const graph = await previewInline({ program: () => new VertexPublisherModelLogging("logging", inputs()) });
    const r = graph.resources.find((x) => x.type === "pulumi-nodejs:dynamic/vertex:PublisherModelLogging")!;
    expect(r.inputs).toMatchObject({ publisherModelName: "publishers/anthropic/models/claude-sonnet-4", samplingRate: 0.1, enabled: true });
    const serialized = r.inputs.__provider as string;
    expect(serialized).not.toMatch(/@pulumi\/(pulumi|gcp)|@aitracks/);
    expect([...new Set([...serialized.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].sort()).toEqual([
      "@google-cloud/aiplatform/build/src/v1beta1/endpoint_service_client",
      "google-auth-library",
      "node:os",
      "node:path",
    ]);
    const requireFromString = createRequire(require.resolve("@pulumi/pulumi"))("require-from-string") as (code: string) => {
      handler(): typeof publisherModelLoggingProvider;
    };
    const revived = requireFromString(serialized).handler();
    vertex.calls.length = 0;
    const { id } = await revived.create(inputs());
    expect(id).toBe(MODEL);
    expect(vertex.apiCalls()[0]!.path).toBe(`/v1beta1/${MODEL}:setPublisherModelConfig`);
  });
});
