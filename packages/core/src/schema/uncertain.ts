// Uncertain quantities, with no zod (the explore page bundles the TCO code for the browser).

/**
 * A quantity that may be uncertain: a plain number, or a range `{low, high}` with an optional
 * `likely` value. Ranges drive the Monte Carlo run; point estimates use `likely`, else the midpoint.
 */
export interface Range {
  readonly low: number;
  readonly high: number;
  readonly likely?: number | undefined;
}
export type Uncertain = number | Range;

/** Resolve an uncertain quantity to its point estimate. */
export function pointOf(u: Uncertain): number {
  if (typeof u === "number") return u;
  return u.likely ?? (u.low + u.high) / 2;
}

export function isRange(u: Uncertain): u is Range {
  return typeof u !== "number";
}
