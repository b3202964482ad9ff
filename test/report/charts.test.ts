// @ts-nocheck
// The Vega-Lite specs (what is drawn from which field) and their SVG rendering in Node.
import { describe, expect, it } from "vitest";
import {
  costBreakdownRows,
  costBreakdownSpec,
  cumulativeCostRows,
  cumulativeCostSpec,
  decisionMatrixSpec,
  heatmapCells,
  logTicks,
  renderSvg,
  scoreBars,
  volumeChartData,
  volumeCurveSpec,
  type ChartSpec,
  type MonthlyBands,
} from "../../packages/cli/src/report";

type AnyLayer = { mark?: { type?: string } | string; encoding?: Record<string, { field?: string }>; data?: { values?: unknown[] }; layer?: AnyLayer[] };
const layers = (spec: ChartSpec): AnyLayer[] => (spec as unknown as { layer: AnyLayer[] }).layer;
const markType = (l: AnyLayer) => (typeof l.mark === "string" ? l.mark : l.mark?.type);

const tco = {
  options: [
    { option: "buy", monthly: [100, 200, 300, 400, 500, 600], totalUsd: 2100 },
    { option: "fine-tune", monthly: [900, 100, 100, 100, 100, 100], totalUsd: 1400 },
  ],
};
const bands: MonthlyBands = {
  ran: true,
  samples: 500,
  seed: 42,
  byOption: {
    buy: { p10: [80, 250, 500, 850, 1300, 1800], p90: [150, 400, 800, 1300, 1900, 2700] },
    "fine-tune": { p10: [800, 880, 960, 1040, 1120, 1200], p90: [1100, 1220, 1340, 1460, 1580, 1700] },
  },
};

describe("cumulative cost spec", () => {
  it("draws the P10-P90 band as an area from p10Usd to p90Usd only when the rows carry one", () => {
    const withBand = cumulativeCostSpec(cumulativeCostRows(tco, bands), { samples: 500 });
    const area = layers(withBand).find((l) => markType(l) === "area");
    expect(area?.encoding?.y?.field).toBe("p10Usd");
    expect(area?.encoding?.y2?.field).toBe("p90Usd");
    expect(JSON.stringify(withBand)).toContain("P10-P90 from 500 Monte Carlo samples");

    const without = cumulativeCostSpec(cumulativeCostRows(tco));
    expect(layers(without).some((l) => markType(l) === "area")).toBe(false);
    expect(layers(without).find((l) => markType(l) === "line")?.encoding?.y?.field).toBe("cumulativeUsd");
    expect(JSON.stringify(without)).toContain("no P10-P90 band");
  });
});

describe("volume spec", () => {
  const total = (o: string, v: number) => (o === "buy" ? 1000 * v : 200_000 + 100 * v);
  const curve = [1, 10, 100, 1000, 10_000].flatMap((v) => ["buy", "fine-tune"].map((option) => ({ requestsPerDay: v, option, totalUsd: total(option, v) })));
  const data = volumeChartData(curve, [{ cheaper: "fine-tune", than: "buy", aboveRequestsPerDay: 200_000 / 900 }], total);

  it("puts volume and total on log scales and the crossover points on the chart", () => {
    const spec = volumeCurveSpec(data.rows, data.marks, { currentRequestsPerDay: 5000, horizonMonths: 36 });
    const line = layers(spec)[0]!;
    expect((line.encoding as any).x.scale.type).toBe("log");
    expect((line.encoding as any).y.scale.type).toBe("log");
    const markLayer = layers(spec).find((l) => (l.data?.values as any[] | undefined)?.[0]?.cheaper !== undefined);
    expect(markLayer?.data?.values).toEqual(data.marks);
    expect(markLayer?.layer?.map(markType)).toEqual(["point", "text"]);
    const current = layers(spec).find((l) => (l.data?.values as any[] | undefined)?.[0]?.label === "this workload");
    expect((current?.data?.values as any[])[0].requestsPerDay).toBe(5000);
  });

  it("says so when the cheapest option never changes", () => {
    const spec = volumeCurveSpec(data.rows, []);
    expect(layers(spec)).toHaveLength(1);
    expect(JSON.stringify(spec)).toContain("does not change");
  });

  it("ticks log axes at 1-3-10 steps that enclose the data", () => {
    expect(logTicks(1.2e6, 1.8e8, [1, 3])).toEqual([1e6, 3e6, 1e7, 3e7, 1e8, 3e8]);
    expect(logTicks(1, 1e7, [1])).toEqual([1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7]);
    expect(logTicks(0, 10, [1])).toEqual([]);
  });
});

