/**
 * Vega-Lite specs for the report's charts, built by pure functions from the rows of data.ts.
 * Data is always inline (`data.values`): rendering never loads anything.
 */
import type { TopLevelSpec } from "vega-lite" with { "resolution-mode": "import" };
import { money } from "../../format";
import {
  endLabels,
  hasBand,
  type BreakdownRow,
  type CrossoverMark,
  type CumulativeRow,
  type HeatCell,
  type ScoreBar,
  type VolumePoint,
} from "./data";

export type ChartSpec = TopLevelSpec;

/** One colour per option, the same in every chart (Tableau 10, readable in print and for most colour-blind readers). */
export const OPTION_COLORS: Readonly<Record<string, string>> = {
  buy: "#4c78a8",
  "fine-tune": "#f58518",
  build: "#54a24b",
  hybrid: "#b279a2",
};

const FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";

/** Shared look: larger labels than Vega's defaults, no chart border. */
const CONFIG = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 600, labelColor: "#333", titleColor: "#222", gridColor: "#e6e6e6" },
  legend: { labelFontSize: 13, titleFontSize: 13, symbolSize: 160, orient: "top" },
  title: { fontSize: 15, anchor: "start", subtitleFontSize: 12, subtitleColor: "#555" },
  header: { labelFontSize: 13, labelFontWeight: 600, titleFontSize: 13 },
} as const;

function optionColor(options: readonly string[]) {
  return {
    field: "option",
    type: "nominal",
    title: null,
    sort: options,
    scale: { domain: [...options], range: options.map((o) => OPTION_COLORS[o] ?? "#888") },
  } as const;
}

/** `$1.2M`, `$850K`: d3's SI format with B for billions, as people write money. */
const MONEY_AXIS = "replace(replace(format(datum.value, '$.2~s'), 'G', 'B'), 'k', 'K')";

/**
 * Ticks for a log axis: each power of ten times each of `steps`, from the last tick at or below
 * `min` to the first at or above `max`, so the ticks also make a tidy scale domain.
 */
export function logTicks(min: number, max: number, steps: readonly number[]): number[] {
  if (!(min > 0) || !(max > 0)) return [];
  const all: number[] = [];
  for (let e = Math.floor(Math.log10(min)) - 1; e <= Math.ceil(Math.log10(max)); e++) {
    for (const s of steps) all.push(Number((s * 10 ** e).toPrecision(12)));
  }
  const lo = all.filter((v) => v <= min * 1.0001).pop() ?? all[0]!;
  const hi = all.find((v) => v >= max / 1.0001) ?? all[all.length - 1]!;
  return all.filter((v) => v >= lo && v <= hi);
}

function optionsOf(rows: readonly { option: string }[]): string[] {
  return [...new Set(rows.map((r) => r.option))];
}

/** Cumulative cost per option over the months; the P10-P90 band only where the rows carry one. */
export function cumulativeCostSpec(rows: readonly CumulativeRow[], opts: { samples?: number } = {}): ChartSpec {
  const options = optionsOf(rows);
  const months = Math.max(...rows.map((r) => r.month));
  const x = {
    field: "month",
    type: "quantitative",
    title: "Month",
    scale: { domain: [0, months], nice: false },
    axis: { values: Array.from({ length: Math.floor(months / 6) + 1 }, (_, i) => i * 6) },
  } as const;
  const band = hasBand(rows);
  const layers: unknown[] = [];
  if (band) {
    layers.push({
      mark: { type: "area", opacity: 0.16 },
      encoding: {
        x,
        y: { field: "p10Usd", type: "quantitative" },
        y2: { field: "p90Usd" },
        // The legend takes its symbols from the first layer: show lines, not faded areas.
        color: { ...optionColor(options), legend: { symbolType: "stroke", symbolStrokeWidth: 3, symbolOpacity: 1 } },
      },
    });
  }
  layers.push({
    mark: { type: "line", strokeWidth: 3 },
    encoding: {
      x,
      y: { field: "cumulativeUsd", type: "quantitative", title: "Cumulative cost (USD)", axis: { labelExpr: MONEY_AXIS } },
      color: optionColor(options),
    },
  });
  // The total at the end of each line, so the ranking reads without the table.
  layers.push({
    data: { values: endLabels(rows, money) },
    mark: { type: "text", align: "left", baseline: "middle", dx: 8, fontSize: 13, fontWeight: 700 },
    encoding: {
      x,
      y: { field: "labelUsd", type: "quantitative" },
      text: { field: "text" },
      color: optionColor(options),
    },
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: `Cumulative cost over ${months} months`,
      subtitle: band
        ? `Lines: point estimate. Shaded: P10-P90 from ${opts.samples?.toLocaleString("en-US") ?? "the"} Monte Carlo samples.`
        : "Point estimate (no input was given as a range, so there is no P10-P90 band).",
    },
    width: 620,
    height: 300,
    padding: { left: 5, right: 130, top: 5, bottom: 5 },
    data: { values: rows as unknown as Record<string, unknown>[] },
    layer: layers,
    config: CONFIG,
  } as ChartSpec;
}

