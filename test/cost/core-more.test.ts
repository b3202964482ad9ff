// @ts-nocheck
// The cost model's core helpers, in-process: the non-finite check, a `pulumi preview --json`
// document read into a graph, the track-fits-volume verdict, the --json document and the
// baseline it reads back, cron schedules and ISO durations, serverless sizes, autoscaled fleets,
// the graph index. Exact figures with the arithmetic beside them; both sides of each boundary.
import { describe, expect, it } from "vitest";
import {
  COST_MODULES,
  FREE,
  FREE_FAMILIES,
  PriceCatalog,
  UNCOUNTED_USAGE,
  freeReason,
  pricesStatus,
  primaryTokenPrices,
  DEFAULT_FITS_VOLUME_MARGIN,
  DYNAMIC_RESOURCES,
  GraphIndex,
  InputError,
  Unpriced,
  busyShare,
  crossovers,
  estimateCost,
  estimateJson,
  fleetInMonth,
  graphFromPulumiPreview,
  isUnknown,
  loadCatalog,
  nonFiniteFigure,
  parseCostBaseline,
  quietRatio,
  requestsPerMinuteAtUtilisation,
  resolveTco,
  stackCostInputs,
  stackWorkloadSchema,
  totalAt,
  trackFitsVolume,
  usageOf,
  workloadFileSchema,
} from "@aitracks/core";
import { createRequire } from "node:module";
import { child, estimate, leanFineTuneWorkload, res, track } from "./helpers";

// The cost model's internal helpers, from the same compiled modules @aitracks/core loads (a
// require, not an import: vite would load a second copy of each file).
const require = createRequire(import.meta.url);
const dist = (m: string) => require(`../../packages/core/dist/cost/${m}.js`);
const { cron5RunsPerMonth, cronRunsPerMonth, isoDurationHours } = dist("schedule");
const { SECONDS_PER_MONTH, bytesPerRequest, cpusOf, gibOf, workloadRequests } = dist("serverless");
const { fleetComponent, fleetShareOf, peakToAverageOf } = dist("fleet");
const { asArray, at, isBillable, nameOfUrn } = dist("graph");
const { stackTcoModel } = dist("three-year");

/** What a throwing call threw (fails when it does not throw). */
function thrown(f: () => unknown): any {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error("expected a throw");
}

describe("nonFiniteFigure: the first figure that is not a finite number, named", () => {
  const base = () => ({
    monthlyUsd: 1,
    oneOffUsd: 0,
    minMonthlyUsd: 1,
    ceilingMonthlyUsd: 1,
    monthlyUsdByMonth: [1, 1, 1],
    threeYear: { totalUsd: 36 },
    budgetUsd: undefined,
    resources: [
      { name: "a", monthlyUsd: 1, oneOffUsd: 0 },
      { name: "b", monthlyUsd: 0, oneOffUsd: 0 },
    ],
  });
  it("finite figures, and an absent budget, pass", () => {
    expect(nonFiniteFigure(base())).toBeUndefined();
    expect(nonFiniteFigure({ ...base(), budgetUsd: 100 })).toBeUndefined();
    expect(nonFiniteFigure({ ...base(), monthlyUsdByMonth: [], resources: [] })).toBeUndefined();
  });
  it("names each figure, with what it got", () => {
    const e = base();
    expect(nonFiniteFigure({ ...e, monthlyUsd: Number.NaN })).toBe("the monthly total (got NaN)");
    expect(nonFiniteFigure({ ...e, oneOffUsd: Number.POSITIVE_INFINITY })).toBe("the one-off total (got Infinity)");
    expect(nonFiniteFigure({ ...e, minMonthlyUsd: Number.NEGATIVE_INFINITY })).toBe("the monthly minimum (got -Infinity)");
    expect(nonFiniteFigure({ ...e, ceilingMonthlyUsd: Number.NaN })).toBe("the monthly ceiling (got NaN)");
    expect(nonFiniteFigure({ ...e, monthlyUsdByMonth: [1, Number.NaN, Number.POSITIVE_INFINITY] })).toBe("month 2's cost (got NaN)");
    expect(nonFiniteFigure({ ...e, monthlyUsdByMonth: [Number.POSITIVE_INFINITY] })).toBe("month 1's cost (got Infinity)");
    expect(nonFiniteFigure({ ...e, threeYear: { totalUsd: Number.NaN } })).toBe("the three-year total (got NaN)");
    expect(nonFiniteFigure({ ...e, budgetUsd: Number.POSITIVE_INFINITY })).toBe("the monthly budget (aitracks:budget.maxMonthlyUsd) (got Infinity)");
    expect(nonFiniteFigure({ ...e, resources: [{ name: "a", monthlyUsd: 1, oneOffUsd: 0 }, { name: "b", monthlyUsd: Number.NaN, oneOffUsd: 0 }] })).toBe("b's monthly cost (got NaN)");
    expect(nonFiniteFigure({ ...e, resources: [{ name: "a", monthlyUsd: 1, oneOffUsd: Number.POSITIVE_INFINITY }] })).toBe("a's one-off cost (got Infinity)");
  });
  it("the first in order wins", () => {
    expect(nonFiniteFigure({ ...base(), monthlyUsd: Number.NaN, oneOffUsd: Number.NaN })).toBe("the monthly total (got NaN)");
    expect(nonFiniteFigure({ ...base(), threeYear: { totalUsd: Number.NaN }, monthlyUsdByMonth: [Number.NaN] })).toBe("month 1's cost (got NaN)");
  });
});

describe("graphFromPulumiPreview", () => {
  const U = (type: string, name: string, stack = "dev", project = "proj") => `urn:pulumi:${stack}::${project}::${type}::${name}`;
  const BUCKET = "aws:s3/bucket:Bucket";

  it("keeps creates, updates, replacements, sames and reads; drops every kind of delete and steps without a new state", () => {
    const ops = ["create", "update", "same", "replace", "create-replacement", "read", "delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"];
    const steps = ops.map((op) => ({ op, urn: U(BUCKET, op), newState: { type: BUCKET, inputs: { bucket: op } } }));
    steps.push({ op: "create", urn: U(BUCKET, "stateless") });
    steps.push({ op: "create", urn: U(BUCKET, "null-state"), newState: null });
    const g = graphFromPulumiPreview({ steps }, "plan.json");
    expect(g.resources.map((r) => r.name)).toEqual(["create", "update", "same", "replace", "create-replacement", "read"]);
    expect(g.project).toBe("proj");
    expect(g.stack).toBe("dev");
    expect(g).not.toHaveProperty("config");
  });

  it("reads each state field, with the defaults for absent ones", () => {
    const doc = {
      config: { "aws:region": "eu-west-1" },
      steps: [
        {
          op: "create",
          urn: U(BUCKET, "step-urn"),
          newState: {
            urn: U(BUCKET, "state-urn", "prod", "shop"),
            type: BUCKET,
            custom: false,
            parent: U("pulumi:pulumi:Stack", "shop-prod"),
            provider: "urn:pulumi:prod::shop::pulumi:providers:aws::default::abc",
            inputs: { bucket: "in" },
            outputs: { bucket: "out" },
            dependencies: ["d1"],
            propertyDependencies: { bucket: ["d1"], tags: null },
          },
        },
        { op: "read", urn: U(BUCKET, "read-only"), newState: { type: BUCKET, outputs: { bucket: "o" }, parent: null, provider: null, inputs: null, dependencies: null, propertyDependencies: null } },
        { op: "same", urn: U(BUCKET, "bare"), newState: { type: BUCKET } },
      ],
    };
    const g = graphFromPulumiPreview(doc, "plan.json");
    // The first resource's URN names the stack and project (the state's URN wins over the step's).
    expect(g.stack).toBe("prod");
    expect(g.project).toBe("shop");
    expect(g.config).toEqual({ "aws:region": "eu-west-1" });
    expect(g.resources).toEqual([
      {
        urn: U(BUCKET, "state-urn", "prod", "shop"),
        type: BUCKET,
        name: "state-urn",
        custom: false,
        parent: U("pulumi:pulumi:Stack", "shop-prod"),
        provider: "urn:pulumi:prod::shop::pulumi:providers:aws::default::abc",
        inputs: { bucket: "in" },
        dependencies: ["d1"],
        propertyDependencies: { bucket: ["d1"], tags: [] },
      },
      { urn: U(BUCKET, "read-only"), type: BUCKET, name: "read-only", custom: true, parent: null, provider: null, inputs: { bucket: "o" }, dependencies: [], propertyDependencies: {} },
      { urn: U(BUCKET, "bare"), type: BUCKET, name: "bare", custom: true, parent: null, provider: null, inputs: {}, dependencies: [], propertyDependencies: {} },
    ]);
  });

  it("a later step for the same URN replaces the earlier one; config null is no config", () => {
    const g = graphFromPulumiPreview(
      {
        config: null,
        steps: [
          { op: "create", urn: U(BUCKET, "b"), newState: { type: BUCKET, inputs: { v: 1 } } },
          { op: "update", urn: U(BUCKET, "b"), newState: { type: BUCKET, inputs: { v: 2 } } },
        ],
      },
      "plan.json",
    );
    expect(g.resources.map((r) => r.inputs)).toEqual([{ v: 2 }]);
    expect(g).not.toHaveProperty("config");
  });

  it("no resources, or URNs that are not Pulumi URNs: no stack or project", () => {
    expect(graphFromPulumiPreview({ steps: [] }, "plan.json")).toEqual({ resources: [] });
    expect(graphFromPulumiPreview({ steps: [{ op: "delete", urn: U(BUCKET, "gone"), newState: { type: BUCKET } }] }, "plan.json")).toEqual({ resources: [] });
    const odd = graphFromPulumiPreview({ steps: [{ op: "create", urn: "x::odd::name", newState: { type: BUCKET } }] }, "plan.json");
    expect(odd).toEqual({ resources: [{ urn: "x::odd::name", type: BUCKET, name: "name", custom: true, parent: null, provider: null, inputs: {}, dependencies: [], propertyDependencies: {} }] });
    // Two colons in the stack part: not urn:pulumi:<stack>::<project>::
    expect(graphFromPulumiPreview({ steps: [{ op: "create", urn: "urn:pulumi:a:b::p::t::n", newState: { type: BUCKET } }] }, "p.json")).not.toHaveProperty("stack");
    expect(graphFromPulumiPreview({ steps: [{ op: "create", urn: "xurn:pulumi:s::p::t::n", newState: { type: BUCKET } }] }, "p.json")).not.toHaveProperty("project");
  });

  it("rejects what is not a preview document, naming the file and field", () => {
    const lines = (doc: unknown) => {
      const err = thrown(() => graphFromPulumiPreview(doc, "plan.json"));
      expect(err).toBeInstanceOf(InputError);
      return err.lines;
    };
    expect(lines(null)).toEqual(["plan.json: (root): expected an object, got null"]);
    expect(lines({})).toEqual(["plan.json: steps: expected steps: the output of `pulumi preview --json`, got nothing"]);
    expect(lines({ steps: "x" })).toEqual(['plan.json: steps: expected steps: the output of `pulumi preview --json`, got "x"']);
    expect(lines({ steps: [{ op: "create" }] })).toEqual(["plan.json: steps[0].urn: expected the resource URN, got nothing"]);
    expect(lines({ steps: [{ urn: "u" }] })).toEqual(["plan.json: steps[0].op: expected the step's operation (create, update, same, delete …), got nothing"]);
    expect(lines({ steps: [{ op: 1, urn: 2 }] })).toEqual([
      "plan.json: steps[0].op: expected the step's operation (create, update, same, delete …), got 1",
      "plan.json: steps[0].urn: expected the resource URN, got 2",
    ]);
    expect(lines({ steps: [{ op: "create", urn: "u", newState: {} }] })).toEqual(["plan.json: steps[0].newState.type: expected the resource type, got nothing"]);
    expect(lines({ steps: [{ op: "create", urn: "u", newState: { type: "t", inputs: [] } }] })).toEqual(["plan.json: steps[0].newState.inputs: expected record, got an empty list"]);
    expect(lines({ config: "x", steps: [] })).toEqual(['plan.json: config: expected record, got "x"']);
    expect(lines({ steps: [{ op: "create", urn: "u", newState: { type: "t", dependencies: "d" } }] })).toEqual(['plan.json: steps[0].newState.dependencies: expected a list, got "d"']);
  });
});

