import { cloudOfType, trackOf, type GraphResource, type ResourceGraph } from "@aitracks/preview";
import { estimateCost, formatUsd, InputError, type CostEstimate } from "@aitracks/core";

/** Inputs worth a glance in the tree, in the order they are shown. */
const KEY_SETTINGS = [
  "instanceType",
  "initialInstanceCount",
  "instanceCount",
  "vmSize",
  "machineType",
  "acceleratorType",
  "acceleratorCount",
  "minReplicaCount",
  "maxReplicaCount",
  "modelId",
  "baseModelIdentifier",
  "modelUnits",
  "kind",
  "sku",
  "limitAmount",
  "retentionInDays",
  "enableKeyRotation",
  "publicNetworkAccess",
  "region",
  "location",
];

function settings(r: GraphResource): string {
  const parts: string[] = [];
  for (const k of KEY_SETTINGS) {
    const v = r.inputs[k];
    if (v === undefined || v === null || typeof v === "object") continue;
    parts.push(`${k}=${String(v)}`);
    if (parts.length === 3) break;
  }
  return parts.length ? `  ${parts.join(" ")}` : "";
}

/** The estimate of each resource, to show beside it; a stack config the cost model rejects gets a note instead. */
function costOf(graph: ResourceGraph): { estimate?: CostEstimate; problem?: string } {
  try {
    return { estimate: estimateCost(graph) };
  } catch (err) {
    if (err instanceof InputError) return { problem: err.lines.join("; ") };
    throw err;
  }
}

function costTag(e: CostEstimate | undefined, urn: string): string {
  const r = e?.resources.find((x) => x.urn === urn);
  if (r) return `  [${r.oneOffUsd > 0 && r.monthlyUsd === 0 ? `${formatUsd(r.oneOffUsd)} once` : `${formatUsd(r.monthlyUsd)}/mo${r.oneOffUsd > 0 ? ` + ${formatUsd(r.oneOffUsd)} once` : ""}`}]`;
  if (e?.unpriced.some((x) => x.urn === urn)) return "  [unpriced]";
  return "";
}

/** The resources as a tree under the stack (with each one's estimated cost), then counts by cloud and by track. */
export function renderPreview(graph: ResourceGraph): string {
  const cost = costOf(graph);
  const children = new Map<string | null, GraphResource[]>();
  for (const r of graph.resources) {
    const list = children.get(r.parent) ?? [];
    list.push(r);
    children.set(r.parent, list);
  }
  const lines: string[] = [];
  const walk = (parent: string | null, prefix: string) => {
    const kids = (children.get(parent) ?? []).slice().sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
    kids.forEach((r, i) => {
      const last = i === kids.length - 1;
      lines.push(`${prefix}${last ? "└─ " : "├─ "}${r.type}  ${r.name}${settings(r)}${costTag(cost.estimate, r.urn)}`);
      walk(r.urn, prefix + (last ? "   " : "│  "));
    });
  };
  const roots = children.get(null) ?? [];
  for (const root of roots) {
    lines.push(`${root.type}  ${root.name}`);
    walk(root.urn, "");
  }
  const billable = graph.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
  const byCloud = new Map<string, number>();
  const byTrack = new Map<string, number>();
  for (const r of billable) {
    // Dynamic resources (pulumi-nodejs:dynamic:…) belong to the cloud of the track they sit in.
    const cloud = cloudOfType(r.type) ?? trackOf(graph, r)?.cloud ?? "other";
    byCloud.set(cloud, (byCloud.get(cloud) ?? 0) + 1);
    const t = trackOf(graph, r);
    const key = t ? `${t.track} (${t.name}, ${t.cloud})` : "outside tracks";
    byTrack.set(key, (byTrack.get(key) ?? 0) + 1);
  }
  const fmt = (m: Map<string, number>) => [...m].map(([k, n]) => `${k}: ${n}`).join(", ");
  lines.push("");
  lines.push(`${billable.length} cloud resources in stack ${graph.stack} of ${graph.project}`);
  lines.push(`  by cloud: ${fmt(byCloud)}`);
  lines.push(`  by track: ${fmt(byTrack)}`);
  const e = cost.estimate;
  if (e) {
    const unpriced = e.unpriced.length ? `; ${e.unpriced.length} unpriced, not counted` : "";
    lines.push(
      `  estimated cost: ${formatUsd(e.monthlyUsd)} a month${e.oneOffUsd > 0 ? ` + ${formatUsd(e.oneOffUsd)} one-off` : ""}, ${formatUsd(e.threeYear.totalUsd)} over three years with people (aitracks cost for the breakdown)${unpriced}`,
    );
  } else lines.push(`  estimated cost: not estimated (${cost.problem})`);
  return lines.join("\n");
}
