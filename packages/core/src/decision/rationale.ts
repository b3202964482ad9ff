import type { Choice } from "./choose";
import { rankOptions } from "./choose";
import { round1 } from "./matrix";
import { DECISION_OPTIONS, type DecisionOption } from "./options";
import { criterionLabel } from "./sensitivity";
import type { DecisionWarning } from "./types";

/** Warning codes that flag one of the framework's anti-patterns, with the pattern's name. */
export const ANTI_PATTERNS: Readonly<Record<string, string>> = {
  "fine-tune-too-little-data": "fine-tuning with too little data",
  "build-api-suffices": "building from scratch when an API would suffice",
  "build-without-baseline": "building from scratch when an API would suffice",
  "no-baseline": "no before/after evaluation",
  "per-token-costs": "ignoring per-token costs at scale",
  "review-due": "treating this as a one-time decision",
};

function signed(x: number): string {
  return `${x >= 0 ? "+" : "-"}${Math.abs(round1(x)).toFixed(1)}`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * The criteria that separate `winner` from `other`: per criterion, the difference of the two
 * options' points (weight x fit / total weight x 100), largest first.
 */
export function drivers(choice: Choice, winner: DecisionOption, other: DecisionOption): string {
  const diffs = choice.matrix.rows
    .map((r) => ({ label: criterionLabel(r.criterion), d: r.options[winner].points - r.options[other].points }))
    .sort((a, b) => Math.abs(b.d) - Math.abs(a.d));
  const gains = diffs.filter((x) => x.d >= 0.05).slice(0, 3);
  const losses = diffs.filter((x) => x.d <= -0.05).slice(0, 2);
  const score = (o: DecisionOption) => round1(choice.matrix.scores[o]).toFixed(1);
  const parts: string[] = [];
  if (gains.length) parts.push(`${winner} gains most on ${list(gains.map((g) => `${g.label} (${signed(g.d)} points)`))}`);
  if (losses.length) parts.push(`${other} does better on ${list(losses.map((g) => `${g.label} (${signed(-g.d)})`))}`);
  if (!parts.length) return `Against ${other} (${score(other)}): no criterion separates them.`;
  return `Against ${other} (${score(other)}): ${parts.join("; ")}.`;
}

/** Sentences that explain the recommendation: drivers, gates, the 90% rule, anti-patterns. */
export function buildRationale(choice: Choice, warnings: readonly DecisionWarning[]): string[] {
  const { scores } = choice.matrix;
  const { eligible } = choice.gates;
  const rec = choice.recommendation;
  const ranked = rankOptions(scores);
  const s = (o: DecisionOption) => round1(scores[o]).toFixed(1);
  const tag = (o: DecisionOption) => `${o} ${s(o)}`;
  const out: string[] = [];

  if (rec === null) {
    const top = ranked[0] ?? "build";
    out.push(`No recommendation: every option fails a gate; on the weights alone ${top} would lead at ${s(top)}/100.`);
  } else if (choice.rule.outcome === "overrides" && choice.leader) {
    out.push(`Recommended: buy (${s("buy")}/100) by the 90% rule; on the weights alone ${choice.leader} leads at ${s(choice.leader)}.`);
    out.push(drivers(choice, "buy", choice.leader));
  } else {
    const others = ranked.filter((o) => o !== rec);
    const rest = others.filter((o) => eligible[o]).map(tag);
    const out_ = others.filter((o) => !eligible[o]).map(tag);
    const then = [rest.length ? `then ${rest.join(", ")}` : "the only eligible option", out_.length ? `ineligible: ${out_.join(", ")}` : ""]
      .filter(Boolean)
      .join("; ");
    out.push(`Recommended: ${rec}, the highest-scoring eligible option at ${s(rec)}/100 (${then}).`);
    const alt = others.find((o) => eligible[o]) ?? others[0];
    if (alt) out.push(drivers(choice, rec, alt));
  }

  for (const o of DECISION_OPTIONS) {
    if (eligible[o]) continue;
    const beats =
      rec === null || scores[o] <= scores[rec] ? "" : ranked[0] === o ? " - it would otherwise score highest" : ` - it would otherwise beat ${rec}`;
    out.push(`${o} is ineligible: ${choice.gates.ineligibleBecause[o].join("; ")}${beats}.`);
  }

  out.push(choice.rule.message);

  const flagged = [...new Set(warnings.map((w) => ANTI_PATTERNS[w.code]).filter((x): x is string => !!x))];
  if (flagged.length) out.push(`Framework anti-patterns flagged: ${list(flagged.map((f) => `"${f}"`))} (see warnings).`);
  return out;
}