describe("trackFitsVolume", () => {
  const catalog = loadCatalog();
  // Buy on an Opus-class model ($15 / $75 per million tokens), 400 tokens in and 600 out, against a
  // lean hosted fine-tune (as test/cost/policies.test.ts).
  const workload = leanFineTuneWorkload;
  const OPUS = { provider: "aws", model: "anthropic.claude-opus-4-20250514-v1:0", inputUsdPerMillionTokens: 15, outputUsdPerMillionTokens: 75 };
  const verdict = (config: Record<string, unknown>, options = {}) => trackFitsVolume(stackCostInputs(config), { catalog, ...options });
  const on = (rpd: number, tracks: string[], extra = {}) => ({ "aitracks:workload": workload(rpd, extra), "aitracks:tracks": tracks.map((track) => ({ track })) });
  /** Each option's total from the TCO model directly. */
  const tco = (rpd: number, buy = OPUS) => {
    const m = resolveTco(workloadFileSchema.parse({ ...workload(rpd), buy }), { catalog, horizonMonths: 36 });
    return { buy: totalAt(m, "buy", rpd), "fine-tune": totalAt(m, "fine-tune", rpd), build: totalAt(m, "build", rpd), crossovers: crossovers(m) };
  };

  it("does not apply without a workload, to a hybrid, to evaluation only, or to buy without a token price", () => {
    const na = (v) => [v.applicable, v.fires, v.reason, v.message === v.reason, Object.keys(v).sort().join(",")];
    expect(na(verdict({}))).toEqual([false, false, "the stack has no aitracks:workload, so there is no volume to judge", true, "applicable,fires,message,reason"]);
    expect(na(verdict({ "aitracks:workload": workload(10), "aitracks:decision": { track: "hybrid", reviewDate: "2027-06-01" }, "aitracks:tracks": [{ track: "buy" }] }))).toEqual([
      false,
      false,
      "a hybrid stack: its workload is not split by track, so no single option can be judged",
      true,
      "applicable,fires,message,reason",
    ]);
    const evalOnly = "an evaluation-only stack serves no workload";
    expect(verdict(on(10, [])).reason).toBe(evalOnly);
    expect(verdict(on(10, ["evaluation"])).reason).toBe(evalOnly);
    expect(verdict(on(10, ["evaluation", "evaluation"])).reason).toBe(evalOnly);
    expect(verdict(on(10, ["buy"])).reason).toBe("buy has no token price (name aitracks:workload.buy) to compare with");
    expect(verdict(on(10, ["buy"])).applicable).toBe(false);
  });

  it("applies when the decision names an option, or a track other than evaluation is listed", () => {
    const decided = (track: string) => verdict({ "aitracks:workload": workload(1), "aitracks:decision": { track, reviewDate: "2027-06-01" } }, { buyPrices: OPUS });
    expect(decided("fine-tune").option).toBe("fine-tune");
    expect(decided("build").option).toBe("build");
    expect(decided("buy").option).toBe("buy");
    expect(verdict(on(1, ["evaluation", "serving"]), { buyPrices: OPUS }).option).toBe("fine-tune");
  });

  it("buy at ten million tokens a day fires: fine-tune is 40% cheaper, with the crossover below the stack's volume", () => {
    const v = verdict(on(10_000, ["buy"]), { buyPrices: OPUS });
    const t = tco(10_000);
    expect(v.applicable).toBe(true);
    expect(v.fires).toBe(true);
    expect(v.option).toBe("buy");
    expect(v.cheapest).toBe("fine-tune");
    expect(v.totals).toEqual({ buy: t.buy, "fine-tune": t["fine-tune"], build: t.build });
    // buy $1,116,450 over 36 months; fine-tune $669,548.29: (1,116,450 - 669,548.29) / 1,116,450 = 0.4003
    expect(v.totals.buy).toBeCloseTo(1_116_450, 2);
    expect(v.totals["fine-tune"]).toBeCloseTo(669_548.29, 2);
    expect(v.saving).toBeCloseTo((t.buy - t["fine-tune"]) / t.buy, 12);
    expect(v.requestsPerDay).toBe(10_000);
    expect(v.tokensPerDay).toBe(10_000_000); // 10,000 x (400 + 600)
    const x = t.crossovers.find((c) => c.cheaper === "fine-tune" && c.than === "buy");
    expect(v.crossover).toEqual({ cheaper: "fine-tune", than: "buy", aboveRequestsPerDay: x.aboveRequestsPerDay, aboveTokensPerDay: x.aboveRequestsPerDay * 1000 });
    expect(v.message).toBe(
      "buy at 10K requests a day (10.0M tokens a day) costs $1.12M over 36 months; fine-tune would cost $670K, 40% less (TCO model, people included). fine-tune is cheaper than buy above 1,814 requests a day (1.8M tokens a day). The framework's anti-pattern: ignoring per-token costs at scale.",
    );
  });

  it("buy at one request a day is the cheapest: no crossover, no saving", () => {
    const v = verdict(on(1, ["buy"]), { buyPrices: OPUS });
    expect(v).toMatchObject({ applicable: true, option: "buy", cheapest: "buy", saving: 0, requestsPerDay: 1, tokensPerDay: 1000, fires: false });
    expect(v).not.toHaveProperty("crossover");
    expect(v.message).toBe("buy is the cheapest option at 1 request a day (1,000 tokens a day): $558K over 36 months (TCO model)");
  });

  it("fine-tune at one request a day: buy is 15% cheaper, within the margin unless the margin is lower", () => {
    const v = verdict(on(1, ["fine-tune"]), { buyPrices: OPUS });
    const t = tco(1);
    // fine-tune $657,035.22, buy $558,055.85: (657,035.22 - 558,055.85) / 657,035.22 = 0.1506
    expect(v.saving).toBeCloseTo((t["fine-tune"] - t.buy) / t["fine-tune"], 12);
    expect(v.cheapest).toBe("buy");
    expect(v.fires).toBe(false);
    expect(v.message).toBe(
      "fine-tune at 1 request a day (1,000 tokens a day) costs $657K over 36 months; buy would cost $558K, 15% less (TCO model, people included). fine-tune only becomes cheaper than buy above 1,814 requests a day (1.8M tokens a day) (within the 30% margin)",
    );
    const low = verdict(on(1, ["fine-tune"]), { buyPrices: OPUS, margin: 0.1 });
    expect(low.fires).toBe(true);
    expect(low.message).toBe(
      "fine-tune at 1 request a day (1,000 tokens a day) costs $657K over 36 months; buy would cost $558K, 15% less (TCO model, people included). fine-tune only becomes cheaper than buy above 1,814 requests a day (1.8M tokens a day). The framework's anti-pattern: fine-tuning when an API would suffice.",
    );
    // The boundary: a saving equal to the margin does not fire; just above it does.
    expect(verdict(on(1, ["fine-tune"]), { buyPrices: OPUS, margin: v.saving }).fires).toBe(false);
    expect(verdict(on(1, ["fine-tune"]), { buyPrices: OPUS, margin: v.saving - 1e-9 }).fires).toBe(true);
    expect(verdict(on(1, ["fine-tune"]), { buyPrices: OPUS, margin: 0.155 }).message).toMatch(/ \(within the 16% margin\)$/); // 15.5% rounds to 16
    expect(DEFAULT_FITS_VOLUME_MARGIN).toBe(0.3);
  });

  it("build against buy at one request a day: building from scratch, and the crossover far above", () => {
    const v = verdict(on(1, ["build"]), { buyPrices: OPUS });
    expect(v.message).toBe(
      "build at 1 request a day (1,000 tokens a day) costs $10.11M over 36 months; buy would cost $558K, 94% less (TCO model, people included). build only becomes cheaper than buy above 263K requests a day (263.2M tokens a day). The framework's anti-pattern: building from scratch when an API would suffice.",
    );
    expect(v.crossover.cheaper).toBe("build");
    expect(v.crossover.than).toBe("buy");
  });

  it("without buy prices only fine-tune and build compete; no crossover between them", () => {
    const v = verdict(on(1_000_000, ["build"]));
    expect(Object.keys(v.totals)).toEqual(["fine-tune", "build"]);
    expect(v).not.toHaveProperty("crossover");
    expect(v.message).toBe(
      "build at 1.0M requests a day (1000.0M tokens a day) costs $11.72M over 36 months; fine-tune would cost $837K, 93% less (TCO model, people included). The framework's anti-pattern: building from scratch when an API would suffice.",
    );
    const ft = verdict(on(1, ["fine-tune"]));
    expect(ft.message).toBe("fine-tune is the cheapest option at 1 request a day (1,000 tokens a day): $657K over 36 months (TCO model)");
    expect(Object.keys(ft.totals)).toEqual(["fine-tune", "build"]);
  });

  it("the workload's own buy model is used when the stack gives none; small totals print in dollars", () => {
    const v = verdict(on(10_000, ["serving"], { buy: OPUS }));
    expect(v.option).toBe("fine-tune");
    expect(Object.keys(v.totals)).toEqual(["buy", "fine-tune", "build"]);
    expect(v.message).toBe("fine-tune is the cheapest option at 10K requests a day (10.0M tokens a day): $670K over 36 months (TCO model)");
    // Buy with no monitoring and no team: tokens only. 1,000 requests x 1,000 tokens x $0.6 / 1M = $0.60 a day, x 1,095 days = $657
    const cheap = { provider: "x", model: "y", inputUsdPerMillionTokens: 0.6, outputUsdPerMillionTokens: 0.6, monitoringUsdPerMonth: 0 };
    const small = verdict(on(1000, ["buy"], { buy: cheap, team: { developers: 0 } }));
    expect(small.totals.buy).toBeCloseTo(657, 6);
    expect(small.message).toBe("buy is the cheapest option at 1,000 requests a day (1.0M tokens a day): $657 over 36 months (TCO model)");
    // 10,000 requests: $6,570 (under $10K: dollars); 20,000: $13,140 (thousands)
    expect(verdict(on(10_000, ["buy"], { buy: cheap, team: { developers: 0 } })).message).toBe("buy is the cheapest option at 10K requests a day (10.0M tokens a day): $6,570 over 36 months (TCO model)");
    expect(verdict(on(20_000, ["buy"], { buy: cheap, team: { developers: 0 } })).message).toBe("buy is the cheapest option at 20K requests a day (20.0M tokens a day): $13K over 36 months (TCO model)");
    expect(verdict(on(9_999, ["buy"], { buy: cheap, team: { developers: 0 } })).message).toMatch(/^buy is the cheapest option at 9,999 requests a day \(10\.0M tokens a day\)/);
  });
});

