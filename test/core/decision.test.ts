// @ts-nocheck
import { describe, expect, it } from "vitest";
import {
  scoreMatrix,
  addMonthsClamped,
  applyNinetyPercentRule,
  choose,
  criterionFit,
  decide,
  rankOptions,
  todayIso,
  type Decision,
} from "../../packages/core/src/decision";
import type { DecisionInput } from "../../packages/core/src/schema/decision";

type Criteria = DecisionInput["criteria"];
type Facts = NonNullable<DecisionInput["facts"]>;

/** The claims-triage profile of examples/decisions/clear-fine-tune.yaml (W = 100). */
const FINE_TUNE_PROFILE: Criteria = {
  accuracy: { score: 4, weight: 25 },
  dataAvailability: { score: 4, weight: 15 },
  timeToMarket: { score: 3, weight: 10 },
  budget: { score: 3, weight: 10 },
  teamSkills: { score: 3, weight: 10 },
  differentiation: { score: 4, weight: 15 },
  regulatory: { score: 4, weight: 15 },
};

/**
 * A close call, every weight 10 (W = 70). Fits (build / buy / fine-tune / hybrid):
 *   accuracy 4:          .75 / .50 / 1    / .90
 *   dataAvailability 2:  .25 / .75 / .625 / .675
 *   timeToMarket 4:      .25 / .75 / .75  / .675
 *   budget 3:            .50 / .75 / 1    / .90
 *   teamSkills 2:        .25 / .75 / .625 / .675
 *   differentiation 2:   .25 / .75 / .625 / .675
 *   regulatory 2:        .50 / .75 / .625 / .675
 * Sums of fits: build 2.75, buy 5.0, fine-tune 5.25, hybrid 5.175 -> scores
 * 39.29, 71.43, 75.00, 73.93. Build fails its data gate (2 < 4).
 */
const CLOSE_CALL: Criteria = {
  accuracy: { score: 4, weight: 10 },
  dataAvailability: { score: 2, weight: 10 },
  timeToMarket: { score: 4, weight: 10 },
  budget: { score: 3, weight: 10 },
  teamSkills: { score: 2, weight: 10 },
  differentiation: { score: 2, weight: 10 },
  regulatory: { score: 2, weight: 10 },
};

const TODAY = "2026-11-30";

function run(criteria: Criteria, facts?: Facts, extra: Partial<DecisionInput> = {}): Decision {
  return decide({ criteria, ...(facts ? { facts } : {}), ...extra }, { today: TODAY });
}

function codes(d: Decision): string[] {
  return d.warnings.map((w) => w.code);
}

describe("fit", () => {
  it("is 1 at the ideal and falls by a quarter per point", () => {
    expect(criterionFit(4, 4)).toBe(1);
    expect(criterionFit(3, 4)).toBe(0.75);
    expect(criterionFit(1, 5)).toBe(0);
    expect(criterionFit(1, 3.5)).toBe(0.375);
  });
});

