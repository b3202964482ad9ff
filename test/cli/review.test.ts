import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aitracks, ROOT } from "../helpers/cli";

// `decide --adr --workload` keeps the inputs and that day's figures in the record;
// `review` asks again with today's catalog and says what moved.

const DECISION = "examples/decisions/clear-fine-tune.yaml";
const WORKLOAD = "examples/workloads/requests-10k.yaml";
const T = { timeout: 120_000 };

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "aitracks-review-"));
}

/** The bundled catalog as it might have been in March: every entry dated 2026-03-01, ml.g5.2xlarge (fine-tune's serving instance) at twice today's price. */
function olderCatalog(dir: string): { path: string; g5Then: number; g5Now: number } {
  const catalog = JSON.parse(readFileSync(join(ROOT, "packages/core/catalog/compute-prices.json"), "utf8"));
  let g5Now = 0;
  for (const e of catalog.entries) {
    e.asOf = "2026-03-01";
    if (e.sku === "ml.g5.2xlarge") {
      g5Now = e.usd;
      e.usd = Math.round(e.usd * 2 * 1000) / 1000;
    }
  }
  const path = join(dir, "catalog-2026-03.json");
  writeFileSync(path, JSON.stringify(catalog, null, 2));
  return { path, g5Then: g5Now * 2, g5Now };
}

function record(dir: string, env: Record<string, string> = {}, decision = DECISION): string {
  const rec = join(dir, "0007-claims.md");
  const r = aitracks(["decide", decision, "--adr", rec, "--workload", WORKLOAD, "--today", "2026-06-01"], { env });
  expect(r.code, r.stderr).toBe(0);
  return rec;
}

interface Review {
  record: string;
  decidedOn: string;
  reviewDate: string;
  daysToReview: number;
  due: boolean;
  recommendation: { then: string | null; now: string | null; changed: boolean };
  tco: {
    pricesAsOf: { then: string | null; now: string };
    options: { option: string; thenUsd: number; nowUsd: number; changeUsd: number; change: number }[];
    cheapest: { then: string; now: string; changed: boolean };
    crossovers: { then: { cheaper: string; than: string; aboveRequestsPerDay: number }[]; now: { cheaper: string; than: string; aboveRequestsPerDay: number }[] };
  } | null;
  reasons: string[];
  exitCode: number;
}

function reviewJson(args: string[], env: Record<string, string> = {}): { code: number; doc: { exitCode: number; reviews: Review[] } } {
  const r = aitracks(["review", ...args, "--json"], { env });
  expect(r.stderr).toBe("");
  return { code: r.code, doc: JSON.parse(r.stdout) };
}