describe("estimateJson and parseCostBaseline", () => {
  const comp = (extra = {}) => ({ name: "c", unit: "hour", kind: "fixed", monthlyQuantity: 730.123456789, unitPriceUsd: 0.0001234567, monthlyUsd: 1.236, priceSource: "catalog x", ...extra });
  const estimateOf = (extra = {}) => ({
    currency: "USD",
    pricesAsOf: "2026-11-01",
    project: undefined,
    stack: undefined,
    monthlyUsd: 1.234,
    oneOffUsd: 10.126,
    minMonthlyUsd: 0.001,
    ceilingMonthlyUsd: 99.999,
    monthlyUsdByMonth: [1.111, 2.229],
    budgetCrossedInMonth: undefined,
    threeYear: { horizonMonths: 36, option: "build", infrastructureUsd: 1.111, oneOffUsd: 2.229, peopleAndDataUsd: 3.333, totalUsd: 6.673, breakdown: { team: 1.001, maintenance: 2.002, data: 0.333 }, notes: ["n"] },
    resources: [
      { urn: "urn:z", type: "t", name: "z", cloud: undefined, region: undefined, track: undefined, monthlyUsd: 1.236, oneOffUsd: 0, minMonthlyUsd: 1.236, ceilingMonthlyUsd: 1.236, components: [comp()], notes: [] },
      {
        urn: "urn:a",
        type: "t",
        name: "a",
        cloud: "aws",
        region: "us-east-1",
        track: { track: "buy", cloud: "aws", name: "assistant" },
        monthlyUsd: 2.222,
        oneOffUsd: 3.336,
        minMonthlyUsd: 1.111,
        ceilingMonthlyUsd: 4.444,
        components: [
          comp({ kind: "one-off", monthlyQuantity: 0, monthlyUsd: 0, oneOffQuantity: 12.3456789 }),
          comp({ kind: "one-off", monthlyQuantity: 0, monthlyUsd: 0, oneOffQuantity: 2, oneOffUsd: 3.336 }),
          comp({ minMonthlyUsd: 5.555 }),
          comp({ minMonthlyUsd: 5.555, minMonthlyQuantity: 1.23456789, ceilingMonthlyUsd: 7.777, ceilingMonthlyQuantity: 9.87654321 }),
          comp({ ceilingMonthlyUsd: 7.777 }),
        ],
        notes: ["note"],
      },
    ],
    free: [
      { urn: "urn:f2", type: "t2", name: "f2", reason: "r2", uncountedUsage: "" },
      { urn: "urn:f1", type: "t1", name: "f1", reason: "r1", uncountedUsage: "bytes" },
    ],
    unpriced: [
      { urn: "urn:u2", type: "t2", name: "u2", reason: "r2", inTrack: false },
      { urn: "urn:u1", type: "t1", name: "u1", reason: "r1", inTrack: true },
    ],
    byTrack: [{ key: "k", monthlyUsd: 1.236, oneOffUsd: 3.336 }],
    byCloud: [{ key: "aws", monthlyUsd: 2.229, oneOffUsd: 0.004 }],
    budgetUsd: undefined,
    assumptions: ["a1"],
    ...extra,
  });
  const base = { urn: "urn:z", type: "t", name: "z", track: null, cloud: null, region: null, monthlyUsd: 1.24, oneOffUsd: 0, minMonthlyUsd: 1.24, ceilingMonthlyUsd: 1.24, notes: [] };
  const c6 = { name: "c", unit: "hour", monthlyQuantity: 730.123, unitPriceUsd: 0.000123457, priceSource: "catalog x" };

  it("rounds money to cents and quantities to six significant digits, sorts by URN, writes each optional part only when present", () => {
    expect(estimateJson(estimateOf())).toEqual({
      version: 1,
      currency: "USD",
      pricesAsOf: "2026-11-01",
      project: null,
      stack: null,
      monthlyUsd: 1.23,
      oneOffUsd: 10.13,
      minMonthlyUsd: 0,
      ceilingMonthlyUsd: 100,
      monthlyUsdByMonth: [1.11, 2.23],
      threeYearUsd: 6.67,
      threeYear: { horizonMonths: 36, option: "build", infrastructureUsd: 1.11, oneOffUsd: 2.23, peopleAndDataUsd: 3.33, team: 1, maintenance: 2, data: 0.33, notes: ["n"] },
      budget: null,
      byTrack: [{ key: "k", monthlyUsd: 1.24, oneOffUsd: 3.34 }],
      byCloud: [{ key: "aws", monthlyUsd: 2.23, oneOffUsd: 0 }],
      resources: [
        {
          ...base,
          urn: "urn:a",
          name: "a",
          track: { track: "buy", cloud: "aws", name: "assistant" },
          cloud: "aws",
          region: "us-east-1",
          monthlyUsd: 2.22,
          oneOffUsd: 3.34,
          minMonthlyUsd: 1.11,
          ceilingMonthlyUsd: 4.44,
          components: [
            { ...c6, kind: "one-off", monthlyQuantity: 0, monthlyUsd: 0, oneOffQuantity: 12.3457, oneOffUsd: 0 },
            { ...c6, kind: "one-off", monthlyQuantity: 0, monthlyUsd: 0, oneOffQuantity: 2, oneOffUsd: 3.34 },
            { ...c6, kind: "fixed", monthlyUsd: 1.24, minMonthlyQuantity: 0, minMonthlyUsd: 5.56 },
            { ...c6, kind: "fixed", monthlyUsd: 1.24, minMonthlyQuantity: 1.23457, minMonthlyUsd: 5.56, ceilingMonthlyQuantity: 9.87654, ceilingMonthlyUsd: 7.78 },
            { ...c6, kind: "fixed", monthlyUsd: 1.24, ceilingMonthlyQuantity: 0, ceilingMonthlyUsd: 7.78 },
          ],
          notes: ["note"],
        },
        { ...base, components: [{ ...c6, kind: "fixed", monthlyUsd: 1.24 }] },
      ],
      free: [
        { urn: "urn:f1", type: "t1", reason: "r1", uncountedUsage: "bytes" },
        { urn: "urn:f2", type: "t2", reason: "r2" },
      ],
      unpriced: [
        { urn: "urn:u1", type: "t1", name: "u1", reason: "r1", inTrack: true },
        { urn: "urn:u2", type: "t2", name: "u2", reason: "r2", inTrack: false },
      ],
      assumptions: ["a1"],
    });
    // Key order is part of the byte-identical document.
    expect(Object.keys(estimateJson(estimateOf()).resources[0].components[3])).toEqual([
      "name",
      "unit",
      "kind",
      "monthlyQuantity",
      "unitPriceUsd",
      "monthlyUsd",
      "minMonthlyQuantity",
      "minMonthlyUsd",
      "ceilingMonthlyQuantity",
      "ceilingMonthlyUsd",
      "priceSource",
    ]);
  });

  it("the project, stack and budget when set; a crossing month when there is one", () => {
    const j = estimateJson(estimateOf({ project: "p", stack: "s", budgetUsd: 50, budgetCrossedInMonth: 3 }));
    expect([j.project, j.stack, j.budget]).toEqual(["p", "s", { maxMonthlyUsd: 50, crossedInMonth: 3 }]);
    expect(estimateJson(estimateOf({ budgetUsd: 50 })).budget).toEqual({ maxMonthlyUsd: 50, crossedInMonth: null });
    expect(estimateJson(estimateOf({ budgetUsd: 0 })).budget).toEqual({ maxMonthlyUsd: 0, crossedInMonth: null });
  });

  it("parseCostBaseline keeps what --diff compares and defaults the unpriced list", () => {
    expect(parseCostBaseline({ currency: "USD", monthlyUsd: 1, budget: null, extra: true, resources: [{ urn: "u", type: "t", monthlyUsd: 2, more: 1 }] }, "base.json")).toEqual({
      currency: "USD",
      monthlyUsd: 1,
      budget: null,
      resources: [{ urn: "u", type: "t", monthlyUsd: 2 }],
      unpriced: [],
    });
  });

  it("parseCostBaseline names the file and each bad field, and what the file should be", () => {
    const lines = (doc: unknown) => {
      const err = thrown(() => parseCostBaseline(doc, "base.json"));
      expect(err).toBeInstanceOf(InputError);
      return err.lines;
    };
    const S = " (expected the output of aitracks cost --json)";
    expect(lines({ currency: "EUR", monthlyUsd: "1", resources: [{ urn: 1, monthlyUsd: "x" }] })).toEqual([
      `base.json: currency: expected USD, got "EUR"${S}`,
      `base.json: monthlyUsd: expected the monthly total in USD, got "1"${S}`,
      `base.json: resources[0].urn: expected the resource URN, got 1${S}`,
      `base.json: resources[0].type: expected the resource type, got nothing${S}`,
      `base.json: resources[0].monthlyUsd: expected the resource's monthly cost, got "x"${S}`,
    ]);
    expect(lines({ currency: "USD", monthlyUsd: 1 })).toEqual([`base.json: resources: expected the list of priced resources, got nothing${S}`]);
    expect(lines({ currency: "USD", monthlyUsd: 1, resources: [], threeYearUsd: "x" })).toEqual([`base.json: threeYearUsd: expected the three-year total in USD, got "x"${S}`]);
  });
});

describe("cron schedules and ISO 8601 durations", () => {
  const DAYS = 365 / 12; // 30.4167 days a month

  it("counts each field form: *, ?, */n, a-b/n, a-b, lists, one value", () => {
    expect(cronRunsPerMonth("0", "*", "*", "*")).toBeCloseTo(24 * DAYS, 9); // 730 a month
    expect(cronRunsPerMonth("0", "?", "?", "?")).toBeCloseTo(24 * DAYS, 9);
    expect(cronRunsPerMonth("*", "0", "*", "*")).toBeCloseTo(60 * DAYS, 9);
    // */15 of 60 minutes: floor(59 / 15) + 1 = 4; 9-17: 9 hours; days 1 and 15: 4 x 9 x 2 = 72
    expect(cronRunsPerMonth("*/15", "9-17", "1,15", "*")).toBe(72);
    // */7: floor(59 / 7) + 1 = 9; 10-20/5: floor(10 / 5) + 1 = 3; day 1: 27
    expect(cronRunsPerMonth("*/7", "10-20/5", "1", "*")).toBe(27);
    // 0-30/10: 0, 10, 20, 30 = 4, and 45: 5 a hour x 1 hour x 1 day
    expect(cronRunsPerMonth("0-30/10,45", "3", "2", "?")).toBe(5);
    // hours */5 of 24: floor(23 / 5) + 1 = 5
    expect(cronRunsPerMonth("0", "*/5", "3", "*")).toBe(5);
    // 5/10 is not a supported step form (one value); 1-5x neither (one value)
    expect(cronRunsPerMonth("5/10", "1-5x", "1", "*")).toBe(1);
    expect(cronRunsPerMonth("x1-5", "1", "1", "*")).toBe(1);
    expect(cronRunsPerMonth("x*/5", "1", "1", "*")).toBe(1);
    // days of the month: */2 of 31 = floor(30 / 2) + 1 = 16
    expect(cronRunsPerMonth("0", "0", "*/2", "*")).toBe(16);
    // Two-digit ranges: hours 10-20 are 11; a step with anything after it is one value
    expect(cronRunsPerMonth("0", "10-20", "1", "*")).toBe(11);
    expect(cronRunsPerMonth("*/15x", "1", "1", "*")).toBe(1);
  });

  it("a day-of-week list counts its share of the month's days; a day-of-month list wins over it", () => {
    // Monday to Friday: 5 x 30.4167 / 7 = 21.7262 days
    expect(cronRunsPerMonth("0", "6", "*", "1-5")).toBeCloseTo((5 * DAYS) / 7, 9);
    expect(cronRunsPerMonth("0", "6", "?", "MON")).toBeCloseTo(DAYS / 7, 9); // a name is one value
    expect(cronRunsPerMonth("0", "6", "*/10", "1-5")).toBe(4); // floor(30 / 10) + 1 = 4 days
    expect(cronRunsPerMonth("0", "6", "*", "*/2")).toBeCloseTo((4 * DAYS) / 7, 9); // floor(6 / 2) + 1 = 4
  });

  it("cron5RunsPerMonth: five (or more) fields, trimmed; fewer is Unpriced", () => {
    expect(cron5RunsPerMonth("0 6 * * 1")).toBeCloseTo(DAYS / 7, 9); // once a week: 4.345
    expect(cron5RunsPerMonth("  0   6 * *   1  ")).toBeCloseTo(DAYS / 7, 9);
    expect(cron5RunsPerMonth("0 6 1 * 1 2027")).toBe(1); // the day of the month, not the sixth field
    expect(cron5RunsPerMonth("0 */6 * * *")).toBeCloseTo(4 * DAYS, 9);
    const err = thrown(() => cron5RunsPerMonth("0 6 * *"));
    expect(err).toBeInstanceOf(Unpriced);
    expect(err.reason).toBe('schedule "0 6 * *": expected a five-field cron expression');
  });

  it("isoDurationHours: days, hours, minutes, seconds and fractions", () => {
    expect(isoDurationHours("PT4H")).toBe(4);
    expect(isoDurationHours("P1DT12H")).toBe(36);
    expect(isoDurationHours("PT90M")).toBe(1.5);
    expect(isoDurationHours("PT3600S")).toBe(1);
    expect(isoDurationHours("P1D")).toBe(24);
    expect(isoDurationHours("P0.5DT1.5H30M1800S")).toBe(12 + 1.5 + 0.5 + 0.5);
    // Several digits on both sides of the point, in every field
    expect(isoDurationHours("P10DT12H")).toBe(252);
    expect(isoDurationHours("P0.25D")).toBe(6);
    expect(isoDurationHours("PT10.25H")).toBe(10.25);
    expect(isoDurationHours("PT0.75M")).toBe(0.0125);
    expect(isoDurationHours("PT900.25S")).toBeCloseTo(900.25 / 3600, 12);
  });

  it("isoDurationHours: anything else is Unpriced", () => {
    for (const bad of ["P", "PT", "4H", "PT4X", "", "xPT4H", "PT4Hx", "PT4H4H"]) {
      const err = thrown(() => isoDurationHours(bad));
      expect(err).toBeInstanceOf(Unpriced);
      expect(err.reason).toBe(`duration ${JSON.stringify(bad)}: expected an ISO 8601 duration such as PT4H`);
    }
  });
});

