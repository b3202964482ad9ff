// @ts-nocheck
// `aitracks report` end to end: the built CLI (run `npx tsc -b` first) on the examples.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aitracks } from "../helpers/cli";

const fresh = () => mkdtempSync(join(tmpdir(), "aitracks-report-"));

describe("aitracks report", () => {
  it("writes one self-contained page and says what it wrote", () => {
    const out = join(fresh(), "report.html");
    const r = aitracks(["report", "examples/decisions/clear-fine-tune.yaml", "examples/workloads/requests-10k.yaml", "--out", out, "--today", "2026-11-30", "--samples", "500"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(\\d+ KB, 3 charts\\): fine-tune, review by 2027-05-30\\.\\n$`));
    const html = readFileSync(out, "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html.match(/<figure id="chart-/g)).toHaveLength(3);
    expect(html).toContain('id="recommendation">Fine-tune<');
    expect(html).not.toMatch(/<script|<link|<img/i);
  });

  it("--json summarises, reproducibly", () => {
    const dir = fresh();
    const run = (name: string) =>
      aitracks(["report", "examples/decisions/clear-buy.yaml", "examples/workloads/requests-100.yaml", "--out", join(dir, name), "--today", "2026-11-30", "--json"]);
    const a = run("a.html");
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual({
      out: join(dir, "a.html"),
      bytes: expect.any(Number),
      recommendation: "buy",
      cheapest: "buy",
      reviewDate: "2027-05-30",
      charts: ["decision-matrix", "cumulative-cost", "cost-by-volume"],
      stack: null,
    });
    run("b.html");
    // Same inputs, same page (no timestamps, seeded Monte Carlo).
    expect(readFileSync(join(dir, "a.html"), "utf8")).toBe(readFileSync(join(dir, "b.html"), "utf8"));
  });

  it("with --stack, previews the stack and lists its resources by track", () => {
    const out = join(fresh(), "stack.html");
    const r = aitracks(["report", "examples/decisions/clear-buy.yaml", "examples/workloads/requests-10k.yaml", "--stack", "buy-aws", "--out", out, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stack).toBe("buy-aws");
    const html = readFileSync(out, "utf8");
    expect(html).toContain('<section id="stack">');
    expect(html).toContain("Stack <strong>buy-aws</strong> of project aitracks");
    expect(html).toMatch(/<td>assistant-invocation-logs<\/td><td><code>aws s3 Bucket<\/code><\/td><td>buy \(assistant, aws\)<\/td><td class="n">\$\d+\.\d\d<\/td>/);
    // The estimate is `aitracks cost`'s, to the cent, with its chart.
    const cost = JSON.parse(aitracks(["cost", "--stack", "buy-aws", "--json"]).stdout);
    const usd = (x: number) => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(html).toContain(`Estimated <strong>${usd(cost.monthlyUsd)} a month</strong>`);
    expect(JSON.parse(r.stdout).charts).toEqual(["decision-matrix", "cumulative-cost", "cost-by-volume", "stack-cost"]);
    // The policy pack's verdicts: buy-aws is secure by default (no mandatory violation); its one
    // advisory is the budget its growing traffic crosses in month 4 (cost-budget-crossing).
    expect(html).toMatch(/<p id="policy-summary"><span class="pill advisory">1 advisory<\/span> from \d+ policies\.<\/p>/);
    expect(html).not.toContain('<span class="pill mandatory">');
    expect(html).toMatch(/<tr><td><span class="pill advisory">advisory<\/span><\/td><td>cost-budget-crossing<\/td><td>stack<\/td><td>[^<]*crosses it in month 4 of 36: \$4,058\.56/);
    // The decision beside the stack: clear-buy recommends buy, the stack provisions buy.
    expect(html).toContain(
      '<p id="decision-verdict"><span class="pill ok">in step</span> In step with the decision (examples/decisions/clear-buy.yaml): the stack provisions buy, within its recommendation buy.</p>',
    );
  });

  it("with --stack and a stack with no violation, says all policies pass", () => {
    const out = join(fresh(), "pass.html");
    const r = aitracks(["report", "examples/decisions/clear-buy.yaml", "examples/workloads/requests-10k.yaml", "--stack", "buy-gcp", "--out", out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/<p id="policy-verdicts"><span class="pill ok">pass<\/span> All \d+ policies pass\.<\/p>/);
    expect(html).not.toContain('id="policy-summary"');
  });

  it("with --stack and a decision that ruled the stack's track out, says so beside the stack (the policy's verdict)", () => {
    const out = join(fresh(), "mismatch.html");
    const r = aitracks(["report", "examples/decisions/clear-fine-tune.yaml", "examples/workloads/requests-10k.yaml", "--stack", "buy-aws", "--out", out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain(
      '<p id="decision-verdict"><span class="pill mandatory">mandatory</span> Out of step with the decision: the stack provisions the buy track, which the decision (examples/decisions/clear-fine-tune.yaml) ruled out.</p>',
    );
  });

  it("with an insecure program, shows its policy violations, mandatory first", () => {
    const out = join(fresh(), "insecure.html");
    const r = aitracks(["report", "examples/decisions/clear-buy.yaml", "examples/workloads/requests-10k.yaml", "--program", "examples/insecure", "--stack", "insecure", "--out", out]);
    expect(r.code).toBe(0); // a report describes the stack; `aitracks check` is the gate
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/<p id="policy-summary"><span class="pill mandatory">\d+ mandatory<\/span> <span class="pill advisory">\d+ advisory<\/span> from \d+ policies: mandatory violations block a deploy\.<\/p>/);
    const table = html.slice(html.indexOf('<table class="small" id="policy-verdicts">'));
    expect(table.indexOf("pill mandatory")).toBeLessThan(table.indexOf("pill advisory"));
    expect(table).toContain("<td>aws-sagemaker-notebook-no-root-access</td><td><code>notebook</code></td>");
  });

  it("exits 2 on bad flags, one line each, and writes nothing", () => {
    const dir = fresh();
    const out = join(dir, "r.html");
    const r = aitracks(["report", "examples/decisions/clear-buy.yaml", "examples/workloads/requests-100.yaml", "--out", out, "--samples", "0", "--today", "30/11/2026"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([
      'aitracks: --samples: expected a whole number from 1 to 1,000,000, got "0"',
      'aitracks: --today: expected a date YYYY-MM-DD, got "30/11/2026"',
    ]);
    expect(existsSync(out)).toBe(false);

    const missingDir = aitracks(["report", "examples/decisions/clear-buy.yaml", "examples/workloads/requests-100.yaml", "--out", join(dir, "no", "r.html")]);
    expect(missingDir.code).toBe(2);
    expect(missingDir.stderr).toBe(`aitracks: --out ${join(dir, "no", "r.html")}: directory ${join(dir, "no")} does not exist\n`);

    const onInput = aitracks(["report", "examples/decisions/clear-buy.yaml", "examples/workloads/requests-100.yaml", "--out", "examples/decisions/clear-buy.yaml"]);
    expect(onInput.code).toBe(2);
    expect(onInput.stderr).toBe("aitracks: --out examples/decisions/clear-buy.yaml: is one of the input files; choose another path\n");
  });

  it("exits 2 on a bad decision or workload file, naming the field, and writes nothing", () => {
    const dir = fresh();
    const out = join(dir, "r.html");
    const bad = aitracks(["report", "examples/decisions/bad-score.yaml", "examples/workloads/requests-100.yaml", "--out", out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^aitracks: examples\/decisions\/bad-score\.yaml: criteria\.\w+\.score: /);
    expect(bad.stderr).not.toMatch(/\n\s+at /);

    const wl = join(dir, "w.yaml");
    writeFileSync(wl, "workload: {requestsPerDay: 5, inputTokensPerRequest: 5, outputTokensPerRequest: 5}\nbuy: {provider: openai, model: gpt-nope}\n");
    const price = aitracks(["report", "examples/decisions/clear-buy.yaml", wl, "--out", out]);
    expect(price.code).toBe(2);
    expect(price.stderr).toContain(`aitracks: ${wl}: buy.model: no price for "gpt-nope" on provider "openai"`);

    const stack = aitracks(["report", "examples/decisions/clear-buy.yaml", "examples/workloads/requests-100.yaml", "--stack", "no-such-stack", "--out", out]);
    expect(stack.code).toBe(2);
    expect(stack.stderr).toMatch(/^aitracks: .*Pulumi\.no-such-stack\.yaml/);
    expect(existsSync(out)).toBe(false);
  });
});
