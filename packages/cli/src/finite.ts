import { CheckFailed } from "./run";

/**
 * Every figure a gate compares or an output prints must be a finite number. NaN passes every
 * `>` test and Infinity prints as `$InfinityB` (or `null` in JSON), so a figure that is not finite
 * fails the command (exit 1) with the figure named, before any gate or output: a gate that cannot
 * compute fails, it never passes.
 */
export function requireFinite(what: string, figures: Iterable<readonly [string, number | null | undefined]>): void {
  for (const [name, value] of figures) {
    if (value === undefined || value === null || Number.isFinite(value)) continue;
    throw new CheckFailed(`${what}: cannot compute ${name} (got ${String(value)}); nothing is judged on a figure that is not a number`);
  }
}

/** The figures a TCO report prints: each option's total, years, breakdown, range and months. */
export function* tcoFigures(report: import("@aitracks/core").TcoReport): Generator<readonly [string, number]> {
  for (const o of report.options) {
    yield [`the ${o.option} total`, o.totalUsd];
    for (const [i, y] of o.years.entries()) yield [`the ${o.option} cost of year ${i + 1}`, y];
    for (const [k, v] of Object.entries(o.breakdown)) yield [`the ${o.option} ${k} cost`, v];
    for (const [k, v] of Object.entries(o.range)) yield [`the ${o.option} ${k.toUpperCase()}`, v];
    for (const [i, m] of o.monthly.entries()) yield [`the ${o.option} cost of month ${i + 1}`, m];
  }
}