describe("serverless sizes", () => {
  const given = { usage: usageOf(stackWorkloadSchema.parse({ workload: { requestsPerDay: 10_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 } })) };
  const none = { usage: usageOf(undefined) };

  it("a month's seconds and requests", () => {
    expect(SECONDS_PER_MONTH).toBe(2_628_000); // 730 h x 3,600
    // 10,000 a day x 365 / 12 = 304,166.67 a month
    expect(workloadRequests(given, "invocations")).toEqual({ perMonth: (10_000 * 365) / 12, notes: ["invocations: one per request of the workload (304,166.67 a month)"] });
    expect(workloadRequests(none, "invocations")).toEqual({ perMonth: 0, notes: ["no aitracks:workload in the stack: invocations counted as 0; add aitracks:workload.workload.requestsPerDay to count it"] });
  });

  it("bytes a request: the tokens at 4 bytes plus a 1,024-byte envelope", () => {
    expect(bytesPerRequest(given)).toBe(8224); // (1,500 + 300) x 4 + 1,024
    expect(bytesPerRequest(none)).toBe(1024);
  });

  it("gibOf: binary and decimal suffixes, bare bytes, the fallback for nothing", () => {
    expect(gibOf("512Mi", "m", "1Gi")).toBe(0.5);
    expect(gibOf("2Gi", "m", "1Gi")).toBe(2);
    expect(gibOf(" 1.5 Gi ", "m", "1Gi")).toBe(1.5);
    expect(gibOf("1.25Gi", "m", "1Gi")).toBe(1.25);
    expect(gibOf("1Ti", "m", "1Gi")).toBe(1024);
    expect(gibOf("1024Ki", "m", "1Gi")).toBe(1 / 1024);
    expect(gibOf("256M", "m", "1Gi")).toBe(256e6 / 2 ** 30); // 0.2384
    expect(gibOf("1G", "m", "1Gi")).toBe(1e9 / 2 ** 30);
    expect(gibOf("1T", "m", "1Gi")).toBe(1e12 / 2 ** 30);
    expect(gibOf("2K", "m", "1Gi")).toBe(2e3 / 2 ** 30);
    expect(gibOf("2k", "m", "1Gi")).toBe(2e3 / 2 ** 30);
    expect(gibOf("2147483648", "m", "1Gi")).toBe(2);
    expect(gibOf(1073741824, "m", "1Gi")).toBe(1);
    expect(gibOf(undefined, "m", "4Gi")).toBe(4);
    expect(gibOf(null, "m", "4Gi")).toBe(4);
    expect(gibOf("", "m", "256Mi")).toBe(0.25);
    expect(gibOf(0, "m", "4Gi")).toBe(0); // 0 is a value, not nothing
  });

  it("gibOf: unknown and malformed sizes are Unpriced", () => {
    expect(thrown(() => gibOf("[unknown]", "spec.memory", "1Gi")).reason).toBe("spec.memory is not known until deploy");
    expect(thrown(() => gibOf("[secret]", "spec.memory", "1Gi")).reason).toBe("spec.memory is not known until deploy");
    expect(thrown(() => gibOf("2GB", "spec.memory", "1Gi")).reason).toBe('spec.memory: expected a memory size such as 512Mi or 2Gi, got "2GB"');
    expect(thrown(() => gibOf("x2Gi", "spec.memory", "1Gi")).reason).toBe('spec.memory: expected a memory size such as 512Mi or 2Gi, got "x2Gi"');
    expect(thrown(() => gibOf("Gi", "spec.memory", "1Gi")).reason).toBe('spec.memory: expected a memory size such as 512Mi or 2Gi, got "Gi"');
    expect(thrown(() => gibOf(undefined, "spec.memory", "lots")).reason).toBe('spec.memory: expected a memory size such as 512Mi or 2Gi, got "lots"');
    expect(thrown(() => gibOf("1.", "spec.memory", "1Gi")).reason).toBe('spec.memory: expected a memory size such as 512Mi or 2Gi, got "1."');
  });

  it("cpusOf: whole, fractional and milli CPUs; the fallback for nothing; the rest Unpriced", () => {
    expect(cpusOf("2", "cpu", "1")).toBe(2);
    expect(cpusOf("0.25", "cpu", "1")).toBe(0.25);
    expect(cpusOf(0.5, "cpu", "1")).toBe(0.5);
    expect(cpusOf("1000m", "cpu", "1")).toBe(1);
    expect(cpusOf(" 250 m ", "cpu", "1")).toBe(0.25);
    expect(cpusOf(undefined, "cpu", "4")).toBe(4);
    expect(cpusOf(null, "cpu", "4")).toBe(4);
    expect(cpusOf("", "cpu", "500m")).toBe(0.5);
    expect(thrown(() => cpusOf("two", "spec.cpu", "1")).reason).toBe('spec.cpu: expected a CPU count such as 1 or 1000m, got "two"');
    expect(thrown(() => cpusOf("2 cores", "spec.cpu", "1")).reason).toBe('spec.cpu: expected a CPU count such as 1 or 1000m, got "2 cores"');
    expect(thrown(() => cpusOf("x2", "spec.cpu", "1")).reason).toBe('spec.cpu: expected a CPU count such as 1 or 1000m, got "x2"');
    expect(thrown(() => cpusOf("[unknown]", "spec.cpu", "1")).reason).toBe("spec.cpu is not known until deploy");
  });
});

describe("autoscaled fleets", () => {
  const usage = (workload: Record<string, unknown> = {}) =>
    usageOf(stackWorkloadSchema.parse({ workload: { requestsPerDay: 14_400, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300, ...workload } }));
  const S = { min: 1, max: 10, requestsPerMinutePerInstance: 3, basis: "3 a minute" };

  it("busyShare and quietRatio: a flat day at or below 1", () => {
    expect(busyShare(1)).toBe(1);
    expect(busyShare(0.5)).toBe(1);
    expect(busyShare(2)).toBe(0.25); // 1 / (2 x 2)
    expect(busyShare(4)).toBe(0.125);
    expect(quietRatio(1)).toBe(1);
    expect(quietRatio(0.5)).toBe(1);
    expect(quietRatio(2)).toBe(2 / 3); // 2 / (2 x 2 - 1)
    expect(quietRatio(3)).toBe(0.6); // 3 / 5
  });

  it("peakToAverageOf: the workload's, else the TCO default of 3", () => {
    expect(peakToAverageOf(usage({ peakToAverage: 2 }))).toBe(2);
    expect(peakToAverageOf(usage())).toBe(3);
    expect(peakToAverageOf(usageOf(undefined))).toBe(3);
  });

  it("fleetInMonth: busy and quiet hours, rounded up, clamped, growing month by month", () => {
    // 14,400 a day = 10 a minute; busy at 2x: 20 / 3 -> 7; quiet at 2/3: 6.67 / 3 -> 3; 0.25 x 7 + 0.75 x 3 = 4
    expect(fleetInMonth(usage({ peakToAverage: 2 }), 1, S, 0)).toEqual({ busyInstances: 7, quietInstances: 3, expected: 4 });
    // Half the traffic: 5 a minute; busy 10 / 3 -> 4; quiet 3.33 / 3 -> 2; 0.25 x 4 + 0.75 x 2 = 2.5
    expect(fleetInMonth(usage({ peakToAverage: 2 }), 0.5, S, 0)).toEqual({ busyInstances: 4, quietInstances: 2, expected: 2.5 });
    // Month 1 at 50% growth: 15 a minute; busy 30 / 3 = 10 exactly (not 11); quiet 10 / 3 -> 4; 2.5 + 3 = 5.5
    expect(fleetInMonth(usage({ peakToAverage: 2, monthlyGrowth: 0.5 }), 1, S, 1)).toEqual({ busyInstances: 10, quietInstances: 4, expected: 5.5 });
    // Month 2: 22.5 a minute; busy 45 / 3 = 15 -> clamped to 10; quiet 15 / 3 = 5: 2.5 + 3.75 = 6.25
    expect(fleetInMonth(usage({ peakToAverage: 2, monthlyGrowth: 0.5 }), 1, S, 2)).toEqual({ busyInstances: 10, quietInstances: 5, expected: 6.25 });
    // Clamped at both ends: min 5 lifts the quiet hours, max 6 caps the busy ones: 0.25 x 6 + 0.75 x 5 = 5.25
    expect(fleetInMonth(usage({ peakToAverage: 2 }), 1, { ...S, min: 5, max: 6 }, 0)).toEqual({ busyInstances: 6, quietInstances: 5, expected: 5.25 });
    // A flat day (peak 0.5 counts as 1): 10 / 3 -> 4 all day
    expect(fleetInMonth(usage({ peakToAverage: 0.5 }), 1, S, 0)).toEqual({ busyInstances: 4, quietInstances: 4, expected: 4 });
    // Peak 1: the same flat day
    expect(fleetInMonth(usage({ peakToAverage: 1 }), 1, S, 0)).toEqual({ busyInstances: 4, quietInstances: 4, expected: 4 });
  });

  it("requestsPerMinuteAtUtilisation: tokens a second x the target over the weighted tokens of a request", () => {
    // 1,000 tokens/s x 60% x 60 s / (300 + 1,500 x 0.1 = 450) = 80
    const own = usageOf(stackWorkloadSchema.parse({ workload: { requestsPerDay: 1, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 }, fineTune: { inference: { tokensPerSecondPerInstance: 1000 } } }));
    expect(requestsPerMinuteAtUtilisation(own, 60)).toEqual({ perMinute: 80, basis: "1,000 tokens/s an instance at the 60% utilisation target = 80 requests a minute of 450 weighted tokens" });
    // The TCO default 1,200: 1,200 x 0.6 x 60 / 450 = 96
    expect(requestsPerMinuteAtUtilisation(usage(), 60)).toEqual({
      perMinute: 96,
      basis: "1,200 tokens/s an instance (the TCO default; set aitracks:workload.fineTune.inference.tokensPerSecondPerInstance) at the 60% utilisation target = 96 requests a minute of 450 weighted tokens",
    });
    // No tokens a request: unlimited
    expect(requestsPerMinuteAtUtilisation(usageOf(undefined), 70).perMinute).toBe(Number.POSITIVE_INFINITY);
  });

  const ENTRY = { sku: "ml.g5.xlarge", unit: "hour", usd: 2, cloud: "aws", region: "us-east-1", regions: ["us-east-1"], asOf: "2026-11-01" };

  it("fleetComponent without a workload: the minimum every month, said so", () => {
    const { component, notes } = fleetComponent({ usage: usageOf(undefined) }, ENTRY, "variant", { ...S, min: 2, max: 5 }, undefined, 1);
    // 2 x 730 h = 1,460 h x $2 = $2,920; ceiling 5 x 730 = 3,650 h, $7,300
    expect(component).toEqual({
      name: "variant: ml.g5.xlarge min 2 / expected 2 / ceiling 5",
      unit: "hour",
      kind: "fixed",
      monthlyQuantity: 1460,
      unitPriceUsd: 2,
      monthlyUsd: 2920,
      minMonthlyQuantity: 1460,
      minMonthlyUsd: 2920,
      ceilingMonthlyQuantity: 3650,
      ceilingMonthlyUsd: 7300,
      monthlyUsdByMonth: new Array(36).fill(2920),
      priceSource: "catalog ml.g5.xlarge (aws us-east-1, 2026-11-01)",
    });
    expect(notes).toEqual(["no aitracks:workload: the fleet is priced at its minimum of 2; add aitracks:workload.workload (requestsPerDay, peakToAverage, monthlyGrowth) to price the expected fleet"]);
  });

  it("fleetComponent with a workload but no per-instance rate: the minimum too", () => {
    const { component, notes } = fleetComponent({ usage: usage() }, ENTRY, "variant", { ...S, requestsPerMinutePerInstance: 0, basis: "no rule on the traffic" }, undefined, 1);
    expect(component.monthlyQuantity).toBe(730);
    // The workload is there: the note names the missing rule, not the workload.
    expect(notes).toEqual(["no rule on the traffic; priced at its minimum of 1"]);
  });

  it("fleetComponent with a workload: the expected fleet each month, less the instances priced elsewhere", () => {
    const ctx = { usage: usage({ peakToAverage: 2 }) };
    const { component, notes } = fleetComponent(ctx, ENTRY, "variant", S, { count: 1, where: "the endpoint configuration" }, 1);
    // Expected 4 (see fleetInMonth), less the 1 priced elsewhere: 3 x 730 = 2,190 h x $2 = $4,380;
    // minimum 1 - 1 = 0; ceiling 10 - 1 = 9: 6,570 h, $13,140
    expect(component).toMatchObject({
      name: "variant: ml.g5.xlarge min 1 / expected 4 / ceiling 10 (less the 1 priced on the endpoint configuration)",
      monthlyQuantity: 2190,
      monthlyUsd: 4380,
      minMonthlyQuantity: 0,
      minMonthlyUsd: 0,
      ceilingMonthlyQuantity: 6570,
      ceilingMonthlyUsd: 13140,
    });
    expect(component.monthlyUsdByMonth).toEqual(new Array(36).fill(4380));
    expect(notes).toEqual(["expected fleet: 4 instances in month 1 (7 in the busy 6 h a day at 2x the average, 3 in the quiet hours), 4 in month 36; 3 a minute; clamped to 1..10"]);
    const zero = fleetComponent(ctx, ENTRY, "variant", S, { count: 0, where: "x" }, 1).component;
    expect(zero.name).toBe("variant: ml.g5.xlarge min 1 / expected 4 / ceiling 10");
    expect(zero.monthlyQuantity).toBe(2920); // 4 x 730
  });

  it("fleetComponent: growth moves the later months, the last month named in the note", () => {
    // 1% a month: month 36 (index 35) at 10 x 1.01^35 = 14.166 a minute; busy 28.33 / 3 -> 10; quiet 9.44 / 3 -> 4; 2.5 + 3 = 5.5
    const { component, notes } = fleetComponent({ usage: usage({ peakToAverage: 2, monthlyGrowth: 0.01 }) }, ENTRY, "v", S, undefined, 1);
    expect(component.monthlyUsdByMonth[0]).toBe(5840); // 4 x 730 x $2
    expect(component.monthlyUsdByMonth[35]).toBe(8030); // 5.5 x 730 x $2
    expect(notes[0]).toBe("expected fleet: 4 instances in month 1 (7 in the busy 6 h a day at 2x the average, 3 in the quiet hours), 5.5 in month 36; 3 a minute; clamped to 1..10");
  });

  it("fleetShareOf: its own share, a traffic share of its track, the whole workload, or an even split", () => {
    const a = track("Serving", "aws", "alpha");
    const b = track("Serving", "aws", "beta");
    const bGcp = track("Serving", "gcp", "beta");
    const bBuy = track("Buy", "aws", "beta");
    const fleet = child(b, "aws:sagemaker/endpointConfiguration:EndpointConfiguration", "fleet", {});
    const inA = child(a, "aws:bedrock/inferenceProfile:InferenceProfile", "a-model", {});
    const inB = child(b, "aws:bedrock/inferenceProfile:InferenceProfile", "b-model", {});
    const inBGcp = child(bGcp, "gcp:x/y:Z", "b-gcp", {});
    const inBBuy = child(bBuy, "aws:x/y:Z", "b-buy", {});
    const graph = new GraphIndex({ resources: [a, b, bGcp, bBuy, fleet, inA, inB, inBGcp, inBBuy] });
    const bRef = graph.trackOf(fleet);
    expect(bRef).toEqual({ track: "serving", cloud: "aws", name: "beta" });
    const ctx = (trafficShare: number, shares: [string, number][], t = bRef) => ({ trafficShare, trafficShares: new Map(shares), graph, track: t });
    expect(fleetShareOf(ctx(0.25, [[inA.urn, 0.5]]), fleet)).toEqual({ share: 0.25, notes: [] });
    expect(fleetShareOf(ctx(0, []), fleet)).toEqual({ share: 1, notes: [] });
    // Its own track serves 0.5 of the traffic through b-model
    expect(fleetShareOf(ctx(0, [[inA.urn, 0.5], [inB.urn, 0.5]]), fleet)).toEqual({ share: 0.5, notes: [] });
    // Only other tracks: an even split with them
    expect(fleetShareOf(ctx(0, [[inA.urn, 1]]), fleet)).toEqual({ share: 0.5, notes: ["the fleet is sized for 50% of the workload (split evenly with the 1 other track that serve it)"] });
    expect(fleetShareOf(ctx(0, [[inA.urn, 0.5], [inBGcp.urn, 0.5]]), fleet)).toEqual({
      share: 1 / 3,
      notes: ["the fleet is sized for 33.33% of the workload (split evenly with the 2 other tracks that serve it)"],
    });
    // Same name and cloud but another kind of track; same kind and name on another cloud: others
    expect(fleetShareOf(ctx(0, [[inBBuy.urn, 1]]), fleet).share).toBe(0.5);
    expect(fleetShareOf(ctx(0, [[inBGcp.urn, 1]]), fleet).share).toBe(0.5);
    // Fallbacks (share 0), the fleet itself and unknown URNs: not counted as serving
    expect(fleetShareOf(ctx(0, [[inA.urn, 0], [fleet.urn, 1]]), fleet)).toEqual({ share: 1, notes: [] });
    expect(fleetShareOf(ctx(0, [["urn:missing", 1]]), fleet).share).toBe(0.5);
    // A fleet outside any track: every serving group is another
    expect(fleetShareOf(ctx(0, [[inB.urn, 1]], null), fleet).share).toBe(0.5);
  });
});

