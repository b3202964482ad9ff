// @ts-nocheck
// What every policy tells the people it stops: a description (the SARIF rule's text and the
// first line of every violation), remediation steps (SARIF help, `check` output), a severity (the
// SARIF level) and tags naming its cloud and what it guards. An empty one is a finding nobody can act on.
import { describe, expect, it } from "vitest";
import { loadPack } from "@aitracks/preview";

describe("policy metadata", () => {
  it("every policy has a description, remediation steps, a severity, two tags and documented, typed settings", async () => {
    const pack = await loadPack();
    const bad = pack.policies
      .map((p) => ({
        name: p.name,
        problems: [
          ...(/^[A-Z].{20,}\.$/s.test(p.description ?? "") ? [] : ["description"]),
          ...((p.remediationSteps ?? "").trim().length >= 20 ? [] : ["remediationSteps"]),
          ...(["low", "medium", "high", "critical"].includes(p.severity) ? [] : ["severity"]),
          ...(["aws", "gcp", "azure", "any"].includes(p.tags?.[0]) ? [] : ["tags[0] (cloud)"]),
          ...(p.tags?.length >= 2 && p.tags.slice(1).every((t) => /^[a-z][a-z0-9-]+$/.test(t)) ? [] : ["tags[1..] (what it guards)"]),
          ...(["mandatory", "advisory"].includes(p.enforcementLevel) ? [] : ["enforcementLevel"]),
          // Each setting says what it is for and what it takes: the schema validates a policy
          // config against its type (and an array's items), and the analyzer hands it to the engine.
          ...Object.entries(p.configSchema?.properties ?? {}).flatMap(([k, s]) => [
            ...(/^[A-Z].{10,}$/s.test(s.description ?? "") ? [] : [`configSchema.${k}.description`]),
            ...(["boolean", "integer", "number", "string", "array"].includes(s.type) ? [] : [`configSchema.${k}.type`]),
            ...(s.type !== "array" || ["string", "number", "integer"].includes(s.items?.type) ? [] : [`configSchema.${k}.items.type`]),
          ]),
        ],
      }))
      .filter((p) => p.problems.length);
    expect(bad).toEqual([]);
    expect(new Set(pack.policies.map((p) => p.name)).size).toBe(pack.policies.length);
  });
});