/** Horizon total per option against starting requests per day, both on log axes, crossovers marked. */
export function volumeCurveSpec(
  rows: readonly VolumePoint[],
  marks: readonly CrossoverMark[],
  opts: { currentRequestsPerDay?: number; horizonMonths?: number } = {},
): ChartSpec {
  const options = optionsOf(rows);
  const minV = Math.min(...rows.map((r) => r.requestsPerDay));
  const maxV = Math.max(...rows.map((r) => r.requestsPerDay));
  const minY = Math.min(...rows.map((r) => r.totalUsd));
  const maxY = Math.max(...rows.map((r) => r.totalUsd));
  const yTicks = logTicks(minY, maxY, [1, 3]);
  const x = {
    field: "requestsPerDay",
    type: "quantitative",
    title: "Requests per day at launch (log scale)",
    scale: { type: "log", domain: [minV, maxV], nice: false },
    axis: { values: logTicks(minV, maxV, [1]), labelExpr: "replace(format(datum.value, '~s'), 'k', 'K')", labelFontSize: 12 },
  } as const;
  const y = {
    field: "totalUsd",
    type: "quantitative",
    title: `Total over ${opts.horizonMonths ?? 36} months (log scale)`,
    scale: { type: "log", domain: [yTicks[0]!, yTicks[yTicks.length - 1]!], nice: false },
    axis: { values: yTicks, labelExpr: MONEY_AXIS },
  } as const;
  const layers: unknown[] = [
    { data: { values: rows }, mark: { type: "line", strokeWidth: 3 }, encoding: { x, y, color: optionColor(options) } },
  ];
  if (opts.currentRequestsPerDay !== undefined && opts.currentRequestsPerDay > 0) {
    layers.push({
      data: { values: [{ requestsPerDay: opts.currentRequestsPerDay, label: "this workload" }] },
      layer: [
        { mark: { type: "rule", color: "#444", strokeDash: [2, 3] }, encoding: { x: { ...x, title: x.title } } },
        {
          mark: { type: "text", align: "left", baseline: "top", dx: 4, y: 4, fontSize: 12, color: "#444" },
          encoding: { x, text: { field: "label" } },
        },
      ],
    });
  }
  if (marks.length) {
    layers.push({
      data: { values: marks },
      layer: [
        { mark: { type: "point", filled: true, size: 140, color: "#d62728", stroke: "white", strokeWidth: 1.5 }, encoding: { x, y } },
        {
          mark: { type: "text", align: "right", dx: -8, dy: -12, fontSize: 12, fontWeight: 600, color: "#b01e1e" },
          encoding: { x, y, text: { field: "label" } },
        },
      ],
    });
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Which option is cheapest depends on volume",
      subtitle: marks.length
        ? "Red points: where the cheapest option changes (other inputs at their point values)."
        : "The cheapest option does not change between these volumes.",
    },
    width: 620,
    height: 320,
    layer: layers,
    config: CONFIG,
  } as ChartSpec;
}