describe("graph helpers", () => {
  it("isUnknown: the preview's, Pulumi's and the policy SDK's sentinels and [secret]; nothing else", () => {
    for (const v of ["[unknown]", "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", "3eeb2bf0-c639-47a8-9e75-3b44932eb421", "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", "030794c1-ac77-496b-92df-f27374a8bd58", "e48ece36-62e2-4504-bad9-02848725956a", "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", "[secret]"])
      expect(isUnknown(v), v).toBe(true);
    for (const v of ["", "unknown", "[UNKNOWN]", undefined, null, 0, {}]) expect(isUnknown(v)).toBe(false);
  });

  it("at, asArray, nameOfUrn, isBillable", () => {
    const v = { a: { b: [{ c: 1 }, { c: 2 }] }, n: null };
    expect(at(v, "a.b[1].c")).toBe(2);
    expect(at(v, "a.b[0]")).toEqual({ c: 1 });
    expect(at(v, "a.x.c")).toBeUndefined();
    expect(at(v, "n.c")).toBeUndefined();
    expect(at("s", "length")).toBeUndefined();
    expect(at(v, "")).toBe(v);
    expect(asArray([1])).toEqual([1]);
    expect(asArray("x")).toEqual([]);
    expect(nameOfUrn("urn:pulumi:s::p::t::name")).toBe("name");
    expect(nameOfUrn("plain")).toBe("plain");
    expect(nameOfUrn("::lead")).toBe("lead");
    expect(isBillable({ type: "aws:s3/bucket:Bucket", urn: "u", inputs: {} })).toBe(true);
    expect(isBillable({ type: "aws:s3/bucket:Bucket", urn: "u", inputs: {}, custom: false })).toBe(false);
    expect(isBillable({ type: "random:index/randomPassword:RandomPassword", urn: "u", inputs: {} })).toBe(false);
  });

  it("providerOf: a bare URN, a urn::id reference, neither", () => {
    const p = res("pulumi:providers:aws", "eu", { region: "eu-west-1" });
    const byRef = res("aws:s3/bucket:Bucket", "by-ref", {}, { provider: `${p.urn}::1234-id` });
    const byUrn = res("aws:s3/bucket:Bucket", "by-urn", {}, { provider: p.urn });
    const missing = res("aws:s3/bucket:Bucket", "missing", {}, { provider: "urn:pulumi:test::proj::pulumi:providers:aws::gone::id" });
    const noCut = res("aws:s3/bucket:Bucket", "no-cut", {}, { provider: "nothing-here" });
    const none = res("aws:s3/bucket:Bucket", "none", {});
    const g = new GraphIndex({ resources: [p, byRef, byUrn, missing, noCut, none] });
    expect(g.providerOf(byRef)).toBe(p);
    expect(g.providerOf(byUrn)).toBe(p);
    expect(g.providerOf(missing)).toBeUndefined();
    expect(g.providerOf(noCut)).toBeUndefined();
    expect(g.providerOf(none)).toBeUndefined();
    expect(g.regionOf(byRef)).toBe("eu-west-1");
  });

  it("find ignores unknown and absent values; memo computes once", () => {
    const a = res("aws:s3/bucket:Bucket", "a", { bucket: "[unknown]" });
    const b = res("aws:s3/bucket:Bucket", "b", { bucket: "b" });
    const g = new GraphIndex({ resources: [a, b] });
    expect(g.find("aws:s3/bucket:Bucket", "bucket", "b")).toBe(b);
    expect(g.find("aws:s3/bucket:Bucket", "bucket", "[unknown]")).toBeUndefined();
    expect(g.find("aws:s3/bucket:Bucket", "bucket", undefined)).toBeUndefined();
    expect(g.find("aws:kms/key:Key", "bucket", "b")).toBeUndefined();
    let n = 0;
    expect(g.memo("k", () => ++n)).toBe(1);
    expect(g.memo("k", () => ++n)).toBe(1);
    expect(g.memo("j", () => undefined)).toBeUndefined();
    expect(g.memo("j", () => ++n)).toBeUndefined();
    expect(n).toBe(1);
  });

  it("dependencies and dependents of a type; dependsOnType by URN text when the dependency is not in the graph", () => {
    const key = res("aws:kms/key:Key", "key", {});
    const bucket = res("aws:s3/bucket:Bucket", "bucket", {}, { dependencies: [key.urn], propertyDependencies: { kmsKeyId: [key.urn, "urn:pulumi:test::proj::aws:kms/key:Key::outside"] } });
    const other = res("aws:s3/bucket:Bucket", "other", {}, { propertyDependencies: { policy: [key.urn] } });
    const g = new GraphIndex({ resources: [key, bucket, other] });
    expect(g.dependenciesOfType(bucket, "aws:kms/key:Key")).toEqual([key]);
    expect(g.dependenciesOfType(key, "aws:kms/key:Key")).toEqual([]);
    expect(g.dependentsOfType(key, "aws:s3/bucket:Bucket")).toEqual([bucket, other]);
    expect(g.dependentsOfType(key, "aws:kms/key:Key")).toEqual([]);
    expect(g.dependentsOfType(bucket, "aws:s3/bucket:Bucket")).toEqual([]);
    expect(g.dependsOnType(bucket, "aws:kms/key:Key")).toBe(true);
    expect(g.dependsOnType(other, "aws:kms/key:Key")).toBe(false); // no plain dependencies
    expect(g.dependsOnType(other, "aws:kms/key:Key", "policy")).toBe(true);
    expect(g.dependsOnType(other, "aws:kms/key:Key", "tags")).toBe(false);
    const outside = res("aws:s3/bucket:Bucket", "o", {}, { dependencies: ["urn:pulumi:test::proj::aws:kms/key:Key::elsewhere"] });
    const nested = res("aws:s3/bucket:Bucket", "n", {}, { dependencies: ["urn:pulumi:test::proj::parent$aws:kms/key:Key::nested"] });
    const g2 = new GraphIndex({ resources: [outside, nested] });
    expect(g2.dependsOnType(outside, "aws:kms/key:Key")).toBe(true);
    expect(g2.dependsOnType(nested, "aws:kms/key:Key")).toBe(true);
    expect(g2.dependsOnType(nested, "aws:kms/key:KeyX")).toBe(false);
  });

  it("regionOf: the resolved region, its own, its provider's, its resource group's, the config default", () => {
    const rg = res("azure-native:resources:ResourceGroup", "rg", { resourceGroupName: "rg-1", location: "westeurope" });
    const inRg = res("azure-native:storage:StorageAccount", "sa", { resourceGroupName: "rg-1" });
    const unknownRg = res("azure-native:storage:StorageAccount", "sa2", { resourceGroupName: "[unknown]" });
    const resolved = res("aws:s3/bucket:Bucket", "r", { region: "us-west-2" }, { region: "eu-central-1" });
    const own = res("aws:s3/bucket:Bucket", "own", { region: "", location: "[unknown]", zone: "europe-west4-a" });
    const g = new GraphIndex({ resources: [rg, inRg, unknownRg, resolved, own] }, { "aws:region": "ap-south-1", "azure-native:location": "eastus" });
    expect(g.regionOf(resolved)).toBe("eu-central-1");
    expect(g.regionOf(own)).toBe("europe-west4");
    expect(g.regionOf(inRg)).toBe("westeurope");
    expect(g.regionOf(unknownRg)).toBe("eastus");
    expect(g.regionOf(res("aws:s3/bucket:Bucket", "d", {}))).toBe("ap-south-1");
  });

  it("trackOf: walks up parents, caches the answer for every resource on the way, survives a parent loop", () => {
    const t = track("Buy", "aws", "assistant");
    const mid = child(t, "aws:kms/key:Key", "mid", {});
    const leaf = { ...child(t, "aws:kms/key:Key", "leaf", {}), parent: mid.urn };
    const x = res("aws:s3/bucket:Bucket", "x", {}, { parent: "urn:y" });
    const y = { ...res("aws:s3/bucket:Bucket", "y", {}), urn: "urn:y", parent: x.urn };
    const g = new GraphIndex({ resources: [t, mid, leaf, x, y] });
    expect(g.trackOf(leaf)).toEqual({ track: "buy", cloud: "aws", name: "assistant" });
    expect(g.trackOf(mid)).toEqual({ track: "buy", cloud: "aws", name: "assistant" });
    expect(g.trackOf(x)).toBeUndefined();
    expect(g.trackOf(x)).toBeUndefined();
    expect(g.trackOf(y)).toBeUndefined();
  });
});

describe("estimateCost's edges", () => {
  it("a module that finds nothing to bill makes the resource free with its notes", () => {
    const type = DYNAMIC_RESOURCES.vertexEvaluationRun.type;
    const e = estimate([res(type, "ev", {})]);
    expect(e.resources).toEqual([]);
    expect(e.free.map((f) => [f.name, f.reason])).toEqual([["ev", "one-off: 1,000 prompts assumed (the dataset's size is not in the stack) x 1,500 input + 300 output tokens"]]);
  });

  it("with no notes either: `nothing billable with these settings`", () => {
    const type = "aws:costcore/test:Nothing";
    COST_MODULES[type] = { service: "test", price: () => ({ components: [] }) };
    try {
      const e = estimate([res(type, "n", {}), res(type, "m", {}, {})]);
      expect(e.free.map((f) => f.reason)).toEqual(["nothing billable with these settings", "nothing billable with these settings"]);
      COST_MODULES[type] = { service: "test", price: () => ({ components: [], notes: [] }) };
      expect(estimate([res(type, "n", {})]).free[0].reason).toBe("nothing billable with these settings");
      COST_MODULES[type] = { service: "test", price: () => ({ components: [], notes: ["a", "b"] }) };
      expect(estimate([res(type, "n", {})]).free[0].reason).toBe("a; b");
      COST_MODULES[type] = {
        service: "test",
        price: () => {
          throw new Error("boom");
        },
      };
      expect(() => estimate([res(type, "n", {})])).toThrow("boom");
    } finally {
      delete COST_MODULES[type];
    }
  });

  it("unpriced types: a dynamic resource it does not recognise, any other type; names from the URN when the graph gives none", () => {
    const bare = (type: string, name: string) => ({ urn: `urn:pulumi:s::p::${type}::${name}`, type, custom: true, inputs: {} });
    const t = track("Buy", "aws", "assistant");
    const e = estimateCost({
      resources: [bare("pulumi-nodejs:dynamic/vertex:Mystery", "m"), bare("aws:mystery/thing:Thing", "t"), t, child(t, "aws:mystery/thing:Thing", "in-track", {}), bare("aws:sns/topic:Topic", "topic")],
    });
    expect(e.unpriced.map((u) => [u.name, u.reason, u.inTrack])).toEqual([
      ["m", "a dynamic resource the cost model does not recognise", false],
      ["t", "no cost module for this resource type", false],
      ["in-track", "no cost module for this resource type", true],
    ]);
    expect(e.free.map((f) => [f.name, f.reason])).toEqual([["topic", "alert topic: a few notifications a month are within SNS's free tier"]]);
  });

  it("a workload the TCO model rejects names aitracks:workload", () => {
    const err = thrown(() => estimate([], { "aitracks:workload": { workload: { requestsPerDay: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 }, build: { instance: "nope-sku" } } }));
    expect(err).toBeInstanceOf(InputError);
    expect(err.lines).toEqual(['aitracks:workload.build.instance: unknown SKU "nope-sku" in the price catalog']);
    const direct = thrown(() => stackTcoModel(workloadFileSchema.parse({ workload: { requestsPerDay: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 }, buy: { provider: "x", model: "y", inputUsdPerMillionTokens: 1, outputUsdPerMillionTokens: 1 }, build: { instance: "nope-sku" } }), loadCatalog()));
    expect(direct.lines).toEqual(['aitracks:workload.build.instance: unknown SKU "nope-sku" in the price catalog']);
  });
});

