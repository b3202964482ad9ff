/**
 * Re-ask a recorded decision: the same inputs (or updated ones) with today's rules, catalog and
 * token prices, compared with what the record says. `aitracks review` prints the result.
 */
import type { DecisionInput } from "../schema/decision";
import type { Crossover } from "../tco/crossover";
import { cheapestEligible } from "../tco/report";
import type { OptionId, TcoModel } from "../tco/resolve";
import { decide } from "./decide";
import type { DecisionOption } from "./options";
import { tcoSummary, type DecisionRecord, type TcoSummary } from "./record";

export interface ReconsiderInputs {
  readonly record: DecisionRecord;
  /** The decision to re-run: the record's own inputs, or an updated decision file. */
  readonly decision: DecisionInput;
  /** The workload's model at today's prices; absent when the record kept no workload. */
  readonly tco?: { readonly model: TcoModel; readonly pricesAsOf: string };
  /** YYYY-MM-DD. */
  readonly today: string;
}

export interface OptionMove {
  readonly option: OptionId;
  readonly thenUsd: number | null;
  readonly nowUsd: number;
  /** now - then, null when the record has no figure for the option. */
  readonly changeUsd: number | null;
  /** (now - then) / then, as a fraction; null when then is absent or 0. */
  readonly change: number | null;
}

export interface Reconsidered {
  readonly decidedOn: string;
  readonly reviewDate: string;
  readonly today: string;
  /** Days from today to the review date: negative once it has passed. */
  readonly daysToReview: number;
  readonly due: boolean;
  readonly recommendation: { readonly then: DecisionOption | null; readonly now: DecisionOption | null; readonly changed: boolean };
  /** The new decision's review date when the inputs moved it (a new decidedOn or reviewAfterMonths). */
  readonly newReviewDate: string | null;
  readonly tco: {
    readonly pricesAsOf: { readonly then: string | null; readonly now: string };
    readonly options: readonly OptionMove[];
    /** The cheapest option the decision leaves eligible (the cheapest overall when none is). */
    readonly cheapest: { readonly then: OptionId | null; readonly now: OptionId; readonly changed: boolean };
    readonly crossovers: { readonly then: readonly Crossover[] | null; readonly now: readonly Crossover[] };
  } | null;
  /** Why the review asks for attention (empty: nothing changed and it is not due). */
  readonly reasons: readonly string[];
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD, UTC). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The cheapest eligible option of a summary's totals (tco's own rule); the cheapest overall when none is eligible. */
function cheapestOf(totals: Readonly<Partial<Record<OptionId, number>>>, eligible: Readonly<Partial<Record<string, boolean>>>): OptionId {
  const options = (Object.entries(totals) as [OptionId, number][]).map(([option, totalUsd]) => ({ option, totalUsd }));
  const pick = cheapestEligible(options, eligible);
  return (pick.eligible ?? pick.overall)!.option;
}

/** Re-run the decision (as of the record's decidedOn, so its review date stays) and the TCO, and compare. */
export function reconsider(inputs: ReconsiderInputs): Reconsidered {
  const { record, today } = inputs;
  const now = decide(inputs.decision, { today: record.decidedOn });
  const daysToReview = daysBetween(today, record.reviewDate);
  const due = daysToReview <= 0;
  const reasons: string[] = [];
  if (due) {
    reasons.push(daysToReview === 0 ? `the review is due today (${record.reviewDate})` : `the review was due on ${record.reviewDate}, ${-daysToReview} day${daysToReview === -1 ? "" : "s"} ago`);
  }
  const recChanged = now.recommendation !== record.track;
  if (recChanged) reasons.push(`the recommendation changed: ${record.track ?? "none"} -> ${now.recommendation ?? "none"}`);

  let tco: Reconsidered["tco"] = null;
  if (inputs.tco) {
    const then: TcoSummary | undefined = record.snapshot?.tco;
    const current = tcoSummary(inputs.tco.model);
    const options: OptionMove[] = (Object.keys(current.totals) as OptionId[]).map((option) => {
      const nowUsd = current.totals[option];
      const thenUsd = then?.totals[option] ?? null;
      const changeUsd = thenUsd === null ? null : Math.round((nowUsd - thenUsd) * 100) / 100;
      return { option, thenUsd, nowUsd, changeUsd, change: thenUsd === null || thenUsd === 0 ? null : (nowUsd - thenUsd) / thenUsd };
    });
    // The cheapest option the decision leaves eligible (the cheapest overall may be ruled out).
    const thenCheapest = then ? cheapestOf(then.totals, record.eligible ?? {}) : null;
    const nowCheapest = cheapestOf(current.totals, now.eligible);
    const cheapestChanged = thenCheapest !== null && thenCheapest !== nowCheapest;
    if (cheapestChanged) reasons.push(`the cheapest eligible option over ${current.horizonMonths} months changed: ${thenCheapest} -> ${nowCheapest}`);
    tco = {
      pricesAsOf: { then: record.snapshot?.pricesAsOf ?? null, now: inputs.tco.pricesAsOf },
      options,
      cheapest: { then: thenCheapest, now: nowCheapest, changed: cheapestChanged },
      crossovers: { then: then?.crossovers ?? null, now: current.crossovers },
    };
  }
  return {
    decidedOn: record.decidedOn,
    reviewDate: record.reviewDate,
    today,
    daysToReview,
    due,
    recommendation: { then: record.track, now: now.recommendation, changed: recChanged },
    newReviewDate: now.reviewDate === record.reviewDate ? null : now.reviewDate,
    tco,
    reasons,
  };
}
