// @ts-nocheck
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GRAPH_VERSION, previewInline, previewProgram, readStackConfig, trackOf } from "@aitracks/preview";
import { estimateCost } from "@aitracks/core";
import { ROOT } from "../helpers/cli";

describe("previewProgram on the aitracks program", () => {
  it("records the resource graph of the buy-aws stack with parents, providers and dependencies", async () => {
    const graph = await previewProgram({ programDir: ROOT, stack: "buy-aws" });
    expect(graph.version).toBe(GRAPH_VERSION);
    expect(graph.project).toBe("aitracks");
    const component = graph.resources.find((r) => r.type === "aitracks:aws:BuyTrack")!;
    expect(component.name).toBe("assistant");
    expect(component.custom).toBe(false);
    const provider = graph.resources.find((r) => r.type === "pulumi:providers:aws")!;
    expect(provider.inputs.region).toBe("us-east-1");
    const guardrail = graph.resources.find((r) => r.type === "aws:bedrock/guardrail:Guardrail")!;
    expect(guardrail.parent).toBe(component.urn);
    // Children inherit the component's explicit provider.
    expect(guardrail.provider?.startsWith(`${provider.urn}::`)).toBe(true);
    expect(trackOf(graph, guardrail)).toEqual({ track: "buy", cloud: "aws", name: "assistant" });
    const version = graph.resources.find((r) => r.type === "aws:bedrock/guardrailVersion:GuardrailVersion")!;
    expect(version.dependencies).toContain(guardrail.urn);
    expect(version.propertyDependencies.guardrailArn).toEqual([guardrail.urn]);
    // The program's stack outputs, by track.
    const out = (graph.outputs.tracks as Record<string, Record<string, unknown>>).assistant!;
    expect(out.service).toBe("Amazon Bedrock");
    expect(out.primaryModel).toBe("anthropic.claude-sonnet-4-20250514-v1:0");
    expect(String(out.applicationRoleArn)).toMatch(/^arn:aws:iam::123456789012:role\//);
    expect(graph.config["aitracks:tags"]).toEqual({ owner: "ml-platform", costCenter: "cc-4711" });
  });

  it("previews a hand-written TypeScript program with raw @pulumi/aws resources", async () => {
    const graph = await previewProgram({ programDir: join(ROOT, "examples/programs/raw-aws"), stack: "dev" });
    const config = graph.resources.find((r) => r.type === "aws:sagemaker/endpointConfiguration:EndpointConfiguration")!;
    const variant = (config.inputs.productionVariants as Record<string, unknown>[])[0]!;
    expect(variant.instanceType).toBe("ml.g5.12xlarge"); // from Pulumi.dev.yaml's raw-aws:instanceType
    expect(variant.initialInstanceCount).toBe(2);
    expect(graph.resources.filter((r) => r.custom).map((r) => r.type.split(":")[0])).not.toContain("aitracks");
    expect(String(graph.outputs.endpointName)).toMatch(/^ranker-/);
  });

  it("gives a throwing program's own message on one line", async () => {
    const err = await previewProgram({ programDir: join(ROOT, "test/fixtures/programs/throws"), stack: "dev" }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe("program error: index.js:4: the model registry is not reachable: set registryUrl");
  });

  it("stops a stack with bad config before any resource is registered, naming the key", async () => {
    const err = (await previewInline({
      config: {
        "aitracks:tracks": [
          { track: "buy", cloud: "aws", region: "us-east-1", models: ["amazon.nova-pro-v1:0"] },
          { track: "buy", cloud: "ibm", region: "us-south", name: "second" },
        ],
        "aitracks:tags": { owner: "a", costCenter: "b" },
        "aitracks:decision": { track: "buy", reviewDate: "2027-01-01" },
        "aitracks:budget": { maxMonthlyUsd: 100 },
      },
      program: () => {
        const { provisionStack, readStackSpec } = require("@aitracks/components");
        provisionStack(readStackSpec());
      },
    }).catch((e) => e)) as Error & { registered: number };
    expect(err.message).toBe('aitracks:tracks[1].cloud: expected one of aws, gcp, azure, got "ibm"');
    expect(err.registered).toBe(0);
  });

  it("names every bad setting of every track at once", async () => {
    const err = (await previewInline({
      config: {
        "aitracks:tracks": [
          { track: "buy", cloud: "aws", region: "us-east-1", models: ["amazon.nova-pro-v1:0"], guardrail: { piiAction: "KEEP" } },
          { track: "buy", cloud: "aws", region: "us-west-2", name: "fallback", models: [] },
        ],
        "aitracks:tags": { owner: "a", costCenter: "b" },
        "aitracks:decision": { track: "buy", reviewDate: "2027-01-01" },
      },
      program: () => {
        const { provisionStack, readStackSpec } = require("@aitracks/components");
        provisionStack(readStackSpec());
      },
    }).catch((e) => e)) as Error & { registered: number; lines: string[] };
    expect(err.lines).toEqual([
      'aitracks:tracks[0].guardrail.piiAction: expected ANONYMIZE or BLOCK, got "KEEP"',
      "aitracks:tracks[0].monthlyBudgetUsd: expected a monthly budget in USD (or set aitracks:budget.maxMonthlyUsd), got nothing",
      "aitracks:tracks[1].models: expected at least one Bedrock model id, got an empty list",
      "aitracks:tracks[1].monthlyBudgetUsd: expected a monthly budget in USD (or set aitracks:budget.maxMonthlyUsd), got nothing",
    ]);
    expect(err.registered).toBe(0);
  });
});

describe("what a program does under mocks that nothing reads", () => {
  it("passes the SDK's promises through the same chain without tagging or tracking them, and restores the SDK after", async () => {
    const debuggable = require(require.resolve("@pulumi/pulumi/runtime/debuggable", { paths: [ROOT] }));
    const original = debuggable.debuggablePromise;
    const seen: Record<string, unknown> = {};
    await previewInline({
      program: async () => {
        const ok = Promise.resolve(42);
        seen.value = await debuggable.debuggablePromise(ok, "ok");
        seen.tagged = Object.getOwnPropertyNames(ok).filter((k) => k.startsWith("_debug"));
        const failing = Promise.reject(new Error("boom"));
        seen.error = await debuggable.debuggablePromise(failing, "failing").catch((e: Error & { promise?: unknown }) => e);
        seen.failing = failing;
      },
    });
    expect(seen.value).toBe(42);
    expect(seen.tagged).toEqual([]);
    expect((seen.error as Error).message).toBe("boom");
    expect((seen.error as { promise?: unknown }).promise).toBe(seen.failing);
    expect(debuggable.debuggablePromise).toBe(original);
    // Outside a preview the SDK tags again.
    const after = Promise.resolve(1);
    await original(after, "after");
    expect(Object.getOwnPropertyNames(after)).toContain("_debugStackTrace");
  });

  it("skips each resource's source position while the program runs, and restores the SDK after", async () => {
    const { Resource } = require(require.resolve("@pulumi/pulumi/resource", { paths: [ROOT] }));
    const original = Resource.stackTrace;
    let during: unknown;
    const graph = await previewInline({
      program: () => {
        during = Resource.stackTrace(0);
        const aws = require("@pulumi/aws");
        new aws.s3.Bucket("b", {});
      },
    });
    expect(graph.resources.map((r) => r.type)).toContain("aws:s3/bucket:Bucket");
    expect(during).toEqual([]);
    expect(Resource.stackTrace).toBe(original);
    // Outside a preview it is the SDK's own again: frames of this very test.
    expect(Resource.stackTrace(0).length).toBeGreaterThan(0);
  });
});

describe("stack config files", () => {
  it("reads Pulumi.<stack>.yaml as the Pulumi CLI hands it to a program", () => {
    const c = readStackConfig(join(ROOT, "examples/programs/raw-aws/Pulumi.dev.yaml"), "raw-aws");
    expect(c.values).toEqual({ "aws:region": "us-east-1", "raw-aws:instanceType": "ml.g5.12xlarge" });
    const buy = readStackConfig(join(ROOT, "stacks/Pulumi.buy-aws.yaml"), "aitracks");
    expect(JSON.parse(buy.values["aitracks:budget"]!)).toMatchObject({ maxMonthlyUsd: 4000 });
  });
});

describe("every example stack previews offline", () => {
  const stacks = readdirSync(join(ROOT, "stacks"))
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => !!s);
  it.each(stacks)("%s", async (stack) => {
    const graph = await previewProgram({ programDir: ROOT, stack });
    const tracks = graph.resources.filter((r) => /^aitracks:(aws|gcp|azure):\w+Track$/.test(r.type));
    expect(tracks.length).toBeGreaterThan(0);
    const cloud = graph.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:"));
    expect(cloud.length).toBeGreaterThan(5);
    // Everything of ours sits under a track component.
    for (const r of cloud) expect(trackOf(graph, r), r.urn).toBeDefined();
    // The program exports its own estimate, and it is the cost model's figure for the same graph.
    const exported = graph.outputs.estimatedCost as { monthlyUsd: number; threeYearUsd: number; unpriced: string[] };
    const estimate = estimateCost(graph);
    expect(exported.monthlyUsd).toBeCloseTo(estimate.monthlyUsd, 1);
    expect(exported.threeYearUsd).toBeCloseTo(estimate.threeYear.totalUsd, 0);
    expect(exported.unpriced).toEqual(estimate.unpriced.map((u) => u.urn));
  });
});

describe("the analyzer client's reading of an Analyze answer", () => {
  it("reads what the generated decoder reads, skipping only the notes that are never kept", async () => {
    const { modules, readAnswer } = await import("../../packages/preview/src/policy/analyzer");
    const { packDir } = await import("../../packages/preview/src/policy/pack");
    const m = modules(packDir());
    const resp = new m.pb.AnalyzeResponse();
    const d = new m.pb.AnalyzeDiagnostic();
    d.setPolicyname("p1");
    d.setMessage("bad thing: é ☃");
    d.setUrn("urn:x");
    d.setEnforcementlevel(1);
    resp.addDiagnostics(d);
    const notes = [
      ["p2", "Policy only applies to resources of type 'aws:s3/bucket:Bucket'"],
      ["p3", ".kmsKeyId is not known until deploy — ünïcode ☃"],
      ["p4", ""],
      ["p5", "Policy only"],
      ["p6", "Policy only applies to"],
    ];
    for (const [name, reason] of notes) {
      const na = new m.pb.PolicyNotApplicable();
      na.setPolicyName(name);
      if (reason) na.setReason(reason);
      resp.addNotApplicable(na);
    }
    const bytes = resp.serializeBinary();
    const generated = m.pb.AnalyzeResponse.deserializeBinary(bytes);
    const all = readAnswer(m, bytes, true);
    expect(all.diagnostics.map((x) => x.toObject())).toEqual(generated.getDiagnosticsList().map((x) => x.toObject()));
    expect(all.notApplicable).toEqual(generated.getNotApplicableList().map((x) => ({ policyName: x.getPolicyName(), reason: x.getReason() })));
    // Without every note: the "Policy only applies to …" ones are left unread, nothing else.
    const kept = readAnswer(m, bytes, false);
    expect(kept.notApplicable.map((n) => n.policyName)).toEqual(["p3", "p4", "p5"]);
    expect(kept.diagnostics).toHaveLength(1);
  });
});
