// The provider SDK classes the policies name by type token (policies/lib/sdk.ts): every token the
// pack declares is its class's own __pulumiType, every type a validator of the pack filters on is
// one of them, and loading the pack loads none of the SDKs. Run `npx tsc -b` first (reads bin/).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { typeFilterOf as TypeFilterOf } from "../../policies/lib/checks";
import type { packPolicies as PackPolicies } from "../../policies/lib/pack";
import type { DeclaredType } from "../../policies/lib/sdk";
import { ROOT } from "../helpers/cli";

const BIN = join(ROOT, "policies", "bin", "lib");
/** A file of a provider SDK the policies name classes of. */
const SDK_FILE = /[\\/]node_modules[\\/]@pulumi[\\/](aws|aws-native|azure-native|gcp)[\\/]/;

// The pack first, then the module instance of sdk.ts its policies were built with. Loaded inside
// each test, not while the file is collected: a pack that fails to load fails each test by name.
function loaded(): { packPolicies: typeof PackPolicies; typeFilterOf: typeof TypeFilterOf; DECLARED_TYPES: readonly DeclaredType[] } {
  const { packPolicies } = require(join(BIN, "pack.js")) as { packPolicies: typeof PackPolicies };
  const { typeFilterOf } = require(join(BIN, "checks.js")) as { typeFilterOf: typeof TypeFilterOf };
  const { DECLARED_TYPES } = require(join(BIN, "sdk.js")) as { DECLARED_TYPES: readonly DeclaredType[] };
  return { packPolicies, typeFilterOf, DECLARED_TYPES };
}

describe("the SDK classes the policies name by type token", () => {
  it("are declared once each, the S3 bucket among them", () => {
    const { DECLARED_TYPES } = loaded();
    const keys = DECLARED_TYPES.map((d) => `${d.module}.${d.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(DECLARED_TYPES.map((d) => d.type)).size).toBe(keys.length);
    expect(DECLARED_TYPES).toContainEqual({ module: "@pulumi/aws/s3", name: "Bucket", type: "aws:s3/bucket:Bucket" });
  });

  it("each carry the __pulumiType of the SDK class they are typed as", () => {
    const { DECLARED_TYPES } = loaded();
    const real = (d: DeclaredType) => (require(d.module) as Record<string, { __pulumiType?: unknown } | undefined>)[d.name]?.__pulumiType;
    const byClass = (type: (d: DeclaredType) => unknown) => Object.fromEntries(DECLARED_TYPES.map((d) => [`${d.module}.${d.name}`, type(d)]));
    expect(byClass((d) => d.type)).toEqual(byClass(real));
  });

  it("cover every type a validator of the pack filters on (no token named outside policies/lib/sdk.ts)", () => {
    const { packPolicies, typeFilterOf, DECLARED_TYPES } = loaded();
    const declared = new Set(DECLARED_TYPES.map((d) => d.type));
    const filtered = new Set<string>();
    for (const p of packPolicies) {
      const v = (p as { validateResource?: unknown }).validateResource;
      for (const validate of (Array.isArray(v) ? v : v ? [v] : []) as ((...a: unknown[]) => unknown)[]) {
        const single = (validate as { __pulumiType?: string }).__pulumiType;
        if (single) filtered.add(single);
        for (const type of typeFilterOf(validate as never)?.types ?? []) filtered.add(type);
      }
    }
    expect(filtered).toContain("gcp:vertex/aiEndpoint:AiEndpoint");
    expect([...filtered].filter((t) => !declared.has(t))).toEqual([]);
  });
});

describe("loading the policy pack", () => {
  it("loads no module of @pulumi/aws, aws-native, azure-native or gcp", () => {
    // In a fresh process, as the analyzer's pack process and the CLI load it; then one SDK module,
    // to see that the filter finds SDK files where they are installed.
    const script = `
      const sdkFiles = () => Object.keys(require.cache).filter((f) => ${SDK_FILE}.test(f));
      require(${JSON.stringify(join(BIN, "pack.js"))});
      const afterPack = sdkFiles();
      require("@pulumi/gcp/tpu");
      console.log(JSON.stringify({ afterPack, afterSdk: sdkFiles().length > 0 }));`;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ afterPack: [], afterSdk: true });
  });

  it("loads no YAML parser (the pack reads JSON only; core loads yaml with the first YAML text)", () => {
    const script = `
      const yamlFiles = () => Object.keys(require.cache).filter((f) => /[\\\\/]node_modules[\\\\/]yaml[\\\\/]/.test(f)).length;
      const core = require("@aitracks/core");
      require(${JSON.stringify(join(BIN, "pack.js"))});
      const afterPack = yamlFiles();
      core.parseYamlText("a: 1");
      console.log(JSON.stringify({ afterPack, afterYaml: yamlFiles() > 0 }));`;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ afterPack: 0, afterYaml: true });
  });
});
