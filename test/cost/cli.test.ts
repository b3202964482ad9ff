// @ts-nocheck
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aitracks } from "../helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "aitracks-cost-cli-"));

describe("aitracks cost", () => {
  it("prints the breakdown with totals by track and cloud, the monthly, three-year and budget lines", () => {
    const r = aitracks(["cost", "--stack", "buy-aws"]);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout;
    expect(out.split("\n")[0]).toBe("Cost estimate for stack buy-aws of aitracks");
    expect(out).toMatch(/│ assistant-model-0\s+│ us\.anthropic\.claude-sonnet-4-20250514-v1:0 input tokens\s+│\s+456\.25M tokens │\s+\$3 │ \$1,368\.75 │/);
    expect(out).toMatch(/│ track buy \(assistant, aws\)\s+│ \$3,714\.35 │\s+\$0\.00 │/);
    expect(out).toMatch(/│ cloud aws\s+│ \$3,714\.35 │/);
    expect(out).toContain("Monthly total: $3,714.35");
    expect(out).toMatch(/^Three years \(36 months\): \$[\d,.]+ = infrastructure \$[\d,.]+ \+ one-off \$0\.00 \+ people and data \$1,098,000\.00 \(TCO model, buy option/m);
    expect(out).toContain("Budget: $4,000.00 a month, 93% used");
    expect(out).toContain("Unpriced: none");
    expect(out).toMatch(/^Prices as of \d{4}-\d{2}-\d{2} \(compute \d{4}-\d{2}-\d{2}, token prices \d{4}-\d{2}-\d{2}\)/m);
  });

  it("prints the documented JSON: monthlyUsd, threeYearUsd, resources with components, unpriced, currency, pricesAsOf", () => {
    const r = aitracks(["cost", "--stack", "buy-aws", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ currency: "USD", monthlyUsd: 3714.35, oneOffUsd: 0, unpriced: [], budget: { maxMonthlyUsd: 4000 }, stack: "buy-aws" });
    expect(doc.pricesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof doc.threeYearUsd).toBe("number");
    const model = doc.resources.find((x: { urn: string }) => x.urn.endsWith("::assistant-model-0"));
    expect(model).toMatchObject({ type: "aws:bedrock/inferenceProfile:InferenceProfile", monthlyUsd: 2737.5 });
    expect(model.components[0]).toEqual({
      name: "us.anthropic.claude-sonnet-4-20250514-v1:0 input tokens",
      unit: "1M tokens",
      kind: "usage",
      monthlyQuantity: 456.25,
      unitPriceUsd: 3,
      monthlyUsd: 1368.75,
      priceSource: "@pydantic/genai-prices (bundled data): aws regional.anthropic.claude-sonnet-4-20250514-v1:0",
    });
    expect(doc.free.length).toBeGreaterThan(10);
  });

  it("stops on bad flags and files with exit 2, one line each, nothing on stdout", () => {
    const cases: [string[], RegExp][] = [
      [["cost", "--stack", "buy-aws", "--format", "xml"], /^aitracks: --format: expected text, markdown or github-comment, got "xml"$/],
      [["cost", "--stack", "buy-aws", "--fail-above-usd", "100"], /^aitracks: --fail-above-usd, --fail-above-percent and --fail-on-budget-crossing compare with a base: give --diff <base\.json>$/],
      [["cost", "--stack", "buy-aws", "--diff", "x.json", "--fail-above-percent", "ten"], /^aitracks: --fail-above-percent: expected a number of 0 or more, got "ten"$/],
      [["cost", "--stack", "buy-aws", "--diff", join(dir, "missing.json")], /^aitracks: .*missing\.json: no such file$/],
    ];
    for (const [args, line] of cases) {
      const r = aitracks(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(line);
    }
    const notCost = join(dir, "not-cost.json");
    writeFileSync(notCost, JSON.stringify({ currency: "USD", resources: [] }));
    const r = aitracks(["cost", "--stack", "buy-aws", "--diff", notCost]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`aitracks: ${notCost}: monthlyUsd: expected the monthly total in USD, got nothing (expected the output of aitracks cost --json)`);
  });

  it("stops on a bad workload in the stack config, naming the key", () => {
    const file = join(dir, "Pulumi.bad.yaml");
    writeFileSync(
      file,
      [
        "config:",
        "  aitracks:tracks:",
        "    - {track: buy, cloud: aws, region: us-east-1, name: assistant, models: [amazon.nova-lite-v1:0]}",
        "  aitracks:workload:",
        "    workload: {requestsPerDay: lots, inputTokensPerRequest: 100, outputTokensPerRequest: 10}",
        "  aitracks:tags: {owner: a, costCenter: b}",
        "  aitracks:budget: {maxMonthlyUsd: 100}",
        "  aitracks:decision: {track: buy, reviewDate: '2027-05-01'}",
      ].join("\n"),
    );
    const r = aitracks(["cost", "--stack", "bad", "--config", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toMatch(/^aitracks: aitracks:workload\.workload\.requestsPerDay: expected a number of requests per day of 0 or more, or a range \{low, high\}, got "lots"$/);
  });
});
