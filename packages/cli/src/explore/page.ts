import { jsonForScript } from "../format";
import type { ExploreData } from "./data";

/**
 * The explore page: markup and style with no text from the input files (the script fills names
 * and rationale in with textContent), the data as JSON in a <script type="application/json">
 * (every `<` escaped), then the bundled script. Nothing loads from the network.
 */
export function explorePage(data: ExploreData, script: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>aitracks explore</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <p class="kicker">aitracks explore</p>
  <h1 id="use-case"></h1>
  <p class="files"><span id="decision-file"></span> &middot; <span id="workload-file"></span></p>
</header>
<p id="error" role="alert" hidden></p>
<section class="top">
  <div class="card">
    <p class="label">Recommendation</p>
    <p id="recommendation"></p>
    <p id="recommendation-score"></p>
    <ul id="rationale"></ul>
    <p class="note" id="sensitivity"></p>
    <ul id="warnings" class="note"></ul>
  </div>
  <div class="card">
    <p class="label">Cheapest over <span id="horizon"></span> months</p>
    <p id="cheapest"></p>
    <p id="cheapest-note"></p>
    <ul id="crossovers"></ul>
  </div>
</section>
<section class="grid">
  <div class="card">
    <h2>Workload</h2>
    <div id="workload-controls" class="controls"></div>
    <p class="note" id="price-note"></p>
    <button id="reset" type="button">Reset to the files</button>
  </div>
  <div class="card wide">
    <h2>Cumulative cost</h2>
    <div id="chart"></div>
    <table id="tco-table"><thead><tr><th>Option</th><th>Total</th><th>P10&ndash;P90</th><th>Year 1</th><th>Last year</th></tr></thead><tbody></tbody></table>
  </div>
</section>
<section class="card">
  <h2>Total over the horizon by requests per day</h2>
  <div id="volume-chart"></div>
  <p class="note">Log scales. Dashed: the crossovers; solid: your volume. Other inputs as set above.</p>
</section>
<section class="card">
  <h2>Decision matrix</h2>
  <table id="matrix"><thead></thead><tbody></tbody><tfoot></tfoot></table>
  <p class="note">Cells are fits (1 = the score is the option's ideal). Score = weighted mean fit &times; 100. &#10003; recommended, &#10007; ruled out by a hard gate.</p>
</section>
<footer><p class="note">Computed in this page by the code of <code>aitracks decide</code> and <code>aitracks tco</code> (bundled from @aitracks/core). The settings are in the address (after #): copy it to share them.</p></footer>
<script type="application/json" id="explore-data">${jsonForScript(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}

const STYLE = `
:root { --buy: #2563eb; --fine-tune: #d97706; --build: #7c3aed; --hybrid: #0f766e; font-family: system-ui, sans-serif; color: #1f2937; }
body { max-width: 1200px; margin: 0 auto; padding: 16px 24px; background: #f8fafc; }
h1 { margin: 0 0 4px; font-size: 26px; } h2 { margin: 0 0 12px; font-size: 17px; }
.kicker, .label { margin: 0; text-transform: uppercase; letter-spacing: .06em; font-size: 12px; color: #64748b; }
.files, .note { color: #64748b; font-size: 13px; }
.card { background: #fff; border: 1px solid #e2e8f0; border-radius: 8px; padding: 16px; margin-bottom: 16px; }
.top { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.grid { display: grid; grid-template-columns: minmax(280px, 1fr) 2fr; gap: 16px; }
#recommendation, #cheapest { font-size: 40px; font-weight: 700; margin: 4px 0; }
#rationale, #crossovers { font-size: 14px; padding-left: 18px; }
body.stale .top, body.stale #chart, body.stale #tco-table, body.stale #volume-chart, body.stale #matrix tfoot { opacity: .35; }
#error { background: #fee2e2; color: #991b1b; padding: 8px 12px; border-radius: 6px; }
.controls label { display: grid; grid-template-columns: 1fr 110px; gap: 2px 8px; font-size: 13px; margin-bottom: 10px; }
.controls input[type=range] { grid-column: 1 / 3; width: 100%; }
.controls input[type=number] { width: 100px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin-top: 8px; }
th, td { padding: 4px 8px; border-bottom: 1px solid #e2e8f0; text-align: right; }
th:first-child, td:first-child { text-align: left; }
#matrix input[type=range] { width: 90px; vertical-align: middle; }
#matrix td.fit { font-variant-numeric: tabular-nums; }
tr.cheapest td:first-child, td.recommended { font-weight: 700; }
td.ruled-out { color: #94a3b8; text-decoration: line-through; }
#chart svg, #volume-chart svg { width: 100%; height: auto; display: block; }
#volume-chart svg { max-width: 860px; }
@media (max-width: 800px) { .top, .grid { grid-template-columns: 1fr; } }
`;
