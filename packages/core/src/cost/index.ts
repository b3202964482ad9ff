/**
 * The cost model: a bill for a resource graph. One module per priced resource type
 * (resources/<cloud>/*), one flat registry by type token, the free list, the estimator, the
 * three-year figure from the TCO model, diffs between two estimates, and the PR comment.
 * Only the public surface is exported; the modules' helpers stay inside.
 */
export type * from "./types";
export { Unpriced, type CostModule, type Priced, type PricingContext } from "./module";
export { isUnknown, GraphIndex } from "./graph";
export { stackCostInputs, stackWorkloadSchema, usageOf, type StackCostInputs, type StackWorkload, type Usage } from "./usage";
export { FREE, FREE_FAMILIES, freeReason, UNCOUNTED_USAGE } from "./free";
export { COST_MODULES, costModuleFor } from "./registry";
export { planTraffic, type TrafficPlan } from "./traffic";
export { budgetCrossedInMonth, growthFactor, stackOption, threeYearCost } from "./three-year";
export { estimateCost, primaryTokenPrices, type EstimateOptions } from "./estimate";
export { COST_JSON_VERSION, estimateJson, parseCostBaseline, type CostBaseline, type CostJson } from "./json";
export { diffCosts, gateDiff, type CostChange, type CostDiff, type DiffGate } from "./diff";
export { commentMarker, costMarkdown, fleetRange, formatAmount, formatQuantity, formatUnitPrice, formatUsd } from "./markdown";
export { graphFromPulumiPreview } from "./pulumi-preview";
export { DEFAULT_FITS_VOLUME_MARGIN, trackFitsVolume, type FitsVolumeOptions, type FitsVolumeVerdict } from "./fits-volume";
export { nonFiniteFigure } from "./finite";
export { busyShare, fleetInMonth, quietRatio, requestsPerMinuteAtUtilisation, type FleetScaling } from "./fleet";
