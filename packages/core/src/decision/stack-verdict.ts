import { DECISION_OPTIONS, type DecisionOption } from "./options";

/**
 * The decision and the deployed stack in step (issue 21): the tracks a stack provisions against
 * the decision record's recommendation and the options its hard gates ruled out. One judgement,
 * used by the policy (`decision-stack-in-step`) and by the report beside the stack.
 */

/** What the stack is compared with: the recommendation, the ruled-out options and where they were recorded. */
export interface DecisionReference {
  /** The recommended option, or null when no option passed its gates. */
  readonly recommended: DecisionOption | null;
  readonly ruledOut: readonly DecisionOption[];
  /** How the record is named in messages: its path, or the config key that holds it. */
  readonly record: string;
}

export interface StackDecisionFinding {
  readonly level: "mandatory" | "advisory";
  readonly message: string;
}

export interface StackDecisionVerdict {
  /** "mandatory" when a ruled-out track is provisioned, "advisory" when another than the recommended one is, else "in-step". */
  readonly verdict: "in-step" | "advisory" | "mandatory";
  readonly findings: readonly StackDecisionFinding[];
  /** One sentence for people (the report's line beside the stack). */
  readonly summary: string;
}

/** The stack tracks each decision accepts: its own, the serving of what it builds or tunes, and evaluation. Hybrid is its parts. */
export const TRACKS_OF_OPTION: Readonly<Record<DecisionOption, readonly string[]>> = {
  build: ["build", "serving", "evaluation"],
  buy: ["buy", "evaluation"],
  "fine-tune": ["fine-tune", "serving", "evaluation"],
  hybrid: ["buy", "fine-tune", "serving", "evaluation"],
};

const isOption = (t: string): t is DecisionOption => (DECISION_OPTIONS as readonly string[]).includes(t);

/**
 * Judge the stack's tracks (`aitracks:tracks[].track`, or the tracks its resources are tagged
 * with) against the decision. A buy, fine-tune or build track the decision ruled out is mandatory;
 * buy and fine-tune together provision a hybrid, mandatory when hybrid was ruled out; any other
 * track the recommendation does not include (hybrid: its parts) is advisory, naming the record.
 */
export function judgeStackAgainstDecision(tracks: readonly string[], decision: DecisionReference): StackDecisionVerdict {
  const provisioned = [...new Set(tracks)].sort();
  const findings: StackDecisionFinding[] = [];
  const flagged = new Set<string>();
  const ruledOut = new Set(decision.ruledOut);
  for (const t of provisioned) {
    if (isOption(t) && ruledOut.has(t)) {
      findings.push({ level: "mandatory", message: `the stack provisions the ${t} track, which the decision (${decision.record}) ruled out` });
      flagged.add(t);
    }
  }
  if (provisioned.includes("buy") && provisioned.includes("fine-tune") && ruledOut.has("hybrid") && !flagged.has("buy") && !flagged.has("fine-tune")) {
    findings.push({ level: "mandatory", message: `the stack provisions buy and fine-tune together (a hybrid), which the decision (${decision.record}) ruled out` });
    flagged.add("buy").add("fine-tune");
  }
  const accepted = decision.recommended === null ? [] : TRACKS_OF_OPTION[decision.recommended];
  for (const t of provisioned) {
    if (flagged.has(t) || accepted.includes(t)) continue;
    findings.push({
      level: "advisory",
      message:
        decision.recommended === null
          ? `the stack provisions the ${t} track, but the decision (${decision.record}) recommends no option (every one failed a gate)`
          : `the stack provisions the ${t} track, not the decision's recommendation ${decision.recommended} (${decision.record}); record why, or re-decide`,
    });
  }
  const verdict = findings.some((f) => f.level === "mandatory") ? "mandatory" : findings.length ? "advisory" : "in-step";
  const shown = provisioned.length ? provisioned.join(", ") : "no track";
  const summary =
    verdict === "in-step"
      ? `In step with the decision (${decision.record}): the stack provisions ${shown}, within its recommendation ${decision.recommended ?? "(none)"}.`
      : `${verdict === "mandatory" ? "Out of step with the decision" : "Differs from the decision"}: ${findings.map((f) => f.message).join("; ")}.`;
  return { verdict, findings, summary };
}
