// @ts-nocheck
// The README's cost section says what is priced, what is free and what is never counted: held to the registry.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COST_MODULES, UNCOUNTED_USAGE } from "@aitracks/core";

const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
const section = readme.slice(readme.indexOf("### What is priced, what is free, what is never counted"), readme.indexOf("## Guardrails"));
// The list wraps lines: compare with whitespace collapsed.
const flat = section.replace(/\s+/g, " ");

describe("README: what is priced, free and never counted", () => {
  it("has the section", () => {
    expect(section.length).toBeGreaterThan(1000);
  });

  it("names every priced service of the registry", () => {
    const services = [...new Set(Object.values(COST_MODULES).map((m) => m.service))];
    expect(services.length).toBeGreaterThan(50);
    expect(services.filter((s) => !flat.includes(s))).toEqual([]);
  });

  it("names every service it lists as priced from a module (no stale entries)", () => {
    const services = new Set(Object.values(COST_MODULES).map((m) => m.service));
    const listed = flat
      .slice(flat.indexOf("**Priced**"), flat.indexOf("Usage the stack states"))
      .split(/ ?- (?:AWS|GCP|Azure) — /)
      .slice(1)
      .flatMap((block) => block.replace(/\.\s*$/, "").split(" · ").map((x) => x.replace(/ \(the expected fleet\)$/, "").trim()));
    expect(listed.length).toBe(services.size);
    expect(listed.filter((s) => !services.has(s))).toEqual([]);
  });

  it("names every type whose usage is never counted", () => {
    expect(Object.keys(UNCOUNTED_USAGE).filter((t) => !flat.includes(`\`${t}\``))).toEqual([]);
  });
});