describe("matrix scores", () => {
  it("match the hand-computed scores of the claims-triage profile", () => {
    // build: 25*.75 + 15*.75 + 10*.5 + 10*.5 + 10*.5 + 15*.75 + 15*1   = 71.25
    // buy:   25*.5  + 15*.25 + 10*.5 + 10*.75 + 10*.5 + 15*.25 + 15*.25 = 41.25
    // fine-tune: 25 + 15*.875 + 10 + 10 + 10*.875 + 15*.875 + 15*.875   = 93.125
    // hybrid: fine-tune fits best everywhere, so 0.9 * 93.125          = 83.8125
    const d = run(FINE_TUNE_PROFILE);
    expect(d.scores).toEqual({ build: 71.3, buy: 41.3, "fine-tune": 93.1, hybrid: 83.8 });
    expect(d.recommendation).toBe("fine-tune");
    const acc = d.matrix.find((r) => r.criterion === "accuracy");
    expect(acc?.options.build).toEqual({ fit: 0.75, weighted: 18.75, points: 18.75 });
    expect(acc?.options.hybrid.fit).toBe(0.9);
  });

  it("scores the close call by hand", () => {
    const d = run(CLOSE_CALL);
    expect(d.scores).toEqual({ build: 39.3, buy: 71.4, "fine-tune": 75, hybrid: 73.9 });
    expect(d.recommendation).toBe("fine-tune");
    expect(d.eligible.build).toBe(false);
  });

  it("lets hybrid win when buy and fine-tune each win heavily weighted criteria", () => {
    // Urgent (buy fits 1, fine-tune .5) and demanding accuracy (fine-tune 1, buy .5), nothing else:
    // buy .75, fine-tune .75, hybrid .9 * (1 + 1) / 2 = .9.
    const criteria: Criteria = {
      ...CLOSE_CALL,
      accuracy: { score: 4, weight: 50 },
      timeToMarket: { score: 5, weight: 50 },
      dataAvailability: { score: 2, weight: 0 },
      budget: { score: 3, weight: 0 },
      teamSkills: { score: 2, weight: 0 },
      differentiation: { score: 2, weight: 0 },
      regulatory: { score: 2, weight: 0 },
    };
    const d = run(criteria);
    expect(d.scores.hybrid).toBe(90);
    expect(d.scores.buy).toBe(75);
    expect(d.scores["fine-tune"]).toBe(75);
    expect(d.recommendation).toBe("hybrid");
  });

  it("breaks an exact tie in the framework's order: buy, fine-tune, hybrid, build", () => {
    expect(rankOptions({ build: 50, buy: 50, "fine-tune": 50, hybrid: 50 })).toEqual(["buy", "fine-tune", "hybrid", "build"]);
    expect(rankOptions({ build: 50, buy: 40, "fine-tune": 50, hybrid: 50 })).toEqual(["fine-tune", "hybrid", "build", "buy"]);
    // Only time to market (score 4) weighs: buy and fine-tune both fit .75, hybrid .675.
    const zero = { weight: 0 };
    const c = choose({
      criteria: {
        accuracy: { score: 4, ...zero },
        dataAvailability: { score: 2, ...zero },
        timeToMarket: { score: 4, weight: 1 },
        budget: { score: 3, ...zero },
        teamSkills: { score: 2, ...zero },
        differentiation: { score: 2, ...zero },
        regulatory: { score: 2, ...zero },
      },
    });
    expect(c.matrix.scores.buy).toBe(75);
    expect(c.matrix.scores["fine-tune"]).toBe(75);
    expect(c.gates.eligible["fine-tune"]).toBe(true);
    expect(c.recommendation).toBe("buy");
  });
});

describe("gates", () => {
  const BUILD_PROFILE: Criteria = {
    accuracy: { score: 5, weight: 20 },
    dataAvailability: { score: 5, weight: 20 },
    timeToMarket: { score: 1, weight: 10 },
    budget: { score: 5, weight: 10 },
    teamSkills: { score: 5, weight: 15 },
    differentiation: { score: 5, weight: 20 },
    regulatory: { score: 3, weight: 5 },
  };

  it("build needs a budget of at least $500,000", () => {
    expect(run(BUILD_PROFILE, { budgetUsd: 500_000 }).recommendation).toBe("build");
    const d = run(BUILD_PROFILE, { budgetUsd: 499_999 });
    expect(d.eligible.build).toBe(false);
    expect(d.recommendation).toBe("fine-tune");
    expect(d.scores.build).toBeGreaterThan(d.scores["fine-tune"]); // the score is still shown
    expect(d.warnings).toContainEqual({
      level: "info",
      code: "build-budget",
      message: "build is ineligible: the budget of $499,999 is below the $500,000 a model trained from scratch needs.",
    });
    expect(d.rationale).toContain(
      "build is ineligible: the budget of $499,999 is below the $500,000 a model trained from scratch needs - it would otherwise score highest.",
    );
  });

  it("build needs at least 10 ML engineers", () => {
    expect(run(BUILD_PROFILE, { mlEngineers: 10 }).eligible.build).toBe(true);
    const d = run(BUILD_PROFILE, { mlEngineers: 9 });
    expect(d.eligible.build).toBe(false);
    expect(d.ineligibleBecause.build).toEqual(["9 ML engineers, fewer than the 10 building needs"]);
    expect(codes(d)).toContain("build-team");
  });

  it("build needs a data-availability score of 4 or more, with or without facts", () => {
    expect(run({ ...BUILD_PROFILE, dataAvailability: { score: 4, weight: 20 } }).eligible.build).toBe(true);
    const d = run({ ...BUILD_PROFILE, dataAvailability: { score: 3, weight: 20 } });
    expect(d.eligible.build).toBe(false);
    expect(codes(d)).toContain("build-data");
    expect(d.recommendation).not.toBe("build");
  });

  it("fewer than 100 labelled examples is an error and rules out fine-tune and hybrid", () => {
    const d = run(FINE_TUNE_PROFILE, { labeledExamples: 99 });
    expect(d.eligible["fine-tune"]).toBe(false);
    expect(d.eligible.hybrid).toBe(false);
    expect(d.warnings[0]).toMatchObject({ level: "error", code: "fine-tune-too-little-data" });
    expect(d.warnings[0]?.message).toMatch(/^Anti-pattern "fine-tuning with too little data": 99 labelled examples is fewer than 100/);
    // build fails its budget-free data gate? No: data 4 passes; build (71.3) beats buy (41.3).
    expect(d.recommendation).toBe("build");
    expect(d.rationale.some((r) => r.includes('"fine-tuning with too little data"'))).toBe(true);
  });

  it("100 to 999 labelled examples is a caution; 1,000 is fine", () => {
    for (const n of [100, 999]) {
      const d = run(FINE_TUNE_PROFILE, { labeledExamples: n });
      expect(d.eligible["fine-tune"]).toBe(true);
      expect(d.recommendation).toBe("fine-tune");
      expect(d.warnings.find((w) => w.code === "fine-tune-little-data")?.level).toBe("caution");
    }
    expect(codes(run(FINE_TUNE_PROFILE, { labeledExamples: 1000 }))).not.toContain("fine-tune-little-data");
  });

  it("fewer than 3 ML engineers is a caution for fine-tune", () => {
    const d = run(FINE_TUNE_PROFILE, { mlEngineers: 2 });
    expect(d.warnings.find((w) => w.code === "fine-tune-small-team")?.level).toBe("caution");
    expect(d.recommendation).toBe("fine-tune");
    expect(codes(run(FINE_TUNE_PROFILE, { mlEngineers: 3 }))).not.toContain("fine-tune-small-team");
  });

  it("forbidden data sharing rules buy out; hybrid stays, with a caution", () => {
    const allowed = run(CLOSE_CALL, { dataSharingAllowed: true });
    expect(allowed.eligible.buy).toBe(true);
    const d = run(CLOSE_CALL, { dataSharingAllowed: false });
    expect(d.eligible.buy).toBe(false);
    expect(d.eligible.hybrid).toBe(true);
    expect(codes(d)).toEqual(expect.arrayContaining(["buy-data-sharing", "hybrid-data-sharing"]));
    expect(d.ineligibleBecause.buy).toEqual(["data may not be sent to a third-party API (facts.dataSharingAllowed is false)"]);
  });

  it("recommends nothing when every option fails a gate", () => {
    const d = run(CLOSE_CALL, { dataSharingAllowed: false, labeledExamples: 10 });
    expect(d.recommendation).toBeNull();
    expect(d.warnings.map((w) => [w.level, w.code])).toEqual(
      expect.arrayContaining([
        ["error", "no-eligible-option"],
        ["error", "fine-tune-too-little-data"],
      ]),
    );
    expect(d.sensitivity.smallest).toBeNull();
  });
});

