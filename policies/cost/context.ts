/**
 * What the cost policies share: the stack's resources as the cost model reads them, the stack's
 * config (sent by the engine in ConfigureStack, or by the offline runners), and one estimate.
 */
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { enUsDecimal, estimateCost, nonFiniteFigure, stackCostInputs, type CostEstimate, type CostGraph, type CostResource, type StackCostInputs } from "@aitracks/core";
import { stackConfig } from "../lib/stack-config";
import { proxyTarget } from "../lib/unknown";

/** Type tokens of the providers aitracks stacks use (custom resources even when no provider is recorded). */
const CLOUD_PACKAGE = /^(aws|aws-native|gcp|google-native|azure-native|azure|pulumi-nodejs|random|tls):/;

/** A property bag without the policy runtime's proxy: unknowns stay as sentinels, which the cost model reads as "not known until deploy". */
export function plainProps(props: unknown): Record<string, unknown> {
  return props && typeof props === "object" ? proxyTarget(props as Record<string, unknown>) : {};
}

function regionOfProvider(r: { provider?: { props: Record<string, unknown> } | undefined }): string | undefined {
  if (!r.provider) return undefined;
  const p = plainProps(r.provider.props);
  // Every resource of a provider asks: once per provider's properties.
  if (providerRegions.has(p)) return providerRegions.get(p);
  const v = p.region ?? p.location;
  const region = typeof v === "string" && !/^[0-9a-f-]{36}$/.test(v) ? v : undefined;
  providerRegions.set(p, region);
  return region;
}
const providerRegions = new WeakMap<object, string | undefined>();

/** One policy resource as the cost model reads it. */
export function costResource(r: PolicyResource): CostResource {
  const region = regionOfProvider(r);
  return {
    urn: r.urn,
    type: r.type,
    name: r.name,
    // PolicyResource has no custom flag: custom resources name their provider, components do not.
    custom: r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("aitracks:") && (r.provider !== undefined || CLOUD_PACKAGE.test(r.type)),
    parent: r.parent?.urn ?? r.opts?.parent ?? null,
    inputs: plainProps(r.props),
    dependencies: r.dependencies.map((d) => d.urn),
    propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map((d) => d.urn)])),
    ...(region ? { region } : {}),
  };
}

/** The stack's config as the cost model reads it (values as the engine sends them: JSON strings). */
export function costConfig(): Record<string, unknown> {
  return { ...(stackConfig()?.values ?? {}) };
}

export interface CostView {
  readonly graph: CostGraph;
  readonly inputs: StackCostInputs;
  readonly estimate: CostEstimate;
}

/**
 * The last view, with what it was computed from: one estimate per evaluation, not one per cost
 * policy. Both engines hand each stack policy its own copy of the resource list, so the list
 * cannot be the key: the key is what the estimate reads. The analyzer runtime rebuilds every
 * resource for every stack policy from one AnalyzeStack request, but around the same properties
 * object (the engine shim deserializes each request's properties once), so the cost resources of
 * one request compare equal field by field, their inputs by identity.
 */
let last: { readonly from: readonly PolicyResource[]; readonly resources: readonly CostResource[]; readonly config: unknown; readonly view: CostView } | undefined;

/** The same items (by identity) in the same order; a missing list is an empty one. */
const sameItems = <T>(a: readonly T[] = [], b: readonly T[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);

function sameCostResource(a: CostResource, b: CostResource): boolean {
  if (a.urn !== b.urn || a.type !== b.type || a.name !== b.name || a.custom !== b.custom || a.parent !== b.parent || a.region !== b.region || a.inputs !== b.inputs) return false;
  if (a.provider !== b.provider || !sameItems(a.dependencies, b.dependencies)) return false;
  const pa = a.propertyDependencies ?? {};
  const pb = b.propertyDependencies ?? {};
  const keys = Object.keys(pa);
  return sameItems(keys, Object.keys(pb)) && keys.every((k) => sameItems(pa[k], pb[k]));
}

/** The stack's estimate (once per set of resources and config). Bad workload or budget config throws InputError. */
export function costView(args: Pick<StackValidationArgs, "resources">): CostView {
  const current = stackConfig();
  const prev = last?.config === current ? last : undefined;
  // The in-process engine's copies: the same objects, nothing to rebuild.
  if (prev && sameItems(prev.from, args.resources)) return prev.view;
  const resources = args.resources.map(costResource);
  if (prev && prev.resources.length === resources.length && resources.every((r, i) => sameCostResource(r, prev.resources[i]!))) {
    last = { ...prev, from: [...args.resources] };
    return prev.view;
  }
  const config = costConfig();
  const graph: CostGraph = { config, resources };
  const view = { graph, inputs: stackCostInputs(config), estimate: estimateCost(graph) };
  last = { from: [...args.resources], resources, config: current, view };
  return view;
}

/**
 * The cost view, or undefined after saying why there is none: a stack config the cost model cannot
 * read (a malformed aitracks:workload) or an estimate with a figure that is not finite is a
 * violation of the policy that needed it, not a crash of the whole pack nor a pass.
 */
export function costViewOr(args: Pick<StackValidationArgs, "resources">, report: (message: string) => void): CostView | undefined {
  try {
    const view = costView(args);
    // A figure that is not a number (NaN, Infinity) would pass or fail a gate for no reason: fail, saying which.
    const bad = nonFiniteFigure(view.estimate);
    if (bad) {
      report(`cannot compute the stack's cost: ${bad} is not a finite number; no cost gate passes on it`);
      return undefined;
    }
    return view;
  } catch (err) {
    if (err instanceof Error && err.name === "InputError") {
      report(`cannot estimate the stack's cost: ${err.message.split("\n").join("; ")}`);
      return undefined;
    }
    throw err;
  }
}

/** Dollars and cents, as en-US writes them (enUsDecimal: without starting ICU in the pack's process). */
export const usd = (x: number): string => `$${enUsDecimal(x, 2, 2)}`;

/** Unpriced resources whose reason is a value not known until deploy (information, not a verdict). */
export function unknownUntilDeploy(e: CostEstimate): string[] {
  return e.unpriced.filter((u) => /not known until deploy/.test(u.reason)).map((u) => `${u.name}: ${u.reason}`);
}
