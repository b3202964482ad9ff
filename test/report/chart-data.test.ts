// @ts-nocheck
// The data behind the report's charts: every figure a chart shows, checked against figures
// computed by hand or against the TCO model and decision matrix it comes from.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cheapestAt,
  crossovers,
  decide,
  decisionSchema,
  loadFile,
  parseOrThrow,
  resolveTco,
  tcoReport,
  totalAt,
  workloadFileSchema,
} from "@aitracks/core";
import {
  costBreakdownRows,
  cumulativeBands,
  cumulativeCostRows,
  endLabels,
  formatVolume,
  hasBand,
  heatmapCells,
  scoreBars,
  shortType,
  volumeChartData,
  volumeData,
  type MonthlyBands,
} from "../../packages/cli/src/report";

const root = join(__dirname, "..", "..");
const example = (p: string) => join(root, "examples", p);

describe("cumulative cost rows", () => {
  const tco = {
    options: [
      { option: "buy", monthly: [100, 200, 300], totalUsd: 600 },
      { option: "fine-tune", monthly: [1000, 0, 50], totalUsd: 1050 },
    ],
  };

  it("runs each option's monthly costs into a total that starts at $0 and ends at the option's total", () => {
    const rows = cumulativeCostRows(tco);
    expect(rows.filter((r) => r.option === "buy").map((r) => [r.month, r.cumulativeUsd])).toEqual([
      [0, 0],
      [1, 100],
      [2, 300],
      [3, 600],
    ]);
    expect(rows.filter((r) => r.option === "fine-tune").map((r) => r.cumulativeUsd)).toEqual([0, 1000, 1000, 1050]);
  });

  it("has no band without ranges, nor when the run drew nothing", () => {
    expect(hasBand(cumulativeCostRows(tco))).toBe(false);
    expect(cumulativeCostRows(tco).some((r) => "p10Usd" in r)).toBe(false);
    const none: MonthlyBands = { ran: false, samples: 0, seed: 42, byOption: {} };
    expect(hasBand(cumulativeCostRows(tco, none))).toBe(false);
  });

  it("carries each month's P10 and P90 when the run had ranges", () => {
    const bands: MonthlyBands = {
      ran: true,
      samples: 100,
      seed: 1,
      byOption: { buy: { p10: [90, 250, 500], p90: [120, 380, 800] }, "fine-tune": { p10: [900, 900, 940], p90: [1200, 1200, 1300] } },
    };
    const rows = cumulativeCostRows(tco, bands);
    expect(hasBand(rows)).toBe(true);
    expect(rows.find((r) => r.option === "buy" && r.month === 2)).toEqual({ option: "buy", month: 2, cumulativeUsd: 300, p10Usd: 250, p90Usd: 380 });
    expect(rows.find((r) => r.option === "buy" && r.month === 0)).toMatchObject({ p10Usd: 0, p90Usd: 0 });
  });

  it("pushes end-of-line labels apart when totals are close, never below their own total", () => {
    const rows = cumulativeCostRows({
      options: [
        { option: "buy", monthly: [1000], totalUsd: 1000 },
        { option: "fine-tune", monthly: [1010], totalUsd: 1010 },
        { option: "build", monthly: [10000], totalUsd: 10000 },
      ],
    });
    const labels = endLabels(rows, (x) => `$${x}`, 0.06);
    // Gap = 6% of the top value (10,000) = 600: fine-tune moves up to 1,000 + 600.
    expect(labels.map((l) => [l.option, l.labelUsd, l.text])).toEqual([
      ["buy", 1000, "buy $1000"],
      ["fine-tune", 1600, "fine-tune $1010"],
      ["build", 10000, "build $10000"],
    ]);
  });
});

