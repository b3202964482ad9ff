// policies/lib/engine-shim.ts patches two internals of @pulumi/policy (and one protobuf class of
// @pulumi/pulumi) to work around https://github.com/pulumi/pulumi-policy/issues/241. The pin
// below fails loudly on a new @pulumi/policy: re-check the issue (the SDK may now expose secrets
// and the stack config itself), re-verify the patched functions, then move the pin.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as rpc from "@pulumi/pulumi/runtime/rpc";

const PINNED = "1.21.0";

describe("the engine shim's @pulumi/policy", () => {
  it(`is the version the shim was written against (${PINNED})`, () => {
    const version = (JSON.parse(readFileSync(require.resolve("@pulumi/policy/package.json"), "utf8")) as { version: string }).version.replace(/^v/, "");
    expect(
      version,
      `@pulumi/policy is ${version}, but policies/lib/engine-shim.ts patches ${PINNED}'s internals: see https://github.com/pulumi/pulumi-policy/issues/241, re-verify the shim and move PINNED`,
    ).toBe(PINNED);
  });

  it("still reads a resource's properties and the stack's tags through the functions the shim wraps", () => {
    const server = readFileSync(require.resolve("@pulumi/policy/server.js"), "utf8");
    expect(server).toContain("deserialize_1.deserializeProperties(");
    expect(server).toMatch(/function configureStack\([\s\S]*?call\.request\.getTagsMap\(\)/);
    // The handlers (analyzer-handlers.ts): PolicyPack serves through the module's `serve`, which
    // registers the AnalyzerService on a grpc-js Server; test/policies/analyzer-handlers.test.ts
    // compares the answers.
    const policy = readFileSync(require.resolve("@pulumi/policy/policy.js"), "utf8");
    expect(policy).toContain("server_1.serve(");
    expect(server).toMatch(/server\.addService\(analyzerrpc\.AnalyzerService, \{[\s\S]*?analyze: makeAnalyzeRpcFun\([\s\S]*?analyzeStack: makeAnalyzeStackRpcFun\(/);
  });

  it("records where the secrets were, and the stack config the engine sent", () => {
    const { installEngineShim } = require("../../policies/bin/lib/engine-shim") as typeof import("../../policies/lib/engine-shim");
    const { stackConfig, setStackConfig } = require("../../policies/bin/lib/stack-config") as typeof import("../../policies/lib/stack-config");
    const { secretPathsOfProps } = require("../../policies/bin/lib/secrets") as typeof import("../../policies/lib/secrets");
    installEngineShim();

    const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as { Struct: { fromJavaScript(v: unknown): unknown } };
    const deserialize = require("@pulumi/policy/deserialize") as { deserializeProperties(s: unknown, proxy: boolean): Record<string, unknown> };
    const secret = { [rpc.specialSigKey]: rpc.specialSecretSig, value: "hunter2" };
    const props = deserialize.deserializeProperties(Struct.fromJavaScript({ password: secret, plain: "x" }), false);
    expect(props.password).toBe("hunter2");
    expect([...secretPathsOfProps(props)]).toEqual(["password"]);

    // The server deserializes a request's properties once per policy, from the same Struct: the
    // shim does it once per Struct (one props object per resource, as in-process), and a new
    // Struct (the next resource) is deserialized afresh; proxied and plain results are kept apart.
    const struct = Struct.fromJavaScript({ password: secret, plain: "y" });
    const first = deserialize.deserializeProperties(struct, false);
    expect(deserialize.deserializeProperties(struct, false)).toBe(first);
    expect([...secretPathsOfProps(first)]).toEqual(["password"]);
    const other = deserialize.deserializeProperties(Struct.fromJavaScript({ password: secret, plain: "y" }), false);
    expect(other).not.toBe(first);
    expect(other).toEqual(first);
    const proxied = deserialize.deserializeProperties(struct, true);
    expect(proxied).not.toBe(first);
    expect(deserialize.deserializeProperties(struct, true)).toBe(proxied);

    const { AnalyzerStackConfigureRequest } = require("@pulumi/pulumi/proto/analyzer_pb") as {
      AnalyzerStackConfigureRequest: new () => { getConfigMap(): { set(k: string, v: string): void }; setConfigSecretKeysList(v: string[]): void; getTagsMap(): unknown };
    };
    setStackConfig(undefined);
    const req = new AnalyzerStackConfigureRequest();
    req.getConfigMap().set("aitracks:environment", "staging");
    req.setConfigSecretKeysList(["aitracks:token"]);
    req.getTagsMap();
    expect(stackConfig()).toEqual({ values: { "aitracks:environment": "staging" }, secretKeys: ["aitracks:token"] });
  });
});
