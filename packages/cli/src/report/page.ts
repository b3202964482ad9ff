/**
 * The report as one self-contained HTML page: inline CSS, charts as inline SVG, no script, no
 * font, image or stylesheet from anywhere. Readable offline and printable (A4 or Letter).
 */
import { cheapestAt, cheapestEligible, checklistStatus, CRITERION_LABELS, DECISION_OPTIONS, judgeStackAgainstDecision, TRACK_PROFILES, type DecisionOption } from "@aitracks/core";
import { shortType } from "./charts/data";
import { capitalize, esc, money, num, uncertainText, usd } from "../format";
import { volumeData, type ReportInputs, type StackSection } from "./model";

export interface RenderedChartEntry {
  readonly id: string;
  readonly caption: string;
  readonly svg: string;
}

const CSS = `
:root { --ink: #1d2329; --muted: #5b6570; --line: #dde2e7; --soft: #f4f6f8; --accent: #2e7d32; --warn: #b26a00; --bad: #b3261e; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 32px 28px 48px; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 24px 0 8px; }
p { margin: 6px 0; }
.meta { color: var(--muted); font-size: 14px; }
.hero { display: grid; grid-template-columns: 1.4fr 1fr; gap: 20px; margin: 22px 0 8px; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; background: var(--soft); }
.label { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; font-weight: 700; color: var(--muted); }
.rec { font-size: 56px; line-height: 1.05; font-weight: 800; margin: 6px 0 4px; color: var(--accent); }
.rec.none { color: var(--bad); font-size: 40px; }
.score { font-size: 18px; font-weight: 600; }
.facts { margin: 0; padding: 0; list-style: none; }
.facts li { margin: 0 0 12px; }
.facts .big { display: block; font-size: 24px; font-weight: 700; }
.review-date { font-size: 24px; font-weight: 800; }
ul.why { padding-left: 20px; }
ul.why li { margin: 4px 0; }
.warnings { list-style: none; padding: 0; }
.warnings li { border-left: 4px solid var(--warn); background: #fff8ec; padding: 6px 10px; margin: 6px 0; }
.warnings li.error { border-color: var(--bad); background: #fdf0ef; }
.warnings li.info { border-color: #4c78a8; background: #eef4fa; }
figure { margin: 18px 0 10px; page-break-inside: avoid; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 14px; }
#tco-table { font-size: 13.5px; }
#tco-table td, #tco-table th { padding: 6px 7px; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 700; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.cheapest td { font-weight: 700; }
table.small { font-size: 12.5px; }
table.small td, table.small th { padding: 4px 8px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; word-break: break-all; }
.checklist { list-style: none; padding: 0; columns: 2; column-gap: 28px; }
.checklist li { break-inside: avoid; margin: 0 0 8px; padding-left: 28px; position: relative; }
.checklist li::before { position: absolute; left: 0; top: -1px; font-weight: 800; font-size: 17px; }
.checklist li.done::before { content: "\\2713"; color: var(--accent); }
.checklist li.todo::before { content: "\\25CB"; color: var(--warn); }
.checklist .src { display: block; color: var(--muted); font-size: 12.5px; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700; }
.pill.mandatory { background: #fdf0ef; color: var(--bad); }
.pill.advisory { background: #fff3e0; color: var(--warn); }
.pill.ok { background: #e8f5e9; color: var(--accent); }
.note { color: var(--muted); font-size: 13px; }
footer { margin-top: 48px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12.5px; }
@media (max-width: 760px) { .hero { grid-template-columns: 1fr; } .checklist { columns: 1; } .rec { font-size: 44px; } }
@media print {
  @page { margin: 14mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .card { background: #fff; }
  section, table, tr { break-inside: avoid; page-break-inside: avoid; }
}
`;

function figure(chart: RenderedChartEntry | undefined): string {
  if (!chart) return "";
  return `<figure id="chart-${esc(chart.id)}" class="chart" data-chart="${esc(chart.id)}">${chart.svg}<figcaption>${esc(chart.caption)}</figcaption></figure>`;
}