describe("cumulative P10-P90 bands from the Monte Carlo", () => {
  it("end exactly at the P10-P90 of the totals that `aitracks tco` reports (same draws, same seed)", () => {
    const model = resolveTco(loadFile(workloadFileSchema, example("workloads/requests-ranges.yaml")));
    const report = tcoReport(model, { samples: 600, seed: 7 });
    const bands = cumulativeBands(model, { samples: 600, seed: 7 });
    expect(bands.ran).toBe(true);
    for (const o of report.options) {
      const band = bands.byOption[o.option]!;
      expect(band.p10).toHaveLength(36);
      expect(band.p10[35]!).toBeCloseTo(o.range.p10, 1);
      expect(band.p90[35]!).toBeCloseTo(o.range.p90, 1);
      for (let m = 0; m < 36; m++) {
        expect(band.p10[m]!).toBeLessThanOrEqual(band.p90[m]!);
        if (m > 0) expect(band.p10[m]!).toBeGreaterThanOrEqual(band.p10[m - 1]!);
      }
    }
    // A range: the band has width.
    expect(hasBand(cumulativeCostRows(report, bands))).toBe(true);
  });

  it("is absent when no input is a range (every default that is a range pinned to a value)", () => {
    const model = resolveTco(
      parseOrThrow(workloadFileSchema, {
        workload: { requestsPerDay: 10_000, inputTokensPerRequest: 2000, outputTokensPerRequest: 400 },
        buy: { provider: "anthropic", model: "claude-sonnet-4-5" },
        team: { developers: 2 },
        fineTune: { labeledExamples: 10_000, engineers: 4, projectWeeks: 6, training: { hours: 300 } },
        build: { dataUsd: 300_000, engineers: 20, projectMonths: 12 },
      }),
    );
    expect(model.uncertain).toEqual([]);
    const bands = cumulativeBands(model, { samples: 100 });
    expect(bands).toEqual({ ran: false, samples: 0, seed: 42, byOption: {} });
    expect(hasBand(cumulativeCostRows(tcoReport(model, { samples: 100 }), bands))).toBe(false);
  });

  it("reports progress up to the full count", () => {
    const model = resolveTco(loadFile(workloadFileSchema, example("workloads/requests-ranges.yaml")));
    const seen: number[] = [];
    cumulativeBands(model, { samples: 200, onProgress: (d, t) => (expect(t).toBe(200), seen.push(d)) });
    expect(seen.at(-1)).toBe(200);
    expect(seen.length).toBeGreaterThan(10);
  });
});

