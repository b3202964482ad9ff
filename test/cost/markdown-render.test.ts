// @ts-nocheck
// The pull-request comment (costMarkdown) and its formatters, in-process, on hand-made `aitracks
// cost --json` documents and diffs: every line each branch writes, and the lines it must not write.
import { describe, expect, it } from "vitest";
import { commentMarker, costMarkdown, fleetRange, formatAmount, formatQuantity, formatUnitPrice, formatUsd } from "@aitracks/core";

const urn = (name: string, type = "aws:s3/bucket:Bucket") => `urn:pulumi:dev::p::${type}::${name}`;

/** A `cost --json` document: $100 a month, nothing else, unless `extra` says so. */
function doc(extra = {}) {
  return {
    version: 1,
    currency: "USD",
    pricesAsOf: "2026-11-01",
    project: "p",
    stack: null,
    monthlyUsd: 100,
    oneOffUsd: 0,
    minMonthlyUsd: 100,
    ceilingMonthlyUsd: 100,
    monthlyUsdByMonth: [],
    threeYearUsd: 3600,
    threeYear: { horizonMonths: 36, option: "buy", infrastructureUsd: 3600, oneOffUsd: 0, peopleAndDataUsd: 0, team: 0, maintenance: 0, data: 0, notes: [] },
    budget: null,
    byTrack: [],
    byCloud: [],
    resources: [],
    free: [],
    unpriced: [],
    assumptions: [],
    ...extra,
  };
}

function diff(extra = {}) {
  return {
    beforeUsd: 100,
    afterUsd: 100,
    deltaUsd: 0,
    deltaPercent: 0,
    oneOffBeforeUsd: 0,
    oneOffAfterUsd: 0,
    threeYearBeforeUsd: undefined,
    threeYearAfterUsd: undefined,
    changes: [],
    unchanged: 0,
    budgetUsd: undefined,
    crossedBudget: false,
    newUnpriced: [],
    ...extra,
  };
}

const change = (name: string, c: "added" | "removed" | "changed", beforeUsd: number, afterUsd: number, oneOffDeltaUsd = 0) => ({
  urn: urn(name),
  type: "aws:s3/bucket:Bucket",
  name,
  change: c,
  beforeUsd,
  afterUsd,
  deltaUsd: afterUsd - beforeUsd,
  oneOffDeltaUsd,
});

const FOOTER = "<sub>Prices as of 2026-11-01 (compute catalog) and @pydantic/genai-prices (tokens). Estimated offline by `aitracks cost`.</sub>";

describe("formatters", () => {
  it("formatUsd: cents, thousands separators, the sign before the dollar", () => {
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(1234.5)).toBe("$1,234.50");
    expect(formatUsd(-1234.5)).toBe("-$1,234.50");
    expect(formatUsd(1_000_000 / 3)).toBe("$333,333.33");
    expect(formatUsd(0.005)).toBe("$0.01");
  });

  it("formatQuantity: 0, whole numbers from 1,000, two decimals from 1, four significant digits below 1 (by magnitude)", () => {
    expect(formatQuantity(0)).toBe("0");
    expect(formatQuantity(1000)).toBe("1,000");
    expect(formatQuantity(1000.5)).toBe("1,001"); // whole from 1,000 on, not two decimals
    expect(formatQuantity(1234.56)).toBe("1,235");
    expect(formatQuantity(-12_345)).toBe("-12,345"); // not -12,350 (four significant digits)
    expect(formatQuantity(999.5)).toBe("999.5");
    expect(formatQuantity(1)).toBe("1");
    expect(formatQuantity(1.23456)).toBe("1.23");
    expect(formatQuantity(-1.23456)).toBe("-1.23"); // not -1.235
    expect(formatQuantity(0.5)).toBe("0.5");
    expect(formatQuantity(0.123456)).toBe("0.1235");
    expect(formatQuantity(-0.123456)).toBe("-0.1235");
    expect(formatQuantity(0.000012345)).toBe("0.00001235");
  });

  it("formatAmount: `1M <unit>` becomes a millions suffix, any other unit follows the quantity", () => {
    expect(formatAmount(456.25, "1M tokens")).toBe("456.25M tokens");
    expect(formatAmount(0, "1M tokens")).toBe("0M tokens");
    expect(formatAmount(1460, "hour")).toBe("1,460 hour");
    expect(formatAmount(2.5, "GB-month")).toBe("2.5 GB-month");
    expect(formatAmount(3, "21M tokens")).toBe("3 21M tokens"); // only a unit that starts with 1M
    expect(formatAmount(3, "1M")).toBe("3 1M"); // 1M with nothing after it
  });

  it("formatUnitPrice: $0, else six significant digits", () => {
    expect(formatUnitPrice(0)).toBe("$0");
    expect(formatUnitPrice(0.1)).toBe("$0.1");
    expect(formatUnitPrice(0.0000123456789)).toBe("$0.0000123457");
    expect(formatUnitPrice(1234567.89)).toBe("$1,234,570");
  });

  it("commentMarker names the stack, or `stack`", () => {
    expect(commentMarker("prod")).toBe("<!-- aitracks-cost:prod -->");
    expect(commentMarker(null)).toBe("<!-- aitracks-cost:stack -->");
  });

  it("fleetRange: min / expected / ceiling a month", () => {
    expect(fleetRange({ minMonthlyUsd: 10, monthlyUsd: 25.5, ceilingMonthlyUsd: 1234 })).toBe("autoscaled fleets: min $10.00 / expected $25.50 / ceiling $1,234.00 a month");
  });
});

