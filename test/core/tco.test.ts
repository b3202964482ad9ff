// @ts-nocheck
import { describe, expect, it } from "vitest";
import {
  CATEGORY_COUNT,
  COMPUTE,
  DATA,
  MAINTENANCE,
  TEAM,
  TOKENS,
  pretrainingEstimate,
  projectDetailed,
  projectOption,
  resolveTco,
  runTco,
  servingInstances,
} from "../../packages/core/src/tco";
import { DAYS, ML_MONTH, workload } from "./tco-helpers";

/** Month m's categories of one option at point values. */
function month(file: Parameters<typeof resolveTco>[0], option: "buy" | "fine-tune" | "build", m: number) {
  const model = resolveTco(file);
  const out = new Float64Array(model.horizonMonths * CATEGORY_COUNT);
  projectOption({ ...model.point }, option, model.horizonMonths, out);
  const o = m * CATEGORY_COUNT;
  return { compute: out[o + COMPUTE]!, tokens: out[o + TOKENS]!, team: out[o + TEAM]!, data: out[o + DATA]!, maintenance: out[o + MAINTENANCE]! };
}

describe("buy", () => {
  it("the framework's check: 10M input tokens a day at $15 per million = $54,750 a year in API fees", () => {
    const report = runTco(
      workload({
        horizonMonths: 12,
        workload: { requestsPerDay: 10_000, inputTokensPerRequest: 1_000, outputTokensPerRequest: 0 },
        buy: { inputUsdPerMillionTokens: 15, outputUsdPerMillionTokens: 0 },
      }),
    );
    const buy = report.options.find((o) => o.option === "buy")!;
    expect(buy.breakdown.tokens).toBe(54_750);
    expect(buy.years).toHaveLength(1);
  });

  it("a hand-computed month: tokens with growth, developers, monitoring", () => {
    const file = workload({
      workload: { requestsPerDay: 1_000, inputTokensPerRequest: 500, outputTokensPerRequest: 200, monthlyGrowth: 0.1 },
      buy: { inputUsdPerMillionTokens: 2.5, outputUsdPerMillionTokens: 10, monitoringUsdPerMonth: 500 },
      team: { developers: 2, developerAnnualUsd: 180_000 },
    });
    const m2 = month(file, "buy", 2);
    // Month 2: 1,000 x 1.1^2 = 1,210 requests/day x 365/12 days x (500 x $2.5 + 200 x $10) / 1M
    expect(m2.tokens).toBeCloseTo(1_210 * (365 / 12) * 0.00325, 9); // $119.6135...
    expect(m2.tokens).toBeCloseTo(119.6135417, 6);
    expect(m2.team).toBe(30_000); // 2 x $180,000 / 12
    expect(m2.maintenance).toBe(500);
    expect(m2.compute + m2.data).toBe(0);
  });
});

