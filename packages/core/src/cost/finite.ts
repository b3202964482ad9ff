import type { CostEstimate } from "./types";

/**
 * The first figure of an estimate that is not a finite number, named (`the monthly total`,
 * `ranker's monthly cost`), or undefined. NaN passes every `>` test and Infinity exceeds every
 * limit for the wrong reason, so a gate asks this first: a gate that cannot compute fails.
 */
export function nonFiniteFigure(e: CostEstimate): string | undefined {
  const figures: [string, number | undefined][] = [
    ["the monthly total", e.monthlyUsd],
    ["the one-off total", e.oneOffUsd],
    ["the monthly minimum", e.minMonthlyUsd],
    ["the monthly ceiling", e.ceilingMonthlyUsd],
    ...e.monthlyUsdByMonth.map((m, i): [string, number] => [`month ${i + 1}'s cost`, m]),
    ["the three-year total", e.threeYear.totalUsd],
    ["the monthly budget (aitracks:budget.maxMonthlyUsd)", e.budgetUsd],
    ...e.resources.flatMap((r): [string, number][] => [
      [`${r.name}'s monthly cost`, r.monthlyUsd],
      [`${r.name}'s one-off cost`, r.oneOffUsd],
    ]),
  ];
  for (const [name, value] of figures) if (value !== undefined && !Number.isFinite(value)) return `${name} (got ${String(value)})`;
  return undefined;
}
