// @ts-nocheck
// The HTML page: what a reader finds on it, and that it is self-contained.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checklistStatus } from "@aitracks/core";
import {
  buildReportHtml,
  loadReportInputs,
  type ReportInputs,
  type StackSection,
} from "../../packages/cli/src/report";
import { money } from "../../packages/cli/src/format";

const root = join(__dirname, "..", "..");
const example = (p: string) => join("examples", p);

function inputs(decision: string, workload: string, stack?: StackSection): ReportInputs {
  const base = loadReportInputs({
    decisionFile: example(`decisions/${decision}`),
    workloadFile: example(`workloads/${workload}`),
    today: "2026-11-30",
    samples: 400,
    version: "9.9.9",
  });
  return stack ? { ...base, stack } : base;
}

process.chdir(root);

/** Everything the page would fetch or run: there must be nothing. */
export function externalReferences(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/\b(?:src|href|action|poster|data)\s*=\s*["']?([^"'\s>]+)/gi)) found.push(m[0]);
  for (const m of html.matchAll(/url\(\s*([^)]*)\)/gi)) found.push(m[0]);
  for (const m of html.matchAll(/@import[^;]*/gi)) found.push(m[0]);
  for (const m of html.matchAll(/<(?:script|link|iframe|object|embed|img|video|audio|source)\b[^>]*>/gi)) found.push(m[0]);
  // http(s) URLs other than the SVG/XLink namespaces of inline SVG (identifiers, never fetched).
  for (const m of html.matchAll(/https?:\/\/[^\s"'<>)]+/gi)) {
    if (!/^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink)$/.test(m[0])) found.push(m[0]);
  }
  return found;
}

describe("the report page, fine-tune decision with a ranged workload", () => {
  let page: string;
  let inp: ReportInputs;
  beforeAll(async () => {
    inp = inputs("clear-fine-tune.yaml", "requests-ranges.yaml");
    page = (await buildReportHtml(inp)).html;
  });

  it("leads with the recommendation in big type, its score, and the review date", () => {
    expect(page).toContain("<h1>Build, buy or fine-tune: Insurance claim triage into 40 categories</h1>");
    expect(page).toMatch(/<div class="rec" id="recommendation">Fine-tune<\/div><div class="score">\d+\.\d \/ 100 in the decision matrix/);
    // decided 2026-11-30 + 6 months.
    expect(page).toContain('<span class="big review-date" id="review-date">2027-05-30</span>');
    expect(page).toMatch(/Revisit this decision by <strong class="review-date">2027-05-30<\/strong>/);
  });

  it("says why, with every rationale line and warning of the decision", () => {
    for (const r of inp.decision.rationale) expect(page).toContain(r.replace(/&/g, "&amp;").replace(/'/g, "&#39;"));
    expect(inp.decision.warnings.length).toBeGreaterThan(0);
    for (const w of inp.decision.warnings) expect(page).toContain(`<li class="${w.level}"><strong>${w.level}</strong>`);
  });

  it("has the three charts as inline SVG, each with a caption in words", () => {
    const figures = [...page.matchAll(/<figure id="chart-([a-z-]+)" class="chart" data-chart="[a-z-]+"><svg[^>]*width="(\d+(?:\.\d+)?)"[^>]*height="(\d+(?:\.\d+)?)"/g)];
    expect(figures.map((f) => f[1])).toEqual(["decision-matrix", "cumulative-cost", "cost-by-volume"]);
    for (const f of figures) {
      expect(Number(f[2])).toBeGreaterThan(300);
      expect(Number(f[3])).toBeGreaterThan(200);
    }
    expect(page).toContain("Shaded: P10-P90 from 400 Monte Carlo samples.");
    expect(page).toMatch(/fine-tune cheapest above [\d,]+\/day/);
  });

  it("has the TCO table: every option's years, total and P10-P90, the cheapest eligible starred, ruled-out options marked", () => {
    const table = page.slice(page.indexOf('<table id="tco-table">'), page.indexOf("</table>", page.indexOf('<table id="tco-table">')));
    // clear-fine-tune: data may not go to a third-party API, so buy is ruled out (build too: budget and team);
    // the star goes to the cheapest option still eligible.
    expect(inp.decision.eligible.buy).toBe(false);
    const eligible = inp.tco.options.filter((o) => inp.decision.eligible[o.option]);
    const best = eligible.reduce((a, b) => (b.totalUsd < a.totalUsd ? b : a));
    for (const o of inp.tco.options) {
      const star = o.option === best.option ? " \u2605" : "";
      const out = inp.decision.eligible[o.option] ? "" : " (ruled out)";
      expect(table).toContain(
        `<td>${o.option}${star}${out}</td>${o.years.map((y) => `<td class="n">${money(y)}</td>`).join("")}<td class="n">${money(o.totalUsd)}</td><td class="n">${money(o.range.p10)} - ${money(o.range.p90)}</td>`,
      );
    }
    expect(page).toContain("P10-P90 from 400 Monte Carlo samples (seed 42).");
    expect([money(2_057_697.4), money(45_300), money(6_990.2), money(312.4)]).toEqual(["$2.06M", "$45K", "$7.0K", "$312"]);
    // Every assumption of the model, in the appendix.
    const assumptions = page.slice(page.indexOf('<table class="small" id="assumptions">'));
    expect(assumptions.match(/<tr><td><code>/g)).toHaveLength(inp.tcoModel.assumptions.length);
  });

  it("headlines the cheapest eligible option; the cheaper ruled-out one only as a note (issue 21)", async () => {
    // requests-10k: buy is the cheapest overall, but clear-fine-tune rules it out (no data to a third-party API).
    const i10k = inputs("clear-fine-tune.yaml", "requests-10k.yaml");
    const html = (await buildReportHtml(i10k)).html;
    const buy = i10k.tco.options.find((o) => o.option === "buy")!;
    const others = i10k.tco.options.filter((o) => i10k.decision.eligible[o.option]);
    const best = others.reduce((a, b) => (b.totalUsd < a.totalUsd ? b : a));
    expect(i10k.tco.cheapest).toBe("buy");
    expect(buy.totalUsd).toBeLessThan(best.totalUsd);
    const headline = /<span class="big" id="cheapest-eligible">([^<]*)<\/span>/.exec(html)![1];
    expect(headline).toBe(`${best.option === "fine-tune" ? "Fine-tune" : "Build"} ${money(best.totalUsd)}`);
    expect(headline).not.toMatch(/^Buy/);
    expect(html).toContain("Cheapest eligible over 36 months at 10,000 requests/day");
    const note = /<span class="note" id="cheapest-overall">([^<]*)<\/span>/.exec(html)![1];
    expect(note).toMatch(new RegExp(`^Buy would cost ${money(buy.totalUsd).replace(/[$.]/g, "\\$&")}, the least overall, but the decision rules it out: `));
    // A decision that rules nothing out: no note, the overall cheapest is the headline.
    const open = await buildReportHtml(inputs("clear-buy.yaml", "requests-10k.yaml"));
    expect(open.html).not.toContain('id="cheapest-overall"');
    expect(/<span class="big" id="cheapest-eligible">([^<]*)<\/span>/.exec(open.html)![1]).toBe(`Buy ${money(buy.totalUsd)}`);
  });

  it("names every crossover, and says which are moot", () => {
    const list = page.slice(page.indexOf('<ul class="why" id="crossovers">'), page.indexOf("</ul>", page.indexOf('id="crossovers"')));
    expect(list.match(/<li>/g)).toHaveLength(inp.tco.crossovers.length);
    expect(list).toMatch(/fine-tune is cheaper than buy above [\d,]+ requests\/day<\/li>/);
  });

  it("has the architect's checklist, done and not done", () => {
    const items = checklistStatus(inp.decisionInput, inp.decision, false);
    expect(page).toContain(`<strong>${items.filter((i) => i.done).length} of 11</strong> done.`);
    expect(page.match(/<li class="done">/g)).toHaveLength(items.filter((i) => i.done).length);
    expect(page.match(/<li class="todo">/g)).toHaveLength(items.filter((i) => !i.done).length);
    expect(page).toContain("not yet: mark <code>checklist.timeToMarketDefined: true</code> when done");
  });

  it("loads nothing: no script, stylesheet, image, font or URL, and a CSP that forbids fetching", () => {
    expect(externalReferences(page)).toEqual([]);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(page).toContain("@media print");
    // The probe finds what it looks for.
    expect(externalReferences('<img src="https://x/y.png"><style>@import "a.css"; b{background:url(x.png)}</style>')).toEqual([
      'src="https://x/y.png',
      "url(x.png)",
      '@import "a.css"',
      '<img src="https://x/y.png">',
      "https://x/y.png",
    ]);
  });

  it("has no stack section without a stack", () => {
    expect(page).not.toContain('<section id="stack">');
  });
});

describe("the report page with a stack", () => {
  const stack: StackSection = {
    stack: "hybrid-aws",
    project: "aitracks",
    resources: [
      { urn: "urn:a::endpoint-config", type: "aws:sagemaker/endpointConfiguration:EndpointConfiguration", name: "ft-serving", track: "serving (ft, aws)" },
      { urn: "urn:a::bucket", type: "aws:s3/bucket:Bucket", name: "ft-data", track: "fine-tune (ft, aws)" },
      { urn: "urn:a::role", type: "aws:iam/role:Role", name: "ft-role", track: "fine-tune (ft, aws)" },
    ],
    trackOf: (urn) => ({ "urn:a::endpoint-config": "serving (ft, aws)", "urn:a::bucket": "fine-tune (ft, aws)", "urn:a::role": "fine-tune (ft, aws)" })[urn],
    cost: {
      monthlyUsd: 1105.9,
      threeYearUsd: 39_812.4,
      pricesAsOf: "2026-11-01",
      resources: [
        { urn: "urn:a::endpoint-config", type: "aws:sagemaker/endpointConfiguration:EndpointConfiguration", monthlyUsd: 1102.3 },
        { urn: "urn:a::bucket", type: "aws:s3/bucket:Bucket", monthlyUsd: 3.6 },
      ],
      unpriced: [{ urn: "urn:a::mystery", type: "aws:foo/bar:Baz" }],
      free: [{ urn: "urn:a::role", reason: "IAM has no cost" }],
    },
    policies: {
      violations: [
        { policy: "review-trigger", level: "advisory", urn: null, message: "The decision is due for review." },
        { policy: "sagemaker-endpoint-kms", level: "mandatory", urn: "urn:a::endpoint-config", message: "Endpoint config <unencrypted> & open." },
      ],
    },
  };
  let page: string;
  beforeAll(async () => {
    page = (await buildReportHtml(inputs("clear-buy.yaml", "requests-100.yaml", stack))).html;
  });

  it("shows the monthly estimate, the cost breakdown chart, the resources with their cost, and what is unpriced", () => {
    expect(page).toContain("Estimated <strong>$1,105.90 a month</strong>, $40K over three years");
    expect(page).toContain('data-chart="stack-cost"');
    expect(page).toMatch(/<figure id="chart-stack-cost"[^>]*><svg[^>]*>[\s\S]*serving \(ft, aws\)/);
    const rows = page.slice(page.indexOf('<table class="small" id="stack-resources">'));
    // Most expensive first; the free role has no cost.
    expect(rows).toMatch(/ft-serving<\/td><td><code>aws sagemaker EndpointConfiguration<\/code><\/td><td>serving \(ft, aws\)<\/td><td class="n">\$1,102\.30<\/td>[\s\S]*ft-data[\s\S]*ft-role<\/td>.*<td class="n">free<\/td>/);
    expect(page).toContain("Not priced (not counted): <code>urn:a::mystery</code>.");
  });

  it("lists the policy verdicts, mandatory first, escaped", () => {
    const verdicts = page.slice(page.indexOf('id="policy-verdicts"'));
    expect(verdicts.indexOf("mandatory")).toBeLessThan(verdicts.indexOf("advisory"));
    expect(verdicts).toContain("Endpoint config &lt;unencrypted&gt; &amp; open.");
    expect(verdicts).toContain("<td>stack</td>");
  });

  it("says plainly when a stack has no estimate or verdicts", async () => {
    const bare: StackSection = { ...stack, cost: undefined, policies: undefined, costMissing: "the cost estimator is not available", policiesMissing: "not run" };
    const html = (await buildReportHtml(inputs("clear-buy.yaml", "requests-100.yaml", bare))).html;
    expect(html).toContain("No cost estimate: the cost estimator is not available.");
    expect(html).toContain("No policy verdicts: not run.");
    expect(html).not.toContain('data-chart="stack-cost"');
    expect(externalReferences(html)).toEqual([]);
  });
});