describe("price helpers", () => {
  const pr = dist("price");
  const catalog = loadCatalog();
  const G5 = catalog.find("ml.g5.xlarge"); // $1.408 an hour, us-east-1
  const usage10k = (w = {}) => usageOf(stackWorkloadSchema.parse({ workload: { requestsPerDay: 10_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300, ...w } }));
  const ctx = (extra = {}) => ({ catalog, graph: new GraphIndex({ resources: [] }), usage: usage10k(), region: undefined, cloud: "aws", track: undefined, trafficShare: 1, trafficShares: new Map(), ...extra });

  it("num: numbers, numeric strings, the fallback for nothing; the rest Unpriced", () => {
    expect(pr.num(3, "f")).toBe(3);
    expect(pr.num(0, "f", 5)).toBe(0);
    expect(pr.num("4", "f")).toBe(4);
    expect(pr.num(" 4.5 ", "f")).toBe(4.5);
    expect(pr.num(undefined, "f", 7)).toBe(7);
    expect(pr.num(null, "f", 7)).toBe(7);
    expect(thrown(() => pr.num(undefined, "f")).reason).toBe("f: expected a number, got nothing");
    expect(thrown(() => pr.num(null, "f")).reason).toBe("f: expected a number, got null");
    expect(thrown(() => pr.num("", "f", 7)).reason).toBe('f: expected a number, got ""');
    expect(thrown(() => pr.num("  ", "f", 7)).reason).toBe('f: expected a number, got "  "');
    expect(thrown(() => pr.num("abc", "f")).reason).toBe('f: expected a number, got "abc"');
    expect(thrown(() => pr.num(Number.NaN, "f", 7)).reason).toBe("f: expected a number, got null");
    expect(thrown(() => pr.num(Number.POSITIVE_INFINITY, "f", 7)).reason).toBe("f: expected a number, got null");
    expect(thrown(() => pr.num("Infinity", "f", 7)).reason).toBe('f: expected a number, got "Infinity"');
    expect(thrown(() => pr.num("[unknown]", "f", 7)).reason).toBe("f is not known until deploy");
  });

  it("str and optStr", () => {
    expect(pr.str("a", "f")).toBe("a");
    expect(pr.str("", "f", "d")).toBe("d");
    expect(pr.str(undefined, "f", "d")).toBe("d");
    expect(pr.str(null, "f", "d")).toBe("d");
    expect(thrown(() => pr.str("", "f")).reason).toBe('f: expected a string, got ""');
    expect(thrown(() => pr.str(undefined, "f")).reason).toBe("f: expected a string, got nothing");
    expect(thrown(() => pr.str(3, "f", "d")).reason).toBe("f: expected a string, got 3");
    expect(thrown(() => pr.str("[secret]", "f", "d")).reason).toBe("f is not known until deploy");
    expect(pr.optStr("a")).toBe("a");
    expect(pr.optStr("")).toBeUndefined();
    expect(pr.optStr("[unknown]")).toBeUndefined();
    expect(pr.optStr(3)).toBeUndefined();
  });

  it("catalogEntry: exact, any case, the cloud's only; the closest SKUs when unknown", () => {
    expect(pr.catalogEntry(ctx(), "ml.g5.xlarge", "f")).toBe(G5);
    expect(pr.catalogEntry(ctx(), "ML.G5.XLARGE", "f")).toBe(G5);
    expect(pr.catalogEntry(ctx({ cloud: undefined }), "ml.g5.xlarge", "f")).toBe(G5);
    expect(pr.catalogEntry(ctx({ cloud: "azure" }), "standard_nc24ads_a100_v4", "f").sku).toBe("Standard_NC24ads_A100_v4");
    expect(thrown(() => pr.catalogEntry(ctx(), "ml.g5.xlarg", "instanceType")).reason).toBe('instanceType "ml.g5.xlarg" has no price in the compute catalog (closest: ml.g5.xlarge, ml.g5.2xlarge, ml.g6.xlarge)');
    expect(thrown(() => pr.catalogEntry(ctx({ cloud: "gcp" }), "ml.g5.xlarge", "f")).reason).toBe('f "ml.g5.xlarge" has no price in the compute catalog');
    expect(thrown(() => pr.catalogEntry(ctx(), "zzzzqqqqxxxxwwww", "f")).reason).toBe('f "zzzzqqqqxxxxwwww" has no price in the compute catalog');
  });

  it("sourceOf and regionNotes", () => {
    expect(pr.sourceOf(G5)).toBe("catalog ml.g5.xlarge (aws us-east-1, 2026-11-01)");
    expect(pr.regionNotes(ctx(), G5)).toEqual([]);
    expect(pr.regionNotes(ctx({ region: "us-east-1" }), G5)).toEqual([]);
    expect(pr.regionNotes(ctx({ region: "eu-west-1" }), G5)).toEqual(["ml.g5.xlarge priced at its us-east-1 list price (the catalog quotes one region)"]);
    expect(pr.regionNotes(ctx({ region: "sa-east-1" }), G5)).toEqual(["ml.g5.xlarge is not offered in sa-east-1 according to the catalog; priced at the us-east-1 list price"]);
  });

  it("monthly, headroomCeiling, usage, oneOff lines", () => {
    const src = "catalog ml.g5.xlarge (aws us-east-1, 2026-11-01)";
    // 1,460 h x $1.408 = $2,055.68
    expect(pr.monthly(G5, "n", 1460)).toEqual({ name: "n", unit: "hour", kind: "fixed", monthlyQuantity: 1460, unitPriceUsd: 1.408, monthlyUsd: 2055.68, priceSource: src });
    expect(pr.monthly(G5, "n", 1 / 3).monthlyQuantity).toBe(0.333333333333); // 12 significant digits
    expect(pr.monthly(G5, "n", 1, { kind: "usage", monthlyUsd: 9 })).toMatchObject({ kind: "usage", monthlyUsd: 9 });
    // 2 more instances all month: 1,460 h, $2,055.68, nothing this month
    expect(pr.headroomCeiling(G5, "h", 2)).toEqual({ name: "h", unit: "hour", kind: "fixed", monthlyQuantity: 0, unitPriceUsd: 1.408, monthlyUsd: 0, ceilingMonthlyQuantity: 1460, ceilingMonthlyUsd: 2055.68, priceSource: src });
    expect(pr.usage(G5, "u", 10)).toEqual({ name: "u", unit: "hour", kind: "usage", monthlyQuantity: 10, unitPriceUsd: 1.408, monthlyUsd: 14.08, priceSource: src });
    expect(pr.oneOff(G5, "o", 7)).toEqual({ name: "o", unit: "hour", kind: "one-off", monthlyQuantity: 0, unitPriceUsd: 1.408, monthlyUsd: 0, oneOffQuantity: 7, oneOffUsd: 9.856, priceSource: src });
    expect(pr.fmt(1234.567)).toBe("1,234.57");
  });

  it("instances and instanceRun: per hour (or chip-hour) only; a maximum above the count is the ceiling", () => {
    expect(pr.instances(ctx(), "ml.g5.xlarge", "f", 2).component).toMatchObject({ name: "ml.g5.xlarge x 2", monthlyQuantity: 1460, monthlyUsd: 2055.68 });
    expect(pr.instances(ctx(), "ml.g5.xlarge", "f", 2).component).not.toHaveProperty("ceilingMonthlyUsd");
    expect(pr.instances(ctx(), "ml.g5.xlarge", "f", 2, 2).component.name).toBe("ml.g5.xlarge x 2");
    expect(pr.instances(ctx(), "ml.g5.xlarge", "f", 2, 2).component).not.toHaveProperty("ceilingMonthlyUsd");
    // up to 3: 2,190 h x $1.408 = $3,083.52
    const up = pr.instances(ctx({ region: "eu-west-1" }), "ml.g5.xlarge", "f", 2, 3);
    expect(up.component).toMatchObject({ name: "ml.g5.xlarge x 2 (up to 3)", monthlyQuantity: 1460, ceilingMonthlyQuantity: 2190, ceilingMonthlyUsd: 3083.52 });
    expect(up.notes).toEqual(["ml.g5.xlarge priced at its us-east-1 list price (the catalog quotes one region)"]);
    // A TPU chip: 730 h x $1.20
    expect(pr.instances(ctx({ cloud: "gcp" }), "tpu-v5e", "f", 1).component.monthlyUsd).toBe(876);
    expect(thrown(() => pr.instances(ctx(), "sagemaker-serverless-gb-second", "f", 1)).reason).toBe("f sagemaker-serverless-gb-second is priced per GB-second, not per hour");
    // 2 instances x 3.5 h = 7 h x $1.408 = $9.856
    expect(pr.instanceRun(ctx(), "ml.g5.xlarge", "f", 2, 3.5, "training")).toEqual({ component: pr.oneOff(G5, "training: ml.g5.xlarge x 2 x 3.5 h", 7), notes: [] });
    expect(pr.instanceRun(ctx({ cloud: "gcp" }), "tpu-v5e", "f", 4, 10, "run").component.oneOffUsd).toBe(48); // 40 chip-hours x $1.20
    expect(thrown(() => pr.instanceRun(ctx(), "sagemaker-serverless-gb-second", "f", 1, 1, "x")).reason).toBe("f sagemaker-serverless-gb-second is priced per GB-second, not per hour");
  });

  /** A graph whose memo records its keys and answers with the given token prices. */
  const priced = (prices) => {
    const keys: string[] = [];
    return { keys, graph: { memo: (k: string) => (keys.push(k), prices) } };
  };
  const P = { inputUsdPerMillionTokens: 2, outputUsdPerMillionTokens: 10, cachedInputUsdPerMillionTokens: 0.5, reasoningUsdPerMillionTokens: 20, provider: "prov", model: "mod", source: "src" };
  const tok = (name: string, q: number, price: number, usd: number) => ({ name, unit: "1M tokens", kind: "usage", monthlyQuantity: q, unitPriceUsd: price, monthlyUsd: usd, priceSource: "src: prov mod" });

  it("tokenPricesFor: the query, with 1,000-token defaults, the cache and reasoning flags and the date", () => {
    const { keys, graph } = priced(P);
    expect(pr.tokenPricesFor(ctx({ graph }), "prov", "mod")).toBe(P);
    pr.tokenPricesFor(ctx({ graph, usage: usageOf(undefined), pricesAt: new Date("2026-01-02T00:00:00Z") }), "prov", "mod");
    pr.tokenPricesFor(ctx({ graph, usage: usage10k({ cachedInputShare: 0.2, reasoningTokensPerRequest: 5 }) }), "prov", "mod");
    expect(keys).toEqual([
      'token-prices {"provider":"prov","model":"mod","inputTokensPerRequest":1500,"outputTokensPerRequest":300,"cache":false,"reasoning":false}',
      'token-prices {"provider":"prov","model":"mod","inputTokensPerRequest":1000,"outputTokensPerRequest":1000,"cache":false,"reasoning":false,"at":"2026-01-02T00:00:00.000Z"}',
      'token-prices {"provider":"prov","model":"mod","inputTokensPerRequest":1500,"outputTokensPerRequest":300,"cache":true,"reasoning":true}',
    ]);
  });

  it("tokenComponents: input and output of this resource's share; no price is Unpriced", () => {
    // 304,166.67 requests a month x 1,500 = 456.25M input tokens x $2 = $912.50; x 300 = 91.25M x $10 = $912.50
    expect(pr.tokenComponents(ctx(priced(P)), "prov", "mod")).toEqual({ components: [tok("mod input tokens", 456.25, 2, 912.5), tok("mod output tokens", 91.25, 10, 912.5)], notes: [], prices: P });
    expect(pr.tokenComponents(ctx(priced(P)), "prov", "mod", "Label").components.map((c) => c.name)).toEqual(["Label input tokens", "Label output tokens"]);
    // Half the traffic: 228.125M and 45.625M
    const half = pr.tokenComponents(ctx({ ...priced(P), trafficShare: 0.5 }), "prov", "mod");
    expect(half.components.map((c) => c.monthlyQuantity)).toEqual([228.125, 45.625]);
    expect(half.notes).toEqual(["serves 50% of the workload (traffic split evenly across the tracks that serve it)"]);
    const fallback = pr.tokenComponents(ctx({ ...priced(P), trafficShare: 0 }), "prov", "mod");
    expect(fallback.components.map((c) => c.monthlyUsd)).toEqual([0, 0]);
    expect(fallback.notes).toEqual(["fallback model: no traffic assumed (the primary serves the workload)"]);
    expect(pr.tokenComponents(ctx({ ...priced(P), usage: usageOf(undefined) }), "prov", "mod").notes).toEqual([
      "no aitracks:workload in the stack: token volume counted as 0; add aitracks:workload.workload (requestsPerDay, inputTokensPerRequest, outputTokensPerRequest) to count it",
    ]);
    expect(thrown(() => pr.tokenComponents(ctx(priced(undefined)), "prov", "mod")).reason).toBe('no token price for "mod" on provider "prov" in @pydantic/genai-prices');
  });

  it("tokenComponents: cached input at the cache-read price (or the input price), reasoning at its price (or the output price)", () => {
    const u = usage10k({ cachedInputShare: 0.2, reasoningTokensPerRequest: 100 });
    // input 1,200 a request: 365M x $2 = $730; cached 300: 91.25M x $0.50 = $45.625; output 91.25M x $10;
    // reasoning 100: 30.4166666667M x $20 = $608.333333333
    const r = pr.tokenComponents(ctx({ ...priced(P), usage: u }), "prov", "mod");
    expect(r.components).toEqual([
      tok("mod input tokens", 365, 2, 730),
      tok("mod cached input tokens", 91.25, 0.5, 45.625),
      tok("mod output tokens", 91.25, 10, 912.5),
      tok("mod reasoning tokens", 30.4166666667, 20, 608.333333334),
    ]);
    expect(r.notes).toEqual([
      "20% of the input from the prompt cache at the cache-read price (aitracks:workload.workload.cachedInputShare)",
      "100 reasoning tokens a request, billed as output (aitracks:workload.workload.reasoningTokensPerRequest)",
    ]);
    const bare = { ...P, cachedInputUsdPerMillionTokens: undefined, reasoningUsdPerMillionTokens: undefined };
    const r2 = pr.tokenComponents(ctx({ ...priced(bare), usage: u }), "prov", "mod");
    expect(r2.components.map((c) => [c.name, c.unitPriceUsd])).toEqual([
      ["mod input tokens", 2],
      ["mod cached input tokens", 2],
      ["mod output tokens", 10],
      ["mod reasoning tokens", 10],
    ]);
    expect(r2.notes[0]).toBe("20% of the input from the prompt cache (aitracks:workload.workload.cachedInputShare), but @pydantic/genai-prices lists no cache-read price for mod: priced at the input price");
  });

  it("oneOffTokenComponents and trainingTokens", () => {
    // 2M input x $2 = $4; 0.5M output x $10 = $5
    expect(pr.oneOffTokenComponents(ctx(priced(P)), "prov", "mod", 2e6, 5e5, "eval")).toEqual([
      { name: "eval input tokens", unit: "1M tokens", kind: "one-off", monthlyQuantity: 0, unitPriceUsd: 2, monthlyUsd: 0, oneOffQuantity: 2, oneOffUsd: 4, priceSource: "src: prov mod" },
      { name: "eval output tokens", unit: "1M tokens", kind: "one-off", monthlyQuantity: 0, unitPriceUsd: 10, monthlyUsd: 0, oneOffQuantity: 0.5, oneOffUsd: 5, priceSource: "src: prov mod" },
    ]);
    expect(thrown(() => pr.oneOffTokenComponents(ctx(priced(undefined)), "prov", "mod", 1, 1, "eval")).reason).toBe('no token price for "mod" on provider "prov" in @pydantic/genai-prices');
    // The TCO defaults: 10,000 examples x 1,000 tokens x 3 epochs = 30M x $8 = $240
    const d = pr.trainingTokens(ctx(), "bedrock-customization-training", undefined, "tuning");
    expect(d.component).toMatchObject({ name: "tuning: 30M training tokens", kind: "one-off", oneOffQuantity: 30, oneOffUsd: 240 });
    expect(d.notes).toEqual(["10,000 examples x 1,000 tokens x 3 epochs (examples: the TCO model's default; set aitracks:workload.fineTune.labeledExamples)"]);
    // Given: 2,000 examples x 500 tokens x 2 epochs (given here) = 2M x $8 = $16
    const u = usageOf(stackWorkloadSchema.parse({ workload: { requestsPerDay: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 }, fineTune: { labeledExamples: 2000, tokensPerExample: 500, epochs: 5 } }));
    const g = pr.trainingTokens(ctx({ usage: u }), "bedrock-customization-training", 2, "tuning");
    expect(g.component).toMatchObject({ name: "tuning: 2M training tokens", oneOffQuantity: 2, oneOffUsd: 16 });
    expect(g.notes).toEqual(["2,000 examples x 500 tokens x 2 epochs"]);
  });
});

