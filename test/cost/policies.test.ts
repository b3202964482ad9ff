// @ts-nocheck
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { Bucket } from "@pulumi/aws/s3";
import { Guardrail } from "@pulumi/aws/bedrock";
import { Key } from "@pulumi/aws/kms";
import { EndpointConfiguration } from "@pulumi/aws/sagemaker";
import { estimateCost, nonFiniteFigure } from "@aitracks/core";
import { evaluateInProcess, previewInline, previewProgram, type PolicyReport } from "@aitracks/preview";
import { ROOT } from "../helpers/cli";
import { expectPass, expectViolation, type PolicyCase } from "../policies/helpers";
import { itWithInspector } from "../helpers/inspector";
import { leanFineTuneWorkload } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "aitracks-cost-policies-"));

/** An example stack's config with some aitracks:* keys replaced, as a config file. */
function variant(stack: string, name: string, changes: Record<string, unknown>): string {
  const doc = parse(readFileSync(join(ROOT, "stacks", `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
  for (const [k, v] of Object.entries(changes)) doc.config[k] = v;
  const file = join(dir, `Pulumi.${name}.yaml`);
  writeFileSync(file, stringify(doc));
  return file;
}

async function check(stack: string, configFile?: string, policyConfig?: unknown): Promise<PolicyReport> {
  const graph = await previewProgram({ programDir: ROOT, stack, ...(configFile ? { configFile } : {}) });
  return evaluateInProcess(graph, { allNotes: true, ...(policyConfig ? { config: policyConfig } : {}) });
}

const of = (r: PolicyReport, policy: string) => r.violations.filter((v) => v.policy === policy);
const notes = (r: PolicyReport, policy: string) => r.notes.filter((n) => n.policy === policy);

describe("cost-monthly-budget", () => {
  it("fails a stack over its budget, saying by how much and which resources dominate", async () => {
    // buy-aws is estimated at $3,714.35 a month (see diff.test.ts); a $2,000 budget is exceeded by $1,714.35
    const r = await check("buy-aws", variant("buy-aws", "over", { "aitracks:budget": { maxMonthlyUsd: 2000 } }));
    const v = of(r, "cost-monthly-budget");
    expect(v).toHaveLength(1);
    expect(v[0]!.level).toBe("mandatory");
    expect(v[0]!.message).toMatch(/^estimated \$3,714\.35 a month exceeds the budget of \$2,000\.00 \(aitracks:budget\.maxMonthlyUsd\) by \$1,714\.35 \(86%\); the largest: assistant-model-0 \$2,737\.50 \(74%: us\.anthropic\.claude-sonnet-4-20250514-v1:0 input tokens, us\.anthropic\.claude-sonnet-4-20250514-v1:0 output tokens\); assistant-guardrail \$973\.33/);
  });

  it("judges an autoscaled fleet at its expected size, not its minimum", async () => {
    // serving-aws: $1,194.82 with the endpoint at its minimum of 1 instance, $1,379.15 with the expected 7/6
    // (+1/6 x 730 h x $1.515 = $184.33, see stacks.test.ts): a $1,300 budget holds the minimum but not the expected fleet.
    const r = await check("serving-aws", variant("serving-aws", "fleet", { "aitracks:budget": { maxMonthlyUsd: 1300 } }));
    const v = of(r, "cost-monthly-budget");
    expect(v).toHaveLength(1);
    expect(v[0]!.message).toMatch(/^estimated \$1,379\.15 a month \(autoscaled fleets at their expected size; \$1,194\.82 at their minimum\) exceeds the budget of \$1,300\.00 \(aitracks:budget\.maxMonthlyUsd\) by \$79\.15/);
  });

  it("reports a workload it cannot read as a violation instead of aborting the pack", async () => {
    const graph = await previewProgram({ programDir: ROOT, stack: "buy-aws" });
    const bad = { ...graph, config: { ...graph.config, "aitracks:workload": { workload: { requestsPerDay: "lots" } } } };
    const r = evaluateInProcess(bad, { allNotes: true });
    const v = of(await r, "cost-monthly-budget");
    expect(v).toHaveLength(1);
    expect(v[0]!.message).toMatch(/^cannot estimate the stack's cost: aitracks:workload\.workload\.requestsPerDay: /);
    // The other policies still ran.
    expect((await r).violations.some((x) => x.policy !== "cost-monthly-budget" && !x.policy.startsWith("cost-")) || (await r).notes.length > 0).toBe(true);
  });

  it("passes a stack under its budget (and did evaluate it)", async () => {
    const r = await check("buy-aws"); // $3,714.35 against $4,000
    expect(of(r, "cost-monthly-budget")).toEqual([]);
    expect(notes(r, "cost-monthly-budget")).toEqual([]);
  });

  it("takes the lower of the stack's budget and the pack's cap", async () => {
    const r = await check("buy-aws", undefined, { "cost-monthly-budget": { maxMonthlyUsd: 1000 } });
    expect(of(r, "cost-monthly-budget")[0]!.message).toMatch(/exceeds the budget of \$1,000\.00 \(the policy's maxMonthlyUsd\) by \$2,714\.35/);
  });

  it("is not applicable to a stack with no budget", async () => {
    const r = await check("build-gcp");
    expect(of(r, "cost-monthly-budget")).toEqual([]);
    expect(notes(r, "cost-monthly-budget")[0]!.reason).toMatch(/^no monthly budget/);
  });
});

describe("cost-budget-crossing", () => {
  // A key ($1 a month, fixed) and a guardrail with content filters on both sides. The workload:
  // 1,200 requests a day x 365/12 = 36,500 a month; 250 tokens x 4 = 1,000 characters = 1 text unit
  // in and 1 out. Month 1: 36.5 thousand units x $0.15 = $5.475 a side, $10.95 of usage; $11.95 in all.
  // Usage grows 10% a month: month m = $1 + $10.95 x 1.1^(m-1).
  const program = () => {
    new Key("key", {});
    new Guardrail("guard", {
      blockedInputMessaging: "no",
      blockedOutputsMessaging: "no",
      contentPolicyConfig: { filtersConfigs: [{ type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH" }] },
    });
  };
  const config = (maxMonthlyUsd: number) => ({
    "aws:region": "us-east-1",
    "aitracks:workload": { workload: { requestsPerDay: 1_200, inputTokensPerRequest: 250, outputTokensPerRequest: 250, monthlyGrowth: 0.1 } },
    "aitracks:budget": { maxMonthlyUsd },
  });
  const c: PolicyCase = {
    policy: "cost-budget-crossing",
    bad: program,
    good: program,
    on: "stack",
    level: "advisory",
    // Budget $20: month 6 = $1 + $10.95 x 1.1^5 (1.61051) = $18.64 is within it; month 7 = $1 + $10.95 x 1.1^6
    // (1.771561) = $1 + $19.40 = $20.40, over by $0.40 (2%).
    config: config(20),
    message:
      /^within the budget of \$20\.00 \(aitracks:budget\.maxMonthlyUsd\) in month 1 \(\$11\.95\), but crosses it in month 7 of 36: \$20\.40, over by \$0\.40 \(2%\); usage items grow 10\.0% a month \(aitracks:workload\.workload\.monthlyGrowth\); the largest in month 1: guard \$10\.95 \(92%: content filters: input text units/,
    // Budget $310: month 36 = $1 + $10.95 x 1.1^35 (28.1024) = $1 + $307.72 = $308.72, the highest month, is within it.
    goodConfig: config(310),
  };
  it("names the month a growing stack crosses its budget, and that month's figure (both engines)", () => expectViolation(c));
  it("passes a stack whose every month of the horizon is within budget (both engines)", () => expectPass(c));

  it("takes the policy's lower cap, and leaves a stack over budget from month 1 to cost-monthly-budget", async () => {
    // Cap $15: month 3 = $1 + $10.95 x 1.21 = $14.25 is within it; month 4 = $1 + $10.95 x 1.331 = $15.57 is not.
    const r = await evaluateInProcess(await previewInline({ program, config: config(20) }), { allNotes: true, config: { "cost-budget-crossing": { maxMonthlyUsd: 15 } } });
    expect(of(r, "cost-budget-crossing").map((v) => v.message)).toEqual([expect.stringMatching(/^within the budget of \$15\.00 \(the policy's maxMonthlyUsd\) in month 1 \(\$11\.95\), but crosses it in month 4 of 36: \$15\.57, over by \$0\.57 /)]);
    // Budget $10: month 1 ($11.95) is already over: a mandatory violation of cost-monthly-budget, no second one here.
    const over = await evaluateInProcess(await previewInline({ program, config: config(10) }), { allNotes: true });
    expect(of(over, "cost-monthly-budget").map((v) => v.message)).toEqual([expect.stringMatching(/^estimated \$11\.95 a month exceeds the budget of \$10\.00/)]);
    expect(of(over, "cost-budget-crossing")).toEqual([]);
    expect(notes(over, "cost-budget-crossing").map((n) => n.reason)).toEqual(["over the budget of $10.00 from month 1: cost-monthly-budget judges it"]);
  });

  it("buy-aws: within its $4,000 budget now, crossing it in month 4 as usage grows 3% a month", async () => {
    // Month 1 $3,714.35 = fixed $2.26 (key $1, two alarms $0.20, stored logs $1.06) + usage $3,712.08 (tokens
    // $2,737.50, guardrail text units $973.33, logs ingested $1.25). Month 4 = $2.26 + $3,712.08 x 1.03^3 (1.092727)
    // = $2.26 + $4,056.29 = $4,058.55 from the rounded items, $4,058.56 unrounded (what `aitracks cost --stack buy-aws`
    // prints); month 3 = $2.26 + $3,712.08 x 1.0609 = $3,940.41, within $4,000.
    const r = await check("buy-aws");
    const v = of(r, "cost-budget-crossing");
    expect(v.map((x) => x.level)).toEqual(["advisory"]);
    expect(v[0]!.message).toMatch(/^within the budget of \$4,000\.00 \(aitracks:budget\.maxMonthlyUsd\) in month 1 \(\$3,714\.35\), but crosses it in month 4 of 36: \$4,058\.56, over by \$58\.56 \(1%\); usage items grow 3\.0% a month/);
    expect(of(r, "cost-monthly-budget")).toEqual([]);
  });
});

describe("cost-track-fits-volume", () => {
  // Buy on Bedrock with an Opus-class model ($15 / $75 per million tokens: the framework's "$15 per
  // million input tokens"), long answers (400 tokens in, 600 out), against a lean fine-tune of a
  // small model the team has in mind: hosted training, hosted inference on Nova Lite, 2 engineers
  // for 3 weeks, 0.1 FTE upkeep, one developer either way.
  const workload = (requestsPerDay: number) => leanFineTuneWorkload(requestsPerDay);
  const tracks = [{ track: "buy", cloud: "aws", region: "us-east-1", name: "assistant", models: ["anthropic.claude-opus-4-20250514-v1:0", "amazon.nova-pro-v1:0"] }];

  it("fires for buy at ten million tokens a day, naming the cheaper option and the crossover", async () => {
    const file = variant("buy-aws", "ten-million", { "aitracks:tracks": tracks, "aitracks:workload": workload(10_000), "aitracks:budget": { maxMonthlyUsd: 50_000 } });
    const v = of(await check("buy-aws", file), "cost-track-fits-volume");
    expect(v).toHaveLength(1);
    expect(v[0]!.level).toBe("advisory");
    // TCO model over 36 months: buy $1.12M (tokens $510 a day + the developer + monitoring), fine-tune $670K
    expect(v[0]!.message).toMatch(
      /^buy at 10K requests a day \(10\.0M tokens a day\) costs \$1\.12M over 36 months; fine-tune would cost \$670K, 40% less \(TCO model, people included\)\. fine-tune is cheaper than buy above 1,8\d\d requests a day \(1\.8M tokens a day\)\. The framework's anti-pattern: ignoring per-token costs at scale\.$/,
    );
  });

  it("does not fire at a thousand tokens a day", async () => {
    const file = variant("buy-aws", "one-thousand", { "aitracks:tracks": tracks, "aitracks:workload": workload(1) });
    const r = await check("buy-aws", file);
    expect(of(r, "cost-track-fits-volume")).toEqual([]);
    expect(notes(r, "cost-track-fits-volume")).toEqual([]); // it applied, and buy is the cheapest
  });

  itWithInspector("is not applicable to a hybrid stack", async () => {
    const r = await check("hybrid");
    expect(notes(r, "cost-track-fits-volume")[0]!.reason).toMatch(/^a hybrid stack/);
  });
});

describe("cost-resource-cap, cost-accelerator-families, cost-unpriced-resources", () => {
  it("flags a resource above the cap on its URN; the default cap passes", async () => {
    const capped = await check("build-gcp", undefined, { "cost-resource-cap": { maxMonthlyUsdPerResource: 10_000 } });
    const v = of(capped, "cost-resource-cap");
    expect(v.map((x) => x.urn!.split("::").pop())).toEqual(["pretrain-tpu"]);
    expect(v[0]!.message).toBe("pretrain-tpu is estimated at $14,016.00 a month, above the cap of $10,000.00 (pretrain-tpu: tpu-v5e 16 chips x 730 h)"); // 16 x $1.20 x 730
    expect(of(await check("build-gcp"), "cost-resource-cap")).toEqual([]);
  });

  it("flags accelerators outside the allowed families; the catalog's families pass by default", async () => {
    const strict = await check("serving-gcp", undefined, { "cost-accelerator-families": { allowedFamilies: ["ml.g5", "a2-*"] } });
    const v = of(strict, "cost-accelerator-families");
    expect(v).toHaveLength(1);
    expect(v[0]!.message).toBe("g2-standard-12 (family g2-standard) is not an allowed accelerator family (allowed: ml.g5, a2-*)");
    expect(of(await check("serving-gcp"), "cost-accelerator-families")).toEqual([]);
  });

  it("lists unpriced resources as advisory, one per resource", async () => {
    // Every example stack is fully priced: add a resource type the cost model has no module for.
    const graph = await previewProgram({ programDir: ROOT, stack: "buy-aws" });
    const parent = graph.resources.find((x) => x.type === "aitracks:aws:BuyTrack")!;
    const stranger = { ...parent, urn: `${parent.urn}$aws:lightsail/instance:Instance::side-box`, type: "aws:lightsail/instance:Instance", name: "side-box", custom: true, parent: parent.urn, inputs: { bundleId: "nano_3_0" } };
    const r = await evaluateInProcess({ ...graph, resources: [...graph.resources, stranger] }, { allNotes: true });
    const v = of(r, "cost-unpriced-resources");
    expect(v.every((x) => x.level === "advisory")).toBe(true);
    expect(v.map((x) => x.urn!.split("::").pop()).sort()).toEqual(["side-box"]);
    expect(of(await check("buy-aws"), "cost-unpriced-resources")).toEqual([]);
  });
});

describe("a cost figure that is not a number fails the gates, never passes them", () => {
  /** 1e308 instances: a finite input whose monthly cost (x 730 h x price) is Infinity. */
  const huge = () => new EndpointConfiguration("ranker", { productionVariants: [{ variantName: "primary", modelName: "m", instanceType: "ml.g5.2xlarge", initialInstanceCount: 1e308 }] });

  it("the budget and the per-resource cap report the figure they cannot compute", async () => {
    const graph = await previewInline({ program: huge, config: { "aws:region": "us-east-1", "aitracks:budget": { maxMonthlyUsd: 1000 } } });
    expect(estimateCost(graph).monthlyUsd).toBe(Infinity);
    const r = await evaluateInProcess(graph, { allNotes: true });
    const message = "cannot compute the stack's cost: the monthly total (got Infinity) is not a finite number; no cost gate passes on it";
    expect(of(r, "cost-monthly-budget").map((v) => [v.level, v.message])).toEqual([["mandatory", message]]);
    expect(of(r, "cost-resource-cap").map((v) => v.message)).toEqual([message]);
  });

  it("names the first figure that is NaN or infinite, and nothing in a sound estimate", async () => {
    const graph = await previewInline({ program: () => huge(), config: { "aws:region": "us-east-1" } });
    const e = estimateCost(graph);
    expect(nonFiniteFigure({ ...e, monthlyUsd: NaN })).toBe("the monthly total (got NaN)");
    // The expected fleet's figures are judged too: the minimum and each month.
    expect(nonFiniteFigure({ ...e, monthlyUsd: 1, oneOffUsd: 0, minMonthlyUsd: Infinity })).toBe("the monthly minimum (got Infinity)");
    expect(nonFiniteFigure({ ...e, monthlyUsd: 1, oneOffUsd: 0, minMonthlyUsd: 1, ceilingMonthlyUsd: 1, monthlyUsdByMonth: [1, NaN] })).toBe("month 2's cost (got NaN)");
    expect(nonFiniteFigure({ ...e, monthlyUsd: 1, oneOffUsd: 0, minMonthlyUsd: 1, ceilingMonthlyUsd: 1, monthlyUsdByMonth: [1], threeYear: { ...e.threeYear, totalUsd: 36 }, resources: e.resources.map((x) => ({ ...x, monthlyUsd: NaN })) })).toBe("ranker's monthly cost (got NaN)");
    expect(nonFiniteFigure({ ...e, monthlyUsd: 1, minMonthlyUsd: 1, ceilingMonthlyUsd: 1, monthlyUsdByMonth: [1], threeYear: { ...e.threeYear, totalUsd: 36 }, resources: [] })).toBeUndefined();
  });

  it("a data-capture sampling percentage that is not a number leaves the bucket unpriced, not NaN", async () => {
    const graph = await previewInline({
      program: () => {
        const b = new Bucket("capture", {});
        new EndpointConfiguration("ep", {
          productionVariants: [{ variantName: "primary", modelName: "m", instanceType: "ml.g5.2xlarge", initialInstanceCount: 1 }],
          dataCaptureConfig: { destinationS3Uri: b.bucket.apply((n) => `s3://${n}/`), initialSamplingPercentage: "most" as unknown as number, captureOptions: [{ captureMode: "Input" }] },
        });
      },
      config: { "aws:region": "us-east-1" },
    });
    const e = estimateCost(graph);
    expect(Number.isFinite(e.monthlyUsd)).toBe(true);
    expect(e.unpriced.find((u) => u.name === "capture")?.reason).toMatch(/^dataCaptureConfig\.initialSamplingPercentage: expected a number/);
  });
});
