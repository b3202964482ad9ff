import { defaultRegionOf, normaliseRegion, regionOfZone } from "../regions";
import { isCloudResourceType } from "../resource-kind";
import { COMPONENT_TYPE_PREFIX, trackIdentityOf } from "../identity";
import type { CostGraph, CostResource, TrackRef } from "./types";

/**
 * Values not known until deploy: the preview engine's "[unknown]", Pulumi's wire sentinel (what a
 * `pulumi preview --json` document carries) and @pulumi/policy's typed sentinels.
 */
const UNKNOWN_VALUES = new Set([
  "[unknown]",
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

export function isUnknown(v: unknown): boolean {
  return typeof v === "string" && (UNKNOWN_VALUES.has(v) || v === "[secret]");
}

/** `a.b[0].c` of a value, or undefined. */
export function at(value: unknown, path: string): unknown {
  let v: unknown = value;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "")) {
    if (v === null || v === undefined || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/**
 * Resources a cloud may bill: custom cloud resources. Providers, the stack, components (even
 * when a caller marked them custom by mistake) and non-cloud resources (random, tls, command, the
 * program's own dynamic resources …) cost nothing and are not listed at all.
 */
export function isBillable(r: CostResource): boolean {
  return r.custom !== false && isCloudResourceType(r.type);
}

/** Lookups over a graph, built once per estimate. */
export class GraphIndex {
  readonly byUrn: ReadonlyMap<string, CostResource>;
  private readonly byType = new Map<string, CostResource[]>();
  private readonly trackCache = new Map<string, TrackRef | null>();

  /** `config`: the stack config the estimate reads (default: the graph's), for the default region. */
  constructor(
    readonly graph: CostGraph,
    private readonly config: Readonly<Record<string, unknown>> | undefined = graph.config,
  ) {
    const byUrn = new Map<string, CostResource>();
    for (const r of graph.resources) {
      byUrn.set(r.urn, r);
      const list = this.byType.get(r.type);
      if (list) list.push(r);
      else this.byType.set(r.type, [r]);
    }
    this.byUrn = byUrn;
  }

  private readonly memos = new Map<string, unknown>();
  private dependents: Map<string, CostResource[]> | undefined;

  /** A value computed once per estimate (token prices of a model, a track's data store …), by key. */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const v = compute();
    this.memos.set(key, v);
    return v;
  }

  ofType(type: string): readonly CostResource[] {
    return this.byType.get(type) ?? [];
  }

  /** Resources of a type whose input `key` (a path) equals `value`. */
  find(type: string, key: string, value: unknown): CostResource | undefined {
    if (value === undefined || isUnknown(value)) return undefined;
    return this.ofType(type).find((r) => at(r.inputs, key) === value);
  }

  /** The aitracks track component a resource belongs to (walking up its parents), as the component describes itself. */
  trackOf(r: CostResource): TrackRef | undefined {
    const cached = this.trackCache.get(r.urn);
    if (cached !== undefined) return cached ?? undefined;
    let found: TrackRef | null = null;
    const seen = new Set<string>();
    for (let cur: CostResource | undefined = r; cur && !seen.has(cur.urn); cur = cur.parent ? this.byUrn.get(cur.parent) : undefined) {
      const known = this.trackCache.get(cur.urn);
      if (known !== undefined) {
        found = known;
        break;
      }
      seen.add(cur.urn);
      const id = cur.custom === false || cur.type.startsWith(COMPONENT_TYPE_PREFIX) ? trackIdentityOf(cur.type, cur.inputs) : undefined;
      if (id) {
        found = { ...id, name: cur.name ?? nameOfUrn(cur.urn) };
        break;
      }
    }
    // Every resource on the way up belongs to the same track component (or none).
    for (const urn of seen) this.trackCache.set(urn, found);
    return found ?? undefined;
  }

  /** The provider resource a resource names (`urn::id` or a bare URN). */
  providerOf(r: CostResource): CostResource | undefined {
    const ref = r.provider;
    if (!ref) return undefined;
    const direct = this.byUrn.get(ref);
    if (direct) return direct;
    const cut = ref.lastIndexOf("::");
    return cut > 0 ? this.byUrn.get(ref.slice(0, cut)) : undefined;
  }

  /**
   * The region or location a resource lives in: the one the preview engine resolved (the graph's
   * `region`), else its own region / location / zone input, its provider's, (Azure) its resource
   * group's location, or the stack config's default for its provider (`aws:region`, …).
   */
  regionOf(r: CostResource): string | undefined {
    if (r.region) return normaliseRegion(r.region);
    const own = pickRegion(r.inputs);
    if (own) return own;
    const provider = this.providerOf(r);
    const fromProvider = provider ? pickRegion(provider.inputs) : undefined;
    if (fromProvider) return fromProvider;
    const rg = r.inputs.resourceGroupName;
    if (typeof rg === "string" && !isUnknown(rg)) {
      const group = this.find("azure-native:resources:ResourceGroup", "resourceGroupName", rg);
      const loc = group ? pickRegion(group.inputs) : undefined;
      if (loc) return loc;
    }
    return defaultRegionOf(r.type, (key) => this.config?.[key]);
  }

  /** The resources of a type that a resource depends on (directly), in order. */
  dependenciesOfType(r: CostResource, type: string): CostResource[] {
    const urns = new Set([...(r.dependencies ?? []), ...Object.values(r.propertyDependencies ?? {}).flat()]);
    return [...urns].flatMap((u) => {
      const d = this.byUrn.get(u);
      return d && d.type === type ? [d] : [];
    });
  }

  /** The resources of a type that depend on a resource (its readers and writers). */
  dependentsOfType(r: CostResource, type: string): CostResource[] {
    if (!this.dependents) {
      // Who depends on whom, in graph order, built on first use.
      const dependents = new Map<string, CostResource[]>();
      for (const d of this.graph.resources) {
        const add = (urn: string) => {
          const list = dependents.get(urn);
          if (!list) dependents.set(urn, [d]);
          else if (list[list.length - 1] !== d) list.push(d); // once per dependent
        };
        for (const urn of d.dependencies ?? []) add(urn);
        for (const urns of Object.values(d.propertyDependencies ?? {})) for (const urn of urns) add(urn);
      }
      this.dependents = dependents;
    }
    return (this.dependents.get(r.urn) ?? []).filter((d) => d.type === type);
  }

  /** True when one of the resource's dependencies (or of one input's) has the given type. */
  dependsOnType(r: CostResource, type: string, input?: string): boolean {
    const urns = input ? r.propertyDependencies?.[input] ?? [] : r.dependencies ?? [];
    return urns.some((u) => this.byUrn.get(u)?.type === type || u.includes(`::${type}::`) || u.includes(`$${type}::`));
  }
}

function pickRegion(inputs: Readonly<Record<string, unknown>>): string | undefined {
  for (const key of ["region", "location", "zone"]) {
    const v = inputs[key];
    if (typeof v === "string" && v !== "" && !isUnknown(v)) return normaliseRegion(key === "zone" ? regionOfZone(v) : v);
  }
  return undefined;
}

/** The last segment of a URN: the resource's name. */
export function nameOfUrn(urn: string): string {
  const cut = urn.lastIndexOf("::");
  return cut >= 0 ? urn.slice(cut + 2) : urn;
}