function recommendationBlock(inputs: ReportInputs): string {
  const { decision, tco, tcoModel } = inputs;
  const rec = decision.recommendation;
  const volume = Math.round(tcoModel.point.requestsPerDay).toLocaleString("en-US");
  // The headline is the cheapest option the decision leaves eligible; a cheaper ruled-out one is a note.
  const pick = cheapestEligible(tco.options, decision.eligible);
  const best = pick.eligible;
  const agrees =
    rec === null || !best
      ? ""
      : rec === best.option
        ? "The recommendation is also the cheapest eligible option at this volume."
        : rec === "hybrid"
          ? "Hybrid mixes buy and fine-tune: compare both lines in the charts below."
          : `${capitalize(best.option)} is cheaper at this volume; the matrix weighs more than cost.`;
  const ruledOut =
    pick.overallRuledOut && pick.overall
      ? `${capitalize(pick.overall.option)} would cost ${money(pick.overall.totalUsd)}, the least overall, but the decision rules it out${decision.ineligibleBecause[pick.overall.option]?.length ? `: ${decision.ineligibleBecause[pick.overall.option]!.join("; ")}` : ""}.`
      : "";
  return `<div class="hero">
  <div class="card">
    <div class="label">Recommendation</div>
    ${rec ? `<div class="rec" id="recommendation">${esc(capitalize(rec))}</div><div class="score">${decision.scores[rec].toFixed(1)} / 100 in the decision matrix</div>` : `<div class="rec none" id="recommendation">No option is eligible</div>`}
    <p>${esc(decision.rationale[0] ?? "")}</p>
  </div>
  <div class="card">
    <ul class="facts">
      <li><span class="label">Cheapest eligible over ${tco.horizonMonths} months at ${esc(volume)} requests/day</span><span class="big" id="cheapest-eligible">${best ? `${esc(capitalize(best.option))} ${esc(money(best.totalUsd))}` : "None of the priced options is eligible"}</span><span class="note">${esc(agrees)}</span>${ruledOut ? `<span class="note" id="cheapest-overall">${esc(ruledOut)}</span>` : ""}</li>
      <li><span class="label">Review by</span><span class="big review-date" id="review-date">${esc(decision.reviewDate)}</span><span class="note">decided on ${esc(decision.decidedOn)}, revisit every ${decision.reviewAfterMonths} months</span></li>
    </ul>
  </div>
</div>`;
}

function rationaleBlock(inputs: ReportInputs): string {
  const { decision } = inputs;
  const parts: string[] = [];
  parts.push(`<ul class="why">${decision.rationale.map((r) => `<li>${esc(r)}</li>`).join("")}</ul>`);
  if (decision.warnings.length) {
    parts.push(
      `<h3>Warnings</h3><ul class="warnings">${decision.warnings.map((w) => `<li class="${esc(w.level)}"><strong>${esc(w.level)}</strong> ${esc(w.message)}</li>`).join("")}</ul>`,
    );
  }
  parts.push(`<p class="note">Sensitivity: ${esc(decision.sensitivity.summary)}</p>`);
  const rec = decision.recommendation as DecisionOption | null;
  if (rec) {
    parts.push(`<h3>What ${esc(rec)} means</h3><ul class="why">${TRACK_PROFILES[rec].map((l) => `<li>${esc(l)}</li>`).join("")}</ul>`);
  }
  return parts.join("\n");
}

