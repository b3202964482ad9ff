/**
 * Everything a report shows, gathered once (command: report.ts), and the charts built from it.
 * The chart list is a pure function of the inputs; rendering and HTML come after.
 */
import {
  CRITERION_LABELS,
  DECISION_OPTIONS,
  costCurve,
  logSpace,
  totalAt,
  type Decision,
  type DecisionInput,
  type OptionId,
  type TcoModel,
  type TcoReport,
  type WorkloadFile,
} from "@aitracks/core";
import type { MonthlyBands } from "./bands";
import {
  costBreakdownRows,
  cumulativeCostRows,
  heatmapCells,
  scoreBars,
  volumeChartData,
  type VolumeChartData,
} from "./charts/data";
import { costBreakdownSpec, cumulativeCostSpec, decisionMatrixSpec, volumeCurveSpec, type ChartSpec } from "./charts/specs";

/** One priced resource of a cost estimate (`aitracks cost --json`). */
export interface CostResourceLike {
  readonly urn: string;
  readonly type: string;
  readonly name?: string;
  readonly monthlyUsd: number;
  readonly components?: readonly {
    readonly name: string;
    readonly unit?: string;
    readonly monthlyQuantity?: number;
    readonly unitPriceUsd?: number;
    readonly monthlyUsd: number;
  }[];
}

/** The cost estimate document of `aitracks cost --json`, as far as reports read it. */
export interface CostEstimateLike {
  readonly monthlyUsd: number;
  /** Autoscaled fleets at their minimum and maximum (monthlyUsd has them at their expected size). */
  readonly minMonthlyUsd?: number;
  readonly ceilingMonthlyUsd?: number;
  readonly budget?: { readonly maxMonthlyUsd: number; readonly crossedInMonth?: number | null } | null;
  readonly threeYearUsd?: number;
  readonly resources: readonly CostResourceLike[];
  readonly unpriced?: readonly (string | { readonly urn?: string; readonly type: string; readonly reason?: string })[];
  /** Resources with no cost of their own (IAM, policies, settings). */
  readonly free?: readonly { readonly urn: string; readonly reason?: string }[];
  readonly currency?: string;
  readonly pricesAsOf?: string;
}

/** One policy verdict of `aitracks check --json`. */
export interface PolicyVerdictLike {
  readonly policy: string;
  /** mandatory, advisory, ... (the enforcement level). */
  readonly level: string;
  readonly urn?: string | null;
  readonly message: string;
}

export interface PolicyResultLike {
  readonly violations: readonly PolicyVerdictLike[];
  /** How many policies ran (to say "all N passed"). */
  readonly policies?: number;
}

/** A resource of the previewed stack, as the report lists it. */
export interface StackResourceRow {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly track: string | undefined;
}

export interface StackSection {
  readonly stack: string;
  readonly project: string;
  readonly resources: readonly StackResourceRow[];
  /** The aitracks tracks the stack provisions (build, buy, fine-tune, serving, evaluation), sorted. */
  readonly tracks: readonly string[];
  /** The track of a resource URN, e.g. `buy (assistant, aws)`. */
  readonly trackOf: (urn: string) => string | undefined;
  readonly cost?: CostEstimateLike;
  /** Why there is no cost estimate (shown instead of the breakdown). */
  readonly costMissing?: string;
  readonly policies?: PolicyResultLike;
  readonly policiesMissing?: string;
}

export interface ReportInputs {
  readonly decisionFile: string;
  readonly workloadFile: string;
  readonly decisionInput: DecisionInput;
  readonly decision: Decision;
  readonly workload: WorkloadFile;
  readonly tcoModel: TcoModel;
  readonly tco: TcoReport;
  readonly bands: MonthlyBands;
  readonly stack?: StackSection;
  /** The aitracks version, shown in the footer. */
  readonly version: string;
}

export interface ChartEntry {
  readonly id: string;
  /** Said in words beside the chart, for readers of the text and of screen readers. */
  readonly caption: string;
  readonly spec: ChartSpec;
}

/** Volumes the cost curve is drawn at: 1 to 10,000,000 requests/day, as the crossover scan. */
export const CURVE_VOLUMES = logSpace(1, 10_000_000, 141);

export function volumeData(model: TcoModel, tco: TcoReport): VolumeChartData {
  return volumeChartData(costCurve(model, CURVE_VOLUMES), tco.crossovers, (o, v) => totalAt(model, o as OptionId, v));
}

/** The report's charts, in page order. Pure: the same inputs give the same specs. */
export function reportCharts(inputs: ReportInputs): ChartEntry[] {
  const { decision, tco, tcoModel, bands } = inputs;
  const charts: ChartEntry[] = [];

  const labels = Object.fromEntries(Object.entries(CRITERION_LABELS).map(([k, v]) => [k, v.name]));
  const cells = heatmapCells(decision.matrix, DECISION_OPTIONS, labels);
  const scores = scoreBars(decision.scores, decision.eligible, decision.recommendation, DECISION_OPTIONS);
  charts.push({
    id: "decision-matrix",
    caption: `Decision matrix: ${scores.map((s) => `${s.option} ${s.label}`).join(", ")}.`,
    spec: decisionMatrixSpec(cells, scores),
  });

  const rows = cumulativeCostRows(tco, bands);
  charts.push({
    id: "cumulative-cost",
    caption: `Cumulative cost over ${tco.horizonMonths} months: ${tco.options.map((o) => `${o.option} ${Math.round(o.totalUsd).toLocaleString("en-US")} USD`).join(", ")}.`,
    spec: cumulativeCostSpec(rows, bands.ran ? { samples: bands.samples } : {}),
  });

  const volume = volumeData(tcoModel, tco);
  charts.push({
    id: "cost-by-volume",
    caption: volume.marks.length
      ? `Cheapest option by volume: ${volume.marks.map((m) => m.label).join("; ")}.`
      : "The cheapest option is the same at every volume from 1 to 10,000,000 requests a day.",
    spec: volumeCurveSpec(volume.rows, volume.marks, { currentRequestsPerDay: tcoModel.point.requestsPerDay, horizonMonths: tco.horizonMonths }),
  });

  const cost = inputs.stack?.cost;
  if (inputs.stack && cost && cost.resources.some((r) => r.monthlyUsd !== 0)) {
    const trackOf = inputs.stack.trackOf;
    charts.push({
      id: "stack-cost",
      caption: `Monthly cost of stack ${inputs.stack.stack}: ${Math.round(cost.monthlyUsd).toLocaleString("en-US")} USD, by track, cloud and resource type.`,
      spec: costBreakdownSpec(costBreakdownRows(cost.resources, { trackOf })),
    });
  }
  return charts;
}