describe("the 90% rule", () => {
  it("applies and overrides: fine-tune leads buy by 3.6 points, so buy", () => {
    const d = run(CLOSE_CALL, { accuracyTarget: 0.9, apiBaselineAccuracy: 0.85 });
    expect(d.recommendation).toBe("buy");
    expect(d.ninetyPercentRule).toMatchObject({ applies: true, outcome: "overrides", leader: "fine-tune", leadOverBuy: 3.6 });
    expect(d.ninetyPercentRule.ratio).toBeCloseTo(0.85 / 0.9, 4);
    expect(d.rationale[0]).toBe("Recommended: buy (71.4/100) by the 90% rule; on the weights alone fine-tune leads at 75.0.");
    expect(d.rationale).toContain(
      "90% rule recommends buy over fine-tune: the best API reaches 85% accuracy against a target of 90% (94.4% of it), " +
        "and fine-tune leads buy by only 3.6 points (15 or fewer; accuracy requirement (4) accounts for 7.1 points): good enough fast beats perfect eventually.",
    );
  });

  it("applies but a lead of more than 15 points keeps the leader", () => {
    const d = run(FINE_TUNE_PROFILE, { accuracyTarget: 0.9, apiBaselineAccuracy: 0.85 });
    expect(d.recommendation).toBe("fine-tune");
    expect(d.ninetyPercentRule).toMatchObject({ applies: true, outcome: "kept-leader", leadOverBuy: 51.9 });
    expect(d.rationale.some((r) => r.startsWith("90% rule applies but fine-tune stays") && r.includes("the rest clearly justifies more"))).toBe(
      true,
    );
  });

  it("cannot apply when buy is ineligible, and says why", () => {
    const d = run(CLOSE_CALL, { accuracyTarget: 0.9, apiBaselineAccuracy: 0.85, dataSharingAllowed: false });
    expect(d.recommendation).toBe("fine-tune");
    expect(d.ninetyPercentRule.outcome).toBe("blocked");
    expect(d.ninetyPercentRule.message).toBe(
      "90% rule cannot apply: the best API reaches 85% accuracy against a target of 90% (94.4% of it), but buy is ineligible, so the matrix decides.",
    );
    expect(d.rationale).toContain(d.ninetyPercentRule.message);
  });

  it("does not apply below 90%, and is not evaluated without both facts", () => {
    expect(run(CLOSE_CALL, { accuracyTarget: 0.9, apiBaselineAccuracy: 0.8 }).ninetyPercentRule.outcome).toBe("not-applicable");
    expect(run(CLOSE_CALL, { accuracyTarget: 0.9, apiBaselineAccuracy: 0.8 }).recommendation).toBe("fine-tune");
    const d = run(CLOSE_CALL, { apiBaselineAccuracy: 0.8 });
    expect(d.ninetyPercentRule.outcome).toBe("not-evaluated");
    expect(d.ninetyPercentRule.message).toMatch(/^90% rule not evaluated: facts\.accuracyTarget is missing/);
  });

  it("puts the line at a lead of exactly 15 points", () => {
    const eligible = { build: true, buy: true, "fine-tune": true, hybrid: true };
    const facts = { accuracyTarget: 0.8, apiBaselineAccuracy: 0.72 };
    // Rows where accuracy (5, weight 70 of 120) gives fine-tune (0.75 - 0.25) x 70 / 120 x 100 = 29.2 points over buy, so only the whole lead decides.
    const { rows } = scoreMatrix({ ...CLOSE_CALL, accuracy: { score: 5, weight: 70 }, budget: { score: 3, weight: 0 } });
    const scores = { build: 0, buy: 65, "fine-tune": 80, hybrid: 0 };
    expect(applyNinetyPercentRule(facts, { rows, scores }, eligible, "fine-tune").outcome).toBe("overrides");
    expect(applyNinetyPercentRule(facts, { rows, scores: { ...scores, "fine-tune": 80.01 } }, eligible, "fine-tune").outcome).toBe("kept-leader");
    // exactly 90%:
    expect(applyNinetyPercentRule({ accuracyTarget: 0.5, apiBaselineAccuracy: 0.45 }, { rows, scores }, eligible, "fine-tune").applies).toBe(true);
  });
});

