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
// KMS key $1; one $0.10 alarm per model.
const gb = (((10_000 * 365) / 12) * 8_224) / 1e9;
const V1_MONTHLY = 2737.5 + gb * 0.5 + gb * 18.5 * 0.023 + 1 + 2 * 0.1; // 2,741.015
const V2_MONTHLY = 5475 + 2 * gb * 0.5 + 2 * gb * 18.5 * 0.023 + 1 + 3 * 0.1; // 5,480.930

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
      ["changed", "assistant-invocations", 1.25],
      ["changed", "assistant-invocation-logs", 1.07],
      ["added", "assistant-invocations-alarm-2", 0.1],
      ["added", "assistant-model-2", 0],
    ]);
    expect(d.crossedBudget).toBe(true); // $4,000 budget: 2,741.02 -> 5,480.93
  });

  it("gates a pipeline on increases only: dollars, percent, crossing the budget", () => {
    const up = diffCosts(v1, v2);
    expect(gateDiff(up, { maxIncreaseUsd: 1000 })).toEqual([expect.stringMatching(/^the monthly estimate rises by \$2,739\.91, above the allowed \$1,000\.00$/)]);
    expect(gateDiff(up, { maxIncreaseUsd: 3000 })).toEqual([]);
    expect(gateDiff(up, { maxIncreasePercent: 50 })).toEqual(["the monthly estimate rises by 100.0%, above the allowed 50%"]); // 2,739.91 / 2,741.02
    expect(gateDiff(up, { maxIncreasePercent: 150 })).toEqual([]);
    expect(gateDiff(up, { failOnBudgetCrossing: true })).toEqual([expect.stringMatching(/crosses the budget of \$4,000\.00/)]);
    const down = diffCosts(v2, v1);
    expect(down.deltaUsd).toBeLessThan(0);
    expect(gateDiff(down, { maxIncreaseUsd: 0, maxIncreasePercent: 0, failOnBudgetCrossing: true })).toEqual([]);
  });

  it("fails the pipeline with exit 1 and a PR comment that shows the change", () => {
    const r = aitracks(["cost", "--stack", "buy-aws", "--config", V2, "--diff", v1File, "--format", "markdown", "--fail-on-budget-crossing"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^aitracks: the monthly estimate \$5,480\.93 crosses the budget of \$4,000\.00 \(it was \$2,741\.02\)$/);
    const md = r.stdout;
    expect(md.split("\n")[0]).toBe("<!-- aitracks-cost:buy-aws -->");
    expect(md).toContain("**$5,480.93 a month** (+$2,739.91, +100.0% against the base)");
    expect(md).toContain("| changed | `assistant-model-0` | `aws:bedrock/inferenceProfile:InferenceProfile` | $2,737.50 | $5,475.00 | +$2,737.50 |");
    expect(md).toContain("| added | `assistant-invocations-alarm-2` | `aws:cloudwatch/metricAlarm:MetricAlarm` | $0.00 | $0.10 | +$0.10 |");
    expect(md).toMatch(/:warning: \*\*crosses the budget\*\*: \$2,741\.02 -> \$5,480\.93 a month/);
    expect(md).toMatch(/budget \$4,000\.00 a month: 137% used, \*\*over by \$1,480\.93\*\*/);
    expect(md).toMatch(/<details><summary>Breakdown: 9 priced, \d+ free, 0 unpriced resources<\/summary>/);
    // Stable: the same inputs give the same comment (so a bot can update it in place).
    const again = aitracks(["cost", "--stack", "buy-aws", "--config", V2, "--diff", v1File, "--format", "markdown"]);
    expect(again.code).toBe(0);
    expect(again.stdout.replace(/\n- :x: .*$/m, "")).toBe(md.replace(/\n- :x: .*$/m, ""));
  });

  it("passes a decrease whatever the gates, and shows it as negative", () => {
    const r = aitracks(["cost", "--stack", "buy-aws", "--diff", v2File, "--fail-above-usd", "0", "--fail-above-percent", "0", "--fail-on-budget-crossing"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Against the base: \$5,480\.93 -> \$2,741\.02 a month, -\$2,739\.91 \(-50\.0%\)/);
  });
});
