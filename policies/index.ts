/**
 * The aitracks policy pack. `pulumi preview --policy-pack policies` serves it to the Pulumi CLI;
 * `aitracks check` evaluates the same policies offline. The policies themselves live in
 * guardrails/ (security, governance, anti-patterns) and cost/ (budgets); this file only wraps them.
 */
import { PolicyPack } from "@pulumi/policy";
import { installEngineShim } from "./lib/engine-shim";
import { PACK_ENFORCEMENT_LEVEL, PACK_NAME, packPolicies } from "./lib/pack";

// Secrets and stack config from the engine (see lib/engine-shim.ts); before the pack serves.
installEngineShim();

new PolicyPack(PACK_NAME, {
  policies: packPolicies,
  enforcementLevel: PACK_ENFORCEMENT_LEVEL,
  description: "aitracks guardrails: security of the clouds' AI services, governance, the build/buy/fine-tune anti-patterns and cost.",
});
