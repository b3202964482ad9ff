// @ts-nocheck
// The policy pack process's preload (packages/preview/src/policy/pack-preload.ts): with a compiled
// pack (package.json main a .js file that exists) the launcher's ts-node registration and its
// reading of tsconfig.json load neither ts-node nor TypeScript; a pack whose main is TypeScript
// keeps both, as under `pulumi preview --policy-pack`. The launcher's inspector session (v8Hooks)
// is opened on the first closure serialization, not before the pack loads. Run in a child process,
// as the analyzer engine starts the pack, asking the SDK's own modules what run-policy-pack asks.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli";

const PRELOAD = join(ROOT, "packages/preview/dist/policy/pack-preload.js");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A pack folder with this package.json main (and that file), then what the launcher loads in it. */
function launcherIn(main: string) {
  const dir = mkdtempSync(join(tmpdir(), "aitracks-pack-"));
  dirs.push(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "p", main }));
  writeFileSync(join(dir, main), "module.exports = {};\n");
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, target: "ES2022" } }));
  // What run-policy-pack/run.js does before it loads the pack: the require strings, tsconfig's
  // compiler options, then ts-node and TypeScript themselves.
  const script = `
    const sdk = require.resolve("@pulumi/pulumi/tsutils", { paths: [${JSON.stringify(ROOT)}] });
    const tsutils = require(sdk);
    const { tsnodeRequire, typescriptRequire } = tsutils.typeScriptRequireStrings();
    const options = tsutils.loadTypeScriptCompilerOptions("tsconfig.json");
    const launcher = require("module").createRequire(sdk);
    const tsn = launcher(tsnodeRequire);
    const ts = launcher(typescriptRequire);
    const loaded = Object.keys(require.cache);
    console.log(JSON.stringify({
      options,
      tsVersion: ts.version,
      registers: typeof tsn.register,
      typescriptLoaded: loaded.some((f) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(f)),
      tsNodeLoaded: loaded.some((f) => /[\\\\/]ts-node[\\\\/]/.test(f)),
    }));`;
  const r = spawnSync(process.execPath, ["--require", PRELOAD, "-e", script], { cwd: dir, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe("the policy pack's preload", () => {
  it("a compiled pack (main index.js): the launcher gets a no-op ts-node, loads neither it nor TypeScript, reads no tsconfig", () => {
    const r = launcherIn("index.js");
    expect(r).toEqual({ options: {}, tsVersion: "0.0.0", registers: "function", typescriptLoaded: false, tsNodeLoaded: false });
  });

  it("a TypeScript pack (main index.ts): the real ts-node and TypeScript, tsconfig's compiler options read", () => {
    const r = launcherIn("index.ts");
    expect(r.options).toEqual({ strict: true, target: "ES2022" });
    expect(r.tsVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(r.tsVersion).not.toBe("0.0.0");
    expect(r).toMatchObject({ registers: "function", typescriptLoaded: true, tsNodeLoaded: true });
  });

  it("the launcher's v8Hooks open no inspector session; closure serialization opens it and still finds where a function was written", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-pack-"));
    dirs.push(dir);
    // A module loaded before any session exists, as the pack's are.
    writeFileSync(join(dir, "early.js"), "exports.f = function early() { return 1; };\n");
    const script = `
      const inspector = require("node:inspector");
      const launcherFile = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [${JSON.stringify(ROOT)}] });
      const launcherRequire = require("module").createRequire(launcherFile);
      const closureRequire = require("module").createRequire(require.resolve("@pulumi/pulumi/runtime/closure/v8", { paths: [${JSON.stringify(ROOT)}] }));
      // Every session V8's inspector is asked to open in this process.
      let sessions = 0;
      const connect = inspector.Session.prototype.connect;
      inspector.Session.prototype.connect = function () { sessions++; return connect.call(this); };
      (async () => {
        const hooks = launcherRequire("../../runtime/closure/v8Hooks");
        await hooks.isInitializedAsync();
        const afterInit = sessions;
        const { f } = require("./early.js");
        const location = await closureRequire("./v8").getFunctionLocationAsync(f);
        console.log(JSON.stringify({ afterInit, afterSerialization: sessions, file: location.file, line: location.line }));
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const run = (preload: boolean) => {
      const r = spawnSync(process.execPath, [...(preload ? ["--require", PRELOAD] : []), "-e", script], { cwd: dir, encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout);
    };
    const file = pathToFileURL(join(dir, "early.js")).href;
    // Without the preload the launcher opens the session at once; with it, not until a function is serialized.
    expect(run(false)).toEqual({ afterInit: 1, afterSerialization: 1, file, line: 0 });
    expect(run(true)).toEqual({ afterInit: 0, afterSerialization: 1, file, line: 0 });
  });

  it("the SDK's promises keep their tags, with a stack without frames (with its frames under PULUMI_DEBUG_PROMISE_LEAKS)", () => {
    const script = `
      const runtime = require.resolve("@pulumi/pulumi/runtime/settings", { paths: [${JSON.stringify(ROOT)}] });
      const debuggable = require("module").createRequire(runtime)("./debuggable");
      const p = Promise.resolve(1);
      debuggable.debuggablePromise(p, "ctx");
      console.log(JSON.stringify({ ctx: p._debugCtx, frames: p._debugStackTrace.split("\\n").length - 1, limit: Error.stackTraceLimit }));`;
    const run = (env: Record<string, string>) => {
      const r = spawnSync(process.execPath, ["--require", PRELOAD, "-e", script], { encoding: "utf8", env: { ...process.env, ...env } });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout);
    };
    expect(run({})).toEqual({ ctx: "ctx", frames: 0, limit: 10 });
    const leaks = run({ PULUMI_DEBUG_PROMISE_LEAKS: "true" });
    expect(leaks.ctx).toBe("ctx");
    expect(leaks.frames).toBeGreaterThan(1);
    expect(leaks.limit).toBe(10);
  });

  it("the aitracks pack itself is compiled (so the analyzer engine's pack process skips TypeScript)", () => {
    const pkg = JSON.parse(require("node:fs").readFileSync(join(ROOT, "policies/package.json"), "utf8"));
    expect(pkg.main).toBe("bin/index.js");
  });
});
