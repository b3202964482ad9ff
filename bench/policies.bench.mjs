// @ts-nocheck
// Policy pack throughput: the whole pack over a 10,000-resource graph, in-process and over the
// analyzer protocol (a real run-policy-pack process). The graph is the example stacks and the
// insecure example, copied with renamed URNs until it has 10,000 resources, so stack policies see
// many buckets, tracks and grants. Prints resources per second for both. Build first (npm run bench does).
//   node bench/policies.bench.mjs [resources]
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { previewProgram, evaluateInProcess, AnalyzerSession } = require(join(root, "packages/preview/dist/index.js"));
const TARGET = Number(process.argv[2] ?? 10_000);

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

// In-process: load the pack once, then time a full evaluation (best of 3).
await evaluateInProcess({ ...graph, resources: resources.slice(0, 50) });
let best = Infinity;
let report;
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  report = await evaluateInProcess(graph);
  best = Math.min(best, performance.now() - t);
}
console.log(`in-process: ${(best / 1000).toFixed(2)} s, ${Math.round(analysed / (best / 1000)).toLocaleString("en-US")} resources/s (${report.violations.length} violations)`);

// Analyzer protocol: start the pack process (timed apart), then time one evaluation.
let t = performance.now();
const session = await AnalyzerSession.start();
const startup = performance.now() - t;
try {
  t = performance.now();
  const over = await session.evaluate(graph);
  const took = performance.now() - t;
  const agree = JSON.stringify(over.violations) === JSON.stringify(report.violations);
  console.log(`analyzer:   ${(took / 1000).toFixed(2)} s, ${Math.round(analysed / (took / 1000)).toLocaleString("en-US")} resources/s (${over.violations.length} violations, ${agree ? "same verdicts" : "DIFFERENT verdicts"}); pack start-up ${(startup / 1000).toFixed(2)} s`);
  if (!agree) process.exitCode = 1;
} finally {
  await session.close();
}
