// @ts-nocheck
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { aitracks, ROOT } from "../helpers/cli";

/**
 * `cost --graph` and `check --graph` judge a graph saved by `aitracks preview --json` without
 * running the program again: a pipeline previews once. What they print must be what the same
 * command prints when it runs the program itself, byte for byte (the baselines of
 * outputs-baseline.test.ts, one stack of each track and cloud here).
 */
const tmp = mkdtempSync(join(tmpdir(), "aitracks-graph-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const baseline = (file: string) => JSON.parse(readFileSync(join(ROOT, "test/fixtures/outputs", file), "utf8"));
const costAll = baseline("cost-all.json");
const checkAll = baseline("check-all.json");
const root = JSON.stringify(ROOT).slice(1, -1);
const normalised = (stdout: string) => stdout.split(root).join("<root>");

function savedGraph(stack: string): string {
  const r = aitracks(["preview", "--stack", stack, "--json"]);
  expect(r.code, r.stderr).toBe(0);
  const file = join(tmp, `${stack}.json`);
  writeFileSync(file, r.stdout);
  return file;
}

describe("--graph: a saved graph judged as the program would be", () => {
  for (const stack of ["buy-aws", "build-gcp", "fine-tune-azure", "serving-aws", "evaluation-gcp", "hybrid"]) {
    it(`${stack}: cost --graph and check --graph (both engines) print the baseline`, () => {
      const file = savedGraph(stack);
      for (const [command, all] of [
        ["cost", costAll],
        ["check", checkAll],
      ] as const) {
        const entry = all.stacks.find((s) => s.stack === stack);
        const r = aitracks([command, "--graph", file, "--json"]);
        expect(r.stderr).not.toMatch(/disagree/);
        expect(r.code, r.stderr).toBe(entry.exitCode);
        expect(JSON.parse(normalised(r.stdout))).toEqual(entry.result);
        // Byte for byte: the --all document indents each stack's result two levels deeper.
        expect(normalised(r.stdout)).toBe(`${JSON.stringify(entry.result, null, 2)}\n`);
      }
    }, 60_000);
  }

  it("SARIF from a saved graph: the same log in the program's own project, logical locations only elsewhere", () => {
    const file = savedGraph("buy-aws");
    const fromProgram = aitracks(["check", "--stack", "buy-aws", "--format", "sarif"]);
    const fromGraph = aitracks(["check", "--graph", file, "--format", "sarif"]);
    expect(fromGraph.code).toBe(fromProgram.code);
    expect(fromGraph.stdout).toBe(fromProgram.stdout);
    expect(fromProgram.stdout).toContain('"physicalLocation"');
    // Elsewhere the graph's project (aitracks) is not the one at hand: no file to point at.
    const elsewhere = aitracks(["check", "--graph", file, "--format", "sarif", "--engine", "in-process"], { cwd: tmp });
    expect(elsewhere.code).toBe(fromProgram.code);
    expect(elsewhere.stdout).not.toContain('"physicalLocation"');
    expect(JSON.parse(elsewhere.stdout).runs[0].results.length).toBe(JSON.parse(fromProgram.stdout).runs[0].results.length);
  }, 60_000);

  it("bad input: one line naming the file and the field, exit 2, for a graph that is not one", () => {
    const bad = join(tmp, "bad.json");
    writeFileSync(bad, JSON.stringify({ version: 1, project: "p", stack: "s", config: {}, secretConfigKeys: [], outputs: {}, resources: [{ urn: "u", type: "t", name: "n", custom: "yes" }] }));
    const r = aitracks(["check", "--graph", bad, "--engine", "in-process"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}: resources[0].custom: expected`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).toBe("");

    writeFileSync(bad, JSON.stringify({ version: 2 }));
    const v = aitracks(["cost", "--graph", bad]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(`${bad}: version: expected 1: a resource graph written by \`aitracks preview --json\`, got 2`);

    const missing = aitracks(["check", "--graph", join(tmp, "none.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("none.json: no such file");
  });

  it("refuses the flags that would name another stack or program", () => {
    const file = join(tmp, "any.json");
    writeFileSync(file, "{}");
    for (const [command, extra, flag] of [
      ["check", ["--stack", "buy-aws"], "--stack"],
      ["check", ["--all"], "--all"],
      ["cost", ["--program", "."], "--program"],
      ["cost", ["--config", "stacks/Pulumi.buy-aws.yaml"], "--config"],
      ["cost", ["--from-preview", "plan.json"], "--from-preview"],
    ] as const) {
      const r = aitracks([command, "--graph", file, ...extra]);
      expect(r.code, `${command} ${extra.join(" ")}`).toBe(2);
      expect(r.stderr).toContain(`--graph: the saved graph names its stack, config and resources; give --graph or ${flag}, not both`);
    }
  });
});
