import { cloudOfType, trackOf, type GraphResource, type ResourceGraph } from "@aitracks/preview";

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

/** The resources as a tree under the stack, then counts by cloud and by track. */
export function renderPreview(graph: ResourceGraph): string {
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
      lines.push(`${prefix}${last ? "└─ " : "├─ "}${r.type}  ${r.name}${settings(r)}`);
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
  return lines.join("\n");
}
