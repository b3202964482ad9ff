/**
 * The five cost categories every option's monthly cost splits into. Projections write them into
 * a flat Float64Array, `monthly[m * CATEGORY_COUNT + category]`, to keep the Monte Carlo loop
 * allocation-free.
 */
export const CATEGORIES = ["compute", "tokens", "team", "data", "maintenance"] as const;
export type Category = (typeof CATEGORIES)[number];
export type Breakdown = Record<Category, number>;

export const CATEGORY_COUNT = 5;
/** Training, serving instances, platform. */
export const COMPUTE = 0;
/** Per-token API (or hosted inference) fees. */
export const TOKENS = 1;
/** Developers and the project's ML engineers. */
export const TEAM = 2;
/** Labelling, corpus licensing and curation. */
export const DATA = 3;
/** Engineers who keep the option running after launch, plus monitoring. */
export const MAINTENANCE = 4;
