import type { Command } from "commander";
import type * as Core from "@aitracks/core/decision";
import { requireFinite, tcoFigures } from "../finite";
import { monteCarloFlags } from "../flags";
import { money, num, uncertainText } from "../format";
import { out, runCommand, say } from "../run";

// main.ts imports this file eagerly for every command (and for --help): @aitracks/core and
// cli-table3 load only when `tco` runs. Nothing here touches @pulumi/*.

interface TcoFlags {
  json?: boolean;
  samples?: string;
  seed?: string;
  horizon?: string;
  decision?: string;
}

const HELP_AFTER = `
The workload file (YAML or JSON) gives the production volume and, optionally, each option's
settings; every number may be a range {low, high, likely}. Minimal file:

  workload:
    requestsPerDay: 10000
    inputTokensPerRequest: 2000
    outputTokensPerRequest: 400
    monthlyGrowth: 0.02          # optional, 2% a month
  buy:
    provider: anthropic          # token prices from @pydantic/genai-prices,
    model: claude-sonnet-4-5     # or inputUsdPerMillionTokens / outputUsdPerMillionTokens

Options priced: buy (API), fine-tune (open model, labelled data, self-hosted serving) and build
(pretraining from scratch). While a fine-tune or build project runs the API serves the traffic
(bridgeWithApi: true), so every option serves the same demand. Every default is listed under
"Assumptions" with its value and source. P10-P90 come from a seeded Monte Carlo over the ranges;
crossovers are the volumes at which the cheaper option changes, other inputs at point values.

Examples:
  aitracks tco examples/workloads/requests-10k.yaml
  aitracks tco examples/workloads/requests-100k.yaml --json > tco.json
  aitracks tco workload.yaml --samples 10000 --seed 7 --horizon 60

Exit codes: 0 ok, 2 bad input (one line per problem, naming the field).`;

export function registerTco(program: Command, setExit: (code: number) => void): void {
  program
    .command("tco <file>")
    .description("project the total cost of ownership of buy, fine-tune and build for a workload file")
    .option("--json", "print the report as JSON (horizonMonths, cheapest, options, crossovers, assumptions)")
    .option("--samples <n>", "Monte Carlo samples for the P10-P90 ranges", "2000")
    .option("--seed <n>", "Monte Carlo seed: the same seed gives the same figures", "42")
    .option("--horizon <months>", "months to project (default: the file's horizonMonths, else 36)")
    .option("--decision <file>", "a decision file: mark the options its hard gates rule out, and name the cheapest eligible option beside the cheapest overall")
    .addHelpText("after", HELP_AFTER)
    .action(async (file: string, flags: TcoFlags) => {
      setExit(await runCommand(() => tco(file, flags)));
    });
}