describe("three-year helpers", () => {
  const ty = dist("three-year");
  const comp = (kind: string, monthlyUsd: number, extra = {}) => ({ name: kind, unit: "hour", kind, monthlyQuantity: 1, unitPriceUsd: monthlyUsd, monthlyUsd, priceSource: "s", ...extra });
  const rc = (components) => ({ urn: "u", type: "t", name: "n", components, monthlyUsd: 0, oneOffUsd: 0 });

  it("stackOption: the decided option, else the heaviest track", () => {
    expect(ty.stackOption({ decidedTrack: "buy", tracks: ["build"] })).toBe("buy");
    expect(ty.stackOption({ decidedTrack: "fine-tune", tracks: [] })).toBe("fine-tune");
    expect(ty.stackOption({ decidedTrack: "build", tracks: [] })).toBe("build");
    expect(ty.stackOption({ decidedTrack: "hybrid", tracks: ["buy", "build", "fine-tune"] })).toBe("build");
    expect(ty.stackOption({ decidedTrack: undefined, tracks: ["buy", "fine-tune"] })).toBe("fine-tune");
    expect(ty.stackOption({ decidedTrack: undefined, tracks: ["serving"] })).toBe("fine-tune");
    expect(ty.stackOption({ decidedTrack: undefined, tracks: ["evaluation"] })).toBe("buy");
    expect(ty.stackOption({ decidedTrack: undefined, tracks: [] })).toBe("buy");
  });

  it("growthFactor: months when flat, else the geometric sum (growth or decline)", () => {
    expect(ty.growthFactor(0, 36)).toBe(36);
    expect(ty.growthFactor(1e-13, 36)).toBe(36);
    expect(ty.growthFactor(-1e-13, 36)).toBe(36);
    expect(ty.growthFactor(0.1, 2)).toBeCloseTo(2.1, 12); // 1 + 1.1
    expect(ty.growthFactor(-0.5, 2)).toBeCloseTo(1.5, 12); // 1 + 0.5
    expect(ty.growthFactor(1e-6, 2)).toBeCloseTo(2.000001, 9);
  });

  it("monthlySeries: fixed every month, usage growing, fleets month by month (the last month repeated), one-off left out", () => {
    const rs = [rc([comp("fixed", 10), comp("usage", 100), comp("one-off", 0, { oneOffUsd: 999 }), comp("fixed", 5, { monthlyUsdByMonth: [1, 2] }), comp("fixed", 5, { monthlyUsdByMonth: [] })])];
    // month 1: 10 + 100 + 1; month 2: 10 + 110 + 2; month 3: 10 + 121 + 2 (the fleet's last month)
    const s = ty.monthlySeries(rs, 0.1, 3);
    expect(s.map((x) => Number(x.toFixed(9)))).toEqual([111, 122, 133]);
    expect(ty.monthlySeries([], 0)).toEqual(new Array(36).fill(0));
  });

  it("budgetCrossedInMonth: the first month above, 1-based; at the budget is not above", () => {
    expect(ty.budgetCrossedInMonth([1, 5, 10], 5)).toBe(3);
    expect(ty.budgetCrossedInMonth([6, 5, 10], 5)).toBe(1);
    expect(ty.budgetCrossedInMonth([1, 5, 5], 5)).toBeUndefined();
    expect(ty.budgetCrossedInMonth([1, 5, 10], undefined)).toBeUndefined();
    expect(ty.budgetCrossedInMonth([0], 0)).toBeUndefined();
  });

  it("threeYearCost: infrastructure, one-off, people; each note", () => {
    const catalog = loadCatalog();
    const inputs = stackCostInputs({ "aitracks:workload": { workload: { requestsPerDay: 100, inputTokensPerRequest: 10, outputTokensPerRequest: 10, monthlyGrowth: 0.03 } } });
    const model = ty.stackTcoModel(ty.tcoInputOf(inputs, undefined), catalog);
    const rs = [rc([comp("fixed", 10), comp("usage", 100), comp("one-off", 0, { oneOffUsd: 50 }), comp("fixed", 5, { monthlyUsdByMonth: [2, 4] })])];
    const plain = ty.threeYearCost(rs, inputs, model, "buy", false);
    // 10 x 36 + 100 x (1.03^36 - 1) / 0.03 + (2 + 4 + 0 x 34) = 360 + 6,327.60 + 6
    const infra = 360 + (100 * (1.03 ** 36 - 1)) / 0.03 + 6;
    expect(plain.infrastructureUsd).toBeCloseTo(infra, 6);
    expect(plain).toMatchObject({ horizonMonths: 36, oneOffUsd: 50, peopleAndDataUsd: 0, option: "buy", breakdown: { team: 0, maintenance: 0, data: 0 } });
    expect(plain.totalUsd).toBeCloseTo(infra + 50, 6);
    expect(plain.notes).toEqual([
      "people and data: not counted (no aitracks:* config: the stack says nothing about a team; add aitracks:workload to count one)",
      "usage items grow 3.0% a month (aitracks:workload.workload.monthlyGrowth)",
    ]);
    const people = ty.threeYearCost(rs, inputs, model, "fine-tune");
    expect(people.peopleAndDataUsd).toBe(people.breakdown.team + people.breakdown.maintenance + people.breakdown.data);
    expect(people.peopleAndDataUsd).toBeGreaterThan(0);
    expect(people.totalUsd).toBeCloseTo(infra + 50 + people.peopleAndDataUsd, 6);
    expect(people.notes).toEqual([
      "people and data: the TCO model's fine-tune option (team, maintenance, labelling; `aitracks tco` lists each assumption)",
      "usage items grow 3.0% a month (aitracks:workload.workload.monthlyGrowth)",
    ]);
    const none = stackCostInputs({});
    const m0 = ty.stackTcoModel(ty.tcoInputOf(none, undefined), catalog);
    expect(ty.threeYearCost([], none, m0, "buy").notes).toEqual([
      "people and data: the TCO model's buy option (team, maintenance, labelling; `aitracks tco` lists each assumption)",
      "no aitracks:workload: usage items at zero volume, people costs at the TCO defaults",
    ]);
    expect(ty.threeYearCost([], none, m0, "buy", false).notes).toHaveLength(1);
  });

  it("tcoInputOf: the workload's buy, else the given prices, else none at zero", () => {
    const w = { workload: { requestsPerDay: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 } };
    const given = { provider: "p", model: "m", inputUsdPerMillionTokens: 1, outputUsdPerMillionTokens: 2 };
    expect(ty.tcoInputOf(stackCostInputs({ "aitracks:workload": w }), given).buy).toEqual(given);
    expect(ty.tcoInputOf(stackCostInputs({ "aitracks:workload": { ...w, buy: { provider: "a", model: "b" } } }), given).buy).toEqual({ provider: "a", model: "b" });
    const none = ty.tcoInputOf(stackCostInputs({}), undefined);
    expect(none.buy).toEqual({ provider: "none", model: "none", inputUsdPerMillionTokens: 0, outputUsdPerMillionTokens: 0 });
    expect(none.workload).toMatchObject({ requestsPerDay: 0, inputTokensPerRequest: 0, outputTokensPerRequest: 0 });
  });
});

