import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import type * as Core from "@aitracks/core";
import { checkAllFlags, describeAllOption, runStacks, type AllFlags, type StackOutcome } from "../multi-stack";
import { requireFinite } from "../finite";
import { runCommand } from "../run";
import { checkGraphFlags, describeGraphOption, describeTargetOptions, previewTarget, type TargetOptions } from "../target";

// main.ts imports this file for every command (and --help): @aitracks/core, the preview engine
// and cli-table3 load only when `cost` runs.

interface CostFlags extends AllFlags {
  json?: boolean;
  format?: string;
  diff?: string;
  fromPreview?: string;
  failAboveUsd?: string;
  failAbovePercent?: string;
  failOnBudgetCrossing?: boolean;
}

const HELP_AFTER = `
Prices every resource the stack would create, offline (no cloud account, no Pulumi CLI): compute
from the price catalog, tokens from @pydantic/genai-prices with the volume of the stack's
aitracks:workload. Resources with no cost of their own (IAM, policies, settings) are listed as
free; a resource type the cost model does not know is listed as unpriced, never counted as zero.
The three-year figure adds the people and data costs of the stack's option from the TCO model.

--diff compares with an earlier --json output and shows what each change adds or removes a
month. Gates (each only on an increase; a decrease never fails):
  --fail-above-usd 500          the monthly estimate rises by more than $500
  --fail-above-percent 10       the monthly estimate rises by more than 10%
  --fail-on-budget-crossing     it goes from at or below aitracks:budget.maxMonthlyUsd to above

Examples:
  aitracks cost --stack buy-aws
  aitracks cost --stack buy-aws --json > cost.json
  aitracks cost --stack buy-aws --diff base-cost.json --format markdown --fail-on-budget-crossing
  aitracks cost --all --diff base/ --fail-above-usd 500   (base/<stack>.json for each stack)
  pulumi preview --json > plan.json && aitracks cost --from-preview plan.json --stack buy-aws
  aitracks preview --stack buy-aws --json > graph.json && aitracks cost --graph graph.json
      (preview once; check --graph reads the same file)

Exit codes: 0 fine, 1 a --diff gate failed, 2 bad input (one line per problem, naming the field; a
program that fails or does not finish within --timeout seconds, default 120), 70 internal error.
With --all: the worst exit code of the stacks; a stack with bad input does not stop the others.`;

export function registerCost(program: Command, setExit: (code: number) => void): void {
  describeGraphOption(
    describeAllOption(
      describeTargetOptions(
        program
          .command("cost")
          .description("estimate a stack's cost before deploy: per resource and component, monthly, one-off and over three years"),
      ),
    ),
  )
    .option("--json", "print the estimate as JSON (monthlyUsd, threeYearUsd, resources with components, unpriced, currency, pricesAsOf)")
    .option("--format <format>", "text (a table), markdown or github-comment (a pull-request comment, updated in place by its first line)", "text")
    .option("--diff <base.json>", "compare with an earlier `aitracks cost --json` output (with --all: a folder of <stack>.json files)")
    .option("--from-preview <file>", "price the plan of a real `pulumi preview --json` instead of previewing offline")
    .option("--fail-above-usd <usd>", "with --diff: exit 1 if the monthly estimate rises by more than this")
    .option("--fail-above-percent <percent>", "with --diff: exit 1 if the monthly estimate rises by more than this percentage")
    .option("--fail-on-budget-crossing", "with --diff: exit 1 if the monthly estimate crosses the budget from at-or-below to above")
    .addHelpText("after", HELP_AFTER)
    .action(async (flags: CostFlags) => {
      setExit(await runCommand(() => cost(flags)));
    });
}

