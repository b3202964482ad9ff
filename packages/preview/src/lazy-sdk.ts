/**
 * Parts of @pulumi/pulumi that it loads as soon as it is required, and that a preview or a
 * policy pack rarely uses, deferred to first use (@aitracks/core/lazy-module):
 *
 * - the TypeScript compiler (~10 MB of JavaScript, ~140 ms), for one use: serializing a
 *   function's closure (dynamic resources, callback functions). Its `typescript-shim` module, the
 *   only way the SDK reaches TypeScript, loads the real shim the first time anything is read
 *   from it;
 * - the Automation API (`pulumi.automation`: execa, cross-spawn, a file tailer, ~80 modules),
 *   which drives the Pulumi CLI from a program and which neither a program under preview nor a
 *   policy pack calls. It loads the first time anything is read from `pulumi.automation`;
 * - the OpenTelemetry API that the runtime's gRPC client interceptor reads (~15-25 ms), and the
 *   package.json normaliser that closure serialization uses for a function's dependencies
 *   (`normalize-package-data`, with semver, hosted-git-info and the SPDX tables: ~10-20 ms).
 *   Neither a program under mocks, nor a policy pack, nor our own process reading the SDK's
 *   protocol definitions calls them;
 * - for a program under mocks only (`underMocks: true`): gRPC (`@grpc/grpc-js`, with node's
 *   http2 and tls, ~40 ms) and the generated clients the runtime builds on it
 *   (`proto/*_grpc_pb`). A program under `setMocks` talks to no engine or monitor; the runtime
 *   reads gRPC only to connect to one, to serve a provider, or in the error paths of a failed
 *   call. The policy pack serves over gRPC: it keeps them;
 * - for a process that evaluates a pack without serving it (deferPolicyServer, the in-process
 *   engine): @pulumi/policy's server, and the gRPC, protocol and @pulumi/pulumi it loads.
 *
 * Each loads the first time anything reads or calls it.
 *
 * Closure serialization, `pulumi.automation` and gRPC then work as before.
 */
import { dirname, join } from "node:path";
import { deferModule } from "@aitracks/core/lazy-module";

/** The generated gRPC clients @pulumi/pulumi requires when it loads (runtime/settings, callbacks, provider/server). */
const GRPC_CLIENTS = ["engine", "resource", "callback", "provider"];

/** Defer them for the @pulumi/pulumi resolved from these folders (no-op if it is loaded already). */
export function deferSdkExtras(paths: readonly string[], opts: { readonly underMocks?: boolean } = {}): void {
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
  const sdkDir = dirname(shim);
  for (const [name, how] of [
    // runtime/settings.js requires the OpenTelemetry API plainly and reads it inside its gRPC
    // interceptor only.
    ["@opentelemetry/api", {}],
    // runtime/closure/codePaths.js imports the normaliser with __importDefault and calls it when
    // a closure is serialized.
    ["normalize-package-data", { esModule: false, callable: true }],
  ] as const) {
    try {
      deferModule(require.resolve(name, { paths: [sdkDir] }), how);
    } catch {
      // not there: nothing to defer
    }
  }
  if (opts.underMocks) deferUnderMocks(paths);
}

function deferUnderMocks(paths: readonly string[]): void {
  let grpc: string;
  let proto: string;
  let sdkDir: string;
  try {
    sdkDir = dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [...paths] }));
    grpc = require.resolve("@grpc/grpc-js", { paths: [sdkDir] });
    proto = join(sdkDir, "proto");
    for (const c of GRPC_CLIENTS) require.resolve(join(proto, `${c}_grpc_pb.js`));
  } catch {
    return; // laid out otherwise: gRPC loads as it always does
  }
  if (require.cache[grpc]) return; // something of ours loaded it: the runtime shares that copy
  // Both are imported with __importStar, which returns a module marked __esModule as it is; the
  // runtime reads only named exports from them.
  deferModule(grpc, { esModule: true });
  for (const c of GRPC_CLIENTS) deferModule(join(proto, `${c}_grpc_pb.js`), { esModule: true });
}

/**
 * For a process that evaluates a pack's policies without serving them (the in-process engine):
 * @pulumi/policy's server, which its PolicyPack class starts and which loads gRPC, the analyzer
 * protocol and, to deserialize properties, all of @pulumi/pulumi: about 75 ms of the CLI's
 * start-up in a check, for modules the in-process engine never calls. It loads the first time
 * anything reads it. No-op if it is loaded already.
 */
export function deferPolicyServer(paths: readonly string[]): void {
  let server: string;
  try {
    server = require.resolve("@pulumi/policy/server", { paths: [...paths] });
  } catch {
    return; // laid out otherwise: it loads as it always does
  }
  // policy.js requires it plainly and reads `serve` when a PolicyPack is constructed.
  deferModule(server);
}
