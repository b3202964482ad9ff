import type { EnforcementLevel, ResourceValidationPolicy, Severity, StackValidationPolicy } from "@pulumi/policy";

/** The clouds a policy judges; "any" for the governance rules that read every resource. */
export type PolicyCloud = "aws" | "gcp" | "azure" | "any";

/**
 * Every policy of the pack: a plain object with a default enforcement level, a severity, the
 * steps that fix a violation and tags naming its cloud and concern. Levels are overridable per
 * policy by the pack config (`pulumi preview --policy-pack-config`, `aitracks check --policy-config`).
 */
export type AitracksPolicy = (ResourceValidationPolicy | StackValidationPolicy) & {
  readonly enforcementLevel: Exclude<EnforcementLevel, "disabled" | "remediate">;
  readonly severity: Severity;
  readonly remediationSteps: string;
  /** `[cloud, concern]`, e.g. `["aws", "encryption"]`. */
  readonly tags: string[];
};

export type PolicyList = readonly AitracksPolicy[];