describe("fine-tune", () => {
  const oneOffs = {
    horizonMonths: 3,
    bridgeWithApi: false,
    team: { developers: 0 },
    fineTune: {
      labeledExamples: 5_000,
      labelingUsdPerExample: 2,
      training: { instance: "ml.p4d.24xlarge", instanceCount: 1, hours: 100 },
      engineers: 4,
      projectWeeks: 4,
      maintenanceFte: 0,
      inference: { method: "hosted", inputUsdPerMillionTokens: 0, outputUsdPerMillionTokens: 0 },
    },
  };

  it("one-offs: labelling, one training run, the project team", () => {
    const model = resolveTco(workload(oneOffs));
    const ft = projectDetailed(model, "fine-tune");
    expect(ft.breakdown.data).toBeCloseTo(10_000, 6); // 5,000 x $2
    expect(ft.breakdown.compute).toBeCloseTo(2_525, 6); // 100 h x $25.25 (catalog ml.p4d.24xlarge)
    // 4 engineers x $250,000/12 x 4 weeks (28 days = 0.9205 months)
    expect(ft.breakdown.team).toBeCloseTo(4 * ML_MONTH * (28 / DAYS), 6);
    expect(ft.breakdown.team).toBeCloseTo(76_712.33, 1);
    expect(ft.breakdown.tokens + ft.breakdown.maintenance).toBe(0);
    // A project shorter than a month lands in month 0.
    expect(ft.monthly[1]).toBe(0);
  });

  it("hosted training is priced per training token (catalog $8 per million)", () => {
    const file = workload({
      ...oneOffs,
      fineTune: { ...oneOffs.fineTune, labeledExamples: 10_000, tokensPerExample: 1_000, epochs: 3, training: { method: "hosted" } },
    });
    const ft = projectDetailed(resolveTco(file), "fine-tune");
    expect(ft.breakdown.compute).toBeCloseTo(240, 9); // 10,000 x 1,000 x 3 / 1M x $8
  });

  it("retrains every 6 months after launch: training again + 20% of the labelling", () => {
    const file = workload({ ...oneOffs, horizonMonths: 13 });
    const ft = projectDetailed(resolveTco(file), "fine-tune");
    // Launch at 0.92 months: retrains at 6.92 and 12.92, i.e. in months 6 and 12.
    for (const m of [6, 12]) {
      expect(ft.monthlyBreakdown[m]!.compute).toBeCloseTo(2_525, 6);
      expect(ft.monthlyBreakdown[m]!.data).toBeCloseTo(2_000, 6);
    }
    expect(ft.monthly[5]).toBe(0);
    expect(ft.breakdown.data).toBeCloseTo(14_000, 6);
  });

  it("sizes self-hosted serving by peak tokens/s, in whole instances", () => {
    // Peak tokens/s = requests/day x (output + input/10) / 86,400 x peakToAverage.
    expect(servingInstances(34_560, 0, 1_000, 3, 1_200, 1)).toBe(1); // exactly 1,200 tok/s
    expect(servingInstances(34_561, 0, 1_000, 3, 1_200, 1)).toBe(2);
    expect(servingInstances(69_120, 0, 1_000, 3, 1_200, 1)).toBe(2);
    expect(servingInstances(69_121, 0, 1_000, 3, 1_200, 1)).toBe(3);
    expect(servingInstances(34_561, 10_000, 0, 3, 1_200, 1)).toBe(2); // prefill counts a tenth
    expect(servingInstances(10, 100, 100, 3, 1_500, 2)).toBe(2); // never below the minimum
    expect(servingInstances(0, 100, 100, 3, 1_500, 0)).toBe(0);

    // In the projection: 3 instances x $1.515/h (catalog ml.g5.2xlarge) x 730 h.
    const file = workload({
      bridgeWithApi: false,
      workload: { requestsPerDay: 69_121, inputTokensPerRequest: 0, outputTokensPerRequest: 1_000, peakToAverage: 3 },
      fineTune: { projectWeeks: 0, inference: { instance: "ml.g5.2xlarge", tokensPerSecondPerInstance: 1_200, minInstances: 1 } },
    });
    expect(month(file, "fine-tune", 3).compute).toBeCloseTo(3 * 1.515 * 730, 6);
  });

  it("the month-by-month traffic is shared between projections, and follows every input it depends on", () => {
    // Projections keep the last traffic table; each of these changes must give a new one.
    const model = resolveTco(
      workload({
        bridgeWithApi: false,
        workload: { requestsPerDay: 34_560, inputTokensPerRequest: 0, outputTokensPerRequest: 1_000, peakToAverage: 3 },
        fineTune: { projectWeeks: 0, inference: { instance: "ml.g5.2xlarge", tokensPerSecondPerInstance: 1_200, minInstances: 1 } },
      }),
    );
    const instances = (change: Record<string, number>, m = 3) => {
      const out = new Float64Array(model.horizonMonths * CATEGORY_COUNT);
      projectOption({ ...model.point, ...change }, "fine-tune", model.horizonMonths, out);
      return Math.round(out[m * CATEGORY_COUNT + COMPUTE]! / (1.515 * 730));
    };
    const buyTokens = (change: Record<string, number>, m = 3) => {
      const out = new Float64Array(model.horizonMonths * CATEGORY_COUNT);
      projectOption({ ...model.point, ...change }, "buy", model.horizonMonths, out);
      return out[m * CATEGORY_COUNT + TOKENS]!;
    };
    // Each change right after the unchanged traffic (whose table is then the one kept).
    const changes = [
      { requestsPerDay: 34_561 },
      { reasoningTokensPerRequest: 1 }, // reasoning is generated output
      { inputTokensPerRequest: 10 }, // prefill counts a tenth
      { peakToAverage: 3.001 },
      { monthlyGrowth: 0.01 }, // 1.01^3 more requests by month 3
      { ftInfTokensPerSecond: 1_199 }, // instances are kept per throughput and minimum
      { ftInfMinInstances: 2 },
    ];
    for (const change of changes) {
      expect(instances({})).toBe(1); // exactly 1,200 tok/s
      expect(instances(change)).toBe(2);
    }
    // More throughputs than are kept (a range): each still sized from its own.
    for (let tps = 1_000; tps <= 1_250; tps += 25) expect(instances({ ftInfTokensPerSecond: tps })).toBe(tps >= 1_200 ? 1 : 2);
    expect(instances({})).toBe(1);
    const perMonth = buyTokens({});
    expect(buyTokens({ requestsPerDay: 69_120 })).toBeCloseTo(2 * perMonth, 9);
    expect(buyTokens({})).toBe(perMonth);
    // A shorter horizon: a table of its own length.
    const short = new Float64Array(2 * CATEGORY_COUNT);
    projectOption({ ...model.point }, "buy", 2, short);
    expect(short[CATEGORY_COUNT + TOKENS]).toBe(buyTokens({}, 1));
  });

  it("the bridge prorates the launch month: API before launch, own model after", () => {
    const base = {
      workload: { requestsPerDay: 1_000, inputTokensPerRequest: 1_000, outputTokensPerRequest: 0 },
      buy: { inputUsdPerMillionTokens: 10, monitoringUsdPerMonth: 300 },
      team: { developers: 0 },
      fineTune: {
        projectWeeks: 6, // 42 days = 1.3808 months
        maintenanceFte: 1,
        inference: { method: "hosted", inputUsdPerMillionTokens: 1, outputUsdPerMillionTokens: 0 },
      },
    };
    const api = 1_000 * DAYS * 0.01; // $304.17 of API fees a month
    const own = 1_000 * DAYS * 0.001; // $30.42 of hosted fine-tuned fees a month
    const pre = 42 / DAYS - 1; // share of month 1 before launch: 0.3808
    const m0 = month(workload(base), "fine-tune", 0);
    const m1 = month(workload(base), "fine-tune", 1);
    const m2 = month(workload(base), "fine-tune", 2);
    expect(m0.tokens).toBeCloseTo(api, 9);
    expect(m0.maintenance).toBeCloseTo(300, 9); // monitoring while the API serves
    expect(m1.tokens).toBeCloseTo(api * pre + own * (1 - pre), 9);
    expect(m1.maintenance).toBeCloseTo(300 * pre + ML_MONTH * (1 - pre), 9);
    expect(m2.tokens).toBeCloseTo(own, 9);
    expect(m2.maintenance).toBeCloseTo(ML_MONTH, 9);

    // Without the bridge, traffic before launch is not served and costs nothing.
    const unbridged = month(workload({ ...base, bridgeWithApi: false }), "fine-tune", 1);
    expect(unbridged.tokens).toBeCloseTo(own * (1 - pre), 9);
  });
});

