// @ts-nocheck
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { previewProgram, trackOf, cloudResources, type ResourceGraph } from "@aitracks/preview";
import { aitracks, ROOT } from "../helpers/cli";
import { ofType, one } from "../helpers/graph";

const STACKS = {
  "buy-gcp": { type: "aitracks:gcp:BuyTrack", track: "buy", name: "assistant", service: "Vertex AI Model Garden" },
  "build-gcp": { type: "aitracks:gcp:BuildTrack", track: "build", name: "pretrain", service: "Vertex AI training + TPUs" },
  "fine-tune-gcp": { type: "aitracks:gcp:FineTuneTrack", track: "fine-tune", name: "ticket-triage", service: "Vertex AI tuning" },
  "serving-gcp": { type: "aitracks:gcp:ServingTrack", track: "serving", name: "gemma", service: "Vertex AI endpoints" },
  "evaluation-gcp": { type: "aitracks:gcp:EvaluationTrack", track: "evaluation", name: "triage-eval", service: "Vertex AI evaluation" },
} as const;

const dir = mkdtempSync(join(tmpdir(), "aitracks-gcp-stacks-"));
/** A copy of an example stack's config with the first track's settings changed. */
function variant(stack: keyof typeof STACKS, change: (track: Record<string, unknown>, config: Record<string, unknown>) => void): string {
  const doc = parse(readFileSync(join(ROOT, "stacks", `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, any> };
  change(doc.config["aitracks:tracks"][0], doc.config);
  const file = join(dir, `Pulumi.${stack}.yaml`);
  writeFileSync(file, stringify(doc));
  return file;
}
const failure = (stack: keyof typeof STACKS, configFile: string) =>
  previewProgram({ programDir: ROOT, stack, configFile }).then(
    () => "no error",
    (e: Error & { registered?: number }) => `${e.message} (${e.registered})`,
  );

describe("the GCP example stacks preview offline", () => {
  for (const [stack, want] of Object.entries(STACKS)) {
    it(`${stack}: every resource belongs to the ${want.track} track, in the stack's region, labelled with the stack`, async () => {
      const graph: ResourceGraph = await previewProgram({ programDir: ROOT, stack });
      const component = one(graph, want.type);
      expect(component.name).toBe(want.name);
      const resources = cloudResources(graph);
      expect(resources.length).toBeGreaterThan(10);
      for (const r of resources) expect(trackOf(graph, r), r.name).toEqual({ track: want.track, cloud: "gcp", name: want.name });
      const provider = one(graph, "pulumi:providers:gcp");
      expect(provider.inputs).toMatchObject({ region: "us-central1", project: "aitracks-example" });
      const outputs = (graph.outputs.tracks as Record<string, any>)[want.name];
      expect(outputs).toMatchObject({ track: want.track, cloud: "gcp", service: want.service, region: "us-central1" });
      const labelled = resources.filter((r) => r.type.startsWith("gcp:") && r.inputs.labels && r.type !== "gcp:monitoring/notificationChannel:NotificationChannel");
      expect(labelled.length).toBeGreaterThan(0);
      for (const r of labelled) expect((r.inputs.labels as any)["aitracks-stack"], r.name).toBe(stack);
      // Every track records Data Access audit logs for Vertex AI.
      const audit = one(graph, "gcp:projects/iAMAuditConfig:IAMAuditConfig").inputs as any;
      expect(audit.service).toBe("aiplatform.googleapis.com");
      expect(audit.auditLogConfigs.map((c: any) => c.logType).sort()).toEqual(["ADMIN_READ", "DATA_READ", "DATA_WRITE"]);
    });
  }

  it("fine-tune-gcp: tunes Gemini 2.5 Flash and evaluates base against tuned on the uploaded evaluation set", async () => {
    const graph = await previewProgram({ programDir: ROOT, stack: "fine-tune-gcp" });
    const job = one(graph, "pulumi-nodejs:dynamic/vertex:TuningJob").inputs;
    expect(job).toMatchObject({ baseModel: "gemini-2.5-flash", epochCount: 4, adapterSize: "ADAPTER_SIZE_EIGHT", learningRateMultiplier: 1 });
    const run = one(graph, "pulumi-nodejs:dynamic/vertex:EvaluationRun").inputs as any;
    expect(Object.keys(run.inferenceConfigs).sort()).toEqual(["base", "tuned"]);
    expect(run.metrics.map((m: any) => m.metric)).toEqual(["exact_match", "label-correct"]);
    expect(ofType(graph, "gcp:storage/bucketObject:BucketObject").map((o) => o.inputs.source)).toEqual([
      join(ROOT, "stacks/data/gcp/tuning-train.jsonl"),
      join(ROOT, "stacks/data/gcp/tuning-validation.jsonl"),
      join(ROOT, "stacks/data/gcp/evaluation.jsonl"),
    ]);
  });
});