async function cost(flags: CostFlags): Promise<number> {
  checkAllFlags(flags);
  checkGraphFlags(flags, [flags.fromPreview !== undefined && "--from-preview"]);
  const core = require("@aitracks/core") as typeof Core;
  const problems: string[] = [];
  const format = flags.format ?? "text";
  if (format !== "text" && format !== "markdown" && format !== "github-comment") problems.push(`--format: expected text, markdown or github-comment, got ${JSON.stringify(format)}`);
  if (flags.json && flags.format !== undefined && format !== "text") problems.push("--json: give --json or --format markdown, not both");
  const amount = (flag: string, raw: string | undefined, max: number): number | undefined => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n) || n < 0) {
      problems.push(`--${flag}: expected a number of 0 or more, got ${JSON.stringify(raw)}`);
      return undefined;
    }
    if (n > max) {
      problems.push(`--${flag}: expected at most ${core.limitText(max)}, got ${JSON.stringify(raw)}`);
      return undefined;
    }
    return n;
  };
  const gate: Core.DiffGate = {
    maxIncreaseUsd: amount("fail-above-usd", flags.failAboveUsd, core.LIMITS.usd),
    maxIncreasePercent: amount("fail-above-percent", flags.failAbovePercent, 1e6),
    failOnBudgetCrossing: flags.failOnBudgetCrossing,
  };
  const gated = gate.maxIncreaseUsd !== undefined || gate.maxIncreasePercent !== undefined || gate.failOnBudgetCrossing === true;
  if (gated && !flags.diff) problems.push("--fail-above-usd, --fail-above-percent and --fail-on-budget-crossing compare with a base: give --diff <base.json>");
  if (flags.fromPreview && flags.program && !flags.stack && !flags.config) problems.push("--from-preview: --program alone gives no stack config; add --stack or --config for the workload");
  if (flags.all) {
    if (flags.fromPreview) problems.push("--from-preview: a plan is one stack's; give --stack with it, not --all");
    if (format !== "text") problems.push(`--format: with --all, text or --json (a ${format} document is one stack's: run it per --stack)`);
    if (flags.diff && !isFolder(flags.diff)) problems.push(`--diff: with --all, expected a folder of <stack>.json files (each an \`aitracks cost --json\` output), got ${flags.diff}`);
  }
  if (problems.length) throw new core.InputError(problems);

  return runStacks(flags, {
    name: "cost",
    figureHeading: "monthly",
    one: (target, stack) => costOne(core, flags, format, gate, target, stack),
  });
}

