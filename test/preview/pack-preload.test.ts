// @ts-nocheck
// The policy pack process's preload (packages/preview/src/policy/pack-preload.ts): with a compiled
// pack (package.json main a .js file that exists) the launcher's ts-node registration and its
// reading of tsconfig.json load neither ts-node nor TypeScript; a pack whose main is TypeScript
// keeps both, as under `pulumi preview --policy-pack`. Run in a child process, as the analyzer
// engine starts the pack, asking the launcher's own module (tsutils) what run-policy-pack asks.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

  it("the aitracks pack itself is compiled (so the analyzer engine's pack process skips TypeScript)", () => {
    const pkg = JSON.parse(require("node:fs").readFileSync(join(ROOT, "policies/package.json"), "utf8"));
    expect(pkg.main).toBe("bin/index.js");
  });
});
