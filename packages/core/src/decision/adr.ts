import { CRITERION_LABELS, type DecisionInput } from "../schema/decision";
import { enUsNumber, markdownInline, printable, printableLine } from "../text";
import { checklistStatus } from "./checklist";
import { usd } from "./gates";
import { DECISION_OPTIONS, type DecisionOption } from "./options";
import { criterionLabel } from "./sensitivity";
import type { RecordSnapshot } from "./record";
import type { Decision } from "./types";

/** What each track means in practice: the framework's trade-off table. */
export const TRACK_PROFILES: Readonly<Record<DecisionOption, readonly string[]>> = {
  build: [
    "Time to production: 6-18 months.",
    "Upfront cost: $500K-$5M+ in compute; ongoing: infrastructure and a team.",
    "Team: 10-50 ML engineers; data: massive and unique.",
    "Differentiation and control: maximum - and so is the maintenance burden.",
  ],
  buy: [
    "Time to production: days to weeks.",
    "Upfront cost: near zero; ongoing: per token, subject to the provider's pricing changes.",
    "Team: 1-3 developers; no training data needed.",
    "Differentiation and control: minimal; data flows through a third party.",
  ],
  "fine-tune": [
    "Time to production: 2-8 weeks.",
    "Upfront cost: $10K-$100K in compute; ongoing: infrastructure and a smaller team.",
    "Team: 3-8 ML engineers; data: 1K-100K labelled examples.",
    "Differentiation and control: moderate; you host or own the adapted weights.",
  ],
  hybrid: [
    "Buy (API) for prototypes and low-volume features; fine-tune for the high-volume feature where accuracy matters.",
    "Two tracks to run and evaluate: the API's per-token bill plus fine-tuning's infrastructure and team.",
    "Route traffic deliberately: which requests go to the API, which to the fine-tuned model.",
  ],
};

export interface AdrOptions {
  /** The decision file, named in the record. */
  readonly source?: string;
  /** What `aitracks review` needs to ask again: the inputs as data and that day's figures. */
  readonly snapshot?: RecordSnapshot;
}

