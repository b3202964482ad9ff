// @ts-nocheck
// The mutation groups of `npm run mutation` (bench/mutation/run.mjs) and the families they make up
// (bench/mutation/score.mjs): which files each group mutates and which tests judge them. Importing
// this module runs nothing.
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
/** What every policy must have: metadata, and its row in policies/README.md. */
const PACK_TESTS = ["test/policies/metadata.test.ts", "test/policies/readme.test.ts"];
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
  "test/policies/gcp-vertex-forms.test.ts",
  "test/policies/secret-values.test.ts",
  "test/policies/fine-tune-forms.test.ts",
  "test/policies/secret-paths.test.ts",
  "test/policies/cost-policy-parts.test.ts",
  "test/policies/lib-units.test.ts",
];

/**
 * The groups `<name>-<part>` of one family, judged by the family's tests or, for a part given as
 * `{ mutate, tests }`, by its own; `<name>` runs them all.
 */
// `nocheck`: the family's files, all of them with type checks off while any part is mutated; an
// instrumented module's loosened types would otherwise fail the build of the unmutated files that
// import it (cost/registry.ts imports every cost module).
function family(name, tests, build, parts) {
  const globs = (part) => (Array.isArray(part) ? part : part.mutate);
  // A part may leave out a file another part mutates (`!file`, as StrykerJS reads it); the family is
  // every part's files.
  FAMILIES[name] = Object.values(parts).flatMap(globs).filter((g) => !g.startsWith("!"));
  ALIASES[name] = Object.keys(parts).map((p) => `${name}-${p}`);
  const nocheck = `{${FAMILIES[name].join(",")}}`;
  return Object.fromEntries(Object.entries(parts).map(([p, part]) => [`${name}-${p}`, { mutate: globs(part), tests: part.tests ?? tests, build, nocheck }]));
}

export const ALIASES = {};
/** Each family (every cost module, every policy): the globs of its files, all groups together. */
export const FAMILIES = {};
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
    // Each cloud's guardrails by the tests of that cloud's programs and the pack-wide metadata: a
    // static mutant (a policy's definition) runs every test of its group, and the whole family's
    // take about 4x longer.
    aws: {
      mutate: ["policies/guardrails/aws/*.ts"],
      tests: ["test/policies/aws.test.ts", "test/policies/aws-s3-forms.test.ts", "test/policies/aws-iam-agentcore-forms.test.ts", "test/policies/aws-bedrock-sagemaker-forms.test.ts", ...PACK_TESTS],
    },
    azure: { mutate: ["policies/guardrails/azure/*.ts"], tests: ["test/policies/azure.test.ts", "test/policies/azure-forms.test.ts", ...PACK_TESTS] },
    gcp: {
      mutate: ["policies/guardrails/gcp/*.ts"],
      tests: ["test/policies/gcp.test.ts", "test/policies/gcp-serverless-forms.test.ts", "test/policies/gcp-tpu-disks.test.ts", "test/policies/gcp-vertex-forms.test.ts", ...PACK_TESTS],
    },
    governance: {
      mutate: ["policies/guardrails/governance/*.ts"],
      tests: ["test/policies/governance.test.ts", "test/policies/governance-forms.test.ts", "test/policies/secret-values.test.ts", "test/policies/fine-tune-forms.test.ts", "test/policies/secret-paths.test.ts", ...PACK_TESTS],
    },
    cost: {
      mutate: ["policies/cost/*.ts"],
      tests: ["test/cost/policies.test.ts", "test/policies/lib-and-cost-forms.test.ts", "test/policies/cost-policy-parts.test.ts", ...PACK_TESTS],
    },
    // What every policy reads (the helpers, the pack): every policy test, and the test that holds
    // each SDK type token to its class.
    lib: { mutate: ["policies/index.ts", "policies/lib/*.ts", "!policies/lib/sdk.ts"], tests: [...POLICY_TESTS, "test/policies/sdk-types.test.ts"] },
    // The SDK type tokens: module-level code only, so every mutant is static and would run every
    // policy test (about 40 s each); the token test and the pack-wide tests judge each one.
    sdk: { mutate: ["policies/lib/sdk.ts"], tests: ["test/policies/sdk-types.test.ts", ...PACK_TESTS] },
  }),
};
