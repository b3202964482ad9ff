/**
 * The part of @aitracks/core that runs in a browser: the decision and the TCO, with no Node
 * module, no zod and no price data. `aitracks explore` bundles it into its page (with esbuild),
 * so the page computes with this code, not a second implementation. resolveTco's catalog and
 * token prices come in as options: the page gets the entries and prices Node looked up.
 * Importing pricing/catalog and pricing/tokens is allowed (resolve.ts does, for its defaults);
 * the bundler replaces them, and any other Node module fails the bundle.
 */
export { CRITERIA, CRITERION_LABELS, NO_WEIGHT_ERROR, hasWeight, type Criterion } from "./schema/criteria";
export { LIMITS, MONTHLY_GROWTH } from "./schema/limits";
export { pointOf, isRange, type Range, type Uncertain } from "./schema/uncertain";
export { decide, type DecideOptions } from "./decision/decide";
export { DECISION_OPTIONS, type DecisionOption } from "./decision/options";
export type { Decision, MatrixRow } from "./decision/types";
export { resolveTco, TCO_OPTIONS, type OptionId, type TcoModel, type ResolveOptions } from "./tco/resolve";
export { tcoReport, cheapestEligible, type TcoReport, type TcoOptionReport } from "./tco/report";
export { cheapestAt, costCurve, logSpace, type Crossover, type CostCurvePoint } from "./tco/crossover";
export type { DecisionInput } from "./schema/decision";
export type { WorkloadFile } from "./schema/workload";
export type { TokenPrices, TokenPriceQuery } from "./pricing/tokens";
export type { CatalogEntry } from "./schema/catalog";
export { PriceCatalog } from "./pricing/price-catalog";
