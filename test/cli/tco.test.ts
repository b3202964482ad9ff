// @ts-nocheck
// End to end: spawns the built CLI (run `npx tsc -b` first) on the example workloads.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");
const bin = join(root, "packages", "cli", "bin", "aitracks.js");

function aitracks(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("aitracks tco", () => {
  it("prints the table, the crossovers in words and the assumptions", () => {
    const r = aitracks("tco", "examples/workloads/requests-10k.yaml");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/option\s+│ year 1 │ year 2 │ year 3 │\s+total │\s+P10-P90/);
    expect(r.stdout).toMatch(/│ buy \*\s+│/); // the cheapest is marked
    expect(r.stdout).toMatch(/fine-tune is cheaper than buy above [\d,]+ requests\/day/);
    expect(r.stdout).toContain("Assumptions");
    expect(r.stdout).toMatch(/fineTune\.labeledExamples: 1,000-100,000 \(likely 10,000\)/);
    expect(r.stdout).toMatch(/build pretraining compute: \$766,\d{3}/); // 17,818 instance-hours x $21.50 (ml.trn1.32xlarge) x 2
  });

  it("--decision tells the cheapest eligible option from the cheapest overall (issue 21)", () => {
    // requests-10k: buy $1.29M is the cheapest; clear-fine-tune rules buy out (facts.dataSharingAllowed: false) and build (budget, team).
    const r = aitracks("tco", "examples/workloads/requests-10k.yaml", "--decision", "examples/decisions/clear-fine-tune.yaml", "--samples", "200");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ buy \* \(ruled out\)\s+│/);
    expect(r.stdout).toMatch(/│ build \(ruled out\)\s+│/);
    expect(r.stdout).toMatch(/^Cheapest eligible \(per the decision\): fine-tune \$2\.\d\dM$/m);
    expect(r.stdout).toMatch(/^  buy \$1\.\d\dM is cheaper overall but ruled out: data may not be sent to a third-party API/m);
    const j = JSON.parse(aitracks("tco", "examples/workloads/requests-10k.yaml", "--decision", "examples/decisions/clear-fine-tune.yaml", "--samples", "200", "--json").stdout);
    expect(j.cheapest).toBe("buy");
    expect(j.cheapestEligible).toBe("fine-tune");
    expect(Object.keys(j.ruledOut).sort()).toEqual(["build", "buy"]);
    // Without --decision, neither is there.
    const plain = JSON.parse(aitracks("tco", "examples/workloads/requests-10k.yaml", "--samples", "200", "--json").stdout);
    expect(plain.cheapestEligible).toBeUndefined();
    // A bad decision file is exit 2, naming the file.
    const bad = aitracks("tco", "examples/workloads/requests-10k.yaml", "--decision", "examples/workloads/requests-10k.yaml");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/requests-10k\.yaml/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it("--json prints the documented document, reproducibly", () => {
    const a = aitracks("tco", "examples/workloads/requests-100k.yaml", "--json", "--samples", "500", "--seed", "3");
    expect(a.code).toBe(0);
    const report = JSON.parse(a.stdout);
    expect(Object.keys(report).sort()).toEqual(["assumptions", "cheapest", "crossovers", "horizonMonths", "options", "priceWarnings", "pricesAsOf"]);
    expect(report.horizonMonths).toBe(36);
    expect(report.cheapest).toBe("fine-tune");
    expect(report.options[0]).toMatchObject({ option: "buy", range: { p10: expect.any(Number), p50: expect.any(Number), p90: expect.any(Number) } });
    expect(report.options[0].years).toHaveLength(3);
    expect(report.options[0].monthly).toHaveLength(36);
    expect(report.crossovers[0]).toEqual({ cheaper: "fine-tune", than: "buy", aboveRequestsPerDay: expect.any(Number) });
    const b = aitracks("tco", "examples/workloads/requests-100k.yaml", "--json", "--samples", "500", "--seed", "3");
    expect(b.stdout).toBe(a.stdout);
  });

  it("--horizon changes the projection", () => {
    const r = aitracks("tco", "examples/workloads/requests-100.yaml", "--json", "--horizon", "18");
    const report = JSON.parse(r.stdout);
    expect(report.horizonMonths).toBe(18);
    expect(report.options[0].years).toHaveLength(2);
    expect(report.options[0].monthly).toHaveLength(18);
  });

  it("exits 2 on a bad file, one line per problem naming the field, no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-tco-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(file, "workload:\n  requestsPerDay: x\n  inputTokensPerRequest: 100\n  outputTokensPerRequest: 10\nbuy:\n  provider: openai\n  model: gpt-4o\n");
    const r = aitracks("tco", file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([
      `aitracks: ${file}: workload.requestsPerDay: expected a number of requests per day of 0 or more, or a range {low, high}, got "x"`,
    ]);

    writeFileSync(file, "workload: {requestsPerDay: 5, inputTokensPerRequest: 5, outputTokensPerRequest: 5}\nbuy: {provider: openai, model: gpt-nope}\n");
    const p = aitracks("tco", file);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(`aitracks: ${file}: buy.model: no price for "gpt-nope" on provider "openai"`);
    expect(p.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on bad flags and a missing file", () => {
    const r = aitracks("tco", "examples/workloads/requests-100.yaml", "--samples", "lots", "--horizon", "0");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--samples: expected a whole number from 1 to 1,000,000, got "lots"');
    expect(r.stderr).toContain('--horizon: expected a whole number from 1 to 120, got "0"');
    const missing = aitracks("tco", "no/such.yaml");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("aitracks: no/such.yaml: no such file\n");
  });

  it("has a helpful --help", () => {
    const r = aitracks("tco", "--help");
    expect(r.code).toBe(0);
    for (const s of ["--json", "--samples <n>", "--seed <n>", "--horizon <months>", "requestsPerDay", "Exit codes"]) expect(r.stdout).toContain(s);
  });
});

const ROOT_DIR = root;
function aitracksTco(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, "tco", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("aitracks tco and the age of its prices", () => {
  it("prints the prices' as-of date, and in JSON", () => {
    const text = aitracksTco(["examples/workloads/requests-100.yaml"]);
    expect(text.stdout).toMatch(/^Prices as of \d{4}-\d{2}-\d{2} \(compute \d{4}-\d{2}-\d{2}, token prices \d{4}-\d{2}-\d{2}\)/m);
    const json = JSON.parse(aitracksTco(["examples/workloads/requests-100.yaml", "--json"]).stdout);
    expect(json.pricesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Array.isArray(json.priceWarnings)).toBe(true);
  });

  it("warns when the catalog is older than the review period", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-stale-"));
    const catalog = JSON.parse(readFileSync(join(ROOT_DIR, "packages/core/catalog/compute-prices.json"), "utf8"));
    for (const e of catalog.entries) e.asOf = "2024-01-01";
    writeFileSync(join(dir, "catalog.json"), JSON.stringify(catalog));
    const r = aitracksTco(["examples/workloads/requests-100.yaml"], { AITRACKS_CATALOG: join(dir, "catalog.json") });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Prices as of 2024-01-01 .*older than 6 months: see `aitracks pricing status`$/m);
    expect(r.stderr).toMatch(/aitracks: warning: .*2024-01-01/);
  });
});