describe("sensitivity", () => {
  it("finds the hand-computed flip weights of the close call", () => {
    // Without accuracy, the other six criteria give (sum of weight x fit, W = 60):
    //   fine-tune 42.5, hybrid 42.75, buy 45.0; accuracy fits 1 / .9 / .5.
    // Buy ties fine-tune where 42.5 + w = 45 + .5 w -> w = 5 (hybrid ties buy only at 5.625,
    // so buy is on top just below 5): lowering accuracy's weight from 10 to 5 flips to buy.
    const d = run(CLOSE_CALL);
    const acc = d.sensitivity.byCriterion.accuracy;
    expect(acc?.flipsTo).toBe("buy");
    expect(acc?.fromWeight).toBe(10);
    expect(acc?.toWeight).toBeGreaterThanOrEqual(4.99);
    expect(acc?.toWeight).toBeLessThanOrEqual(5);
    // Data availability (fits .625 / .675 / .75; others 46.25 / 45 / 42.5): hybrid overtakes
    // fine-tune where 46.25 + .625 w = 45 + .675 w -> w = 25; at exactly 25 the tie goes to fine-tune.
    expect(d.sensitivity.byCriterion.dataAvailability).toEqual({
      criterion: "dataAvailability",
      fromWeight: 10,
      toWeight: 25.01,
      flipsTo: "hybrid",
    });
    // Time to market fits fine-tune and buy equally (.75) and hybrid less: no weight flips it.
    expect(d.sensitivity.byCriterion.timeToMarket).toBeNull();
    expect(d.sensitivity.smallest?.criterion).toBe("accuracy");
    expect(d.sensitivity.summary).toMatch(/^Most sensitive to accuracy requirement: lowering its weight from 10 to (4\.99|5) flips the recommendation to buy\.$/);
    // Confirm by deciding again at the reported weight.
    const again = run({ ...CLOSE_CALL, accuracy: { score: 4, weight: acc?.toWeight ?? 0 } });
    expect(again.recommendation).toBe("buy");
  });

  it("accounts for the 90% rule's 15-point line", () => {
    // With the rule (buy recommended), fine-tune must lead buy by more than 15 points:
    // 100 (.5 w - 2.5) / (60 + w) > 15 -> w > 1150 / 35 = 32.857...
    const d = run(CLOSE_CALL, { accuracyTarget: 0.9, apiBaselineAccuracy: 0.85 });
    expect(d.recommendation).toBe("buy");
    expect(d.sensitivity.byCriterion.accuracy).toEqual({ criterion: "accuracy", fromWeight: 10, toWeight: 32.86, flipsTo: "fine-tune" });
    expect(run({ ...CLOSE_CALL, accuracy: { score: 4, weight: 32.85 } }, { accuracyTarget: 0.9, apiBaselineAccuracy: 0.85 }).recommendation).toBe(
      "buy",
    );
  });

  it("says robust when no single weight change flips it", () => {
    const d = run(FINE_TUNE_PROFILE);
    expect(d.sensitivity.smallest).toBeNull();
    expect(d.sensitivity.summary).toBe("Robust: no single weight change (0 to 100) flips the recommendation.");
  });
});

