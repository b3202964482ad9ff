import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { parseOrThrow } from "@aitracks/core";

/**
 * A value a program may pass as a plain value (checked by `schema`) or as a Pulumi Output (an ARN
 * or a URI from another resource, known only at deployment: passed through unchecked).
 */
export function input<T extends z.ZodType>(schema: T) {
  return z.union([schema, z.custom<pulumi.OutputInstance<z.output<T>>>((v) => pulumi.Output.isInstance(v))], {
    // A plain value that fails says what `schema` says, not zod's "Invalid input" of the union.
    error: (issue) => {
      const r = schema.safeParse(issue.input);
      return r.success ? undefined : r.error.issues[0]?.message;
    },
  });
}

/**
 * Tags (AWS, Azure) or labels (GCP) put on every resource the track creates. The stack program
 * passes the standard set (track, owner, cost centre, decision review date).
 */
export const tagsArg = z.custom<pulumi.Input<Record<string, pulumi.Input<string>>>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), {
  error: "expected a map of tag names to values",
});

/** The region of the track (the stack's provider for it points there). */
export const regionArg = z.string({ error: "expected the track's region" }).min(1, { error: "expected the track's region" });

/** Percentages of the budget that alert on actual spend (a forecast alert at 100% is added where the cloud has one). */
export const alertThresholdsArg = z
  .array(z.number({ error: "expected a percentage" }).gt(0, { error: "expected a percentage above 0 and at most 1000" }).lte(1000, { error: "expected a percentage above 0 and at most 1000" }), {
    error: "expected a list of percentages",
  })
  .default([50, 80, 100]);

/** Who gets the budget emails. */
export const alertEmailsArg = z.array(z.string({ error: "expected an e-mail address" }), { error: "expected a list of e-mail addresses" }).default([]);

/** A monthly budget in USD, above 0. */
export const budgetUsdArg = z
  .number({ error: (i) => (i.input === undefined ? "expected a monthly budget in USD (or set aitracks:budget.maxMonthlyUsd)" : "expected a monthly budget in USD") }).gt(0, { error: "expected a monthly budget above 0 USD" });

/**
 * Validate a component's args against its schema, once, before anything is registered: an
 * InputError with one line per bad field (`guardrail.piiAction: expected ANONYMIZE or BLOCK, got "IGNORE"`).
 */
export function parseArgs<S extends z.ZodType>(schema: S, args: z.input<S>): z.output<S> {
  return parseOrThrow(schema, args);
}

/** A whole number from `min` (to `max`): `expected a whole number from 1 to 100` names the range. */
export function wholeArg(min: number, max?: number, what?: string) {
  const error = `expected a whole number ${max === undefined ? `of at least ${min}` : `from ${min} to ${max}`}`;
  const n = z.number({ error: `expected a number${what ? ` of ${what}` : ""}` }).int({ error }).min(min, { error });
  return max === undefined ? n : n.max(max, { error });
}

/** A cross-field rule broken: the issue names `path` (a field of the object being refined). */
export function issue(ctx: z.RefinementCtx, path: PropertyKey[], message: string): void {
  ctx.addIssue({ code: "custom", path, message, input: {} });
}