function tco(file: string, flags: TcoFlags): number {
  const core = require("@aitracks/core/decision") as typeof Core;
  const problems: string[] = [];
  const { samples, seed, horizonMonths } = monteCarloFlags(problems, flags);
  if (problems.length) throw new core.InputError(problems);

  // Load the price catalog first, so a broken catalog is not reported as a fault of the workload.
  // The framework: prices drop about every six months, so say how old ours are.
  const prices = core.pricesStatus(core.loadCatalog());
  const workload = core.loadFile(core.workloadFileSchema, file);
  // With a decision file, the options its hard gates rule out are told apart from the cheapest eligible.
  const decision = flags.decision === undefined ? undefined : core.decide(core.loadFile(core.decisionSchema, flags.decision));
  let model: Core.TcoModel;
  try {
    model = core.resolveTco(workload, horizonMonths !== undefined ? { horizonMonths } : {});
  } catch (err) {
    // Prices and SKUs are checked after the schema: name the file like the schema's errors do.
    if (err instanceof core.InputError) throw new core.InputError(err.lines.map((l) => `${file}: ${l}`));
    throw err;
  }
  // A progress line on a terminal while the Monte Carlo runs (nothing when piped or with --json).
  const { createProgress } = require("../progress") as typeof import("../progress");
  const progress = createProgress({ json: flags.json === true });
  if (model.uncertain.length) progress.step("Monte Carlo", samples ?? 2_000);
  let report: ReturnType<typeof core.tcoReport>;
  try {
    report = core.tcoReport(model, {
      ...(samples !== undefined ? { samples } : {}),
      ...(seed !== undefined ? { seed } : {}),
      onProgress: (done, total) => progress.tick(done, total),
    });
  } finally {
    progress.clear();
  }
  requireFinite(file, tcoFigures(report));
  const eligibility = decision ? eligibilityOf(core, report, decision) : undefined;
  if (flags.json) {
    out(JSON.stringify({ ...report, ...(eligibility ? { cheapestEligible: eligibility.cheapestEligible, ruledOut: eligibility.ruledOut } : {}), pricesAsOf: prices.asOf, priceWarnings: prices.warnings }, null, 2));
    return 0;
  }
  out(renderText(file, workload, model, report, eligibility));
  out(`\n${core.pricesAsOfLine(prices)}`);
  for (const w of prices.warnings) say(`warning: ${w}`);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Text rendering

/** An uncertain number times k (growth fractions as percentages). */
function scaled(v: Core.Uncertain, k: number): Core.Uncertain {
  if (typeof v === "number") return v * k;
  return { low: v.low * k, high: v.high * k, ...(v.likely !== undefined ? { likely: v.likely * k } : {}) };
}

/** What a decision file says of the priced options: the cheapest eligible, and each ruled out with the reasons. */
interface Eligibility {
  readonly cheapestEligible: Core.OptionId | null;
  readonly ruledOut: Readonly<Record<string, readonly string[]>>;
}

function eligibilityOf(core: typeof Core, report: ReturnType<typeof Core.tcoReport>, decision: Core.Decision): Eligibility {
  const pick = core.cheapestEligible(report.options, decision.eligible);
  const ruledOut: Record<string, readonly string[]> = {};
  for (const o of report.options) if (decision.eligible[o.option] === false) ruledOut[o.option] = decision.ineligibleBecause[o.option] ?? [];
  return { cheapestEligible: pick.eligible?.option ?? null, ruledOut };
}

function renderText(
  file: string,
  workload: Core.WorkloadFile,
  model: Core.TcoModel,
  report: ReturnType<typeof Core.tcoReport>,
  eligibility?: Eligibility,
): string {
  const Table = require("cli-table3") as typeof import("cli-table3");
  const { printableLine } = require("@aitracks/core/decision") as typeof Core;
  const lines: string[] = [];
  const w = workload.workload;
  const growth = w.monthlyGrowth === undefined ? "" : `, growing ${uncertainText(scaled(w.monthlyGrowth, 100))}% a month`;
  lines.push(`Total cost of ownership over ${report.horizonMonths} months${workload.name ? ` - ${printableLine(workload.name)}` : ""} (${printableLine(file)})`);
  lines.push(
    `${uncertainText(w.requestsPerDay)} requests/day, ${uncertainText(w.inputTokensPerRequest)} input + ${uncertainText(w.outputTokensPerRequest)} output tokens per request${growth}; buy = ${workload.buy.provider} ${workload.buy.model}`,
  );
  lines.push("");

  const years = report.options[0]?.years.length ?? 0;
  const yearHead = Array.from({ length: years }, (_, i) =>
    i === years - 1 && report.horizonMonths % 12 !== 0 ? `year ${i + 1} (${report.horizonMonths % 12} mo)` : `year ${i + 1}`,
  );
  const style = { head: [] as string[], border: [] as string[] };
  const totals = new Table({ head: ["option", ...yearHead, "total", "P10-P90"], style, colAligns: ["left", ...yearHead.map(() => "right" as const), "right", "right"] });
  for (const o of report.options) {
    const mark = (o.option === report.cheapest ? " *" : "") + (eligibility?.ruledOut[o.option] ? " (ruled out)" : "");
    totals.push([`${o.option}${mark}`, ...o.years.map(money), money(o.totalUsd), `${money(o.range.p10)}-${money(o.range.p90)}`]);
  }
  lines.push(totals.toString());
  const mc = report.monteCarlo;
  const share = mc.ran
    ? `; ${report.cheapest} is cheapest in ${Math.round(mc.cheapestShare[report.cheapest] * 100)}% of samples`
    : "";
  lines.push(
    `* cheapest at point values (every range at its likely value, else its midpoint). ` +
      (mc.ran
        ? `P10-P90 from ${mc.samples.toLocaleString("en-US")} Monte Carlo samples (seed ${mc.seed})${share}.`
        : "No input is a range: P10-P90 equal the point estimate."),
  );
  if (eligibility) {
    const best = eligibility.cheapestEligible;
    const over = report.options.find((o) => o.option === report.cheapest);
    lines.push(best ? `Cheapest eligible (per the decision): ${best} ${money(report.options.find((o) => o.option === best)!.totalUsd)}` : "Cheapest eligible: none of the priced options is eligible");
    if (best !== report.cheapest && over) lines.push(`  ${report.cheapest} ${money(over.totalUsd)} is cheaper overall but ruled out: ${(eligibility.ruledOut[report.cheapest] ?? []).join("; ") || "the decision's hard gates"}`);
  }
  const outside = report.options.filter((o) => mc.ran && (o.totalUsd < o.range.p10 || o.totalUsd > o.range.p90));
  if (outside.length) {
    lines.push(
      outside.length === 1
        ? `  The point total of ${outside[0]!.option} falls outside its P10-P90: its ranges are skewed (likely values near one end), so P50 is the better typical figure.`
        : `  The point totals of ${outside.map((o) => o.option).join(" and ")} fall outside their P10-P90: their ranges are skewed (likely values near one end), so P50 is the better typical figure.`,
    );
  }
  lines.push("");

  const breakdown = new Table({
    head: ["option", "compute", "tokens", "team", "data", "maintenance"],
    style,
    colAligns: ["left", "right", "right", "right", "right", "right"],
  });
  for (const o of report.options) {
    const b = o.breakdown;
    breakdown.push([o.option, money(b.compute), money(b.tokens), money(b.team), money(b.data), money(b.maintenance)]);
  }
  lines.push("Breakdown over the horizon:");
  lines.push(breakdown.toString());
  lines.push("");

  lines.push("Crossovers (starting requests/day, other inputs at point values):");
  if (report.crossovers.length === 0) {
    lines.push(`  none between 1 and 10,000,000 requests/day: ${report.cheapest} stays cheapest`);
  } else {
    const core = require("@aitracks/core/decision") as typeof Core;
    for (const c of report.crossovers) {
      // A crossover between two options that a third undercuts there is true but moot: say so.
      const best = core.cheapestAt(model, c.aboveRequestsPerDay * 1.01);
      const moot = best !== c.cheaper ? ` (${best} is cheaper than both there)` : "";
      lines.push(`  ${c.cheaper} is cheaper than ${c.than} above ${num(c.aboveRequestsPerDay)} requests/day${moot}`);
    }
  }
  lines.push("");

  lines.push("Assumptions (defaults and derived figures; set them in the file to change them):");
  for (const a of model.assumptions) {
    lines.push(`  - ${a.field}: ${uncertainText(a.value)} - ${a.note}`);
  }
  return lines.join("\n");
}
