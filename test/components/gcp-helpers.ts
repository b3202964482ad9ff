/** Shared checks for the GCP track tests. */
// @ts-nocheck

import { expect } from "vitest";
import { REQUIRED_TAG_KEYS, standardTags, toGcpLabels } from "@aitracks/core";
import { previewInline, type GraphResource, type ResourceGraph } from "@aitracks/preview";

export const PROJECT = "aitracks-preview";
export const PROJECT_NUMBER = "123456789012";

export function gcpTags(track: string) {
  return standardTags({ track, owner: "ml-platform", costCenter: "CC-4711", reviewDate: "2027-05-01" });
}

/** Preview a program; on failure resolve to "message (registered resources)" so tests can assert both. */
export async function attempt(program: () => unknown): Promise<string> {
  return previewInline({ program }).then(
    () => "no error",
    (e: Error & { registered?: number }) => `${e.message} (${e.registered})`,
  );
}

export function byName(graph: ResourceGraph, name: string): GraphResource {
  const r = graph.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource named ${name}; have ${graph.resources.map((x) => x.name).join(", ")}`);
  return r;
}

/** The project-level IAM grants of a member. */
export function projectRolesOf(graph: ResourceGraph, member: string): string[] {
  return graph.resources
    .filter((r) => r.type === "gcp:projects/iAMMember:IAMMember" && r.inputs.member === member)
    .map((r) => r.inputs.role as string)
    .sort();
}

/** Every labelled GCP resource carries the standard labels (as GCP labels). */
export function expectStandardLabels(graph: ResourceGraph, min: number): void {
  // Notification channels keep their configuration in `labels`; their labels are `userLabels`.
  const labelsOf = (r: GraphResource) => (r.type === "gcp:monitoring/notificationChannel:NotificationChannel" ? r.inputs.userLabels : r.inputs.labels);
  const labelled = graph.resources.filter((r) => r.custom && r.type.startsWith("gcp:") && labelsOf(r) !== undefined);
  expect(labelled.length).toBeGreaterThanOrEqual(min);
  const keys = Object.keys(toGcpLabels(Object.fromEntries(REQUIRED_TAG_KEYS.map((k) => [k, "x"]))));
  for (const r of labelled) {
    const labels = labelsOf(r) as Record<string, string>;
    for (const k of keys) expect(labels[k], `${r.name} label ${k}`).toBeTruthy();
    expect(labels["cost-center"], r.name).toBe("cc-4711");
    expect(labels["decision-review-date"], r.name).toBe("2027-05-01");
  }
}

/** The customer-managed key's resource name in a graph (exactly one key per track). */
export function keyName(graph: ResourceGraph): string {
  const keys = graph.resources.filter((r) => r.type === "gcp:kms/cryptoKey:CryptoKey");
  expect(keys).toHaveLength(1);
  return keys[0]!.id!;
}

/** The URNs of the key's grants to service agents: CMEK users must wait for them. */
export function keyGrantUrns(graph: ResourceGraph): string[] {
  return graph.resources.filter((r) => r.type === "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember").map((r) => r.urn);
}
