// @ts-nocheck
// The preview child starts a program without the schemas, zod or the cost model (it needs core's
// names, identity and errors only); `check` loads its pack while the program runs, except when a
// --policy-config must be validated first: then a bad one stops the check before the program runs.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { aitracks, ROOT } from "../helpers/cli";

const PROBE = ["--program", "test/preview/fixtures/child-modules", "--stack", "dev"];
const dir = mkdtempSync(join(tmpdir(), "aitracks-child-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("previewProgram's hooks, for a program in its child process", () => {
  const { previewProgram } = require(join(ROOT, "packages/preview/dist/index.js"));

  it("tells onStart once the program runs, then onGraph the graph, then settles with that graph", async () => {
    const events: unknown[] = [];
    let told: unknown;
    const graph = await previewProgram({
      programDir: join(ROOT, "test/preview/fixtures/child-modules"),
      stack: "dev",
      onStart: () => events.push("start"),
      onGraph: (g: { resources: unknown[] }) => {
        told = g;
        events.push(["graph", g.resources.length]);
      },
    });
    events.push("settled");
    expect(events).toEqual(["start", ["graph", graph.resources.length], "settled"]);
    expect(told).toBe(graph);
  });

  it("tells no graph for a program that throws, and rejects", async () => {
    const dir = mkdtempSync(join(ROOT, "test/preview/fixtures/.throws-"));
    try {
      writeFileSync(join(dir, "Pulumi.yaml"), "name: throws\nruntime: nodejs\n");
      writeFileSync(join(dir, "Pulumi.dev.yaml"), "config: {}\n");
      writeFileSync(join(dir, "index.js"), 'throw new Error("boom");\n');
      let told = false;
      await expect(previewProgram({ programDir: dir, stack: "dev", onGraph: () => (told = true) })).rejects.toThrow(/boom/);
      expect(told).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the preview child", () => {
  it("has loaded the Pulumi SDK but no zod, none of core's schemas or cost model, and no gRPC when the program starts", () => {
    const r = aitracks(["preview", ...PROBE, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const { outputs } = JSON.parse(r.stdout);
    // The probe sees what is loaded: without the SDK no program could have run.
    expect(outputs.pulumiSdk).toBeGreaterThan(10);
    expect(outputs.zod).toEqual([]);
    expect(outputs.coreSchemasOrCost).toEqual([]);
    expect(outputs.grpc).toEqual([]);
  });
});

describe("check loads its pack while the program runs", () => {
  it("gives the same verdicts as before on the probe, both engines", () => {
    const r = aitracks(["check", ...PROBE, "--json"]);
    expect([0, 1]).toContain(r.code);
    const out = JSON.parse(r.stdout);
    expect(out.engines).toEqual(["in-process", "analyzer"]);
    expect(out.resources).toBe(1);
  });

  it("with a bad --policy-config stops before the program runs (the program leaves no mark)", () => {
    const mark = join(dir, "ran-bad");
    const config = join(dir, "bad.json");
    writeFileSync(config, JSON.stringify({ "no-such-policy": "mandatory" }));
    const configFile = join(dir, "Pulumi.dev.yaml");
    writeFileSync(configFile, `config:\n  aws:region: us-east-1\n  probe:mark: ${mark}\n`);
    const r = aitracks(["check", ...PROBE, "--config", configFile, "--policy-config", config]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`aitracks: --policy-config ${config}: no-such-policy: no such policy in the pack`);
    expect(existsSync(mark)).toBe(false);
  });

  it("runs the program when the --policy-config is good (the mark above would be written)", () => {
    const mark = join(dir, "ran-good");
    const config = join(dir, "good.json");
    writeFileSync(config, JSON.stringify({ all: "advisory" }));
    const configFile = join(dir, "Pulumi.dev.yaml");
    writeFileSync(configFile, `config:\n  aws:region: us-east-1\n  probe:mark: ${mark}\n`);
    const r = aitracks(["check", ...PROBE, "--config", configFile, "--policy-config", config, "--json"]);
    expect(r.code).toBe(0);
    expect(existsSync(mark)).toBe(true);
  });

  it("reads the price catalog while the program runs: a bad AITRACKS_CATALOG is bad input, exit 2 naming the file", () => {
    const catalog = join(dir, "bad-catalog.json");
    writeFileSync(catalog, "{ not json");
    for (const engine of ["in-process", "both"]) {
      const r = aitracks(["check", "--program", "bench/fixtures/synthetic", "--stack", "bench", "--engine", engine], { env: { AITRACKS_CATALOG: catalog } });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^aitracks: ${catalog.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not valid JSON`));
    }
  });
});
