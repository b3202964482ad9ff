// @ts-nocheck
// A pipeline's preview, cost and check of the 1,000-resource synthetic program: each command
// running the program itself, against one `preview --json` whose graph `cost --graph` and
// `check --graph` (both engines) then read. Paired rounds (each round runs both ways); wall time
// per command and for the three together, min / median / max. No goal: issue 18 asks for the
// pipeline not to preview three times, and this is what that saves.
//
//   node bench/pipeline.bench.mjs        (build first: npx tsc -b)
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { figure, measure, runs } from "./lib/figures.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ROUNDS = runs(3);
const cli = "packages/cli/bin/aitracks.js";
const synthetic = ["--program", "bench/fixtures/synthetic", "--stack", "bench"];
const tmp = mkdtempSync(join(tmpdir(), "aitracks-pipeline-"));
const graph = join(tmp, "graph.json");

const samples = { preview: [], cost: [], check: [], costGraph: [], checkGraph: [], each: [], once: [] };
const run = async (args, codes = [0]) => {
  const r = await measure([cli, ...args], { cwd: root });
  if (!codes.includes(r.code)) throw new Error(`aitracks ${args.join(" ")}: exit ${r.code}\n${r.stderr.slice(0, 600)}`);
  return r;
};

try {
  for (let i = 0; i < ROUNDS; i++) {
    const preview = await run(["preview", ...synthetic, "--json"]);
    writeFileSync(graph, preview.stdout);
    const cost = await run(["cost", ...synthetic, "--json"]);
    const check = await run(["check", ...synthetic, "--json"], [0, 1]);
    const costGraph = await run(["cost", "--graph", graph, "--json"]);
    const checkGraph = await run(["check", "--graph", graph, "--json"], [0, 1]);
    if (costGraph.stdout !== cost.stdout || checkGraph.stdout !== check.stdout) throw new Error("--graph printed something else than running the program");
    samples.preview.push(preview.wallMs);
    samples.cost.push(cost.wallMs);
    samples.check.push(check.wallMs);
    samples.costGraph.push(costGraph.wallMs);
    samples.checkGraph.push(checkGraph.wallMs);
    samples.each.push(preview.wallMs + cost.wallMs + check.wallMs);
    samples.once.push(preview.wallMs + costGraph.wallMs + checkGraph.wallMs);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

console.log(`node ${process.version}, ${ROUNDS} rounds, 1,000 resources`);
figure({ id: "pipeline.preview", what: "preview --json", unit: "ms", samples: samples.preview });
figure({ id: "pipeline.cost", what: "cost, running the program", unit: "ms", samples: samples.cost });
figure({ id: "pipeline.check", what: "check (both engines), running the program", unit: "ms", samples: samples.check });
figure({ id: "pipeline.cost-graph", what: "cost --graph (the saved graph)", unit: "ms", samples: samples.costGraph });
figure({ id: "pipeline.check-graph", what: "check --graph (both engines, the saved graph)", unit: "ms", samples: samples.checkGraph });
figure({ id: "pipeline.each", what: "preview + cost + check, each running the program", unit: "ms", samples: samples.each });
figure({ id: "pipeline.once", what: "preview once + cost --graph + check --graph", unit: "ms", samples: samples.once });
