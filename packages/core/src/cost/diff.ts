import { usd, type CostBaseline } from "./json";

export interface CostChange {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly change: "added" | "removed" | "changed";
  readonly beforeUsd: number;
  readonly afterUsd: number;
  /** Monthly: after - before. */
  readonly deltaUsd: number;
  readonly oneOffDeltaUsd: number;
}

export interface CostDiff {
  readonly beforeUsd: number;
  readonly afterUsd: number;
  readonly deltaUsd: number;
  /** Relative change of the monthly total; null when the base was $0. */
  readonly deltaPercent: number | null;
  readonly oneOffBeforeUsd: number;
  readonly oneOffAfterUsd: number;
  readonly threeYearBeforeUsd: number | undefined;
  readonly threeYearAfterUsd: number | undefined;
  /** Resources whose monthly or one-off cost changed, largest monthly change first. */
  readonly changes: readonly CostChange[];
  readonly unchanged: number;
  readonly budgetUsd: number | undefined;
  /** The monthly total went from at or below the budget to above it. */
  readonly crossedBudget: boolean;
  /** Unpriced resources that are new in this version. */
  readonly newUnpriced: readonly { readonly urn: string; readonly type: string }[];
}

/** The name in a URN (`…::assistant-key` -> `assistant-key`). */
function nameOf(r: { urn: string; name?: string | undefined }): string {
  return r.name ?? r.urn.slice(r.urn.lastIndexOf("::") + 2);
}

/**
 * Compare two `aitracks cost --json` documents, resource by resource (matched by URN): what each
 * change adds to or removes from the monthly bill, the way a reviewer reads it.
 */
export function diffCosts(base: CostBaseline, head: CostBaseline, budgetUsd?: number): CostDiff {
  const before = new Map(base.resources.map((r) => [r.urn, r]));
  const after = new Map(head.resources.map((r) => [r.urn, r]));
  const changes: CostChange[] = [];
  let unchanged = 0;
  for (const [urn, a] of after) {
    const b = before.get(urn);
    const delta = usd(a.monthlyUsd - (b?.monthlyUsd ?? 0));
    const oneOff = usd((a.oneOffUsd ?? 0) - (b?.oneOffUsd ?? 0));
    if (b && delta === 0 && oneOff === 0) {
      unchanged++;
      continue;
    }
    changes.push({ urn, type: a.type, name: nameOf(a), change: b ? "changed" : "added", beforeUsd: b?.monthlyUsd ?? 0, afterUsd: a.monthlyUsd, deltaUsd: delta, oneOffDeltaUsd: oneOff });
  }
  for (const [urn, b] of before) {
    if (after.has(urn)) continue;
    changes.push({ urn, type: b.type, name: nameOf(b), change: "removed", beforeUsd: b.monthlyUsd, afterUsd: 0, deltaUsd: usd(-b.monthlyUsd), oneOffDeltaUsd: usd(-(b.oneOffUsd ?? 0)) });
  }
  changes.sort((x, y) => Math.abs(y.deltaUsd) - Math.abs(x.deltaUsd) || Math.abs(y.oneOffDeltaUsd) - Math.abs(x.oneOffDeltaUsd) || x.urn.localeCompare(y.urn));
  const deltaUsd = usd(head.monthlyUsd - base.monthlyUsd);
  const budget = budgetUsd ?? head.budget?.maxMonthlyUsd ?? base.budget?.maxMonthlyUsd ?? undefined;
  const unpricedBefore = new Set(base.unpriced.map((u) => u.urn));
  return {
    beforeUsd: base.monthlyUsd,
    afterUsd: head.monthlyUsd,
    deltaUsd,
    deltaPercent: base.monthlyUsd > 0 ? (deltaUsd / base.monthlyUsd) * 100 : null,
    oneOffBeforeUsd: base.oneOffUsd ?? 0,
    oneOffAfterUsd: head.oneOffUsd ?? 0,
    threeYearBeforeUsd: base.threeYearUsd,
    threeYearAfterUsd: head.threeYearUsd,
    changes,
    unchanged,
    budgetUsd: budget,
    crossedBudget: budget !== undefined && base.monthlyUsd <= budget && head.monthlyUsd > budget,
    newUnpriced: head.unpriced.filter((u) => !unpricedBefore.has(u.urn)).map((u) => ({ urn: u.urn, type: u.type })),
  };
}

/** When a pipeline should fail on a cost change. Every threshold is on an increase: a decrease never fails. */
export interface DiffGate {
  /** Fail when the monthly total rises by more than this many USD. */
  readonly maxIncreaseUsd?: number | undefined;
  /** Fail when the monthly total rises by more than this percentage (any rise from $0 counts). */
  readonly maxIncreasePercent?: number | undefined;
  /** Fail when the monthly total crosses the budget from at-or-below to above. */
  readonly failOnBudgetCrossing?: boolean | undefined;
}

/** The reasons a diff fails the gate (empty: it passes). */
export function gateDiff(diff: CostDiff, gate: DiffGate): string[] {
  const reasons: string[] = [];
  if (diff.deltaUsd <= 0) return reasons;
  const money = (x: number) => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (gate.maxIncreaseUsd !== undefined && diff.deltaUsd > gate.maxIncreaseUsd) {
    reasons.push(`the monthly estimate rises by ${money(diff.deltaUsd)}, above the allowed ${money(gate.maxIncreaseUsd)}`);
  }
  if (gate.maxIncreasePercent !== undefined && (diff.deltaPercent === null || diff.deltaPercent > gate.maxIncreasePercent)) {
    reasons.push(
      `the monthly estimate rises by ${diff.deltaPercent === null ? `${money(diff.deltaUsd)} from $0` : `${diff.deltaPercent.toFixed(1)}%`}, above the allowed ${gate.maxIncreasePercent}%`,
    );
  }
  if (gate.failOnBudgetCrossing && diff.crossedBudget) {
    reasons.push(`the monthly estimate ${money(diff.afterUsd)} crosses the budget of ${money(diff.budgetUsd ?? 0)} (it was ${money(diff.beforeUsd)})`);
  }
  return reasons;
}