describe("decide --adr --workload: the record keeps what a review needs", () => {
  it("the decision and workload as read, the prices' date and that day's totals and crossovers", T, () => {
    const dir = tmp();
    const rec = record(dir);
    const text = readFileSync(rec, "utf8");
    const tco = JSON.parse(aitracks(["tco", WORKLOAD, "--json", "--samples", "10"]).stdout);
    // The same point totals `tco` prints, to the cent, in the front matter and the body.
    for (const o of tco.options) expect(text).toContain(`${o.option}: ${o.totalUsd}`);
    expect(text).toMatch(/^aitracks:\n {2}version: 1\n {2}decision:\n {4}useCase: Insurance claim triage/m);
    expect(text).toContain("## Three-year cost");
    expect(text).toContain(`pricesAsOf: ${tco.pricesAsOf}`);
    // buy is the cheapest overall, and the decision ruled it out: the body says both.
    expect(text).toMatch(/\| \*\*buy\*\* \(cheapest\) \| \$1,287,779 \| no \|/);
    expect(text).toContain(`- fine-tune is cheaper than buy above ${tco.crossovers[0].aboveRequestsPerDay.toLocaleString("en-US")} requests/day.`);
  });

  it("a useCase with bidi and newline characters is kept exactly, shown escaped", T, () => {
    const dir = tmp();
    const decision = join(dir, "d.json");
    const data = JSON.parse(JSON.stringify(require("yaml").parse(readFileSync(join(ROOT, DECISION), "utf8"))));
    data.useCase = "claims \u202etxt.exe\nline two";
    writeFileSync(decision, JSON.stringify(data));
    const rec = record(dir, {}, decision);
    const text = readFileSync(rec, "utf8");
    expect(text).not.toMatch(/[\u202a-\u202e]/);
    expect(text).toContain('useCase: "claims \\u202etxt.exe\\nline two"');
    const { code, doc } = reviewJson([rec, "--today", "2026-07-01"]);
    expect([code, doc.reviews[0]!.recommendation.changed]).toEqual([0, false]);
  });

  it("--workload without --adr is bad input, and the workload is never a target", T, () => {
    const r = aitracks(["decide", DECISION, "--workload", WORKLOAD]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("aitracks: --workload: only with --adr (the record keeps it for aitracks review)");
    const dir = tmp();
    const w = join(dir, "w.yaml");
    writeFileSync(w, readFileSync(join(ROOT, WORKLOAD)));
    const before = readFileSync(w, "utf8");
    const s = aitracks(["decide", DECISION, "--adr", w, "--workload", w]);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain("the workload file");
    expect(readFileSync(w, "utf8")).toBe(before);
  });
});

describe("aitracks review", () => {
  it("unchanged and not due: exit 0, every figure equal, nothing to say", T, () => {
    const rec = record(tmp());
    const { code, doc } = reviewJson([rec, "--today", "2026-07-01"]);
    expect(code).toBe(0);
    const r = doc.reviews[0]!;
    expect(r).toMatchObject({ decidedOn: "2026-06-01", reviewDate: "2026-12-01", daysToReview: 153, due: false, reasons: [], exitCode: 0 });
    expect(r.recommendation).toEqual({ then: "fine-tune", now: "fine-tune", changed: false });
    for (const o of r.tco!.options) expect([o.changeUsd, o.change]).toEqual([0, 0]);
    expect(r.tco!.crossovers.now).toEqual(r.tco!.crossovers.then);
    // fine-tune is the only eligible option of the three priced: the cheapest eligible, not buy.
    expect(r.tco!.cheapest).toEqual({ then: "fine-tune", now: "fine-tune", changed: false });
    const text = aitracks(["review", rec, "--today", "2026-07-01"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Nothing changed; the next review is in 153 days.");
  });

  it("a due record: exit 1 and the days past its review date", T, () => {
    const rec = record(tmp());
    const { code, doc } = reviewJson([rec, "--today", "2026-12-05"]);
    expect(code).toBe(1);
    expect(doc.reviews[0]!.daysToReview).toBe(-4);
    expect(doc.reviews[0]!.reasons).toEqual(["the review was due on 2026-12-01, 4 days ago"]);
    // The day itself is due too; the day before is not.
    expect(reviewJson([rec, "--today", "2026-12-01"]).code).toBe(1);
    expect(reviewJson([rec, "--today", "2026-11-30"]).code).toBe(0);
  });

  it("a record made against an older catalog: each total and the crossover moved, reported then -> now", T, () => {
    const dir = tmp();
    const old = olderCatalog(dir);
    const rec = record(dir, { AITRACKS_CATALOG: old.path });
    const { code, doc } = reviewJson([rec, "--today", "2026-07-01"]);
    const r = doc.reviews[0]!;
    expect(r.tco!.pricesAsOf.then).toBe("2026-03-01");
    expect(r.tco!.pricesAsOf.now).not.toBe("2026-03-01");
    const ft = r.tco!.options.find((o) => o.option === "fine-tune")!;
    const buy = r.tco!.options.find((o) => o.option === "buy")!;
    // Only the serving instance's price moved: buy is unchanged; fine-tune saves one always-on
    // ml.g5.2xlarge (its minimum fleet; 10,000 requests/day need no second one) at half its March
    // price, 730 hours a month, from launch (4 weeks = 28 / (365 / 12) = 0.9205 months) to month 36:
    // (3.03 - 1.515) x 730 x 35.0795 = $38,796.12.
    expect(buy.changeUsd).toBe(0);
    expect(old.g5Now).toBe(1.515);
    expect(ft.changeUsd).toBeCloseTo(-((old.g5Then - old.g5Now) * 730 * (36 - 28 / (365 / 12))), 1);
    expect(ft.changeUsd).toBeCloseTo(-38_796.12, 1);
    expect(ft.nowUsd).toBeCloseTo(ft.thenUsd + ft.changeUsd, 2);
    // The fine-tune/buy crossover moved down with fine-tune's cost.
    const x = (list: NonNullable<Review["tco"]>["crossovers"]["now"]) => list.find((c) => c.cheaper === "fine-tune" && c.than === "buy")!.aboveRequestsPerDay;
    expect(x(r.tco!.crossovers.now)).toBeLessThan(x(r.tco!.crossovers.then));
    // The answer is the same and the review is not due: the moves are reported, exit 0.
    expect(code).toBe(0);
    const text = aitracks(["review", rec, "--today", "2026-07-01"]).stdout;
    expect(text).toContain("three-year totals (prices as of 2026-03-01 -> ");
    expect(text).toMatch(new RegExp(`fine-tune cheaper than buy above ${x(r.tco!.crossovers.then).toLocaleString("en-US")} -> ${x(r.tco!.crossovers.now).toLocaleString("en-US")} requests/day`));
  });

  it("updated facts flip the recommendation: exit 1, then -> now named", T, () => {
    const dir = tmp();
    const rec = record(dir);
    // Data may now go to an API, and the labelled set turned out unusable (50 examples).
    const updated = join(dir, "decision.yaml");
    writeFileSync(
      updated,
      readFileSync(join(ROOT, DECISION), "utf8").replace(/dataSharingAllowed: false/, "dataSharingAllowed: true").replace(/labeledExamples: \d+/, "labeledExamples: 50"),
    );
    const expected = JSON.parse(aitracks(["decide", updated, "--json", "--today", "2026-06-01"]).stdout).recommendation;
    expect(expected).not.toBe("fine-tune");
    const { code, doc } = reviewJson([rec, "--decision", updated, "--today", "2026-07-01"]);
    expect(code).toBe(1);
    expect(doc.reviews[0]!.recommendation).toEqual({ then: "fine-tune", now: expected, changed: true });
    expect(doc.reviews[0]!.reasons).toContain(`the recommendation changed: fine-tune -> ${expected}`);
    const md = aitracks(["review", rec, "--decision", updated, "--today", "2026-07-01", "--format", "github-comment"]);
    expect(md.code).toBe(1);
    expect(md.stdout).toContain(`| recommendation | fine-tune | ${expected} |`);
    expect(md.stdout).toContain("### Decision review needed");
  });

  it("bad input: one line naming the field, exit 2", T, () => {
    const dir = tmp();
    const rec = record(dir);
    const text = readFileSync(rec, "utf8");
    // A record of an older aitracks keeps no inputs.
    const bare = join(dir, "bare.md");
    writeFileSync(bare, text.replace(/^aitracks:\n(?: {2}.*\n)+/m, ""));
    let r = aitracks(["review", bare]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`${bare}: aitracks: the record keeps no inputs to review`);
    // ... which --decision supplies.
    expect(aitracks(["review", bare, "--decision", DECISION, "--today", "2026-07-01"]).code).toBe(0);
    const broken = join(dir, "broken.md");
    writeFileSync(broken, text.replace("reviewDate: 2026-12-01", "reviewDate: 9999-12-31"));
    r = aitracks(["review", broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.md: reviewDate: expected a date in the years 1970 to 2200/);
    const noFront = join(dir, "plain.md");
    writeFileSync(noFront, "# Decision\n");
    r = aitracks(["review", noFront]);
    expect([r.code, r.stderr.trim()]).toEqual([2, `aitracks: ${noFront}: no front matter (a record starts with --- and the YAML that aitracks decide --adr writes)`]);
    r = aitracks(["review", rec, bare, "--workload", WORKLOAD, "--format", "xml"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      'aitracks: --format: expected one of text, github-comment, got "xml"',
      "aitracks: --workload: only with one record",
    ]);
    expect(r.stdout).toBe("");
  });

  it("the record's decision copy is checked like a decision file, field named", T, () => {
    const dir = tmp();
    const rec = record(dir);
    const bad = join(dir, "bad.md");
    writeFileSync(bad, readFileSync(rec, "utf8").replace("      accuracy:\n        score: 4", "      accuracy:\n        score: 7"));
    const r = aitracks(["review", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`aitracks: ${bad}: aitracks.decision.criteria.accuracy.score: expected an integer from 1 to 5, got 7`);
  });
});
