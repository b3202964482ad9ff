// @ts-nocheck
// Policy pack throughput: the whole pack over a 10,000-resource graph, in-process and over the
// analyzer protocol (a real run-policy-pack process). The graph is the example stacks and the
// insecure example, copied with renamed URNs until it has 10,000 resources, so stack policies see
// many buckets, tracks and grants. Resources per second for both, min / median / max over
// BENCH_RUNS paired rounds (default 3); goals: in-process ≥ 9,350/s (issue 17), ≥ 20× the analyzer (issue 18). Build first (npm run bench does).
//   node bench/policies.bench.mjs [resources]
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { figure, runs } from "./lib/figures.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { previewProgram, evaluateInProcess, AnalyzerSession } = require(join(root, "packages/preview/dist/index.js"));
const TARGET = Number(process.argv[2] ?? 10_000);
const ROUNDS = runs(3);

const sources = [
  { programDir: root, stack: "buy-aws" },
  { programDir: root, stack: "build-gcp" },
  { programDir: root, stack: "serving-azure" },
  { programDir: root, stack: "fine-tune-aws" },
  { programDir: join(root, "examples/insecure"), stack: "insecure" },
];
const graphs = [];
for (const s of sources) graphs.push(await previewProgram(s));

// One graph: the stack resource and providers once, every other resource copied with a suffix.
const base = graphs[0];
const shared = new Map();
for (const g of graphs) for (const r of g.resources) if (r.type === "pulumi:pulumi:Stack" || r.type.startsWith("pulumi:providers:")) shared.set(r.urn, r);
const copyable = graphs.flatMap((g) => g.resources.filter((r) => !shared.has(r.urn)));
const resources = [...shared.values()];
const suffix = (urn, i) => (urn && !shared.has(urn) ? `${urn}-${i}` : urn);
for (let i = 0; resources.length < TARGET; i++) {
  for (const r of copyable) {
    if (resources.length >= TARGET) break;
    resources.push({
      ...r,
      urn: suffix(r.urn, i),
      name: `${r.name}-${i}`,
      parent: suffix(r.parent, i),
      dependencies: r.dependencies.map((d) => suffix(d, i)),
      propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map((d) => suffix(d, i))])),
    });
  }
}
const graph = { ...base, stack: "bench", resources };
const analysed = resources.filter((r) => r.type !== "pulumi:pulumi:Stack").length;
console.log(`graph: ${resources.length} resources (${analysed} analysed) from ${sources.map((s) => s.stack).join(", ")}`);

// Paired rounds: each round times one full in-process evaluation and one over the analyzer
// protocol (the pack process started once, apart), so the ratio is taken under the same load.
await evaluateInProcess({ ...graph, resources: resources.slice(0, 50) }); // load the pack
let t = performance.now();
const session = await AnalyzerSession.start();
const startup = performance.now() - t;
const rates = { inProcess: [], analyzer: [], ratio: [] };
let report;
try {
  for (let i = 0; i < ROUNDS; i++) {
    t = performance.now();
    report = await evaluateInProcess(graph);
    const a = analysed / ((performance.now() - t) / 1000);
    t = performance.now();
    const over = await session.evaluate(graph);
    const b = analysed / ((performance.now() - t) / 1000);
    rates.inProcess.push(a);
    rates.analyzer.push(b);
    rates.ratio.push(a / b);
    if (JSON.stringify(over.violations) !== JSON.stringify(report.violations)) {
      console.log(`round ${i + 1}: the engines give DIFFERENT verdicts (${report.violations.length} in-process, ${over.violations.length} analyzer)`);
      process.exitCode = 1;
    }
  }
} finally {
  await session.close();
}
console.log(`${report.violations.length} violations; pack process start-up ${(startup / 1000).toFixed(2)} s`);
figure({ id: "policy-rate-inprocess", what: "policy evaluation in-process", unit: "resources/s", samples: rates.inProcess, goal: { min: 9350 } });
figure({ id: "policy-rate-analyzer", what: "policy evaluation over the analyzer protocol", unit: "resources/s", samples: rates.analyzer });
figure({ id: "policy-rate-ratio", what: "in-process / analyzer, same graph, per round", unit: "x", samples: rates.ratio, goal: { min: 20 } });