describe("build", () => {
  it("pretraining: 6ND FLOPs -> instance-hours -> dollars", () => {
    // 6 x 1e9 x 9.12e11 = 5.472e21 FLOPs / (16 Trainium x 190 TFLOP/s x 0.5) = 3.6e6 s = 1,000 h
    const model = resolveTco(
      workload({ build: { parameters: 1e9, trainingTokens: 9.12e11, instance: "ml.trn1.32xlarge", utilization: 0.5, experimentOverhead: 2 } }),
    );
    const est = pretrainingEstimate(model.point);
    expect(est.flops).toBeCloseTo(5.472e21, -15);
    expect(est.instanceHours).toBeCloseTo(1_000, 9);
    expect(est.finalRunUsd).toBeCloseTo(21_500, 6); // x $21.50/h
    expect(est.usd).toBeCloseTo(43_000, 6); // x 2 experiment overhead
  });

  it("the default pretraining run lands in the framework's $500K-$5M compute range", () => {
    const model = resolveTco(workload());
    expect(model.pretraining.usd).toBeGreaterThan(500_000);
    expect(model.pretraining.usd).toBeLessThan(5_000_000);
    const line = model.assumptions.find((a) => a.field === "build pretraining compute")!;
    expect(line.note).toContain("within the framework's $500K-$5M+");
  });

  it("spreads the project over its months and refreshes after launch", () => {
    const file = workload({
      horizonMonths: 24,
      team: { developers: 0 },
      build: {
        projectMonths: 4,
        dataUsd: 400_000,
        engineers: 10,
        platformUsdPerMonth: 1_000,
        refreshEveryMonths: 12,
        refreshComputeFraction: 0.1,
        maintenanceFte: 2,
        inference: { method: "hosted", inputUsdPerMillionTokens: 0, outputUsdPerMillionTokens: 0 },
      },
    });
    const model = resolveTco(file);
    const b = projectDetailed(model, "build");
    const pretrain = model.pretraining.usd;
    expect(b.monthlyBreakdown[0]!.data).toBeCloseTo(100_000, 6);
    expect(b.monthlyBreakdown[3]!.compute).toBeCloseTo(pretrain / 4 + 1_000, 6);
    expect(b.monthlyBreakdown[3]!.team).toBeCloseTo(10 * ML_MONTH, 6);
    expect(b.monthlyBreakdown[4]!.team).toBe(0);
    expect(b.monthlyBreakdown[4]!.maintenance).toBeCloseTo(2 * ML_MONTH, 6);
    expect(b.monthlyBreakdown[16]!.compute).toBeCloseTo(1_000 + 0.1 * pretrain, 6); // launch 4 + 12
    expect(b.breakdown.data).toBeCloseTo(400_000, 6);
  });
});