describe("rendering to SVG in Node", () => {
  it("renders every chart with a size and its labels, without a browser", async () => {
    const total = (o: string, v: number) => (o === "buy" ? 1000 * v : 200_000 + 100 * v);
    const curve = [1, 10, 100, 1000, 10_000].flatMap((v) => ["buy", "fine-tune"].map((option) => ({ requestsPerDay: v, option, totalUsd: total(option, v) })));
    const vol = volumeChartData(curve, [{ cheaper: "fine-tune", than: "buy", aboveRequestsPerDay: 200_000 / 900 }], total);
    const matrix = [
      { criterion: "accuracy", score: 4, weight: 25, options: { build: { fit: 0.75 }, buy: { fit: 0.5 }, "fine-tune": { fit: 1 }, hybrid: { fit: 0.9 } } },
      { criterion: "budget", score: 3, weight: 10, options: { build: { fit: 0.5 }, buy: { fit: 0.75 }, "fine-tune": { fit: 1 }, hybrid: { fit: 0.9 } } },
    ];
    const opts = ["build", "buy", "fine-tune", "hybrid"];
    const specs: [string, ChartSpec, string[]][] = [
      ["cumulative", cumulativeCostSpec(cumulativeCostRows(tco, bands), { samples: 500 }), ["Cumulative cost over 6 months", "fine-tune $1.4K", "Month"]],
      ["volume", volumeCurveSpec(vol.rows, vol.marks), ["fine-tune cheapest above 222/day", "Requests per day at launch (log scale)"]],
      [
        "matrix",
        decisionMatrixSpec(
          heatmapCells(matrix, opts, { accuracy: "Accuracy requirement" }),
          scoreBars({ build: 67.9, buy: 57.1, "fine-tune": 100, hybrid: 90 }, { build: false, buy: true, "fine-tune": true, hybrid: true }, "fine-tune", opts),
        ),
        ["Accuracy requirement (w 25)", "18.8", "25.0", "100.0 \u2713 recommended", "67.9 \u2717 ineligible"],
      ],
      [
        "breakdown",
        costBreakdownSpec(
          costBreakdownRows(
            [
              { urn: "a", type: "aws:sagemaker/endpointConfiguration:EndpointConfiguration", monthlyUsd: 1234 },
              { urn: "b", type: "aws:cloudwatch/metricAlarm:MetricAlarm", monthlyUsd: 0.2 },
            ],
            { trackOf: () => "serving (api, aws)" },
          ),
        ),
        ["By track", "By resource type", "serving (api, aws)", "aws sagemaker EndpointConfiguration", "$1,234", "$0.20", "USD per month"],
      ],
    ];
    for (const [name, spec, texts] of specs) {
      const r = await renderSvg(spec);
      expect(r.svg.startsWith("<svg"), name).toBe(true);
      expect(r.width, name).toBeGreaterThan(300);
      expect(r.height, name).toBeGreaterThan(150);
      expect(r.warnings, name).toEqual([]); // Vega-Lite found nothing to drop or guess
      for (const t of texts) expect(r.svg, `${name}: ${t}`).toContain(t.replace("&", "&amp;"));
    }
  });

  it("refuses a chart that would load its data from anywhere", async () => {
    const spec = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", data: { url: "https://example.com/data.json" }, mark: "point" } as ChartSpec;
    await expect(renderSvg(spec)).rejects.toThrow(/must carry their data inline/);
  });
});
