// @ts-nocheck
// packages/preview/src/lazy-sdk.ts: @pulumi/pulumi's TypeScript compiler and Automation API load
// the first time something reads them, not when the SDK is required — and then work as before.
// Run in a child process, as a preview child or the policy pack process loads the SDK. gRPC is
// deferred for a program under mocks only (see the second describe); the OpenTelemetry API and the
// package.json normaliser everywhere; the policy SDK's server where the pack is evaluated, not
// served (the last describe).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli";

const script = `
  require(${JSON.stringify(join(ROOT, "packages/preview/dist/lazy-sdk.js"))}).deferSdkExtras([${JSON.stringify(ROOT)}]);
  const loaded = (re) => Object.keys(require.cache).filter((f) => re.test(f) && require.cache[f].loaded).length;
  const TS = /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/;
  const AUTOMATION = /[\\\\/]@pulumi[\\\\/]pulumi[\\\\/]automation[\\\\/](?!index\\.js$)/;
  const pulumi = require("@pulumi/pulumi");
  const atRequire = { typescript: loaded(TS), automation: loaded(AUTOMATION) };
  const workspace = typeof pulumi.automation.LocalWorkspace;
  const afterAutomation = loaded(AUTOMATION) > 0;
  const tsVersion = require("@pulumi/pulumi/typescript-shim").version;
  console.log(JSON.stringify({ atRequire, workspace, afterAutomation, typescript: loaded(TS) > 0, tsVersion: typeof tsVersion }));`;

describe("@pulumi/pulumi's rarely used parts, deferred", () => {
  it("requiring the SDK loads neither TypeScript nor the Automation API; reading them loads and serves them", () => {
    const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ atRequire: { typescript: 0, automation: 0 }, workspace: "function", afterAutomation: true, typescript: true, tsVersion: "string" });
  });
});

// gRPC is deferred only for a program under mocks (deferSdkExtras(paths, { underMocks: true })): the
// runtime connects to no engine there. Real gRPC files are those under build/src but the stand-in
// index, and the generated clients' real modules load only when read.
const grpcScript = (grpc: boolean) => `
  require(${JSON.stringify(join(ROOT, "packages/preview/dist/lazy-sdk.js"))}).deferSdkExtras([${JSON.stringify(ROOT)}], { underMocks: ${grpc} });
  const real = () => Object.keys(require.cache).filter((f) => /[\\\\/]@grpc[\\\\/]grpc-js[\\\\/]build[\\\\/]src[\\\\/](?!index\\.js$)/.test(f)).length;
  const pulumi = require("@pulumi/pulumi");
  const atRequire = real();
  const sdkDir = require("node:path").dirname(require.resolve("@pulumi/pulumi/package.json"));
  const files = (re) => Object.keys(require.cache).filter((f) => re.test(f)).length;
  const otelFiles = /[\\/]@opentelemetry[\\/]api[\\/]build[\\/]src[\\/](?!index\.js$)/;
  const npdFiles = /[\\/]normalize-package-data[\\/]lib[\\/](?!normalize\.js$)/;
  const others = { otel: files(otelFiles), npd: files(npdFiles) };
  // The package.json normaliser closure serialization calls, and the tracing API, work when used.
  const pkg = { name: "x", version: "1.0.0" };
  require(require.resolve("normalize-package-data", { paths: [sdkDir] }))(pkg);
  const otel = typeof require(require.resolve("@opentelemetry/api", { paths: [sdkDir] })).context.active;
  const othersAfter = { otel: files(otelFiles) > 0, npd: files(npdFiles) > 0, id: pkg._id, active: otel };
  // What the runtime does with gRPC when it does use it: build a client and read a status code.
  const { ResourceMonitorClient } = require("@pulumi/pulumi/proto/resource_grpc_pb");
  const grpc = require(require.resolve("@grpc/grpc-js", { paths: [require("node:path").dirname(require.resolve("@pulumi/pulumi/package.json"))] }));
  const client = new ResourceMonitorClient("127.0.0.1:1", grpc.credentials.createInsecure());
  client.close();
  console.log(JSON.stringify({ atRequire, afterUse: real() > 0, unavailable: grpc.status.UNAVAILABLE, client: typeof client.registerResource, others, othersAfter }));`;

describe("gRPC and the rest of the engine plumbing under mocks, deferred", () => {
  it("requiring the SDK for a program under mocks loads no gRPC, OpenTelemetry or package.json normaliser module; using them loads them and they work", () => {
    const r = spawnSync(process.execPath, ["-e", grpcScript(true)], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      atRequire: 0,
      afterUse: true,
      unavailable: 14,
      client: "function",
      others: { otel: 0, npd: 0 },
      othersAfter: { otel: true, npd: true, id: "x@1.0.0", active: "function" },
    });
  });

  it("without { underMocks: true } (the policy pack, which serves over gRPC) the SDK loads gRPC as always; OpenTelemetry and the normaliser still wait for first use, and work", () => {
    const r = spawnSync(process.execPath, ["-e", grpcScript(false)], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.atRequire).toBeGreaterThan(10);
    expect(out.others).toEqual({ otel: 0, npd: 0 });
    expect(out.othersAfter).toEqual({ otel: true, npd: true, id: "x@1.0.0", active: "function" });
  });
});

// The in-process engine evaluates the pack's policies without serving them (loadPack): the policy
// SDK's server, and gRPC, property deserialization and @pulumi/pulumi behind it, wait for first use.
describe("the policy SDK's server, for a process that does not serve the pack", () => {
  it("requiring @pulumi/policy loads no server, gRPC or @pulumi/pulumi; reading the server loads it, and it works", () => {
    const r = spawnSync(
      process.execPath,
      [
        "-e",
        `
        require(${JSON.stringify(join(ROOT, "packages/preview/dist/lazy-sdk.js"))}).deferPolicyServer([${JSON.stringify(ROOT)}]);
        const files = (re) => Object.keys(require.cache).filter((f) => re.test(f)).length;
        const loaded = () => ({
          grpc: files(/[\\\\/]@grpc[\\\\/]grpc-js[\\\\/]build[\\\\/]src[\\\\/]/),
          pulumi: files(/[\\\\/]@pulumi[\\\\/]pulumi[\\\\/]index\\.js$/),
          deserialize: files(/[\\\\/]@pulumi[\\\\/]policy[\\\\/]deserialize\\.js$/),
        });
        const policy = require("@pulumi/policy");
        const atRequire = { ...loaded(), validateResourceOfType: typeof policy.validateResourceOfType, proxy: typeof require("@pulumi/policy/proxy").unknownCheckingProxy };
        const serve = typeof require("@pulumi/policy/server").serve;
        const after = loaded();
        console.log(JSON.stringify({ atRequire, serve, after: { grpc: after.grpc > 0, pulumi: after.pulumi, deserialize: after.deserialize } }));`,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      atRequire: { grpc: 0, pulumi: 0, deserialize: 0, validateResourceOfType: "function", proxy: "function" },
      serve: "function",
      after: { grpc: true, pulumi: 1, deserialize: 1 },
    });
  });
});
