// @ts-nocheck
// packages/preview/src/lazy-sdk.ts: @pulumi/pulumi's TypeScript compiler and Automation API load
// the first time something reads them, not when the SDK is required — and then work as before.
// Run in a child process, as a preview child or the policy pack process loads the SDK.
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
