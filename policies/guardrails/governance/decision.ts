/**
 * The decision and the stack in step (issue 21): the tracks the stack provisions against its
 * decision (`aitracks:decision`: the recommended track, the options its gates ruled out, the
 * record). Both policies read the same judgement of @aitracks/core (judgeStackAgainstDecision),
 * which `aitracks report` shows beside the stack.
 */
import { decisionRefSchema, judgeStackAgainstDecision, type DecisionReference, type StackDecisionVerdict } from "@aitracks/core";
import type { StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { configuredTracks } from "../../lib/facts";
import { trackOf } from "../../lib/resources";
import { configValue } from "../../lib/stack-config";
import type { AitracksPolicy } from "../../lib/types";

type Judged = { verdict: StackDecisionVerdict } | { skip: string } | { bad: string };

function judge(args: StackValidationArgs): Judged {
  const raw = configValue("aitracks:decision");
  if (raw === undefined) return { skip: "the stack config has no aitracks:decision" };
  const parsed = decisionRefSchema.safeParse(raw);
  if (!parsed.success) return { bad: `aitracks:decision is not a decision reference: ${parsed.error.issues[0]?.message ?? "invalid"}` };
  const d = parsed.data;
  if (!("track" in d)) {
    return { skip: `aitracks:decision names only the record ${d.record}, which the pack does not read; add track and ruledOut (the record's front matter: track, eligible) to compare the stack with it` };
  }
  const tracks = configuredTracks().map((t) => t.track);
  const provisioned = tracks.length ? tracks : args.resources.map(trackOf).filter((t): t is string => !!t);
  if (!provisioned.length) return { skip: "the stack provisions no aitracks track" };
  const reference: DecisionReference = {
    recommended: d.track,
    ruledOut: d.ruledOut ?? [],
    record: d.record ?? `aitracks:decision, ${d.track}${d.decidedOn ? ` decided on ${d.decidedOn}` : ""}`,
  };
  return { verdict: judgeStackAgainstDecision(provisioned, reference) };
}

export const decisionTrackRuledOut: StackValidationPolicy & AitracksPolicy = {
  name: "decision-track-ruled-out",
  description: "The stack provisions no track the decision ruled out (a hard gate failed: data may not leave, too little data, too small a team or budget); buy and fine-tune together are a hybrid.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Provision the decision's recommendation instead, or re-run `aitracks decide` if the facts behind the gate changed (then update aitracks:decision: track, ruledOut, record).",
  tags: ["any", "governance"],
  validateStack: (args, report) => {
    const j = judge(args);
    if ("skip" in j) return args.notApplicable(j.skip);
    if ("bad" in j) return report(j.bad);
    for (const f of j.verdict.findings) if (f.level === "mandatory") report(f.message);
  },
};

export const decisionTrackNotRecommended: StackValidationPolicy & AitracksPolicy = {
  name: "decision-track-not-recommended",
  description: "The stack provisions the decision's recommendation (a hybrid: its buy and fine-tune parts; serving and evaluation with the track they serve), not another eligible track.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: "Provision the recommended track, or record in the decision record why the stack differs (and re-decide if the reason is lasting).",
  tags: ["any", "governance"],
  validateStack: (args, report) => {
    const j = judge(args);
    if ("skip" in j) return args.notApplicable(j.skip);
    if ("bad" in j) return args.notApplicable(j.bad);
    for (const f of j.verdict.findings) if (f.level === "advisory") report(f.message);
  },
};

export const decisionPolicies: AitracksPolicy[] = [decisionTrackRuledOut, decisionTrackNotRecommended];