describe("review date", () => {
  it("adds months and clamps the day to the month's end", () => {
    expect(addMonthsClamped("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonthsClamped("2027-08-31", 6)).toBe("2028-02-29");
    expect(addMonthsClamped("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonthsClamped("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonthsClamped("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonthsClamped("2026-03-15", 12)).toBe("2027-03-15");
    expect(addMonthsClamped("2026-12-31", 36)).toBe("2029-12-31");
    expect(addMonthsClamped("2100-08-31", 6)).toBe("2101-02-28");
    expect(addMonthsClamped("2399-08-31", 6)).toBe("2400-02-29");
  });

  it("defaults to today + 6 months; facts override both", () => {
    const d = run(CLOSE_CALL);
    expect(d.decidedOn).toBe(TODAY);
    expect(d.reviewDate).toBe("2027-05-30");
    const e = run(CLOSE_CALL, { decidedOn: "2026-08-31", reviewAfterMonths: 6 });
    expect(e.reviewDate).toBe("2027-02-28");
    expect(run(CLOSE_CALL, { decidedOn: "2026-08-31", reviewAfterMonths: 3 }).reviewDate).toBe("2026-11-30");
  });

  it("flags a review that is due", () => {
    const d = run(CLOSE_CALL, { decidedOn: "2026-01-15" });
    expect(d.warnings).toContainEqual({
      level: "caution",
      code: "review-due",
      message: "The review date 2026-07-15 has come (today is 2026-11-30): decide again with today's models and prices.",
    });
    expect(codes(run(CLOSE_CALL, { decidedOn: "2026-11-01" }))).not.toContain("review-due");
    expect(codes(run(CLOSE_CALL, { reviewAfterMonths: 12 }))).toContain("review-interval-long");
  });

  it("formats today from a given clock", () => {
    expect(todayIso(new Date(2027, 1, 3, 12))).toBe("2027-02-03");
  });
});

describe("rationale and anti-patterns", () => {
  it("names the criteria that separate the winner from the runner-up", () => {
    const d = run(FINE_TUNE_PROFILE);
    expect(d.rationale[0]).toBe("Recommended: fine-tune, the highest-scoring eligible option at 93.1/100 (then hybrid 83.8, build 71.3, buy 41.3).");
    // fine-tune - hybrid per criterion = 0.1 x fine-tune's points: accuracy 2.5, then 1.3125 x 3, 1.0 x 2, .875.
    expect(d.rationale[1]).toBe(
      "Against hybrid (83.8): fine-tune gains most on accuracy requirement (+2.5 points), data availability (+1.3 points) and differentiation need (+1.3 points).",
    );
  });

  it("flags fine-tuning without a baseline, and per-token costs for buy", () => {
    expect(codes(run(FINE_TUNE_PROFILE))).toContain("no-baseline");
    expect(codes(run(FINE_TUNE_PROFILE, { apiBaselineAccuracy: 0.7 }))).not.toContain("no-baseline");
    const buy = run(CLOSE_CALL, { accuracyTarget: 0.9, apiBaselineAccuracy: 0.85 });
    expect(codes(buy)).toContain("per-token-costs");
    expect(codes(decide({ criteria: CLOSE_CALL, facts: { accuracyTarget: 0.9, apiBaselineAccuracy: 0.85 }, checklist: { costProjected: true } }, { today: TODAY }))).not.toContain(
      "per-token-costs",
    );
  });

  it("sorts warnings errors first", () => {
    const d = run(FINE_TUNE_PROFILE, { labeledExamples: 50, mlEngineers: 1, budgetUsd: 1000 });
    const levels = d.warnings.map((w) => w.level);
    expect(levels).toEqual([...levels].sort((a, b) => ["error", "caution", "info"].indexOf(a) - ["error", "caution", "info"].indexOf(b)));
    expect(levels[0]).toBe("error");
  });
});
