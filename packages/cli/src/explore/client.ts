/// <reference lib="dom" />
// The explore page's script (runs in the browser; bundle.ts bundles it with @aitracks/core/browser).
// Every figure comes from core's decide, resolveTco and tcoReport, the functions `aitracks decide`
// and `aitracks tco` run: the page only changes their inputs. Text from the input files goes in
// with textContent, never as markup.
import {
  CRITERIA,
  CRITERION_LABELS,
  DECISION_OPTIONS,
  LIMITS,
  MONTHLY_GROWTH,
  NO_WEIGHT_ERROR,
  PriceCatalog,
  cheapestAt,
  cheapestEligible,
  costCurve,
  logSpace,
  decide,
  hasWeight,
  resolveTco,
  tcoReport,
  type Criterion,
  type Decision,
  type DecisionInput,
  type OptionId,
  type TcoModel,
  type TcoReport,
  type TokenPriceQuery,
  type TokenPrices,
  type WorkloadFile,
} from "@aitracks/core/browser";
import { money, num } from "../format";
import type { ExploreData } from "./data";

/** The workload controls: each a slider (log-scaled where the range is wide) and a number field. */
interface Control {
  readonly key: "rpd" | "in" | "out" | "growth" | "pin" | "pout";
  readonly id: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Slider on log10(value) (the value rounded to 3 significant figures), else linear with `step`. */
  readonly log: boolean;
  readonly step: number;
  /** The field's smallest and largest values (the schema's); the slider stops at `min` and `max`. */
  readonly limit: number;
  readonly lower: number;
}

const CONTROLS: readonly Control[] = [
  { key: "rpd", id: "rpd", label: "Requests per day (at the start)", min: 1, max: 1e7, log: true, step: 0.01, lower: 0, limit: LIMITS.requestsPerDay },
  { key: "in", id: "in-tokens", label: "Input tokens per request", min: 1, max: 1e6, log: true, step: 0.01, lower: 0, limit: LIMITS.tokens },
  { key: "out", id: "out-tokens", label: "Output tokens per request", min: 1, max: 1e5, log: true, step: 0.01, lower: 0, limit: LIMITS.tokens },
  { key: "growth", id: "growth", label: "Monthly growth (%)", min: -10, max: 30, log: false, step: 0.5, lower: MONTHLY_GROWTH.min * 100, limit: MONTHLY_GROWTH.max * 100 },
  { key: "pin", id: "price-in", label: "Buy: input USD per 1M tokens", min: 0.01, max: 1000, log: true, step: 0.01, lower: 0, limit: LIMITS.usd },
  { key: "pout", id: "price-out", label: "Buy: output USD per 1M tokens", min: 0.01, max: 1000, log: true, step: 0.01, lower: 0, limit: LIMITS.usd },
];

type Key = Control["key"];
/** What the page changes: a workload field (undefined = as in the file) and criteria overrides. */
interface Settings {
  work: Partial<Record<Key, number>>;
  criteria: Partial<Record<Criterion, { score: number; weight: number }>>;
}

const data = JSON.parse(document.getElementById("explore-data")!.textContent!) as ExploreData;
const catalog = new PriceCatalog(data.catalog as ConstructorParameters<typeof PriceCatalog>[0]);
/** The token prices Node looked up, by the provider and model asked for. */
function lookUpTokenPrices(q: TokenPriceQuery, field?: string): TokenPrices {
  const hit = data.tokenPrices.find((t) => t.provider === q.provider && t.model === q.model);
  if (!hit) throw new Error(`${field ?? "buy"}: no token price for ${q.provider} ${q.model} in this page; set the prices`);
  return hit.prices;
}

function resolve(workload: WorkloadFile): TcoModel {
  return resolveTco(workload, { catalog, tokenPrices: lookUpTokenPrices, ...(data.horizonMonths !== undefined ? { horizonMonths: data.horizonMonths } : {}) });
}

// The file's values, as resolveTco reads them (a range at its likely value, defaults applied).
const fileModel = resolve(data.workload);
const FILE: Record<Key, number> = {
  rpd: fileModel.point.requestsPerDay,
  in: fileModel.point.inputTokensPerRequest,
  out: fileModel.point.outputTokensPerRequest,
  growth: round(fileModel.point.monthlyGrowth * 100, 6),
  pin: fileModel.point.buyInputUsdPerM,
  pout: fileModel.point.buyOutputUsdPerM,
};

