import { z } from "zod";

/** An integer in [min, max], with the message the CLI prints. */
export function intRange(min: number, max: number) {
  const error = `expected an integer from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/** A number in [0, 1]. */
export const fraction = z
  .number({ error: "expected a fraction from 0 to 1" })
  .min(0, { error: "expected a fraction from 0 to 1" })
  .max(1, { error: "expected a fraction from 0 to 1" });

export const nonNegative = z
  .number({ error: "expected a number of 0 or more" })
  .min(0, { error: "expected a number of 0 or more" });

export const positive = z
  .number({ error: "expected a number above 0" })
  .gt(0, { error: "expected a number above 0" });

export const nonNegativeInt = z
  .number({ error: "expected a whole number of 0 or more" })
  .int({ error: "expected a whole number of 0 or more" })
  .min(0, { error: "expected a whole number of 0 or more" });

/** An ISO date `YYYY-MM-DD` (YAML may hand us a Date already). */
export const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string({ error: "expected a date YYYY-MM-DD" }).refine(isCalendarDate, { error: "expected a date YYYY-MM-DD" }),
);

/** `2026-02-30` is not a date; `2028-02-29` is. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

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

export function uncertain(base: z.ZodNumber, what: string) {
  const range = z
    .object(
      { low: base, high: base, likely: base.optional() },
      { error: `expected ${what}, or a range {low, high}` },
    )
    .strict()
    .refine((r) => r.low <= r.high, { error: "expected low to be at most high", path: ["high"] })
    .refine((r) => r.likely === undefined || (r.likely >= r.low && r.likely <= r.high), {
      error: "expected likely between low and high",
      path: ["likely"],
    });
  return z.union([base, range], { error: `expected ${what}, or a range {low, high}` });
}

/** Resolve an uncertain quantity to its point estimate. */
export function pointOf(u: Uncertain): number {
  if (typeof u === "number") return u;
  return u.likely ?? (u.low + u.high) / 2;
}

export function isRange(u: Uncertain): u is Range {
  return typeof u !== "number";
}