describe("costMarkdown", () => {
  it("a bare estimate: no stack name, no diff, empty lists leave out their sections", () => {
    expect(costMarkdown(doc())).toBe(
      [
        "<!-- aitracks-cost:stack -->",
        "### aitracks cost estimate",
        "",
        "**$100.00 a month**",
        "",
        "- three years: $3,600.00 (infrastructure $3,600.00, one-off $0.00, people and data $0.00 from the TCO model's buy option)",
        "",
        "<details><summary>Breakdown: 0 priced, 0 free, 0 unpriced resources</summary>",
        "",
        "| Resource | Component | Quantity | Unit price | Monthly |",
        "| --- | --- | ---: | ---: | ---: |",
        "",
        "",
        "</details>",
        "",
        FOOTER,
      ].join("\n"),
    );
  });

  it("everything at once: the change against the base, one-off, fleets, budget crossed later, gates, changes, unpriced, uncounted usage, the sorted breakdown", () => {
    const comp = (name: string, unit: string, kind: string, monthlyQuantity: number, unitPriceUsd: number, monthlyUsd: number, extra = {}) => ({ name, unit, kind, monthlyQuantity, unitPriceUsd, monthlyUsd, priceSource: "catalog", ...extra });
    const resource = (name: string, monthlyUsd: number, oneOffUsd: number, components: unknown[]) => ({ urn: urn(name), type: "aws:s3/bucket:Bucket", name, monthlyUsd, oneOffUsd, components, notes: [] });
    const d = doc({
      stack: "dev",
      // $884.76 (730 h x $1.212) + $115.00 (5,000 GB x $0.023) + $234.75 (78.25M tokens x $3) = $1,234.51
      monthlyUsd: 1234.51,
      oneOffUsd: 250,
      minMonthlyUsd: 1234.51,
      ceilingMonthlyUsd: 2000,
      threeYearUsd: 50_000,
      threeYear: { horizonMonths: 36, option: "fine-tune", infrastructureUsd: 44_442, oneOffUsd: 250, peopleAndDataUsd: 5308, team: 5000, maintenance: 308, data: 0, notes: [] },
      budget: { maxMonthlyUsd: 2000, crossedInMonth: 4 },
      byTrack: [
        { key: "buy (assistant, aws)", monthlyUsd: 1234.51, oneOffUsd: 250 },
        { key: "outside tracks", monthlyUsd: 0, oneOffUsd: 0 },
      ],
      byCloud: [{ key: "aws", monthlyUsd: 1234.51, oneOffUsd: 250 }],
      // Listed out of order: the breakdown sorts by monthly (largest first), then one-off, then URN.
      resources: [
        resource("e-empty", 0, 0, [comp("nothing e", "hour", "one-off", 0, 0, 0)]),
        resource("b-train", 0, 250, [comp("training", "hour", "one-off", 0, 5, 0, { oneOffQuantity: 50, oneOffUsd: 250 })]),
        resource("d-empty", 0, 0, [comp("nothing d", "hour", "one-off", 0, 0, 0)]),
        resource("c-tokens", 234.75, 0, [comp("claude input tokens", "1M tokens", "usage", 78.25, 3, 234.75)]),
        resource("a-store", 999.76, 0, [comp("ml.g5.2xlarge x 1", "hour", "fixed", 730, 1.212, 884.76), comp("storage | hot\ntier", "GB-month", "usage", 5000, 0.023, 115)]),
      ],
      free: [
        { urn: urn("f1"), type: "aws:sns/topic:Topic", reason: "free", uncountedUsage: "requests | per\nday" },
        { urn: urn("f2"), type: "aws:sns/topic:Topic", reason: "free", uncountedUsage: "requests | per\nday" },
        { urn: urn("f3"), type: "aws:iam/role:Role", reason: "free" },
        { urn: urn("f4"), type: "aws:sns/topic:Topic", reason: "free", uncountedUsage: "log bytes" },
      ],
      unpriced: [{ urn: urn("odd"), type: "aws:x/y:Z", name: "odd|name", reason: "no cost module\nfor this", inTrack: false }],
    });
    const df = diff({
      beforeUsd: 1000,
      afterUsd: 1234.51,
      deltaUsd: 234.51,
      deltaPercent: 23.451,
      crossedBudget: true,
      changes: [change("new|one", "added", 0, 234.75), change("gone", "removed", 100, 0, -50), change("b-train", "changed", 0, 0, 250)],
      newUnpriced: [
        { urn: urn("odd"), type: "aws:x/y:Z" },
        { urn: urn("pipe"), type: "aws:p|q" },
      ],
    });
    expect(costMarkdown(d, df, ["gate one", "gate two"])).toBe(
      [
        "<!-- aitracks-cost:dev -->",
        "### aitracks cost estimate: `dev`",
        "",
        "**$1,234.51 a month** (+$234.51, +23.5% against the base)",
        "",
        "- one-off $250.00 (training, tuning, evaluation runs)",
        "- autoscaled fleets: min $1,234.51 / expected $1,234.51 / ceiling $2,000.00 a month",
        "- three years: $50,000.00 (infrastructure $44,442.00, one-off $250.00, people and data $5,308.00 from the TCO model's fine-tune option)",
        // $1,234.51 / $2,000 = 61.7% -> 62%
        "- budget $2,000.00 a month: 62% used, **crossed in month 4** as the traffic grows",
        "- :warning: **crosses the budget**: $1,000.00 -> $1,234.51 a month",
        "- :x: gate one",
        "- :x: gate two",
        "",
        "| | Resource | Type | Before | After | Change a month |",
        "| --- | --- | --- | ---: | ---: | ---: |",
        "| added | `new\\|one` | `aws:s3/bucket:Bucket` | $0.00 | $234.75 | +$234.75 |",
        "| removed | `gone` | `aws:s3/bucket:Bucket` | $100.00 | $0.00 | -$100.00 (one-off -$50.00) |",
        "| changed | `b-train` | `aws:s3/bucket:Bucket` | $0.00 | $0.00 | $0.00 (one-off +$250.00) |",
        "",
        "New unpriced resources: `aws:x/y:Z`, `aws:p\\|q`",
        "",
        "**1 unpriced resource** (not in the total):",
        "- `odd\\|name` (`aws:x/y:Z`): no cost module for this",
        "",
        "Usage not counted (each says what would count it):",
        "- requests \\| per day",
        "- log bytes",
        "",
        "<details><summary>Breakdown: 5 priced, 4 free, 1 unpriced resources</summary>",
        "",
        "| Resource | Component | Quantity | Unit price | Monthly |",
        "| --- | --- | ---: | ---: | ---: |",
        "| `a-store` | ml.g5.2xlarge x 1 | 730 hour | $1.212 | $884.76 |",
        "|  | storage \\| hot tier | 5,000 GB-month | $0.023 | $115.00 |",
        "| `c-tokens` | claude input tokens | 78.25M tokens | $3 | $234.75 |",
        "| `b-train` | training | 50 hour once | $5 | $250.00 once |",
        "| `d-empty` | nothing d | 0 hour once | $0 | $0.00 once |",
        "| `e-empty` | nothing e | 0 hour once | $0 | $0.00 once |",
        "",
        "By track: buy (assistant, aws) $1,234.51 · outside tracks $0.00",
        "By cloud: aws $1,234.51",
        "",
        "</details>",
        "",
        FOOTER,
      ].join("\n"),
    );
  });

  it("over the budget (over wins over a crossing), a fall against the base with no percentage, no resource changes, only the minimum below the total", () => {
    const d = doc({
      stack: "prod",
      monthlyUsd: 2500,
      minMonthlyUsd: 2400,
      ceilingMonthlyUsd: 2500,
      budget: { maxMonthlyUsd: 2000, crossedInMonth: 1 },
      unpriced: [
        { urn: urn("u1"), type: "aws:a/b:C", name: "u1", reason: "r1", inTrack: true },
        { urn: urn("u2"), type: "aws:a/b:D", name: "u2", reason: "r2", inTrack: false },
      ],
      free: [{ urn: urn("f"), type: "aws:iam/role:Role", reason: "free" }],
    });
    const text = costMarkdown(d, diff({ beforeUsd: 0, afterUsd: 2500, deltaUsd: -10, deltaPercent: null }));
    expect(text.split("\n").slice(0, 17)).toEqual([
      "<!-- aitracks-cost:prod -->",
      "### aitracks cost estimate: `prod`",
      "",
      "**$2,500.00 a month** (-$10.00 against the base)",
      "",
      "- autoscaled fleets: min $2,400.00 / expected $2,500.00 / ceiling $2,500.00 a month",
      "- three years: $3,600.00 (infrastructure $3,600.00, one-off $0.00, people and data $0.00 from the TCO model's buy option)",
      // $2,500 / $2,000 = 125%, over by $500
      "- budget $2,000.00 a month: 125% used, **over by $500.00**",
      "",
      "No resource changes cost.",
      "",
      "**2 unpriced resources** (not in the total):",
      "- `u1` (`aws:a/b:C`): r1",
      "- `u2` (`aws:a/b:D`): r2",
      "",
      "<details><summary>Breakdown: 0 priced, 1 free, 2 unpriced resources</summary>",
      "",
    ]);
    expect(text).not.toContain("Usage not counted");
    expect(text).not.toContain("New unpriced");
    expect(text).not.toContain(":warning:");
  });

  it("the budget's boundary: at exactly the budget is not over; under it and never crossed says only the share used", () => {
    const at = costMarkdown(doc({ monthlyUsd: 2000, minMonthlyUsd: 2000, ceilingMonthlyUsd: 2000, budget: { maxMonthlyUsd: 2000, crossedInMonth: null } }));
    expect(at.split("\n")).toContain("- budget $2,000.00 a month: 100% used");
    const under = costMarkdown(doc({ budget: { maxMonthlyUsd: 400, crossedInMonth: null } }));
    expect(under.split("\n")).toContain("- budget $400.00 a month: 25% used"); // $100 / $400
    expect(under).not.toContain("autoscaled fleets"); // min = expected = ceiling
  });

  it("the change line: a rise with no change in percent, a fall in percent, a zero change; the first ten changes and how many more", () => {
    const line = (df) => costMarkdown(doc(), diff(df)).split("\n")[3];
    expect(line({ deltaUsd: 0, deltaPercent: 0 })).toBe("**$100.00 a month** ($0.00, 0.0% against the base)");
    expect(line({ deltaUsd: -5.26, deltaPercent: -5 })).toBe("**$100.00 a month** (-$5.26, -5.0% against the base)");
    expect(line({ deltaUsd: 0.01, deltaPercent: 0.04 })).toBe("**$100.00 a month** (+$0.01, +0.0% against the base)");

    const many = (n: number) => Array.from({ length: n }, (_, i) => change(`r${String(i).padStart(2, "0")}`, "added", 0, n - i));
    const twelve = costMarkdown(doc(), diff({ changes: many(12) })).split("\n");
    const rows = twelve.filter((l) => l.startsWith("| added |"));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toBe("| added | `r00` | `aws:s3/bucket:Bucket` | $0.00 | $12.00 | +$12.00 |");
    expect(rows[9]).toBe("| added | `r09` | `aws:s3/bucket:Bucket` | $0.00 | $3.00 | +$3.00 |");
    const at = twelve.indexOf(rows[9]);
    expect(twelve.slice(at + 1, at + 4)).toEqual(["", "2 more changed resources in the breakdown below.", ""]);
    const ten = costMarkdown(doc(), diff({ changes: many(10) }));
    expect(ten.split("\n").filter((l) => l.startsWith("| added |"))).toHaveLength(10);
    expect(ten).not.toContain("more changed resources");
    const eleven = costMarkdown(doc(), diff({ changes: many(11) }));
    expect(eleven).toContain("\n1 more changed resources in the breakdown below.");
  });

  it("gate reasons without a diff; free resources without uncounted usage add no section", () => {
    const text = costMarkdown(doc({ free: [{ urn: urn("f"), type: "aws:iam/role:Role", reason: "free", uncountedUsage: "" }] }), undefined, ["too dear"]);
    expect(text.split("\n").slice(5, 8)).toEqual(["- three years: $3,600.00 (infrastructure $3,600.00, one-off $0.00, people and data $0.00 from the TCO model's buy option)", "- :x: too dear", ""]);
    expect(text).not.toContain("Usage not counted");
    expect(text).not.toContain("No resource changes cost.");
    expect(text).toContain("Breakdown: 0 priced, 1 free, 0 unpriced resources");
  });
});
