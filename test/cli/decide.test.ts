// @ts-nocheck
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

// End to end through the built CLI: run `npx tsc -b` first.
const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "packages/cli/bin/aitracks.js");
const EX = "examples/decisions";

function aitracks(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, AITRACKS_DEBUG: "" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "aitracks-decide-"));
}

beforeAll(() => {
  if (!existsSync(join(ROOT, "packages/cli/dist/commands/decide.js"))) throw new Error("build first: npx tsc -b");
});

describe("aitracks decide", () => {
  it("prints the matrix, the recommendation, why, sensitivity and the review date", () => {
    const r = aitracks("decide", `${EX}/clear-fine-tune.yaml`, "--today", "2026-08-31");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Recommendation: fine-tune (93.1/100)");
    expect(r.stdout).toMatch(/Score \/100 .*71\.3 \u2717 .*41\.3 \u2717 .*93\.1 \u2713 .*83\.8/);
    expect(r.stdout).toMatch(/Accuracy requirement +│ +4 │ +25 │ +0\.75 │ +0\.50 │ +1\.00 │ +0\.90 │/);
    expect(r.stdout).toContain("  - buy is ineligible: data may not be sent to a third-party API (facts.dataSharingAllowed is false).");
    expect(r.stdout).toContain("  caution buy-data-sharing: ");
    expect(r.stdout).toContain("Sensitivity: Robust: no single weight change (0 to 100) flips the recommendation.");
    expect(r.stdout).toContain("Review by 2027-02-28 (decided on 2026-08-31, every 6 months).");
  });

  it("--json prints the stable shape", () => {
    const r = aitracks("decide", `${EX}/clear-buy.yaml`, "--json", "--today", "2026-11-30");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).slice(0, 5)).toEqual(["recommendation", "scores", "rationale", "warnings", "reviewDate"]);
    expect(j.recommendation).toBe("buy");
    expect(j.scores).toEqual({ build: 12.5, buy: 97.5, "fine-tune": 51.3, hybrid: 87.8 });
    expect(j.reviewDate).toBe("2027-05-30");
    expect(j.decidedOn).toBe("2026-11-30");
    expect(j.eligible).toEqual({ build: false, buy: true, "fine-tune": true, hybrid: true });
    expect(j.ninetyPercentRule.outcome).toBe("agrees");
    expect(j.sensitivity.smallest).toBeNull();
    expect(j.rationale.every((s: unknown) => typeof s === "string")).toBe(true);
    for (const w of j.warnings) {
      expect(Object.keys(w)).toEqual(["level", "code", "message"]);
      expect(["error", "caution", "info"]).toContain(w.level);
    }
    expect(j.adr).toBeNull();
  });

  it("--adr writes the decision record atomically, with front matter and checklist", () => {
    const dir = tmp();
    const out = join(dir, "0001-claims.md");
    const r = aitracks("decide", `${EX}/clear-fine-tune.yaml`, "--adr", out, "--today", "2026-11-30");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Decision record written to ${out}.`);
    expect(readdirSync(dir)).toEqual(["0001-claims.md"]); // no temp file left behind
    const md = readFileSync(out, "utf8");
    const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(md)?.[1] ?? "");
    expect(front).toMatchObject({
      track: "fine-tune",
      decidedOn: "2026-11-30",
      reviewDate: "2027-05-30",
      useCase: "Insurance claim triage into 40 categories",
      scores: { build: 71.3, buy: 41.3, "fine-tune": 93.1, hybrid: 83.8 },
    });
    expect(md).toContain("## Architect's checklist");
    expect(md).toContain("- [x] Decision documented with its rationale, not just the choice _(this record)_");
    expect(md).toContain("- [x] Vendor lock-in risk evaluated: what if the provider changes pricing or terms _(marked in the decision file)_");
    expect(md).toContain("- [ ] Time-to-market requirement defined: speed or quality first");
    expect(md.match(/^- \[[x ]\] /gm)).toHaveLength(11);
  });

  it("--adr with --json keeps stdout pure JSON and names the record", () => {
    const dir = tmp();
    const out = join(dir, "adr.md");
    const r = aitracks("decide", `${EX}/clear-build.yaml`, "--json", "--adr", out);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).adr).toBe(out);
    expect(existsSync(out)).toBe(true);
  });

  it("bad input: exit 2, one line per problem, no stack trace, no ADR written", () => {
    const dir = tmp();
    const out = join(dir, "adr.md");
    const r = aitracks("decide", `${EX}/bad-score.yaml`, "--adr", out);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const f = `${EX}/bad-score.yaml`;
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      `aitracks: ${f}: criteria.budget.score: expected an integer from 1 to 5, got 7`,
      `aitracks: ${f}: criteria.teamSkills.score: expected an integer from 1 to 5, got 3.5`,
      `aitracks: ${f}: criteria.regulatory: expected {score: 1-5, weight: 0-100}, got nothing`,
      `aitracks: ${f}: facts.accuracyTarget: expected a fraction above 0, up to 1, got 95`,
      `aitracks: ${f}: facts.decidedOn: expected a date YYYY-MM-DD, got "2026-02-30"`,
      `aitracks: ${f}: facts: unknown key budget; expected only accuracyTarget, apiBaselineAccuracy, labeledExamples, budgetUsd, mlEngineers, dataSharingAllowed, decidedOn, reviewAfterMonths`,
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("bad input leaves an existing record untouched", () => {
    const dir = tmp();
    const out = join(dir, "adr.md");
    writeFileSync(out, "previous decision\n");
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "criteria:\n  accuracy: { score: 7, weight: 1 }\n");
    const r = aitracks("decide", bad, "--adr", out);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`aitracks: ${bad}: criteria.accuracy.score: expected an integer from 1 to 5, got 7`);
    expect(readFileSync(out, "utf8")).toBe("previous decision\n");
    expect(readdirSync(dir).sort()).toEqual(["adr.md", "bad.yaml"]);
  });

  it("refuses an --adr path whose directory does not exist", () => {
    const dir = tmp();
    const out = join(dir, "missing", "adr.md");
    const r = aitracks("decide", `${EX}/clear-buy.yaml`, "--adr", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`aitracks: --adr ${out}: directory ${join(dir, "missing")} does not exist\n`);
    expect(r.stdout).toBe("");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses an --adr path that is a directory or the decision file itself", () => {
    const dir = tmp();
    expect(aitracks("decide", `${EX}/clear-buy.yaml`, "--adr", dir)).toMatchObject({
      code: 2,
      stderr: `aitracks: --adr ${dir}: is a directory; expected a file such as ${join(dir, "decision.md")}\n`,
    });
    const file = join(dir, "d.yaml");
    writeFileSync(file, readFileSync(join(ROOT, EX, "clear-buy.yaml")));
    expect(aitracks("decide", file, "--adr", file)).toMatchObject({
      code: 2,
      stderr: `aitracks: --adr ${file}: is the decision file itself; choose another path\n`,
    });
    expect(readFileSync(file, "utf8")).toBe(readFileSync(join(ROOT, EX, "clear-buy.yaml"), "utf8"));
  });

  it("a missing file and a bad --today are bad input too", () => {
    expect(aitracks("decide", "nope.yaml")).toMatchObject({ code: 2, stderr: "aitracks: nope.yaml: no such file\n" });
    expect(aitracks("decide", `${EX}/clear-buy.yaml`, "--today", "2026-02-30")).toMatchObject({
      code: 2,
      stderr: 'aitracks: --today: expected a date YYYY-MM-DD, got "2026-02-30"\n',
    });
  });

  it.each([
    ["clear-build.yaml", "build"],
    ["clear-buy.yaml", "buy"],
    ["clear-fine-tune.yaml", "fine-tune"],
  ])("%s recommends %s", (file, track) => {
    const r = aitracks("decide", `${EX}/${file}`, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).recommendation).toBe(track);
  });

  it("--help explains the file format with an example", () => {
    const r = aitracks("decide", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--adr <out.md>");
    expect(r.stdout).toContain("accuracy:         { score: 4, weight: 25 }");
    expect(r.stdout).toContain("$ aitracks decide examples/decisions/clear-fine-tune.yaml");
  });

  it("does not load @pulumi/*", () => {
    const script =
      `require(${JSON.stringify(join(ROOT, "packages/cli/dist/commands/decide.js"))});` +
      `const p = Object.keys(require.cache).filter((k) => k.includes("@pulumi"));` +
      `process.stdout.write(JSON.stringify(p));`;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});
