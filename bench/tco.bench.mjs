// @ts-nocheck
// TCO model speed: one projection, Monte Carlo (10,000 samples x 3 options x 36 months),
// the crossover solver and a whole report, on examples/workloads/requests-10k.yaml.
// Reads the built core (npx tsc -b first). Prints figures; no assertions.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const core = require(join(root, "packages/core/dist/index.js"));

const file = core.loadFile(core.workloadFileSchema, join(root, "examples/workloads/requests-10k.yaml"));
const model = core.resolveTco(file);

/** Median wall time (ms) of `runs` calls after `warmup` calls. */
function median(fn, runs, warmup = Math.min(runs, 50)) {
  for (let i = 0; i < warmup; i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(1)} ms`);
const p = { ...model.point };
const rows = [
  ["resolve (prices, catalog, defaults)", median(() => core.resolveTco(file), 200), "-"],
  ["one projection, one option, 36 months (MC inner loop)", median(() => core.projectOption(p, "fine-tune", 36, null), 20_000), "well under 1 ms"],
  ["one projection, 3 options with monthly breakdown", median(() => core.projectAll(model), 5_000), "well under 1 ms"],
  ["Monte Carlo 10,000 samples x 3 options x 36 months", median(() => core.monteCarlo(model, { samples: 10_000, seed: 42 }), 15, 3), "< 100 ms"],
  ["crossovers (200 points + bisection, 3 pairs)", median(() => core.crossovers(model), 30, 5), "-"],
  ["whole report (2,000 samples, the CLI default)", median(() => core.tcoReport(model), 20, 3), "-"],
];
console.log(`uncertain inputs: ${model.uncertain.length}; Node ${process.version}`);
for (const [what, ms, target] of rows) console.log(`${what.padEnd(56)} ${fmt(ms).padStart(9)}   target ${target}`);