let settings: Settings = { work: {}, criteria: {} };

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
const sig3 = (x: number) => Number(x.toPrecision(3));

// ---------------------------------------------------------------------------------------------
// Inputs for the core functions

/** The workload file with the page's changes, as a file with those values would read. */
function workloadWith(s: Settings): WorkloadFile {
  const w = structuredClone(data.workload) as WorkloadFile & { workload: Record<string, unknown>; buy: Record<string, unknown> };
  const v = s.work;
  if (v.rpd !== undefined) w.workload.requestsPerDay = v.rpd;
  if (v.in !== undefined) w.workload.inputTokensPerRequest = v.in;
  if (v.out !== undefined) w.workload.outputTokensPerRequest = v.out;
  if (v.growth !== undefined) w.workload.monthlyGrowth = v.growth / 100;
  // Explicit prices replace @pydantic/genai-prices' (both, as in a file: one alone does not).
  if (v.pin !== undefined || v.pout !== undefined) {
    w.buy.inputUsdPerMillionTokens = v.pin ?? FILE.pin;
    w.buy.outputUsdPerMillionTokens = v.pout ?? FILE.pout;
  }
  return w;
}

function decisionWith(s: Settings): DecisionInput {
  const criteria = { ...data.decision.criteria };
  for (const c of CRITERIA) {
    const o = s.criteria[c];
    if (o) criteria[c] = { ...o };
  }
  return { ...data.decision, criteria };
}

// ---------------------------------------------------------------------------------------------
// The URL fragment: rpd=…&in=…&out=…&growth=…&pin=…&pout=…&accuracy=4,25&…

function toFragment(s: Settings): string {
  const q = new URLSearchParams();
  for (const c of CONTROLS) if (s.work[c.key] !== undefined) q.set(c.key, String(s.work[c.key]));
  for (const c of CRITERIA) {
    const o = s.criteria[c];
    if (o) q.set(c, `${o.score},${o.weight}`);
  }
  return q.toString();
}

/** Settings from a fragment; a value out of its field's range is left out and named. */
function fromFragment(hash: string): { settings: Settings; ignored: string[] } {
  const q = new URLSearchParams(hash.replace(/^#/, ""));
  const out: Settings = { work: {}, criteria: {} };
  const ignored: string[] = [];
  for (const [k, raw] of q) {
    const control = CONTROLS.find((c) => c.key === k);
    if (control) {
      const n = raw.trim() === "" ? NaN : Number(raw);
      if (Number.isFinite(n) && n >= control.lower && n <= control.limit) out.work[control.key] = n;
      else ignored.push(k);
      continue;
    }
    if ((CRITERIA as readonly string[]).includes(k)) {
      const m = /^([1-5]),(\d+(?:\.\d+)?)$/.exec(raw);
      const weight = m ? Number(m[2]) : NaN;
      if (m && weight <= 100) out.criteria[k as Criterion] = { score: Number(m[1]), weight };
      else ignored.push(k);
      continue;
    }
    ignored.push(k);
  }
  return { settings: out, ignored };
}

let written = "";
function writeFragment(): void {
  const f = toFragment(settings);
  written = f;
  const url = `${location.href.split("#")[0]}${f ? `#${f}` : ""}`;
  try {
    history.replaceState(null, "", url);
  } catch {
    location.hash = f;
  }
}

// ---------------------------------------------------------------------------------------------
// DOM helpers

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { text?: string; cls?: string; attrs?: Record<string, string> } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.text !== undefined) e.textContent = props.text;
  if (props.cls) e.className = props.cls;
  for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v);
  for (const c of children) e.appendChild(c);
  return e;
}
const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const LABEL: Record<string, string> = { buy: "Buy", "fine-tune": "Fine-tune", build: "Build", hybrid: "Hybrid" };
const COLOR: Record<OptionId, string> = { buy: "#2563eb", "fine-tune": "#d97706", build: "#7c3aed" };

// ---------------------------------------------------------------------------------------------
// Controls

function sliderValue(c: Control, v: number): string {
  if (!c.log) return String(Math.min(c.max, Math.max(c.min, v)));
  return String(Math.log10(Math.min(c.max, Math.max(c.min, v))));
}

