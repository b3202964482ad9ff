// @ts-nocheck
// The governance policies in every form they read (policies/guardrails/governance/{third-party,
// residency,decision}.ts and policies/lib/models.ts), through both engines: each kind of resource
// a model is named on, each spelling of a model id, each reason a policy does not apply, with
// exact messages and the exact set of violations (present and absent).
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { CustomModel, InferenceProfile, ProvisionedModelThroughput } from "@pulumi/aws/bedrock";
import { Policy, Role } from "@pulumi/aws/iam";
import { Provider } from "@pulumi/aws/provider";
import { Bucket as S3Bucket } from "@pulumi/aws/s3";
import { Deployment } from "@pulumi/azure-native/cognitiveservices";
import { Bucket as GcsBucket } from "@pulumi/gcp/storage";
import { AiEndpointWithModelGardenDeployment, AiModelGardenEnableModel } from "@pulumi/gcp/vertex";
import { checkBoth, FACTS, notesOf, TAGS, urnOf, violationsOf } from "./helpers";

const ROLE = "arn:aws:iam::123456789012:role/bedrock";
const buy = { ...TAGS, "aitracks-track": "buy" };
const RESTRICTED = { ...FACTS, "aitracks:dataClassification": "restricted" };
const APPROVED = "restricted-data-approved-providers";
const FALLBACK = "buy-fallback-model";

/** [resource name or "stack", message] of a policy's violations, sorted. */
function seen(graph, report, policy: string): string[][] {
  return violationsOf(report, policy)
    .map((v) => [v.urn === undefined ? "stack" : graph.resources.find((r) => r.urn === v.urn)!.name, v.message])
    .sort(byCodePoint);
}
/** Sort [name, message] pairs by code point (localeCompare ignores the punctuation that tells "us" from "us-east-1"). */
const byCodePoint = (a: string[], b: string[]) => (a[0]! !== b[0]! ? (a[0]! < b[0]! ? -1 : 1) : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0);
const notApproved = (provider: string, model: string, approved = " (none approved)") =>
  `restricted data (stack config aitracks:dataClassification) would go to ${provider} (${model}), which is not an approved provider${approved}`;

