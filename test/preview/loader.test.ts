import { cpSync, symlinkSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planProgram, readProject } from "@aitracks/preview";
import { aitracks, ROOT } from "../helpers/cli";

// Loader parity with Pulumi's Node.js language host (issue 13): each fixture of
// test/preview/fixtures/loader is copied outside the repository, as a user's program is, with
// node_modules linked to an installed set (ours: TypeScript 6; a corpus program's: TypeScript 5).

const FIXTURES = join(ROOT, "test", "preview", "fixtures", "loader");
const OURS = join(ROOT, "node_modules");
// Installed by test/corpus/install.mjs (npm test runs it first): typescript 5.x, no ts-node.
const TS5 = join(ROOT, "test", "corpus", "aws-ts-new", "node_modules");
const T = 200_000;

function place(fixture: string, nodeModules: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), "aitracks-loader-")), fixture);
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  symlinkSync(nodeModules, join(dir, "node_modules"));
  return dir;
}

interface Graph {
  resources: { type: string; name: string; custom: boolean; region?: string }[];
  outputs: Record<string, unknown>;
}

function preview(dir: string): Graph {
  const r = aitracks(["preview", "--program", dir, "--json"], { timeoutMs: 150_000 });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Graph;
}

const created = (g: Graph) => g.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:")).map((r) => `${r.type} ${r.name} ${r.region ?? "-"}`);

describe("a package.json main naming index.ts (TypeScript-only syntax, the template's tsconfig)", () => {
  it("loads through our TypeScript 6, its deprecated moduleResolution tolerated; the only stack file is used; region eu-west-1", { timeout: T }, () => {
    const g = preview(place("ts-main", OURS));
    expect(created(g)).toEqual(["aws:s3/bucket:Bucket docs-bucket eu-west-1", "aws:s3/bucketVersioning:BucketVersioning docs-versioning eu-west-1"]);
    expect(g.outputs.regionName).toBe("eu-west-1");
  });

  it("loads through the program's own TypeScript 5, given no option it rejects (no TS5103 ignoreDeprecations)", { timeout: T }, () => {
    const dir = place("ts-main", TS5);
    const plan = planProgram(readProject(dir));
    expect(plan.typescript?.compilerVersion).toMatch(/^5\./);
    expect(plan.typescript?.compiler.startsWith(TS5)).toBe(true);
    expect(plan.typescript?.options.compilerOptions).not.toHaveProperty("ignoreDeprecations");
    expect(created(preview(dir))).toContain("aws:s3/bucket:Bucket docs-bucket eu-west-1");
  });

  it("with TypeScript 6 the deprecations are ignored (its tsconfig says moduleResolution node)", () => {
    const plan = planProgram(readProject(place("ts-main", OURS)));
    expect(plan.typescript?.compilerVersion).toMatch(/^6\./);
    expect(plan.typescript?.options.compilerOptions).toMatchObject({ ignoreDeprecations: "6.0", moduleResolution: "node", module: "commonjs" });
  });
});

describe("ES module programs", () => {
  it('"type": "module" JavaScript with top-level await and a file read relative to import.meta.url', { timeout: T }, () => {
    const g = preview(place("esm-js", OURS));
    expect(created(g)).toEqual(["aws:s3/bucket:Bucket esm-bucket us-west-2"]);
    expect(g.outputs.regionName).toBe("us-west-2");
  });

  it('"type": "module" TypeScript through ts-node\'s ESM hooks, top-level await included', { timeout: T }, () => {
    const dir = place("esm-ts", OURS);
    expect(planProgram(readProject(dir)).esm).toBe(true);
    const g = preview(dir);
    expect(created(g)).toEqual(["aws:sqs/queue:Queue esm-queue eu-central-1"]);
    expect(g.outputs.regionName).toBe("eu-central-1");
  });
});

describe("Pulumi.yaml runtime.options and main", () => {
  it("nodeargs reach node; main: src/ is the entry; the working directory is the project folder", { timeout: T }, () => {
    const dir = place("runtime-options", OURS);
    const g = preview(dir);
    expect(created(g)).toEqual(["aws:s3/bucket:Bucket opts -"]);
    expect(g.outputs.execArgv).toEqual(expect.arrayContaining(["--max-old-space-size=300", "--stack-size=2000"]));
    // Our heap sizing for one short run (supervise.ts) comes first, so the program's own nodeargs win.
    const argv = g.outputs.execArgv as string[];
    expect(argv).toEqual(expect.arrayContaining(["--max-semi-space-size=4", "--initial-heap-size=256"]));
    expect(argv.indexOf("--initial-heap-size=256")).toBeLessThan(argv.indexOf("--max-old-space-size=300"));
    expect(g.outputs.cwd).toBe(dir);
  });

  it("typescript: false with a .ts main: exit 2, one line", { timeout: T }, () => {
    const dir = place("ts-disabled", OURS);
    const r = aitracks(["preview", "--program", dir, "--stack", "dev"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([`aitracks: ${join(dir, "index.ts")}: a TypeScript entry, but Pulumi.yaml runtime.options.typescript is false (compile it first, or drop the option)`]);
  });
});
