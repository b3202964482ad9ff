/**
 * Record a Pulumi program's resource graph under `pulumi.runtime.setMocks`: the program's own
 * @pulumi/pulumi gets our mocks and a wrapped monitor that sees every registration (inputs,
 * parent, provider, dependencies, the region it lands in) and the stack's outputs. Used in-process
 * (`previewInline`, the repository's own stacks) and in the child process that runs a user's
 * program (child.ts).
 */
import { relative, sep } from "node:path";
import { InputError } from "@aitracks/core/errors";
import type * as pulumiType from "@pulumi/pulumi";
import { deferSdkExtras } from "./lazy-sdk";
import { GRAPH_VERSION, stackHeader, type GraphResource, type ResourceGraph } from "./graph";
import { createMocks, type Rpc } from "./mocks";
import { markSecretOutputs } from "./mocks/secrets";
import type { StackConfig } from "./project";
import { resolveRegion } from "./region";

/** A program that threw, or whose resources failed to register: exit 2 with its own message. */
export class ProgramError extends InputError {}

export const UNKNOWN_MARK = "[unknown]";
export const SECRET_MARK = "[secret]";

/**
 * Past this many resources a preview stops with a clear error (documented in the README). Sized to
 * memory: 10,000 resources measured 1.5 GiB for a preview and 1.9 GiB for `check` (bench/scale.bench.mjs),
 * so 15,000 stays within the 4 GiB heap Node gives itself on an 8 GiB+ machine.
 */
export const MAX_RESOURCES = 15_000;

export interface RunSpec {
  readonly project: string;
  readonly stack: string;
  readonly config: StackConfig;
  readonly cwd: string;
  /** Where to resolve @pulumi/pulumi from: the program's own copy, so mocks and program share state. */
  readonly resolveFrom: readonly string[];
  readonly program: () => unknown;
  /** The program's folder: an error's location is given relative to it (`index.ts:42`). */
  readonly programDir?: string;
  readonly maxResources?: number;
  /**
   * An error that must stop the program at once (duplicate URN, too many resources). In-process
   * it is recorded and thrown when the program ends; the child process reports it and exits.
   */
  readonly onFatal?: (err: InputError) => void;
  /** Told each resource as it is recorded (the object the graph will hold, never changed after). */
  readonly onResource?: (resource: GraphResource) => void;
}