/** A Markdown table cell: no pipes or newlines. */
function cell(text: string | number): string {
  return String(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (r: readonly (string | number)[]) => `| ${r.map(cell).join(" | ")} |`;
  return [line(head), `| ${head.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}

function fact(value: unknown, format: (v: never) => string = String): string {
  return value === undefined ? "not given" : format(value as never);
}

/**
 * YAML for a record's front matter. Strings holding control or bidi characters (a useCase kept in
 * the record's copy of the decision) are written double-quoted with those characters as \uXXXX
 * escapes: the record shows them, and reading it back gives the same text.
 */
function frontMatterYaml(value: unknown): string {
  // Loaded here: the decision entry is loaded by commands that write no record.
  const { Document, visit } = require("yaml") as typeof import("yaml");
  const doc = new Document(value);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && (printable(node.value) !== node.value || /[\r\n\t]/.test(node.value))) node.type = "QUOTE_DOUBLE";
    },
  });
  // Only double-quoted scalars can hold such characters now, and \uXXXX is their escape there.
  return printable(doc.toString({ lineWidth: 0 }));
}

/**
 * The decision record (ADR) as Markdown. Its YAML front matter - track, decidedOn, reviewDate,
 * useCase, scores - is what later tooling (policies tagging resources with the review date,
 * reports) reads; the body is for people.
 */
export function renderAdr(input: DecisionInput, decision: Decision, options: AdrOptions = {}): string {
  const facts = input.facts ?? {};
  const rec = decision.recommendation;
  const useCase = input.useCase ?? null;
  const front = frontMatterYaml(
    {
      track: rec,
      decidedOn: decision.decidedOn,
      reviewDate: decision.reviewDate,
      // Shown as text (GitHub renders front matter as a table): control and bidi characters visible.
      useCase: useCase === null ? null : printable(useCase),
      scores: { ...decision.scores },
      eligible: { ...decision.eligible },
      ...(options.source ? { source: options.source } : {}),
      ...(options.snapshot ? { aitracks: options.snapshot } : {}),
    },
  );
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
  // The use case and the file name are input: one line each in the body, shown, never markup.
  const shownUseCase = useCase === null ? null : markdownInline(useCase);
  const source = options.source === undefined ? undefined : printableLine(options.source).replace(/`/g, "'");
  const title = `${shownUseCase ?? "AI capability"}: ${rec ?? "no eligible option"}`;
  const md: string[] = [];
  md.push("---", front.trimEnd(), "---", "");
  md.push(`# Decision record: ${title}`, "");
  md.push(
    `Decided on ${decision.decidedOn}; review by **${decision.reviewDate}** (every ${decision.reviewAfterMonths} months)` +
      (source ? `. Source: \`${source}\`, scored with \`aitracks decide\`.` : "."),
    "",
  );

  md.push("## Context", "");
  md.push(`Use case: ${shownUseCase ?? "not named"}.`, "");
  md.push(
    table(
      ["Fact", "Value"],
      [
        ["Accuracy target", fact(facts.accuracyTarget, pct)],
        ["Best API baseline accuracy", fact(facts.apiBaselineAccuracy, pct)],
        ["Labelled examples", fact(facts.labeledExamples, enUsNumber)],
        ["Budget", fact(facts.budgetUsd, usd)],
        ["ML engineers", fact(facts.mlEngineers)],
        ["Data may go to a third-party API", fact(facts.dataSharingAllowed, (b: boolean) => (b ? "yes" : "no"))],
      ],
    ),
    "",
  );

  md.push("## Options and scores", "");
  md.push(
    "Each criterion is scored 1-5 (5 = it holds strongly) and weighted. An option's fit is " +
      "1 - |score - its ideal score| / 4; hybrid's is 0.9 x the better of buy and fine-tune. " +
      "An option's score is the weighted mean fit x 100.",
    "",
  );
  md.push(
    table(
      ["Criterion (5 means)", "Score", "Weight", ...DECISION_OPTIONS],
      [
        ...decision.matrix.map((r) => [
          `${CRITERION_LABELS[r.criterion].name} (${CRITERION_LABELS[r.criterion].five})`,
          r.score,
          r.weight,
          ...DECISION_OPTIONS.map((o) => r.options[o].fit.toFixed(2)),
        ]),
        [
          "**Score /100**",
          "",
          "",
          ...DECISION_OPTIONS.map((o) => {
            const s = decision.scores[o].toFixed(1);
            if (o === rec) return `**${s}** (recommended)`;
            return decision.eligible[o] ? s : `${s} (ineligible)`;
          }),
        ],
      ],
    ),
    "",
  );

  md.push("## Decision and why", "");
  md.push(rec ? `**${rec}** (${decision.scores[rec].toFixed(1)}/100).` : "**No option is eligible.**", "");
  // The 90% rule has its own section just below.
  for (const r of decision.rationale) if (r !== decision.ninetyPercentRule.message) md.push(`- ${r}`);
  md.push("", "### The 90% rule", "", decision.ninetyPercentRule.message, "");
  md.push("### Sensitivity", "", decision.sensitivity.summary, "");
  const flips = Object.values(decision.sensitivity.byCriterion).filter((f) => f !== null);
  if (flips.length) {
    md.push(
      table(
        ["Criterion", "Weight now", "Weight that flips it", "Flips to"],
        flips.map((f) => [criterionLabel(f.criterion), f.fromWeight, f.toWeight, f.flipsTo]),
      ),
      "",
    );
  }

  const tco = options.snapshot?.tco;
  if (tco) {
    md.push("## Three-year cost", "");
    md.push(
      `Over ${tco.horizonMonths} months at the workload's volume, point values, prices as of ${options.snapshot?.pricesAsOf ?? "unknown"} ` +
        `(\`aitracks tco\` for the ranges):`,
      "",
    );
    md.push(
      table(
        ["Option", "Total", "Eligible"],
        Object.entries(tco.totals).map(([o, usdTotal]) => [
          o === tco.cheapest ? `**${o}** (cheapest)` : o,
          usd(usdTotal),
          decision.eligible[o as DecisionOption] === false ? "no" : "yes",
        ]),
      ),
      "",
    );
    for (const c of tco.crossovers) md.push(`- ${c.cheaper} is cheaper than ${c.than} above ${enUsNumber(c.aboveRequestsPerDay)} requests/day.`);
    if (tco.crossovers.length) md.push("");
  }

  md.push("## Consequences", "");
  if (rec) for (const line of TRACK_PROFILES[rec]) md.push(`- ${line}`);
  md.push("");
  if (decision.warnings.length) {
    md.push("### Warnings", "");
    for (const w of decision.warnings) md.push(`- **${w.level}** \`${w.code}\`: ${w.message}`);
    md.push("");
  }

  md.push("## Architect's checklist", "");
  const items = checklistStatus(input, decision, true);
  for (const item of items) md.push(`- [${item.done ? "x" : " "}] ${item.label}${item.source ? ` _(${item.source})_` : ""}`);
  md.push("", `${items.filter((i) => i.done).length} of ${items.length} done.`, "");

  md.push("## Review", "");
  md.push(
    `Revisit by **${decision.reviewDate}**: models improve and prices drop roughly every six months, so a use case ` +
      `that needed ${rec === "buy" ? "an API today may need fine-tuning at scale, or the reverse" : "fine-tuning or building today may be solvable with a prompt then"}. ` +
      `Re-measure the API baseline, update the facts and re-run \`aitracks decide${source ? ` ${source}` : ""}\`` +
      (options.snapshot ? `; \`aitracks review\` on this record re-asks it with today's prices and says what moved.` : "."),
    "",
  );
  return md.join("\n");
}