describe("bad GCP settings in a stack stop the program before anything is registered", () => {
  it("min replicas above max", async () => {
    const file = variant("serving-gcp", (t) => Object.assign(t, { minReplicas: 4, maxReplicas: 2 }));
    expect(await failure("serving-gcp", file)).toBe("aitracks:tracks[0].minReplicas: expected at most maxReplicas (2), got 4 (0)");
  });

  it("an unknown accelerator", async () => {
    const file = variant("serving-gcp", (t) => Object.assign(t, { acceleratorType: "nvidia-b300" }));
    expect(await failure("serving-gcp", file)).toMatch(/^aitracks:tracks\[0\]\.acceleratorType: unknown accelerator "nvidia-b300"; the price catalog knows .* \(0\)$/);
  });

  it("a region where the catalog does not offer the accelerator", async () => {
    const file = variant("build-gcp", (t) => Object.assign(t, { region: "asia-southeast1", tpu: { type: "tpu-v5p", chips: 8 } }));
    expect(await failure("build-gcp", file)).toBe(
      "aitracks:tracks[0].tpu.type: tpu-v5p is not offered in asia-southeast1; the price catalog has it in us-east5, us-central1, europe-west4 (0)",
    );
  });

  it("buy-gcp: logs both models' requests to the track's CMEK dataset; requestLogging settings are checked by field path", async () => {
    const graph = await previewProgram({ programDir: ROOT, stack: "buy-gcp" });
    const configs = ofType(graph, "pulumi-nodejs:dynamic/vertex:PublisherModelLogging").map((r) => [r.inputs.publisherModelName, r.inputs.bigqueryOutputUri, r.inputs.samplingRate]);
    expect(configs).toEqual([
      ["publishers/google/models/gemini-2.5-flash", "bq://aitracks-example.assistant_request_logs.google_gemini_2_5_flash", 0.1],
      ["publishers/anthropic/models/claude-sonnet-4", "bq://aitracks-example.assistant_request_logs.anthropic_claude_sonnet_4", 0.1],
    ]);
    const rate = variant("buy-gcp", (t) => Object.assign(t, { requestLogging: { samplingRate: 2 } }));
    expect(await failure("buy-gcp", rate)).toBe("aitracks:tracks[0].requestLogging.samplingRate: expected a share of at most 1, got 2 (0)");
    const typo = variant("buy-gcp", (t) => Object.assign(t, { requestLogging: { enable: false } }));
    expect(await failure("buy-gcp", typo)).toMatch(/^aitracks:tracks\[0\]\.requestLogging: .*enable.* \(0\)$/);
    const off = variant("buy-gcp", (t) => Object.assign(t, { requestLogging: { enabled: false } }));
    const quiet = await previewProgram({ programDir: ROOT, stack: "buy-gcp", configFile: off });
    expect(ofType(quiet, "pulumi-nodejs:dynamic/vertex:PublisherModelLogging")).toEqual([]);
  });

  it("a setting the cell does not know, and a bad one in a later track of a hybrid stack", async () => {
    const unknown = variant("serving-gcp", (t) => Object.assign(t, { replicas: 2 }));
    expect(await failure("serving-gcp", unknown)).toBe("aitracks:tracks[0]: unknown key replicas (0)");
    // The buy track is fine; the second track (evaluation) is not: nothing at all is registered.
    const hybrid = variant("buy-gcp", (_t, config) => {
      (config["aitracks:tracks"] as unknown[]).push({ track: "evaluation", cloud: "gcp", region: "us-central1", models: ["google/gemini-2.5-flash"], evaluationDataFile: "stacks/data/gcp/missing.jsonl" });
    });
    expect(await failure("buy-gcp", hybrid)).toMatch(/^aitracks:tracks\[1\]\.evaluationDataFile: expected a JSONL file, but stacks\/data\/gcp\/missing\.jsonl does not exist .* \(0\)$/);
  });

  it("the CLI prints one line naming the field and exits 2, without a stack trace", () => {
    const file = variant("serving-gcp", (t) => Object.assign(t, { minReplicas: 4, maxReplicas: 2 }));
    const r = aitracks(["preview", "--stack", "serving-gcp", "--config", file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toContain("aitracks:tracks[0].minReplicas: expected at most maxReplicas (2), got 4");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });
});
