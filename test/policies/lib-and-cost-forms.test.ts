// @ts-nocheck
// The pack's entry (policies/index.ts), the model-provider reader (policies/lib/models.ts), the
// residency matcher, and the cost budget policies on a budget that is not a finite number. The
// compiled pack (policies/bin) is read directly, as engine-shim.test.ts does, for the parts no
// policy verdict shows one by one.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { Bucket } from "@pulumi/aws/s3";
import { EndpointConfiguration } from "@pulumi/aws/sagemaker";
import { checkBoth, FACTS, notesOf, violationsOf } from "./helpers";

const req = createRequire(import.meta.url);
const BIN = req.resolve("../../policies/bin/index.js");

describe("policies/index.ts: the pack the Pulumi CLI is served", () => {
  it("installs the engine shim, then serves every policy of lib/pack as one PolicyPack named aitracks, advisory by default", () => {
    const fromBin = createRequire(BIN);
    // @pulumi/policy re-exports PolicyPack through a getter over its policy module: patch the module.
    const policySdk = fromBin("@pulumi/policy/policy");
    const deserialize = fromBin("@pulumi/policy/deserialize");
    const analyzerPb = fromBin("@pulumi/pulumi/proto/analyzer_pb");
    const proto = analyzerPb.AnalyzerStackConfigureRequest.prototype;
    const shimPath = fromBin.resolve("./lib/engine-shim");
    const saved = { PolicyPack: policySdk.PolicyPack, deserializeProperties: deserialize.deserializeProperties, getTagsMap: proto.getTagsMap, shim: req.cache[shimPath], index: req.cache[BIN] };
    const made: { name: string; args: Record<string, unknown>; shimmed: boolean }[] = [];
    try {
      // A fresh engine-shim module (its "installed" flag unset) and a PolicyPack that records instead of serving.
      delete req.cache[shimPath];
      delete req.cache[BIN];
      policySdk.PolicyPack = class {
        constructor(name: string, args: Record<string, unknown>) {
          made.push({ name, args, shimmed: deserialize.deserializeProperties !== saved.deserializeProperties && proto.getTagsMap !== saved.getTagsMap });
        }
      };
      req(BIN);
    } finally {
      policySdk.PolicyPack = saved.PolicyPack;
      deserialize.deserializeProperties = saved.deserializeProperties;
      proto.getTagsMap = saved.getTagsMap;
      if (saved.shim) req.cache[shimPath] = saved.shim;
      else delete req.cache[shimPath];
      if (saved.index) req.cache[BIN] = saved.index;
      else delete req.cache[BIN];
    }
    const pack = fromBin("./lib/pack");
    expect(made).toHaveLength(1);
    expect(made[0]!.name).toBe("aitracks");
    expect(made[0]!.shimmed, "the engine shim is installed before the pack is served").toBe(true);
    expect(Object.keys(made[0]!.args).sort()).toEqual(["description", "enforcementLevel", "policies"]);
    expect(made[0]!.args.policies).toBe(pack.packPolicies);
    expect(made[0]!.args.enforcementLevel).toBe("advisory");
    expect(made[0]!.args.description).toBe("aitracks guardrails: security of the clouds' AI services, governance, the build/buy/fine-tune anti-patterns and cost.");
  });
});

