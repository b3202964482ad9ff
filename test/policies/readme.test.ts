// @ts-nocheck
// policies/README.md lists every policy of the pack, with its default level and whether it is a
// stack policy, and nothing the pack does not have.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPack } from "@aitracks/preview";

const readme = readFileSync(join(__dirname, "..", "..", "policies", "README.md"), "utf8");
const rows = [...readme.matchAll(/^\| `([a-z0-9-]+)`( \(stack\))? \| ([^|]+) \| ([^|]+) \| (M|A) \| ([^|]+) \|$/gm)].map((m) => ({
  name: m[1]!,
  stack: !!m[2],
  cloud: m[3]!.trim(),
  level: m[5] === "M" ? "mandatory" : "advisory",
}));

describe("policies/README.md", () => {
  it("has one row per policy of the pack, with its level, kind and cloud", async () => {
    const pack = await loadPack();
    const expected = pack.policies.map((p) => ({
      name: p.name,
      stack: "validateStack" in p,
      cloud: ({ aws: "AWS", gcp: "GCP", azure: "Azure", any: "all" } as Record<string, string>)[(p.tags ?? [])[0] ?? "any"],
      level: p.enforcementLevel,
    }));
    expect(rows).toEqual(expected);
  });
});
