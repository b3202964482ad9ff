/**
 * Reading resources the way every cloud spells them: tags or labels (plus the provider's default
 * tags), the region, the aitracks track a resource belongs to, and links between resources.
 */
import type { PolicyProviderResource, PolicyResource } from "@pulumi/policy";
import { cloudOf as coreCloudOf, defaultRegionOf, isCloudPackageType, isUnknown, normaliseRegion, TAG_KEYS, trackIdentityOf } from "@aitracks/core";
import { configValue } from "./stack-config";
import { tagPropertyOf } from "./taggable";
import { isUnknownError, proxyTarget } from "./unknown";
import { asString, isObject, parseJson, type Json } from "./values";

/** What both resource and stack validations see of a resource. */
export interface ResourceLike {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly props: Record<string, Json>;
  readonly provider?: PolicyProviderResource | undefined;
}

export type CloudOfType = "aws" | "gcp" | "azure" | undefined;

/** The cloud of a type token (core's one answer). */
export function cloudOf(type: string): CloudOfType {
  return coreCloudOf(type);
}

/** Custom cloud resources: not providers, not components, not the stack. */
export function isCloudResource(type: string): boolean {
  return isCloudPackageType(type);
}

/** Provider config values arrive as JSON strings; read them as objects. */
function providerValue(providerProps: Record<string, Json> | undefined, key: string): Json {
  const v = providerProps?.[key];
  if (!(typeof v === "string" && /^[[{]/.test(v))) return v;
  // One parse per provider value: every resource of a provider reads it (its default tags).
  let parsed = parsedValues.get(v);
  if (parsed === undefined && !parsedValues.has(v)) {
    parsed = parseJson(v);
    if (parsedValues.size > 1_000) parsedValues.clear();
    parsedValues.set(v, parsed);
  }
  return parsed as Json;
}
const parsedValues = new Map<string, Json | undefined>();

/** The property that carries tags: `labels` (or `userLabels`) on GCP, `tags` elsewhere. */
export function tagProperty(type: string): "tags" | "labels" | "userLabels" {
  return tagPropertyOf(type);
}

/**
 * Tags as a plain map, from either shape the SDKs use: a map (aws, azure-native, GCP labels, some
 * aws-native types) or aws-native's list of `{key, value}` (Cloud Control's shape).
 */
function tagMap(source: Json): Record<string, Json> | undefined {
  if (isObject(source)) return source;
  if (!Array.isArray(source)) return undefined;
  const out: Record<string, Json> = {};
  for (const t of source) {
    if (!isObject(t)) continue;
    const key = t.key ?? t.Key;
    if (typeof key === "string") out[key] = t.value ?? t.Value;
  }
  return out;
}

/**
 * The resource's own tags merged over its provider's defaults (`defaultTags.tags` on AWS and
 * aws-native, `defaultLabels` on GCP). Reading an unknown tag map throws (the caller decides what that means).
 */
export function tagsOf(r: ResourceLike): Record<string, string> {
  // Keyed by what the runtime's proxy wraps: a resource policy gets a new proxy per call.
  const key = proxyTarget(r.props);
  const cached = tagCache.get(key);
  if (cached) return cached;
  // The proxies' values when nothing read is unknown (the common case: a trap per read costs
  // more than the read); else through the proxies, which throw the runtime's own error.
  const out = mergedTags(r.type, key, proxyTarget(r.provider?.props), true) ?? mergedTags(r.type, r.props, r.provider?.props, false)!;
  tagCache.set(key, out);
  return out;
}

/** Provider default tags under the resource's own; undefined if `known` and a value read is unknown. */
function mergedTags(type: string, props: Record<string, Json>, providerProps: Record<string, Json> | undefined, known: boolean): Record<string, string> | undefined {
  const cloud = cloudOf(type);
  const defaultsKey = cloud === "aws" ? "defaultTags" : cloud === "gcp" ? "defaultLabels" : undefined;
  const own = props[tagProperty(type)];
  if (known && (isUnknown(own) || (defaultsKey !== undefined && isUnknown(providerProps?.[defaultsKey])))) return undefined;
  const fromProvider = defaultsKey === undefined ? undefined : providerValue(providerProps, defaultsKey);
  const defaults = cloud === "aws" ? (fromProvider as { tags?: Json } | undefined)?.tags : fromProvider;
  if (known && isUnknown(defaults)) return undefined;
  const out: Record<string, string> = {};
  for (const source of [defaults, own]) {
    if (known && Array.isArray(source) && source.some((t) => isUnknown(t) || (isObject(t) && [t.key, t.Key, t.value, t.Value].some(isUnknown)))) return undefined;
    const map = tagMap(source);
    if (!map) continue;
    for (const [k, v] of Object.entries(map)) {
      if (known && isUnknown(v)) return undefined;
      if (typeof v === "string") out[k] = v;
    }
  }
  return out;
}

/** Tags by props object: every policy reads the same resources' tags. */
const tagCache = new WeakMap<object, Record<string, string>>();

/** A tag value on AWS/Azure, or the same key as a GCP label. */
export function tagValue(r: ResourceLike, key: string): string | undefined {
  return tagsOf(r)[key];
}

/**
 * Region or location of a resource, normalised ("East US" -> "eastus", "us-central1-a" ->
 * "us-central1"): its own, else its provider's, else the stack config's default for its provider
 * (`aws:region`, `gcp:region`, `azure-native:location`, …) — where the provider puts it.
 */
export function regionOf(r: ResourceLike): string | undefined {
  const p = r.props;
  const raw =
    asString(p.region) ??
    asString(p.location) ??
    zoneRegion(asString(p.zone)) ??
    asString(providerValue(r.provider?.props, "region")) ??
    asString(providerValue(r.provider?.props, "location")) ??
    zoneRegion(asString(providerValue(r.provider?.props, "zone")));
  return raw ? normaliseRegion(raw) : defaultRegionOf(r.type, configValue);
}

function zoneRegion(zone: string | undefined): string | undefined {
  return zone ? zone.replace(/-[a-z]$/, "") : undefined;
}

/**
 * The track a resource belongs to: its `aitracks-track` tag, else the aitracks track component it
 * sits under (the URN's type chain names every ancestor's type; a resource validation sees no
 * parent's inputs, so the type token is looked up in core's table of known tracks).
 */
export function trackOf(r: ResourceLike): string | undefined {
  const tagged = safeTag(r, TAG_KEYS.track);
  if (tagged) return tagged;
  return trackOfTypeChain(urnTypeChain(r.urn));
}

/** The track named by a URN's type chain (one answer per chain: resources share a handful). */
function trackOfTypeChain(chain: string): string | undefined {
  if (chainTracks.has(chain)) return chainTracks.get(chain);
  let track: string | undefined;
  for (const type of chain.split("$")) {
    const id = trackIdentityOf(type);
    if (id) {
      track = id.track;
      break;
    }
  }
  if (chainTracks.size < 10_000) chainTracks.set(chain, track);
  return track;
}
const chainTracks = new Map<string, string | undefined>();

/** `aitracks:aws:BuyTrack$aws:s3/bucket:Bucket` from a URN (its third `::` part; the name may hold `::`). */
export function urnTypeChain(urn: string): string {
  // Without splitting the URN: every policy asks of every resource.
  const first = urn.indexOf("::");
  const second = first < 0 ? -1 : urn.indexOf("::", first + 2);
  const third = second < 0 ? -1 : urn.indexOf("::", second + 2);
  return third < 0 ? "" : urn.slice(second + 2, third);
}

/** A tag read that treats an unknown or missing tag map as "no tag". */
export function safeTag(r: ResourceLike, key: string): string | undefined {
  try {
    return tagValue(r, key);
  } catch (err) {
    if (isUnknownError(err)) return undefined;
    throw err;
  }
}

/** The aitracks track component a resource belongs to, walking parents; it describes itself in its inputs. */
export function trackComponentOf(r: PolicyResource): PolicyResource | undefined {
  if (componentOf.has(r)) return componentOf.get(r);
  const walked: PolicyResource[] = [];
  let found: PolicyResource | undefined;
  for (let cur: PolicyResource | undefined = r; cur; cur = cur.parent) {
    if (componentOf.has(cur)) {
      found = componentOf.get(cur);
      break;
    }
    walked.push(cur);
    if (trackIdentityOf(cur.type, cur.props)) {
      found = cur;
      break;
    }
  }
  // Every resource on the way up belongs to the same component (or none).
  for (const w of walked) componentOf.set(w, found);
  return found;
}
/** Stack policies share their resource objects within an evaluation: each walk up is done once. */
const componentOf = new WeakMap<PolicyResource, PolicyResource | undefined>();

/** The track a stack resource belongs to, with its name: tags first, then the component. */
export function trackInfo(r: PolicyResource): { track?: string; name?: string } {
  const comp = trackComponentOf(r);
  return {
    track: safeTag(r, TAG_KEYS.track) ?? (comp ? trackIdentityOf(comp.type, comp.props)?.track : undefined),
    name: safeTag(r, "aitracks-name") ?? comp?.name,
  };
}

/** Every resource this one depends on, directly or through others (dependencies and property dependencies). */
export function transitiveDependencies(r: PolicyResource): Set<PolicyResource> {
  const seen = new Set<PolicyResource>();
  const stack: PolicyResource[] = [r];
  while (stack.length) {
    const cur = stack.pop()!;
    const next = [...cur.dependencies, ...Object.values(cur.propertyDependencies).flat()];
    for (const d of next) {
      if (!seen.has(d)) {
        seen.add(d);
        stack.push(d);
      }
    }
  }
  return seen;
}

/** The resources a property of `r` refers to (its property dependencies), e.g. the bucket of a bucket config. */
export function referenced(r: PolicyResource, property: string): PolicyResource[] {
  return r.propertyDependencies[property] ?? [];
}