describe("policies/lib/models.ts: which provider a model id names", () => {
  const { modelProvider, formatProvider } = req("../../policies/bin/lib/models.js");
  const cases: [string, string | undefined][] = [
    ["", undefined],
    ["   ", undefined],
    // ARNs of every Bedrock resource type, geo prefixes of inference profiles
    ["arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-8b-instruct-v1:0", "meta"],
    ["arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic"],
    ["arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-lite-v1:0:300k/abc123", "amazon"],
    ["arn:aws:bedrock:us-east-1:123456789012:provisioned-model/cohere.command-r-v1:0", "cohere"],
    ["arn:aws:bedrock:us-east-1:123456789012:imported-model/mistral.mistral-7b", "mistral"],
    ["arn:aws:bedrock:us-east-1:123456789012:other-thing/mistral.mistral-7b", undefined],
    ["eu.anthropic.claude-3-haiku", "anthropic"],
    ["apac.amazon.nova-pro-v1:0", "amazon"],
    ["us-gov.anthropic.claude-3-haiku", "anthropic"],
    ["global.anthropic.claude-sonnet-4", "anthropic"],
    ["ca.amazon.nova-micro", "amazon"],
    ["jp.amazon.nova-micro", "amazon"],
    ["au.amazon.nova-micro", "amazon"],
    ["uk.amazon.nova-micro", "uk"],
    ["ai21.jamba-1-5-large-v1:0", "ai21"],
    ["twelvelabs.marengo", "twelvelabs"],
    ["stability.sd3-large", "stability"],
    // Vertex publisher paths (full or short), normalised
    ["projects/p/locations/us-central1/publishers/google/models/gemini-2.5-pro", "google"],
    ["publishers/Meta/models/llama-3.1", "meta"],
    ["publishers/meta-llama/models/x", "meta"],
    ["publishers/Mistral AI/models/mistral-large", "mistral"],
    ["publishers/openai/models/gpt-oss", "openai"],
    ["publishers/ai21labs/models/jamba", "ai21"],
    ["publishers/anthropic/models/claude", "anthropic"],
    // Hugging Face ids
    ["meta-llama/Llama-3.1-8B", "meta"],
    ["mistralai/Mistral-7B-Instruct-v0.3", "mistral"],
    ["Qwen/Qwen2.5-7B", "qwen"],
    ["google/gemma-2-9b", "google"],
    ["a/b/c", undefined],
    // Bare names: every family, in any case
    ["gemini-2.5-pro", "google"],
    ["gemma3", "google"],
    ["imagen-3", "google"],
    ["text-bison", "google"],
    ["chat-bison", "google"],
    ["palm-2", "google"],
    ["medlm-large", "google"],
    ["veo-2", "google"],
    ["chirp-2", "google"],
    ["Claude-3-Opus", "anthropic"],
    ["gpt-4o", "openai"],
    ["o1-mini", "openai"],
    ["o3-mini", "openai"],
    ["o4-mini", "openai"],
    ["dall-e-3", "openai"],
    ["whisper-1", "openai"],
    ["text-embedding-3-large", "openai"],
    ["tts-1", "openai"],
    ["davinci-002", "openai"],
    ["babbage-002", "openai"],
    ["codex-mini", "openai"],
    ["sora-1", "openai"],
    ["Llama-3.3-70B", "meta"],
    ["meta-llama-3", "meta"],
    ["mistral-large", "mistral"],
    ["mixtral-8x7b", "mistral"],
    ["codestral-2501", "mistral"],
    ["pixtral-12b", "mistral"],
    ["ministral-8b", "mistral"],
    ["command-r-plus", "cohere"],
    ["embed-english-v3", "cohere"],
    ["rerank-3", "cohere"],
    ["nova-pro", "amazon"],
    ["titan-embed-text-v2", "amazon"],
    ["Phi-4", "microsoft"],
    ["deepseek-r1", "deepseek"],
    ["grok-2", "xai"],
    ["jamba-1.5-large", "ai21"],
    ["qwen2-72b", "qwen"],
    // A family's name later in an id names nothing (the families match from the start)
    ["x-gemini-claude-gpt-o1-llama-mistral-command-nova-phi-deepseek-grok-jamba-qwen-imagen-embed-", undefined],
    ["mystery-model", undefined],
    ["7b-model", undefined],
  ];
  for (const [id, provider] of cases) {
    it(`${JSON.stringify(id)} -> ${provider ?? "unknown"}`, () => expect(modelProvider(id)).toBe(provider));
  }

  it("formatProvider: Azure deployment formats, trimmed, with a trailing ' AI' dropped (OpenAI itself kept)", () => {
    expect(formatProvider("OpenAI")).toBe("openai");
    expect(formatProvider("openai")).toBe("openai");
    expect(formatProvider(" OpenAI ")).toBe("openai");
    expect(formatProvider("Mistral AI")).toBe("mistral");
    expect(formatProvider("Mistral  ai")).toBe("mistral");
    expect(formatProvider("Meta")).toBe("meta");
    expect(formatProvider("Cohere")).toBe("cohere");
    expect(formatProvider("xAI")).toBe("xai");
    expect(formatProvider("AI21 Labs")).toBe("ai21"); // "ai21labs", an alias
    expect(formatProvider("Stability AI Inc")).toBe("stabilityaiinc");
  });
});