function buildControls(): void {
  const box = byId("workload-controls");
  for (const c of CONTROLS) {
    const range = el("input", { attrs: { type: "range", id: c.id, min: String(c.log ? Math.log10(c.min) : c.min), max: String(c.log ? Math.log10(c.max) : c.max), step: String(c.step), "aria-label": c.label } });
    const field = el("input", { attrs: { type: "number", id: `${c.id}-value`, min: String(c.lower), max: String(c.limit), step: "any", "aria-label": c.label } });
    const set = (v: number) => {
      settings.work[c.key] = v;
      update();
    };
    range.addEventListener("input", () => {
      const x = Number(range.value);
      set(c.log ? sig3(10 ** x) : x);
    });
    field.addEventListener("change", () => {
      const v = field.value.trim() === "" ? NaN : Number(field.value);
      if (!Number.isFinite(v) || v < c.lower || v > c.limit) {
        showError(`${c.label}: expected a number from ${num(c.lower)} to ${num(c.limit)}`);
        return;
      }
      set(v);
    });
    box.appendChild(el("label", {}, el("span", { text: c.label }), field, range));
  }
  byId("reset").addEventListener("click", () => {
    settings = { work: {}, criteria: {} };
    update();
  });
}

function showControls(): void {
  for (const c of CONTROLS) {
    const v = settings.work[c.key] ?? FILE[c.key];
    const range = byId<HTMLInputElement>(c.id);
    const field = byId<HTMLInputElement>(`${c.id}-value`);
    if (document.activeElement !== range) range.value = sliderValue(c, v);
    if (document.activeElement !== field) field.value = String(v);
    range.dataset.value = String(v);
  }
  const priced = data.tokenPrices.find((t) => t.provider === data.workload.buy.provider && t.model === data.workload.buy.model);
  const own = settings.work.pin !== undefined || settings.work.pout !== undefined;
  byId("price-note").textContent = own
    ? "Buy prices: set here (they replace the file's or @pydantic/genai-prices')."
    : priced
      ? `Buy prices: ${priced.prices.provider} ${priced.prices.model} from ${priced.prices.source}${data.pricesAsOf ? ` (as of ${data.pricesAsOf})` : ""}, for the file's request size.`
      : "Buy prices: as set in the workload file.";
}

// ---------------------------------------------------------------------------------------------
// Rendering

function showError(message: string | null): void {
  const e = byId("error");
  e.hidden = message === null;
  e.textContent = message ?? "";
}

function renderDecision(d: Decision, input: DecisionInput): void {
  const rec = byId("recommendation");
  rec.textContent = d.recommendation ? LABEL[d.recommendation]! : "None eligible";
  rec.dataset.option = d.recommendation ?? "";
  byId("recommendation-score").textContent = d.recommendation ? `${d.scores[d.recommendation].toFixed(1)} / 100` : "every option fails a gate";
  const why = byId("rationale");
  why.replaceChildren(...d.rationale.map((r) => el("li", { text: r })));
  byId("sensitivity").textContent = `Sensitivity: ${d.sensitivity.summary}`;
  byId("warnings").replaceChildren(...d.warnings.map((w) => el("li", { text: `${w.level}: ${w.message}`, attrs: { "data-code": w.code } })));

  const body = byId<HTMLTableElement>("matrix").tBodies[0]!;
  for (const row of d.matrix) {
    const tr = body.querySelector<HTMLTableRowElement>(`tr[data-criterion="${row.criterion}"]`)!;
    for (const o of DECISION_OPTIONS) {
      const td = tr.querySelector<HTMLElement>(`td[data-option="${o}"]`)!;
      td.textContent = row.options[o].fit.toFixed(2);
      td.style.background = `rgba(15, 118, 110, ${(row.options[o].fit * 0.35).toFixed(3)})`;
    }
  }
  const total = input.criteria ? CRITERIA.reduce((s, c) => s + input.criteria[c].weight, 0) : 0;
  const foot = byId<HTMLTableElement>("matrix").tFoot!;
  foot.replaceChildren(
    el(
      "tr",
      {},
      el("td", { text: "Score /100" }),
      el("td"),
      el("td", { text: num(total) }),
      ...DECISION_OPTIONS.map((o) => {
        const mark = o === d.recommendation ? " \u2713" : d.eligible[o] ? "" : " \u2717";
        return el("td", {
          text: `${d.scores[o].toFixed(1)}${mark}`,
          cls: o === d.recommendation ? "recommended" : d.eligible[o] ? "" : "ruled-out",
          attrs: { "data-option": o, "data-score": String(d.scores[o]), "data-eligible": String(d.eligible[o]) },
        });
      }),
    ),
  );
}

