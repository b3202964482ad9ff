/**
 * The pack's contents in one place: `index.ts` wraps them in a PolicyPack (served to the Pulumi
 * CLI), and the offline runners in @aitracks/preview evaluate the same array in-process.
 */
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import { costPolicies } from "../cost";
import { awsPolicies } from "../guardrails/aws";
import { azurePolicies } from "../guardrails/azure";
import { gcpPolicies } from "../guardrails/gcp";
import { governancePolicies } from "../guardrails/governance";

export const PACK_NAME = "aitracks";
/** The pack's default level; every policy sets its own. */
export const PACK_ENFORCEMENT_LEVEL: EnforcementLevel = "advisory";

export const packPolicies: Policies = [...awsPolicies, ...gcpPolicies, ...azurePolicies, ...governancePolicies, ...costPolicies];

// The offline runner sets the stack config and secret paths through these, taken from the same
// module instances the policies above were loaded with (a program preview may purge the require
// cache of files under the project folder, and a second copy of stack-config would go unseen).
export { setStackConfig } from "./stack-config";
export { attachSecretPaths } from "./secrets";
export { typeFilterOf } from "./checks";
