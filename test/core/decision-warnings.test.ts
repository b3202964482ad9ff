// The decision's warnings as exact sets: each appears when its condition holds and is absent
// otherwise, with the boundaries on both sides (the 90% ratio, the review interval, the review date).
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { decide } from "../../packages/core/src/decision";
import type { DecisionInput } from "../../packages/core/src/schema/decision";

const TODAY = "2026-11-30";
const BUILD = parse(readFileSync("examples/decisions/clear-build.yaml", "utf8")) as DecisionInput;
const facts = BUILD.facts!;

const codes = (input: DecisionInput) => {
  const d = decide(input, { today: TODAY });
  return { rec: d.recommendation, codes: d.warnings.map((w) => w.code), rule: d.ninetyPercentRule.outcome };
};
const withFacts = (extra: Partial<NonNullable<DecisionInput["facts"]>>, drop: string[] = []): DecisionInput => {
  const f: Record<string, unknown> = { ...facts, ...extra };
  for (const k of drop) delete f[k];
  return { ...BUILD, facts: f as DecisionInput["facts"] };
};

/** Every weight 10 except these: a profile the matrix gives to hybrid (data sharing allowed). */
const HYBRID: DecisionInput = {
  criteria: {
    accuracy: { score: 1, weight: 20 },
    dataAvailability: { score: 1, weight: 15 },
    timeToMarket: { score: 1, weight: 10 },
    budget: { score: 3, weight: 10 },
    teamSkills: { score: 3, weight: 10 },
    differentiation: { score: 4, weight: 15 },
    regulatory: { score: 1, weight: 20 },
  },
  facts: { labeledExamples: 5000, mlEngineers: 4, budgetUsd: 200000, dataSharingAllowed: true },
};

describe("build: its two cautions, present only when they hold", () => {
  it("an API far from the target (55% of 90% = 61%): neither caution; data may not leave, so buy and hybrid are gated", () => {
    expect(codes(BUILD)).toEqual({ rec: "build", codes: ["buy-data-sharing", "hybrid-data-sharing"], rule: "not-applicable" });
  });

  it("no API baseline measured: build-without-baseline, and the 90% rule is not evaluated", () => {
    expect(codes(withFacts({}, ["apiBaselineAccuracy"]))).toEqual({ rec: "build", codes: ["buy-data-sharing", "hybrid-data-sharing", "build-without-baseline"], rule: "not-evaluated" });
  });

  it("an API at 94% of the target that may be used, yet build keeps the lead: build-api-suffices", () => {
    expect(codes(withFacts({ apiBaselineAccuracy: 0.85, dataSharingAllowed: true }))).toEqual({ rec: "build", codes: ["build-api-suffices"], rule: "kept-leader" });
  });

  it("an API at 94% that may not be used (buy is gated): the rule is blocked and build-api-suffices stays silent", () => {
    expect(codes(withFacts({ apiBaselineAccuracy: 0.85 }))).toEqual({ rec: "build", codes: ["buy-data-sharing", "hybrid-data-sharing"], rule: "blocked" });
  });
});

describe("hybrid: baseline and per-token cautions", () => {
  it("without a baseline or a cost projection: no-baseline and per-token-costs", () => {
    const c = codes(HYBRID);
    expect(c.rec).toBe("hybrid");
    expect(c.codes).toContain("no-baseline");
    expect(c.codes).toContain("per-token-costs");
  });

  it("with a measured baseline and the cost projected: neither", () => {
    const c = codes({ ...HYBRID, facts: { ...HYBRID.facts, apiBaselineAccuracy: 0.3, accuracyTarget: 0.9 }, checklist: { costProjected: true } });
    expect(c.rec).toBe("hybrid");
    expect(c.codes).not.toContain("no-baseline");
    expect(c.codes).not.toContain("per-token-costs");
  });
});

describe("the review: interval and due date, both sides of each boundary", () => {
  it("six months (the default interval) is not long; seven is", () => {
    expect(codes(withFacts({ reviewAfterMonths: 6 })).codes).not.toContain("review-interval-long");
    expect(codes(withFacts({ reviewAfterMonths: 7 })).codes).toContain("review-interval-long");
  });

  it("due on the review date itself, not the day before", () => {
    // 2026-05-30 + 6 months = 2026-11-30 = today: due.
    const due = decide(withFacts({ decidedOn: "2026-05-30" }), { today: TODAY });
    expect(due.reviewDate).toBe("2026-11-30");
    expect(due.warnings.map((w) => w.code)).toContain("review-due");
    // 2026-05-31 + 6 months = 2026-11-30 as well (clamped); 2026-06-01 + 6 = 2026-12-01: not yet.
    const notYet = decide(withFacts({ decidedOn: "2026-06-01" }), { today: TODAY });
    expect(notYet.reviewDate).toBe("2026-12-01");
    expect(notYet.warnings.map((w) => w.code)).not.toContain("review-due");
  });

  it("orders warnings by level: errors, then cautions, then information", () => {
    const d = decide(withFacts({ reviewAfterMonths: 7, decidedOn: "2026-04-30" }), { today: TODAY });
    const levels = d.warnings.map((w) => w.level);
    const rank = { error: 0, caution: 1, info: 2 } as const;
    expect(levels.map((l) => rank[l])).toEqual([...levels.map((l) => rank[l])].sort((a, b) => a - b));
    expect(d.warnings.map((w) => w.code)).toEqual(["buy-data-sharing", "hybrid-data-sharing", "review-due", "review-interval-long"]);
  });
});
