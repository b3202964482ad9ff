// @ts-nocheck
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aitracks } from "../helpers/cli";
import { DECISION, ROOT, WORKLOAD, expectOneLine, put, scratch } from "./helpers";

// Finite or refused: every number of every input has an upper bound and is refused past it,
// naming the field; a total that still cannot be computed fails the command (exit 1), never passes.

const dir = scratch("bounds");
const stackConfig = readFileSync(join(ROOT, "stacks", "Pulumi.buy-aws.yaml"), "utf8");
const hugeStack = put(dir, "Pulumi.buy-aws.yaml", stackConfig.replace("requestsPerDay: 10000", "requestsPerDay: 1e308"));

/** A `pulumi preview --json` plan whose endpoint has 1e308 instances: the program's own input, no schema of ours. */
const plan = put(
  dir,
  "plan.json",
  JSON.stringify({
    steps: [
      {
        op: "create",
        urn: "urn:pulumi:s::p::aws:sagemaker/endpointConfiguration:EndpointConfiguration::ec",
        newState: {
          urn: "urn:pulumi:s::p::aws:sagemaker/endpointConfiguration:EndpointConfiguration::ec",
          custom: true,
          type: "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
          inputs: { productionVariants: [{ instanceType: "ml.g5.2xlarge", initialInstanceCount: 1e308, variantName: "v" }] },
          outputs: {},
          parent: "",
          provider: "",
          dependencies: [],
        },
      },
    ],
  }),
);

describe("numbers past their bound are refused with the field named (exit 2)", () => {
  it("a stack's requestsPerDay: 1e308 stops cost --json, check and the cost gates", () => {
    const field = /^aitracks: aitracks:workload\.workload\.requestsPerDay: expected at most 1e12, got 1e\+308$/;
    for (const args of [
      ["cost", "--stack", "buy-aws", "--config", hugeStack, "--json"],
      ["check", "--stack", "buy-aws", "--config", hugeStack, "--engine", "in-process"],
    ]) {
      const r = aitracks(args);
      expectOneLine(r, 2, field);
      expect(r.stdout).toBe("");
    }
  });

  it("a workload file's volume, tokens and prices past their bounds: tco names each", () => {
    const w = put(dir, "w.yaml", WORKLOAD.replace("10000", "1e308").replace("300", "1e9") + "  inputUsdPerMillionTokens: 1e300\n");
    const r = aitracks(["tco", w]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      `aitracks: ${w}: workload.requestsPerDay: expected at most 1e12, got 1e+308`,
      `aitracks: ${w}: workload.outputTokensPerRequest: expected at most 1e7, got 1000000000`,
      `aitracks: ${w}: buy.inputUsdPerMillionTokens: expected at most 1e12, got 1e+300`,
    ]);
    expect(r.stdout).toBe("");
  });

  it("a range's high end past the bound is named too", () => {
    const w = put(dir, "range.yaml", WORKLOAD.replace("10000", "{ low: 1, high: 1e13 }"));
    expectOneLine(aitracks(["tco", w]), 2, /workload\.requestsPerDay\.high: expected at most 1e12, got 10000000000000$/);
  });

  it("a decision's budget and dates: budgetUsd 1e308 and decidedOn 9999-12-31 are refused", () => {
    const d = put(dir, "d.yaml", `${DECISION}facts:\n  budgetUsd: 1e308\n  decidedOn: 9999-12-31\n`);
    const r = aitracks(["decide", d]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      `aitracks: ${d}: facts.budgetUsd: expected at most 1e12, got 1e+308`,
      `aitracks: ${d}: facts.decidedOn: expected a date in the years 1970 to 2200, got "9999-12-31"`,
    ]);
    expectOneLine(aitracks(["decide", put(dir, "ok.yaml", DECISION), "--today", "1969-12-31"]), 2, /^aitracks: --today: expected a date YYYY-MM-DD, got "1969-12-31"$/);
  });

  it("a catalog price of 1e308 is refused before any projection", () => {
    const catalog = JSON.parse(readFileSync(join(ROOT, "packages", "core", "catalog", "compute-prices.json"), "utf8"));
    catalog.entries[0].usd = 1e308;
    const file = put(dir, "catalog.json", JSON.stringify(catalog));
    expectOneLine(aitracks(["tco", put(dir, "w-ok.yaml", WORKLOAD)], { env: { AITRACKS_CATALOG: file } }), 2, /catalog\.json: entries\[0\]\.usd: expected at most 1e12, got 1e\+308$/);
  });

  it("gate flags past their bound", () => {
    const base = put(dir, "base.json", JSON.stringify({ currency: "USD", monthlyUsd: 1, resources: [] }));
    expectOneLine(aitracks(["cost", "--stack", "buy-aws", "--diff", base, "--fail-above-usd", "1e308"]), 2, /^aitracks: --fail-above-usd: expected at most 1e12, got "1e308"$/);
    expectOneLine(aitracks(["cost", "--stack", "buy-aws", "--diff", base, "--fail-above-percent", "Infinity"]), 2, /^aitracks: --fail-above-percent: expected a number of 0 or more, got "Infinity"$/);
    expectOneLine(aitracks(["tco", "x.yaml", "--samples", "1e9"]), 2, /^aitracks: --samples: expected a whole number from 1 to 1,000,000, got "1e9"$/);
    expectOneLine(aitracks(["pricing", "refresh", "--dry-run", "--timeout", "1e308"]), 2, /^aitracks: --timeout: expected at most 3,600, got "1e308"$/);
  });
});

describe("a total that cannot be computed fails the gate (exit 1), never passes", () => {
  it("cost of a plan with 1e308 instances: exit 1 with the reason, nothing printed as a figure", () => {
    const r = aitracks(["cost", "--from-preview", plan, "--json"]);
    expectOneLine(r, 1, /^aitracks: stack s: cannot compute the monthly total \(got Infinity\)/);
    expect(r.stdout).toBe("");
  });

  it("cost --diff with every gate: exit 1, not 0", () => {
    const base = put(dir, "base-ok.json", JSON.stringify({ currency: "USD", monthlyUsd: 10, resources: [] }));
    const r = aitracks(["cost", "--from-preview", plan, "--diff", base, "--fail-above-usd", "1", "--fail-above-percent", "1", "--fail-on-budget-crossing"]);
    expectOneLine(r, 1, /cannot compute the monthly total \(got Infinity\)/);
    expect(r.stdout).not.toMatch(/Infinity|NaN|null/);
  });

  it("requireFinite names the first figure that is not a number and lets finite ones through", async () => {
    const { requireFinite } = await import("../../packages/cli/dist/finite.js");
    expect(() => requireFinite("x", [["a", 1], ["b", null], ["c", Number.NaN]])).toThrow("x: cannot compute c (got NaN)");
    expect(() => requireFinite("x", [["a", 1e300]])).not.toThrow();
  });
});