export async function runUnderMocks(spec: RunSpec): Promise<ResourceGraph> {
  // Under mocks the runtime talks to no engine: gRPC loads only if something reads it.
  deferSdkExtras(spec.resolveFrom, { underMocks: true });
  const mod = <T>(sub: string) => require(require.resolve(`@pulumi/pulumi${sub}`, { paths: [...spec.resolveFrom] })) as T;
  const pulumi = mod<typeof pulumiType>("");
  const settings = mod<{ getMonitor(): MonitorLike; waitForRPCs?: () => Promise<void> }>("/runtime/settings");
  const stack = mod<{ runInPulumiStack(init: () => Promise<unknown>): Promise<unknown> }>("/runtime/stack");
  const rpc = mod<Rpc>("/runtime/rpc");
  const debuggable = mod<Record<string, unknown>>("/runtime/debuggable");
  const resourceModule = mod<{ Resource?: Record<string, unknown> }>("/resource");

  const resources: GraphResource[] = [];
  const urns = new Set<string>();
  const providers = new Map<string, Record<string, unknown>>(); // explicit provider `urn::id` -> its inputs
  const lookups = new Map<string, boolean>(); // invoke token -> whether it has a real mock
  let stackOutputs: Record<string, unknown> = {};
  let stackUrn = "";
  const failures: unknown[] = [];
  const max = spec.maxResources ?? MAX_RESOURCES;
  let stopped = false;
  const fatal = (err: InputError) => {
    if (stopped) return;
    stopped = true;
    failures.push(err);
    spec.onFatal?.(err);
  };

  await pulumi.runtime.setMocks(
    createMocks({
      config: spec.config.values,
      rpc,
      providerInputs: (ref) => providers.get(ref),
      onLookup: (token, mocked) => lookups.set(token, mocked),
    }),
    spec.project,
    spec.stack,
    true,
  );
  wrapMonitor(settings.getMonitor(), rpc, {
    onRegister(req, urn, id) {
      if (stopped) return;
      if (urns.has(urn)) {
        // Pulumi refuses a second resource with the same type and name (and parent type).
        fatal(new ProgramError(`duplicate URN ${urn}: two resources with the same type and name (Pulumi refuses to deploy this)`));
        return;
      }
      if (resources.length >= max) {
        fatal(new ProgramError(`the program registers more than ${max} resources, the preview's limit`));
        return;
      }
      urns.add(urn);
      const { value, secrets, unknowns } = redact(deserialize(req.getObject()), rpc);
      const inputs = value as Record<string, unknown>;
      const type = req.getType();
      if (type.startsWith("pulumi:providers:")) providers.set(`${urn}::${id}`, inputs);
      if (type === "pulumi:pulumi:Stack") stackUrn = urn;
      const propDeps: Record<string, string[]> = {};
      req.getPropertydependenciesMap().forEach((v, k) => {
        propDeps[k] = v.getUrnsList();
      });
      const provider = req.getProvider() || null;
      const region = req.getCustom() ? resolveRegion(type, inputs, provider ? providers.get(provider) : undefined, spec.config.values) : undefined;
      const resource: GraphResource = {
        urn,
        type,
        name: req.getName(),
        custom: req.getCustom(),
        parent: req.getParent() || null,
        provider,
        ...(region ? { region } : {}),
        inputs,
        secretInputs: secrets,
        ...(unknowns.length ? { unknownInputs: unknowns } : {}),
        dependencies: req.getDependenciesList(),
        propertyDependencies: propDeps,
        id: id || null,
      };
      resources.push(resource);
      spec.onResource?.(resource);
    },
    onOutputs(urn, outputs) {
      if (urn === stackUrn) stackOutputs = redact(deserialize(outputs), rpc).value as Record<string, unknown>;
    },
  });
  pulumi.runtime.setAllConfig(spec.config.values, spec.config.secretKeys);

  const onRejection = (reason: unknown) => failures.push(reason);
  process.on("unhandledRejection", onRejection);
  const cwd = process.cwd();
  const restorePromises = untrackedPromises(debuggable);
  const restorePositions = withoutSourcePositions(resourceModule.Resource);
  try {
    // Pulumi runs a program with the project folder as working directory.
    process.chdir(spec.cwd);
    await stack.runInPulumiStack(async () => await spec.program());
    // Resources registered from inside apply callbacks arrive after the program returns.
    await settings.waitForRPCs?.();
    await new Promise((r) => setImmediate(r));
  } catch (err) {
    failures.push(err);
    // Let the failed run's outstanding registrations (and the rejections they cascade into) drain
    // before the next run replaces the mocks.
    await settings.waitForRPCs?.().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
  } finally {
    restorePositions();
    restorePromises();
    process.chdir(cwd);
    process.off("unhandledRejection", onRejection);
  }
  if (failures.length) {
    const error = toProgramError(failures[0], spec.programDir);
    // How far the program got: 0 means it stopped before registering any cloud resource.
    (error as InputError & { registered?: number }).registered = resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:")).length;
    throw error;
  }

  return {
    version: GRAPH_VERSION,
    ...stackHeader(spec.project, spec.stack, spec.config),
    resources,
    outputs: stackOutputs,
    ...(lookups.size ? { lookups: [...lookups].map(([token, mocked]) => ({ token, mocked })) } : {}),
  };
}

/**
 * A program's failure as one line: its own message, with the file and line of the program where
 * it was thrown (`index.ts:42: boom`) when the stack names one (not a library's).
 */
export function toProgramError(err: unknown, programDir?: string): InputError {
  if (err instanceof InputError) return err;
  if (err && typeof err === "object" && (err as { name?: string }).name === "InputError" && Array.isArray((err as { lines?: unknown }).lines)) {
    return new InputError((err as { lines: string[] }).lines);
  }
  const message = err instanceof Error ? err.message : String(err);
  const lines = message.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  // "⨯ Unable to compile TypeScript:" says little without the line that follows it.
  const first = lines[0]?.endsWith(":") && lines[1] ? `${lines[0]} ${lines[1]}` : (lines[0] ?? "unknown error");
  const where = programDir ? programLocation(err, programDir) : undefined;
  return new ProgramError(`program error: ${where ? `${where}: ` : ""}${first.replace(/^Error: /, "")}`);
}

/** `index.ts:42` — the first frame of the error's stack in the program's own files. */
export function programLocation(err: unknown, programDir: string): string | undefined {
  const stack = err && typeof err === "object" ? String((err as { stack?: unknown }).stack ?? "") : "";
  const prefix = programDir.endsWith(sep) ? programDir : programDir + sep;
  const candidates: string[] = [];
  // A SyntaxError from Node starts with "<file>:<line>"; other errors list "at ... (<file>:<line>:<col>)".
  const head = /^(\/[^\n]+?):(\d+)\n/.exec(stack);
  if (head) candidates.push(`${head[1]}:${head[2]}`);
  for (const m of stack.matchAll(/(?:\(|at )((?:file:\/\/)?\/[^():\s]+):(\d+)(?::\d+)?\)?/g)) candidates.push(`${m[1]}:${m[2]}`);
  for (const c of candidates) {
    const file = c.startsWith("file://") ? decodeURIComponent(c.slice("file://".length)) : c;
    if (file.startsWith(prefix) && !file.includes(`${sep}node_modules${sep}`)) return relative(programDir, file);
  }
  return undefined;
}

