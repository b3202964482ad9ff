// @ts-nocheck
// policies/lib/struct-reader.ts: the pack reads the Structs of Analyze and AnalyzeStack requests
// straight to JavaScript values. Each must be exactly what google-protobuf's own decoding then
// Struct.toJavaScript() gives: the same values (-0, NaN, null, nested lists and structs), the same
// key order (toJavaScript's: sorted), the last of repeated keys, unknown fields skipped, and a
// Value without a kind failing when read, with toJavaScript's error. Over hand-written bytes in any
// field order (the Pulumi engine, in Go, writes a map's entries in any order), and over every
// request of every example stack.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { previewProgram } from "@aitracks/preview";
import { indexByUrn } from "../../packages/preview/dist/graph.js";
import { modules } from "../../packages/preview/dist/policy/analyzer.js";
import { packDir } from "../../packages/preview/dist/policy/pack.js";
import { writeAnalyzeStackRequest } from "../../packages/preview/dist/policy/encode.js";
import { analysedResources, providerOf } from "../../packages/preview/dist/policy/wire.js";
import { encodeResource } from "../helpers/analyzer-requests";
import { ROOT } from "../helpers/cli";

const { withStructsAsJavaScript } = require("../../policies/bin/lib/struct-reader");

const m = modules(packDir());
const policyDir = dirname(require.resolve("@pulumi/policy/server"));
const protoDir = dirname(require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [policyDir] }));
// The classes the pack's generated decoders use.
const { Struct } = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [protoDir] }));
const { BinaryWriter } = require(require.resolve("google-protobuf", { paths: [protoDir] }));
const pb = require(require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [policyDir] }));

/** A value with its key order and its numbers' identities (-0, NaN) spelled out. */
function canonical(v) {
  if (typeof v === "number") return Object.is(v, -0) ? "num:-0" : `num:${v}`;
  if (Array.isArray(v)) return ["list", ...v.map(canonical)];
  if (v && typeof v === "object") return ["struct", ...Object.keys(v).flatMap((k) => [k, canonical(v[k])])];
  return v;
}

/** What the generated decoder then toJavaScript() give, and what the fast reader gives: value or error. */
function bothReadings(decode, structsOf) {
  const read = (fast) => {
    let msg;
    try {
      msg = fast ? withStructsAsJavaScript(Struct, decode) : decode();
    } catch {
      return "the request does not decode";
    }
    return structsOf(msg).map((s) => {
      try {
        return canonical(s.toJavaScript());
      } catch (err) {
        return `error: ${err.message}`;
      }
    });
  };
  return { generated: read(false), fast: read(true) };
}

// Hand-written Struct bytes: field 1 entries (key 1, value 2); a Value's kind fields 1-6.
const w = () => new BinaryWriter();
const bytesOf = (write) => {
  const writer = w();
  write(writer);
  return writer.getResultBuffer();
};
const entry = (writer, key, writeValue) =>
  writer.writeMessage(1, {}, (_, e) => {
    if (key !== undefined) e.writeString(1, key);
    if (writeValue) e.writeMessage(2, {}, (_v, v) => writeValue(v));
  });
const num = (x) => (v) => v.writeDouble(2, x);
const str = (x) => (v) => v.writeString(3, x);
const bool = (x) => (v) => v.writeBool(4, x);
const nul = (v) => v.writeEnum(1, 0);
const struct = (write) => (v) => v.writeMessage(5, {}, (_, s) => write(s));
const list = (...values) => (v) => v.writeMessage(6, {}, (_, l) => values.forEach((x) => l.writeMessage(1, {}, (_v, item) => x(item))));

