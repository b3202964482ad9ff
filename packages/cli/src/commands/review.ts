import type { Command } from "commander";
// Light at the top: main.ts imports this for every invocation, `--help` included; @aitracks/core
// loads when `review` runs, and nothing here touches @pulumi/*.
import type * as Core from "@aitracks/core/decision";
import { InputError } from "@aitracks/core/errors";
import { requireFinite } from "../finite";
import { out, runCommand } from "../run";

function core(): typeof Core {
  return require("@aitracks/core/decision") as typeof Core;
}

interface ReviewFlags {
  json?: boolean;
  format?: string;
  decision?: string;
  workload?: string;
  today?: string;
}

const FORMATS = ["text", "github-comment"] as const;

const HELP = `
A decision record written by \`aitracks decide <decision> --adr <record.md> [--workload <workload>]\`
keeps its inputs in its front matter. \`review\` asks the question again: the decision with today's
rules (as of the record's decidedOn, so its review date stays) and, when the record kept a
workload, the three-year totals and crossovers with today's catalog and token prices. It prints
each option's total then -> now, the cheapest option and the crossovers then -> now, the
recommendation then -> now, and the days to (or past) the review date.

Updated facts (a re-measured API baseline, a new budget): --decision <file> re-runs with that file
instead of the record's copy; --workload <file> likewise for the volume and prices.

Exit codes: 0 nothing changed and the review is not due; 1 the review is due, or the
recommendation or the cheapest option changed; 2 bad input (one line naming the field).

Examples:
  $ aitracks review docs/adr/0007-claims-triage.md
  $ aitracks review docs/adr/*.md --format github-comment
  $ aitracks review docs/adr/0007-claims-triage.md --decision decision.yaml --json
`;

export function registerReview(program: Command, setExit: (code: number) => void): void {
  program
    .command("review <records...>")
    .description("re-ask recorded decisions with today's prices: what moved since, and whether the review is due")
    .option("--json", "print the reviews as JSON for machines")
    .option("--format <format>", `text or github-comment (Markdown for a pull request or issue)`, "text")
    .option("--decision <file>", "re-run with this decision file instead of the record's copy (one record only)")
    .option("--workload <file>", "re-price with this workload file instead of the record's copy (one record only)")
    .option("--today <YYYY-MM-DD>", "take this date as today (reproducible reviews)")
    .addHelpText("after", HELP)
    .action(async (records: string[], flags: ReviewFlags) => {
      setExit(await runCommand(() => review(records, flags)));
    });
}

interface OneReview extends Core.Reconsidered {
  readonly record: string;
  readonly exitCode: number;
}

function review(records: readonly string[], flags: ReviewFlags): number {
  const c = core();
  const problems: string[] = [];
  if (!(FORMATS as readonly string[]).includes(flags.format ?? "text")) problems.push(`--format: expected one of ${FORMATS.join(", ")}, got ${JSON.stringify(flags.format)}`);
  if (flags.json && flags.format !== undefined && flags.format !== "text") problems.push("--json and --format: give one of them");
  if (records.length > 1 && flags.decision !== undefined) problems.push("--decision: only with one record");
  if (records.length > 1 && flags.workload !== undefined) problems.push("--workload: only with one record");
  if (flags.today !== undefined && !c.decisionDate.safeParse(flags.today).success) problems.push(`--today: expected a date YYYY-MM-DD, got ${JSON.stringify(flags.today)}`);
  if (problems.length) throw new InputError(problems);
  const today = flags.today ?? c.todayIso();

  // Everything is read and checked before anything is printed: bad input is exit 2 with nothing else.
  const catalog = c.loadCatalog();
  const pricesAsOf = c.pricesStatus(catalog).asOf ?? "unknown";
  const decisionFile = flags.decision === undefined ? undefined : c.loadFile(c.decisionSchema, flags.decision);
  const workloadFile = flags.workload === undefined ? undefined : c.loadFile(c.workloadFileSchema, flags.workload);
  const reviews: OneReview[] = records.map((path) => {
    const record = c.parseDecisionRecord(c.readInputText(path), path);
    const snap = record.snapshot;
    if (!snap && !decisionFile) {
      throw new InputError(`${path}: aitracks: the record keeps no inputs to review (write it with aitracks decide <decision> --adr ${path} --workload <workload>, or give --decision <file>)`);
    }
    const decision = decisionFile ?? c.parseOrThrow(c.decisionSchema, snap!.decision, `${path}: aitracks.decision.`);
    const workload = workloadFile ?? (snap?.workload === undefined ? undefined : c.parseOrThrow(c.workloadFileSchema, snap.workload, `${path}: aitracks.workload.`));
    let tco: Core.ReconsiderInputs["tco"];
    if (workload) {
      try {
        tco = { model: c.resolveTco(workload), pricesAsOf };
      } catch (err) {
        if (err instanceof InputError) throw new InputError(err.lines.map((l) => `${flags.workload ?? `${path}: aitracks.workload`}: ${l}`));
        throw err;
      }
    }
    const result = c.reconsider({ record, decision, today, ...(tco ? { tco } : {}) });
    if (result.tco) requireFinite(path, result.tco.options.map((o) => [`the ${o.option} total`, o.nowUsd] as const));
    return { record: path, ...result, exitCode: result.reasons.length ? 1 : 0 };
  });
  const exitCode = Math.max(0, ...reviews.map((r) => r.exitCode));
  if (flags.json) out(JSON.stringify({ version: 1, today, exitCode, reviews }, null, 2));
  else if (flags.format === "github-comment") out(reviews.map(markdown).join("\n\n"));
  else out(reviews.map(text).join("\n\n"));
  return exitCode;
}

