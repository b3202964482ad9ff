// @ts-nocheck
// The decision's warnings as exact sets: each appears when its condition holds and is absent
// otherwise, with the boundaries on both sides (the 90% ratio, the review interval, the review date).
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { applyNinetyPercentRule, choose, decide, scoreMatrix } from "../../packages/core/src/decision";
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

  it("a fine-tune that keeps its lead over an API at 94%: build-api-suffices is build's caution only", () => {
    const input: DecisionInput = {
      criteria: {
        accuracy: { score: 5, weight: 30 },
        dataAvailability: { score: 4, weight: 15 },
        timeToMarket: { score: 3, weight: 5 },
        budget: { score: 3, weight: 5 },
        teamSkills: { score: 3, weight: 10 },
        differentiation: { score: 5, weight: 20 },
        regulatory: { score: 5, weight: 15 },
      },
      facts: { accuracyTarget: 0.9, apiBaselineAccuracy: 0.85, dataSharingAllowed: true, labeledExamples: 20_000, mlEngineers: 5, budgetUsd: 200_000 },
      checklist: { costProjected: true },
    };
    expect(codes(input)).toEqual({ rec: "fine-tune", codes: ["build-budget", "build-team"], rule: "kept-leader" });
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

describe("every warning, word for word (what a reader of the decision sees)", () => {
  const criteria = (data: number): DecisionInput["criteria"] => ({
    accuracy: { score: 3, weight: 10 },
    dataAvailability: { score: data, weight: 10 },
    timeToMarket: { score: 3, weight: 10 },
    budget: { score: 3, weight: 10 },
    teamSkills: { score: 3, weight: 10 },
    differentiation: { score: 3, weight: 10 },
    regulatory: { score: 3, weight: 10 },
  });
  const warnings = (input: DecisionInput) => decide(input, { today: TODAY }).warnings.map((w) => [w.level, w.code, w.message]);

  it("every gate failing: no option is eligible, and each reason is named once", () => {
    const input: DecisionInput = { criteria: criteria(2), facts: { budgetUsd: 100_000, mlEngineers: 1, labeledExamples: 50, dataSharingAllowed: false } };
    const d = decide(input, { today: TODAY });
    expect(d.recommendation).toBeNull();
    expect(warnings(input)).toEqual([
      ["error", "fine-tune-too-little-data", 'Anti-pattern "fine-tuning with too little data": 50 labelled examples is fewer than 100; the model would overfit and do worse than the base model. Fine-tune and hybrid are ineligible below 100; aim for 1,000 or more.'],
      ["error", "no-eligible-option", "Every option fails a gate: collect more labelled data, widen the budget or the team, or revisit the data-sharing policy, then decide again."],
      ["caution", "fine-tune-small-team", "1 ML engineer: fine-tuning (and hybrid's fine-tune half) usually takes 3-8; prefer a managed tuning service or plan to hire."],
      ["caution", "buy-data-sharing", "buy is ineligible: data may not be sent to a third-party API (facts.dataSharingAllowed is false). If the provider runs inside your own cloud account under your data agreement (Bedrock, Azure OpenAI, Vertex AI) and that satisfies the policy, set it to true."],
      // Hybrid is already out (too little data): no hybrid-data-sharing caution.
      ["info", "build-budget", "build is ineligible: the budget of $100,000 is below the $500,000 a model trained from scratch needs."],
      ["info", "build-team", "build is ineligible: 1 ML engineer, fewer than the 10 building needs."],
      ["info", "build-data", "build is ineligible: data availability scores 2, but training from scratch needs massive unique data (4 or more)."],
    ]);
    expect(d.ineligibleBecause).toEqual({
      build: [
        "the budget of $100,000 is below the $500,000 a model trained from scratch needs",
        "1 ML engineer, fewer than the 10 building needs",
        "data availability scores 2, but training from scratch needs massive unique data (4 or more)",
      ],
      buy: ["data may not be sent to a third-party API (facts.dataSharingAllowed is false)"],
      "fine-tune": ["50 labelled examples is fewer than 100"],
      hybrid: ["its fine-tune half has too little data (50 labelled examples is fewer than 100)"],
    });
    expect(d.eligible).toEqual({ build: false, buy: false, "fine-tune": false, hybrid: false });
  });

  it("a small fine-tune: few examples, a small team, no baseline, a review due and a long interval", () => {
    const input: DecisionInput = { criteria: criteria(4), facts: { mlEngineers: 2, labeledExamples: 500, reviewAfterMonths: 7, decidedOn: "2026-04-30" } };
    expect(decide(input, { today: TODAY }).recommendation).toBe("fine-tune");
    expect(warnings(input)).toEqual([
      ["caution", "fine-tune-little-data", "Only 500 labelled examples: fine-tuning usually needs 1,000-100,000; expect a modest gain and measure it against the base model on the same evaluation set."],
      ["caution", "fine-tune-small-team", "2 ML engineers: fine-tuning (and hybrid's fine-tune half) usually takes 3-8; prefer a managed tuning service or plan to hire."],
      ["caution", "no-baseline", "No baseline measured (facts.apiBaselineAccuracy): evaluate the base model or API on the same test set, with metrics agreed in advance, before fine-tuning - or you cannot prove the fine-tune helped."],
      ["caution", "review-due", "The review date 2026-11-30 has come (today is 2026-11-30): decide again with today's models and prices."],
      ["info", "build-team", "build is ineligible: 2 ML engineers, fewer than the 10 building needs."],
      ["info", "review-interval-long", "Review after 7 months: models and prices move roughly every 6; consider a shorter interval."],
    ]);
  });

  it("build's cautions and the hybrid data-sharing caution", () => {
    expect(warnings(withFacts({}, ["apiBaselineAccuracy"]))).toContainEqual([
      "caution",
      "build-without-baseline",
      "Building from scratch without an API baseline: measure the best commercial API on your tasks first (facts.apiBaselineAccuracy); building is almost never the right first move.",
    ]);
    expect(warnings(withFacts({ apiBaselineAccuracy: 0.85, dataSharingAllowed: true }))).toEqual([
      ["caution", "build-api-suffices", "An API already reaches 94.4% of the accuracy target: make sure the remaining gap is worth $500K+ and 6-18 months before building from scratch."],
    ]);
    expect(warnings(BUILD)).toContainEqual(["caution", "hybrid-data-sharing", "hybrid's buy half may only carry non-sensitive or synthetic data; sensitive traffic must go to the fine-tuned model."]);
  });

  it("buy without a cost projection: the per-token caution", () => {
    const buy = parse(readFileSync("examples/decisions/clear-buy.yaml", "utf8")) as DecisionInput;
    const w = warnings({ ...buy, checklist: { ...buy.checklist, costProjected: false } });
    expect(w).toContainEqual(["info", "per-token-costs", "Project the API's per-token bill at production volume (aitracks tco), not demo volume: the cheapest option at 100 requests a day is rarely the cheapest at 100,000."]);
    expect(warnings({ ...buy, checklist: { ...buy.checklist, costProjected: true } }).map((x) => x[1])).not.toContain("per-token-costs");
  });

  it("the 90% rule's figures: the ratio to four places, the lead to one; null when not measured", () => {
    const measured = decide(withFacts({ apiBaselineAccuracy: 0.85, dataSharingAllowed: true }), { today: TODAY }).ninetyPercentRule;
    expect(measured.ratio).toBe(0.9444); // 0.85 / 0.90
    expect(typeof measured.leadOverBuy).toBe("number");
    expect(measured.leadOverBuy).toBe(Math.round(measured.leadOverBuy! * 10) / 10);
    const unmeasured = decide(withFacts({}, ["apiBaselineAccuracy"]), { today: TODAY }).ninetyPercentRule;
    expect(unmeasured.ratio).toBeNull();
    expect(unmeasured.leadOverBuy).toBeNull();
  });
});

describe("the 90% rule, each outcome in full", () => {
  // Imported from the source like the other decision tests. Rows of a real matrix (the part of the
  // lead the rule counts comes from them), scores set by hand where only the lead matters.
  const all = { build: true, buy: true, "fine-tune": true, hybrid: true };
  const scores = { build: 10, buy: 60, "fine-tune": 70, hybrid: 50 };
  const neutral = Object.fromEntries(["accuracy", "dataAvailability", "timeToMarket", "budget", "teamSkills", "differentiation", "regulatory"].map((c) => [c, { score: 3, weight: 10 }])) as DecisionInput["criteria"];
  const rows = scoreMatrix(neutral).rows;
  const m = { rows, scores };
  const at90 = { accuracyTarget: 0.8, apiBaselineAccuracy: 0.72 }; // 0.72 / 0.8 = 90% (0.8999… in floating point)
  const reach90 = "the best API reaches 72% accuracy against a target of 80% (90% of it)";
  const uncounted = { leadOverBuy: null, leadFromAccuracyCriteria: null, leadCriteria: [] };

  it("is not evaluated without both facts, naming what is missing", () => {
    const none = { ratio: null, applies: false, outcome: "not-evaluated", leader: "fine-tune", ...uncounted };
    const tail = "missing; measure the best commercial API on your own evaluation set first.";
    expect(applyNinetyPercentRule({}, m, all, "fine-tune")).toEqual({ ...none, message: `90% rule not evaluated: facts.apiBaselineAccuracy and facts.accuracyTarget are ${tail}` });
    expect(applyNinetyPercentRule({ accuracyTarget: 0.9 }, m, all, "fine-tune")).toEqual({ ...none, message: `90% rule not evaluated: facts.apiBaselineAccuracy is ${tail}` });
    expect(applyNinetyPercentRule({ apiBaselineAccuracy: 0.9 }, m, all, "fine-tune")).toEqual({ ...none, message: `90% rule not evaluated: facts.accuracyTarget is ${tail}` });
  });

  it("does not apply below 90%", () => {
    expect(applyNinetyPercentRule({ accuracyTarget: 0.8, apiBaselineAccuracy: 0.4 }, m, all, "fine-tune")).toEqual({
      ratio: 0.5,
      applies: false,
      outcome: "not-applicable",
      leader: "fine-tune",
      ...uncounted,
      message: "90% rule does not apply: the best API reaches 40% accuracy against a target of 80% (50% of it), below 90%.",
    });
  });

  it("cannot apply when buy is ineligible", () => {
    const r = applyNinetyPercentRule(at90, m, { ...all, buy: false }, "fine-tune");
    expect(r).toMatchObject({ applies: true, outcome: "blocked", leader: "fine-tune", ...uncounted });
    expect(r.message).toBe(`90% rule cannot apply: ${reach90}, but buy is ineligible, so the matrix decides.`);
  });

  it("agrees when buy leads, or when nothing is eligible to lead", () => {
    for (const leader of ["buy", null] as const) {
      const r = applyNinetyPercentRule(at90, m, all, leader);
      expect(r).toMatchObject({ applies: true, outcome: "agrees", leader, leadOverBuy: 0, leadFromAccuracyCriteria: 0, leadCriteria: [] });
      expect(r.message).toBe(`90% rule applies and agrees: ${reach90}, and buy already leads the eligible options.`);
    }
  });

  it("overrides a lead of 15 points or fewer; keeps a larger one only when more than 15 come from the criteria it counts", () => {
    // Accuracy and differentiation scored 5 (weight 10 of 70): fine-tune fits them 0.75 and 0.625, buy 0.25 and 0,
    // so they give fine-tune (0.5 + 0.625) x 10 / 70 x 100 = 16.07 points over buy.
    const strong = scoreMatrix({ ...neutral, accuracy: { score: 5, weight: 10 }, differentiation: { score: 5, weight: 10 } }).rows;
    const over = applyNinetyPercentRule(at90, { rows: strong, scores: { ...scores, "fine-tune": 75 } }, all, "fine-tune");
    expect(over).toMatchObject({ applies: true, outcome: "overrides", leader: "fine-tune", leadOverBuy: 15, leadCriteria: ["accuracy", "differentiation"] });
    expect(over.leadFromAccuracyCriteria).toBeCloseTo(16.0714, 4);
    expect(over.message).toBe(
      `90% rule recommends buy over fine-tune: ${reach90}, and fine-tune leads buy by only 15 points (15 or fewer; accuracy requirement (5) and differentiation need (5) account for 16.1 points): good enough fast beats perfect eventually.`,
    );
    const kept = applyNinetyPercentRule(at90, { rows: strong, scores: { ...scores, "fine-tune": 80 } }, all, "fine-tune");
    expect(kept).toMatchObject({ applies: true, outcome: "kept-leader", leader: "fine-tune", leadOverBuy: 20, leadCriteria: ["accuracy", "differentiation"] });
    expect(kept.message).toBe(
      `90% rule applies but fine-tune stays: ${reach90}, yet fine-tune leads buy by 20 points and accuracy requirement (5) and differentiation need (5) account for 16.1 points, where the missing accuracy could matter (both more than 15), so the rest clearly justifies more.`,
    );
    // The same 20-point lead over all-neutral rows: none of it counts.
    const neutralLead = applyNinetyPercentRule(at90, { rows, scores: { ...scores, hybrid: 80 } }, all, "hybrid");
    expect(neutralLead).toMatchObject({ applies: true, outcome: "overrides", leader: "hybrid", leadOverBuy: 20, leadFromAccuracyCriteria: 0, leadCriteria: [] });
    expect(neutralLead.message).toBe(
      `90% rule recommends buy over hybrid: ${reach90}; hybrid leads buy by 20 points, but none of it comes from accuracy requirement, differentiation need, regulatory constraints or data availability scored above neutral (3), where the missing accuracy could matter (15 or fewer), so the rest does not justify more: good enough fast beats perfect eventually.`,
    );
    // Accuracy alone at 5 gives 0.5 x 10 / 70 x 100 = 7.1 points: too few.
    const accuracyOnly = scoreMatrix({ ...neutral, accuracy: { score: 5, weight: 10 } }).rows;
    const few = applyNinetyPercentRule(at90, { rows: accuracyOnly, scores: { ...scores, "fine-tune": 80 } }, all, "fine-tune");
    expect(few).toMatchObject({ outcome: "overrides", leadCriteria: ["accuracy"] });
    expect(few.message).toBe(
      `90% rule recommends buy over fine-tune: ${reach90}; fine-tune leads buy by 20 points, but accuracy requirement (5) accounts for only 7.1 points, where the missing accuracy could matter (15 or fewer), so the rest does not justify more: good enough fast beats perfect eventually.`,
    );
  });
});

describe("the 90% rule, calibrated (issue 21): decide end to end", () => {
  // Build is gated out (budget and team); fine-tune and buy eligible; the API at 87.3% of a 90% target = 97%.
  const facts = { apiBaselineAccuracy: 0.873, accuracyTarget: 0.9, labeledExamples: 5000, mlEngineers: 4, budgetUsd: 200000, dataSharingAllowed: true };
  const reach = "the best API reaches 87.3% accuracy against a target of 90% (97% of it)";
  const neutral = Object.fromEntries(["accuracy", "dataAvailability", "timeToMarket", "budget", "teamSkills", "differentiation", "regulatory"].map((c) => [c, { score: 3, weight: 10 }])) as DecisionInput["criteria"];

  it("a neutral decision (every criterion 3 at equal weight) is buy: fine-tune's 32.1-point lead is all neutral scores", () => {
    // Fits at 3: buy 0.75+0.5+0.5+0.75+0.5+0.5+0.5 = 4.0 of 7 = 57.1; fine-tune 0.75+0.875+1+1+0.875+0.875+0.875 = 6.25 of 7 = 89.3.
    const d = decide({ criteria: neutral, facts }, { today: TODAY });
    expect([d.recommendation, d.ninetyPercentRule.outcome, d.ninetyPercentRule.leader, d.ninetyPercentRule.leadOverBuy, d.ninetyPercentRule.leadFromAccuracyCriteria]).toEqual(["buy", "overrides", "fine-tune", 32.1, 0]);
    expect(d.rationale[0]).toBe("Recommended: buy (57.1/100) by the 90% rule; on the weights alone fine-tune leads at 89.3.");
    expect(d.rationale).toContain(
      `90% rule recommends buy over fine-tune: ${reach}; fine-tune leads buy by 32.1 points, but none of it comes from accuracy requirement, differentiation need, regulatory constraints or data availability scored above neutral (3), where the missing accuracy could matter (15 or fewer), so the rest does not justify more: good enough fast beats perfect eventually.`,
    );
  });

  it("strong accuracy and differentiation (5 each) keep fine-tune, and the rationale names them", () => {
    // buy 4.0 - 0.75 - 0.5 + 0.25 + 0 = 3.0 of 7 = 42.9; fine-tune 6.25 - 0.75 - 0.875 + 0.75 + 0.625 = 6.0 of 7 = 85.7;
    // accuracy and differentiation give fine-tune (0.5 + 0.625) / 7 = 16.1 points.
    const d = decide({ criteria: { ...neutral, accuracy: { score: 5, weight: 10 }, differentiation: { score: 5, weight: 10 } }, facts }, { today: TODAY });
    expect([d.recommendation, d.ninetyPercentRule.outcome, d.ninetyPercentRule.leadOverBuy, d.ninetyPercentRule.leadFromAccuracyCriteria, d.ninetyPercentRule.leadCriteria]).toEqual([
      "fine-tune",
      "kept-leader",
      42.9,
      16.1,
      ["accuracy", "differentiation"],
    ]);
    expect(d.rationale).toContain(
      `90% rule applies but fine-tune stays: ${reach}, yet fine-tune leads buy by 42.9 points and accuracy requirement (5) and differentiation need (5) account for 16.1 points, where the missing accuracy could matter (both more than 15), so the rest clearly justifies more.`,
    );
  });

  it("the shipped decisions keep their answers", () => {
    const answer = (f: string) => {
      const d = decide(parse(readFileSync(`examples/decisions/${f}.yaml`, "utf8")) as DecisionInput, { today: TODAY });
      return [d.recommendation, d.ninetyPercentRule.outcome];
    };
    expect(["clear-build", "clear-buy", "clear-fine-tune"].map(answer)).toEqual([
      ["build", "not-applicable"],
      ["buy", "agrees"],
      ["fine-tune", "not-applicable"],
    ]);
  });
});

describe("sensitivity finds the calibrated rule's flips", () => {
  it("the nearest flipping weight of each criterion equals a scan of every weight 0-100 in 0.01 steps (strong accuracy and differentiation, API at 97%)", () => {
    const facts = { apiBaselineAccuracy: 0.873, accuracyTarget: 0.9, labeledExamples: 5000, mlEngineers: 4, budgetUsd: 200000, dataSharingAllowed: true };
    const criteria = Object.fromEntries(["accuracy", "dataAvailability", "timeToMarket", "budget", "teamSkills", "differentiation", "regulatory"].map((c) => [c, { score: 3, weight: 10 }])) as DecisionInput["criteria"];
    const input: DecisionInput = { criteria: { ...criteria, accuracy: { score: 5, weight: 10 }, differentiation: { score: 5, weight: 10 } }, facts };
    const d = decide(input, { today: TODAY });
    expect(d.recommendation).toBe("fine-tune");
    for (const [c, flip] of Object.entries(d.sensitivity.byCriterion)) {
      let nearest: number | null = null;
      for (let i = 0; i <= 10_000; i++) {
        const w = i / 100;
        if (w === 10 || (nearest !== null && Math.abs(w - 10) >= Math.abs(nearest - 10))) continue;
        const rec = choose({ ...input, criteria: { ...input.criteria, [c]: { ...input.criteria[c], weight: w } } }).recommendation;
        if (rec !== null && rec !== "fine-tune") nearest = w;
      }
      expect(flip?.toWeight ?? null, c).toBe(nearest);
    }
  });
});
