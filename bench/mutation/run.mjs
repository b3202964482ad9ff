#!/usr/bin/env node
// @ts-nocheck
// npm run mutation [-- [--ignore-static] <group> ...]: StrykerJS over the gates that guard pipelines, one group at a
// time, each with only the tests that judge it (a mutant is switched on inside the test process,
// so tests that spawn the CLI or an analyzer could not kill it and only cost time). Incremental:
// reports/mutation/<group>.incremental.json keeps results, so a re-run tests only changed code.
// Scores: reports/mutation/<group>.json; equivalent survivors: bench/mutation/EQUIVALENT.md.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { ALIASES, GROUPS } from "./groups.mjs";

const args = process.argv.slice(2);
const ignoreStatic = args.includes("--ignore-static");
const asked = args.filter((a) => a !== "--ignore-static").flatMap((g) => ALIASES[g] ?? [g]);
const unknown = asked.filter((g) => !(g in GROUPS));
if (unknown.length) {
  console.error(`mutation: unknown group ${unknown.join(", ")} (groups: ${[...Object.keys(GROUPS), ...Object.keys(ALIASES)].join(", ")})`);
  process.exit(2);
}
let failed = false;
// A group's mutant ids start at 0, as the last group's did: compiled output still instrumented by
// an earlier run would switch its mutant on alongside this one's and kill mutants that are not.
if (instrumentedOutput().length) rebuildClean();
for (const name of asked.length ? asked : Object.keys(GROUPS)) {
  const g = GROUPS[name];
  console.log(`== mutation: ${name} (${g.mutate.join(", ")})`);
  // bench/mutation/cache: the incremental results of the last full runs, committed, so a fresh
  // clone re-tests only the mutants whose code or covering tests changed since.
  const file = `${name}${ignoreStatic ? ".nostatic" : ""}`;
  const cached = `bench/mutation/cache/${file}.incremental.json`;
  const local = `reports/mutation/${file}.incremental.json`;
  if (!existsSync(local) && existsSync(cached)) {
    mkdirSync("reports/mutation", { recursive: true });
    copyFileSync(cached, local);
  }
  if (existsSync(local)) retestStaticSurvivors(local);
  const r = spawnSync("npx", ["stryker", "run"], {
    stdio: "inherit",
    env: {
      ...process.env,
      MUTATION_GROUP: name,
      MUTATE: g.mutate.join(","),
      MUTATION_TESTS: g.tests.join(","),
      AITRACKS_MUTATION: "1",
      ...(ignoreStatic ? { MUTATION_IGNORE_STATIC: "1" } : {}),
      ...(g.build ? { MUTATION_BUILD: g.build.join(" ") } : {}),
      ...(g.nocheck ? { MUTATION_NOCHECK: g.nocheck } : {}),
    },
  });
  failed ||= r.status !== 0;
  // Stryker compiled the instrumented sources in place: build the clean ones again, before the
  // next group (whose build may not cover this group's project) and at the end.
  if (!rebuildClean()) process.exit(1);
}
process.exit(failed ? 1 : 0);

/** Compiled files that still hold StrykerJS's instrumentation. */
function instrumentedOutput() {
  const dirs = [...readdirSync("packages").map((p) => `packages/${p}/dist`), "policies/bin"].filter((d) => existsSync(d));
  const r = spawnSync("grep", ["-rl", "--include=*.js", "stryMutAct_", ...dirs], { encoding: "utf8" });
  return r.stdout.split("\n").filter(Boolean);
}

/**
 * `tsc -b --force`: StrykerJS restores the sources with their old modification times, older than
 * the instrumented build's output, so a plain `tsc -b` finds every project up to date and keeps
 * the instrumented JavaScript. Checked afterwards.
 */
function rebuildClean() {
  const build = spawnSync("npx", ["tsc", "-b", "--force"], { stdio: "inherit" });
  const left = instrumentedOutput();
  if (build.status !== 0 || left.length) {
    console.error(`mutation: the clean rebuild failed${left.length ? `; still instrumented: ${left.slice(0, 3).join(", ")}` : ""}`);
    return false;
  }
  return true;
}

/**
 * StrykerJS reuses a survivor when none of the tests that cover it changed, and a static mutant
 * (module-level code, judged by every test) records no covering tests: a test added since would
 * never be tried on it. Dropping static survivors from the incremental file has them tested again
 * (cost-azure: 32 static survivors kept from before the tests that kill them).
 */
function retestStaticSurvivors(file) {
  const doc = JSON.parse(readFileSync(file, "utf8"));
  let dropped = 0;
  for (const f of Object.values(doc.files ?? {})) {
    const keep = (f.mutants ?? []).filter((m) => !(m.static && (m.status === "Survived" || m.status === "NoCoverage")));
    dropped += (f.mutants ?? []).length - keep.length;
    f.mutants = keep;
  }
  if (dropped) {
    writeFileSync(file, JSON.stringify(doc));
    console.log(`   ${dropped} static survivor${dropped === 1 ? "" : "s"} to test again`);
  }
}
