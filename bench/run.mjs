// @ts-nocheck
// Runs the benchmarks in bench/ (files named *.bench.mjs), one after another, each in its own
// process so that cold-start figures stay cold. Each prints its own lines; the figures they report
// through bench/lib/figures.mjs (min / median / max over runs, with the goal) are also collected.
//
//   npm run bench                         every bench, as text
//   node bench/run.mjs goals              only the benches whose file name contains "goals"
//   node bench/run.mjs --json [filter]    one JSON document on stdout: the commit, Node, the time
//                                         and every figure — keep one per commit to see a regression
//   BENCH_RUNS=7 …                        rounds per figure; BENCH_AGAINST=<checkout> pairs runs
//                                         with another built checkout (see goals.bench.mjs)
import { execFileSync, spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  const names = readdirSync(here).filter((f) => f.endsWith(".bench.mjs")).sort();
  console.log(`Usage: node bench/run.mjs [--json] [filter]   (npm run bench builds first, then runs every bench)

Runs each bench/*.bench.mjs whose file name contains <filter> (all without one), one process each,
and prints its figures; with --json, one JSON document on stdout (commit, Node, date, figures).
BENCH_RUNS=<n> sets the rounds per figure; BENCH_AGAINST=<built checkout> pairs runs with it;
BENCH_ONLY=<ids> picks figures in goals.bench.mjs.

Benches: ${names.map((f) => f.replace(".bench.mjs", "")).join(", ")}`);
  process.exit(0);
}
const unknown = args.filter((a) => a.startsWith("-") && a !== "--json");
if (unknown.length) {
  console.error(`bench: unknown option ${unknown[0]} (see --help)`);
  process.exit(2);
}
const json = args.includes("--json");
const only = args.find((a) => !a.startsWith("--"));
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.mjs") && (!only || f.includes(only)))
  .sort();
if (!files.length) {
  console.error(`bench: no bench matches ${JSON.stringify(only)} (see --help)`);
  process.exit(2);
}

const figures = [];
const failed = [];
for (const f of files) {
  if (!json) console.log(`\n== ${f}`);
  else process.stderr.write(`bench: ${f}\n`);
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(here, f)], { stdio: ["ignore", "pipe", "inherit"], cwd: root });
    let pending = "";
    const line = (l) => {
      if (l.startsWith("@@figure ")) figures.push({ bench: f, ...JSON.parse(l.slice(9)) });
      else if (!json) console.log(l);
    };
    child.stdout.on("data", (d) => {
      const lines = (pending + d).split("\n");
      pending = lines.pop();
      lines.forEach(line);
    });
    child.on("exit", (c) => {
      if (pending) line(pending);
      resolve(c);
    });
  });
  if (code !== 0) failed.push(f);
}

if (json) {
  const git = (...a) => {
    try {
      return execFileSync("git", a, { cwd: root, encoding: "utf8" }).trim();
    } catch {
      return null;
    }
  };
  const doc = {
    commit: git("rev-parse", "HEAD"),
    dirty: git("status", "--porcelain", "--untracked-files=no") !== "",
    node: process.version,
    date: new Date().toISOString(),
    runs: process.env.BENCH_RUNS ? Number(process.env.BENCH_RUNS) : undefined,
    against: process.env.BENCH_AGAINST,
    failed,
    figures,
  };
  console.log(JSON.stringify(doc, null, 1));
} else if (figures.some((f) => f.goal)) {
  const goals = figures.filter((f) => f.goal);
  console.log(`\n== goals: ${goals.filter((f) => f.met).length} of ${goals.length} met (by the median)`);
  for (const f of goals) console.log(`${f.met ? "met    " : "NOT met"}  ${f.what}: median ${f.median?.toFixed(0)} ${f.unit}, goal ${f.goal.max !== undefined ? "≤" : "≥"} ${f.goal.max ?? f.goal.min}`);
}
process.exit(failed.length ? 1 : 0);
