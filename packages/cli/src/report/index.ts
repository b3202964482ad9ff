/**
 * The decision report: charts as Vega-Lite specs (pure), rendered to SVG in Node, assembled into
 * one self-contained HTML page.
 */
import { renderSvg } from "./charts/render";
import { reportCharts, type ReportInputs } from "./model";
import { renderReportHtml, type RenderedChartEntry } from "./page";

export * from "./bands";
export * from "./charts/data";
export * from "./charts/specs";
export * from "./charts/render";
export * from "./model";
export * from "./inputs";
export * from "./page";

/** Render every chart to SVG and build the page; `onChart` is told after each chart. */
export async function buildReportHtml(
  inputs: ReportInputs,
  onChart?: (done: number, total: number, id: string) => void,
): Promise<{ html: string; charts: RenderedChartEntry[] }> {
  const entries = reportCharts(inputs);
  const charts: RenderedChartEntry[] = [];
  for (const [i, e] of entries.entries()) {
    const { svg } = await renderSvg(e.spec);
    charts.push({ id: e.id, caption: e.caption, svg });
    onChart?.(i + 1, entries.length, e.id);
  }
  return { html: renderReportHtml(inputs, charts), charts };
}
