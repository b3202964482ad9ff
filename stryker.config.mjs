// Mutation testing (`npm run mutation`): StrykerJS with the vitest runner, over the gates that guard
// pipelines — the decision, TCO, cost diff, cost modules and policies. Not part of `npm test` (it
// takes tens of minutes); a scheduled workflow runs it (.github/workflows/aitracks-mutation.yml).
// Run it through `npm run mutation` (bench/mutation/run.mjs), which runs one group of files at a
// time with the tests that judge them (MUTATE, MUTATION_TESTS, MUTATION_GROUP, MUTATION_BUILD).
//
// Most tests import the packages' compiled output (dist/, bin/), so Stryker instruments the
// sources in place and `buildCommand` compiles the instrumented sources once; each mutant is then
// switched on inside the test process. `npm run mutation` rebuilds the clean sources afterwards.
// Equivalent (unkillable) survivors are listed in bench/mutation/EQUIVALENT.md.
// The seven files issue 22 names (each >= 85%); bench/mutation/score.mjs reads this list too.
export const DEFAULT = [
  "packages/core/src/decision/decide.ts",
  "packages/core/src/decision/gates.ts",
  "packages/core/src/decision/ninety.ts",
  "packages/core/src/tco/crossover.ts",
  "packages/core/src/cost/diff.ts",
  "packages/core/src/cost/resources/aws/endpoint-configuration.ts",
  "policies/guardrails/aws/s3.ts",
];
const given = (process.env.MUTATE ?? "").split(",").filter(Boolean);
const mutate = given.length ? given : DEFAULT;
// MUTATION_IGNORE_STATIC=1 (`npm run mutation -- --ignore-static …`): StrykerJS skips static
// mutants (module-level code: each runs every test of the group, the bulk of a policies group's
// time) and counts them as ignored; results go to <group>.nostatic.* so the full run's stay apart.
const ignoreStatic = process.env.MUTATION_IGNORE_STATIC === "1";
const group = `${process.env.MUTATION_GROUP ?? "all"}${ignoreStatic ? ".nostatic" : ""}`;
const files = [...new Set(mutate.map((m) => m.replace(/:\d+(:\d+)?-\d+(:\d+)?$/, "")))];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.mts", related: false },
  inPlace: true,
  // Only for groups whose tests import the compiled packages (the decision and TCO tests import the
  // sources). MUTATION_BUILD: "0" for none, else the projects to build (default: all of them).
  ...(process.env.MUTATION_BUILD === "0" ? {} : { buildCommand: `npx tsc -b ${process.env.MUTATION_BUILD ?? ""}`.trim() }),
  checkers: [],
  mutate,
  // Type checks are switched off (// @ts-nocheck) in the mutated files only: the rest of the tree,
  // tests included, stays untouched while a run is in progress.
  // (A file given with a line range, `file.ts:10-20`, is still the whole file here.)
  // MUTATION_NOCHECK widens it to a family's files (bench/mutation/run.mjs).
  disableTypeChecks: process.env.MUTATION_NOCHECK ?? (files.length === 1 ? files[0] : `{${files.join(",")}}`),
  coverageAnalysis: "perTest",
  ignoreStatic,
  incremental: true,
  incrementalFile: `reports/mutation/${group}.incremental.json`,
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: `reports/mutation/${group}.json` },
  htmlReporter: { fileName: `reports/mutation/${group}.html` },
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 30_000,
  thresholds: { high: 85, low: 80, break: null },
  tempDirName: "reports/mutation/.stryker-tmp",
  cleanTempDir: "always",
};
