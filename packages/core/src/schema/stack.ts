import { z } from "zod";
import { isoDate, positive } from "./common";
import { CLOUDS, TRACKS } from "../names";
import { workloadFileSchema } from "./workload";

export { TRACKS, type Track } from "../names";
/** The options the decision matrix and the TCO model compare. */
export const OPTIONS = ["build", "buy", "fine-tune", "hybrid"] as const;
export type Option = (typeof OPTIONS)[number];

/**
 * One track of a stack. The keys below are common to every cell; the rest are the cell's own
 * settings, validated by that cell's schema in @aitracks/components.
 */
export const trackEntrySchema = z
  .object({
    track: z.enum(TRACKS, { error: `expected one of ${TRACKS.join(", ")}` }),
    cloud: z.enum(CLOUDS, { error: `expected one of ${CLOUDS.join(", ")}` }),
    region: z
      .string({ error: "expected a region such as us-east-1, us-central1 or eastus" })
      .regex(/^[a-z0-9-]+$/, { error: "expected a region such as us-east-1, us-central1 or eastus" }),
    /** A short logical name, unique in the stack (default: `<track>-<cloud>`). */
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,30}$/, { error: "expected a lower-case name of letters, digits and dashes, at most 31 characters" })
      .optional(),
  })
  .loose();

export const tagsSchema = z
  .object({
    owner: z.string({ error: "expected the owning team or person" }).min(1, { error: "expected the owning team or person" }),
    costCenter: z.string({ error: "expected a cost centre" }).min(1, { error: "expected a cost centre" }),
  })
  .catchall(z.string({ error: "expected a string tag value" }));

export const budgetSchema = z
  .object({
    maxMonthlyUsd: positive,
    /** Percentages of the budget that alert. */
    alertThresholds: z
      .array(z.number({ error: "expected a percentage" }).gt(0).max(1000))
      .min(1)
      .default([50, 80, 100]),
    alertEmails: z.array(z.email({ error: "expected an email address" })).default([]),
  })
  .strict();

export const decisionRefSchema = z.union(
  [
    z.object({ record: z.string({ error: "expected the path of a decision record (ADR)" }) }).strict(),
    z
      .object({
        track: z.enum(OPTIONS, { error: `expected one of ${OPTIONS.join(", ")}` }),
        reviewDate: isoDate,
        decidedOn: isoDate.optional(),
        /** The options the decision's hard gates ruled out (the policies fail a stack that provisions one). */
        ruledOut: z.array(z.enum(OPTIONS, { error: `expected one of ${OPTIONS.join(", ")}` }), { error: "expected a list of options" }).optional(),
        /** The decision record these came from, named in the policies' messages. */
        record: z.string({ error: "expected the path of a decision record (ADR)" }).optional(),
      })
      .strict(),
  ],
  { error: "expected {record: <path to the decision record>} or {track, reviewDate}" },
);

export const stackSpecSchema = z
  .object({
    tracks: z.array(trackEntrySchema, { error: "expected a list of tracks" }).min(1, { error: "expected at least one track" }),
    /** The workload profile, same shape as the TCO input; `buy` may be left out (derived from the buy track). */
    workload: workloadFileSchema.partial({ buy: true }).optional(),
    tags: tagsSchema,
    budget: budgetSchema.optional(),
    decision: decisionRefSchema,
    environment: z.enum(["production", "staging", "development"], { error: "expected production, staging or development" }).default("production"),
    /** How sensitive the data sent to the tracks is; restricted data may not reach unapproved providers. */
    dataClassification: z
      .enum(["public", "internal", "confidential", "restricted"], { error: "expected public, internal, confidential or restricted" })
      .default("internal"),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const seen = new Map<string, number>();
    spec.tracks.forEach((t, i) => {
      const name = t.name ?? `${t.track}-${t.cloud}`;
      const first = seen.get(name);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["tracks", i, "name"],
          message: `expected a unique track name; "${name}" is also tracks[${first}] (set name: to tell them apart)`,
        });
      }
      seen.set(name, i);
    });
  });

export type TrackEntry = z.output<typeof trackEntrySchema>;
export type StackSpec = z.output<typeof stackSpecSchema>;
export type StackTags = z.output<typeof tagsSchema>;

/** The name a track goes by in resource names and outputs. */
export function trackName(t: TrackEntry): string {
  return t.name ?? `${t.track}-${t.cloud}`;
}