/** The matrix's sliders at the input's scores and weights (also when the input cannot be scored). */
function showCriteria(input: DecisionInput): void {
  const head = byId<HTMLTableElement>("matrix").tHead!;
  if (head.rows.length === 0) head.appendChild(el("tr", {}, ...["Criterion", "Score", "Weight", ...DECISION_OPTIONS.map((o) => LABEL[o]!)].map((t) => el("th", { text: t }))));
  const body = byId<HTMLTableElement>("matrix").tBodies[0]!;
  if (body.rows.length === 0) for (const c of CRITERIA) body.appendChild(criterionRow(c));
  for (const c of CRITERIA) {
    const { score, weight } = input.criteria[c];
    const tr = body.querySelector<HTMLTableRowElement>(`tr[data-criterion="${c}"]`)!;
    const scoreInput = tr.querySelector<HTMLInputElement>(".score")!;
    const weightInput = tr.querySelector<HTMLInputElement>(".weight")!;
    if (document.activeElement !== scoreInput) scoreInput.value = String(score);
    if (document.activeElement !== weightInput) weightInput.value = String(weight);
    tr.querySelector(".score-value")!.textContent = String(score);
    tr.querySelector(".weight-value")!.textContent = String(weight);
  }
}

function criterionRow(c: Criterion): HTMLTableRowElement {
  const score = el("input", { cls: "score", attrs: { type: "range", id: `score-${c}`, min: "1", max: "5", step: "1", "aria-label": `${CRITERION_LABELS[c].name} score` } });
  const weight = el("input", { cls: "weight", attrs: { type: "range", id: `weight-${c}`, min: "0", max: "100", step: "1", "aria-label": `${CRITERION_LABELS[c].name} weight` } });
  const change = () => {
    settings.criteria[c] = { score: Number(score.value), weight: Number(weight.value) };
    update();
  };
  score.addEventListener("input", change);
  weight.addEventListener("input", change);
  return el(
    "tr",
    { attrs: { "data-criterion": c } },
    el("td", { text: CRITERION_LABELS[c].name, attrs: { title: `5 = ${CRITERION_LABELS[c].five}` } }),
    el("td", {}, score, el("span", { cls: "score-value" })),
    el("td", {}, weight, el("span", { cls: "weight-value" })),
    ...DECISION_OPTIONS.map((o) => el("td", { cls: "fit", attrs: { "data-option": o } })),
  );
}

function renderTco(model: TcoModel, report: TcoReport, d: Decision): void {
  byId("horizon").textContent = String(report.horizonMonths);
  const pick = cheapestEligible(report.options, d.eligible);
  const best = pick.eligible;
  const cheapest = byId("cheapest");
  cheapest.textContent = best ? `${LABEL[best.option]} ${money(best.totalUsd)}` : "No eligible option";
  cheapest.dataset.option = best?.option ?? "";
  byId("cheapest-note").textContent =
    pick.overallRuledOut && pick.overall ? `${LABEL[pick.overall.option]} ${money(pick.overall.totalUsd)} is cheaper overall but ruled out by the decision.` : "Cheapest eligible option (the decision's hard gates).";

  const tbody = byId<HTMLTableElement>("tco-table").tBodies[0]!;
  tbody.replaceChildren(
    ...report.options.map((o) =>
      el(
        "tr",
        { cls: o.option === report.cheapest ? "cheapest" : "", attrs: { "data-option": o.option } },
        el("td", { text: `${LABEL[o.option]}${d.eligible[o.option] === false ? " (ruled out)" : ""}`, cls: d.eligible[o.option] === false ? "ruled-out" : "" }),
        el("td", { text: money(o.totalUsd), cls: "total", attrs: { "data-usd": String(o.totalUsd) } }),
        el("td", { text: o.range.p10 === o.range.p90 ? "-" : `${money(o.range.p10)}-${money(o.range.p90)}`, cls: "range", attrs: { "data-p10": String(o.range.p10), "data-p90": String(o.range.p90) } }),
        el("td", { text: money(o.years[0] ?? 0) }),
        el("td", { text: money(o.years[o.years.length - 1] ?? 0) }),
      ),
    ),
  );

  const rpd = model.point.requestsPerDay;
  const list = byId("crossovers");
  if (report.crossovers.length === 0) {
    list.replaceChildren(el("li", { text: `No crossover between 1 and 10,000,000 requests/day: ${LABEL[report.cheapest]} stays cheapest.` }));
  } else {
    list.replaceChildren(
      ...report.crossovers.map((c) => {
        // As `aitracks tco` says it: a crossover a third option undercuts is true but moot.
        const there = cheapestAt(model, c.aboveRequestsPerDay * 1.01);
        const moot = there !== c.cheaper ? ` (${LABEL[there]} is cheaper than both there)` : "";
        const side = rpd > c.aboveRequestsPerDay ? "above" : "below";
        return el("li", {
          text: `${LABEL[c.cheaper]} is cheaper than ${LABEL[c.than]} above ${num(c.aboveRequestsPerDay)} requests/day${moot}; you are ${side} it.`,
          attrs: { "data-cheaper": c.cheaper, "data-than": c.than, "data-rpd": String(c.aboveRequestsPerDay) },
        });
      }),
    );
  }
  renderChart(report);
  renderVolumeChart(model, report);
}

