/**
 * Pull-request comments (GitHub-flavoured Markdown) for `aitracks cost --format github-comment`
 * and `aitracks check --format github-comment`.
 *
 * Stable by design, so a pipeline can update one comment in place instead of adding one per push:
 * the first line is an HTML comment marker naming the kind and the stack (find the comment that
 * starts with it, then edit it), and the body holds no timestamp, no run id and no random order:
 * the same inputs always give the same bytes.
 *
 * The cost comment is the cost estimator's own pull-request Markdown (core/cost/markdown.ts:
 * monthly total and delta, budget, changed resources, breakdown folded away): one renderer of
 * the estimate, whichever name the format goes by. The policy comment is built here.
 */
import type * as Core from "@aitracks/core";
import type { PolicyVerdictLike } from "../report/model";

/** The cost comment: `aitracks cost --format github-comment` (the same text as --format markdown). */
export function costComment(core: typeof Core, doc: Core.CostJson, diff?: Core.CostDiff, gateReasons: readonly string[] = []): string {
  const md = core.costMarkdown(doc, diff, gateReasons);
  return md.endsWith("\n") ? md : `${md}\n`;
}

/** The first line of a check comment for `stack`: search for it to update the comment in place. */
export function checkCommentMarker(stack: string): string {
  return `<!-- aitracks:check stack=${markerSafe(stack)} -->`;
}

export interface CheckCommentInput {
  readonly stack: string;
  readonly violations: readonly PolicyVerdictLike[];
  readonly notes?: readonly { readonly policy: string; readonly urn?: string | null; readonly reason: string }[];
  /** How many resources were analysed. */
  readonly resources?: number;
  readonly pack?: { readonly name: string; readonly version: string };
}

const LEVELS = ["mandatory", "advisory"] as const;
/** Mandatory violations shown in the open; the rest are folded into details. */
const OPEN_MANDATORY = 20;
/** Rows per level at most (a comment holds at most 65,536 characters). */
const MAX_ROWS = 150;

export function renderCheckComment(input: CheckCommentInput): string {
  const lines: string[] = [checkCommentMarker(input.stack)];
  const byLevel = new Map<string, PolicyVerdictLike[]>();
  for (const v of input.violations) byLevel.set(v.level, [...(byLevel.get(v.level) ?? []), v]);
  const levels = [...new Set([...LEVELS.filter((l) => byLevel.has(l)), ...[...byLevel.keys()].sort()])];
  const mandatory = byLevel.get("mandatory")?.length ?? 0;
  const verdict = mandatory > 0 ? "fails" : "passes";
  const counts = levels.map((l) => `${byLevel.get(l)!.length} ${l}`).join(", ");
  lines.push(`### aitracks check: \`${code(input.stack)}\` ${verdict}`, "");
  lines.push(
    input.violations.length === 0
      ? `No policy violations${input.resources !== undefined ? ` in ${input.resources} resources` : ""}.`
      : `${counts} violation${input.violations.length === 1 ? "" : "s"}${input.resources !== undefined ? ` in ${input.resources} resources` : ""}${mandatory > 0 ? ": mandatory violations fail the pipeline" : ": advisory only, the pipeline passes"}.`,
    "",
  );
  const head = ["| Policy | Resource | Message |", "| --- | --- | --- |"];
  const row = (v: PolicyVerdictLike) => `| \`${code(v.policy)}\` | ${v.urn ? `\`${code(urnName(v.urn))}\`` : "stack"} | ${cell(v.message)} |`;
  for (const level of levels) {
    const vs = sortVerdicts(byLevel.get(level)!);
    // GitHub refuses comments over 65,536 characters: list at most MAX_ROWS per level.
    const listed = vs.slice(0, MAX_ROWS);
    const cut = vs.length > listed.length ? [`| | | ${vs.length - listed.length} more: run \`aitracks check\` for all of them |`] : [];
    if (level === "mandatory") {
      // The first ones in the open, where a reviewer sees them; the rest folded.
      const open = listed.slice(0, OPEN_MANDATORY);
      lines.push(`**Mandatory (${vs.length})**`, "", ...head, ...open.map(row), ...(listed.length > open.length ? [] : cut), "");
      if (listed.length > open.length) {
        lines.push(`<details><summary>${vs.length - open.length} more mandatory</summary>`, "", ...head, ...listed.slice(open.length).map(row), ...cut, "", "</details>", "");
      }
    } else {
      lines.push(`<details${level === "advisory" && mandatory === 0 ? " open" : ""}><summary>${capitalize(level)} (${vs.length})</summary>`, "", ...head, ...listed.map(row), ...cut, "", "</details>", "");
    }
  }
  const notes = input.notes ?? [];
  if (notes.length) {
    lines.push(`<details><summary>Notes (${notes.length}): policies that could not decide yet</summary>`, "");
    for (const n of [...notes].sort((a, b) => a.policy.localeCompare(b.policy) || (a.urn ?? "").localeCompare(b.urn ?? ""))) {
      lines.push(`- \`${code(n.policy)}\`${n.urn ? ` on \`${code(urnName(n.urn))}\`` : ""}: ${cell(n.reason)}`);
    }
    lines.push("", "</details>", "");
  }
  lines.push(`<sub>Checked offline by aitracks${input.pack ? ` with policy pack ${input.pack.name} ${input.pack.version}` : ""}.</sub>`);
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------

function sortVerdicts(vs: readonly PolicyVerdictLike[]): PolicyVerdictLike[] {
  return [...vs].sort((a, b) => a.policy.localeCompare(b.policy) || (a.urn ?? "").localeCompare(b.urn ?? "") || a.message.localeCompare(b.message));
}

/** The resource name at the end of a URN (`...::assistant-invocation-logs`). */
export function urnName(urn: string): string {
  return urn.split("::").pop() ?? urn;
}

/** A table cell: no pipe or newline may break the row; HTML is shown, not rendered. */
function cell(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, "<br>");
}

/** Inside backticks: a backtick would end the span, a pipe would split the cell. */
function code(s: string): string {
  return s.replace(/`/g, "'").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function markerSafe(s: string): string {
  return s.replace(/--+/g, "-").replace(/[<>\s]/g, "_");
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

