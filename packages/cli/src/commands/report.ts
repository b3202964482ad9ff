import { join } from "node:path";
import type { Command } from "commander";
import type * as Core from "@aitracks/core";
import type { Progress } from "../progress";
import type * as Report from "../report";
import { monteCarloFlags } from "../flags";
import { out, runCommand } from "../run";
import { describeTargetOptions, type TargetOptions } from "../target";

// main.ts imports this file eagerly: everything heavy (core, vega, Pulumi) loads in the action.

interface ReportFlags extends TargetOptions {
  out?: string;
  today?: string;
  samples?: string;
  seed?: string;
  horizon?: string;
  json?: boolean;
}

const HELP_AFTER = `
The page: the recommendation and why, the decision matrix as a heat map with each option's
score, the cumulative cost of buy / fine-tune / build over the horizon (with the P10-P90 band
when the workload has ranges), the total against requests per day on a log axis with the
crossovers marked, the TCO table with its assumptions, the architect's checklist and the review
date. With a stack (--stack, or --program and --config): its resources, its monthly cost by
track, cloud and resource type, and its policy verdicts.

One HTML file with inline SVG and CSS: it loads nothing from the network, reads offline and
prints. The Monte Carlo uses the same --samples / --seed as \`aitracks tco\`.

Examples:
  aitracks report examples/decisions/clear-fine-tune.yaml examples/workloads/requests-ranges.yaml --out report.html
  aitracks report decision.yaml workload.yaml --stack buy-aws --out docs/claims-triage.html --today 2026-11-30

Exit codes: 0 written, 2 bad input (nothing is written).`;

export function registerReport(program: Command, setExit: (code: number) => void): void {
  describeTargetOptions(
    program
      .command("report <decision-file> <workload-file>")
      .description("write a self-contained HTML decision report with charts: recommendation, TCO, checklist, review date (and a stack's cost and policies)"),
  )
    .option("-o, --out <file.html>", "the HTML file to write (- writes the page to stdout)", "report.html")
    .option("--today <YYYY-MM-DD>", "take this date as today (reproducible reports); facts.decidedOn still wins")
    .option("--samples <n>", "Monte Carlo samples for the P10-P90 band", "2000")
    .option("--seed <n>", "Monte Carlo seed", "42")
    .option("--horizon <months>", "months to project (default: the workload file's horizonMonths, else 36)")
    .option("--json", "print a summary of what was written as JSON (no progress line)")
    .addHelpText("after", HELP_AFTER)
    .action(async (decisionFile: string, workloadFile: string, flags: ReportFlags) => {
      const { createProgress } = require("../progress.js") as typeof import("../progress.js");
      const progress = createProgress({ json: flags.json === true });
      setExit(
        await runCommand(async () => {
          try {
            return await report(decisionFile, workloadFile, flags, progress);
          } finally {
            progress.clear();
          }
        }),
      );
    });
}

/**
 * What the report reads, so --out never lands on any of them (by any name: compared by device
 * and inode): the two files, the stack's config (given, or the project's Pulumi.<stack>.yaml),
 * the project file and the price catalog.
 */
function reportInputs(core: typeof Core, decisionFile: string, workloadFile: string, flags: ReportFlags): Core.OutputInput[] {
  const files = [decisionFile, workloadFile, core.catalogPath()];
  if (flags.config) files.push(flags.config);
  if (flags.stack !== undefined || flags.program !== undefined) {
    // The light part of the preview engine: reading Pulumi.yaml loads no Pulumi.
    const { findProjectDir, readProject } = require("@aitracks/preview/project") as typeof import("@aitracks/preview");
    const dir = flags.program ?? findProjectDir(process.cwd());
    if (dir) {
      try {
        const project = readProject(dir);
        files.push(join(project.dir, "Pulumi.yaml"), join(project.dir, "Pulumi.yml"));
        if (flags.stack) files.push(join(project.stackConfigDir, `Pulumi.${flags.stack}.yaml`), join(project.stackConfigDir, `Pulumi.${flags.stack}.yml`));
      } catch {
        // a bad project is reported by the preview, with its own message
      }
    }
  }
  return files.map((path) => ({ path, is: "one of the input files" }));
}

async function report(decisionFile: string, workloadFile: string, flags: ReportFlags, progress: Progress): Promise<number> {
  const core = require("@aitracks/core") as typeof Core;
  // Every flag first, before reading anything: on bad input nothing is read, run or written.
  const problems: string[] = [];
  const mc = monteCarloFlags(problems, flags);
  const samples = mc.samples ?? 2_000;
  const seed = mc.seed ?? 42;
  const horizonMonths = mc.horizonMonths;
  if (flags.today !== undefined && !core.decisionDate.safeParse(flags.today).success) {
    problems.push(`--today: expected a date YYYY-MM-DD, got ${JSON.stringify(flags.today)}`);
  }
  const outFile = flags.out ?? "report.html";
  const toStdout = outFile === "-";
  if (toStdout && flags.json) problems.push("--out -: the page goes to stdout; give --json or --out -, not both");
  const target = { label: `--out ${outFile}`, inputs: reportInputs(core, decisionFile, workloadFile, flags), example: "report.html" };
  if (!toStdout) {
    try {
      core.checkOutputPath(outFile, target);
    } catch (err) {
      if (!(err instanceof core.InputError)) throw err;
      problems.push(...err.lines);
    }
  }
  if (problems.length) throw new core.InputError(problems);

  const rep = require("../report/index.js") as typeof import("../report/index.js");
  const base = rep.loadReportInputs({
    decisionFile,
    workloadFile,
    ...(flags.today !== undefined ? { today: flags.today } : {}),
    samples,
    seed,
    ...(horizonMonths !== undefined ? { horizonMonths } : {}),
    version: (require("../../package.json") as { version: string }).version,
    onStep: (label, total) => progress.step(label, total),
    onProgress: (done, total) => progress.tick(done, total),
  });

  let stack: Report.StackSection | undefined;
  if (flags.stack !== undefined || flags.program !== undefined || flags.config !== undefined) {
    progress.step(`previewing ${flags.stack ? `stack ${flags.stack}` : (flags.config ?? flags.program)}`);
    const { stackSection } = require("../report/stack.js") as typeof import("../report/stack.js");
    stack = await stackSection(flags);
  }
  const inputs: Report.ReportInputs = stack ? { ...base, stack } : base;
  const { decision, tco } = inputs;

  progress.step("rendering the charts");
  const { html, charts } = await rep.buildReportHtml(inputs, (done, total) => progress.tick(done, total));

  if (toStdout) {
    progress.clear();
    out(html);
    return 0;
  }
  progress.step(`writing ${outFile}`);
  core.writeFileSafely(outFile, html, target);
  progress.clear();

  if (flags.json) {
    out(
      JSON.stringify(
        {
          out: flags.out,
          bytes: Buffer.byteLength(html),
          recommendation: decision.recommendation,
          cheapest: tco.cheapest,
          reviewDate: decision.reviewDate,
          charts: charts.map((c) => c.id),
          stack: stack?.stack ?? null,
        },
        null,
        2,
      ),
    );
  } else {
    const rec = decision.recommendation ?? "no eligible option";
    out(`Wrote ${flags.out} (${Math.round(Buffer.byteLength(html) / 1024)} KB, ${charts.length} charts): ${rec}, review by ${decision.reviewDate}.`);
  }
  return 0;
}
