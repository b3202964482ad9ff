/**
 * @pulumi/pulumi loads the TypeScript compiler (~10 MB of JavaScript, ~140 ms) as soon as it is
 * required, for one use: serializing a function's closure (dynamic resources, callback functions).
 * A preview rarely serializes one, so before a copy of @pulumi/pulumi is first loaded, its
 * `typescript-shim` module (the only way it reaches TypeScript) is put in the require cache as a
 * stand-in that loads the real shim — `require("typescript")`, else the SDK's vendored copy — the
 * first time anything is read from it. Closure serialization then works as before.
 */
import Module from "node:module";
import { dirname } from "node:path";

type Cache = Record<string, Module | undefined>;

/** Defer TypeScript for the @pulumi/pulumi resolved from these folders (no-op if it is loaded already). */
export function deferTypeScript(paths: readonly string[]): void {
  let shim: string;
  try {
    shim = require.resolve("@pulumi/pulumi/typescript-shim", { paths: [...paths] });
  } catch {
    return; // an SDK without the shim: it loads TypeScript its own way
  }
  const cache = require.cache as Cache;
  if (cache[shim] || cache[require.resolve("@pulumi/pulumi", { paths: [...paths] })]) return;
  let real: Record<string | symbol, unknown> | undefined;
  const load = () => {
    if (!real) {
      const m = new Module(shim, module) as Module & { load(file: string): void; paths: string[] };
      m.filename = shim;
      m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(shim));
      m.load(shim);
      real = m.exports as Record<string | symbol, unknown>;
    }
    return real;
  };
  const stand = new Module(shim, module);
  stand.filename = shim;
  stand.loaded = true;
  stand.exports = new Proxy(
    {},
    {
      get: (_t, k) => load()[k],
      has: (_t, k) => k in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_t, k) => {
        const d = Reflect.getOwnPropertyDescriptor(load(), k);
        return d && { ...d, configurable: true };
      },
    },
  );
  cache[shim] = stand;
}
