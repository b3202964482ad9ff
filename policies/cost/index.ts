/**
 * Cost-estimate policies, computed from the cost model and the TCO model in @aitracks/core. The
 * pack (policies/lib/pack.ts) includes this array; they run under the Pulumi CLI and offline.
 */
import type { AitracksPolicy } from "../lib/types";
import { acceleratorAllowList } from "./accelerators";
import { budgetCrossing, monthlyBudget } from "./budget";
import { trackFitsVolumePolicy } from "./fits-volume";
import { resourceCap } from "./resource-cap";
import { unpricedResources } from "./unpriced";

export const costPolicies: AitracksPolicy[] = [monthlyBudget, budgetCrossing, resourceCap, acceleratorAllowList, trackFitsVolumePolicy, unpricedResources];
