import type { CostDiff } from "./diff";
import type { CostJson } from "./json";

export function formatUsd(x: number): string {
  const sign = x < 0 ? "-" : "";
  return `${sign}$${Math.abs(x).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function signed(x: number): string {
  return x > 0 ? `+${formatUsd(x)}` : formatUsd(x);
}

export function formatQuantity(x: number): string {
  if (x === 0) return "0";
  if (Math.abs(x) >= 1000) return x.toLocaleString("en-US", { maximumFractionDigits: 0 });
  if (Math.abs(x) >= 1) return x.toLocaleString("en-US", { maximumFractionDigits: 2 });
  return x.toLocaleString("en-US", { maximumSignificantDigits: 4 });
}

/** A quantity with its unit: `456.25M tokens`, `1,460 hour`, `2.5 GB`. */
export function formatAmount(x: number, unit: string): string {
  const m = /^1M (.+)$/.exec(unit);
  return m ? `${formatQuantity(x)}M ${m[1]}` : `${formatQuantity(x)} ${unit}`;
}

export function formatUnitPrice(x: number): string {
  if (x === 0) return "$0";
  return `$${x.toLocaleString("en-US", { maximumSignificantDigits: 6 })}`;
}

/** Table cells may not hold pipes or newlines. */
function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The marker a bot finds to update one comment in place. */
export function commentMarker(stack: string | null): string {
  return `<!-- aitracks-cost:${stack ?? "stack"} -->`;
}

const TOP_CHANGES = 10;

/** Autoscaled fleets: the month at their minimum, expected size (the total) and maximum. */
export function fleetRange(doc: { minMonthlyUsd: number; monthlyUsd: number; ceilingMonthlyUsd: number }): string {
  return `autoscaled fleets: min ${formatUsd(doc.minMonthlyUsd)} / expected ${formatUsd(doc.monthlyUsd)} / ceiling ${formatUsd(doc.ceilingMonthlyUsd)} a month`;
}

/**
 * The estimate as a pull-request comment: the monthly total (and its change against the base
 * branch's estimate), the budget, the three-year figure, the changed resources, and the full
 * breakdown folded away. Deterministic: the same inputs give the same text.
 */
export function costMarkdown(doc: CostJson, diff?: CostDiff, gateReasons: readonly string[] = []): string {
  const lines: string[] = [];
  lines.push(commentMarker(doc.stack));
  lines.push(`### aitracks cost estimate${doc.stack ? `: \`${doc.stack}\`` : ""}`);
  lines.push("");
  const delta = diff
    ? ` (${signed(diff.deltaUsd)}${diff.deltaPercent !== null ? `, ${diff.deltaPercent > 0 ? "+" : ""}${diff.deltaPercent.toFixed(1)}%` : ""} against the base)`
    : "";
  lines.push(`**${formatUsd(doc.monthlyUsd)} a month**${delta}`);
  lines.push("");
  const facts: string[] = [];
  if (doc.oneOffUsd > 0) facts.push(`one-off ${formatUsd(doc.oneOffUsd)} (training, tuning, evaluation runs)`);
  if (doc.ceilingMonthlyUsd > doc.monthlyUsd || doc.minMonthlyUsd < doc.monthlyUsd) facts.push(fleetRange(doc));
  facts.push(
    `three years: ${formatUsd(doc.threeYearUsd)} (infrastructure ${formatUsd(doc.threeYear.infrastructureUsd)}, one-off ${formatUsd(doc.threeYear.oneOffUsd)}, people and data ${formatUsd(doc.threeYear.peopleAndDataUsd)} from the TCO model's ${doc.threeYear.option} option)`,
  );
  if (doc.budget) {
    const used = (doc.monthlyUsd / doc.budget.maxMonthlyUsd) * 100;
    const over = doc.monthlyUsd > doc.budget.maxMonthlyUsd;
    const crossed = doc.budget.crossedInMonth;
    facts.push(`budget ${formatUsd(doc.budget.maxMonthlyUsd)} a month: ${used.toFixed(0)}% used${over ? `, **over by ${formatUsd(doc.monthlyUsd - doc.budget.maxMonthlyUsd)}**` : crossed ? `, **crossed in month ${crossed}** as the traffic grows` : ""}`);
  }
  for (const f of facts) lines.push(`- ${f}`);
  if (diff?.crossedBudget) lines.push(`- :warning: **crosses the budget**: ${formatUsd(diff.beforeUsd)} -> ${formatUsd(diff.afterUsd)} a month`);
  for (const r of gateReasons) lines.push(`- :x: ${r}`);
  lines.push("");

  if (diff) {
    if (diff.changes.length === 0) lines.push("No resource changes cost.");
    else {
      lines.push(`| | Resource | Type | Before | After | Change a month |`);
      lines.push(`| --- | --- | --- | ---: | ---: | ---: |`);
      for (const c of diff.changes.slice(0, TOP_CHANGES)) {
        const mark = c.change === "added" ? "added" : c.change === "removed" ? "removed" : "changed";
        const oneOff = c.oneOffDeltaUsd !== 0 ? ` (one-off ${signed(c.oneOffDeltaUsd)})` : "";
        lines.push(`| ${mark} | \`${cell(c.name)}\` | \`${cell(c.type)}\` | ${formatUsd(c.beforeUsd)} | ${formatUsd(c.afterUsd)} | ${signed(c.deltaUsd)}${oneOff} |`);
      }
      if (diff.changes.length > TOP_CHANGES) lines.push(`\n${diff.changes.length - TOP_CHANGES} more changed resources in the breakdown below.`);
    }
    if (diff.newUnpriced.length) lines.push(`\nNew unpriced resources: ${diff.newUnpriced.map((u) => `\`${cell(u.type)}\``).join(", ")}`);
    lines.push("");
  }

  if (doc.unpriced.length) {
    lines.push(`**${doc.unpriced.length} unpriced resource${doc.unpriced.length === 1 ? "" : "s"}** (not in the total):`);
    for (const u of doc.unpriced) lines.push(`- \`${cell(u.name)}\` (\`${cell(u.type)}\`): ${cell(u.reason)}`);
    lines.push("");
  }

  const uncounted = [...new Set(doc.free.flatMap((f) => ("uncountedUsage" in f && f.uncountedUsage ? [f.uncountedUsage] : [])))];
  if (uncounted.length) {
    lines.push("Usage not counted (each says what would count it):");
    for (const u of uncounted) lines.push(`- ${cell(u)}`);
    lines.push("");
  }

  lines.push(`<details><summary>Breakdown: ${doc.resources.length} priced, ${doc.free.length} free, ${doc.unpriced.length} unpriced resources</summary>`);
  lines.push("");
  lines.push(`| Resource | Component | Quantity | Unit price | Monthly |`);
  lines.push(`| --- | --- | ---: | ---: | ---: |`);
  const sorted = [...doc.resources].sort((a, b) => b.monthlyUsd - a.monthlyUsd || b.oneOffUsd - a.oneOffUsd || a.urn.localeCompare(b.urn));
  for (const r of sorted) {
    r.components.forEach((c, i) => {
      const qty = c.kind === "one-off" ? `${formatAmount(c.oneOffQuantity ?? 0, c.unit)} once` : formatAmount(c.monthlyQuantity, c.unit);
      const amount = c.kind === "one-off" ? `${formatUsd(c.oneOffUsd ?? 0)} once` : formatUsd(c.monthlyUsd);
      lines.push(`| ${i === 0 ? `\`${cell(r.name)}\`` : ""} | ${cell(c.name)} | ${qty} | ${formatUnitPrice(c.unitPriceUsd)} | ${amount} |`);
    });
  }
  lines.push("");
  if (doc.byTrack.length) lines.push(`By track: ${doc.byTrack.map((t) => `${t.key} ${formatUsd(t.monthlyUsd)}`).join(" · ")}`);
  if (doc.byCloud.length) lines.push(`By cloud: ${doc.byCloud.map((t) => `${t.key} ${formatUsd(t.monthlyUsd)}`).join(" · ")}`);
  lines.push("");
  lines.push("</details>");
  lines.push("");
  lines.push(`<sub>Prices as of ${doc.pricesAsOf} (compute catalog) and @pydantic/genai-prices (tokens). Estimated offline by \`aitracks cost\`.</sub>`);
  return lines.join("\n");
}