describe("report", () => {
  it("has the documented shape, years summing to the total", () => {
    const report = runTco(workload(), { samples: 200 });
    expect(Object.keys(report).sort()).toEqual(["assumptions", "cheapest", "crossovers", "horizonMonths", "options"]);
    expect(report.options.map((o) => o.option)).toEqual(["buy", "fine-tune", "build"]);
    for (const o of report.options) {
      expect(Object.keys(o).sort()).toEqual(["breakdown", "monthly", "option", "range", "totalUsd", "years"]);
      expect(Object.keys(o.breakdown).sort()).toEqual(["compute", "data", "maintenance", "team", "tokens"]);
      expect(o.years).toHaveLength(3);
      expect(o.monthly).toHaveLength(36);
      expect(o.years.reduce((a, b) => a + b, 0)).toBeCloseTo(o.totalUsd, 0);
      const parts = Object.values(o.breakdown).reduce((a, b) => a + b, 0);
      expect(parts).toBeCloseTo(o.totalUsd, 0);
    }
    expect(report.assumptions.some((a) => a.field === "fineTune.labeledExamples" && a.kind === "default")).toBe(true);
  });

  it("lists a default only when the file leaves it out", () => {
    const given = resolveTco(workload({ fineTune: { engineers: 4 } }));
    expect(given.assumptions.some((a) => a.field === "fineTune.engineers")).toBe(false);
    expect(given.assumptions.some((a) => a.field === "fineTune.projectWeeks")).toBe(true);
  });
});
