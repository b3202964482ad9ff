// @ts-nocheck
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { diffCosts, gateDiff, parseCostBaseline, type CostBaseline } from "@aitracks/core";
import { aitracks } from "../helpers/cli";

// Two versions of the buy-aws stack: v1 is stacks/Pulumi.buy-aws.yaml; v2 (fixtures/buy-aws-v2.yaml,
// the pull request) doubles the traffic to 20,000 requests a day and adds a third fallback model.
const V2 = "test/cost/fixtures/buy-aws-v2.yaml";
const dir = mkdtempSync(join(tmpdir(), "aitracks-cost-"));
const v1File = join(dir, "v1.json");
const v2File = join(dir, "v2.json");
let v1: CostBaseline;
let v2: CostBaseline;

// Hand-computed (see the module tests): Claude Sonnet 4 tokens $2,737.50 at 10,000 requests a day;
// invocation logs 2.5014667 GB a month ($0.50/GB ingested, S3 at the 36-month average 18.5 x that);
// KMS key $1; one $0.10 alarm per model; the guardrail's text units: 304,166.67 requests x 8 text units / 1,000
// x $0.40 (content filters, denied topics, PII) = $973.33 a month, twice that at twice the traffic.
const gb = (((10_000 * 365) / 12) * 8_224) / 1e9;
const guardrail = (((10_000 * 365) / 12) * 8 * 0.4) / 1_000; // 973.333
const V1_MONTHLY = 2737.5 + gb * 0.5 + gb * 18.5 * 0.023 + 1 + 2 * 0.1 + guardrail; // 3,714.348
const V2_MONTHLY = 5475 + 2 * gb * 0.5 + 2 * gb * 18.5 * 0.023 + 1 + 3 * 0.1 + 2 * guardrail; // 7,427.597

beforeAll(() => {
  const a = aitracks(["cost", "--stack", "buy-aws", "--json"]);
  expect(a.code, a.stderr).toBe(0);
  writeFileSync(v1File, a.stdout);
  const b = aitracks(["cost", "--stack", "buy-aws", "--config", V2, "--json"]);
  expect(b.code, b.stderr).toBe(0);
  writeFileSync(v2File, b.stdout);
  v1 = parseCostBaseline(JSON.parse(a.stdout), "v1.json");
  v2 = parseCostBaseline(JSON.parse(b.stdout), "v2.json");
});

describe("diff of two versions of a stack", () => {
  it("shows what each change adds a month, largest first", () => {
    expect(v1.monthlyUsd).toBeCloseTo(V1_MONTHLY, 2);
    expect(v2.monthlyUsd).toBeCloseTo(V2_MONTHLY, 2);
    const d = diffCosts(v1, v2);
    expect(d.deltaUsd).toBeCloseTo(V2_MONTHLY - V1_MONTHLY, 1);
    expect(d.deltaPercent!).toBeCloseTo(((V2_MONTHLY - V1_MONTHLY) / V1_MONTHLY) * 100, 1);
    expect(d.changes.map((c) => [c.change, c.name, c.deltaUsd])).toEqual([
      ["changed", "assistant-model-0", 2737.5],
      ["changed", "assistant-guardrail", 973.34], // $1,946.67 - $973.33 (each rounded to the cent)
      ["changed", "assistant-invocations", 1.25],
      ["changed", "assistant-invocation-logs", 1.07],
      ["added", "assistant-invocations-alarm-2", 0.1],
      ["added", "assistant-model-2", 0],
    ]);
    expect(d.crossedBudget).toBe(true); // $4,000 budget: 3,714.35 -> 7,427.60
  });

  it("gates a pipeline on increases only: dollars, percent, crossing the budget", () => {
    const up = diffCosts(v1, v2);
    expect(gateDiff(up, { maxIncreaseUsd: 1000 })).toEqual([expect.stringMatching(/^the monthly estimate rises by \$3,713\.25, above the allowed \$1,000\.00$/)]);
    expect(gateDiff(up, { maxIncreaseUsd: 4000 })).toEqual([]);
    expect(gateDiff(up, { maxIncreasePercent: 50 })).toEqual(["the monthly estimate rises by 100.0%, above the allowed 50%"]); // 3,713.25 / 3,714.35
    expect(gateDiff(up, { maxIncreasePercent: 150 })).toEqual([]);
    expect(gateDiff(up, { failOnBudgetCrossing: true })).toEqual([expect.stringMatching(/crosses the budget of \$4,000\.00/)]);
    const down = diffCosts(v2, v1);
    expect(down.deltaUsd).toBeLessThan(0);
    expect(gateDiff(down, { maxIncreaseUsd: 0, maxIncreasePercent: 0, failOnBudgetCrossing: true })).toEqual([]);
  });

  it("fails the pipeline with exit 1 and a PR comment that shows the change", () => {
    const r = aitracks(["cost", "--stack", "buy-aws", "--config", V2, "--diff", v1File, "--format", "markdown", "--fail-on-budget-crossing"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^aitracks: the monthly estimate \$7,427\.60 crosses the budget of \$4,000\.00 \(it was \$3,714\.35\)$/);
    const md = r.stdout;
    expect(md.split("\n")[0]).toBe("<!-- aitracks-cost:buy-aws -->");
    expect(md).toContain("**$7,427.60 a month** (+$3,713.25, +100.0% against the base)");
    expect(md).toContain("| changed | `assistant-model-0` | `aws:bedrock/inferenceProfile:InferenceProfile` | $2,737.50 | $5,475.00 | +$2,737.50 |");
    expect(md).toContain("| added | `assistant-invocations-alarm-2` | `aws:cloudwatch/metricAlarm:MetricAlarm` | $0.00 | $0.10 | +$0.10 |");
    expect(md).toMatch(/:warning: \*\*crosses the budget\*\*: \$3,714\.35 -> \$7,427\.60 a month/);
    expect(md).toMatch(/budget \$4,000\.00 a month: 186% used, \*\*over by \$3,427\.60\*\*/);
    expect(md).toMatch(/<details><summary>Breakdown: 10 priced, \d+ free, 0 unpriced resources<\/summary>/);
    // Stable: the same inputs give the same comment (so a bot can update it in place).
    const again = aitracks(["cost", "--stack", "buy-aws", "--config", V2, "--diff", v1File, "--format", "markdown"]);
    expect(again.code).toBe(0);
    expect(again.stdout.replace(/\n- :x: .*$/m, "")).toBe(md.replace(/\n- :x: .*$/m, ""));
  });

  it("passes a decrease whatever the gates, and shows it as negative", () => {
    const r = aitracks(["cost", "--stack", "buy-aws", "--diff", v2File, "--fail-above-usd", "0", "--fail-above-percent", "0", "--fail-on-budget-crossing"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Against the base: \$7,427\.60 -> \$3,714\.35 a month, -\$3,713\.25 \(-50\.0%\)/);
  });
});