const SVG = "http://www.w3.org/2000/svg";
function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Cumulative cost by month, one line per option, y from 0. */
function renderChart(report: TcoReport): void {
  const W = 720;
  const H = 320;
  const m = { l: 64, r: 128, t: 12, b: 36 };
  const series = report.options.map((o) => {
    let sum = 0;
    return { option: o.option, points: [0, ...o.monthly.map((x) => (sum += x))] };
  });
  const months = report.horizonMonths;
  const top = Math.max(1, ...series.flatMap((s) => s.points));
  const x = (i: number) => m.l + ((W - m.l - m.r) * i) / months;
  const y = (v: number) => H - m.b - ((H - m.t - m.b) * v) / top;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Cumulative cost over ${months} months`, id: "cumulative-cost" });
  for (let k = 0; k <= 4; k++) {
    const v = (top * k) / 4;
    root.appendChild(svg("line", { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), stroke: "#e2e8f0" }));
    root.appendChild(svg("text", { x: m.l - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 11, fill: "#64748b" }, money(v)));
  }
  for (let i = 0; i <= months; i += months > 24 ? 6 : 3) {
    root.appendChild(svg("text", { x: x(i), y: H - m.b + 16, "text-anchor": "middle", "font-size": 11, fill: "#64748b" }, String(i)));
  }
  root.appendChild(svg("text", { x: (m.l + W - m.r) / 2, y: H - 4, "text-anchor": "middle", "font-size": 11, fill: "#64748b" }, "month"));
  for (const s of series) {
    const d = s.points.map((v, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join("");
    root.appendChild(svg("path", { d, fill: "none", stroke: COLOR[s.option], "stroke-width": 2.5, "data-option": s.option }));
    const last = s.points[s.points.length - 1]!;
    root.appendChild(svg("text", { x: W - m.r + 6, y: y(last) + 4, "font-size": 12, fill: COLOR[s.option] }, `${LABEL[s.option]} ${money(last)}`));
  }
  byId("chart").replaceChildren(root);
}

/** Each option's total against the starting requests/day (log-log), the crossovers and the current volume marked. */
function renderVolumeChart(model: TcoModel, report: TcoReport): void {
  const W = 720;
  const H = 300;
  const m = { l: 64, r: 128, t: 12, b: 36 };
  const [lo, hi] = [1, 1e7];
  const rows = costCurve(model, logSpace(lo, hi, 61));
  const totals = rows.map((r) => r.totalUsd).filter((t) => t > 0);
  const yLo = 10 ** Math.floor(Math.log10(Math.min(...totals)));
  const yHi = 10 ** Math.ceil(Math.log10(Math.max(...totals)));
  const x = (v: number) => m.l + ((W - m.l - m.r) * Math.log10(Math.min(hi, Math.max(lo, v)) / lo)) / Math.log10(hi / lo);
  const y = (v: number) => H - m.b - ((H - m.t - m.b) * Math.log10(Math.max(yLo, v) / yLo)) / Math.log10(yHi / yLo);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Total over ${report.horizonMonths} months by requests per day`, id: "cost-by-volume" });
  for (let e = Math.log10(yLo); e <= Math.log10(yHi); e++) {
    root.appendChild(svg("line", { x1: m.l, x2: W - m.r, y1: y(10 ** e), y2: y(10 ** e), stroke: "#e2e8f0" }));
    root.appendChild(svg("text", { x: m.l - 6, y: y(10 ** e) + 4, "text-anchor": "end", "font-size": 11, fill: "#64748b" }, money(10 ** e)));
  }
  for (let e = 0; e <= 7; e++) {
    root.appendChild(svg("text", { x: x(10 ** e), y: H - m.b + 16, "text-anchor": "middle", "font-size": 11, fill: "#64748b" }, num(10 ** e)));
  }
  root.appendChild(svg("text", { x: (m.l + W - m.r) / 2, y: H - 4, "text-anchor": "middle", "font-size": 11, fill: "#64748b" }, "requests per day at the start"));
  for (const o of model.options) {
    const pts = rows.filter((r) => r.option === o);
    const d = pts.map((r, i) => `${i === 0 ? "M" : "L"}${x(r.requestsPerDay).toFixed(1)},${y(r.totalUsd).toFixed(1)}`).join("");
    root.appendChild(svg("path", { d, fill: "none", stroke: COLOR[o], "stroke-width": 2.5, "data-option": o }));
    const last = pts[pts.length - 1]!;
    root.appendChild(svg("text", { x: W - m.r + 6, y: y(last.totalUsd) + 4, "font-size": 12, fill: COLOR[o] }, LABEL[o]!));
  }
  for (const c of report.crossovers) {
    root.appendChild(svg("line", { x1: x(c.aboveRequestsPerDay), x2: x(c.aboveRequestsPerDay), y1: m.t, y2: H - m.b, stroke: "#64748b", "stroke-dasharray": "4 3", "data-rpd": c.aboveRequestsPerDay }));
  }
  const now = model.point.requestsPerDay;
  root.appendChild(svg("line", { x1: x(now), x2: x(now), y1: m.t, y2: H - m.b, stroke: "#0f172a", "stroke-width": 1.5, id: "current-volume" }));
  root.appendChild(svg("text", { x: x(now) + 4, y: m.t + 12, "font-size": 11, fill: "#0f172a" }, `${num(now)}/day`));
  byId("volume-chart").replaceChildren(root);
}

