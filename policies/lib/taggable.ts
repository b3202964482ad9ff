/**
 * Whether a resource type takes tags (AWS, Azure) or labels (GCP), from the provider SDKs' own
 * Args (generated into taggable-types.json by taggable.gen.mjs).
 */
import taggable from "./taggable-types.json";

const TYPES: ReadonlySet<string> = new Set((taggable as { types: string[] }).types);

export function isTaggable(type: string): boolean {
  return TYPES.has(type);
}

/** The provider versions the list was generated from. */
export const TAGGABLE_SOURCE: Readonly<Record<string, string>> = (taggable as { generatedFrom: Record<string, string> }).generatedFrom;
