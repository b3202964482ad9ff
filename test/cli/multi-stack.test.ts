// @ts-nocheck
// `--all` on preview, cost and check: every stack of the project in one process, each stack's
// output under a heading, a summary, the worst exit code, progress only on a terminal.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { aitracks, ROOT } from "../helpers/cli";

const exampleStacks = readdirSync(join(ROOT, "stacks"))
  .flatMap((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1] ?? [])
  .sort();

// A small project: the aitracks program (by absolute path) with three stack files, one broken.
const tmp = mkdtempSync(join(tmpdir(), "aitracks-multi-"));
const project = join(tmp, "project");
mkdirSync(project);
writeFileSync(join(project, "Pulumi.yaml"), `name: aitracks\nruntime: nodejs\nmain: ${JSON.stringify(join(ROOT, "stacks"))}\n`);
copyFileSync(join(ROOT, "stacks", "Pulumi.buy-aws.yaml"), join(project, "Pulumi.buy-aws.yaml"));
copyFileSync(join(ROOT, "stacks", "Pulumi.buy-gcp.yaml"), join(project, "Pulumi.buy-gcp.yaml"));
// Sorted first, so the good stacks run after it.
writeFileSync(
  join(project, "Pulumi.broken.yaml"),
  readFileSync(join(ROOT, "stacks", "Pulumi.buy-aws.yaml"), "utf8").replace("cloud: aws", "cloud: mars"),
);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Entry {
  stack: string;
  ok: boolean;
  exitCode: number;
  result?: any;
  error?: string;
  notes?: string[];
}

