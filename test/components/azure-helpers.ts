// @ts-nocheck
import { standardTags, REQUIRED_TAG_KEYS } from "@aitracks/core";
import type { GraphResource, ResourceGraph } from "@aitracks/preview";
import { expect } from "vitest";

export const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";

export const azureTags = (track: string) => standardTags({ track, owner: "ml-platform", costCenter: "cc-1", reviewDate: "2027-05-01" });

/** `${message} (${resources registered})` of a failed preview, or "no error". */
export const failure = (p: Promise<unknown>) =>
  p.then(
    () => "no error",
    (e: Error & { registered?: number }) => `${e.message} (${e.registered})`,
  );

/** The resource with this logical name. */
export function named(graph: ResourceGraph, name: string): GraphResource {
  const r = graph.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource named ${name}`);
  return r;
}

/** Every Azure resource that takes tags carries the standard ones; every located one is in `location` (or global). */
export function expectTaggedAndLocated(graph: ResourceGraph, location: string): void {
  const azure = graph.resources.filter((r) => r.custom && r.type.startsWith("azure-native:"));
  const tagged = azure.filter((r) => "tags" in r.inputs);
  expect(tagged.length).toBeGreaterThan(10);
  for (const r of tagged) for (const k of REQUIRED_TAG_KEYS) expect((r.inputs.tags as Record<string, string>)[k], `${r.name} ${k}`).toBeTruthy();
  const located = azure.filter((r) => "location" in r.inputs);
  for (const r of located) expect([location, "global"], r.name).toContain(r.inputs.location);
  // One resource group for the track (auto-named from its logical name) holds everything else.
  const rg = azure.find((r) => r.type === "azure-native:resources:ResourceGroup")!;
  const groups = new Set(azure.filter((x) => "resourceGroupName" in x.inputs).map((x) => x.inputs.resourceGroupName));
  expect([...groups]).toHaveLength(1);
  expect([...groups][0]).toMatch(new RegExp(`^${rg.name}-[0-9a-f]{7}$`));
}