function tcoTable(inputs: ReportInputs): string {
  const { tco, tcoModel, bands } = inputs;
  const years = tco.options[0]?.years.length ?? 0;
  const yearHead = Array.from({ length: years }, (_, i) =>
    i === years - 1 && tco.horizonMonths % 12 !== 0 ? `Year ${i + 1} (${tco.horizonMonths % 12} mo)` : `Year ${i + 1}`,
  );
  const eligible = inputs.decision.eligible;
  const star = cheapestEligible(tco.options, eligible).eligible?.option;
  const rows = tco.options
    .map((o) => {
      const b = o.breakdown;
      return `<tr${o.option === star ? ' class="cheapest"' : ""}><td>${esc(o.option)}${o.option === star ? " \u2605" : ""}${eligible[o.option] === false ? " (ruled out)" : ""}</td>${o.years.map((y) => `<td class="n">${esc(money(y))}</td>`).join("")}<td class="n">${esc(money(o.totalUsd))}</td><td class="n">${esc(`${money(o.range.p10)} - ${money(o.range.p90)}`)}</td><td class="n">${esc(money(b.compute))}</td><td class="n">${esc(money(b.tokens))}</td><td class="n">${esc(money(b.team))}</td><td class="n">${esc(money(b.data + b.maintenance))}</td></tr>`;
    })
    .join("");
  const moot = new Set(volumeData(tcoModel, tco).moot);
  const crossovers = tco.crossovers.length
    ? `<ul class="why" id="crossovers">${tco.crossovers
        .map((c) => {
          const under = moot.has(c) ? ` (moot: ${cheapestAt(tcoModel, c.aboveRequestsPerDay * 1.01)} is cheaper than both there)` : "";
          return `<li>${esc(`${c.cheaper} is cheaper than ${c.than} above ${num(c.aboveRequestsPerDay)} requests/day${under}`)}</li>`;
        })
        .join("")}</ul>`
    : `<p>No crossover between 1 and 10,000,000 requests/day: ${esc(tco.cheapest)} stays cheapest.</p>`;
  const w = inputs.workload.workload;
  return `<table id="tco-table">
<thead><tr><th>Option</th>${yearHead.map((h) => `<th class="n">${esc(h)}</th>`).join("")}<th class="n">Total</th><th class="n">P10 - P90</th><th class="n">Compute</th><th class="n">Tokens</th><th class="n">Team</th><th class="n">Data + upkeep</th></tr></thead>
<tbody>${rows}</tbody></table>
<p class="note">\u2605 cheapest eligible option over the horizon at point values${tco.options.some((o) => eligible[o.option] === false) ? "; ruled out: the decision's hard gates exclude it" : ""}. Workload: ${esc(uncertainText(w.requestsPerDay))} requests/day, ${esc(uncertainText(w.inputTokensPerRequest))} input + ${esc(uncertainText(w.outputTokensPerRequest))} output tokens per request${w.monthlyGrowth !== undefined ? `, growing ${esc(uncertainText(w.monthlyGrowth))} a month` : ""}; buy = ${esc(inputs.workload.buy.provider)} ${esc(inputs.workload.buy.model)}. ${
    bands.ran
      ? `P10-P90 from ${bands.samples.toLocaleString("en-US")} Monte Carlo samples (seed ${bands.seed}).`
      : "No input is a range: P10-P90 equal the point estimate."
  }</p>
<h3>Crossovers</h3>
<p class="note">Starting requests/day at which the cheaper of two options changes, other inputs at their point values.</p>
${crossovers}
<p class="note">The assumptions behind these figures are listed at the end of the report.</p>`;
}

