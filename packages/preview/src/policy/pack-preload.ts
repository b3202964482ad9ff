/**
 * Preloaded (`node --require`) into the policy pack process the analyzer engine starts:
 *
 * - zod's locales load only if something reads them (@aitracks/core/defer-zod-locales);
 * - the pack's @pulumi/pulumi loads TypeScript only if a policy serializes a closure, and its
 *   Automation API only if a policy reads it (lazy-sdk.ts);
 * - the launcher (`@pulumi/pulumi/cmd/run-policy-pack`) always registers ts-node, so that a pack
 *   written in TypeScript runs uncompiled. Ours is compiled (package.json `main` is bin/index.js),
 *   so when the pack's `main` is a JavaScript file that exists, the launcher gets a ts-node whose
 *   `register` does nothing, a TypeScript that is only a version number and a tsconfig reader
 *   that reads nothing, instead of ts-node and the whole compiler (9 MB of JavaScript, about a
 *   third of the pack process's start-up). The policies run exactly as they would under
 *   `pulumi preview --policy-pack`; a `.ts` main keeps the real ts-node;
 * - the launcher also connects an inspector session and enables V8's debugger before it loads
 *   the pack (`v8Hooks.isInitializedAsync()`), so that closure serialization can name the file of
 *   a function. With the debugger on, every module the pack then loads is reported to that session
 *   and compiled for debugging: about 90 ms of the pack process's CPU in a 1,000-resource check,
 *   80 of its start-up. The session is opened instead where @pulumi/pulumi opens it anyway, on the
 *   first closure serialization (v8Hooks.getSessionAsync); enabling the debugger then reports
 *   every script already loaded, so no function's file is lost;
 * - the SDK tags each promise it makes with `new Error().stack`, for the leak report it prints at
 *   exit under PULUMI_DEBUG_PROMISE_LEAKS. In the pack, source-map-support (registered by the
 *   launcher) maps the first such stack through @pulumi/pulumi's source maps: about 20 ms of CPU
 *   at start-up, for a stack no one reads. Captured without frames, unless that variable is set.
 */
import "@aitracks/core/defer-zod-locales";
import { existsSync, readFileSync } from "node:fs";
import Module from "node:module";
import { join, sep } from "node:path";
import { deferSdkExtras } from "../lazy-sdk";

deferSdkExtras([process.cwd()]);
skipTsNodeForCompiledPack(process.cwd());
deferDebuggerSession();
frameslessPromiseStacks();

type Loader = { _load(request: string, parent: Module | undefined, isMain: boolean): unknown };

function skipTsNodeForCompiledPack(dir: string): void {
  let main: string;
  try {
    main = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { main?: unknown }).main as string;
  } catch {
    return;
  }
  if (typeof main !== "string" || !/\.c?js$/.test(main) || !existsSync(join(dir, main))) return;
  // Only the launcher's own requests are answered: what it asks of ts-node and TypeScript.
  const launcher = `${sep}@pulumi${sep}pulumi${sep}`;
  const fromLauncher = (parent: Module | undefined) =>
    !!parent?.filename && parent.filename.includes(launcher) && /[/\\](tsutils|cmd[/\\]run-policy-pack[/\\]run)\.js$/.test(parent.filename);
  const tsNode = { VERSION: "0.0.0", register: () => undefined };
  // The launcher reads only TypeScript's `version`, to pick the module setting it hands ts-node.
  const typescript = { version: "0.0.0" };
  // ... and reads tsconfig.json through TypeScript, for ts-node's compiler options.
  const tsconfigReader = { parseConfigFileTextToJson: () => ({ config: {} }) };
  const loader = Module as unknown as Loader;
  const load = loader._load;
  loader._load = function (request, parent, isMain) {
    if (fromLauncher(parent)) {
      if (request === "ts-node" || /[/\\]vendor[/\\]ts-node@/.test(request)) return tsNode;
      if (request === "typescript" || /[/\\]vendor[/\\]typescript@/.test(request)) return typescript;
      if (request === "./typescript-shim") return tsconfigReader;
    }
    return load.call(this, request, parent, isMain);
  };
}

/**
 * Hand `change` each module loaded for a request that `request` matches, from a file that `from`
 * accepts; the requester gets what `change` returns. No other module is read: reading a property
 * of one could load what lazy-sdk defers.
 */
function afterLoad<T>(request: RegExp, from: (file: string) => boolean, change: (loaded: Partial<T>) => unknown): void {
  const loader = Module as unknown as Loader;
  const load = loader._load;
  loader._load = function (req, parent, isMain) {
    const loaded = load.call(this, req, parent, isMain) as Partial<T> | undefined;
    if (!loaded || !request.test(req) || !parent?.filename || !from(parent.filename)) return loaded;
    return change(loaded);
  };
}

interface V8Hooks {
  isInitializedAsync(): Promise<void>;
  getSessionAsync(): Promise<{ post(method: string, callback: (err: Error | null) => void): void }>;
}

/**
 * The launcher's v8Hooks: initialising them opens no session. The session opens on first use, and
 * its debugger is then enabled a second time: @pulumi/pulumi listens for the scripts it reports
 * only once it has enabled it, and enabling it again reports every script loaded so far (the
 * pack's own, loaded before there was a session). Left as they are if the module is not shaped so.
 */
function deferDebuggerSession(): void {
  const launcher = /[/\\]@pulumi[/\\]pulumi[/\\]cmd[/\\]run-policy-pack[/\\]index\.js$/;
  afterLoad<V8Hooks>(/[/\\]closure[/\\]v8Hooks(\.js)?$/, (file) => launcher.test(file), (hooks) => {
    const open = hooks.getSessionAsync;
    if (typeof open !== "function" || typeof hooks.isInitializedAsync !== "function") return hooks;
    let ready: ReturnType<V8Hooks["getSessionAsync"]> | undefined;
    const post = (session: Awaited<typeof ready>, method: string) =>
      new Promise<void>((resolve, reject) => session!.post(method, (err) => (err ? reject(err) : resolve())));
    const getSessionAsync = () =>
      (ready ??= open.call(hooks).then(async (session) => {
        await post(session, "Debugger.disable");
        await post(session, "Debugger.enable");
        return session;
      }));
    try {
      hooks.getSessionAsync = getSessionAsync;
    } catch {
      return hooks;
    }
    if (hooks.getSessionAsync !== getSessionAsync) return hooks;
    // Only the launcher calls it, before it loads the pack.
    return Object.assign(Object.create(hooks) as object, { isInitializedAsync: () => Promise.resolve() });
  });
}

/** debuggablePromise with Error.stackTraceLimit 0 around it (the promise keeps its tags). */
function frameslessPromiseStacks(): void {
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return;
  const sdk = `${sep}@pulumi${sep}pulumi${sep}`;
  const patched = new WeakSet<object>();
  afterLoad<{ debuggablePromise: (...args: unknown[]) => unknown }>(/[/\\]debuggable(\.js)?$/, (file) => file.includes(sdk), (debuggable) => {
    const original = debuggable.debuggablePromise;
    if (patched.has(debuggable) || typeof original !== "function") return debuggable;
    patched.add(debuggable);
    debuggable.debuggablePromise = function (this: unknown, ...args: unknown[]) {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      try {
        return original.apply(this, args);
      } finally {
        Error.stackTraceLimit = limit;
      }
    };
    return debuggable;
  });
}