/** The figures an estimate prints and gates on: totals first, then each resource's. */
function* estimateFigures(e: Core.CostEstimate): Generator<readonly [string, number]> {
  yield ["the monthly total", e.monthlyUsd];
  yield ["the one-off total", e.oneOffUsd];
  yield ["the monthly minimum", e.minMonthlyUsd];
  yield ["the monthly ceiling", e.ceilingMonthlyUsd];
  yield ["the three-year total", e.threeYear.totalUsd];
  for (const t of [...e.byTrack, ...e.byCloud]) yield [`the total of ${t.key}`, t.monthlyUsd];
  for (const r of e.resources) {
    yield [`the monthly cost of ${r.name}`, r.monthlyUsd];
    yield [`the one-off cost of ${r.name}`, r.oneOffUsd];
    for (const c of r.components) yield [`${r.name}'s ${c.name}`, c.monthlyUsd];
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** One stack's estimate (and diff against its base, gated). */
async function costOne(core: typeof Core, flags: CostFlags, format: string, gate: Core.DiffGate, target: TargetOptions, stack: string | undefined): Promise<StackOutcome> {
  // With --all, each stack's base is <dir>/<stack>.json, when there is one.
  const notes: string[] = [];
  let baseFile = flags.diff;
  if (flags.all && flags.diff && stack !== undefined) {
    baseFile = join(flags.diff, `${stack}.json`);
    if (!existsSync(baseFile)) {
      notes.push(`not compared, no base estimate in ${flags.diff}`);
      baseFile = undefined;
    }
  }
  // Read the base first: a bad base file stops before the (slower) preview.
  const base = baseFile ? core.parseCostBaseline(core.readDataFile(baseFile), baseFile) : undefined;

  const { graph, config } = flags.fromPreview ? await fromPreview(core, flags) : { graph: await previewTarget(target), config: undefined };
  const estimate = core.estimateCost(graph, config ? { config } : {});
  const name = `stack ${estimate.stack ?? stack ?? "?"}`;
  requireFinite(name, estimateFigures(estimate));
  const doc = core.estimateJson(estimate);
  const diff = base ? core.diffCosts(base, doc as unknown as Core.CostBaseline) : undefined;
  if (diff) {
    requireFinite(name, [
      ["the monthly change", diff.deltaUsd],
      ["the monthly change in percent", diff.deltaPercent],
      ["the monthly estimate after the change", diff.afterUsd],
    ]);
  }
  const reasons = diff ? core.gateDiff(diff, gate) : [];
  const money = core.formatUsd;
  return {
    result: diff ? { ...doc, diff: diffJson(diff, reasons) } : doc,
    render: () => {
      if (format === "markdown") return core.costMarkdown(doc, diff, reasons);
      if (format === "github-comment") return (require("../render/github-comment") as typeof import("../render/github-comment")).costComment(core, doc, diff, reasons);
      return renderText(core, estimate, diff, reasons);
    },
    exitCode: reasons.length ? 1 : 0,
    failure: reasons.join("; "),
    resources: estimate.resources.length + estimate.free.length + estimate.unpriced.length,
    figure: `${money(estimate.monthlyUsd)}${diff ? ` (${diff.deltaUsd < 0 ? "-" : "+"}${money(Math.abs(diff.deltaUsd))})` : ""}${estimate.unpriced.length ? `, ${estimate.unpriced.length} unpriced` : ""}`,
    notes,
  };
}

/** The graph of a `pulumi preview --json` document, and the stack config that goes with it. */
async function fromPreview(core: typeof Core, flags: CostFlags): Promise<{ graph: Core.CostGraph; config: Record<string, unknown> | undefined }> {
  const graph = core.graphFromPulumiPreview(core.readDataFile(flags.fromPreview!, { maxBytes: core.INPUT_LIMITS.plan }), flags.fromPreview!);
  if (!flags.stack && !flags.config) return { graph, config: undefined };
  const { readProject, readStackConfig, findProjectDir } = require("@aitracks/preview") as typeof import("@aitracks/preview");
  const dir = flags.program ?? findProjectDir(process.cwd());
  if (!flags.config && !dir) throw new core.InputError("--stack: no Pulumi.yaml here or above to find the stack's config in; give --config <file>");
  const project = dir ? readProject(dir) : { name: graph.project ?? "project", stackConfigDir: "." };
  const file = flags.config ?? `${project.stackConfigDir}/Pulumi.${flags.stack}.yaml`;
  const config = readStackConfig(file, project.name).parsed;
  return { graph: { ...graph, config }, config };
}

function diffJson(diff: Core.CostDiff, reasons: readonly string[]) {
  return {
    beforeUsd: diff.beforeUsd,
    afterUsd: diff.afterUsd,
    deltaUsd: diff.deltaUsd,
    deltaPercent: diff.deltaPercent === null ? null : Math.round(diff.deltaPercent * 100) / 100,
    crossedBudget: diff.crossedBudget,
    budgetUsd: diff.budgetUsd ?? null,
    changes: diff.changes,
    newUnpriced: diff.newUnpriced,
    failed: reasons,
  };
}

// ---------------------------------------------------------------------------------------------
// Text

function renderText(core: typeof Core, e: Core.CostEstimate, diff: Core.CostDiff | undefined, reasons: readonly string[]): string {
  const Table = require("cli-table3") as typeof import("cli-table3");
  const money = core.formatUsd;
  const lines: string[] = [];
  lines.push(`Cost estimate for stack ${e.stack ?? "?"}${e.project ? ` of ${e.project}` : ""}`);
  lines.push("");
  const style = { head: [] as string[], border: [] as string[] };
  const table = new Table({ head: ["resource", "component", "quantity", "unit price", "monthly"], style, colAligns: ["left", "left", "right", "right", "right"], wordWrap: true });
  const sorted = [...e.resources].sort((a, b) => b.monthlyUsd - a.monthlyUsd || b.oneOffUsd - a.oneOffUsd || a.urn.localeCompare(b.urn));
  for (const r of sorted) {
    r.components.forEach((c, i) => {
      const qty = c.kind === "one-off" ? `${core.formatAmount(c.oneOffQuantity ?? 0, c.unit)} once` : core.formatAmount(c.monthlyQuantity, c.unit);
      const amount = c.kind === "one-off" ? `${money(c.oneOffUsd ?? 0)} once` : money(c.monthlyUsd) + (c.minMonthlyUsd !== undefined ? ` (min ${money(c.minMonthlyUsd)})` : "") + (c.ceilingMonthlyUsd !== undefined ? ` (max ${money(c.ceilingMonthlyUsd)})` : "");
      table.push([i === 0 ? `${r.name}\n${shortType(r.type)}` : "", c.name, qty, core.formatUnitPrice(c.unitPriceUsd), amount]);
    });
  }
  if (sorted.length) lines.push(table.toString());
  else lines.push("(no priced resources)");
  lines.push("");

  const totals = new Table({ head: ["total", "monthly", "one-off"], style, colAligns: ["left", "right", "right"] });
  for (const t of e.byTrack) totals.push([`track ${t.key}`, money(t.monthlyUsd), money(t.oneOffUsd)]);
  for (const t of e.byCloud) totals.push([`cloud ${t.key}`, money(t.monthlyUsd), money(t.oneOffUsd)]);
  totals.push(["stack", money(e.monthlyUsd), money(e.oneOffUsd)]);
  lines.push(totals.toString());
  const scales = e.ceilingMonthlyUsd > e.monthlyUsd + 0.005 || e.minMonthlyUsd < e.monthlyUsd - 0.005;
  lines.push(`Monthly total: ${money(e.monthlyUsd)}${scales ? ` (${core.fleetRange(e)}; month ${e.monthlyUsdByMonth.length}: ${money(e.monthlyUsdByMonth[e.monthlyUsdByMonth.length - 1] ?? e.monthlyUsd)})` : ""}`);
  if (e.oneOffUsd > 0) lines.push(`One-off: ${money(e.oneOffUsd)} (training, tuning and evaluation runs, at their maximum)`);
  const t = e.threeYear;
  lines.push(
    `Three years (${t.horizonMonths} months): ${money(t.totalUsd)} = infrastructure ${money(t.infrastructureUsd)} + one-off ${money(t.oneOffUsd)} + people and data ${money(t.peopleAndDataUsd)} (TCO model, ${t.option} option: team ${money(t.breakdown.team)}, maintenance ${money(t.breakdown.maintenance)}, data ${money(t.breakdown.data)})`,
  );
  if (e.budgetUsd !== undefined) {
    const over = e.monthlyUsd - e.budgetUsd;
    const crossed = e.budgetCrossedInMonth;
    lines.push(`Budget: ${money(e.budgetUsd)} a month, ${((e.monthlyUsd / e.budgetUsd) * 100).toFixed(0)}% used${over > 0 ? `, OVER by ${money(over)}` : crossed ? `; crossed in month ${crossed} (${money(e.monthlyUsdByMonth[crossed - 1] ?? 0)}) as the traffic grows` : `; within it for all ${e.monthlyUsdByMonth.length} months`}`);
  }
  lines.push(`Free: ${e.free.length} resource${e.free.length === 1 ? "" : "s"} with no cost of their own (IAM, policies, settings; --json lists each with its reason)`);
  const uncounted = [...new Set(e.free.flatMap((f) => (f.uncountedUsage ? [f.uncountedUsage] : [])))];
  for (const u of uncounted) lines.push(`Usage not counted: ${u}`);
  if (e.unpriced.length === 0) lines.push("Unpriced: none");
  else {
    lines.push(`Unpriced: ${e.unpriced.length} (not in the totals):`);
    for (const u of e.unpriced) lines.push(`  - ${u.name} (${u.type}): ${u.reason}`);
  }
  const notes = sorted.flatMap((r) => r.notes.map((n) => `  - ${r.name}: ${n}`));
  const assumptions = [...e.assumptions.map((a) => `  - ${a}`), ...t.notes.map((n) => `  - ${n}`), ...notes];
  if (assumptions.length) {
    lines.push("Assumptions and notes:");
    lines.push(...assumptions);
  }

  const status = core.pricesStatus(core.loadCatalog());
  lines.push(core.pricesAsOfLine(status));
  for (const w of status.warnings) lines.push(`Warning: ${w}`);

  if (diff) {
    lines.push("");
    const pct = diff.deltaPercent === null ? "" : ` (${diff.deltaPercent > 0 ? "+" : ""}${diff.deltaPercent.toFixed(1)}%)`;
    lines.push(`Against the base: ${money(diff.beforeUsd)} -> ${money(diff.afterUsd)} a month, ${diff.deltaUsd > 0 ? "+" : ""}${money(diff.deltaUsd)}${pct}`);
    if (diff.changes.length) {
      const ch = new Table({ head: ["change", "resource", "before", "after", "per month"], style, colAligns: ["left", "left", "right", "right", "right"] });
      for (const c of diff.changes) ch.push([c.change, `${c.name}\n${shortType(c.type)}`, money(c.beforeUsd), money(c.afterUsd), `${c.deltaUsd > 0 ? "+" : ""}${money(c.deltaUsd)}${c.oneOffDeltaUsd ? `\none-off ${c.oneOffDeltaUsd > 0 ? "+" : ""}${money(c.oneOffDeltaUsd)}` : ""}`]);
      lines.push(ch.toString());
    } else lines.push("No resource changes cost.");
    if (diff.crossedBudget) lines.push(`Crosses the budget of ${money(diff.budgetUsd ?? 0)}.`);
    for (const r of reasons) lines.push(`FAILED: ${r}`);
  }
  return lines.join("\n");
}

/** `aws:sagemaker/endpointConfiguration:EndpointConfiguration` -> `aws:sagemaker/EndpointConfiguration`. */
function shortType(type: string): string {
  const [pkg, mod, kind] = type.split(":");
  if (!kind) return type;
  return `${pkg}:${(mod ?? "").split("/")[0]}/${kind}`;
}
