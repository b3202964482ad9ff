import { execFileSync } from "node:child_process";
import { readFileSync, statSync, truncateSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aitracks } from "../helpers/cli";
import { DECISION, ROOT, WORKLOAD, expectOneLine, put, scratch } from "./helpers";

// Bounded inputs: every input file goes through one reader (packages/core/src/io/load.ts) that
// takes regular files of at most 10 MB, parses in linear time, and refuses duplicate keys,
// prototype keys and non-core YAML tags, naming the file and the field. Text from inputs reaches
// the terminal and the ADR with control and bidi characters visible, never as markup.

const dir = scratch("inputs");
const stackConfig = readFileSync(join(ROOT, "stacks", "Pulumi.buy-aws.yaml"), "utf8");

describe("only regular files of at most 10 MB are read", () => {
  it("a FIFO with no writer is refused at once, not waited on", () => {
    const fifo = join(dir, "decision.yaml");
    execFileSync("mkfifo", [fifo]);
    const r = aitracks(["decide", fifo], { timeoutMs: 20_000 });
    expectOneLine(r, 2, new RegExp(`^aitracks: ${fifo}: expected a regular file, got a FIFO$`));
    expect(r.stdout).toBe("");
  });

  it("/dev/zero and a folder are refused without reading them", () => {
    expectOneLine(aitracks(["tco", "/dev/zero"], { timeoutMs: 20_000 }), 2, /^aitracks: \/dev\/zero: expected a regular file, got a character device$/);
    expectOneLine(aitracks(["decide", dir]), 2, new RegExp(`^aitracks: ${dir}: expected a regular file, got a folder$`));
    expectOneLine(aitracks(["cost", "--stack", "buy-aws", "--diff", "/dev/zero"]), 2, /^aitracks: \/dev\/zero: expected a regular file, got a character device$/);
  });

  it("a file over 10 MB (YAML: 2 MB) is refused before it is read, naming its size", () => {
    const big = put(dir, "big.yaml", "");
    truncateSync(big, 3 * 1024 * 1024); // sparse: no disk used, 3 MB by fstat
    expectOneLine(aitracks(["decide", big]), 2, new RegExp(`^aitracks: ${big}: expected a file of at most 2 MB, got 3 MB \\(the bound of a YAML input\\)$`));
    const w = put(dir, "big-workload.json", "");
    truncateSync(w, 11 * 1024 * 1024);
    expectOneLine(aitracks(["tco", w]), 2, new RegExp(`^aitracks: ${w}: expected a file of at most 10 MB, got 11 MB$`));
    const json = put(dir, "big.json", "");
    truncateSync(json, 11 * 1024 * 1024);
    expectOneLine(aitracks(["check", "--stack", "buy-aws", "--policy-config", json]), 2, new RegExp(`^aitracks: --policy-config: ${json}: expected a file of at most 10 MB, got 11 MB$`));
  });
});