/**
 * The SDK passes every promise it makes (about 58 per resource) through debuggablePromise, which
 * tags it with an id, a context and `new Error().stack`, and keeps it in a set until it settles,
 * for the leak report printed when the process exits. Under mocks, while the program runs, the
 * promise goes through the same chain (`then`, and a `catch` that names the promise on the error)
 * without the tags and the set: no one reads them (the graph is sent before exit; a program that
 * never settles gets our own line). The stacks were 40% of a preview's time and the rest another
 * 8% (bench/goals.bench.mjs). The program's own errors keep their stacks (their file and line are
 * reported). Returns the undo; a no-op when the SDK has no such function, or under
 * PULUMI_DEBUG_PROMISE_LEAKS, which asks for the leak report.
 */
function untrackedPromises(debuggable: Record<string, unknown>): () => void {
  const original = debuggable.debuggablePromise;
  if (typeof original !== "function" || process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => undefined;
  debuggable.debuggablePromise = <T>(p: Promise<T>): Promise<T> =>
    p
      .then((val) => val)
      .catch((err: unknown) => {
        (err as { promise?: unknown }).promise = p;
        throw err;
      });
  return () => {
    debuggable.debuggablePromise = original;
  };
}

/**
 * Every resource the program creates captures the whole call stack (`new Error().stack` with no
 * depth limit), parses each frame and turns each path into a file URL, to send its source position
 * and stack trace with the registration: the engine shows them, and under mocks nothing reads them
 * (the graph has no positions). Skipping that while the program runs took 8% off a 1,000-resource
 * preview (bench/goals.bench.mjs). Returns the undo; a no-op for an SDK without Resource.stackTrace.
 */
function withoutSourcePositions(resource: Record<string, unknown> | undefined): () => void {
  const original = resource?.stackTrace;
  if (!resource || typeof original !== "function") return () => undefined;
  resource.stackTrace = () => [];
  return () => {
    resource.stackTrace = original;
  };
}

// ---- monitor plumbing -------------------------------------------------------------------------

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getCustom(): boolean;
  getParent(): string;
  getProvider(): string;
  getObject(): unknown;
  getDependenciesList(): string[];
  getPropertydependenciesMap(): { forEach(cb: (v: { getUrnsList(): string[] }, k: string) => void): void };
  getAdditionalsecretoutputsList?(): string[];
}
interface MonitorLike {
  registerResource(req: RegisterRequest, cb: (err: unknown, resp?: { getUrn(): string; getId(): string; getObject(): unknown; setObject(v: unknown): void }) => void): unknown;
  registerResourceOutputs(req: { getUrn(): string; getOutputs(): unknown }, cb: (err: unknown, resp?: unknown) => void): unknown;
}

function wrapMonitor(
  monitor: MonitorLike,
  rpc: Rpc,
  hooks: { onRegister(req: RegisterRequest, urn: string, id: string): void; onOutputs(urn: string, outputs: unknown): void },
): void {
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) =>
    register(req, (err, resp) => {
      if (!err && resp) {
        // The engine, not the SDK, makes a provider's declared secret outputs secret; do it for the mocks.
        markSecretOutputs(resp, req.getAdditionalsecretoutputsList?.() ?? [], rpc);
        hooks.onRegister(req, resp.getUrn(), resp.getId());
      }
      cb(err, resp);
    });
  const outputs = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResourceOutputs = (req, cb) => {
    if (req.getOutputs()) hooks.onOutputs(req.getUrn(), req.getOutputs());
    return outputs(req, cb);
  };
}

function deserialize(struct: unknown): unknown {
  if (!struct) return {};
  const js = (struct as { toJavaScript?: () => unknown }).toJavaScript ? (struct as { toJavaScript(): unknown }).toJavaScript() : struct;
  return js;
}

/**
 * Replace secrets with "[secret]" (listing their top-level input names) and unknowns with
 * "[unknown]", so the graph never holds a secret's plain text.
 */
function redact(value: unknown, rpc: Rpc): { value: unknown; secrets: string[]; unknowns: string[] } {
  const secrets = new Set<string>();
  const unknowns = new Set<string>();
  const walk = (v: unknown, top: string): unknown => {
    if (v === rpc.unknownValue) {
      unknowns.add(top);
      return UNKNOWN_MARK;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, top));
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o[rpc.specialSigKey] === rpc.specialSecretSig) {
        secrets.add(top);
        return SECRET_MARK;
      }
      if (rpc.specialSigKey in o) {
        // Resource references and assets: keep the URN or path, not the wire form.
        return o.urn ?? o.path ?? o.uri ?? o.text ?? "[asset]";
      }
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x, top || k)]));
    }
    return v;
  };
  const out = walk(value, "");
  return { value: out, secrets: [...secrets].filter(Boolean), unknowns: [...unknowns].filter(Boolean) };
}
