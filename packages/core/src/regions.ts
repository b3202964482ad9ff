/**
 * Where a resource is placed when neither it nor its provider names a region: the stack config's
 * default for its provider package, as the Pulumi provider itself reads it (`aws:region`,
 * `gcp:region` else `gcp:zone`, `azure-native:location`, …). The cost model's regional prices and
 * the data-residency policy both fall back to it.
 */

/** The config keys a provider package takes its default region from, in order. */
const DEFAULT_REGION_KEYS: Readonly<Record<string, readonly string[]>> = {
  aws: ["aws:region"],
  "aws-native": ["aws-native:region"],
  gcp: ["gcp:region", "gcp:zone"],
  "google-native": ["google-native:region", "google-native:zone"],
  "azure-native": ["azure-native:location"],
  azure: ["azure:location"],
};

/** "East US" -> "eastus", "West Europe" -> "westeurope"; regions pass through lower-cased. */
export function normaliseRegion(region: string): string {
  return region.toLowerCase().replace(/\s+/g, "");
}

/** The region of a GCP zone (`europe-west4-a` -> `europe-west4`); anything else passes through. */
export function regionOfZone(zone: string): string {
  return /^[a-z]+-[a-z]+\d+-[a-z]$/.test(zone) ? zone.slice(0, -2) : zone;
}

/**
 * The stack config's default region for a resource type's provider package, normalised, or
 * undefined. `read` returns a config value by fully-qualified key (the graph's parsed config or the
 * engine's strings alike: only string values count).
 */
export function defaultRegionOf(type: string, read: (key: string) => unknown): string | undefined {
  const pkg = type.startsWith("pulumi:providers:") ? type.slice("pulumi:providers:".length) : type.split(":")[0]!;
  for (const key of DEFAULT_REGION_KEYS[pkg] ?? []) {
    const v = read(key);
    if (typeof v === "string" && v.trim() !== "") return normaliseRegion(key.endsWith(":zone") ? regionOfZone(v.trim()) : v.trim());
  }
  return undefined;
}
