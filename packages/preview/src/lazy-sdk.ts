/**
 * Two parts of @pulumi/pulumi that it loads as soon as it is required, and that a preview or a
 * policy pack rarely uses, deferred to first use (@aitracks/core/lazy-module):
 *
 * - the TypeScript compiler (~10 MB of JavaScript, ~140 ms), for one use: serializing a
 *   function's closure (dynamic resources, callback functions). Its `typescript-shim` module, the
 *   only way the SDK reaches TypeScript, loads the real shim the first time anything is read
 *   from it;
 * - the Automation API (`pulumi.automation`: execa, cross-spawn, a file tailer, ~80 modules),
 *   which drives the Pulumi CLI from a program and which neither a program under preview nor a
 *   policy pack calls. It loads the first time anything is read from `pulumi.automation`.
 *
 * Closure serialization and `pulumi.automation` then work as before.
 */
import { deferModule } from "@aitracks/core/lazy-module";

/** Defer them for the @pulumi/pulumi resolved from these folders (no-op if it is loaded already). */
export function deferSdkExtras(paths: readonly string[]): void {
  let shim: string;
  let automation: string;
  try {
    shim = require.resolve("@pulumi/pulumi/typescript-shim", { paths: [...paths] });
    automation = require.resolve("@pulumi/pulumi/automation", { paths: [...paths] });
  } catch {
    return; // an SDK laid out otherwise: it loads as it always does
  }
  if (require.cache[require.resolve("@pulumi/pulumi", { paths: [...paths] })]) return;
  deferModule(shim);
  // TypeScript's __importStar asks for __esModule when the SDK's index imports it.
  deferModule(automation, { esModule: true });
}
