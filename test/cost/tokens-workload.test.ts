// @ts-nocheck
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { apiUsdPerRequest, estimateCost, projectDetailed, resolveTco, workloadFileSchema } from "@aitracks/core";
import { previewProgram } from "@aitracks/preview";
import { ROOT } from "../helpers/cli";
import { estimate, priced, res } from "./helpers";
import { itWithInspector } from "../helpers/inspector";

const line = (r, suffix: string) => r.components.find((c) => c.name.endsWith(suffix));

describe("workload: cachedInputShare and reasoningTokensPerRequest", () => {
  it("prices cached input at the cache-read rate and reasoning tokens as output (computed by hand)", () => {
    const workload = { workload: { requestsPerDay: 10_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300, cachedInputShare: 0.6, reasoningTokensPerRequest: 200 } };
    const e = estimate([res("aws:bedrock/inferenceProfile:InferenceProfile", "model", { modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0" } })], { "aitracks:workload": workload });
    const r = priced(e, "model");
    // 10,000 x 365/12 = 304,166.67 requests a month; Claude Sonnet 4 on Bedrock: $3 input, $0.30 cache read, $15 output.
    // Input not cached: 304,166.67 x 1,500 x 0.4 = 182.5M x $3 = $547.50
    expect(line(r, " input tokens").monthlyQuantity).toBeCloseTo(182.5, 9);
    expect(line(r, " input tokens").monthlyUsd).toBeCloseTo(547.5, 9);
    // Cached: 304,166.67 x 1,500 x 0.6 = 273.75M x $0.30 = $82.125
    expect(line(r, " cached input tokens").monthlyQuantity).toBeCloseTo(273.75, 9);
    expect(line(r, " cached input tokens").unitPriceUsd).toBe(0.3);
    expect(line(r, " cached input tokens").monthlyUsd).toBeCloseTo(82.125, 9);
    // Output: 304,166.67 x 300 = 91.25M x $15 = $1,368.75; reasoning: x 200 = 60.833M x $15 = $912.50
    expect(line(r, " output tokens").monthlyUsd).toBeCloseTo(1_368.75, 9);
    expect(line(r, " reasoning tokens").monthlyQuantity).toBeCloseTo(60.833333333, 6);
    expect(line(r, " reasoning tokens").monthlyUsd).toBeCloseTo(912.5, 6);
    expect(r.monthlyUsd).toBeCloseTo(547.5 + 82.125 + 1_368.75 + 912.5, 6);
    // Without the fields, the same model: 456.25M x $3 + 91.25M x $15 = $2,737.50 (no cached or reasoning line).
    const plain = priced(estimate([res("aws:bedrock/inferenceProfile:InferenceProfile", "model", { modelSource: { copyFrom: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0" } })]), "model");
    expect(plain.components.map((c) => c.name.replace(/^.* (\w+) tokens$/, "$1"))).toEqual(["input", "output"]);
  });

  it("bounds both fields, naming the field", () => {
    const bad = (w) => () => estimate([], { "aitracks:workload": { workload: { requestsPerDay: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1, ...w } } });
    expect(bad({ cachedInputShare: 1.5 })).toThrow(/aitracks:workload\.workload\.cachedInputShare: .*from 0 to 1/);
    expect(bad({ reasoningTokensPerRequest: -1 })).toThrow(/aitracks:workload\.workload\.reasoningTokensPerRequest: /);
    expect(workloadFileSchema.safeParse({ workload: { requestsPerDay: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1, cachedInputShare: { low: 0.2, high: 0.8 } }, buy: { provider: "openai", model: "gpt-4o" } }).success).toBe(true);
  });

  it("tco: the buy option's tokens a request with cached input and reasoning (computed by hand)", () => {
    const file = workloadFileSchema.parse({
      workload: { requestsPerDay: 1_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300, cachedInputShare: 0.5, reasoningTokensPerRequest: 100 },
      buy: { provider: "openai", model: "gpt-4o" },
    });
    const model = resolveTco(file);
    // gpt-4o: $2.50 input, $1.25 cache read, $10 output (reasoning at the output price):
    // (1,500 x (0.5 x 2.50 + 0.5 x 1.25) + 300 x 10 + 100 x 10) / 1e6 = (2,812.5 + 3,000 + 1,000) / 1e6 = $0.0068125
    expect(apiUsdPerRequest(model.point)).toBeCloseTo(0.0068125, 12);
    // Month 1's tokens: 1,000 x 365/12 x $0.0068125 = $207.21
    expect(projectDetailed(model, "buy").monthlyBreakdown[0].tokens).toBeCloseTo((1_000 * 365) / 12 * 0.0068125, 6);
    expect(model.assumptions.some((a) => a.field === "buy cached input" && /cache-read price of openai gpt-4o/.test(a.note))).toBe(true);
  });
});

describe("fine-tune-gcp with thinking left on", () => {
  itWithInspector("prices the tuned Gemini 2.5 Flash's reasoning tokens (computed by hand)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-reasoning-"));
    const doc = parse(readFileSync(join(ROOT, "stacks", "Pulumi.fine-tune-gcp.yaml"), "utf8"));
    doc.config["aitracks:workload"].workload.reasoningTokensPerRequest = 100;
    const file = join(dir, "Pulumi.thinking.yaml");
    writeFileSync(file, stringify(doc));
    const e = estimateCost(await previewProgram({ programDir: ROOT, stack: "fine-tune-gcp", configFile: file }));
    const lines = e.resources.flatMap((r) => r.components).filter((c) => c.unit === "1M tokens" && c.kind === "usage");
    const at = (suffix: string) => lines.find((c) => c.name.endsWith(suffix));
    // 20,000 requests a day x 365/12 = 608,333.33 a month; Gemini 2.5 Flash $0.30 input, $2.50 output.
    // Input 608,333.33 x 120 = 73M x $0.30 = $21.90; output x 5 = 3.0417M x $2.50 = $7.60;
    // thinking x 100 = 60.833M x $2.50 = $152.08: the token bill x 6.2.
    expect(at(" input tokens").monthlyUsd).toBeCloseTo(21.9, 6);
    expect(at(" output tokens").monthlyUsd).toBeCloseTo(7.604166667, 6);
    expect(at(" reasoning tokens").monthlyQuantity).toBeCloseTo(60.833333333, 6);
    expect(at(" reasoning tokens").unitPriceUsd).toBe(2.5);
    expect(at(" reasoning tokens").monthlyUsd).toBeCloseTo(152.083333333, 6);
  });
});

describe("Azure OpenAI deployment types, each at its own rate", () => {
  const dep = (name: string, sku: string, capacity: number, tags?: Record<string, string>) =>
    res("azure-native:cognitiveservices:Deployment", name, { deploymentName: name, sku: { name: sku, capacity }, properties: { model: { name: "gpt-4o" } }, ...(tags ? { tags } : {}) });
  const W = { workload: { requestsPerDay: 10_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 } };

  it("pay-per-token: Global at the listed price, Regional and Data Zone x 1.1, batch x 0.5 / 0.55 (computed by hand)", () => {
    // One deployment per estimate (each serves the whole workload): 456.25M input, 91.25M output tokens a month;
    // gpt-4o's Azure (Global Standard) price $2.50 / $10.
    const cost = (sku: string) => estimate([dep("d", sku, 50)], { "aitracks:workload": W }).monthlyUsd;
    expect(cost("GlobalStandard")).toBeCloseTo(456.25 * 2.5 + 91.25 * 10, 6); // $2,053.75
    expect(cost("Standard")).toBeCloseTo(456.25 * 2.75 + 91.25 * 11, 6); // $2,258.4375
    expect(cost("DataZoneStandard")).toBeCloseTo(2_258.4375, 6);
    expect(cost("GlobalBatch")).toBeCloseTo(456.25 * 1.25 + 91.25 * 5, 6); // $1,026.5625
    expect(cost("DataZoneBatch")).toBeCloseTo(456.25 * 1.375 + 91.25 * 5.5, 6); // $1,129.21875
  });

  it("provisioned: hourly, or a monthly or yearly reservation (computed by hand)", () => {
    const cost = (tags?: Record<string, string>) => priced(estimate([dep("ptu", "GlobalProvisionedManaged", 15, tags)], { "aitracks:workload": W }), "ptu");
    expect(cost().monthlyUsd).toBeCloseTo(15 * 730 * 1.0, 9); // $10,950 at $1 a PTU-hour
    expect(cost({ "aitracks-ptu-reservation": "monthly" }).monthlyUsd).toBeCloseTo(15 * 260, 9); // $3,900
    expect(cost({ "aitracks-ptu-reservation": "yearly" }).monthlyUsd).toBeCloseTo((15 / 12) * 2_652, 9); // $3,315
    // Regional provisioned: $2 a PTU-hour; the reservations cost the same a PTU whatever the type.
    expect(priced(estimate([dep("r", "ProvisionedManaged", 50)], { "aitracks:workload": W }), "r").monthlyUsd).toBeCloseTo(50 * 730 * 2, 9);
    const bad = estimate([dep("ptu", "GlobalProvisionedManaged", 15, { "aitracks-ptu-reservation": "weekly" })], { "aitracks:workload": W });
    expect(bad.unpriced[0].reason).toMatch(/tags\.aitracks-ptu-reservation "weekly": expected hourly, monthly or yearly/);
  });
});
