/**
 * Pull-request comments (GitHub-flavoured Markdown) for `aitracks cost --format github-comment`
 * and `aitracks check --format github-comment`.
 *
 * Stable by design, so a pipeline can update one comment in place instead of adding one per push:
 * the first line is an HTML comment marker naming the kind and the stack (find the comment that
 * starts with it, then edit it), and the body holds no timestamp, no run id and no random order:
 * the same inputs always give the same bytes.
 */
import { cloudOf, shortType } from "../report/charts/data";
import type { CostEstimateLike, CostResourceLike, PolicyVerdictLike } from "../report/model";

/** The first line of a cost comment for `stack`: search for it to update the comment in place. */
export function costCommentMarker(stack: string): string {
  return `<!-- aitracks:cost stack=${markerSafe(stack)} -->`;
}

export function checkCommentMarker(stack: string): string {
  return `<!-- aitracks:check stack=${markerSafe(stack)} -->`;
}

export interface CostCommentInput {
  readonly stack: string;
  readonly current: CostEstimateLike;
  /** The estimate of the base branch (`aitracks cost --json` there), for the delta. */
  readonly base?: CostEstimateLike;
  /** The stack's monthly budget (aitracks:budget.maxMonthlyUsd), to say how much is used and whether the change crosses it. */
  readonly budgetUsd?: number;
  /** How many changed resources the table shows before the rest fold into the details; default 10. */
  readonly top?: number;
}

export interface ResourceChange {
  readonly urn: string;
  readonly name: string;
  readonly type: string;
  readonly change: "added" | "removed" | "changed";
  readonly baseUsd: number;
  readonly currentUsd: number;
  readonly deltaUsd: number;
}

/**
 * What each resource adds or removes per month between two estimates, matched by URN; resources
 * whose cost did not change are left out. Largest change first (by absolute value), then by URN.
 */
export function resourceChanges(base: CostEstimateLike, current: CostEstimateLike): ResourceChange[] {
  const before = new Map(base.resources.map((r) => [r.urn, r]));
  const after = new Map(current.resources.map((r) => [r.urn, r]));
  const changes: ResourceChange[] = [];
  for (const urn of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(urn);
    const a = after.get(urn);
    const baseUsd = b?.monthlyUsd ?? 0;
    const currentUsd = a?.monthlyUsd ?? 0;
    const deltaUsd = cents(currentUsd - baseUsd);
    const change = !b ? "added" : !a ? "removed" : "changed";
    // Same cost, or a free resource added or removed: nothing to review in a cost comment.
    if (deltaUsd === 0) continue;
    const r = (a ?? b)!;
    changes.push({ urn, name: nameOf(r), type: r.type, change, baseUsd, currentUsd, deltaUsd });
  }
  return changes.sort((x, y) => Math.abs(y.deltaUsd) - Math.abs(x.deltaUsd) || x.urn.localeCompare(y.urn));
}

