#!/usr/bin/env node
// node bench/mutation/score.mjs [--json] [--dir reports/mutation]: the mutation scores of the last
// `npm run mutation` runs, per file, per family (every cost module, every policy) and for the
// files issue 22 names, with their goals. A file measured by several groups counts once, from the
// newest report. Score = (killed + timed out) / (killed + timed out + survived + no coverage), as
// StrykerJS computes it (ignored, compile and runtime errors are not counted). Exit 0 when every
// goal is met, 1 when one is not or a family was not (fully) measured, 2 on unreadable reports.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT } from "../../stryker.config.mjs";
import { FAMILIES as FAMILY_GLOBS, GROUPS } from "./groups.mjs";

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log("usage: node bench/mutation/score.mjs [--json] [--dir <reports folder>]");
  process.exit(0);
}
const dirAt = args.indexOf("--dir");
const dir = dirAt >= 0 ? args[dirAt + 1] : "reports/mutation";
const json = args.includes("--json");

/** The goals of issue 22: each named file, and each family as a whole. */
const FILE_GOAL = 85;
const NAMED = DEFAULT;
const FAMILY_GOAL = 80;
/** A family's files: its groups' globs (`dir/*.ts` or a file) expanded in this checkout. */
const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const expand = (glob) => {
  if (!glob.includes("*")) return [glob];
  const re = new RegExp(`^${basename(glob).replaceAll(".", "\\.").replaceAll("*", "[^/]*")}$`);
  return readdirSync(join(root, dirname(glob)))
    .filter((f) => re.test(f))
    .map((f) => `${dirname(glob)}/${f}`);
};
/** The files of a list of globs, less those of its `!glob` entries (as StrykerJS's mutate reads them). */
const filesOf = (globs) => {
  const out = new Set(globs.filter((g) => !g.startsWith("!")).flatMap(expand));
  for (const g of globs.filter((g) => g.startsWith("!"))) for (const f of expand(g.slice(1))) out.delete(f);
  return out;
};
const FAMILIES = Object.fromEntries(Object.entries(FAMILY_GLOBS).map(([name, globs]) => [name, filesOf(globs)]));

let reports;
try {
  reports = readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".incremental.json"))
    .map((f) => ({ path: join(dir, f), mtime: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => a.mtime - b.mtime);
} catch {
  console.error(`mutation score: no reports in ${dir} (run npm run mutation first)`);
  process.exit(2);
}

const files = new Map(); // file -> { group, counts }
for (const r of reports) {
  let doc;
  try {
    doc = JSON.parse(readFileSync(r.path, "utf8"));
  } catch (e) {
    console.error(`mutation score: ${r.path}: not a StrykerJS JSON report (${e.message.split("\n")[0]})`);
    process.exit(2);
  }
  for (const [name, file] of Object.entries(doc.files ?? {})) {
    const counts = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0, other: 0, survivors: [] };
    for (const m of file.mutants ?? []) {
      if (m.status === "Killed") counts.killed++;
      else if (m.status === "Timeout") counts.timeout++;
      else if (m.status === "Survived") counts.survived++;
      else if (m.status === "NoCoverage") counts.noCoverage++;
      else if (m.status === "Ignored") counts.ignored++;
      else counts.other++;
      if (m.status === "Survived" || m.status === "NoCoverage") counts.survivors.push(`${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.status === "NoCoverage" ? " (no coverage)" : ""}`);
    }
    // StrykerJS names files relative to the project it ran in (any checkout of this repository).
    const key = (isAbsolute(name) ? relative(doc.projectRoot ?? process.cwd(), name) : name).replaceAll("\\", "/");
    files.set(key, { group: r.path, ...counts }); // newest report wins
  }
  // A file of the group with nothing to mutate (re-exports, types only) is not in its report, but
  // the group's run measured it: zero mutants.
  const group = GROUPS[basename(r.path).replace(/(\.nostatic)?\.json$/, "")];
  for (const f of filesOf(group?.mutate ?? [])) {
    if (!files.has(f)) files.set(f, { group: r.path, killed: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0, other: 0, survivors: [] });
  }
}

const detected = (c) => c.killed + c.timeout;
const valid = (c) => detected(c) + c.survived + c.noCoverage;
const score = (c) => (valid(c) === 0 ? null : (100 * detected(c)) / valid(c));
const sum = (list) =>
  list.reduce(
    (a, c) => ({ killed: a.killed + c.killed, timeout: a.timeout + c.timeout, survived: a.survived + c.survived, noCoverage: a.noCoverage + c.noCoverage, ignored: a.ignored + c.ignored }),
    { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 },
  );

const named = NAMED.map((f) => {
  const c = files.get(f);
  return { file: f, score: c ? score(c) : null, goal: FILE_GOAL, measured: Boolean(c) };
});
// A family's score counts only when every one of its files was measured.
const families = Object.entries(FAMILIES).map(([name, all]) => {
  const list = [...files.entries()].filter(([f]) => all.has(f)).map(([, c]) => c);
  const total = sum(list);
  const unmeasured = [...all].filter((f) => !files.has(f)).sort();
  return { family: name, files: all.size, measured: list.length, unmeasured, ...total, score: list.length ? score(total) : null, goal: FAMILY_GOAL };
});
// A run with --ignore-static leaves its static mutants ignored: the family is not fully measured.
const met = named.every((n) => n.score !== null && n.score >= n.goal) && families.every((f) => f.score !== null && f.unmeasured.length === 0 && f.ignored === 0 && f.score >= f.goal);

if (json) {
  const perFile = Object.fromEntries([...files.entries()].sort().map(([f, c]) => [f, { score: score(c), killed: c.killed, timeout: c.timeout, survived: c.survived, noCoverage: c.noCoverage, ignored: c.ignored, survivors: c.survivors }]));
  console.log(JSON.stringify({ named, families, files: perFile, met }, null, 2));
} else {
  const pct = (s) => (s === null ? "not measured" : `${s.toFixed(2)}%`);
  console.log(`${"file".padEnd(66)}       score  goal`);
  for (const n of named) console.log(`${n.file.padEnd(66)}${pct(n.score).padStart(12)}  ≥ ${n.goal}%`);
  for (const f of families) {
    const which = `${f.measured === f.files ? `${f.files} files` : `${f.measured} of ${f.files} files measured`}${f.ignored ? `, ${f.ignored} static not run` : ""}`;
    console.log(`${`all ${f.family} (${which}; ${f.survived} survived, ${f.noCoverage} no coverage)`.padEnd(66)}${pct(f.score).padStart(12)}  ≥ ${f.goal}%`);
  }
  const worst = [...files.entries()].filter(([, c]) => valid(c) > 0).sort((a, b) => score(a[1]) - score(b[1])).slice(0, 10);
  if (worst.length) {
    console.log("\nlowest files:");
    for (const [f, c] of worst) console.log(`  ${pct(score(c)).padStart(8)}  ${f} (${c.survived} survived, ${c.noCoverage} no coverage)`);
  }
  console.log(met ? "\nevery goal met" : "\nnot every goal met (or not measured)");
}
process.exit(met ? 0 : 1);
