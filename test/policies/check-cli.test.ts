// @ts-nocheck
// End to end: the built `aitracks check` (run `npx tsc -b` first) on an example stack and on the
// deliberately insecure example; exit codes 0 / 1 / 2.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { processesMarked } from "../helpers/cli";

const root = join(__dirname, "..", "..");
const bin = join(root, "packages", "cli", "bin", "aitracks.js");

function aitracks(...args: string[]) {
  return aitracksWith({}, ...args);
}

function aitracksWith(env: Record<string, string>, ...args: string[]) {
  // A check that cannot exit (a pack process left holding its pipes) is killed, and fails, at 90 s.
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env }, timeout: 90_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const INSECURE = ["--program", "examples/insecure", "--stack", "insecure", "--policy-config", "examples/insecure/policy-config.json"];

describe("aitracks check", () => {
  it("passes a secure example stack: exit 0, both runs agree", () => {
    const r = aitracks("check", "--stack", "buy-aws");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Policy pack aitracks@0\.1\.0 on stack buy-aws \(project aitracks\): \d+ resources, \d+ policies, in-process and analyzer runs agree$/m);
    expect(r.stdout).not.toContain("mandatory (");
    expect(r.stdout.trim().split("\n").pop()).toMatch(/^PASSED: no mandatory violations, \d+ advisory$/);
  });

  it("fails the insecure example: exit 1, violations grouped by level with URN, policy and message", () => {
    const r = aitracks("check", ...INSECURE);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    const mandatoryAt = lines.findIndex((l) => /^mandatory \(\d+\)$/.test(l));
    const advisoryAt = lines.findIndex((l) => /^advisory \(\d+\)$/.test(l));
    expect(mandatoryAt).toBeGreaterThan(0);
    expect(advisoryAt).toBeGreaterThan(mandatoryAt);
    const notebook = lines.indexOf("  aws-sagemaker-notebook-no-root-access  urn:pulumi:insecure::insecure-example::pulumi:pulumi:Stack$aws:sagemaker/notebookInstance:NotebookInstance::notebook");
    expect(notebook).toBeGreaterThan(mandatoryAt);
    expect(notebook).toBeLessThan(advisoryAt);
    expect(lines[notebook + 1]).toBe('    rootAccess is not set (SageMaker enables it); expected "Disabled"');
    const review = lines.indexOf("  decision-review-due  (the stack)");
    expect(review).toBeGreaterThan(advisoryAt);
    expect(r.stdout.trim().split("\n").pop()).toMatch(/^FAILED: \d+ mandatory violations, \d+ advisory$/);
  });

  it("--json prints the verdicts with a summary that matches them", () => {
    const r = aitracks("check", ...INSECURE, "--json", "--engine", "in-process");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).sort()).toEqual(["engines", "notes", "pack", "passed", "project", "resources", "stack", "summary", "version", "violations"]);
    expect(doc).toMatchObject({ version: 1, project: "insecure-example", stack: "insecure", engines: ["in-process"], passed: false, pack: { name: "aitracks", version: "0.1.0" } });
    const mandatory = doc.violations.filter((v: { level: string }) => v.level === "mandatory");
    expect(doc.summary.mandatory).toBe(mandatory.length);
    expect(doc.summary.advisory).toBe(doc.violations.length - mandatory.length);
    expect(doc.violations).toContainEqual({
      policy: "gcp-tpu-no-external-ip",
      level: "mandatory",
      severity: "high",
      urn: "urn:pulumi:insecure::insecure-example::pulumi:pulumi:Stack$gcp:tpu/v2Vm:V2Vm::tpu",
      message: "networkConfig.enableExternalIps is true",
      description: "Cloud TPU VMs (and queued TPU resources) get no external IP addresses.",
    });
  });

  it("a mandatory policy configured advisory no longer fails the check", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-check-"));
    const file = join(dir, "config.json");
    writeFileSync(file, JSON.stringify({ all: "advisory" }));
    const r = aitracks("check", "--program", "examples/insecure", "--stack", "insecure", "--policy-config", file, "--engine", "in-process");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("mandatory (");
    expect(r.stdout.trim().split("\n").pop()).toMatch(/^PASSED: no mandatory violations, \d+ advisory$/);
  });

  it("bad input exits 2 with one line per problem and nothing on stdout", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-check-"));
    const file = join(dir, "config.json");
    writeFileSync(file, JSON.stringify({ "data-residency": { allowedRegions: [1] }, "no-such-policy": "mandatory" }));
    const cases: [string[], string[]][] = [
      [["check", "--stack", "buy-aws", "--engine", "fast"], ['aitracks: --engine: expected one of both, in-process, analyzer, got "fast"']],
      [["check", "--stack", "buy-aws", "--stack-tag", "owner"], ['aitracks: --stack-tag: expected key=value, got "owner"']],
      [["check", "--stack", "buy-aws", "--policy-config", join(dir, "missing.json")], [`aitracks: --policy-config: ${join(dir, "missing.json")}: no such file`]],
      [
        ["check", "--stack", "buy-aws", "--policy-config", file],
        [`aitracks: --policy-config ${file}: data-residency.allowedRegions[0]: expected string, got integer`, `aitracks: --policy-config ${file}: no-such-policy: no such policy in the pack`],
      ],
      [["check", "--stack", "no-such-stack"], [`aitracks: ${join(root, "stacks", "Pulumi.no-such-stack.yaml")}: no such stack config file`]],
    ];
    for (const [args, lines] of cases) {
      const r = aitracks(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toEqual(lines);
    }
  });

  it.runIf(existsSync("/proc/self/environ"))("a bad pack config stops the policy pack process it had started (none is left running)", { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-check-"));
    const file = join(dir, "config.json");
    writeFileSync(file, JSON.stringify({ "no-such-policy": "mandatory" }));
    const marker = `AITRACKS_TEST_MARK=${Date.now()}-${Math.random()}`;
    const r = aitracksWith({ AITRACKS_TEST_MARK: marker.split("=")[1]! }, "check", "--stack", "buy-aws", "--policy-config", file);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`aitracks: --policy-config ${file}: no-such-policy: no such policy in the pack`);
    expect(processesMarked(marker)).toEqual([]);
  });
});
