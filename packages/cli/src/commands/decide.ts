import type { Command } from "commander";
// Light libraries only at the top: main.ts imports this eagerly, `--help` must not load
// @aitracks/core, and `aitracks decide` must never load @pulumi/*.
import type * as Core from "@aitracks/core/decision";
import type * as DecideCore from "@aitracks/core/decide";
import type { Decision, DecisionInput } from "@aitracks/core";
import { InputError } from "@aitracks/core/errors";
import { requireFinite } from "../finite";
import { out, runCommand } from "../run";

/**
 * The part of @aitracks/core a decision needs, loaded when `decide` runs (main.ts registers this
 * command for every invocation, `--help` included).
 */
function core(): typeof DecideCore {
  return require("@aitracks/core/decide") as typeof DecideCore;
}

/** With the TCO model, the workload schema and the prices: for the record's snapshot only. */
function withTco(): typeof Core {
  return require("@aitracks/core/decision") as typeof Core;
}

interface DecideFlags {
  json?: boolean;
  adr?: string;
  workload?: string;
  today?: string;
}

const HELP = `
The decision file (YAML or JSON):
  useCase: Insurance claim triage          # optional
  criteria:                                # all seven; score 1-5 (5 = holds strongly), weight 0-100
    accuracy:         { score: 4, weight: 25 }   # 5 = very demanding accuracy
    dataAvailability: { score: 4, weight: 15 }   # 5 = lots of unique, usable data
    timeToMarket:     { score: 3, weight: 10 }   # 5 = very urgent
    budget:           { score: 3, weight: 10 }   # 5 = large budget
    teamSkills:       { score: 3, weight: 10 }   # 5 = strong ML team
    differentiation:  { score: 4, weight: 15 }   # 5 = AI is the core differentiator
    regulatory:       { score: 4, weight: 15 }   # 5 = heavy regulation
  facts:                                   # optional; each one turns on a gate or a rule
    accuracyTarget: 0.95                   # fraction; with apiBaselineAccuracy -> the 90% rule
    apiBaselineAccuracy: 0.78              # best commercial API on your evaluation set
    labeledExamples: 12000                 # < 100 rules fine-tune out, < 1,000 is a caution
    budgetUsd: 120000                      # build needs >= 500,000
    mlEngineers: 5                         # build needs >= 10; fine-tune wants >= 3
    dataSharingAllowed: false              # false rules buy out
    decidedOn: 2026-11-30                  # default today
    reviewAfterMonths: 6                   # default 6
  checklist: { costProjected: true, ... }  # architect's checklist items done (see the ADR)

Each option fits a criterion by 1 - |score - ideal| / 4; hybrid = 0.9 x the better of buy and
fine-tune. Score = weighted mean fit x 100. Exit 0 with a decision, 2 on bad input.

Examples:
  $ aitracks decide examples/decisions/clear-fine-tune.yaml
  $ aitracks decide decision.yaml --json
  $ aitracks decide decision.yaml --adr docs/adr/0007-claims-triage.md
  $ aitracks decide decision.yaml --adr docs/adr/0007-claims-triage.md --workload workload.yaml

The record keeps the decision file's content (and, with --workload, the workload's, the prices'
as-of date and the three-year totals and crossovers of that day) in its front matter, so that
\`aitracks review <record>\` can ask the question again later and say what moved.
`;

function fit(x: number): string {
  return x.toFixed(2);
}

/** The human report: the matrix, the recommendation, why, warnings, sensitivity, review date. */
export function renderDecisionText(input: DecisionInput, d: Decision, file: string, adr?: string): string {
  // Loaded here, not at the top: main.ts imports this file for every command, --help included.
  const Table = require("cli-table3") as typeof import("cli-table3");
  const table = new Table({
    head: ["Criterion", "Score", "Weight", ...core().DECISION_OPTIONS],
    style: { head: [], border: [] },
    // No rule between rows: eight rows read better compact.
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    colAligns: ["left", "right", "right", "right", "right", "right", "right"],
  });
  for (const row of d.matrix) {
    table.push([
      core().CRITERION_LABELS[row.criterion].name,
      String(row.score),
      String(row.weight),
      ...core().DECISION_OPTIONS.map((o) => fit(row.options[o].fit)),
    ]);
  }
  const totalWeight = d.matrix.reduce((s, r) => s + r.weight, 0);
  table.push([
    "Score /100",
    "",
    String(Math.round(totalWeight * 100) / 100),
    ...core().DECISION_OPTIONS.map((o) => {
      const s = d.scores[o].toFixed(1);
      if (o === d.recommendation) return `${s} \u2713`;
      return d.eligible[o] ? s : `${s} \u2717`;
    }),
  ]);

  const lines: string[] = [];
  // One line whatever the file says: a multi-line useCase cannot forge lines of the report.
  lines.push(`Decision: ${input.useCase === undefined ? "(no useCase)" : core().printableLine(input.useCase)}  [${core().printableLine(file)}]`);
  lines.push(table.toString());
  lines.push("Cells are fits (1 = the score is the option's ideal). \u2713 recommended, \u2717 ineligible.");
  lines.push("");
  lines.push(
    d.recommendation
      ? `Recommendation: ${d.recommendation} (${d.scores[d.recommendation].toFixed(1)}/100)`
      : "Recommendation: none (every option fails a gate)",
  );
  lines.push("");
  lines.push("Why:");
  for (const r of d.rationale) lines.push(`  - ${r}`);
  if (d.warnings.length) {
    lines.push("");
    lines.push("Warnings:");
    for (const w of d.warnings) lines.push(`  ${w.level.padEnd(7)} ${w.code}: ${w.message}`);
  }
  lines.push("");
  lines.push(`Sensitivity: ${d.sensitivity.summary}`);
  const items = core().checklistStatus(input, d, adr !== undefined);
  lines.push(
    `Checklist: ${items.filter((i) => i.done).length} of ${items.length} done` +
      (adr ? ` (see ${adr})` : " (--adr <out.md> writes the decision record with the full checklist)"),
  );
  lines.push(`Review by ${d.reviewDate} (decided on ${d.decidedOn}, every ${d.reviewAfterMonths} months).`);
  if (adr) lines.push(`Decision record written to ${adr}.`);
  return lines.join("\n");
}

