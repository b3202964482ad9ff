// @ts-nocheck
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli";

/** The clouds' SDKs the dynamic providers load when a real `pulumi up` calls them, and only then. */
const CLOUD_SDKS = "/(google-auth-library|google-gax|@google-cloud|@azure|openai|@aws-sdk)/";

/** Run the CLI in one process and list the modules (@pulumi ones unless told) it loaded on the way. */
function pulumiModulesLoadedBy(args: string[], pattern = "/@pulumi/"): { code: number; loaded: string[] } {
  const script = `
    const { main } = require(${JSON.stringify(join(ROOT, "packages/cli/dist/main.js"))});
    process.stdout.write = () => true;
    main(["node", "aitracks", ...${JSON.stringify(args)}]).then((code) => {
      const loaded = Object.keys(require.cache).filter((k) => new RegExp(${JSON.stringify(pattern)}).test(k));
      process.stderr.write("@@" + JSON.stringify({ code, loaded }));
    });`;
  const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
  const line = r.stderr.split("@@")[1];
  if (!line) throw new Error(`no result: ${r.stderr}`);
  return JSON.parse(line);
}

describe("commands that need no Pulumi start without it", () => {
  it.each([
    ["--help", ["--help"]],
    ["decide", ["decide", "examples/decisions/clear-buy.yaml"]],
    ["tco", ["tco", "examples/workloads/requests-100.yaml", "--samples", "50"]],
    ["pricing status", ["pricing", "status"]],
  ])("%s loads no @pulumi module", (_name, args) => {
    const r = pulumiModulesLoadedBy(args);
    expect(r.code).toBe(0);
    expect(r.loaded).toEqual([]);
  });

  it("preview does load Pulumi (the check above would notice if the probe were broken)", () => {
    const r = pulumiModulesLoadedBy(["preview", "--stack", "buy-aws", "--json"]);
    expect(r.code).toBe(0);
    expect(r.loaded.some((k) => k.includes("/@pulumi/pulumi/"))).toBe(true);
  });
});

describe("the clouds' SDKs stay out until a provider calls the cloud", () => {
  it.each([
    ["--help", ["--help"]],
    ["decide", ["decide", "examples/decisions/clear-buy.yaml"]],
    ["a GCP preview with Vertex AI dynamic resources", ["preview", "--stack", "fine-tune-gcp", "--json"]],
    ["an Azure preview with Azure OpenAI dynamic resources", ["preview", "--stack", "fine-tune-azure", "--json"]],
  ])("%s loads none of them", (_name, args) => {
    const r = pulumiModulesLoadedBy(args, CLOUD_SDKS);
    expect(r.code).toBe(0);
    expect(r.loaded).toEqual([]);
  });
});

describe("cli-table3 loads only for a command that prints a table", () => {
  it("--help loads no cli-table3", () => {
    const r = pulumiModulesLoadedBy(["--help"], "/node_modules/cli-table3/");
    expect(r.code).toBe(0);
    expect(r.loaded).toEqual([]);
  });

  it("decide does (the check above would notice if the probe were broken)", () => {
    const r = pulumiModulesLoadedBy(["decide", "examples/decisions/clear-buy.yaml"], "/node_modules/cli-table3/");
    expect(r.code).toBe(0);
    expect(r.loaded.length).toBeGreaterThan(0);
  });
});

describe("esbuild loads for explore only", () => {
  it.each([
    ["--help", ["--help"]],
    ["explore --help", ["explore", "--help"]],
    ["decide", ["decide", "examples/decisions/clear-buy.yaml"]],
  ])("%s loads no esbuild", (_name, args) => {
    const r = pulumiModulesLoadedBy(args, "/node_modules/esbuild/");
    expect(r.code).toBe(0);
    expect(r.loaded).toEqual([]);
  });

  it("explore does (the check above would notice if the probe were broken)", () => {
    const out = join(require("node:os").tmpdir(), `aitracks-startup-explore-${process.pid}.html`);
    const r = pulumiModulesLoadedBy(["explore", "examples/decisions/clear-buy.yaml", "examples/workloads/requests-100.yaml", "--out", out, "--samples", "50"], "/node_modules/esbuild/");
    require("node:fs").rmSync(out, { force: true });
    expect(r.code).toBe(0);
    expect(r.loaded.length).toBeGreaterThan(0);
  });
});

