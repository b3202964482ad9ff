/**
 * The clouds and tracks aitracks knows, as plain constants: the schemas (schema/catalog.ts,
 * schema/stack.ts) build their enums from them and re-export them, and identity.ts reads them
 * without loading zod (the preview child and the policy pack need the names, not the schemas).
 */

export const CLOUDS = ["aws", "gcp", "azure"] as const;
export type Cloud = (typeof CLOUDS)[number];

/** The five tracks a stack can provision; several entries in one stack make a hybrid. */
export const TRACKS = ["build", "buy", "fine-tune", "serving", "evaluation"] as const;
export type Track = (typeof TRACKS)[number];