describe("duplicate keys are refused in YAML and JSON alike, named with the field", () => {
  it("100,000 keys with one duplicate at the end: the duplicate named with its line", () => {
    let text = "";
    for (let i = 0; i < 100_000; i++) text += `key_${String(i).padStart(6, "0")}: 1\n`;
    const f = put(dir, "many.yaml", `${text}key_000007: 2\n`);
    expectOneLine(aitracks(["decide", f]), 2, new RegExp(`^aitracks: ${f}: key_000007: duplicate key "key_000007" \\(line 100001\\)$`));
  });

  it("100,000 stray keys: one readable line naming the first ten and counting the rest", () => {
    let text = DECISION;
    for (let i = 0; i < 100_000; i++) text += `k${i}: 1\n`;
    const r = aitracks(["decide", put(dir, "stray.yaml", text)]);
    expectOneLine(r, 2, /: \(root\): unknown keys k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, and 99990 more; expected only useCase, criteria, facts, checklist$/);
  });

  it("a nested duplicate in YAML", () => {
    const f = put(dir, "dup.yaml", DECISION.replace("  budget:           { score: 3, weight: 10 }\n", "  budget:           { score: 3, weight: 10, score: 5 }\n"));
    expectOneLine(aitracks(["decide", f]), 2, new RegExp(`^aitracks: ${f}: criteria\\.budget\\.score: duplicate key "score" \\(line 6\\)$`));
  });

  it("JSON: a workload, a cost baseline and a policy config with a duplicate key", () => {
    const w = put(dir, "w.json", '{"workload": {"requestsPerDay": 10, "inputTokensPerRequest": 1, "outputTokensPerRequest": 1, "requestsPerDay": 1e12}, "buy": {"provider": "anthropic", "model": "claude-sonnet-4-5"}}');
    expectOneLine(aitracks(["tco", w]), 2, new RegExp(`^aitracks: ${w}: workload\\.requestsPerDay: duplicate key "requestsPerDay"$`));
    const base = put(dir, "base.json", '{"currency": "USD", "monthlyUsd": 1, "resources": [], "monthlyUsd": 2}');
    expectOneLine(aitracks(["cost", "--stack", "buy-aws", "--diff", base]), 2, new RegExp(`^aitracks: ${base}: monthlyUsd: duplicate key "monthlyUsd"$`));
    const pc = put(dir, "policy.json", '{"all": "mandatory", "all": "disabled"}');
    expectOneLine(aitracks(["check", "--stack", "buy-aws", "--policy-config", pc]), 2, new RegExp(`^aitracks: --policy-config: ${pc}: all: duplicate key "all"$`));
  });
});

describe("prototype keys are refused everywhere", () => {
  it("__proto__, constructor and prototype in YAML and JSON files", () => {
    const d = put(dir, "proto.yaml", `${DECISION}facts:\n  __proto__: { budgetUsd: 1 }\n`);
    expectOneLine(aitracks(["decide", d]), 2, new RegExp(`^aitracks: ${d}: facts\\.__proto__: the key "__proto__" is reserved`));
    const w = put(dir, "ctor.json", '{"workload": {"requestsPerDay": 10, "inputTokensPerRequest": 1, "outputTokensPerRequest": 1}, "buy": {"constructor": {"x": 1}}}');
    expectOneLine(aitracks(["tco", w]), 2, new RegExp(`^aitracks: ${w}: buy\\.constructor: the key "constructor" is reserved`));
    const p = put(dir, "prototype.yaml", `${WORKLOAD}build:\n  - prototype: 1\n`);
    expectOneLine(aitracks(["tco", p]), 2, new RegExp(`^aitracks: ${p}: build\\[0\\]\\.prototype: the key "prototype" is reserved`));
  });

  it("aitracks:__proto__ in a stack config stops the program, and one inside aitracks:workload stops cost", () => {
    const top = put(dir, "Pulumi.buy-aws.yaml", `${stackConfig.trimEnd()}\n  aitracks:__proto__: { polluted: true }\n`);
    const r = aitracks(["check", "--stack", "buy-aws", "--config", top, "--engine", "in-process"]);
    expectOneLine(r, 2, /^aitracks: aitracks:__proto__: the key is reserved/);
    const nested = put(dir, "Pulumi.nested.yaml", stackConfig.replace("requestsPerDay: 10000\n", "requestsPerDay: 10000\n      __proto__: { x: 1 }\n"));
    expect(readFileSync(nested, "utf8")).toContain("__proto__");
    expectOneLine(aitracks(["cost", "--stack", "buy-aws", "--config", nested, "--json"]), 2, /^aitracks: aitracks:workload\.workload\.__proto__: the key "__proto__" is reserved/);
  });
});

