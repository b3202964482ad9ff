import { z } from "zod";
import { CLOUDS } from "../names";
import { LIMITS, isoDate, nonNegative, positiveUpTo } from "./common";

export { CLOUDS, type Cloud } from "../names";

export const acceleratorSchema = z
  .object({
    /** e.g. nvidia-a100-40gb, aws-trainium, tpu-v5e */
    type: z.string().min(1),
    count: positiveUpTo(LIMITS.instances),
    /** Dense BF16 peak per accelerator, in TFLOP/s: what the first-principles training estimate divides by. */
    peakTflops: positiveUpTo(1e7),
    memoryGb: positiveUpTo(1e7),
  })
  .strict();

export const catalogEntrySchema = z
  .object({
    sku: z.string().min(1, { error: "expected a SKU name" }),
    cloud: z.enum(CLOUDS, { error: "expected one of aws, gcp, azure" }),
    service: z.string().min(1),
    /** instance: priced per hour of a whole machine; accelerator: per chip-hour; throughput: provisioned model units. */
    kind: z.enum(["instance", "accelerator", "throughput", "storage", "usage", "fixed"]),
    unit: z.string().min(1),
    usd: nonNegative,
    /** The region the price is quoted for. */
    region: z.string().min(1),
    /** Regions where the SKU is offered (the components refuse others). */
    regions: z.array(z.string().min(1)).min(1),
    accelerator: acceleratorSchema.nullable().optional(),
    asOf: isoDate,
    source: z.url({ error: "expected the URL of the public pricing page" }),
    /** Why this entry's `asOf` differs from its family's (a correction checked on its own), or any other caveat. */
    note: z.string().min(1).optional(),
  })
  .strict();

export const catalogSchema = z
  .object({
    version: z.literal(1, { error: "expected catalog version 1" }),
    currency: z.literal("USD", { error: "expected USD" }),
    description: z.string().optional(),
    entries: z.array(catalogEntrySchema).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.entries.forEach((e, i) => {
      if (seen.has(e.sku)) ctx.addIssue({ code: "custom", path: ["entries", i, "sku"], message: `duplicate SKU ${e.sku}` });
      seen.add(e.sku);
    });
  });

export type CatalogEntry = z.output<typeof catalogEntrySchema>;
export type Catalog = z.output<typeof catalogSchema>;