export function renderCostComment(input: CostCommentInput): string {
  const { current, base, budgetUsd } = input;
  const top = input.top ?? 10;
  const lines: string[] = [costCommentMarker(input.stack)];
  lines.push(`### aitracks cost: \`${code(input.stack)}\``, "");

  const total = current.monthlyUsd;
  let headline = `**${usd(total)} / month**`;
  if (base) {
    const delta = cents(total - base.monthlyUsd);
    headline += ` (${signedUsd(delta)}${base.monthlyUsd > 0 ? `, ${signedPercent(delta / base.monthlyUsd)}` : ""} vs base ${usd(base.monthlyUsd)})`;
  }
  const facts: string[] = [headline];
  if (current.threeYearUsd !== undefined) facts.push(`3 years: ${usd(current.threeYearUsd)}`);
  if (budgetUsd !== undefined && budgetUsd > 0) facts.push(`budget ${usd(budgetUsd)} a month (${Math.round((total / budgetUsd) * 1000) / 10}% used)`);
  lines.push(facts.join(" · "), "");

  if (budgetUsd !== undefined && budgetUsd > 0) {
    if (total > budgetUsd && (!base || base.monthlyUsd <= budgetUsd)) {
      lines.push(`> [!WARNING]`, `> This change takes the stack over its monthly budget of ${usd(budgetUsd)} by ${usd(total - budgetUsd)}.`, "");
    } else if (total > budgetUsd) {
      lines.push(`> [!WARNING]`, `> The stack is over its monthly budget of ${usd(budgetUsd)} by ${usd(total - budgetUsd)} (it already was on the base branch).`, "");
    }
  }

  if (base) {
    const changes = resourceChanges(base, current);
    if (changes.length === 0) {
      lines.push("No resource changes its monthly cost.", "");
    } else {
      const shown = changes.slice(0, top);
      lines.push(`**${changes.length === 1 ? "1 resource changes" : `${changes.length} resources change`} its monthly cost**${changes.length > shown.length ? ` (the ${shown.length} largest):` : ":"}`, "");
      lines.push("| Resource | Type | Change | Base | Now | Per month |", "| --- | --- | --- | ---: | ---: | ---: |");
      for (const c of shown) {
        lines.push(`| \`${code(c.name)}\` | ${cell(shortType(c.type))} | ${c.change} | ${c.change === "added" ? "-" : usd(c.baseUsd)} | ${c.change === "removed" ? "-" : usd(c.currentUsd)} | **${signedUsd(c.deltaUsd)}** |`);
      }
      lines.push("");
      if (changes.length > shown.length) {
        lines.push(`<details><summary>${changes.length - shown.length} more changed resources</summary>`, "");
        lines.push("| Resource | Type | Change | Per month |", "| --- | --- | --- | ---: |");
        for (const c of changes.slice(shown.length)) lines.push(`| \`${code(c.name)}\` | ${cell(shortType(c.type))} | ${c.change} | ${signedUsd(c.deltaUsd)} |`);
        lines.push("", "</details>", "");
      }
    }
  }

  const priced = [...current.resources].filter((r) => r.monthlyUsd !== 0).sort((a, b) => b.monthlyUsd - a.monthlyUsd || a.urn.localeCompare(b.urn));
  lines.push(`<details><summary>Monthly cost by resource (${priced.length} priced)</summary>`, "");
  if (priced.length) {
    lines.push("| Resource | Type | Cloud | Cost component | Per month |", "| --- | --- | --- | --- | ---: |");
    for (const r of priced) {
      const comps = (r.components ?? []).filter((c) => c.monthlyUsd !== 0);
      if (comps.length === 0) {
        lines.push(`| \`${code(nameOf(r))}\` | ${cell(shortType(r.type))} | ${cloudOf(r.type)} | | ${usd(r.monthlyUsd)} |`);
        continue;
      }
      comps.forEach((c, i) => {
        const what = `${c.name}${c.monthlyQuantity !== undefined && c.unit ? ` (${quantity(c.monthlyQuantity)} ${c.unit}${c.unitPriceUsd !== undefined ? ` x ${unitPrice(c.unitPriceUsd)}` : ""})` : ""}`;
        lines.push(i === 0 ? `| \`${code(nameOf(r))}\` | ${cell(shortType(r.type))} | ${cloudOf(r.type)} | ${cell(what)} | ${usd(c.monthlyUsd)} |` : `| | | | ${cell(what)} | ${usd(c.monthlyUsd)} |`);
      });
    }
    lines.push(`| **Total** | | | | **${usd(total)}** |`);
  } else {
    lines.push("No resource of this stack has a monthly cost.");
  }
  lines.push("", "</details>", "");

  const unpriced = current.unpriced ?? [];
  if (unpriced.length) {
    lines.push(`<details><summary>${unpriced.length} unpriced resource${unpriced.length === 1 ? "" : "s"} (not counted in the total)</summary>`, "");
    for (const u of [...unpriced].map(unpricedText).sort()) lines.push(`- ${u}`);
    lines.push("", "</details>", "");
  }
  lines.push(`<sub>Estimated offline by aitracks from the stack's resource graph${current.pricesAsOf ? `; prices as of ${current.pricesAsOf}` : ""}. Usage-based items use the stack's workload profile.</sub>`);
  return `${lines.join("\n")}\n`;
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
  for (const level of levels) {
    const vs = sortVerdicts(byLevel.get(level)!);
    const table = ["| Policy | Resource | Message |", "| --- | --- | --- |", ...vs.map((v) => `| \`${code(v.policy)}\` | ${v.urn ? `\`${code(urnName(v.urn))}\`` : "stack"} | ${cell(v.message)} |`)];
    if (level === "mandatory") {
      lines.push(`**Mandatory (${vs.length})**`, "", ...table, "");
    } else {
      lines.push(`<details${level === "advisory" && mandatory === 0 ? " open" : ""}><summary>${capitalize(level)} (${vs.length})</summary>`, "", ...table, "", "</details>", "");
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

function nameOf(r: CostResourceLike): string {
  return r.name ?? urnName(r.urn);
}

function unpricedText(u: string | { readonly urn?: string; readonly type: string; readonly reason?: string }): string {
  if (typeof u === "string") return `\`${code(u)}\``;
  return `\`${code(u.urn ? urnName(u.urn) : u.type)}\` (${cell(u.type)}${u.reason ? `: ${cell(u.reason)}` : ""})`;
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

function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

function usd(x: number): string {
  const sign = x < 0 ? "-" : "";
  return `${sign}$${Math.abs(cents(x)).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function signedUsd(x: number): string {
  const r = cents(x);
  return r > 0 ? `+${usd(r)}` : r < 0 ? usd(r) : "$0.00";
}

function signedPercent(f: number): string {
  const p = Math.round(f * 1000) / 10;
  return `${p > 0 ? "+" : ""}${p.toFixed(1)}%`;
}

function quantity(q: number): string {
  return q.toLocaleString("en-US", { maximumFractionDigits: q < 10 ? 3 : 1 });
}

function unitPrice(p: number): string {
  return `$${p.toLocaleString("en-US", { maximumFractionDigits: p < 1 ? 6 : 4 })}`;
}
