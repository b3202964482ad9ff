#!/usr/bin/env node
// @ts-nocheck
// npm run mutation [-- <group> ...]: StrykerJS over the gates that guard pipelines, one group at a
// time, each with only the tests that judge it (a mutant is switched on inside the test process,
// so tests that spawn the CLI or an analyzer could not kill it and only cost time). Incremental:
// reports/mutation/<group>.incremental.json keeps results, so a re-run tests only changed code.
// Scores: reports/mutation/<group>.json; equivalent survivors: bench/mutation/EQUIVALENT.md.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";

const COST_TESTS = [
  "test/cost/aws-modules.test.ts",
  "test/cost/azure-modules.test.ts",
  "test/cost/gcp-modules.test.ts",
  "test/cost/common-modules.test.ts",
  "test/cost/diff-gates.test.ts",
  "test/cost/estimate.test.ts",
  "test/cost/fleet.test.ts",
  "test/cost/not-counted.test.ts",
  "test/cost/tokens-workload.test.ts",
  "test/cost/sixth-track.test.ts",
  "test/cost/aws-modules-more.test.ts",
  "test/cost/azure-modules-more.test.ts",
  "test/cost/gcp-modules-more.test.ts",
  "test/cost/core-more.test.ts",
  "test/cost/markdown-render.test.ts",
];
const POLICY_TESTS = [
  "test/policies/aws.test.ts",
  "test/policies/aws-s3-forms.test.ts",
  "test/policies/aws-iam-agentcore-forms.test.ts",
  "test/policies/azure.test.ts",
  "test/policies/azure-forms.test.ts",
  "test/policies/gcp.test.ts",
  "test/policies/gcp-serverless-forms.test.ts",
  "test/policies/gcp-tpu-disks.test.ts",
  "test/policies/governance.test.ts",
  "test/policies/engine-shim.test.ts",
  "test/policies/type-filter.test.ts",
  "test/policies/metadata.test.ts",
  "test/policies/readme.test.ts",
  "test/cost/policies.test.ts",
  "test/policies/aws-bedrock-sagemaker-forms.test.ts",
  "test/policies/governance-forms.test.ts",
  "test/policies/lib-and-cost-forms.test.ts",
];

/** The groups `<name>-<part>` of one family, all judged by the same tests; `<name>` runs them all. */
// `nocheck`: the family's files, all of them with type checks off while any part is mutated; an
// instrumented module's loosened types would otherwise fail the build of the unmutated files that
// import it (cost/registry.ts imports every cost module).
function family(name, tests, build, parts) {
  ALIASES[name] = Object.keys(parts).map((p) => `${name}-${p}`);
  const nocheck = `{${Object.values(parts).flat().join(",")}}`;
  return Object.fromEntries(Object.entries(parts).map(([p, mutate]) => [`${name}-${p}`, { mutate, tests, build, nocheck }]));
}

export const ALIASES = {};
export const GROUPS = {
  decision: {
    mutate: ["packages/core/src/decision/decide.ts", "packages/core/src/decision/gates.ts", "packages/core/src/decision/ninety.ts"],
    tests: ["test/core/decision.test.ts", "test/core/decision-warnings.test.ts"],
  },
  tco: { mutate: ["packages/core/src/tco/crossover.ts"], tests: ["test/core/tco-analysis.test.ts", "test/core/tco.test.ts"] },
  diff: { mutate: ["packages/core/src/cost/diff.ts"], tests: ["test/cost/diff-gates.test.ts"] },
  "cost-modules": { mutate: ["packages/core/src/cost/resources/aws/endpoint-configuration.ts"], tests: ["test/cost/aws-modules.test.ts"] },
  "policies-s3": { mutate: ["policies/guardrails/aws/s3.ts"], tests: ["test/policies/aws-s3-forms.test.ts", "test/policies/aws.test.ts", "test/policies/metadata.test.ts", "test/policies/readme.test.ts"] },
  // The score over every cost module and every policy (issue 22: >= 80%). Thousands of mutants
  // (cost: 5,502 in 92 files; policies: 4,765), hours on 2 cores, so each family runs as a few
  // groups that finish on their own and keep their own incremental file; `cost` and `policies`
  // name the whole family (ALIASES), and `node bench/mutation/score.mjs` adds the groups up.
  // `build` is the one project the mutated files are in: instrumented sources loosen the types
  // other packages see (the CLI would not type-check), and the tests load only these packages'
  // output. Not test/cost/stacks.test.ts nor test/policies/stacks.test.ts: most of them preview
  // stacks with a dynamic provider, which needs the inspector that StrykerJS's worker threads
  // lack (test/helpers/inspector.ts).
  ...family("cost", COST_TESTS, ["packages/core"], {
    aws: ["packages/core/src/cost/resources/aws/*.ts"],
    azure: ["packages/core/src/cost/resources/azure/*.ts"],
    gcp: ["packages/core/src/cost/resources/gcp/*.ts"],
    core: ["packages/core/src/cost/*.ts"],
  }),
  ...family("policies", POLICY_TESTS, ["policies"], {
    aws: ["policies/guardrails/aws/*.ts"],
    azure: ["policies/guardrails/azure/*.ts"],
    gcp: ["policies/guardrails/gcp/*.ts"],
    rest: ["policies/index.ts", "policies/guardrails/governance/*.ts", "policies/cost/*.ts", "policies/lib/*.ts"],
  }),
};

const asked = process.argv.slice(2).flatMap((g) => ALIASES[g] ?? [g]);
const unknown = asked.filter((g) => !(g in GROUPS));
if (unknown.length) {
  console.error(`mutation: unknown group ${unknown.join(", ")} (groups: ${[...Object.keys(GROUPS), ...Object.keys(ALIASES)].join(", ")})`);
  process.exit(2);
}
let failed = false;
for (const name of asked.length ? asked : Object.keys(GROUPS)) {
  const g = GROUPS[name];
  console.log(`== mutation: ${name} (${g.mutate.join(", ")})`);
  // bench/mutation/cache: the incremental results of the last full runs, committed, so a fresh
  // clone re-tests only the mutants whose code or covering tests changed since.
  const cached = `bench/mutation/cache/${name}.incremental.json`;
  const local = `reports/mutation/${name}.incremental.json`;
  if (!existsSync(local) && existsSync(cached)) {
    mkdirSync("reports/mutation", { recursive: true });
    copyFileSync(cached, local);
  }
  const r = spawnSync("npx", ["stryker", "run"], {
    stdio: "inherit",
    env: {
      ...process.env,
      MUTATION_GROUP: name,
      MUTATE: g.mutate.join(","),
      MUTATION_TESTS: g.tests.join(","),
      AITRACKS_MUTATION: "1",
      ...(g.build ? { MUTATION_BUILD: g.build.join(" ") } : {}),
      ...(g.nocheck ? { MUTATION_NOCHECK: g.nocheck } : {}),
    },
  });
  failed ||= r.status !== 0;
}
// Stryker compiled the instrumented sources in place: build the clean ones again.
const build = spawnSync("npx", ["tsc", "-b"], { stdio: "inherit" });
process.exit(failed || build.status !== 0 ? 1 : 0);
