import type { Command } from "commander";
import type * as Core from "@aitracks/core/decision";
import type { ExploreData } from "../explore/data";
import { requireFinite, tcoFigures } from "../finite";
import { monteCarloFlags } from "../flags";
import { out, runCommand } from "../run";

// main.ts imports this file eagerly: core loads in the action, esbuild only when the page is built.

interface ExploreFlags {
  out?: string;
  today?: string;
  samples?: string;
  seed?: string;
  horizon?: string;
  json?: boolean;
}

const HELP_AFTER = `
The page: sliders for requests per day, input and output tokens per request, monthly growth, the
buy option's token prices (default: the workload file's, else @pydantic/genai-prices') and each
criterion's score and weight. The decision matrix, the recommendation, the cumulative cost of
buy / fine-tune / build, the total by requests per day and the crossovers follow as you drag,
computed in the page by the code of \`aitracks decide\` and \`aitracks tco\` (bundled from
@aitracks/core), so the page shows what those commands print for the same inputs. The settings
live in the URL after #: copy it to share them. One HTML file that loads nothing from the network.

Token prices are looked up once, for the file's request size (a model priced in tiers by prompt
length keeps the file's tier: set the prices to change it). Figures are at point values with the
P10-P90 of the same Monte Carlo as \`aitracks tco\` (--samples, --seed).

Examples:
  aitracks explore examples/decisions/clear-fine-tune.yaml examples/workloads/requests-10k.yaml --out explore.html
  aitracks explore decision.yaml workload.yaml --out docs/explore.html --today 2026-11-30

Exit codes: 0 written, 2 bad input (nothing is written).`;

export function registerExplore(program: Command, setExit: (code: number) => void): void {
  program
    .command("explore <decision-file> <workload-file>")
    .description("write a self-contained HTML page with sliders (volume, tokens, prices, growth, criteria) where the decision and the TCO move live")
    .option("-o, --out <file.html>", "the HTML file to write", "explore.html")
    .option("--today <YYYY-MM-DD>", "take this date as today (reproducible pages); facts.decidedOn still wins")
    .option("--samples <n>", "Monte Carlo samples for the P10-P90 ranges", "2000")
    .option("--seed <n>", "Monte Carlo seed", "42")
    .option("--horizon <months>", "months to project (default: the workload file's horizonMonths, else 36)")
    .option("--json", "print a summary of what was written as JSON")
    .addHelpText("after", HELP_AFTER)
    .action(async (decisionFile: string, workloadFile: string, flags: ExploreFlags) => {
      setExit(await runCommand(() => explore(decisionFile, workloadFile, flags)));
    });
}

async function explore(decisionFile: string, workloadFile: string, flags: ExploreFlags): Promise<number> {
  const core = require("@aitracks/core/decision") as typeof Core;
  // Every flag first, before reading anything: on bad input nothing is read or written.
  const problems: string[] = [];
  const mc = monteCarloFlags(problems, flags);
  if (flags.today !== undefined && !core.decisionDate.safeParse(flags.today).success) {
    problems.push(`--today: expected a date YYYY-MM-DD, got ${JSON.stringify(flags.today)}`);
  }
  const outFile = flags.out ?? "explore.html";
  const target = {
    label: `--out ${outFile}`,
    inputs: [decisionFile, workloadFile, core.catalogPath()].map((path) => ({ path, is: "one of the input files" })),
    example: "explore.html",
  };
  try {
    core.checkOutputPath(outFile, target);
  } catch (err) {
    if (!(err instanceof core.InputError)) throw err;
    problems.push(...err.lines);
  }
  if (problems.length) throw new core.InputError(problems);

  // The catalog first, so a broken catalog is not reported as a fault of the workload.
  const loaded = core.loadCatalog();
  const prices = core.pricesStatus(loaded);
  const decisionInput = core.loadFile(core.decisionSchema, decisionFile);
  const workload = core.loadFile(core.workloadFileSchema, workloadFile);
  const today = flags.today ?? core.todayIso();
  const decision = core.decide(decisionInput, { today });

  // Resolve as `aitracks tco` does, keeping what the page needs: the catalog entries looked up
  // and the token prices found. The page resolves again with exactly these.
  const used = new Map<string, Core.CatalogEntry>();
  class Recording extends core.PriceCatalog {
    override get(sku: string, field?: string, cloud?: Core.Cloud): Core.CatalogEntry {
      const e = super.get(sku, field, cloud);
      used.set(e.sku, e);
      return e;
    }
  }
  const tokenPrices: { provider: string; model: string; prices: Core.TokenPrices }[] = [];
  let model: Core.TcoModel;
  try {
    model = core.resolveTco(workload, {
      catalog: new Recording(loaded.data),
      ...(mc.horizonMonths !== undefined ? { horizonMonths: mc.horizonMonths } : {}),
      tokenPrices: (query, field) => {
        const found = core.tokenPrices(query, field);
        tokenPrices.push({ provider: query.provider, model: query.model, prices: found });
        return found;
      },
    });
  } catch (err) {
    if (err instanceof core.InputError) throw new core.InputError(err.lines.map((l) => `${workloadFile}: ${l}`));
    throw err;
  }
  const samples = mc.samples ?? 2_000;
  const seed = mc.seed ?? 42;
  // The page opens on these figures: check them here, where a bad input can still say so.
  const report = core.tcoReport(model, { samples, seed });
  requireFinite(workloadFile, tcoFigures(report));

  const data: ExploreData = {
    version: 1,
    decisionFile,
    workloadFile,
    decision: decisionInput,
    workload,
    today,
    samples,
    seed,
    ...(mc.horizonMonths !== undefined ? { horizonMonths: mc.horizonMonths } : {}),
    catalog: { ...loaded.data, entries: [...used.values()] },
    tokenPrices,
    pricesAsOf: prices.asOf ?? null,
  };
  const { bundleClient } = require("../explore/bundle.js") as typeof import("../explore/bundle.js");
  const { explorePage } = require("../explore/page.js") as typeof import("../explore/page.js");
  const html = explorePage(data, await bundleClient());
  core.writeFileSafely(outFile, html, target);
  if (flags.json) {
    out(JSON.stringify({ out: outFile, bytes: Buffer.byteLength(html), recommendation: decision.recommendation, cheapest: report.cheapest, crossovers: report.crossovers }, null, 2));
    return 0;
  }
  const rec = decision.recommendation ?? "no eligible option";
  out(`Wrote ${outFile} (${Math.round(Buffer.byteLength(html) / 1024)} KB): ${rec}, cheapest ${report.cheapest} over ${report.horizonMonths} months. Open it in a browser and drag the sliders.`);
  return 0;
}