describe("data-residency's region matcher (regionAllowed)", () => {
  const { regionAllowed } = req("../../policies/bin/guardrails/governance/residency.js");
  const cases: [string, string[], boolean][] = [
    ["eu-west-1", ["eu-*"], true],
    ["eu", ["eu-*"], true],
    ["europe-west1", ["eu-*"], false],
    ["europe-west1", ["eu*"], true],
    ["eu", ["eu*"], true],
    ["e", ["eu*"], false],
    ["eu-west-1", ["EU-*"], true],
    ["westeurope", ["West Europe"], true],
    ["westeurope", ["westeurope2"], false],
    ["westeurope2", ["westeurope"], false],
    ["eu-west-1", ["eu-west-1"], true],
    ["eu-west-1", ["us-*", "eu-west-1"], true],
    ["eu-west-1", ["us-*", "asia-*"], false],
    ["eu-west-1", [], false],
    ["us", ["us-east-*"], false],
    ["us-east", ["us-east-*"], true],
    ["anything", ["*"], true],
  ];
  for (const [region, allowed, expected] of cases) {
    it(`${region} in ${JSON.stringify(allowed)}: ${expected}`, () => expect(regionAllowed(region, allowed)).toBe(expected));
  }
});

describe("cost-monthly-budget and cost-budget-crossing on a budget that is not a finite number", () => {
  const program = () =>
    new EndpointConfiguration("ec", { productionVariants: [{ variantName: "a", modelName: "m", instanceType: "ml.m5.xlarge", initialInstanceCount: 1 }] });
  const BUDGET = ["cost-monthly-budget", "cost-budget-crossing"];

  it("the policy's maxMonthlyUsd Infinity: a violation of each, naming where it came from", async () => {
    const { report } = await checkBoth(program, { config: FACTS, policyConfig: { "cost-monthly-budget": { maxMonthlyUsd: Infinity }, "cost-budget-crossing": { maxMonthlyUsd: Infinity } } });
    for (const p of BUDGET) {
      expect(violationsOf(report, p).map((v) => [v.urn, v.message]), p).toEqual([[undefined, "cannot judge the budget: the policy's maxMonthlyUsd is Infinity, not a finite number"]]);
      expect(notesOf(report, p), p).toEqual([]);
    }
  });
  it("the stack's aitracks:budget.maxMonthlyUsd 1e999 (Infinity once parsed): the cost model refuses it, a violation of each", async () => {
    const { report } = await checkBoth(program, { config: { ...FACTS, "aitracks:budget": '{"maxMonthlyUsd": 1e999}' } });
    for (const p of BUDGET) {
      expect(violationsOf(report, p).map((v) => [v.urn, v.message]), p).toEqual([[undefined, "cannot estimate the stack's cost: aitracks:budget.maxMonthlyUsd: expected a number above 0, got Infinity"]]);
    }
  });
});

describe("cost-monthly-budget and cost-budget-crossing when a price is known only at deploy", () => {
  it("within the budget on what is priced, but an instance type known only at deploy: information (a note), not a pass or a violation", async () => {
    const { graph, report } = await checkBoth(
      () => {
        const b = new Bucket("b", {});
        // The endpoint's instance type is an output of the bucket: unknown in a preview, so the endpoint is unpriced.
        new EndpointConfiguration("ec", { productionVariants: [{ variantName: "a", modelName: "m", instanceType: b.bucketRegionalDomainName.apply(() => "ml.m5.xlarge"), initialInstanceCount: 1 }] });
      },
      { config: { ...FACTS, "aws:region": "us-east-1", "aitracks:budget": { maxMonthlyUsd: 1000 } } },
    );
    expect(graph.resources.find((r) => r.name === "ec")!.inputs.productionVariants[0].instanceType).toBe("[unknown]");
    const monthly = notesOf(report, "cost-monthly-budget").map((n) => n.reason);
    const crossing = notesOf(report, "cost-budget-crossing").map((n) => n.reason);
    expect(violationsOf(report, "cost-monthly-budget")).toEqual([]);
    expect(violationsOf(report, "cost-budget-crossing")).toEqual([]);
    // Nothing else in the stack is priced (an empty bucket costs $0.00 until it stores data).
    const why = "ec: productionVariants[0].instanceType is not known until deploy";
    expect(monthly).toEqual([`could not decide: $0.00 a month is within $1,000.00, but ${why}`]);
    expect(crossing).toEqual([`could not decide: every month is within $1,000.00, but ${why}`]);
  });
});
