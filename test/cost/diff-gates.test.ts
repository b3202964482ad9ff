// diffCosts / gateDiff on small hand-made baselines: every branch a pipeline gate depends on,
// with the case that must trip it and the case that must not.
import { describe, expect, it } from "vitest";
import { diffCosts, gateDiff, type CostBaseline } from "@aitracks/core";

const urn = (name: string, type = "aws:s3/bucket:Bucket") => `urn:pulumi:dev::p::${type}::${name}`;

function baseline(monthlyUsd: number, resources: { name: string; usd: number; oneOff?: number; named?: boolean }[], extra: Partial<CostBaseline> = {}): CostBaseline {
  return {
    currency: "USD",
    monthlyUsd,
    resources: resources.map((r) => ({
      urn: urn(r.name),
      type: "aws:s3/bucket:Bucket",
      ...(r.named === false ? {} : { name: r.name }),
      monthlyUsd: r.usd,
      ...(r.oneOff !== undefined ? { oneOffUsd: r.oneOff } : {}),
    })),
    unpriced: [],
    ...extra,
  };
}

describe("diffCosts: what changed, resource by resource", () => {
  it("lists added, changed, removed and one-off-only changes; counts the unchanged", () => {
    const before = baseline(60, [
      { name: "kept", usd: 10 },
      { name: "grows", usd: 20 },
      { name: "goes", usd: 30, oneOff: 5 },
      { name: "training", usd: 0, oneOff: 100 },
    ]);
    const after = baseline(45, [
      { name: "kept", usd: 10 },
      { name: "grows", usd: 25 },
      { name: "training", usd: 0, oneOff: 250 },
      { name: "arrives", usd: 10 },
    ]);
    const d = diffCosts(before, after);
    expect(d.unchanged).toBe(1);
    // Largest monthly change first (by magnitude), then the one-off change, then the URN.
    expect(d.changes.map((c) => [c.change, c.name, c.beforeUsd, c.afterUsd, c.deltaUsd, c.oneOffDeltaUsd])).toEqual([
      ["removed", "goes", 30, 0, -30, -5],
      ["added", "arrives", 0, 10, 10, 0],
      ["changed", "grows", 20, 25, 5, 0],
      ["changed", "training", 0, 0, 0, 150],
    ]);
    expect(d.deltaUsd).toBe(-15);
    expect(d.deltaPercent).toBe(-25); // -15 / 60
    expect(d.oneOffBeforeUsd).toBe(0);
    expect(d.oneOffAfterUsd).toBe(0);
  });

  it("orders equal monthly changes by one-off change, then by URN", () => {
    const before = baseline(0, []);
    const after = baseline(3, [
      { name: "b", usd: 1 },
      { name: "a", usd: 1 },
      { name: "c", usd: 1, oneOff: 7 },
    ]);
    expect(diffCosts(before, after).changes.map((c) => c.name)).toEqual(["c", "a", "b"]);
  });

  it("takes a resource's name from its URN when the baseline has none", () => {
    const d = diffCosts(baseline(0, []), baseline(1, [{ name: "from-urn", usd: 1, named: false }]));
    expect(d.changes[0]!.name).toBe("from-urn");
  });

  it("carries the one-off and three-year totals of both sides", () => {
    const d = diffCosts(baseline(1, [], { oneOffUsd: 7, threeYearUsd: 36 }), baseline(2, [], { oneOffUsd: 9, threeYearUsd: 72 }));
    expect([d.oneOffBeforeUsd, d.oneOffAfterUsd, d.threeYearBeforeUsd, d.threeYearAfterUsd]).toEqual([7, 9, 36, 72]);
  });

  it("has no relative change from a $0 base", () => {
    const d = diffCosts(baseline(0, []), baseline(12, [{ name: "x", usd: 12 }]));
    expect(d.deltaUsd).toBe(12);
    expect(d.deltaPercent).toBeNull();
  });

  it("lists only the unpriced resources that are new", () => {
    const old = { urn: urn("old", "x:y:Z"), type: "x:y:Z" };
    const fresh = { urn: urn("fresh", "x:y:Z"), type: "x:y:Z" };
    const d = diffCosts(baseline(0, [], { unpriced: [old] }), baseline(0, [], { unpriced: [old, fresh] }));
    expect(d.newUnpriced).toEqual([fresh]);
  });
});