/** The machine-readable result: the stable keys first, then detail. */
export function decisionJson(input: DecisionInput, d: Decision, adr?: string): Record<string, unknown> {
  return {
    recommendation: d.recommendation,
    scores: d.scores,
    rationale: d.rationale,
    warnings: d.warnings,
    reviewDate: d.reviewDate,
    decidedOn: d.decidedOn,
    useCase: input.useCase ?? null,
    eligible: d.eligible,
    ineligibleBecause: d.ineligibleBecause,
    ninetyPercentRule: d.ninetyPercentRule,
    sensitivity: d.sensitivity,
    matrix: d.matrix,
    checklist: core().checklistStatus(input, d, adr !== undefined).map(({ key, done, source }) => ({ key, done, source })),
    adr: adr ?? null,
  };
}

/**
 * What the record keeps for `aitracks review`: the decision file as read and, with a workload,
 * the workload as read, the prices' as-of date and the point totals and crossovers of today.
 */
function snapshotOf(decision: unknown, workloadFile: string | undefined): Core.RecordSnapshot {
  const c = withTco();
  if (workloadFile === undefined) return { version: c.RECORD_SNAPSHOT_VERSION, decision };
  const pricesAsOf = c.pricesStatus(c.loadCatalog()).asOf;
  const workload = c.readDataFile(workloadFile);
  const parsed = c.parseOrThrow(c.workloadFileSchema, workload, `${workloadFile}: `);
  const tco = c.tcoSummary(resolveNamed(parsed, workloadFile));
  requireFinite(workloadFile, Object.entries(tco.totals).map(([o, v]) => [`the ${o} total`, v] as const));
  return { version: c.RECORD_SNAPSHOT_VERSION, decision, workload, ...(pricesAsOf ? { pricesAsOf } : {}), tco };
}

/** The workload's TCO model; a price or SKU problem is named with the file, like the schema's. */
export function resolveNamed(workload: Core.WorkloadFile, file: string): Core.TcoModel {
  try {
    return withTco().resolveTco(workload);
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.lines.map((l) => `${file}: ${l}`));
    throw err;
  }
}

export function registerDecide(program: Command, setExit: (code: number) => void): void {
  program
    .command("decide <file>")
    .description(
      "Score build / buy / fine-tune / hybrid from a decision file: weighted criteria, hard gates, " +
        "the 90% rule, weight sensitivity and a review date",
    )
    .option("--json", "print the decision as JSON for machines")
    .option("--adr <out.md>", "also write a Markdown decision record (ADR) to this file (- prints it on stdout instead of the report)")
    .option("--workload <file>", "with --adr: keep the workload and its three-year totals in the record, for aitracks review")
    .option("--today <YYYY-MM-DD>", "take this date as today (reproducible records); facts.decidedOn still wins")
    .addHelpText("after", HELP)
    .action(async (file: string, opts: DecideFlags) => {
      setExit(
        await runCommand(() => {
          // Check every flag before reading anything: nothing is written on any failure. The
          // target may not be the decision file, by any name (a symlinked folder, a hard link).
          const toStdout = opts.adr === "-";
          if (toStdout && opts.json) throw new InputError("--adr -: the record goes to stdout; give --json or --adr -, not both");
          const adr =
            opts.adr === undefined || toStdout
              ? undefined
              : { path: opts.adr, label: `--adr ${opts.adr}`, inputs: [{ path: file, is: "the decision file itself" }, ...(opts.workload === undefined ? [] : [{ path: opts.workload, is: "the workload file" }])], example: "decision.md" };
          if (adr) core().checkOutputPath(adr.path, adr);
          if (opts.today !== undefined && !core().decisionDate.safeParse(opts.today).success) {
            throw new InputError(`--today: expected a date YYYY-MM-DD, got ${JSON.stringify(opts.today)}`);
          }
          if (opts.workload !== undefined && opts.adr === undefined) throw new InputError("--workload: only with --adr (the record keeps it for aitracks review)");
          const raw = core().readDataFile(file);
          const input = core().parseOrThrow(core().decisionSchema, raw, `${file}: `);
          const decision = core().decide(input, opts.today === undefined ? {} : { today: opts.today });
          if (opts.adr === undefined) {
            if (opts.json) out(JSON.stringify(decisionJson(input, decision), null, 2));
            else out(renderDecisionText(input, decision, file));
            return 0;
          }
          const record = core().renderAdr(input, decision, { source: file, snapshot: snapshotOf(raw, opts.workload) });
          if (toStdout) {
            out(record);
            return 0;
          }
          if (adr) core().writeFileSafely(adr.path, record, adr);
          if (opts.json) out(JSON.stringify(decisionJson(input, decision, opts.adr), null, 2));
          else out(renderDecisionText(input, decision, file, opts.adr));
          return 0;
        }),
      );
    });
}