function assumptionsBlock(inputs: ReportInputs): string {
  const rows = inputs.tcoModel.assumptions
    .map((a) => `<tr><td><code>${esc(a.field)}</code></td><td>${esc(uncertainText(a.value))}</td><td>${esc(a.note)}</td></tr>`)
    .join("");
  return `<p class="note">Defaults and derived figures of the TCO model; set them in ${esc(inputs.workloadFile)} to change them.</p>
<table class="small" id="assumptions"><thead><tr><th>Field</th><th>Value</th><th>Note</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function checklistBlock(inputs: ReportInputs): string {
  const items = checklistStatus(inputs.decisionInput, inputs.decision, false);
  const done = items.filter((i) => i.done).length;
  return `<p><strong>${done} of ${items.length}</strong> done.</p>
<ul class="checklist" id="checklist">${items
    .map((i) => `<li class="${i.done ? "done" : "todo"}">${esc(i.label)}${i.source ? `<span class="src">${esc(i.source)}</span>` : i.done ? "" : `<span class="src">not yet: mark <code>checklist.${esc(i.key)}: true</code> when done</span>`}</li>`)
    .join("")}</ul>`;
}

/**
 * The decision beside the stack: the same judgement as the decision-track-ruled-out and
 * decision-track-not-recommended policies, for the report's decision and the stack's tracks.
 */
function decisionVerdict(inputs: ReportInputs, stack: StackSection): string {
  const { decision } = inputs;
  const v = judgeStackAgainstDecision(stack.tracks, {
    recommended: decision.recommendation as DecisionOption | null,
    ruledOut: DECISION_OPTIONS.filter((o) => decision.eligible[o] === false),
    record: inputs.decisionFile,
  });
  const pill = v.verdict === "in-step" ? '<span class="pill ok">in step</span>' : `<span class="pill ${v.verdict}">${v.verdict}</span>`;
  return `<p id="decision-verdict">${pill} ${esc(v.summary)}</p>`;
}

function stackBlock(stack: StackSection, chart: RenderedChartEntry | undefined, verdict: string): string {
  const parts: string[] = [];
  const cost = stack.cost;
  const byUrn = new Map((cost?.resources ?? []).map((r) => [r.urn, r]));
  const free = new Set((cost?.free ?? []).map((f) => f.urn));
  const unpricedUrns = new Set((cost?.unpriced ?? []).map((u) => (typeof u === "string" ? u : (u.urn ?? ""))));
  parts.push(`<p>Stack <strong>${esc(stack.stack)}</strong> of project ${esc(stack.project)}: ${stack.resources.length} cloud resources, previewed offline.</p>`);
  parts.push(verdict);
  if (cost) {
    parts.push(
      `<p class="big-line">Estimated <strong>${esc(usd(cost.monthlyUsd))} a month</strong>${cost.threeYearUsd !== undefined ? `, ${esc(money(cost.threeYearUsd))} over three years` : ""}${cost.pricesAsOf ? ` <span class="note">(prices as of ${esc(cost.pricesAsOf)})</span>` : ""}.</p>`,
    );
    const min = cost.minMonthlyUsd ?? cost.monthlyUsd;
    const ceiling = cost.ceilingMonthlyUsd ?? cost.monthlyUsd;
    if (min < cost.monthlyUsd - 0.005 || ceiling > cost.monthlyUsd + 0.005)
      parts.push(`<p class="note">Autoscaled fleets: min ${esc(usd(min))} / expected ${esc(usd(cost.monthlyUsd))} / ceiling ${esc(usd(ceiling))} a month.</p>`);
    if (cost.budget?.crossedInMonth) parts.push(`<p class="note">The budget of ${esc(usd(cost.budget.maxMonthlyUsd))} a month is crossed in month ${cost.budget.crossedInMonth} as the traffic grows.</p>`);
    parts.push(figure(chart));
    const unpriced = cost.unpriced ?? [];
    if (unpriced.length) {
      parts.push(
        `<p class="note">Not priced (not counted): ${unpriced.map((u) => `<code>${esc(typeof u === "string" ? u : (u.urn ?? u.type))}</code>`).join(", ")}.</p>`,
      );
    }
  } else {
    parts.push(`<p class="note">No cost estimate: ${esc(stack.costMissing ?? "not available")}.</p>`);
  }
  const rows = [...stack.resources]
    .sort((a, b) => (byUrn.get(b.urn)?.monthlyUsd ?? 0) - (byUrn.get(a.urn)?.monthlyUsd ?? 0) || (a.track ?? "").localeCompare(b.track ?? "") || a.type.localeCompare(b.type))
    .map((r) => {
      const c = byUrn.get(r.urn);
      return `<tr><td>${esc(r.name)}</td><td><code>${esc(shortType(r.type))}</code></td><td>${esc(r.track ?? "-")}</td>${cost ? `<td class="n">${c ? esc(usd(c.monthlyUsd)) : free.has(r.urn) ? "free" : unpricedUrns.has(r.urn) ? "unpriced" : "-"}</td>` : ""}</tr>`;
    })
    .join("");
  parts.push(
    `<h3>Resources</h3><table class="small" id="stack-resources"><thead><tr><th>Name</th><th>Type</th><th>Track</th>${cost ? '<th class="n">Per month</th>' : ""}</tr></thead><tbody>${rows}</tbody></table>`,
  );
  parts.push(`<h3>Policy verdicts</h3>`);
  const pol = stack.policies;
  if (!pol) {
    parts.push(`<p class="note">No policy verdicts: ${esc(stack.policiesMissing ?? "not available")}.</p>`);
  } else if (pol.violations.length === 0) {
    parts.push(`<p id="policy-verdicts"><span class="pill ok">pass</span> ${pol.policies !== undefined ? `All ${pol.policies} policies pass.` : "No violations."}</p>`);
  } else {
    const levels = [...new Set(pol.violations.map((v) => v.level))].sort((a, b) => levelRank(a) - levelRank(b));
    const counts = levels.map((l) => `<span class="pill ${esc(l)}">${pol.violations.filter((v) => v.level === l).length} ${esc(l)}</span>`).join(" ");
    parts.push(`<p id="policy-summary">${counts}${pol.policies !== undefined ? ` from ${pol.policies} policies` : ""}${levels.includes("mandatory") ? ": mandatory violations block a deploy." : "."}</p>`);
    parts.push(
      `<table class="small" id="policy-verdicts"><thead><tr><th>Level</th><th>Policy</th><th>Resource</th><th>Message</th></tr></thead><tbody>${levels
        .flatMap((l) =>
          pol.violations
            .filter((v) => v.level === l)
            .map((v) => `<tr><td><span class="pill ${esc(l)}">${esc(l)}</span></td><td>${esc(v.policy)}</td><td>${v.urn ? `<code>${esc(v.urn.split("::").pop() ?? v.urn)}</code>` : "stack"}</td><td>${esc(v.message)}</td></tr>`),
        )
        .join("")}</tbody></table>`,
    );
  }
  return parts.join("\n");
}

function levelRank(level: string): number {
  return ({ mandatory: 0, advisory: 1, informational: 2 } as Record<string, number>)[level] ?? 3;
}

/** The whole page. `charts` are the rendered entries of reportCharts(inputs), by id. */
export function renderReportHtml(inputs: ReportInputs, charts: readonly RenderedChartEntry[]): string {
  const byId = new Map(charts.map((c) => [c.id, c]));
  const { decision, decisionInput } = inputs;
  const title = decisionInput.useCase ?? "AI capability";
  const criteriaCount = Object.keys(CRITERION_LABELS).length;
  const sections: string[] = [];
  sections.push(`<header><h1>Build, buy or fine-tune: ${esc(title)}</h1>
<p class="meta">Decision file <code>${esc(inputs.decisionFile)}</code> &middot; workload <code>${esc(inputs.workloadFile)}</code>${inputs.workload.name ? ` (${esc(inputs.workload.name)})` : ""}${inputs.stack ? ` &middot; stack <code>${esc(inputs.stack.stack)}</code>` : ""}</p>
${recommendationBlock(inputs)}</header>`);
  sections.push(`<section id="why"><h2>Why</h2>${rationaleBlock(inputs)}</section>`);
  sections.push(
    `<section id="matrix"><h2>Decision matrix</h2><p>${criteriaCount} criteria scored 1-5 and weighted by business priority; each option fits a criterion by how close the score is to its ideal.</p>${figure(byId.get("decision-matrix"))}</section>`,
  );
  sections.push(
    `<section id="tco"><h2>Total cost of ownership</h2>${figure(byId.get("cumulative-cost"))}${figure(byId.get("cost-by-volume"))}${tcoTable(inputs)}</section>`,
  );
  if (inputs.stack) sections.push(`<section id="stack"><h2>The stack</h2>${stackBlock(inputs.stack, byId.get("stack-cost"), decisionVerdict(inputs, inputs.stack))}</section>`);
  sections.push(`<section id="checklist-section"><h2>Architect's checklist</h2>${checklistBlock(inputs)}</section>`);
  sections.push(`<section id="review"><h2>Review</h2><p>Revisit this decision by <strong class="review-date">${esc(decision.reviewDate)}</strong>. Models improve and prices drop roughly every six months: re-measure the API baseline, update the facts and the workload, and run the report again.</p></section>`);
  sections.push(`<section id="assumptions-section"><h2>Appendix: assumptions</h2>${assumptionsBlock(inputs)}</section>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(`${capitalize(decision.recommendation ?? "no option")} - ${title} - aitracks report`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${sections.join("\n")}
<footer>Generated by aitracks ${esc(inputs.version)} from <code>${esc(inputs.decisionFile)}</code> and <code>${esc(inputs.workloadFile)}</code>. Token prices from @pydantic/genai-prices, compute prices from the aitracks catalog. Self-contained: this file loads nothing from the network.</footer>
</main>
</body>
</html>
`;
}