describe("diffCosts: the budget", () => {
  const at = (usd: number, budget?: number) => baseline(usd, [], budget === undefined ? {} : { budget: { maxMonthlyUsd: budget } });

  it("takes the budget given, else the new version's, else the base's", () => {
    expect(diffCosts(at(1, 10), at(2, 20), 30).budgetUsd).toBe(30);
    expect(diffCosts(at(1, 10), at(2, 20)).budgetUsd).toBe(20);
    expect(diffCosts(at(1, 10), at(2)).budgetUsd).toBe(10);
    expect(diffCosts(at(1), at(2)).budgetUsd).toBeUndefined();
  });

  it("crosses only from at-or-below to above", () => {
    expect(diffCosts(at(100, 100), at(100.01, 100)).crossedBudget).toBe(true); // at -> above
    expect(diffCosts(at(99, 100), at(100, 100)).crossedBudget).toBe(false); // below -> at: not over
    expect(diffCosts(at(101, 100), at(150, 100)).crossedBudget).toBe(false); // already over
    expect(diffCosts(at(150, 100), at(50, 100)).crossedBudget).toBe(false); // back under
    expect(diffCosts(at(1), at(1_000_000)).crossedBudget).toBe(false); // no budget
  });
});

describe("gateDiff: a pipeline fails on increases past a threshold, never otherwise", () => {
  const diff = (before: number, after: number, budget?: number) =>
    diffCosts(baseline(before, []), baseline(after, []), budget);

  it("fails above the dollar threshold, not at it", () => {
    expect(gateDiff(diff(100, 150), { maxIncreaseUsd: 50 })).toEqual([]);
    expect(gateDiff(diff(100, 150.01), { maxIncreaseUsd: 50 })).toEqual(["the monthly estimate rises by $50.01, above the allowed $50.00"]);
  });

  it("fails above the percentage threshold, not at it; any rise from $0 counts", () => {
    expect(gateDiff(diff(100, 110), { maxIncreasePercent: 10 })).toEqual([]);
    expect(gateDiff(diff(100, 111), { maxIncreasePercent: 10 })).toEqual(["the monthly estimate rises by 11.0%, above the allowed 10%"]);
    expect(gateDiff(diff(0, 5), { maxIncreasePercent: 1000 })).toEqual(["the monthly estimate rises by $5.00 from $0, above the allowed 1000%"]);
    // From $0 with no percentage gate set: only the gates that are set judge it.
    expect(gateDiff(diff(0, 5), { maxIncreaseUsd: 10 })).toEqual([]);
  });

  it("fails on crossing the budget only when asked", () => {
    const crossing = diff(90, 110, 100);
    expect(crossing.crossedBudget).toBe(true);
    expect(gateDiff(crossing, {})).toEqual([]);
    expect(gateDiff(crossing, { failOnBudgetCrossing: false })).toEqual([]);
    expect(gateDiff(crossing, { failOnBudgetCrossing: true })).toEqual(["the monthly estimate $110.00 crosses the budget of $100.00 (it was $90.00)"]);
    expect(gateDiff(diff(90, 95, 100), { failOnBudgetCrossing: true })).toEqual([]);
  });

  it("gives every reason that applies, in order", () => {
    expect(gateDiff(diff(90, 200, 100), { maxIncreaseUsd: 1, maxIncreasePercent: 1, failOnBudgetCrossing: true })).toHaveLength(3);
  });

  it("never fails an unchanged or falling total", () => {
    const strict = { maxIncreaseUsd: 0, maxIncreasePercent: 0, failOnBudgetCrossing: true };
    expect(gateDiff(diff(100, 100, 50), strict)).toEqual([]);
    expect(gateDiff(diff(0, 0), strict)).toEqual([]);
    expect(gateDiff(diff(100, 20, 50), strict)).toEqual([]);
  });
});
