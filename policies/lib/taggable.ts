/**
 * Whether a resource type takes tags (AWS, Azure) or labels (GCP), from the provider SDKs' own
 * Args (generated into taggable-types.json by taggable.gen.mjs), and which property holds them.
 */
import taggable from "./taggable-types.json";

const data = taggable as { generatedFrom: Record<string, string>; types: string[]; userLabels: string[] };
const TYPES: ReadonlySet<string> = new Set(data.types);
/** GCP types whose user labels are `userLabels` (their `labels` are configuration, e.g. an email address). */
const USER_LABELS: ReadonlySet<string> = new Set(data.userLabels);

export function isTaggable(type: string): boolean {
  return TYPES.has(type) || USER_LABELS.has(type);
}

/** The property that carries the type's tags: `tags` (AWS, Azure), `labels` or `userLabels` (GCP). */
export function tagPropertyOf(type: string): "tags" | "labels" | "userLabels" {
  if (USER_LABELS.has(type)) return "userLabels";
  return type.startsWith("gcp:") ? "labels" : "tags";
}

/** The provider versions the list was generated from. */
export const TAGGABLE_SOURCE: Readonly<Record<string, string>> = data.generatedFrom;
