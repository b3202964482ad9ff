// @ts-nocheck
// Shared by the policy tests: build a small graph from real provider resources under mocks, run the
// pack in-process, and read the verdicts of one policy. Run `npx tsc -b` first (tests import dist).
import { afterAll, expect } from "vitest";
import { AnalyzerSession, evaluateInProcess, previewInline, type PolicyNote, type PolicyReport, type PolicyViolation, type ResourceGraph } from "@aitracks/preview";

// One analyzer-protocol session per test file, started on first use: every policy case is judged
// by both runners, which must agree.
let analyzer: Promise<AnalyzerSession> | undefined;
afterAll(async () => {
  if (analyzer) await (await analyzer).close();
  analyzer = undefined;
});

/** The stack facts an aitracks stack config carries, for the governance policies. */
export const FACTS = {
  "aitracks:environment": "production",
  "aitracks:dataClassification": "internal",
  "aitracks:decision": { track: "buy", reviewDate: "2099-01-01" },
} as const;

export const TAGS = {
  "aitracks-track": "buy",
  owner: "ml-platform",
  "cost-center": "cc-4711",
  "decision-review-date": "2099-01-01",
  environment: "production",
};

/** A Bedrock CustomModel (fine-tuning job) with no customer-managed key, for the AWS policy tests. */
export const BEDROCK_CUSTOM_MODEL = {
  baseModelIdentifier: "amazon.nova-lite-v1:0:300k",
  customModelName: "t",
  jobName: "j",
  hyperparameters: { epochCount: "1" },
  roleArn: "arn:aws:iam::123456789012:role/bedrock",
  trainingDataConfig: { s3Uri: "s3://d/train.jsonl" },
  outputDataConfig: { s3Uri: "s3://d/out/" },
};

export interface Checked {
  readonly graph: ResourceGraph;
  readonly report: PolicyReport;
}

/** Preview an inline program and evaluate the pack on it (every note kept). */
export async function check(
  program: () => void,
  opts: { config?: Record<string, unknown>; secretKeys?: string[]; policyConfig?: unknown; stackTags?: Record<string, string> } = {},
): Promise<Checked> {
  const graph = await previewInline({ program, config: opts.config ?? {}, secretKeys: opts.secretKeys ?? [] });
  const evalOpts = { config: opts.policyConfig, allNotes: true, ...(opts.stackTags ? { stackTags: opts.stackTags } : {}) };
  const report = await evaluateInProcess(graph, evalOpts);
  return { graph, report };
}

/** `check`, and the same graph over the analyzer protocol: both runners must give the same verdicts. */
export async function checkBoth(...a: Parameters<typeof check>): Promise<Checked> {
  const [program, opts = {}] = a;
  const graph = await previewInline({ program, config: opts.config ?? {}, secretKeys: opts.secretKeys ?? [] });
  const evalOpts = { config: opts.policyConfig, allNotes: true, ...(opts.stackTags ? { stackTags: opts.stackTags } : {}) };
  const report = await evaluateInProcess(graph, evalOpts);
  // Under mutation testing (npm run mutation) the mutant lives in this process only: an analyzer
  // process would run the unmutated pack, and their disagreement would "kill" every mutant.
  if (process.env.AITRACKS_MUTATION === "1") return { graph, report };
  analyzer ??= AnalyzerSession.start();
  // Compared as `aitracks check` compares them: violations and informative notes (the analyzer also
  // reports "only applies to type X" for every resource, which the in-process type filter skips).
  const { allNotes: _all, ...compared } = evalOpts;
  const [inProcess, overAnalyzer] = [await evaluateInProcess(graph, compared), await (await analyzer).evaluate(graph, compared)];
  expect({ violations: overAnalyzer.violations, notes: overAnalyzer.notes }, "the analyzer-protocol run must agree with the in-process run").toEqual({
    violations: inProcess.violations,
    notes: inProcess.notes,
  });
  return { graph, report };
}

export function urnOf(graph: ResourceGraph, name: string): string {
  const r = graph.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name} in the graph (have ${graph.resources.map((x) => x.name).join(", ")})`);
  return r.urn;
}

export function violationsOf(report: PolicyReport, policy: string): PolicyViolation[] {
  return report.violations.filter((v) => v.policy === policy);
}

export function notesOf(report: PolicyReport, policy: string): PolicyNote[] {
  return report.notes.filter((n) => n.policy === policy);
}

/** One policy's violating and passing programs. */
export interface PolicyCase {
  readonly policy: string;
  /** The violating program. */
  readonly bad: () => void;
  /** The resource the violation is on (by name), or "stack" for a stack-level violation. */
  readonly on: string;
  /** What the message must say. */
  readonly message: RegExp;
  /** The same program with the setting fixed. */
  readonly good: () => void;
  readonly config?: Record<string, unknown>;
  /** Config for the fixed program, when it differs (e.g. the same key as a secret). */
  readonly goodConfig?: Record<string, unknown>;
  readonly goodSecretKeys?: string[];
  readonly policyConfig?: unknown;
  readonly level?: "mandatory" | "advisory";
}

export async function expectViolation(c: PolicyCase): Promise<void> {
  const { graph, report } = await checkBoth(c.bad, { config: c.config ?? {}, policyConfig: c.policyConfig });
  const vs = violationsOf(report, c.policy);
  const urn = c.on === "stack" ? undefined : urnOf(graph, c.on);
  const match = vs.filter((v) => v.urn === urn && c.message.test(v.message));
  expect(match, `${c.policy}: expected a violation on ${c.on} matching ${c.message}; got ${JSON.stringify(vs.map((v) => [v.urn, v.message]))}`).not.toHaveLength(0);
  expect(match[0]!.level).toBe(c.level ?? "mandatory");
}

/** The fixed program: no violation of the policy, and the policy did judge it (no not-applicable note on the resource or stack). */
export async function expectPass(c: PolicyCase): Promise<void> {
  const { graph, report } = await checkBoth(c.good, { config: c.goodConfig ?? c.config ?? {}, secretKeys: c.goodSecretKeys, policyConfig: c.policyConfig });
  expect(violationsOf(report, c.policy), `${c.policy} on the fixed program`).toEqual([]);
  const urn = c.on === "stack" ? undefined : urnOf(graph, c.on);
  const vacuous = notesOf(report, c.policy).filter((n) => n.urn === urn || n.urn === undefined);
  expect(vacuous, `${c.policy} must judge the fixed program, not skip it`).toEqual([]);
}
