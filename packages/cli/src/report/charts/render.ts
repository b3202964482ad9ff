import type { ChartSpec } from "./specs";

type Vega = typeof import("vega", { with: { "resolution-mode": "import" } });
type VegaLite = typeof import("vega-lite", { with: { "resolution-mode": "import" } });

let libs: Promise<{ vega: Vega; vl: VegaLite }> | undefined;

/** vega and vega-lite are ES modules: load them once, on first use (never for other commands). */
function load(): Promise<{ vega: Vega; vl: VegaLite }> {
  libs ??= Promise.all([import("vega"), import("vega-lite")]).then(([vega, vl]) => ({ vega, vl }));
  return libs;
}

export interface RenderedChart {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** What Vega-Lite or Vega warned about (conflicting sorts, dropped encodings...): none for our specs. */
  readonly warnings: readonly string[];
}

/**
 * A Vega-Lite spec to an SVG string, in Node: compile to Vega, run the dataflow headless
 * (`renderer: 'none'`, no canvas: text widths are estimated), serialise the scene to SVG.
 * A loader that refuses everything guarantees the chart cannot fetch anything.
 */
export async function renderSvg(spec: ChartSpec): Promise<RenderedChart> {
  const { vega, vl } = await load();
  // Warnings go to a list, not to the console: the CLI's output stays clean, and tests read them.
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn, "warn", (_method, _level, args) => {
    warnings.push(args.map(String).join(" "));
  });
  const compiled = vl.compile(spec, { logger }).spec;
  const refused: string[] = [];
  const refuse = vega.loader();
  refuse.load = async (uri: string) => {
    refused.push(uri);
    throw new Error(`refused to load ${uri}`);
  };
  refuse.sanitize = async (uri: string) => {
    refused.push(uri);
    throw new Error(`refused to load ${uri}`);
  };
  // Vega logs a failed load and draws on without the data: collect the attempts and fail after.
  const view = new vega.View(vega.parse(compiled), { renderer: "none", loader: refuse, logger, logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    if (refused.length) throw new Error(`a chart tried to load ${refused.join(", ")}: report charts must carry their data inline`);
    const m = /^<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    return { svg, width: Number(m?.[1] ?? 0), height: Number(m?.[2] ?? 0), warnings };
  } finally {
    view.finalize();
  }
}
