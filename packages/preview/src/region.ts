/**
 * Where a resource lives, decided the way the clouds decide it: the resource's own
 * region/location/zone, else its explicit provider's, else the stack config's default for the
 * provider package (what Pulumi's default provider is configured from). The one home of that rule:
 * the graph's `region` field and the mocks' ARNs, ids and locations both come from here.
 */

/** The stack config key that configures each package's default provider region, in order of preference. */
const CONFIG_KEYS: Record<string, readonly string[]> = {
  aws: ["aws:region"],
  "aws-native": ["aws-native:region"],
  gcp: ["gcp:region", "gcp:zone"],
  "google-native": ["google-native:region", "google-native:zone"],
  "azure-native": ["azure-native:location"],
  azure: ["azure:location"],
};

/** The provider package of a type token: `aws:s3/bucket:Bucket` and `pulumi:providers:aws` → `aws`. */
export function packageOf(type: string): string {
  return type.startsWith("pulumi:providers:") ? type.slice("pulumi:providers:".length) : (type.split(":")[0] ?? "");
}

/**
 * The region (AWS, GCP) or location (Azure) of a resource, normalised (`West Europe` → `westeurope`,
 * zone `europe-west4-a` → `europe-west4`, availability zone `eu-west-1a` → `eu-west-1`), or
 * undefined for resources of no cloud (components, dynamic providers, `random`, …) and values not
 * known at preview.
 */
export function resolveRegion(
  type: string,
  inputs: Readonly<Record<string, unknown>>,
  providerInputs: Readonly<Record<string, unknown>> | undefined,
  config: Readonly<Record<string, string>>,
): string | undefined {
  const pkg = packageOf(type);
  const keys = CONFIG_KEYS[pkg];
  const own = fromInputs(pkg, inputs);
  if (own) return own;
  if (!keys) return undefined;
  const fromProvider = providerInputs && fromInputs(pkg, providerInputs);
  if (fromProvider) return fromProvider;
  for (const key of keys) {
    const v = config[key];
    if (typeof v === "string" && v) return normalise(pkg, v, key.endsWith(":zone"));
  }
  return undefined;
}

function fromInputs(pkg: string, inputs: Readonly<Record<string, unknown>>): string | undefined {
  const str = (k: string): string | undefined => {
    const v = inputs[k];
    // "[unknown]" / "[secret]" placeholders and computed values say nothing about placement.
    return typeof v === "string" && v !== "" && !v.startsWith("[") ? v : undefined;
  };
  if (pkg === "azure-native" || pkg === "azure") {
    const location = str("location");
    return location && normalise(pkg, location, false);
  }
  if (pkg === "gcp" || pkg === "google-native") {
    const region = str("region") ?? str("location");
    if (region) return normalise(pkg, region, false);
    const zone = str("zone");
    return zone && normalise(pkg, zone, true);
  }
  if (pkg === "aws" || pkg === "aws-native") {
    const region = str("region");
    if (region) return region;
    const az = str("availabilityZone");
    return az && /^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/.test(az) ? az.slice(0, -1) : undefined;
  }
  // Resources of other packages (dynamic providers, …) that say where they run.
  return str("region") ?? str("location");
}

function normalise(pkg: string, value: string, zone: boolean): string {
  if (pkg === "azure-native" || pkg === "azure") return value.toLowerCase().replace(/[\s_-]+/g, "");
  const v = pkg === "gcp" || pkg === "google-native" ? value.toLowerCase() : value;
  // A GCP zone (`europe-west4-a`) is in the region its name starts with.
  return zone && /^[a-z]+-[a-z]+\d+-[a-z]$/.test(v) ? v.replace(/-[a-z]$/, "") : v;
}