// ---------------------------------------------------------------------------------------------

let pending = false;
function update(): void {
  writeFragment();
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    compute();
  });
}

/** Run the core functions on the current settings and show the results. */
function compute(): void {
  showControls();
  const input = decisionWith(settings);
  showCriteria(input);
  try {
    // The decision file's own rule (the schema's): a page state no file could hold is not scored.
    if (!hasWeight(input.criteria)) throw new Error(`criteria: ${NO_WEIGHT_ERROR}`);
    const d = decide(input, { today: data.today });
    const model = resolve(workloadWith(settings));
    const report = tcoReport(model, { samples: data.samples, seed: data.seed });
    renderDecision(d, input);
    renderTco(model, report, d);
    showError(null);
    document.body.classList.remove("stale");
    document.body.dataset.state = toFragment(settings);
  } catch (err) {
    // The figures shown are of the last settings that could be computed: greyed out until fixed.
    document.body.classList.add("stale");
    showError(String((err as Error)?.message ?? err));
  }
}

function load(): void {
  const { settings: s, ignored } = fromFragment(location.hash);
  settings = s;
  written = toFragment(settings);
  compute();
  if (ignored.length) showError(`Ignored in the address: ${ignored.join(", ")} (out of range or unknown)`);
}

byId("use-case").textContent = data.decision.useCase ?? data.workload.name ?? "Build, buy or fine-tune";
byId("decision-file").textContent = `decision: ${data.decisionFile}`;
byId("workload-file").textContent = `workload: ${data.workloadFile}${data.workload.name ? ` (${data.workload.name})` : ""}`;
buildControls();
load();
window.addEventListener("hashchange", () => {
  if (location.hash.replace(/^#/, "") !== written) load();
});