describe(`${APPROVED}: every resource a buy track names a model on`, () => {
  it("Bedrock: an inference profile (geo prefix dropped), provisioned throughput, a custom model's base", async () => {
    const { graph, report } = await checkBoth(
      () => {
        new InferenceProfile("profile", { name: "p", modelSource: { copyFrom: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0" }, tags: buy });
        new ProvisionedModelThroughput("pt", { provisionedModelName: "pt", modelArn: "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-8b-instruct-v1:0", modelUnits: 1, tags: buy });
        new CustomModel("tuned", {
          baseModelIdentifier: "eu.cohere.command-r-v1:0",
          customModelName: "t",
          jobName: "j",
          hyperparameters: {},
          roleArn: ROLE,
          trainingDataConfig: { s3Uri: "s3://d/t.jsonl" },
          outputDataConfig: { s3Uri: "s3://d/o/" },
          tags: buy,
        });
      },
      { config: RESTRICTED },
    );
    expect(seen(graph, report, APPROVED)).toEqual([
      ["profile", notApproved("anthropic", "anthropic.claude-3-5-haiku-20241022-v1:0")],
      ["pt", notApproved("meta", "meta.llama3-8b-instruct-v1:0")],
      ["tuned", notApproved("cohere", "cohere.command-r-v1:0")],
    ]);
  });

  it("Azure deployments: the format names the provider (OpenAI, Mistral AI), else the model name does", async () => {
    const deployment = (name: string, model: object) =>
      new Deployment(name, { resourceGroupName: "rg", accountName: "acct", deploymentName: name, properties: { model: { version: "1", ...model } }, sku: { name: "Standard", capacity: 1 }, tags: buy });
    const { graph, report } = await checkBoth(
      () => {
        deployment("chat", { format: "OpenAI", name: "gpt-4o" });
        deployment("mistral", { format: "Mistral AI", name: "Mistral-Large-2411" });
        deployment("llama", { format: " Meta ", name: "Llama-3.3-70B-Instruct" });
        deployment("bare", { name: "Phi-4" });
        deployment("none", { format: "OpenAI" });
      },
      { config: RESTRICTED },
    );
    expect(seen(graph, report, APPROVED)).toEqual([
      ["bare", notApproved("microsoft", "Phi-4")],
      ["chat", notApproved("openai", "gpt-4o")],
      ["llama", notApproved("meta", "Llama-3.3-70B-Instruct")],
      ["mistral", notApproved("mistral", "Mistral-Large-2411")],
    ]);
  });

  it("Vertex Model Garden: an endpoint's publisher model and Hugging Face model (one report per provider), an enabled model", async () => {
    const { graph, report } = await checkBoth(
      () => {
        // Neither type takes labels: they belong to the buy track by the component they sit under.
        const parent = new pulumi.ComponentResource("aitracks:gcp:BuyTrack", "assistant", {});
        new AiEndpointWithModelGardenDeployment("endpoint", { location: "us-central1", publisherModelName: "publishers/google/models/gemma3@gemma-3-1b-it", huggingFaceModelId: "meta-llama/Llama-3.1-8B" }, { parent });
        new AiModelGardenEnableModel("enabled", { publisherModelName: "publishers/mistralai/models/mistral-large" }, { parent });
        new AiModelGardenEnableModel("outside", { publisherModelName: "publishers/openai/models/gpt-oss" });
      },
      { config: RESTRICTED },
    );
    expect(seen(graph, report, APPROVED)).toEqual([
      ["enabled", notApproved("mistral", "publishers/mistralai/models/mistral-large")],
      ["endpoint", notApproved("google", "publishers/google/models/gemma3@gemma-3-1b-it")],
      ["endpoint", notApproved("meta", "meta-llama/Llama-3.1-8B")],
    ]);
  });

  it("IAM grants of the buy track: InvokeModel (or bedrock:*) on foundation-model ARNs; Deny, other actions, other resources are not models", async () => {
    const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
    const { graph, report } = await checkBoth(
      () => {
        new Policy("invoke", {
          tags: buy,
          policy: doc(
            { Effect: "Allow", Action: "bedrock:InvokeModel", Resource: ["arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0", "arn:aws:s3:::bucket/*"] },
            { Effect: "Allow", Action: "bedrock:*", Resource: "arn:aws:bedrock:us-east-1::foundation-model/ai21.jamba-1-5-large-v1:0" },
            { Effect: "Deny", Action: "bedrock:InvokeModel", Resource: "arn:aws:bedrock:us-east-1::foundation-model/deepseek.r1-v1:0" },
            { Effect: "Allow", Action: "bedrock:ListFoundationModels", Resource: "arn:aws:bedrock:us-east-1::foundation-model/mistral.mistral-large-2402-v1:0" },
          ),
        });
      },
      { config: RESTRICTED },
    );
    expect(seen(graph, report, APPROVED)).toEqual([
      ["invoke", notApproved("ai21", "ai21.jamba-1-5-large-v1:0")],
      ["invoke", notApproved("amazon", "amazon.nova-pro-v1:0")],
    ]);
  });

  it("dynamic resources: model, modelId, baseModel, publisherModel and a models list; one report per provider; an unknown provider says so", async () => {
    const { graph, report } = await checkBoth(
      () => {
        new pulumi.CustomResource("pulumi-nodejs:dynamic:Resource", "chat", { model: "gpt-4o", modelId: "o3-mini", baseModel: "grok-2", publisherModel: "", models: ["qwen2-72b", "mystery-model", 7], tags: buy });
        new pulumi.CustomResource("pulumi-nodejs:dynamic:Resource", "other", { baseModel: "deepseek-r1", publisherModel: "gemini-2.5-pro", tags: buy });
        new pulumi.CustomResource("pulumi-nodejs:dynamic:Resource", "built", { model: "gpt-4o", tags: { ...TAGS, "aitracks-track": "build" } });
      },
      { config: RESTRICTED },
    );
    expect(seen(graph, report, APPROVED)).toEqual([
      ["chat", "mystery-model: cannot tell which provider receives the restricted data; name an approved model"],
      ["chat", notApproved("openai", "gpt-4o")],
      ["chat", notApproved("qwen", "qwen2-72b")],
      ["chat", notApproved("xai", "grok-2")],
      ["other", notApproved("deepseek", "deepseek-r1")],
      ["other", notApproved("google", "gemini-2.5-pro")],
    ]);
  });

  it("the stack config's buy tracks and their models (stack-level); approved providers, any case, pass and are listed", async () => {
    const config = {
      ...RESTRICTED,
      "aitracks:tracks": [
        { track: "buy", cloud: "aws", name: "assistant", models: ["anthropic.claude-sonnet-4-20250514-v1:0", "amazon.nova-pro-v1:0", "command-r-plus"] },
        { track: "build", cloud: "aws", name: "lab", models: ["gpt-4o"] },
      ],
    };
    const program = () => new S3Bucket("data", { tags: { ...TAGS, "aitracks-name": "assistant" } });
    const none = await checkBoth(program, { config });
    expect(seen(none.graph, none.report, APPROVED)).toEqual([
      ["stack", notApproved("amazon", "amazon.nova-pro-v1:0")],
      ["stack", notApproved("anthropic", "anthropic.claude-sonnet-4-20250514-v1:0")],
      ["stack", notApproved("cohere", "command-r-plus")],
    ]);
    const some = await checkBoth(program, { config, policyConfig: { [APPROVED]: { approvedProviders: ["Amazon", "anthropic"] } } });
    expect(seen(some.graph, some.report, APPROVED)).toEqual([["stack", notApproved("cohere", "command-r-plus", " (approved: amazon, anthropic)")]]);
    const all = await checkBoth(program, { config, policyConfig: { [APPROVED]: { approvedProviders: ["amazon", "anthropic", "cohere"] } } });
    expect(seen(all.graph, all.report, APPROVED)).toEqual([]);
    expect(notesOf(all.report, APPROVED)).toEqual([]);
  });

  it("not applicable: not a buy stack, no classification, a classification that is not gated; gatedClassifications widens the gate", async () => {
    const profile = (tags: object) => () => new InferenceProfile("profile", { name: "p", modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-v1:0" }, tags });
    const reasons = (report) => notesOf(report, APPROVED).map((n) => [n.urn, n.reason]);
    const notBuy = await checkBoth(profile({ ...TAGS, "aitracks-track": "build" }), { config: RESTRICTED });
    expect(violationsOf(notBuy.report, APPROVED)).toEqual([]);
    expect(reasons(notBuy.report)).toEqual([[undefined, "not a buy stack"]]);
    const { "aitracks:dataClassification": _c, ...unclassified } = RESTRICTED;
    const noClass = await checkBoth(profile(buy), { config: unclassified });
    expect(reasons(noClass.report)).toEqual([[undefined, "the stack declares no data classification (aitracks:dataClassification)"]]);
    const confidential = { ...FACTS, "aitracks:dataClassification": "confidential" };
    const notGated = await checkBoth(profile(buy), { config: confidential });
    expect(reasons(notGated.report)).toEqual([[undefined, "the data is confidential, not gated"]]);
    const gated = await checkBoth(profile(buy), { config: confidential, policyConfig: { [APPROVED]: { gatedClassifications: ["restricted", "confidential"] } } });
    expect(seen(gated.graph, gated.report, APPROVED)).toEqual([
      ["profile", "confidential data (stack config aitracks:dataClassification) would go to anthropic (anthropic.claude-3-haiku-v1:0), which is not an approved provider (none approved)"],
    ]);
    // A buy track only in the stack config makes a buy stack.
    const configured = await checkBoth(() => new S3Bucket("data", { tags: TAGS }), { config: { ...RESTRICTED, "aitracks:tracks": [{ track: "buy", cloud: "aws", name: "assistant", models: ["claude-3-haiku"] }] } });
    expect(seen(configured.graph, configured.report, APPROVED)).toEqual([["stack", notApproved("anthropic", "claude-3-haiku")]]);
  });
});

describe(`${FALLBACK}: a production buy track needs two models`, () => {
  const profile = (name: string, model: string, tags: object) => new InferenceProfile(name, { name, modelSource: { copyFrom: `arn:aws:bedrock:us-east-1::foundation-model/${model}` }, tags });
  const only = (track: string, models: string) => `the production buy track ${track} uses only ${models}; add a fallback model or provider`;

  it("tracks by name (or (buy) unnamed): one model is a violation on its first resource, two pass; a config track's models count", async () => {
    const { graph, report } = await checkBoth(
      () => {
        profile("one", "anthropic.claude-3-haiku-v1:0", { ...buy, "aitracks-name": "solo" });
        profile("two-a", "anthropic.claude-3-haiku-v1:0", { ...buy, "aitracks-name": "pair" });
        profile("two-b", "amazon.nova-lite-v1:0", { ...buy, "aitracks-name": "pair" });
        profile("unnamed", "amazon.nova-pro-v1:0", buy);
        profile("unnamed-again", "us.amazon.nova-pro-v1:0", buy);
      },
      { config: { ...FACTS, "aitracks:tracks": [{ track: "buy", cloud: "aws", name: "configured", models: ["gpt-4o"] }, { track: "buy", cloud: "aws", name: "solo2", models: [] }] } },
    );
    expect(seen(graph, report, FALLBACK)).toEqual([
      ["one", only("solo", "anthropic.claude-3-haiku-v1:0")],
      ["stack", only("configured", "gpt-4o")],
      ["unnamed", only("(buy)", "amazon.nova-pro-v1:0")],
    ]);
    for (const v of violationsOf(report, FALLBACK)) expect(v.level).toBe("advisory");
  });

  it("not applicable: not a buy stack, not production, no environment", async () => {
    const reasons = (report) => notesOf(report, FALLBACK).map((n) => [n.urn, n.reason]);
    const program = (tags: object) => () => profile("one", "anthropic.claude-3-haiku-v1:0", tags);
    expect(reasons((await checkBoth(program({ ...TAGS, "aitracks-track": "build" }), { config: FACTS })).report)).toEqual([[undefined, "not a buy stack"]]);
    expect(reasons((await checkBoth(program(buy), { config: { ...FACTS, "aitracks:environment": "staging" } })).report)).toEqual([[undefined, "environment is staging"]]);
    const { "aitracks:environment": _e, ...noEnv } = FACTS;
    const { environment: _t, ...untagged } = buy;
    expect(reasons((await checkBoth(program(untagged), { config: noEnv })).report)).toEqual([[undefined, "the stack declares no environment"]]);
  });
});

describe("data-residency: allowed regions and what has none", () => {
  const POLICY = "data-residency";
  const config = (allowedRegions: string[]) => ({ [POLICY]: { allowedRegions } });
  const placed = (region: string, allowed: string) => `placed in ${region}; allowed: ${allowed}`;

  it("wildcards, multi-regions, case and spaces: which buckets are placed where they may be", async () => {
    const allowed = ["EU-*", "europe-west4", "west europe", "asia*"];
    const { graph, report } = await checkBoth(
      () => {
        new GcsBucket("eu-multi", { location: "EU" });
        new GcsBucket("europe-west4", { location: "europe-west4" });
        new GcsBucket("europe-west1", { location: "europe-west1" });
        new GcsBucket("asia", { location: "asia-northeast1" });
        new GcsBucket("us", { location: "US" });
        new S3Bucket("eu-west-1", {}, { provider: new Provider("eu", { region: "eu-west-1" }) });
        new S3Bucket("us-east-1", {}, { provider: new Provider("us", { region: "us-east-1" }) });
        new S3Bucket("euro", {}, { provider: new Provider("euro", { region: "eusc-de-east-1" }) });
      },
      { policyConfig: config(allowed) },
    );
    const list = "EU-*, europe-west4, west europe, asia*";
    expect(seen(graph, report, POLICY)).toEqual([
      ["euro", placed("eusc-de-east-1", list)],
      ["europe-west1", placed("europe-west1", list)],
      ["us", placed("us", list)],
      ["us-east-1", placed("us-east-1", list)],
    ]);
  });

  it("not applicable: a global type, a provider, no allowedRegions, no region at all, a region known only at deploy", async () => {
    const { graph, report } = await checkBoth(
      () => {
        new Role("role", { assumeRolePolicy: "{}" });
        const src = new S3Bucket("src", {}, { provider: new Provider("eu", { region: "eu-west-1" }) });
        new GcsBucket("later", { location: src.bucketRegionalDomainName.apply((d) => `europe-${d}`) });
        new pulumi.CustomResource("gcp:compute/network:Network", "nowhere", {});
      },
      { policyConfig: config(["eu-*"]) },
    );
    expect(seen(graph, report, POLICY)).toEqual([]);
    const reasonOn = (name: string) => notesOf(report, POLICY).filter((n) => n.urn === urnOf(graph, name)).map((n) => n.reason);
    expect(reasonOn("role")).toEqual(["not a regional cloud resource"]);
    expect(reasonOn("eu")).toEqual(["not a regional cloud resource"]);
    expect(reasonOn("src")).toEqual([]);
    expect(reasonOn("later")).toEqual([".location is not known until deploy"]);
    expect(reasonOn("nowhere")).toEqual(["the resource names no region or location (nor does its provider)"]);
    const unset = await checkBoth(() => new GcsBucket("data", { location: "US" }));
    expect(notesOf(unset.report, POLICY).filter((n) => n.urn === urnOf(unset.graph, "data")).map((n) => n.reason)).toEqual(["no allowedRegions configured"]);
  });
});

describe("decision-track-ruled-out and -not-recommended: reading aitracks:decision", () => {
  const RULED = "decision-track-ruled-out";
  const NOT_REC = "decision-track-not-recommended";
  const tracksOf = (...tracks: string[]) => () => tracks.forEach((t, i) => new S3Bucket(`data-${i}`, { tags: { ...TAGS, "aitracks-track": t } }));
  const both = (report) => [RULED, NOT_REC].map((p) => [violationsOf(report, p).map((v) => [v.urn, v.message, v.level]), notesOf(report, p).map((n) => [n.urn, n.reason])]);
  const cfg = (decision: unknown, extra = {}) => {
    const { "aitracks:decision": _d, ...rest } = FACTS;
    return { ...rest, ...(decision === undefined ? {} : { "aitracks:decision": decision }), ...extra };
  };

  it("no decision, a record only, no track provisioned: both policies skip, saying why", async () => {
    const skip = (reason: string) => [
      [[], [[undefined, reason]]],
      [[], [[undefined, reason]]],
    ];
    expect(both((await checkBoth(tracksOf("buy"), { config: cfg(undefined) })).report)).toEqual(skip("the stack config has no aitracks:decision"));
    expect(both((await checkBoth(tracksOf("buy"), { config: cfg({ record: "decisions/adr-1.md" }) })).report)).toEqual(
      skip("aitracks:decision names only the record decisions/adr-1.md, which the pack does not read; add track and ruledOut (the record's front matter: track, eligible) to compare the stack with it"),
    );
    const { "aitracks-track": _t, ...trackless } = TAGS;
    expect(both((await checkBoth(() => new S3Bucket("data", { tags: trackless }), { config: cfg({ track: "buy", reviewDate: "2099-01-01" }) })).report)).toEqual(skip("the stack provisions no aitracks track"));
  });

  it("a malformed decision: a violation of the mandatory policy, a note of the advisory one", async () => {
    const { report } = await checkBoth(tracksOf("buy"), { config: cfg({ track: "rent", reviewDate: "2099-01-01" }) });
    const message = "aitracks:decision is not a decision reference: expected {record: <path to the decision record>} or {track, reviewDate}";
    expect(both(report)).toEqual([
      [[[undefined, message, "mandatory"]], []],
      [[], [[undefined, message]]],
    ]);
  });

  it("the record named in the messages: given, or built from the track and decidedOn; tracks from the config before tags", async () => {
    const ruledOut = (record: string) => `the stack provisions the build track, which the decision (${record}) ruled out`;
    const cases: [object, string][] = [
      [{ track: "buy", reviewDate: "2099-01-01", ruledOut: ["build"], decidedOn: "2026-01-02" }, "aitracks:decision, buy decided on 2026-01-02"],
      [{ track: "buy", reviewDate: "2099-01-01", ruledOut: ["build"] }, "aitracks:decision, buy"],
      [{ track: "buy", reviewDate: "2099-01-01", ruledOut: ["build"], record: "adr/9.md" }, "adr/9.md"],
    ];
    for (const [decision, record] of cases) {
      const { report } = await checkBoth(tracksOf("build"), { config: cfg(decision) });
      expect(violationsOf(report, RULED).map((v) => [v.urn, v.message]), record).toEqual([[undefined, ruledOut(record)]]);
    }
    // The config's tracks win over the resources' tags: the tagged build bucket is not counted.
    const configured = await checkBoth(tracksOf("build"), { config: cfg(cases[2]![0], { "aitracks:tracks": [{ track: "buy", cloud: "aws", name: "assistant" }] }) });
    expect(both(configured.report)).toEqual([
      [[], []],
      [[], []],
    ]);
    // No ruledOut: nothing is ruled out; the other track is only not recommended.
    const noRuled = await checkBoth(tracksOf("build"), { config: cfg({ track: "buy", reviewDate: "2099-01-01" }) });
    expect(violationsOf(noRuled.report, RULED)).toEqual([]);
    expect(violationsOf(noRuled.report, NOT_REC).map((v) => [v.message, v.level])).toEqual([["the stack provisions the build track, not the decision's recommendation buy (aitracks:decision, buy); record why, or re-decide", "advisory"]]);
  });
});

describe("required-tags: which keys, on which resources, tags or labels", () => {
  const TAGS_POLICY = "required-tags";
  /** [violations, notes] of required-tags on the resource named `name`. */
  async function onResource(program: () => void, name: string, opts: { config?: Record<string, unknown>; policyConfig?: unknown } = {}) {
    const { graph, report } = await checkBoth(program, { config: opts.config ?? {}, policyConfig: opts.policyConfig });
    const urn = urnOf(graph, name);
    return [violationsOf(report, TAGS_POLICY).filter((v) => v.urn === urn).map((v) => v.message), notesOf(report, TAGS_POLICY).filter((n) => n.urn === urn).map((n) => n.reason)];
  }
  const bucket = (tags?: Record<string, pulumi.Input<string>>) => () => new S3Bucket("data", tags ? { tags } : {});

  it("a plain Pulumi program is held to no keys, unless the pack names some", async () => {
    expect(await onResource(bucket(), "data")).toEqual([[], ["no tag keys to require: not an aitracks stack, and no keys configured"]]);
    expect(await onResource(bucket(), "data", { policyConfig: { [TAGS_POLICY]: { additionalKeys: ["team"] } } })).toEqual([["missing tag team"], []]);
    expect(await onResource(bucket({ team: "ml" }), "data", { policyConfig: { [TAGS_POLICY]: { keys: ["owner", "team"], additionalKeys: ["team"] } } })).toEqual([["missing tag owner"], []]);
    expect(await onResource(bucket(), "data", { policyConfig: { [TAGS_POLICY]: { keys: ["owner", "team"], additionalKeys: ["team"] } } })).toEqual([["missing tags owner, team"], []]);
  });

  it("an aitracks stack is held to the aitracks keys, plus any others; a blank value is missing", async () => {
    const { owner: _owner, ...noOwner } = TAGS;
    expect(await onResource(bucket(TAGS), "data", { config: FACTS })).toEqual([[], []]);
    expect(await onResource(bucket({ ...noOwner, owner: "  " }), "data", { config: FACTS })).toEqual([["missing tag owner"], []]);
    expect(await onResource(bucket(TAGS), "data", { config: FACTS, policyConfig: { [TAGS_POLICY]: { additionalKeys: ["data-steward"] } } })).toEqual([["missing tag data-steward"], []]);
  });

  it("GCP: labels, each key as toGcpLabels spells it", async () => {
    const gcs = (labels: Record<string, string>) => () => new GcsBucket("lake", { location: "EU", labels });
    const policyConfig = { [TAGS_POLICY]: { keys: ["Cost Center", "owner"] } };
    expect(await onResource(gcs({ cost_center: "cc-1", owner: "ml" }), "lake", { policyConfig })).toEqual([[], []]);
    expect(await onResource(gcs({ owner: "ml" }), "lake", { policyConfig })).toEqual([["missing label cost_center"], []]);
    // The key as given is not the label's spelling.
    expect(await onResource(gcs({ "Cost Center": "cc-1", owner: "ml" }), "lake", { policyConfig })).toEqual([["missing label cost_center"], []]);
  });

  it("with no stack config sent (an engine without ConfigureStack), a plain program: no keys, no crash", () => {
    const bin = createRequire(import.meta.url);
    const { requiredTags } = bin("../../policies/bin/guardrails/governance/tags.js");
    bin("../../policies/bin/lib/stack-config.js").setStackConfig(undefined);
    const skipped: string[] = [];
    requiredTags.validateResource(
      { type: "aws:s3/bucket:Bucket", urn: "urn:b", name: "b", props: {}, getConfig: () => ({}), notApplicable: (r: string) => skipped.push(r) },
      () => skipped.push("reported"),
    );
    expect(skipped).toEqual(["no tag keys to require: not an aitracks stack, and no keys configured"]);
  });

  it("every taggable type is judged; a type that takes no tags is not", async () => {
    const policyConfig = { [TAGS_POLICY]: { keys: ["owner"] } };
    expect(await onResource(() => new Policy("p", { policy: "{}" }), "p", { policyConfig })).toEqual([["missing tag owner"], []]);
    expect(await onResource(() => new Provider("prov", { region: "us-east-1" }), "prov", { policyConfig })).toEqual([[], ["the resource type takes no tags or labels"]]);
  });
});
