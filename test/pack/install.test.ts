// Issue 20, "from the user's own repository": every package is packed (npm pack, as published),
// the tarballs are installed with npm into a TypeScript Pulumi project OUTSIDE the repository
// (test/pack/project/, copied to the OS temporary folder; everything else comes from the npm
// registry, nothing from our node_modules), and the project's own `npx aitracks` previews, prices
// and checks its program (ts-node transpiles it, as Pulumi does); analyze-one.js serves the
// installed @aitracks/policies folder with run-policy-pack, as `pulumi preview --policy-pack
// node_modules/@aitracks/policies` does, and analyzes one resource over the protocol.
//
// Cost: the project's third-party node_modules are kept between runs in a folder named by the hash
// of the dependency lists (the packages' manifests and the project's own), so a second run
// reinstalls only our five tarballs; a clean machine pays one npm install (from the npm cache
// `npm ci` filled, --prefer-offline).
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, parse } from "node:path";
import { PACKAGES, ROOT, type Manifest } from "./packages";

const TEMPLATE = join(__dirname, "project");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const NPX = process.platform === "win32" ? "npx.cmd" : "npx";

/** The user's own dependencies beside ours (their program's Pulumi, provider and compiler). */
const OWN_DEPENDENCIES = { "@pulumi/pulumi": "^3.276.0", "@pulumi/aws": "^7.48.0", typescript: "~6.0.3", "@types/node": "^20.19.43" };

const manifests = PACKAGES.map(({ dir }) => JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8")) as Manifest);
const depsKey = createHash("sha256")
  .update(JSON.stringify([process.versions.node.split(".")[0], OWN_DEPENDENCIES, manifests.map((m) => [m.name, m.version, m.dependencies, m.peerDependencies])]))
  .digest("hex")
  .slice(0, 16);
// Kept between runs (a cache of the install), so under the machine's temporary folder rather than
// the run's own (test/global-tmp.ts).
const PROJECT = join(process.env.AITRACKS_TEST_PERSISTENT_TMP ?? tmpdir(), `aitracks-pack-${depsKey}`);
const STAMP = join(PROJECT, "node_modules", ".aitracks-pack-key");

// The child processes see neither our node_modules nor a NODE_PATH.
const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };
delete env.NODE_PATH;
for (const k of Object.keys(env)) if (/^(npm_package_|npm_lifecycle_|INIT_CWD$|VITEST)/.test(k)) delete env[k];

function run(cmd: string, args: readonly string[], cwd: string, timeoutMs = 300_000): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
}

