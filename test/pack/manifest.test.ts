// The published packages' manifests (the installable half of issue 20): versions move together,
// every bare import in a package's sources is one of its declared dependencies (and every
// dependency is imported), the user's own @pulumi/pulumi and providers are peers, nothing points
// into the workspace, and every entry point (main, types, bin, exports) exists once built.
// The pack-and-install test (install.test.ts) proves the same from the tarballs.
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { PACKAGES, ROOT, type Manifest } from "./packages";

const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8")) as Manifest;

/** Bare module names imported (import/export from, import(), require(), require.resolve()). */
function importsOf(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!["node_modules", "bin", "dist"].includes(e.name)) walk(p);
      } else if (/\.(c|m)?ts$/.test(e.name) && !e.name.endsWith(".d.ts")) {
        const text = readFileSync(p, "utf8");
        for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|\brequire\.resolve\s*\(\s*)["']([^"'./][^"']*)["']/g)) {
          const spec = m[1]!;
          if (!/^(@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*(\/[^\s]*)?$/.test(spec)) continue; // not a module name (text in a string)
          if (spec.startsWith("node:") || builtinModules.includes(spec.split("/")[0]!)) continue;
          const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
          if (!found.has(name)) found.set(name, p.slice(ROOT.length + 1));
        }
      }
    }
  };
  walk(join(ROOT, dir));
  return found;
}

describe("package manifests", () => {
  const version = manifest("packages/core").version;

  it.each(PACKAGES)("$name: version, license, engines, no private flag, files", ({ dir, name }) => {
    const m = manifest(dir);
    expect(m.name).toBe(name);
    expect(m.version).toBe(version);
    expect(m.private).toBeUndefined();
    expect(m.license).toBe("Apache-2.0");
    expect(m.engines?.node).toBe(manifest(".").engines?.node);
    expect(m.files).toEqual(expect.arrayContaining(["README.md", "LICENSE"]));
    expect(existsSync(join(ROOT, dir, "README.md"))).toBe(true);
  });

  it.each(PACKAGES)("$name: every import declared, every dependency imported", ({ dir, src }) => {
    const m = manifest(dir);
    const declared = new Set([...Object.keys(m.dependencies ?? {}), ...Object.keys(m.peerDependencies ?? {})]);
    const imported = importsOf(join(dir, src));
    const undeclared = [...imported].filter(([n]) => !declared.has(n) && !declared.has(`@types/${n}`)).map(([n, f]) => `${n} (${f})`);
    expect(undeclared).toEqual([]);
    const typesOf = (n: string) => n.replace(/^@types\//, "");
    // A peer on @pulumi/pulumi without an import is still the point: the program's copy runs.
    const unused = Object.keys(m.dependencies ?? {}).filter((n) => !imported.has(n) && !imported.has(typesOf(n)));
    expect(unused).toEqual([]);
  });

  it.each(PACKAGES)("$name: internal dependencies pinned to the shared version; the user's Pulumi copies are peers", ({ dir }) => {
    const m = manifest(dir);
    for (const [n, spec] of Object.entries({ ...m.dependencies, ...m.peerDependencies })) {
      expect(spec, n).not.toMatch(/^(file:|link:|workspace:|\.|\/)/);
      if (n.startsWith("@aitracks/")) expect(spec, n).toBe(version);
    }
    const deps = Object.keys(m.dependencies ?? {});
    for (const shared of ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/aws-native", "@pulumi/gcp", "@pulumi/azure-native"]) {
      expect(deps, `${shared} must be a peer dependency`).not.toContain(shared);
    }
    if (dir !== "packages/core") expect(m.peerDependencies?.["@pulumi/pulumi"]).toBeDefined();
  });

  it.each(PACKAGES)("$name: main, types, bin and every export exist in the build", ({ dir }) => {
    const m = manifest(dir);
    const targets = [m.main, m.types, ...Object.values(m.bin ?? {})];
    for (const t of Object.values(m.exports ?? {})) targets.push(...(typeof t === "string" ? [t] : Object.values(t)));
    expect(m.exports?.["."]).toBeDefined();
    const missing = targets.filter((t): t is string => typeof t === "string").filter((t) => !existsSync(join(ROOT, dir, t)));
    expect(missing).toEqual([]);
  });

  it("the CLI has its bin", () => {
    expect(manifest("packages/cli").bin).toEqual({ aitracks: "bin/aitracks.js" });
  });
});