describe("decide, tco, review and explore load core's decision entry, not the cost model", () => {
  const COST_MODEL = "/packages/core/dist/(cost|stack-config|tags|pricing/refresh)/|/packages/core/dist/index\\.js$";
  it.each([
    ["decide", ["decide", "examples/decisions/clear-buy.yaml"]],
    ["tco", ["tco", "examples/workloads/requests-100.yaml", "--samples", "50"]],
  ])("%s loads none of the cost model", (_name, args) => {
    const r = pulumiModulesLoadedBy(args, COST_MODEL);
    expect(r.code).toBe(0);
    expect(r.loaded).toEqual([]);
  });

  it("cost does (the check above would notice if the probe were broken)", () => {
    const r = pulumiModulesLoadedBy(["cost", "--stack", "buy-aws", "--json"], COST_MODEL);
    expect(r.code).toBe(0);
    expect(r.loaded.some((k) => k.includes("/core/dist/cost/"))).toBe(true);
  });
});

describe("decide loads the TCO model, the workload schema and the prices only for --workload", () => {
  const TCO = "/packages/core/dist/(tco|pricing)/|/packages/core/dist/schema/workload\\.js$";
  it("decide (text, --json) loads none of them", () => {
    for (const args of [["decide", "examples/decisions/clear-fine-tune.yaml"], ["decide", "examples/decisions/clear-buy.yaml", "--json"]]) {
      const r = pulumiModulesLoadedBy(args, TCO);
      expect(r.code).toBe(0);
      expect(r.loaded).toEqual([]);
    }
  });

  it("decide --adr - --workload does (the check above would notice if the probe were broken)", () => {
    const r = pulumiModulesLoadedBy(["decide", "examples/decisions/clear-fine-tune.yaml", "--adr", "-", "--workload", "examples/workloads/requests-10k.yaml"], TCO);
    expect(r.code).toBe(0);
    expect(r.loaded.some((k) => k.includes("/core/dist/tco/"))).toBe(true);
    expect(r.loaded.some((k) => k.endsWith("/core/dist/schema/workload.js"))).toBe(true);
  });
});

describe("zod's 64 locale modules load only when read (@aitracks/core/defer-zod-locales)", () => {
  /** Run the real entry (bin/aitracks.js) with a preload that lists, at exit, the zod locale modules loaded. */
  function localesLoadedBy(args: string[]): { code: number | null; locales: string[] } {
    const dir = require("node:fs").mkdtempSync(join(require("node:os").tmpdir(), "aitracks-startup-"));
    const preload = join(dir, "list.cjs");
    require("node:fs").writeFileSync(
      preload,
      // Every locale module in the cache but English (loaded directly) and the index (the stand-in).
      `process.on("exit", () => process.stderr.write("@@" + JSON.stringify(Object.keys(require.cache).filter((k) => /[\\\\/]zod[\\\\/]v4[\\\\/]locales[\\\\/]/.test(k) && !/[\\\\/](en|index)\\.cjs$/.test(k)))));`,
    );
    const r = spawnSync(process.execPath, ["--require", preload, join(ROOT, "packages/cli/bin/aitracks.js"), ...args], { cwd: ROOT, encoding: "utf8" });
    require("node:fs").rmSync(dir, { recursive: true, force: true });
    return { code: r.status, locales: JSON.parse(r.stderr.split("@@")[1] ?? "null") };
  }

  it("decide loads no locale but English", () => {
    const r = localesLoadedBy(["decide", "examples/decisions/clear-buy.yaml"]);
    expect(r.code).toBe(0);
    expect(r.locales).toEqual([]);
  });

  it("the stand-in loads the real locales the first time one is read", () => {
    const script = `
      require(${JSON.stringify(join(ROOT, "packages/core/dist/defer-zod-locales.js"))});
      const { z } = require("zod");
      const before = Object.keys(require.cache).filter((k) => /[\\\\/]locales[\\\\/]fr\\.cjs$/.test(k)).length;
      const fr = z.locales.fr;
      const after = Object.keys(require.cache).filter((k) => /[\\\\/]locales[\\\\/]fr\\.cjs$/.test(k)).length;
      console.log(JSON.stringify({ before, after, fr: typeof fr, names: Object.keys(z.locales).length }));`;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: join(ROOT, "packages/core"), encoding: "utf8" });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ before: 0, after: 1, fr: "function" });
    expect(out.names).toBeGreaterThan(40);
  });
});