describe("cost against volume, with the crossovers", () => {
  // Hand-made totals over the horizon at v requests/day:
  //   buy       = 1,000 v                 (per-request only)
  //   fine-tune = 200,000 + 100 v         (a project, then cheap serving)
  //   build     = 2,000,000 + 10 v        (pretraining, then cheaper serving)
  // buy = fine-tune at 200,000 / 900   = 222.22/day
  // fine-tune = build at 1,800,000 / 90 = 20,000/day
  // buy = build at 2,000,000 / 990      = 2,020.2/day, where fine-tune (402,020) undercuts both.
  const totals: Record<string, (v: number) => number> = {
    buy: (v) => 1000 * v,
    "fine-tune": (v) => 200_000 + 100 * v,
    build: (v) => 2_000_000 + 10 * v,
  };
  const total = (o: string, v: number) => totals[o]!(v);
  const curve = [1, 10, 100, 1000, 10_000, 100_000].flatMap((v) => Object.keys(totals).map((option) => ({ requestsPerDay: v, option, totalUsd: total(option, v) })));
  const hand = [
    { cheaper: "fine-tune", than: "buy", aboveRequestsPerDay: 200_000 / 900 },
    { cheaper: "build", than: "buy", aboveRequestsPerDay: 2_000_000 / 990 },
    { cheaper: "build", than: "fine-tune", aboveRequestsPerDay: 20_000 },
  ];

  it("marks the crossovers where the cheapest option changes, at their volume and total", () => {
    const data = volumeChartData(curve, hand, total);
    expect(data.marks.map((m) => [m.cheaper, m.than, Math.round(m.requestsPerDay * 100) / 100, m.totalUsd])).toEqual([
      ["fine-tune", "buy", 222.22, 222_222.22],
      ["build", "fine-tune", 20_000, 2_200_000],
    ]);
    expect(data.marks[0]!.label).toBe("fine-tune cheapest above 222/day");
    expect(data.marks[1]!.label).toBe("build cheapest above 20,000/day");
  });

  it("keeps a crossover under a cheaper third curve off the chart, as moot", () => {
    const data = volumeChartData(curve, hand, total);
    expect(data.moot).toEqual([hand[1]]);
  });

  it("keeps every curve point", () => {
    const data = volumeChartData(curve, hand, total);
    expect(data.rows).toHaveLength(18);
    expect(data.rows.find((r) => r.option === "build" && r.requestsPerDay === 1000)!.totalUsd).toBe(2_010_000);
  });

  it("on a real workload, marks the model's crossovers where both options cost the same", () => {
    const model = resolveTco(loadFile(workloadFileSchema, example("workloads/requests-10k.yaml")));
    const report = tcoReport(model, { samples: 1 });
    const data = volumeData(model, report);
    expect(data.marks.length).toBeGreaterThan(0);
    // Every crossover is either marked or moot, at the model's own volumes.
    expect(data.marks.length + data.moot.length).toBe(report.crossovers.length);
    const exact = crossovers(model);
    for (const m of data.marks) {
      expect(exact.some((c) => c.cheaper === m.cheaper && c.than === m.than && Math.abs(c.aboveRequestsPerDay / m.requestsPerDay - 1) < 0.002)).toBe(true);
      const a = totalAt(model, m.cheaper as never, m.requestsPerDay);
      const b = totalAt(model, m.than as never, m.requestsPerDay);
      expect(Math.abs(a - b) / b).toBeLessThan(0.005);
      expect(cheapestAt(model, m.requestsPerDay * 0.95)).toBe(m.than);
      expect(cheapestAt(model, m.requestsPerDay * 1.05)).toBe(m.cheaper);
    }
    // The curve spans 1 to 10,000,000 requests/day for each of the three options.
    const volumes = [...new Set(data.rows.map((r) => r.requestsPerDay))];
    expect(volumes[0]).toBe(1);
    expect(volumes.at(-1)).toBe(10_000_000);
    expect(data.rows).toHaveLength(volumes.length * 3);
  });

  it("formats volumes as people say them", () => {
    expect(formatVolume(57_491.3)).toBe("57,491");
    expect(formatVolume(2_500_000)).toBe("2.5M");
    expect(formatVolume(12_000_000)).toBe("12M");
    expect(formatVolume(3.14159)).toBe("3.1");
  });
});

describe("decision matrix heat map", () => {
  const input = loadFile(decisionSchema, example("decisions/clear-fine-tune.yaml"));
  const decision = decide(input, { today: "2026-11-30" });
  const options = ["build", "buy", "fine-tune", "hybrid"];

  it("has one cell per criterion and option, each weight x fit", () => {
    const cells = heatmapCells(decision.matrix, options, { accuracy: "Accuracy requirement" });
    expect(cells).toHaveLength(7 * 4);
    // accuracy: score 4, weight 25. Ideals: build 5, buy 2, fine-tune 4; fit = 1 - |4 - ideal| / 4.
    const acc = Object.fromEntries(cells.filter((c) => c.criterion === "accuracy").map((c) => [c.option, c.weighted]));
    expect(acc).toEqual({ build: 18.75, buy: 12.5, "fine-tune": 25, hybrid: 22.5 });
    expect(cells.find((c) => c.criterion === "accuracy")!.label).toBe("Accuracy requirement (w 25)");
    // timeToMarket: score 3, weight 10: build ideal 1 -> fit 0.5 -> 5; buy ideal 5 -> 5; fine-tune ideal 3 -> 10.
    const ttm = Object.fromEntries(cells.filter((c) => c.criterion === "timeToMarket").map((c) => [c.option, c.weighted]));
    expect(ttm).toMatchObject({ build: 5, buy: 5, "fine-tune": 10, hybrid: 9 });
  });

  it("sums, per option, to the option's score x total weight / 100", () => {
    const cells = heatmapCells(decision.matrix, options);
    const totalWeight = decision.matrix.reduce((s, r) => s + r.weight, 0);
    for (const o of options) {
      const sum = cells.filter((c) => c.option === o).reduce((s, c) => s + c.weighted, 0);
      expect((sum / totalWeight) * 100).toBeCloseTo(decision.scores[o as keyof typeof decision.scores], 0);
    }
  });

  it("shows each option's score, the recommendation and the ineligible ones", () => {
    const bars = scoreBars(decision.scores, decision.eligible, decision.recommendation, options);
    expect(bars.map((b) => [b.option, b.recommended, b.eligible])).toEqual([
      ["build", false, false],
      ["buy", false, false],
      ["fine-tune", true, true],
      ["hybrid", false, true],
    ]);
    expect(bars[2]!.label).toBe(`${decision.scores["fine-tune"].toFixed(1)} \u2713 recommended`);
    expect(bars[1]!.label).toMatch(/\u2717 ineligible$/);
  });
});