function must(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout).trim().split("\n").slice(-8).join("\n")}`);
  return r.stdout;
}

const tarballs: Record<string, { file: string; size: number; unpackedSize: number; files: string[] }> = {};

beforeAll(() => {
  // No node_modules on the way up from the project: Node would resolve from it.
  for (let d = dirname(PROJECT); d !== parse(d).root; d = dirname(d)) expect(existsSync(join(d, "node_modules")), `${d}/node_modules`).toBe(false);
  expect(PROJECT.startsWith(ROOT)).toBe(false);

  mkdirSync(PROJECT, { recursive: true });
  // A fresh program: the template's files, nothing left from an earlier run but node_modules.
  for (const e of readdirSync(PROJECT)) if (e !== "node_modules") rmSync(join(PROJECT, e), { recursive: true, force: true });
  cpSync(TEMPLATE, PROJECT, { recursive: true });

  const out = join(PROJECT, "tarballs");
  mkdirSync(out);
  const packed = JSON.parse(must(run(NPM, ["pack", "--json", "--pack-destination", out, ...PACKAGES.flatMap((p) => ["-w", p.dir])], ROOT), "npm pack")) as {
    name: string;
    filename: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  for (const p of packed) tarballs[p.name] = { file: p.filename, size: p.size, unpackedSize: p.unpackedSize, files: p.files.map((f) => f.path) };

  const pkg = {
    name: "platform-ai",
    version: "1.0.0",
    private: true,
    main: "index.ts",
    dependencies: { ...Object.fromEntries(packed.map((p) => [p.name, `file:tarballs/${p.filename}`])), ...OWN_DEPENDENCIES },
  };
  writeFileSync(join(PROJECT, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  // Our packages always come afresh from this run's tarballs; the rest is kept when the key matches.
  if (!existsSync(STAMP) || readFileSync(STAMP, "utf8") !== depsKey) rmSync(join(PROJECT, "node_modules"), { recursive: true, force: true });
  rmSync(join(PROJECT, "node_modules", "@aitracks"), { recursive: true, force: true });
  rmSync(join(PROJECT, "node_modules", ".package-lock.json"), { force: true });
  must(run(NPM, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], PROJECT, 900_000), "npm install (in the temporary project)");
  writeFileSync(STAMP, depsKey);
}, 1_200_000);

describe("the packed packages, installed in a project outside the repository", () => {
  it("each tarball holds compiled JS, types, README and LICENSE, and no sources or build info", () => {
    expect(Object.keys(tarballs).sort()).toEqual(PACKAGES.map((p) => p.name).sort());
    for (const [name, t] of Object.entries(tarballs)) {
      expect(t.files, name).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE"]));
      expect(t.files.some((f) => f.endsWith(".d.ts")), name).toBe(true);
      expect(t.files.filter((f) => /(^|\/)src\/|\.tsbuildinfo$|\.map$|(?<!\.d)\.ts$/.test(f)), name).toEqual([]);
    }
    expect(tarballs["@aitracks/cli"]!.files).toContain("bin/aitracks.js");
    expect(tarballs["@aitracks/core"]!.files).toContain("catalog/compute-prices.json");
    expect(tarballs["@aitracks/components"]!.files).toEqual(expect.arrayContaining(["PulumiPlugin.yaml", "dist/provider/main.js"]));
    expect(tarballs["@aitracks/policies"]!.files).toEqual(expect.arrayContaining(["PulumiPolicy.yaml", "bin/index.js"]));
  });

  it("installs from the tarballs, with one @pulumi/pulumi (the project's own)", () => {
    const lock = JSON.parse(readFileSync(join(PROJECT, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string; resolved?: string }> };
    for (const p of PACKAGES) expect(lock.packages[`node_modules/${p.name}`]?.resolved, p.name).toMatch(/^file:tarballs\//);
    const pulumiCopies = Object.keys(lock.packages).filter((k) => k.endsWith("node_modules/@pulumi/pulumi"));
    expect(pulumiCopies).toEqual(["node_modules/@pulumi/pulumi"]);
  });

  // Two type checks against the clouds' full SDK types: ~30 s each here, more on a loaded machine.
  it("the project's own tsc type-checks its program against the installed types, and catches a wrong argument", { timeout: 240_000 }, () => {
    // index.ts as the user wrote it: the installed .d.ts resolve through the packages' exports (nodenext).
    must(run(NPX, ["--no-install", "tsc", "--noEmit", "-p", "."], PROJECT), "tsc --noEmit (the project's own)");
    // The same program with a budget that is a string: the component's args type says number.
    const bad = join(PROJECT, "bad-args.ts");
    const config = join(PROJECT, "tsconfig.bad-args.json");
    writeFileSync(bad, readFileSync(join(PROJECT, "index.ts"), "utf8").replace("monthlyBudgetUsd: 500", 'monthlyBudgetUsd: "500"'));
    writeFileSync(config, JSON.stringify({ extends: "./tsconfig.json", files: ["bad-args.ts"] }));
    try {
      const r = run(NPX, ["--no-install", "tsc", "--noEmit", "-p", "tsconfig.bad-args.json"], PROJECT);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toMatch(/bad-args\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type '.*number/);
    } finally {
      rmSync(bad, { force: true });
      rmSync(config, { force: true });
    }
  });

  it("npx aitracks preview --program . shows the track's resources", () => {
    const out = must(run(NPX, ["--no-install", "aitracks", "preview", "--program", ".", "--stack", "dev"], PROJECT), "aitracks preview");
    expect(out).toContain("aitracks:aws:BuyTrack  support-assistant");
    expect(out).toContain("aws:bedrock/guardrail:Guardrail  support-assistant-guardrail");
    expect(out).toMatch(/\d+ cloud resources in stack dev of platform-ai/);
  });

  it("npx aitracks cost --program . prices it", () => {
    const cost = JSON.parse(must(run(NPX, ["--no-install", "aitracks", "cost", "--program", ".", "--stack", "dev", "--json"], PROJECT), "aitracks cost")) as {
      monthlyUsd: number;
      resources: { name: string; monthlyUsd: number }[];
    };
    const monthly = (name: string) => cost.resources.find((r) => r.name === name)?.monthlyUsd;
    // No workload in the stack, so only the fixed items: 1 KMS key x $1.00 = $1.00 a month;
    // 1 invocation alarm x $0.10 = $0.10 a month; total $1.10.
    expect(monthly("support-assistant-key")).toBeCloseTo(1.0, 2);
    expect(monthly("support-assistant-invocations-alarm-0")).toBeCloseTo(0.1, 2);
    expect(cost.monthlyUsd).toBeCloseTo(1.1, 2);
  });

  it("npx aitracks check --program . passes both policy engines, the analyzer one from the installed pack", () => {
    const out = must(run(NPX, ["--no-install", "aitracks", "check", "--program", ".", "--stack", "dev"], PROJECT), "aitracks check");
    expect(out).toMatch(/Policy pack aitracks@0\.1\.0 on stack dev \(project platform-ai\): \d+ resources, \d+ policies, in-process and analyzer runs agree/);
    expect(out).toContain("PASSED");
  });

  it("the installed pack folder, served with run-policy-pack as the Pulumi CLI does, analyzes a resource", () => {
    const got = JSON.parse(must(run(process.execPath, ["analyze-one.js"], PROJECT), "analyze-one.js").trim()) as { pack: string; policies: number; violated: string[] };
    expect(got.pack).toBe("aitracks");
    expect(got.policies).toBeGreaterThan(50);
    expect(got.violated).toContain("aws-sagemaker-notebook-no-direct-internet");
  });
});