describe("aitracks check --all", () => {
  it("checks every example stack, names each under a heading and in the summary, exits 0, and draws no progress when piped", () => {
    expect(exampleStacks.length).toBeGreaterThanOrEqual(16);
    const r = aitracks(["check", "--all"], { timeoutMs: 115_000 });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const headings = [...r.stdout.matchAll(/^=== stack (\S+) ===$/gm)].map((m) => m[1]);
    expect(headings).toEqual(exampleStacks);
    for (const s of exampleStacks) expect(r.stdout).toMatch(new RegExp(`^│ ${s} +│ +\\d+ │ +PASSED, \\d+ advisory │ ok +│$`, "m"));
    expect(r.stdout).toContain(`=== summary: check on ${exampleStacks.length} stacks of aitracks ===`);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe(`All ${exampleStacks.length} stacks fine`);
  }, 120_000);

  it("reports a broken stack (exit 2) and still checks the others", () => {
    const r = aitracks(["check", "--all", "--program", project]);
    expect(r.code).toBe(2);
    expect([...r.stdout.matchAll(/^=== stack (\S+) ===$/gm)].map((m) => m[1])).toEqual(["broken", "buy-aws", "buy-gcp"]);
    // The broken stack's one-line error: in its section, in the summary, and on stderr.
    const section = r.stdout.slice(r.stdout.indexOf("=== stack broken ==="), r.stdout.indexOf("=== stack buy-aws ==="));
    expect(section).toMatch(/^error \(exit 2\): .*aitracks:tracks.*cloud/m);
    expect(r.stdout).toMatch(/^│ broken +│ +- │ +- │ bad input \(exit 2\): /m);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^aitracks: broken: .*cloud/);
    // The good ones ran in full.
    expect(r.stdout).toMatch(/Policy pack \S+ on stack buy-aws \(project aitracks\): \d+ resources, \d+ policies, in-process and analyzer runs agree/);
    expect(r.stdout).toMatch(/^│ buy-aws +│ +\d+ │ +PASSED, \d+ advisory │ ok +│$/m);
    expect(r.stdout).toMatch(/^│ buy-gcp +│ +\d+ │ +PASSED, \d+ advisory │ ok +│$/m);
    expect(r.stdout).toContain("1 of 3 stacks failed (exit 2)");
  }, 60_000);

  it("exits 1 when a stack has a mandatory violation, with the count in the summary as --json counts it", () => {
    const r = aitracks(["check", "--all", "--program", "examples/insecure"]);
    expect(r.code).toBe(1);
    const one = JSON.parse(aitracks(["check", "--program", "examples/insecure", "--stack", "insecure", "--json", "--engine", "in-process"]).stdout);
    expect(one.summary.mandatory).toBeGreaterThan(0);
    const m = one.summary.mandatory;
    expect(r.stdout).toMatch(new RegExp(`│ insecure +│ +\\d+ │ +FAILED: ${m} mandatory, ${one.summary.advisory} advisory │ FAILED \\(exit 1\\): ${m} mandatory violations +│`));
    expect(r.stdout).toContain("1 of 1 stacks failed (exit 1)");
  }, 60_000);

  it("prints {stacks: [{stack, ok, exitCode, result | error}]} with --json", () => {
    const r = aitracks(["check", "--all", "--program", project, "--json", "--engine", "in-process"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { command: string; exitCode: number; stacks: Entry[] };
    expect(doc.command).toBe("check");
    expect(doc.exitCode).toBe(2);
    expect(doc.stacks.map((s) => [s.stack, s.ok, s.exitCode])).toEqual([
      ["broken", false, 2],
      ["buy-aws", true, 0],
      ["buy-gcp", true, 0],
    ]);
    const [broken, aws, gcp] = doc.stacks;
    expect(broken!.error).toMatch(/cloud/);
    expect(broken).not.toHaveProperty("result");
    expect(aws).not.toHaveProperty("error");
    // Each result is what `check --stack <name> --json` prints.
    expect(aws!.result).toMatchObject({ version: 1, stack: "buy-aws", project: "aitracks", passed: true, engines: ["in-process"] });
    expect(gcp!.result).toMatchObject({ stack: "buy-gcp", passed: true });
    expect(aws!.result.resources).toBeGreaterThan(10);
  }, 60_000);
});

describe("aitracks cost --all", () => {
  it("gives each stack the figures `cost --stack` gives it (no state leaks between stacks)", () => {
    const all = aitracks(["cost", "--all", "--json"]);
    expect(all.code).toBe(0);
    const doc = JSON.parse(all.stdout) as { stacks: Entry[] };
    expect(doc.stacks.map((s) => s.stack)).toEqual(exampleStacks);
    for (const s of doc.stacks) {
      expect(s.ok).toBe(true);
      expect(s.result.stack).toBe(s.stack);
    }
    // The first, a multi-cloud one after many others, and the last.
    for (const name of ["build-aws", "hybrid", exampleStacks.at(-1)!]) {
      const one = JSON.parse(aitracks(["cost", "--stack", name, "--json"]).stdout);
      const entry = doc.stacks.find((s) => s.stack === name)!;
      expect(entry.result.monthlyUsd).toBe(one.monthlyUsd);
      expect(entry.result.resources.length).toBe(one.resources.length);
    }
  }, 120_000);

  it("--diff <dir>: each stack against <dir>/<stack>.json, says which have none, gates per stack; exit = the worst (2 > 1 > 0)", () => {
    const base = join(tmp, "base");
    mkdirSync(base, { recursive: true });
    const aws = JSON.parse(aitracks(["cost", "--program", project, "--stack", "buy-aws", "--json"]).stdout);
    // The base was $1,000 a month cheaper: the change adds exactly $1,000.
    writeFileSync(join(base, "buy-aws.json"), JSON.stringify({ ...aws, monthlyUsd: aws.monthlyUsd - 1000 }));
    const run = () => aitracks(["cost", "--all", "--program", project, "--diff", base, "--fail-above-usd", "500", "--json"]);

    const r = run();
    expect(r.code).toBe(2); // broken: 2, buy-aws: 1 (gate), buy-gcp: 0
    const doc = JSON.parse(r.stdout) as { stacks: Entry[] };
    expect(doc.stacks.map((s) => [s.stack, s.exitCode])).toEqual([
      ["broken", 2],
      ["buy-aws", 1],
      ["buy-gcp", 0],
    ]);
    const d = doc.stacks[1]!.result.diff;
    expect(d.deltaUsd).toBeCloseTo(1000, 2);
    expect(d.failed).toHaveLength(1);
    expect(d.failed[0]).toMatch(/500/);
    expect(doc.stacks[2]!.result).not.toHaveProperty("diff");
    expect(doc.stacks[2]!.notes).toEqual([`not compared, no base estimate in ${base}`]);

    // Text: the missing bases are named under the summary; the gate's reason is in the summary.
    const text = aitracks(["cost", "--all", "--program", project, "--diff", base, "--fail-above-usd", "500"]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`not compared, no base estimate in ${base}: buy-gcp`);
    expect(text.stdout).toMatch(/│ buy-aws +│ +\d+ │ +\$[\d,.]+ \(\+\$1,000\.00\) │ FAILED \(exit 1\): the monthly estimate rises by \$1,000\.00,/);

    // Without the broken stack the worst is the gate: exit 1.
    rmSync(join(project, "Pulumi.broken.yaml"));
    try {
      expect(run().code).toBe(1);
    } finally {
      writeFileSync(join(project, "Pulumi.broken.yaml"), readFileSync(join(ROOT, "stacks", "Pulumi.buy-aws.yaml"), "utf8").replace("cloud: aws", "cloud: mars"));
    }
  }, 120_000);
});

describe("--all is bad input with a flag that names one stack", () => {
  for (const command of ["preview", "cost", "check"]) {
    it(`${command} --all --stack / --config: exit 2, one line, nothing run`, () => {
      for (const extra of [["--stack", "x"], ["--config", "stacks/Pulumi.buy-aws.yaml"]]) {
        const r = aitracks([command, "--all", ...extra]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr.trim().split("\n")).toEqual([`aitracks: --all: runs every stack of the project; give --all or ${extra[0]}, not both`]);
      }
    });
  }

  it("cost --all --diff <file>: expects a folder", () => {
    const r = aitracks(["cost", "--all", "--diff", "package.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual(["aitracks: --diff: with --all, expected a folder of <stack>.json files (each an `aitracks cost --json` output), got package.json"]);
  });
});

const hasScript = spawnSync("script", ["--version"]).status === 0;

describe("progress of --all", () => {
  it.skipIf(!hasScript)("draws [i/n] <command> <stack> on a terminal, erased before each section, and nothing with --json", () => {
    const bin = join(ROOT, "packages", "cli", "bin", "aitracks.js");
    const pty = (args: string) => spawnSync("script", ["-qec", `${process.execPath} ${bin} ${args}`, "/dev/null"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 }).stdout;
    const shown = pty(`preview --all --program ${project}`);
    for (const [i, s] of ["broken", "buy-aws", "buy-gcp"].entries()) {
      expect(shown).toContain(`\r\x1b[2Kaitracks: [${i + 1}/3] preview ${s}...`);
    }
    expect(shown).toMatch(/\r\x1b\[2K\r?\n?=== stack buy-gcp ===/);
    const json = pty(`preview --all --program ${project} --json`);
    expect(json).not.toContain("aitracks: [");
    expect(json).not.toContain("\x1b[2K");
    expect(JSON.parse(json.slice(json.indexOf("{\r\n")).replace(/\r/g, "")).stacks).toHaveLength(3);
  }, 60_000);
});
