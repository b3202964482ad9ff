/**
 * What the cost policies share: the stack's resources as the cost model reads them, the stack's
 * config (sent by the engine in ConfigureStack, or by the offline runners), and one estimate.
 */
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { estimateCost, nonFiniteFigure, stackCostInputs, type CostEstimate, type CostGraph, type CostResource, type StackCostInputs } from "@aitracks/core";
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
  const v = p.region ?? p.location;
  return typeof v === "string" && !/^[0-9a-f-]{36}$/.test(v) ? v : undefined;
}

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
 * The last view, with what it was computed from. Both engines hand each stack policy its own copy
 * of the resource list, so the list cannot be the key: the in-process engine's copies hold the same
 * resource objects (one estimate per evaluation, not one per cost policy); the analyzer's are
 * rebuilt per policy and so recompute, as the runtime rebuilds everything else.
 */
let last: { readonly resources: readonly PolicyResource[]; readonly config: unknown; readonly view: CostView } | undefined;

function sameResources(a: readonly PolicyResource[], b: readonly PolicyResource[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The stack's estimate (once per set of resources and config). Bad workload or budget config throws InputError. */
export function costView(args: Pick<StackValidationArgs, "resources">): CostView {
  const current = stackConfig();
  if (last && last.config === current && sameResources(last.resources, args.resources)) return last.view;
  const config = costConfig();
  const graph: CostGraph = { config, resources: args.resources.map(costResource) };
  const view = { graph, inputs: stackCostInputs(config), estimate: estimateCost(graph) };
  last = { resources: [...args.resources], config: current, view };
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

export const usd = (x: number): string => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Unpriced resources whose reason is a value not known until deploy (information, not a verdict). */
export function unknownUntilDeploy(e: CostEstimate): string[] {
  return e.unpriced.filter((u) => /not known until deploy/.test(u.reason)).map((u) => `${u.name}: ${u.reason}`);
}
