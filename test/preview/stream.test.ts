// @ts-nocheck
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalyzerSession, evaluateInProcess, previewProgram } from "@aitracks/preview";
import { aitracks, processesMarked, ROOT } from "../helpers/cli";

/**
 * `check` starts the pack on a program's resources while the program still runs: the program's
 * child tells them a batch at a time (runInChild's onResources) and the analyzer session sends
 * their Analyze requests at once (AnalyzerSession.stream). The evaluation of the graph then uses
 * those answers only for resources its graph holds as they were told, configured the same way.
 */
const SYNTHETIC = join(ROOT, "bench/fixtures/synthetic");
const dir = mkdtempSync(join(tmpdir(), "aitracks-stream-"));
const config = join(dir, "Pulumi.bench.yaml");
writeFileSync(config, "config: { synthetic:resources: 100, aws:region: us-east-1 }\n");

let told: { resources: unknown[]; stack: unknown }[];
let graph;
let session: AnalyzerSession;

beforeAll(async () => {
  told = [];
  const started = AnalyzerSession.start();
  graph = await previewProgram({ programDir: SYNTHETIC, stack: "bench", configFile: config, onResources: (resources, stack) => told.push({ resources, stack }) });
  session = await started;
}, 60_000);
afterAll(async () => {
  await session?.close();
});

/** Count the Analyze and AnalyzeStack calls a session sends from now on. */
function countCalls(s: AnalyzerSession): { readonly Analyze: number; readonly AnalyzeStack: number } {
  const calls = { Analyze: 0, AnalyzeStack: 0 };
  const analyze = s["analyze"].bind(s);
  s["analyze"] = (method, ...rest) => {
    calls[method]++;
    return analyze(method, ...rest);
  };
  return calls;
}

const verdicts = (r) => ({ violations: r.violations, notes: r.notes });

/** Tell the session the resources told while the program ran, and wait until their requests are out. */
async function feedAll(s: AnalyzerSession, opts = {}): Promise<void> {
  const feed = s.stream(told[0].stack, opts);
  for (const t of told) feed(t.resources);
  await s["early"].key; // the requests go out as the pack is configured, before this returns
}

describe("resources told while the program runs", () => {
  it("are the graph's own resources, in order, a batch of 32 at a time, with the stack they belong to", async () => {
    expect(graph.resources.length).toBe(101); // 100 and the root stack
    expect(told.map((t) => t.resources.length)).toEqual([32, 32, 32]); // the last 5 come with the graph
    told.flatMap((t) => t.resources).forEach((r, i) => expect(r).toBe(graph.resources[i]));
    expect(told[0].stack).toEqual({ project: graph.project, stack: "bench", config: graph.config, secretConfigKeys: graph.secretConfigKeys });
    // The same graph as a run that tells nothing.
    const plain = await previewProgram({ programDir: SYNTHETIC, stack: "bench", configFile: config });
    expect(JSON.stringify(plain)).toBe(JSON.stringify(graph));
  }, 60_000);

  it("are analysed once: the evaluation sends only the resources it was not told, and gives the same verdicts", async () => {
    const fresh = countCalls(session);
    const unstreamed = await session.evaluate(graph);
    expect(fresh).toEqual({ Analyze: 100, AnalyzeStack: 1 });

    await feedAll(session);
    const calls = countCalls(session);
    const report = await session.evaluate(graph);
    // 96 were told (the root stack among them, which is never analysed): 5 are left.
    expect(calls).toEqual({ Analyze: 5, AnalyzeStack: 1 });
    expect(verdicts(report)).toEqual(verdicts(unstreamed));
    expect(verdicts(report)).toEqual(verdicts(await evaluateInProcess(graph)));
  }, 60_000);

  it("are analysed again when the graph holds them changed, or the pack is configured otherwise", async () => {
    await feedAll(session);
    // One told resource differs in the graph: its answer is not the graph's.
    const i = graph.resources.findIndex((r) => r.type === "aws:s3/bucket:Bucket");
    const untagged = { ...graph.resources[i], inputs: { ...graph.resources[i].inputs, tags: {} } };
    const changed = { ...graph, resources: graph.resources.map((r, j) => (j === i ? untagged : r)) };
    const calls = countCalls(session);
    const report = await session.evaluate(changed);
    expect(calls).toEqual({ Analyze: 6, AnalyzeStack: 1 });
    expect(report.violations.some((v) => v.urn === untagged.urn)).toBe(true);
    expect(verdicts(report)).toEqual(verdicts(await evaluateInProcess(changed)));

    // Told under one set of stack tags, evaluated under another: everything is analysed again.
    await feedAll(session, { stackTags: { team: "a" } });
    const again = countCalls(session);
    await session.evaluate(graph, { stackTags: { team: "b" } });
    expect(again).toEqual({ Analyze: 100, AnalyzeStack: 1 });
  }, 60_000);
});

describe("check on a program in its own process", () => {
  it("gives the verdicts a check of its saved graph gives", () => {
    const graphFile = join(dir, "graph.json");
    const preview = aitracks(["preview", "--program", SYNTHETIC, "--stack", "bench", "--config", config, "--json"]);
    expect(preview.code).toBe(0);
    writeFileSync(graphFile, preview.stdout);
    const streamed = aitracks(["check", "--program", SYNTHETIC, "--stack", "bench", "--config", config, "--json"]);
    const saved = aitracks(["check", "--graph", graphFile, "--json"]);
    expect(streamed.stderr).toBe("");
    expect([streamed.code, saved.code]).toEqual([1, 1]); // the synthetic stack has mandatory violations
    expect(streamed.stdout).toBe(saved.stdout);
    expect(JSON.parse(streamed.stdout).resources).toBe(100);
  }, 60_000);

  it.runIf(existsSync("/proc/self/environ"))("ends with the program's error when it fails after its first resources went to the pack", () => {
    const marker = `${Date.now()}-${Math.random()}`;
    const r = aitracks(["check", "--program", "test/fixtures/programs/throws-late", "--stack", "dev", "--json"], { env: { AITRACKS_TEST_MARK: marker } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toBe("aitracks: program error: index.js:7: the feature store went away");
    expect(processesMarked(marker)).toEqual([]);
  }, 60_000);
});