describe("stack cost breakdown", () => {
  const resources = [
    { urn: "u1", type: "aws:sagemaker/endpointConfiguration:EndpointConfiguration", monthlyUsd: 1200.5 },
    { urn: "u2", type: "aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput", monthlyUsd: 800 },
    { urn: "u3", type: "azure-native:cognitiveservices:Deployment", monthlyUsd: 300.25 },
    { urn: "u4", type: "aws:s3/bucket:Bucket", monthlyUsd: 4.75 },
    { urn: "u5", type: "aws:iam/role:Role", monthlyUsd: 0 },
  ];
  const tracks: Record<string, string> = { u1: "fine-tune (ft, aws)", u2: "buy (assistant, aws)", u3: "buy (chat, azure)", u4: "fine-tune (ft, aws)" };
  const total = 1200.5 + 800 + 300.25 + 4.75;

  it("breaks the same total down by track, cloud and resource type", () => {
    const rows = costBreakdownRows(resources, { trackOf: (u) => tracks[u] });
    for (const d of ["track", "cloud", "resource type"]) {
      const sum = rows.filter((r) => r.dimension === d).reduce((s, r) => s + r.monthlyUsd, 0);
      expect(sum).toBeCloseTo(total, 2);
    }
    expect(rows.filter((r) => r.dimension === "cloud")).toEqual([
      { dimension: "cloud", key: "aws", monthlyUsd: 2005.25 },
      { dimension: "cloud", key: "azure", monthlyUsd: 300.25 },
    ]);
    expect(rows.filter((r) => r.dimension === "track").map((r) => [r.key, r.monthlyUsd])).toEqual([
      ["fine-tune (ft, aws)", 1205.25],
      ["buy (assistant, aws)", 800],
      ["buy (chat, azure)", 300.25],
    ]);
    // The free IAM role adds no row.
    expect(rows.some((r) => r.key.includes("Role"))).toBe(false);
  });

  it("folds the smallest keys into one 'other' row without losing money", () => {
    const rows = costBreakdownRows(resources, { maxKeys: 2 }).filter((r) => r.dimension === "resource type");
    expect(rows).toEqual([
      { dimension: "resource type", key: "aws sagemaker EndpointConfiguration", monthlyUsd: 1200.5 },
      { dimension: "resource type", key: "other (3)", monthlyUsd: 1105 },
    ]);
    expect(costBreakdownRows(resources).filter((r) => r.dimension === "track")[0]).toEqual({ dimension: "track", key: "outside tracks", monthlyUsd: total });
  });

  it("names resource types briefly", () => {
    expect(shortType("aws:sagemaker/endpointConfiguration:EndpointConfiguration")).toBe("aws sagemaker EndpointConfiguration");
    expect(shortType("azure-native:cognitiveservices:Deployment")).toBe("azure-native cognitiveservices Deployment");
    expect(shortType("gcp:vertex/aiEndpoint:AiEndpoint")).toBe("gcp vertex AiEndpoint");
    expect(shortType("aws:index/provider:Provider")).toBe("aws Provider");
  });
});
