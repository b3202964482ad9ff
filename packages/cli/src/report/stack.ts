/**
 * The stack part of the report: preview the program offline, list its cloud resources with their
 * track, and attach the cost estimate and policy verdicts where those engines are available.
 * Loads Pulumi (through the preview engine), so only `aitracks report --stack ...` import { requireFinite } from "../finite";
import { requireFinite } from "../finite";
imports it.
 */
import type * as Core from "@aitracks/core";
import type { GraphResource, ResourceGraph } from "@aitracks/preview";
import { requireFinite } from "../finite";
import { previewTarget, type TargetOptions } from "../target";
import type { CostEstimateLike, PolicyResultLike, StackSection } from "./model";

export interface StackExtras {
  readonly cost?: CostEstimateLike;
  readonly costMissing?: string;
  readonly policies?: PolicyResultLike;
  readonly policiesMissing?: string;
}

/** The section for a graph already previewed, with whatever cost and policy results there are. */
export function sectionFromGraph(graph: ResourceGraph, extras: StackExtras, trackOfResource: (g: ResourceGraph, r: GraphResource) => { track: string; cloud: string; name: string } | undefined): StackSection {
  const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
  const trackOf = (urn: string): string | undefined => {
    const r = byUrn.get(urn);
    const t = r ? trackOfResource(graph, r) : undefined;
    return t ? `${t.track} (${t.name}, ${t.cloud})` : undefined;
  };
  const resources = graph.resources
    .filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"))
    .map((r) => ({ urn: r.urn, type: r.type, name: r.name, track: trackOf(r.urn) }));
  const tracks = [...new Set(graph.resources.flatMap((r) => trackOfResource(graph, r)?.track ?? []))].sort();
  return { stack: graph.stack, project: graph.project, resources, tracks, trackOf, ...extras };
}

export async function stackSection(target: TargetOptions): Promise<StackSection> {
  const graph = await previewTarget(target);
  const { trackOf } = require("@aitracks/preview") as typeof import("@aitracks/preview");
  return sectionFromGraph(graph, await stackExtras(graph), trackOf);
}

/**
 * The cost estimate (the same document as `aitracks cost --json`) and the policy verdicts for
 * the graph. A stack whose workload or budget config is invalid stops here with exit 2.
 */
async function stackExtras(graph: ResourceGraph): Promise<StackExtras> {
  const core = require("@aitracks/core") as typeof Core;
  const estimate = core.estimateCost(graph);
  requireFinite(`stack ${graph.stack}`, [
    ["the monthly total", estimate.monthlyUsd],
    ["the one-off total", estimate.oneOffUsd],
    ["the three-year total", estimate.threeYear.totalUsd],
    ...estimate.resources.map((r) => [`the monthly cost of ${r.name}`, r.monthlyUsd] as const),
  ]);
  const cost = core.estimateJson(estimate);
  // The pack in-process, with its default config: what `aitracks check --engine in-process` says.
  const preview = require("@aitracks/preview") as typeof import("@aitracks/preview");
  const pack = await preview.loadPack();
  const report = await preview.evaluateInProcess(graph);
  return {
    cost,
    policies: {
      violations: report.violations.map((v) => ({ policy: v.policy, level: v.level, urn: v.urn ?? null, message: v.message || v.description })),
      policies: pack.policies.length,
    },
  };
}