const cases = {
  "keys out of order, numeric-like keys, every kind": (s) => {
    entry(s, "zeta", str("last"));
    entry(s, "10", num(10));
    entry(s, "2", num(2));
    entry(s, "alpha", bool(true));
    entry(s, "Beta", nul);
    entry(s, "négatif", num(-0));
    entry(s, "nan", num(Number.NaN));
    entry(s, "inf", num(Number.POSITIVE_INFINITY));
    entry(s, "", str("empty key"));
    entry(s, "emoji", str("🔑 \u0000 tab\t"));
  },
  "nested structs and lists, empty ones": (s) => {
    entry(s, "outer", struct((inner) => {
      entry(inner, "b", list(num(1), str("x"), list(), struct((e) => entry(e, "y", nul)), bool(false)));
      entry(inner, "a", struct(() => undefined));
    }));
    entry(s, "empty", list());
  },
  "a repeated key: the last wins": (s) => {
    entry(s, "k", str("first"));
    entry(s, "other", num(1));
    entry(s, "k", str("second"));
  },
  "a Value with two kinds: the last wins": (s) => {
    entry(s, "k", (v) => {
      v.writeString(3, "text");
      v.writeDouble(2, 4.5);
    });
  },
  "unknown fields skipped at every level": (s) => {
    s.writeString(7, "not a field of Struct");
    entry(s, "k", (v) => {
      v.writeInt32(9, 3);
      v.writeString(3, "kept");
    });
  },
  "a map entry with another field (malformed)": (s) => {
    s.writeMessage(1, {}, (_, e) => {
      e.writeString(1, "j");
      e.writeInt64(5, 7);
      e.writeMessage(2, {}, (_v, v) => v.writeBool(4, true));
    });
  },
  "a Value without a kind": (s) => {
    entry(s, "fine", num(1));
    entry(s, "bad", () => undefined);
  },
  "an entry without a value": (s) => entry(s, "novalue", undefined),
  "an entry without a key (the key is \"\")": (s) => {
    entry(s, "b", num(2));
    entry(s, undefined, str("no key"));
  },
  "a kindless Value deep in a list": (s) => entry(s, "l", list(num(1), () => undefined)),
  "empty struct": () => undefined,
};

describe("Structs read as JavaScript values", () => {
  for (const [name, write] of Object.entries(cases)) {
    it(name, () => {
      const bytes = bytesOf(write);
      const { generated, fast } = bothReadings(() => Struct.deserializeBinary(bytes), (msg) => [msg]);
      expect(fast).toEqual(generated);
    });
  }

  it("the cases cover what they are meant to (values, errors, order)", () => {
    const read = (name) => {
      const { generated } = bothReadings(() => Struct.deserializeBinary(bytesOf(cases[name])), (msg) => [msg]);
      return typeof generated === "string" ? generated : generated[0];
    };
    expect(read("keys out of order, numeric-like keys, every kind").slice(1, 5)).toEqual(["2", "num:2", "10", "num:10"]);
    expect(read("a Value without a kind")).toBe("error: Unexpected struct type");
    expect(read("a kindless Value deep in a list")).toBe("error: Unexpected struct type");
    expect(read("a repeated key: the last wins")).toEqual(["struct", "k", "second", "other", "num:1"]);
    expect(read("a map entry with another field (malformed)")).toBe("the request does not decode");
    expect(read('an entry without a key (the key is "")')).toEqual(["struct", "", "no key", "b", "num:2"]);
  });

  it("a Struct read as JavaScript answers nothing but toJavaScript()", () => {
    const msg = withStructsAsJavaScript(Struct, () => Struct.deserializeBinary(bytesOf(cases["a repeated key: the last wins"])));
    expect(msg.toJavaScript()).toEqual({ k: "second", other: 1 });
    expect(() => msg.getFieldsMap()).toThrow(/read it with toJavaScript/);
    expect(() => msg.serializeBinary()).toThrow(/read it with toJavaScript/);
    // The generated decoder is back once the request is read.
    expect(Struct.deserializeBinary(bytesOf(cases["a repeated key: the last wins"])).getFieldsMap().get("k").getStringValue()).toBe("second");
  });

  it("every Analyze and AnalyzeStack request of every example stack", async () => {
    const W = m.BinaryWriter;
    const stacks = readdirSync(join(ROOT, "stacks"))
      .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
      .filter(Boolean);
    expect(stacks.length).toBeGreaterThanOrEqual(17);
    let structs = 0;
    for (const stack of stacks) {
      const graph = await previewProgram({ programDir: ROOT, stack });
      const byUrn = indexByUrn(graph);
      const stackResources = [];
      for (const r of analysedResources(graph)) {
        const bytes = encodeResource(W, r, providerOf(byUrn, r));
        stackResources.push(bytes.stack);
        const { generated, fast } = bothReadings(
          () => pb.AnalyzeRequest.deserializeBinary(bytes.analyze),
          (req) => [req.getProperties(), req.getProvider()?.getProperties()].filter(Boolean),
        );
        expect(fast, `${stack}: ${r.urn}`).toEqual(generated);
        structs += fast.length;
      }
      const request = writeAnalyzeStackRequest(W, stackResources);
      const { generated, fast } = bothReadings(
        () => pb.AnalyzeStackRequest.deserializeBinary(request),
        (req) => req.getResourcesList().flatMap((r) => [r.getProperties(), r.getProvider()?.getProperties()].filter(Boolean)),
      );
      expect(fast, stack).toEqual(generated);
      structs += fast.length;
    }
    expect(structs).toBeGreaterThan(1_000);
  }, 120_000);
});