describe("the free list: every type on it is free, with its reason", () => {
  const bareOf = (type: string, i: number) => ({ urn: `urn:pulumi:s::p::${type}::r${i}`, type, name: `r${i}`, custom: true, parent: null, inputs: {} });

  it("each type of FREE is listed free with that reason (none priced by a module, none unpriced)", () => {
    const types = Object.keys(FREE);
    expect(types.length).toBeGreaterThan(200);
    const e = estimateCost({ resources: types.map(bareOf) });
    // A blank reason would read as "not free": the type would fall through to unpriced.
    expect(e.unpriced.map((u) => u.type)).toEqual([]);
    expect(e.resources.map((r) => r.type)).toEqual([]);
    expect(Object.fromEntries(e.free.map((f) => [f.type, f.reason]))).toEqual(FREE);
    expect(e.free.filter((f) => f.reason.trim().length < 5)).toEqual([]);
  });

  it("each type of UNCOUNTED_USAGE is free and says what would count its usage", () => {
    const types = Object.keys(UNCOUNTED_USAGE);
    const e = estimateCost({ resources: types.map(bareOf) });
    expect(e.unpriced).toEqual([]);
    expect(e.free.map((f) => [f.type, f.uncountedUsage])).toEqual(types.map((t) => [t, UNCOUNTED_USAGE[t]]));
    for (const f of e.free) expect(f.uncountedUsage).toMatch(/^.+; to count it: .+ \(no aitracks:workload field states it/);
    // Per-request usage (messages, I/O, bytes published) says requestsPerDay would size the total; the others do not.
    const perRequest = e.free.filter((f) => f.uncountedUsage.includes("aitracks:workload.workload.requestsPerDay would size the total")).map((f) => f.type);
    expect(perRequest).toEqual(["aws:rds/cluster:Cluster", "aws:sqs/queue:Queue", "gcp:pubsub/subscription:Subscription"]);
  });

  it("whole families by prefix: any IAM or VPC type, and not a type that only starts alike", () => {
    expect(freeReason("aws:iam/openIdConnectProvider:OpenIdConnectProvider")).toBe("IAM: identity and access management is free");
    expect(freeReason("aws:vpc/securityGroupVpcAssociation:SecurityGroupVpcAssociation")).toBe("VPC configuration");
    expect(freeReason("aws:vpclattice/service:Service")).toBeUndefined();
    expect(freeReason("aws:mystery/thing:Thing")).toBeUndefined();
    expect(FREE_FAMILIES.map(([prefix]) => prefix)).toEqual(["aws:iam/", "aws:vpc/"]);
  });
});

describe("the estimate's totals, lists and stamps", () => {
  const TYPE = "aws:costcore/test:Priced";
  const comp = (monthlyUsd: number, oneOffUsd = 0) => ({ name: "x", unit: "hour", kind: "fixed", monthlyQuantity: 1, unitPriceUsd: monthlyUsd, monthlyUsd, oneOffQuantity: 1, oneOffUsd, priceSource: "test" });

  it("a module that throws Unpriced: the resource is unpriced with that reason, in a track or not", () => {
    const UNPRICED = "aws:costcore/test:Unpriceable";
    COST_MODULES[UNPRICED] = {
      service: "test",
      price: () => {
        throw new Unpriced("the size is not known until deploy");
      },
    };
    try {
      const t = track("Buy", "aws", "assistant");
      const e = estimate([res(UNPRICED, "outside", {}), t, child(t, UNPRICED, "inside", {})]);
      expect(e.unpriced.map((u) => [u.name, u.reason, u.inTrack])).toEqual([
        ["outside", "the size is not known until deploy", false],
        ["inside", "the size is not known until deploy", true],
      ]);
    } finally {
      delete COST_MODULES[UNPRICED];
    }
    const err = new Unpriced("why");
    expect([err.name, err.message, err.reason, err instanceof Error]).toEqual(["Unpriced", "why", "why", true]);
  });

  it("by cloud and by track: monthly and one-off summed per key, the dearest first, ties by name", () => {
    const OTHER = "acme:costcore/test:Priced";
    const prices: Record<string, [number, number]> = { a: [10, 1], b: [5, 2], c: [7, 4], d: [3, 8], e: [3, 16] };
    COST_MODULES[TYPE] = { service: "test", price: (r) => ({ components: [comp(...prices[r.name])] }) };
    COST_MODULES[OTHER] = COST_MODULES[TYPE];
    try {
      const t = track("Buy", "aws", "assistant");
      // a, b: AWS outside tracks; c: AWS in the track; d, e: no cloud, outside tracks.
      const e = estimate([res(TYPE, "a", {}), res(TYPE, "b", {}), t, child(t, TYPE, "c", {}), res(OTHER, "d", {}), res(OTHER, "e", {})]);
      expect(e.byCloud).toEqual([
        { key: "aws", monthlyUsd: 22, oneOffUsd: 7 },
        { key: "other", monthlyUsd: 6, oneOffUsd: 24 },
      ]);
      expect(e.byTrack).toEqual([
        { key: "outside tracks", monthlyUsd: 21, oneOffUsd: 27 },
        { key: "buy (assistant, aws)", monthlyUsd: 7, oneOffUsd: 4 },
      ]);
      expect([e.monthlyUsd, e.oneOffUsd]).toEqual([28, 31]);
      // Equal totals: by key, either order of the input.
      const tie = (names: string[]) => estimate(names.map((n) => res(n === "d" ? OTHER : TYPE, n, {}))).byCloud.map((x) => x.key);
      prices.a = [3, 0];
      expect(tie(["a", "d"])).toEqual(["aws", "other"]);
      expect(tie(["d", "a"])).toEqual(["aws", "other"]);
    } finally {
      delete COST_MODULES[TYPE];
      delete COST_MODULES[OTHER];
    }
  });

  it("currency, the workload assumption only without a workload, and prices as of the oldest part of the price data", () => {
    const with_ = estimate([]);
    expect(with_.currency).toBe("USD");
    expect(with_.assumptions.filter((a) => a.startsWith("no aitracks:workload"))).toEqual([]);
    expect(estimate([], {}).assumptions).toContain(
      "no aitracks:workload in the stack config: usage-based items (tokens, logs) are counted at zero volume; add aitracks:workload.workload (requestsPerDay, inputTokensPerRequest, outputTokensPerRequest) to count them",
    );
    // A compute catalog dated after the token price data: the estimate is as old as the token data.
    const base = loadCatalog();
    const catalog = new PriceCatalog({ ...base.data, entries: base.entries.map((e) => ({ ...e, asOf: "2099-01-01" })) });
    const tokensAsOf = pricesStatus(catalog).asOf;
    expect(tokensAsOf).toMatch(/^20[23]\d-\d\d-\d\d$/);
    expect(estimateCost({ resources: [] }, { catalog }).pricesAsOf).toBe(tokensAsOf);
  });
});

describe("primaryTokenPrices: the model that serves the stack's traffic", () => {
  const tokens = (name: string, unitPriceUsd: number, monthlyQuantity = 1, extra = {}) => ({ name, unit: "1M tokens", kind: "usage", monthlyQuantity, unitPriceUsd, monthlyUsd: monthlyQuantity * unitPriceUsd, priceSource: "test", ...extra });
  const priced = (cloud: string | undefined, components: object[]) => ({ urn: "u", type: "t", name: "n", cloud, components, monthlyUsd: 0, oneOffUsd: 0 });

  it("the first resource with both input and output tokens in use, cached input left aside", () => {
    const r = priced("aws", [tokens("claude cached input tokens", 0.3), tokens("claude input tokens", 3), tokens("claude output tokens", 15)]);
    expect(primaryTokenPrices([r])).toEqual({ provider: "aws", model: "claude", inputUsdPerMillionTokens: 3, outputUsdPerMillionTokens: 15 });
    const first = priced(undefined, [tokens("nova input tokens", 0.06), tokens("nova output tokens", 0.24)]);
    expect(primaryTokenPrices([first, r])).toEqual({ provider: "stack", model: "nova", inputUsdPerMillionTokens: 0.06, outputUsdPerMillionTokens: 0.24 });
  });

  it("not a resource with only one side, none in use, another unit or kind, or a name that only contains the words", () => {
    const cases = [
      [tokens("m input tokens", 1)],
      [tokens("m output tokens", 1)],
      [tokens("m input tokens", 1, 0), tokens("m output tokens", 1)],
      [tokens("m input tokens", 1), tokens("m output tokens", 1, 0)],
      [tokens("m cached input tokens", 1), tokens("m output tokens", 1)],
      [tokens("m input tokens", 1, 1, { unit: "1K tokens" }), tokens("m output tokens", 1)],
      [tokens("m input tokens", 1), tokens("m output tokens", 1, 1, { unit: "1K tokens" })],
      [tokens("m input tokens", 1, 1, { kind: "fixed" }), tokens("m output tokens", 1)],
      [tokens("m input tokens", 1), tokens("m output tokens", 1, 1, { kind: "fixed" })],
      [tokens("m input tokens x 2", 1), tokens("m output tokens", 1)],
      [tokens("m input tokens", 1), tokens("m output tokens x 2", 1)],
    ];
    expect(cases.map((c) => primaryTokenPrices([priced("aws", c)]) ?? null)).toEqual(cases.map(() => null));
    expect(primaryTokenPrices([])).toBeUndefined();
  });
});

describe("planTraffic: which model serves each track's traffic", () => {
  const { planTraffic } = dist("traffic");
  const TYPE = "aws:costcore/test:Model";
  const plan = (resources) => {
    const r = planTraffic(new GraphIndex({ resources }, {}), resources);
    return { shares: Object.fromEntries([...r.shares].map(([urn, s]) => [urn.split("::").pop(), s])), assumptions: r.assumptions };
  };

  it("one group: the first model (a preferred one before it) serves all; the others are fallbacks, counted", () => {
    COST_MODULES[TYPE] = { service: "test", servesTraffic: () => true, preferredForTraffic: (r) => r.inputs.tuned === true, price: () => ({ components: [] }) };
    try {
      expect(plan([res(TYPE, "a", {}), res(TYPE, "b", {})])).toEqual({ shares: { a: 1, b: 0 }, assumptions: ["(outside tracks): a is the primary model; 1 fallback priced at no traffic"] });
      expect(plan([res(TYPE, "a", {}), res(TYPE, "b", {}), res(TYPE, "c", { tuned: true })])).toEqual({
        shares: { a: 0, b: 0, c: 1 },
        assumptions: ["(outside tracks): c is the primary model; 2 fallbacks priced at no traffic"],
      });
      // No name in the graph: the URN says which.
      const [bare] = [{ ...res(TYPE, "x", {}), name: undefined }];
      expect(plan([bare, res(TYPE, "y", {})]).assumptions).toEqual([`(outside tracks): ${bare.urn} is the primary model; 1 fallback priced at no traffic`]);
      expect(plan([res(TYPE, "only", {})])).toEqual({ shares: { only: 1 }, assumptions: [] });
      expect(plan([])).toEqual({ shares: {}, assumptions: [] });
    } finally {
      delete COST_MODULES[TYPE];
    }
  });

  it("several tracks split the workload evenly, each with its own primary", () => {
    COST_MODULES[TYPE] = { service: "test", servesTraffic: (r) => r.inputs.serves !== false, price: () => ({ components: [] }) };
    try {
      const t1 = track("Buy", "aws", "one");
      const t2 = track("FineTune", "aws", "two");
      const got = plan([t1, child(t1, TYPE, "p1", {}), t2, child(t2, TYPE, "p2", {}), child(t2, TYPE, "f2", {}), res(TYPE, "idle", { serves: false })]);
      expect(got.shares).toEqual({ p1: 0.5, p2: 0.5, f2: 0 });
      expect(got.assumptions).toEqual([
        "fine-tune:aws:two: p2 is the primary model; 1 fallback priced at no traffic",
        "the workload is split evenly across 2 tracks that serve it (buy:aws:one, fine-tune:aws:two)",
      ]);
    } finally {
      delete COST_MODULES[TYPE];
    }
  });
});

describe("trackDataGb: where a track keeps its training data", () => {
  it("once per build or fine-tune track, in its own store (one whose name says data, else its first), none in a serving track", () => {
    const B = "aws:s3/bucket:Bucket";
    const one = track("FineTune", "aws", "one");
    const two = track("FineTune", "aws", "two");
    const serving = track("Buy", "aws", "three");
    const sameNameOtherCloud = track("FineTune", "gcp", "one");
    // No name in the graph: the URN's says data.
    const nameless = { ...child(two, B, "two-dataset", {}), name: undefined };
    const config = { "aitracks:workload": { workload: { requestsPerDay: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 }, fineTune: { labeledExamples: 1_234_567, tokensPerExample: 10 } } };
    const e = estimate(
      [
        one,
        child(one, B, "one-artifacts", {}),
        child(one, B, "one-corpus", {}),
        two,
        child(two, B, "two-a", {}),
        nameless,
        serving,
        child(serving, B, "three-data", {}),
        sameNameOtherCloud,
        child(sameNameOtherCloud, "gcp:storage/bucket:Bucket", "g-bucket", { location: "US" }),
      ],
      config,
    );
    const SET = "labelled training set (1,234,567 examples)";
    expect(e.resources.map((r) => [r.name, r.components.map((c) => c.name)])).toEqual([
      ["one-artifacts", ["S3 Standard storage (volume not in the workload)"]],
      ["one-corpus", [`S3 Standard storage: ${SET}`]],
      ["two-a", ["S3 Standard storage (volume not in the workload)"]],
      ["two-dataset", [`S3 Standard storage: ${SET}`]],
      ["three-data", ["S3 Standard storage (volume not in the workload)"]],
      ["g-bucket", [`Standard storage: ${SET}`]],
    ]);
  });
});

describe("stackCostInputs: the stack config the cost model reads", () => {
  it("aitracks:tracks: the track of each entry that names one as text; anything else is left out", () => {
    const tracksOf = (v: unknown) => stackCostInputs({ "aitracks:tracks": v }).tracks;
    expect(tracksOf([{ track: "buy" }, null, "fine-tune", { track: 3 }, {}, 7, { track: "evaluation", cloud: "aws" }])).toEqual(["buy", "evaluation"]);
    expect(tracksOf({ track: "buy" })).toEqual([]);
    expect(tracksOf(undefined)).toEqual([]);
  });

  it("aitracks:decision: the decided track when the decision names one; none otherwise", () => {
    expect(stackCostInputs({ "aitracks:decision": { track: "fine-tune", reviewDate: "2099-01-01" } }).decidedTrack).toBe("fine-tune");
    expect(stackCostInputs({ "aitracks:decision": "nonsense" }).decidedTrack).toBeUndefined();
    expect(stackCostInputs({}).decidedTrack).toBeUndefined();
  });
});
