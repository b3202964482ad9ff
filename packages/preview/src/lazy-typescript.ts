/**
 * @pulumi/pulumi loads the TypeScript compiler (~10 MB of JavaScript, ~140 ms) as soon as it is
 * required, for one use: serializing a function's closure (dynamic resources, callback functions).
 * A preview rarely serializes one, so before a copy of @pulumi/pulumi is first loaded, its
 * `typescript-shim` module (the only way it reaches TypeScript) is put in the require cache as a
 * stand-in that loads the real shim — `require("typescript")`, else the SDK's vendored copy — the
 * first time anything is read from it. Closure serialization then works as before.
 */
import { deferModule } from "@aitracks/core/lazy-module";

/** Defer TypeScript for the @pulumi/pulumi resolved from these folders (no-op if it is loaded already). */
export function deferTypeScript(paths: readonly string[]): void {
  let shim: string;
  try {
    shim = require.resolve("@pulumi/pulumi/typescript-shim", { paths: [...paths] });
  } catch {
    return; // an SDK without the shim: it loads TypeScript its own way
  }
  if (require.cache[require.resolve("@pulumi/pulumi", { paths: [...paths] })]) return;
  deferModule(shim);
}
