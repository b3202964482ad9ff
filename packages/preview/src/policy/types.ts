/**
 * Policy verdicts, the same whichever way the pack ran (in-process or over the analyzer protocol):
 * violations with their effective enforcement level, and notes where a policy could not decide.
 */
export type VerdictLevel = "advisory" | "mandatory";

export interface PolicyViolation {
  readonly policy: string;
  readonly level: VerdictLevel;
  readonly severity?: string;
  /** The resource in violation; absent for a violation of the stack as a whole. */
  readonly urn?: string;
  /** What is wrong, without the policy's description (which `description` carries). */
  readonly message: string;
  readonly description: string;
}

/** A policy that did not judge a resource or the stack for a reason worth showing (e.g. an unknown value). */
export interface PolicyNote {
  readonly policy: string;
  readonly urn?: string;
  readonly reason: string;
}

export interface PolicyReport {
  readonly pack: { readonly name: string; readonly version: string };
  readonly engine: "in-process" | "analyzer";
  /** Resources analysed (every resource of the graph but the stack itself). */
  readonly resources: number;
  readonly violations: readonly PolicyViolation[];
  readonly notes: readonly PolicyNote[];
}

/** Violations in a stable order: mandatory first, then by policy, resource and message. */
export function sortViolations(vs: readonly PolicyViolation[]): PolicyViolation[] {
  const rank = (l: VerdictLevel) => (l === "mandatory" ? 0 : 1);
  return [...vs].sort(
    (a, b) =>
      rank(a.level) - rank(b.level) ||
      a.policy.localeCompare(b.policy) ||
      (a.urn ?? "").localeCompare(b.urn ?? "") ||
      a.message.localeCompare(b.message),
  );
}

export function sortNotes(ns: readonly PolicyNote[]): PolicyNote[] {
  return [...ns].sort((a, b) => a.policy.localeCompare(b.policy) || (a.urn ?? "").localeCompare(b.urn ?? "") || a.reason.localeCompare(b.reason));
}

/**
 * The runtime reports a violation's message as `<description>\n<message>`; keep the message part.
 * The same function reads both runners' output, so their reports compare field by field.
 */
export function messageOnly(full: string, description: string): string {
  return full.startsWith(`${description}\n`) ? full.slice(description.length + 1) : full === description ? "" : full;
}

/** Notes worth reporting: stack-level ones, and per-resource ones about values not known yet. */
export function isInformative(note: Pick<PolicyNote, "urn" | "reason">): boolean {
  if (note.reason.startsWith("Policy only applies to")) return false;
  return note.urn === undefined || note.reason.includes("not known until deploy") || note.reason.includes("can't be known");
}
