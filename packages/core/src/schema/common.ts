import { z } from "zod";

export { LIMITS, MONTHLY_GROWTH } from "./limits";
import { LIMITS } from "./limits";
import { enUsNumber } from "../text";

/** 1e12, 1,000: a limit as the error message and the README write it. */
export function limitText(n: number): string {
  if (n >= 1e6) return n.toExponential().replace("e+", "e");
  // The schemas build these messages at load: no ICU start-up for an integer (enUsNumber).
  return enUsNumber(n);
}

/** `base`, refused above `max` with the limit in the message. */
export function atMost(base: z.ZodNumber, max: number): z.ZodNumber {
  return base.max(max, { error: `expected at most ${limitText(max)}` });
}

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

/** A number of 0 or more, up to `max`. */
export function nonNegativeUpTo(max: number) {
  return atMost(z.number({ error: "expected a number of 0 or more" }).min(0, { error: "expected a number of 0 or more" }), max);
}

/** A number above 0, up to `max`. */
export function positiveUpTo(max: number) {
  return atMost(z.number({ error: "expected a number above 0" }).gt(0, { error: "expected a number above 0" }), max);
}

/** A whole number of 0 or more, up to `max`. */
export function nonNegativeIntUpTo(max: number) {
  return atMost(
    z
      .number({ error: "expected a whole number of 0 or more" })
      .int({ error: "expected a whole number of 0 or more" })
      .min(0, { error: "expected a whole number of 0 or more" }),
    max,
  );
}

/** An amount of money (0 or more, at most LIMITS.usd). */
export const nonNegative = nonNegativeUpTo(LIMITS.usd);
/** An amount of money above 0 (a budget). */
export const positive = positiveUpTo(LIMITS.usd);

/** An ISO date `YYYY-MM-DD` in the years LIMITS allows (YAML may hand us a Date already). */
export const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string({ error: "expected a date YYYY-MM-DD" })
    .refine(isCalendarDate, { error: "expected a date YYYY-MM-DD" })
    .refine(isBoundedYear, { error: `expected a date in the years ${LIMITS.firstYear} to ${LIMITS.lastYear}` }),
);

/** `2026-02-30` is not a date; `2028-02-29` is. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A calendar date's year within LIMITS (what is not a date at all is isCalendarDate's to say). */
export function isBoundedYear(s: string): boolean {
  if (!isCalendarDate(s)) return true;
  const y = Number(s.slice(0, 4));
  return y >= LIMITS.firstYear && y <= LIMITS.lastYear;
}

export { isRange, pointOf, type Range, type Uncertain } from "./uncertain";

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