/** The decision matrix: criteria x options coloured by weight x fit, with each option's score below. */
export function decisionMatrixSpec(cells: readonly HeatCell[], scores: readonly ScoreBar[]): ChartSpec {
  const options = scores.map((s) => s.option);
  const labels = [...new Set(cells.map((c) => c.label))];
  const maxWeighted = Math.max(1, ...cells.map((c) => c.weighted));
  const xOption = { field: "option", type: "nominal", sort: options, title: null, axis: { labelAngle: 0, orient: "top", labelFontSize: 13, labelFontWeight: 600 } } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Decision matrix: weight x fit per criterion",
      subtitle: "Darker = the criterion counts more for that option. Score = weighted mean fit x 100.",
    },
    spacing: 14,
    vconcat: [
      {
        data: { values: cells },
        width: { step: 110 },
        height: { step: 34 },
        layer: [
          {
            mark: { type: "rect", stroke: "white", strokeWidth: 2 },
            encoding: {
              x: xOption,
              y: { field: "label", type: "nominal", sort: labels, title: null, axis: { labelFontSize: 12, labelLimit: 400 } },
              color: {
                field: "weighted",
                type: "quantitative",
                title: "weight x fit",
                scale: { scheme: "blues", domain: [0, maxWeighted] },
                legend: null,
              },
              tooltip: [
                { field: "label", title: "criterion" },
                { field: "option" },
                { field: "fit", format: ".2f" },
                { field: "weighted", title: "weight x fit", format: ".1f" },
              ],
            },
          },
          {
            mark: { type: "text", fontSize: 12 },
            encoding: {
              x: xOption,
              y: { field: "label", type: "nominal", sort: labels },
              text: { field: "weighted", type: "quantitative", format: ".1f" },
              color: { condition: { test: `datum.weighted > ${maxWeighted * 0.55}`, value: "white" }, value: "#222" },
            },
          },
        ],
      },
      {
        data: { values: scores },
        width: { step: 110 },
        height: 120,
        layer: [
          {
            mark: { type: "bar", width: { band: 0.7 } },
            encoding: {
              x: { field: "option", type: "nominal", sort: options, title: null, axis: null },
              y: { field: "score", type: "quantitative", title: "Score /100", scale: { domain: [0, 100] }, axis: { tickCount: 3 } },
              color: {
                condition: [
                  { test: "datum.recommended", value: "#2e7d32" },
                  { test: "!datum.eligible", value: "#d0d0d0" },
                ],
                value: "#8fa9c7",
              },
            },
          },
          {
            mark: { type: "text", dy: -8, fontSize: 12, fontWeight: 600 },
            encoding: {
              x: { field: "option", type: "nominal", sort: options },
              y: { field: "score", type: "quantitative" },
              text: { field: "label" },
              color: { condition: { test: "datum.recommended", value: "#1b5e20" }, value: "#333" },
            },
          },
        ],
      },
    ],
    config: CONFIG,
  } as ChartSpec;
}

/** The stack's monthly cost by track, by cloud and by resource type: one bar chart per dimension. */
export function costBreakdownSpec(rows: readonly BreakdownRow[]): ChartSpec {
  const max = Math.max(1, ...rows.map((r) => r.monthlyUsd));
  const dimensions = (["track", "cloud", "resource type"] as const).filter((d) => rows.some((r) => r.dimension === d));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: "Monthly cost of the stack", subtitle: "The same total three ways: by track, by cloud, by resource type." },
    spacing: 18,
    // One chart per dimension (not a facet: each has its own keys), sharing the money axis.
    vconcat: dimensions.map((dimension, i) => ({
      title: { text: `By ${dimension}`, fontSize: 13, fontWeight: 600, anchor: "start" },
      data: { values: rows.filter((r) => r.dimension === dimension) },
      width: 420,
      height: { step: 24 },
      layer: [
        {
          mark: { type: "bar", color: "#4c78a8", height: { band: 0.75 } },
          encoding: {
            // Rows come largest first (costBreakdownRows): keep their order.
            y: { field: "key", type: "nominal", title: null, sort: null, axis: { labelLimit: 300, labelFontSize: 12 } },
            x: {
              field: "monthlyUsd",
              type: "quantitative",
              title: i === dimensions.length - 1 ? "USD per month" : null,
              scale: { domain: [0, max * 1.18] },
              axis: { labelExpr: MONEY_AXIS, tickCount: 5 },
            },
          },
        },
        {
          // Cents where they matter: $0.20 for an alarm, $2,738 for a model.
          transform: [{ calculate: "datum.monthlyUsd < 100 ? format(datum.monthlyUsd, '$,.2f') : format(datum.monthlyUsd, '$,.0f')", as: "label" }],
          mark: { type: "text", align: "left", dx: 4, fontSize: 12 },
          encoding: {
            y: { field: "key", type: "nominal", sort: null },
            x: { field: "monthlyUsd", type: "quantitative" },
            text: { field: "label", type: "nominal" },
          },
        },
      ],
    })),
    config: CONFIG,
  } as ChartSpec;
}