// ---------------------------------------------------------------------------------------------
// Rendering

const usd = (n: number | null) => (n === null ? "-" : `$${Math.round(n).toLocaleString("en-US")}`);
const pct = (f: number | null) => (f === null ? "" : `${f >= 0 ? "+" : ""}${(f * 100).toFixed(1)}%`);
const vol = (n: number) => n.toLocaleString("en-US");

function when(r: OneReview): string {
  if (r.daysToReview > 0) return `in ${r.daysToReview} day${r.daysToReview === 1 ? "" : "s"}`;
  if (r.daysToReview === 0) return "today: due";
  return `${-r.daysToReview} day${r.daysToReview === -1 ? "" : "s"} ago: due`;
}

function thenNow<T>(then: T | null, now: T, show: (v: T) => string = String): string {
  if (then === null) return `${show(now)} (the record has no figure)`;
  return then === now ? `${show(now)} (unchanged)` : `${show(then)} -> ${show(now)} (changed)`;
}

function crossoverLines(x: NonNullable<OneReview["tco"]>["crossovers"]): string[] {
  const key = (c: Core.Crossover) => `${c.cheaper}>${c.than}`;
  const keys = [...new Set([...(x.then ?? []).map(key), ...x.now.map(key)])];
  return keys.map((k) => {
    const [cheaper, than] = k.split(">");
    const then = x.then?.find((c) => key(c) === k);
    const now = x.now.find((c) => key(c) === k);
    const a = then ? vol(then.aboveRequestsPerDay) : x.then === null ? "?" : "none";
    const b = now ? vol(now.aboveRequestsPerDay) : "none";
    return `${cheaper} cheaper than ${than} above ${a === b ? `${b} requests/day (unchanged)` : `${a} -> ${b} requests/day`}`;
  });
}

function text(r: OneReview): string {
  const c = core();
  const lines: string[] = [];
  lines.push(`Review of ${c.printableLine(r.record)}: decided on ${r.decidedOn}, review by ${r.reviewDate} (${when(r)})`);
  lines.push(`  recommendation: ${thenNow(r.recommendation.then ?? "none", r.recommendation.now ?? "none")}`);
  if (r.newReviewDate) lines.push(`  the updated decision would be reviewed by ${r.newReviewDate}`);
  if (r.tco) {
    lines.push(`  three-year totals (prices as of ${r.tco.pricesAsOf.then ?? "?"} -> ${r.tco.pricesAsOf.now}):`);
    for (const o of r.tco.options) lines.push(`    ${o.option.padEnd(10)} ${usd(o.thenUsd).padStart(12)} -> ${usd(o.nowUsd).padStart(12)}  ${pct(o.change)}`);
    lines.push(`  cheapest eligible: ${thenNow(r.tco.cheapest.then, r.tco.cheapest.now)}`);
    for (const l of crossoverLines(r.tco.crossovers)) lines.push(`  crossover: ${l}`);
  } else {
    lines.push("  three-year totals: the record kept no workload (decide --adr … --workload <file> keeps one)");
  }
  lines.push(r.reasons.length ? `Attention: ${r.reasons.join("; ")}.` : `Nothing changed; the next review is ${when(r)}.`);
  return lines.join("\n");
}

function markdown(r: OneReview): string {
  const c = core();
  const md: string[] = [];
  md.push(`### ${r.reasons.length ? "Decision review needed" : "Decision review: nothing changed"}: \`${c.printableLine(r.record).replace(/`/g, "'")}\``, "");
  md.push(`Decided on ${r.decidedOn}; review by **${r.reviewDate}** (${when(r)}).`, "");
  md.push(`| | then | now |`, `| --- | --- | --- |`);
  md.push(`| recommendation | ${r.recommendation.then ?? "none"} | ${r.recommendation.now ?? "none"} |`);
  if (r.tco) {
    md.push(`| prices as of | ${r.tco.pricesAsOf.then ?? "?"} | ${r.tco.pricesAsOf.now} |`);
    for (const o of r.tco.options) md.push(`| ${o.option}: three-year total | ${usd(o.thenUsd)} | ${usd(o.nowUsd)} ${pct(o.change)} |`);
    md.push(`| cheapest eligible | ${r.tco.cheapest.then ?? "?"} | ${r.tco.cheapest.now} |`);
  }
  md.push("");
  if (r.tco) for (const l of crossoverLines(r.tco.crossovers)) md.push(`- ${l}`);
  if (r.reasons.length) md.push("", `**Why:** ${r.reasons.join("; ")}.`);
  return md.join("\n");
}
