// @ts-nocheck
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { estimateCost, type CostEstimate } from "@aitracks/core";
import { previewProgram } from "@aitracks/preview";
import { ROOT } from "../helpers/cli";

const STACKS = readdirSync(join(ROOT, "stacks"))
  .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
  .filter((s): s is string => s !== undefined)
  .sort();

describe("every example stack prices", () => {
  it("finds the example stacks", () => {
    expect(STACKS).toEqual(expect.arrayContaining(["buy-aws", "buy-gcp", "buy-azure", "build-aws", "fine-tune-gcp", "serving-azure", "hybrid"]));
  });

  const estimates = new Map<string, CostEstimate>();
  for (const stack of STACKS) {
    it(`${stack}: a full breakdown, every resource aitracks creates priced or free`, async () => {
      const graph = await previewProgram({ programDir: ROOT, stack });
      const e = estimateCost(graph);
      estimates.set(stack, e);
      expect(e.resources.length).toBeGreaterThan(0);
      for (const r of e.resources) {
        expect(r.components.length, `${r.name} has cost components`).toBeGreaterThan(0);
        for (const c of r.components) expect(Number.isFinite(c.monthlyUsd) && Number.isFinite(c.unitPriceUsd), `${r.name}: ${c.name}`).toBe(true);
      }
      expect(e.unpriced.filter((u) => !u.inTrack)).toEqual([]);
      // Nothing aitracks creates is left unpriced.
      expect(e.unpriced.map((u) => `${u.type} ${u.name}: ${u.reason}`)).toEqual([]);
      expect(e.threeYear.totalUsd).toBeGreaterThan(e.monthlyUsd * 36);
    });
  }

  it("buy-aws: the guardrail's text units are in the total, computed by hand", async () => {
    const e = estimates.get("buy-aws") ?? estimateCost(await previewProgram({ programDir: ROOT, stack: "buy-aws" }));
    const g = e.resources.find((r) => r.type === "aws:bedrock/guardrail:Guardrail")!;
    // 10,000 requests a day = 304,166.67 a month; 1,500 input tokens x 4 characters = 6 text units, 300 output x 4 = 2;
    // content filters $0.15 + denied topics $0.15 + PII $0.10 = $0.40 per 1,000 text units:
    // 304,166.67 x 8 / 1,000 x $0.40 = $973.33 a month
    expect(g.monthlyUsd).toBeCloseTo(973.3333333, 6);
    // Claude Sonnet 4 tokens: 456.25M x $3 + 91.25M x $15 = $2,737.50; log ingestion 2.5 GB x $0.50 = $1.25; KMS key $1;
    // two alarms x $0.10; S3 invocation logs ≈ $1.06 (their average over 36 months): $2,741.02 before the guardrail, $3,714.35 with it
    expect(e.monthlyUsd).toBeCloseTo(3_714.35, 1);
    expect(e.monthlyUsd - g.monthlyUsd).toBeCloseTo(2_741.02, 1);
    expect(e.free.some((f) => f.type === "aws:bedrock/guardrail:Guardrail")).toBe(false);
  });
  it("serving-aws: min / expected / ceiling of its autoscaled endpoint, computed by hand", async () => {
    const e = estimates.get("serving-aws") ?? estimateCost(await previewProgram({ programDir: ROOT, stack: "serving-aws" }));
    const fleet = e.resources.find((r) => r.type === "aws:appautoscaling/target:Target")!.components[0]!;
    // 20,000 requests a day = 13.889 a minute; target 30 invocations per instance a minute, peak-to-average 3 (default):
    // busy 4 h at 41.67 -> 2 instances, quiet 20 h at 8.33 -> 1: 7/6 instances; the endpoint configuration prices 1,
    // so the fleet line is 1/6 x 730 h x $1.515 = $184.325; ceiling 3 more = $3,317.85; month 36 (x 1.04^35): 14/6 -> $1,474.60.
    expect(fleet.monthlyUsd).toBeCloseTo(184.325, 6);
    expect(fleet.minMonthlyUsd).toBe(0);
    expect(fleet.ceilingMonthlyUsd).toBeCloseTo(3_317.85, 6);
    expect(fleet.monthlyUsdByMonth![35]).toBeCloseTo(1_474.6, 6);
    expect(e.monthlyUsd - e.minMonthlyUsd).toBeCloseTo(184.325, 6);
    expect(e.ceilingMonthlyUsd - e.minMonthlyUsd).toBeCloseTo(3_317.85, 6);
    expect(e.budgetCrossedInMonth).toBeUndefined();
  });
});
