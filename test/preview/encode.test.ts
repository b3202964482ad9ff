// @ts-nocheck
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { previewProgram } from "@aitracks/preview";
import { indexByUrn } from "../../packages/preview/dist/graph.js";
import { modules } from "../../packages/preview/dist/policy/analyzer.js";
import { packDir } from "../../packages/preview/dist/policy/pack.js";
import { writeAnalyzeStackRequest, writeStruct } from "../../packages/preview/dist/policy/encode.js";
import { analysedResources, providerOf, toWire } from "../../packages/preview/dist/policy/wire.js";
import { encodeResource } from "../helpers/analyzer-requests";
import { ROOT } from "../helpers/cli";

/**
 * The analyzer requests are written straight to bytes (encode.ts). They must be the bytes the
 * generated protobuf classes of the pack's own @pulumi/pulumi write for the same messages, built
 * as the engine builds them: then the pack reads exactly what it read before.
 */
const m = modules(packDir());
const W = m.BinaryWriter;
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/** The same messages through the generated classes (Struct.fromJavaScript, setters, serializeBinary). */
function generated(resource, provider) {
  const describeAs = (msg, r) => {
    msg.setType(r.type);
    msg.setProperties(m.Struct.fromJavaScript(toWire(r.inputs ?? {})));
    msg.setUrn(r.urn);
    msg.setName(r.name);
    const o = new m.pb.AnalyzerResourceOptions();
    o.setProtect(false);
    if (r.parent) o.setParent(r.parent);
    msg.setOptions(o);
    if (provider) {
      const pr = new m.pb.AnalyzerProviderResource();
      pr.setType(provider.type);
      pr.setProperties(m.Struct.fromJavaScript(toWire(provider.inputs ?? {})));
      pr.setUrn(provider.urn);
      pr.setName(provider.name);
      msg.setProvider(pr);
    }
    return msg;
  };
  const analyze = describeAs(new m.pb.AnalyzeRequest(), resource);
  const stack = describeAs(new m.pb.AnalyzerResource(), resource);
  if (resource.parent) stack.setParent(resource.parent);
  stack.setDependenciesList([...resource.dependencies]);
  for (const [k, urns] of Object.entries(resource.propertyDependencies)) {
    const deps = new m.pb.AnalyzerPropertyDependencies();
    deps.setUrnsList([...urns]);
    stack.getPropertydependenciesMap().set(k, deps);
  }
  return { analyze, stack };
}

describe("analyzer requests written to bytes", () => {
  it("writes every Struct value kind as Struct.fromJavaScript and serializeBinary do", () => {
    const values = [
      {},
      { b: 1, a: [null, "x", true, { c: {} }], e: {} },
      { B: "upper first", a: "lower", _: "", "é": "ü ✓ 𝄞", "": "empty key" },
      { n: [0, -0, 1.5, -2, 1e300, 5e-324, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity] },
      { f: false, t: true, z: null, s: "" },
      { deep: [[[]], [{}], [[{ x: [1, [2, [3]]] }]]] },
      { long: "x".repeat(70_000), many: Array.from({ length: 300 }, (_, i) => ({ [`k${300 - i}`]: i })) },
    ];
    for (const v of values) expect(hex(writeStruct(W, v))).toBe(hex(m.Struct.fromJavaScript(v).serializeBinary()));
  });

  it("refuses what Struct.fromJavaScript refuses", () => {
    for (const bad of [{ u: [undefined] }, { f: () => 1 }, { s: Symbol("s") }, { b: 1n }]) {
      expect(() => m.Struct.fromJavaScript(bad)).toThrow("Unexpected struct type");
      expect(() => writeStruct(W, bad)).toThrow("Unexpected struct type");
    }
  });

  it("writes the Analyze and AnalyzeStack requests of every resource of every example stack as the generated classes do", async () => {
    const stacks = readdirSync(join(ROOT, "stacks"))
      .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
      .filter(Boolean)
      .sort();
    expect(stacks.length).toBeGreaterThanOrEqual(17);
    let compared = 0;
    let withProvider = 0;
    let withPropertyDependencies = 0;
    for (const stack of stacks) {
      const graph = await previewProgram({ programDir: ROOT, stack });
      const byUrn = indexByUrn(graph);
      const ourStack = [];
      const theirStack = new m.pb.AnalyzeStackRequest();
      for (const r of analysedResources(graph)) {
        const provider = providerOf(byUrn, r);
        const want = generated(r, provider);
        const got = encodeResource(W, r, provider);
        expect(hex(got.analyze), `${stack}: Analyze of ${r.urn}`).toBe(hex(want.analyze.serializeBinary()));
        expect(hex(got.stack), `${stack}: AnalyzerResource of ${r.urn}`).toBe(hex(want.stack.serializeBinary()));
        ourStack.push(got.stack);
        theirStack.addResources(want.stack);
        compared++;
        if (provider) withProvider++;
        if (Object.keys(r.propertyDependencies).length > 1) withPropertyDependencies++;
      }
      expect(hex(writeAnalyzeStackRequest(W, ourStack)), `${stack}: AnalyzeStack`).toBe(hex(theirStack.serializeBinary()));
    }
    // The comparison covered providers and sorted property-dependency maps.
    expect(compared).toBeGreaterThan(300);
    expect(withProvider).toBeGreaterThan(100);
    expect(withPropertyDependencies).toBeGreaterThan(20);
  }, 120_000);
});
