// @ts-nocheck
// The speed goals of issue 18, each as min / median / max over paired rounds (every round runs
// every command once, so the load of a shared machine falls on all of them alike), with the goal
// beside it. Wall time is what the goal is about; CPU time (process tree) is printed too because
// it is far less sensitive to other work on the machine.
//
//   node bench/goals.bench.mjs                      this checkout (build first: npx tsc -b)
//   BENCH_RUNS=7 node bench/goals.bench.mjs          more rounds (default 5)
//   BENCH_AGAINST=/path/to/other/checkout node bench/goals.bench.mjs
//       paired before/after: each round runs each command in both checkouts, alternating which
//       goes first, and reports both and the median of the per-round ratios (this / other).
//   BENCH_ONLY=preview-1k,check-1k …                 only these figures (ids below)
//
// The policy-throughput figure (in-process vs analyzer protocol) is in policies.bench.mjs.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { figure, measure, runs } from "./lib/figures.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const against = process.env.BENCH_AGAINST;
const ROUNDS = runs(5);
const synthetic = ["--program", "bench/fixtures/synthetic", "--stack", "bench"];

const MONTE_CARLO = `
const t0 = performance.now();
const core = require("./packages/core/dist/index.js");
const file = core.loadFile(core.workloadFileSchema, "examples/workloads/requests-10k.yaml");
const model = core.resolveTco(file);
const t = performance.now();
core.monteCarlo(model, { samples: 10000, seed: 42 });
console.log(JSON.stringify({ firstMs: performance.now() - t }));`;

/** What is measured: the command (node args, from the checkout's root) and the figures taken from a run. */
const cases = [
  { id: "preview-1k", what: "preview of 1,000 resources", args: ["packages/cli/bin/aitracks.js", "preview", ...synthetic, "--json"], wall: 1200, mem: 300 },
  { id: "check-1k", what: "check (both engines) of 1,000 resources", args: ["packages/cli/bin/aitracks.js", "check", ...synthetic, "--json"], wall: 2000, mem: 450, codes: [0, 1] },
  { id: "check-1k-inprocess", what: "check --engine in-process, 1,000 resources", args: ["packages/cli/bin/aitracks.js", "check", ...synthetic, "--json", "--engine", "in-process"], wall: 1300, codes: [0, 1] },
  { id: "check-buy-aws", what: "check --stack buy-aws", args: ["packages/cli/bin/aitracks.js", "check", "--stack", "buy-aws", "--json"], wall: 1500 },
  { id: "help", what: "--help cold", args: ["packages/cli/bin/aitracks.js", "--help"], wall: 100 },
  { id: "decide", what: "decide cold", args: ["packages/cli/bin/aitracks.js", "decide", "examples/decisions/clear-fine-tune.yaml"], wall: 150 },
  { id: "node", what: "bare node -e 0 (the floor, no goal)", args: ["-e", "0"] },
  { id: "monte-carlo-first", what: "Monte Carlo 10k x 3 x 36, first call in a process", args: ["-e", MONTE_CARLO], inner: "firstMs", wall: 20 },
];

// BENCH_ONLY=preview-1k,help: only these cases.
const only = process.env.BENCH_ONLY?.split(",");
if (only) cases.splice(0, cases.length, ...cases.filter((c) => only.includes(c.id)));
const checkouts = against ? [root, against] : [root];
const samples = new Map(); // `${checkout}|${id}|wall|cpu|mem` -> numbers

for (let round = 0; round < ROUNDS; round++) {
  for (const c of cases) {
    const order = round % 2 ? [...checkouts].reverse() : checkouts;
    for (const dir of order) {
      const r = await measure(c.args, { cwd: dir });
      if (!(c.codes ?? [0]).includes(r.code)) throw new Error(`${c.what} in ${dir}: exit ${r.code}\n${r.stderr.slice(0, 600)}`);
      const push = (k, v) => {
        const key = `${dir}|${c.id}|${k}`;
        if (!samples.has(key)) samples.set(key, []);
        samples.get(key).push(v);
      };
      if (c.inner) push("wall", JSON.parse(r.stdout.trim().split("\n").pop())[c.inner]);
      else {
        push("wall", r.wallMs);
        push("cpu", r.cpuMs);
        push("mem", r.peakMiB);
      }
    }
  }
}

const get = (dir, id, k) => samples.get(`${dir}|${id}|${k}`) ?? [];
console.log(`node ${process.version}, ${ROUNDS} rounds${against ? `, paired against ${against}` : ""}`);
for (const c of cases) {
  for (const dir of checkouts) {
    const tag = dir === root ? "" : "@against";
    const label = dir === root ? c.what : `  ${c.what} (against)`;
    figure({ id: `${c.id}${tag}`, what: c.inner ? label : `${label}: wall`, unit: "ms", samples: get(dir, c.id, "wall"), goal: c.wall ? { max: c.wall } : undefined });
    if (c.inner) continue;
    figure({ id: `${c.id}${tag}.cpu`, what: `${label}: CPU (process tree)`, unit: "ms", samples: get(dir, c.id, "cpu") });
    figure({ id: `${c.id}${tag}.mem`, what: `${label}: peak RSS (process tree)`, unit: "MiB", samples: get(dir, c.id, "mem"), goal: c.mem ? { max: c.mem } : undefined });
  }
  if (against) {
    const a = get(root, c.id, "wall");
    const b = get(against, c.id, "wall");
    figure({ id: `${c.id}.ratio`, what: `  ${c.what}: wall this / against, per round`, unit: "x", samples: a.map((x, i) => x / b[i]) });
  }
}