describe("only the YAML core types", () => {
  it("a custom tag and a YAML 1.1 tag are refused with the field and line, and Node prints no warning", () => {
    for (const [value, tag] of [
      ["!foo 1", "!foo"],
      ["!!binary aGVsbG8=", "!!binary"],
      ["!!js/function 'function () {}'", "!!js/function"],
    ] as const) {
      const f = put(dir, "tag.yaml", `${DECISION}facts:\n  budgetUsd: ${value}\n`);
      const r = aitracks(["decide", f]);
      expectOneLine(r, 2, new RegExp(`^aitracks: ${f}: facts\\.budgetUsd: the YAML tag ${tag.replace(/[!/]/g, "\\$&")} is not allowed \\(only plain YAML types\\) \\(line 11\\)$`));
      expect(r.stderr).not.toMatch(/\(node:|Warning/);
    }
  });
});

describe("input text is shown, never obeyed", () => {
  const hostile = "Claims\u202etriage\u001b[2J\u0007\nRecommendation: build";

  it("control and bidi characters in a useCase reach the terminal as \\uXXXX", () => {
    const d = put(dir, "bidi.yaml", DECISION.replace("useCase: Claims triage", `useCase: ${JSON.stringify(hostile)}`));
    const r = aitracks(["decide", d]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Decision: Claims\\u202etriage\\u001b[2J\\u0007\\u000aRecommendation: build  [");
    expect(r.stdout).not.toMatch(/^Recommendation: build/m);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const json = aitracks(["decide", d, "--json"]);
    expect(JSON.parse(json.stdout).useCase).toBe(hostile); // the same value, escaped in the text
    expect(json.stdout).not.toMatch(/[\u202a-\u202e]/);
  });

  it("an error line quoting input shows its control characters", () => {
    const d = put(dir, "esc.yaml", `${DECISION}"bad\\u001b]0;pwned\\u0007key": 1\n`);
    const r = aitracks(["decide", d]);
    expectOneLine(r, 2, /unknown key bad\\u001b\]0;pwned\\u0007key;/);
    expect(r.stderr).not.toMatch(/[\u001b\u0007]/);
  });

  it("a multi-line useCase with Markdown and HTML stays one line of text in the ADR; the input is untouched", () => {
    const useCase = "Claims\n\n# Approved by the board\n<script>alert(1)</script> [click](http://evil) | x\u202e";
    const text = DECISION.replace("useCase: Claims triage", `useCase: ${JSON.stringify(useCase)}`);
    const d = put(dir, "md.yaml", text);
    const mode = statSync(d).mode;
    const adr = join(dir, "adr.md");
    const r = aitracks(["decide", d, "--adr", adr]);
    expect(r.code, r.stderr).toBe(0);
    const body = readFileSync(adr, "utf8").split(/^---$/m)[2]!;
    expect(body).not.toMatch(/^# Approved/m);
    expect(body).not.toContain("<script>");
    expect(readFileSync(adr, "utf8")).not.toMatch(/[\u202a-\u202e]/); // front matter included
    expect(body).toContain("Use case: Claims # Approved by the board \\<script\\>alert(1)\\</script\\> \\[click\\](http://evil) \\| x\\u202e.");
    expect(body.split("\n").filter((l) => l.startsWith("# "))).toHaveLength(1);
    expect(readFileSync(d, "utf8")).toBe(text);
    expect(statSync(d).mode).toBe(mode);
  });
});

it("the reader's bound is one fact: README states the limit the code applies", async () => {
  const core = await import("../../packages/core/dist/index.js");
  expect(core.INPUT_LIMITS.file).toBe(10 * 1024 * 1024);
  expect(core.INPUT_LIMITS.yaml).toBe(2 * 1024 * 1024);
  expect(core.INPUT_LIMITS.plan).toBe(100 * 1024 * 1024);
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  expect(/input file of at most 10 MB/.test(readme)).toBe(true);
  expect(/plan.{0,80}100 MB/s.test(readme)).toBe(true);
  expect(/YAML input of at most 2 MB/.test(readme)).toBe(true);
});
