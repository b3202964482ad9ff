// @ts-nocheck
// Mutation testing (`npm run mutation`): StrykerJS with the vitest runner, over the gates that guard
// pipelines — the decision, TCO, cost diff, cost modules and policies. Not part of `npm test` (it
// takes tens of minutes); a scheduled workflow runs it (.github/workflows/aitracks-mutation.yml).
// Run it through `npm run mutation` (bench/mutation/run.mjs), which runs one group of files at a
// time with the tests that judge them.
//
// The tests import the packages' compiled output (dist/, bin/), so Stryker instruments the sources
// in place and `buildCommand` compiles the instrumented sources once; each mutant is then switched
// on inside the test process. `npm run mutation` rebuilds the clean sources afterwards.
// Equivalent (unkillable) survivors are listed in bench/mutation/EQUIVALENT.md.
const files = (process.env.MUTATE ?? "").split(",").filter(Boolean);
const group = process.env.MUTATION_GROUP ?? "all";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.mts", related: false },
  inPlace: true,
  buildCommand: "npx tsc -b",
  checkers: [],
  mutate: files.length
    ? files
    : [
        "packages/core/src/decision/decide.ts",
        "packages/core/src/decision/gates.ts",
        "packages/core/src/decision/ninety.ts",
        "packages/core/src/tco/crossover.ts",
        "packages/core/src/cost/diff.ts",
        "packages/core/src/cost/resources/aws/endpoint-configuration.ts",
        "policies/guardrails/aws/s3.ts",
      ],
  coverageAnalysis: "perTest",
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
