// @ts-nocheck
// Scale (issue 14): preview of the synthetic program (bench/fixtures/synthetic) at 1,000 and 10,000
// resources — wall time and peak memory summed over the process tree (the CLI and the child the
// program runs in) — and the per-resource figures between the two sizes; then `cost` and `check`
// of the 10,000-resource program, which must stay within 2 GiB.
//
//   node bench/scale.bench.mjs                 1 round (10,000 resources take minutes on a loaded machine)
//   BENCH_RUNS=3 node bench/scale.bench.mjs    more rounds, interleaved
//   BENCH_SCALE=1000,5000 …                    other sizes (the first two give the per-resource figures)
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { figure, measure, runs } from "./lib/figures.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ROUNDS = runs(1);
const sizes = (process.env.BENCH_SCALE ?? "1000,10000").split(",").map(Number);
const GiB2 = 2048;
const tmp = mkdtempSync(join(tmpdir(), "aitracks-scale-"));
const configOf = (n) => {
  const file = join(tmp, `Pulumi.bench-${n}.yaml`);
  writeFileSync(file, `config:\n  synthetic:resources: ${n}\n  aws:region: us-east-1\n`);
  return file;
};
const target = (n) => ["--program", "bench/fixtures/synthetic", "--stack", "bench", "--config", configOf(n), "--timeout", "3600"];
const cli = "packages/cli/bin/aitracks.js";
const largest = sizes[sizes.length - 1];

const cases = [
  ...sizes.map((n) => ({ id: `preview-${n}`, n, what: `preview of ${n.toLocaleString("en-US")} resources`, args: [cli, "preview", ...target(n), "--json"] })),
  { id: `cost-${largest}`, what: `cost of ${largest.toLocaleString("en-US")} resources`, args: [cli, "cost", ...target(largest), "--json"], mem: GiB2, codes: [0, 1] },
  { id: `check-${largest}`, what: `check (both engines) of ${largest.toLocaleString("en-US")} resources`, args: [cli, "check", ...target(largest), "--json"], mem: GiB2, codes: [0, 1] },
];
if (process.env.BENCH_ONLY) cases.splice(0, cases.length, ...cases.filter((c) => process.env.BENCH_ONLY.split(",").includes(c.id)));

const samples = new Map();
const push = (k, v) => (samples.get(k) ?? samples.set(k, []).get(k)).push(v);
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) {
      const r = await measure(c.args, { cwd: root });
      if (!(c.codes ?? [0]).includes(r.code)) throw new Error(`${c.what}: exit ${r.code}\n${r.stderr.slice(0, 600)}`);
      push(`${c.id}.wall`, r.wallMs);
      push(`${c.id}.cpu`, r.cpuMs);
      push(`${c.id}.mem`, r.peakMiB);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

for (const c of cases) {
  figure({ id: `${c.id}.wall`, what: `${c.what}: wall`, unit: "ms", samples: samples.get(`${c.id}.wall`) });
  figure({ id: `${c.id}.cpu`, what: `${c.what}: CPU (process tree)`, unit: "ms", samples: samples.get(`${c.id}.cpu`) });
  figure({ id: `${c.id}.mem`, what: `${c.what}: peak RSS (process tree)`, unit: "MiB", samples: samples.get(`${c.id}.mem`), goal: { max: c.mem ?? GiB2 } });
}
// Per resource: the difference between the two sizes over the difference in resources, per round.
const [a, b] = sizes;
if (b && samples.has(`preview-${a}.mem`) && samples.has(`preview-${b}.mem`)) {
  const per = (k, scale) => samples.get(`preview-${b}.${k}`).map((x, i) => ((x - samples.get(`preview-${a}.${k}`)[i]) * scale) / (b - a));
  figure({ id: "preview.per-resource.mem", what: `preview, memory per resource (${a} → ${b})`, unit: "KiB", samples: per("mem", 1024) });
  figure({ id: "preview.per-resource.wall", what: `preview, wall per 1,000 resources (${a} → ${b})`, unit: "ms", samples: per("wall", 1000) });
  figure({ id: "preview.per-resource.cpu", what: `preview, CPU per 1,000 resources (${a} → ${b})`, unit: "ms", samples: per("cpu", 1000) });
}
