import { existsSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { InputError } from "@aitracks/core";
import type * as pulumiType from "@pulumi/pulumi";
import { GRAPH_VERSION, type GraphResource, type ResourceGraph } from "./graph";
import { createMocks, type Rpc } from "./mocks";
import { markSecretOutputs } from "./mocks/secrets";
import { readProject, readStackConfig, type ProjectInfo, type StackConfig } from "./project";
import { resolveRegion } from "./region";

/** A program that threw, or whose resources failed to register: exit 2 with its own message. */
export class ProgramError extends InputError {}

export interface PreviewOptions {
  /** The Pulumi project folder (with Pulumi.yaml), or a folder holding a program. */
  readonly programDir: string;
  /** The stack name (URNs and `pulumi.getStack()`); also picks Pulumi.<stack>.yaml. */
  readonly stack: string;
  /** A stack config file to use instead of <stackConfigDir>/Pulumi.<stack>.yaml. */
  readonly configFile?: string | undefined;
}

export const UNKNOWN_MARK = "[unknown]";
export const SECRET_MARK = "[secret]";

/**
 * Run a Pulumi program in-process under `pulumi.runtime.setMocks`, exactly as `pulumi preview`
 * would run it (same config, same stack and project names), and return its resource graph.
 * Runs one program at a time in a process (Pulumi's runtime state is global).
 */
export async function previewProgram(opts: PreviewOptions): Promise<ResourceGraph> {
  const project = readProject(opts.programDir);
  const configFile = opts.configFile ?? join(project.stackConfigDir, `Pulumi.${opts.stack}.yaml`);
  const config = readStackConfig(configFile, project.name);
  const entry = resolveEntry(project);
  forgetProgram(dirname(entry));
  return runUnderMocks({
    project: project.name,
    stack: opts.stack,
    config,
    cwd: project.dir,
    resolveFrom: [dirname(entry), project.dir],
    program: () => {
      const mod = require(entry) as unknown;
      const exported = (mod as { default?: unknown })?.default ?? mod;
      // A program may export an (async) function whose result is the stack outputs, as Pulumi allows.
      return typeof exported === "function" ? (exported as () => unknown)() : mod;
    },
  });
}

export interface InlineOptions {
  readonly project?: string;
  readonly stack?: string;
  /** Stack config, fully-qualified keys to values (objects are passed as JSON, as Pulumi does). */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly secretKeys?: readonly string[];
  /** The program: creates resources; may return the stack outputs. */
  readonly program: () => unknown;
}

/** Run an inline program (a function) under mocks, as `aitracks preview` runs a program folder. */
export function previewInline(opts: InlineOptions): Promise<ResourceGraph> {
  const values: Record<string, string> = {};
  const parsed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(opts.config ?? {})) {
    values[k] = typeof v === "string" ? v : JSON.stringify(v);
    parsed[k] = opts.secretKeys?.includes(k) ? SECRET_MARK : v;
  }
  return runUnderMocks({
    project: opts.project ?? "inline",
    stack: opts.stack ?? "test",
    config: { values, parsed, secretKeys: [...(opts.secretKeys ?? [])] },
    cwd: process.cwd(),
    resolveFrom: [__dirname],
    program: opts.program,
  });
}

interface RunSpec {
  readonly project: string;
  readonly stack: string;
  readonly config: StackConfig;
  readonly cwd: string;
  /** Where to resolve @pulumi/pulumi from: the program's own copy, so mocks and program share state. */
  readonly resolveFrom: readonly string[];
  readonly program: () => unknown;
}

async function runUnderMocks(spec: RunSpec): Promise<ResourceGraph> {
  const mod = <T>(sub: string) => require(require.resolve(`@pulumi/pulumi${sub}`, { paths: [...spec.resolveFrom] })) as T;
  const pulumi = mod<typeof pulumiType>("");
  const settings = mod<{ getMonitor(): MonitorLike; waitForRPCs?: () => Promise<void> }>("/runtime/settings");
  const stack = mod<{ runInPulumiStack(init: () => Promise<unknown>): Promise<unknown> }>("/runtime/stack");
  const rpc = mod<Rpc>("/runtime/rpc");

  const resources: GraphResource[] = [];
  const providers = new Map<string, Record<string, unknown>>(); // explicit provider `urn::id` -> its inputs
  const lookups = new Map<string, boolean>(); // invoke token -> whether it has a real mock
  let stackOutputs: Record<string, unknown> = {};
  let stackUrn = "";
  const failures: unknown[] = [];

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
      resources.push({
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
      });
    },
    onOutputs(urn, outputs) {
      if (urn === stackUrn) stackOutputs = redact(deserialize(outputs), rpc).value as Record<string, unknown>;
    },
  });
  pulumi.runtime.setAllConfig(spec.config.values, spec.config.secretKeys);

  const onRejection = (reason: unknown) => failures.push(reason);
  process.on("unhandledRejection", onRejection);
  const cwd = process.cwd();
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
    process.chdir(cwd);
    process.off("unhandledRejection", onRejection);
  }
  if (failures.length) {
    const error = toProgramError(failures[0]);
    // How far the program got: 0 means it stopped before registering any cloud resource.
    (error as InputError & { registered?: number }).registered = resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:")).length;
    throw error;
  }

  return {
    version: GRAPH_VERSION,
    project: spec.project,
    stack: spec.stack,
    config: spec.config.parsed,
    secretConfigKeys: spec.config.secretKeys,
    resources,
    outputs: stackOutputs,
    ...(lookups.size ? { lookups: [...lookups].map(([token, mocked]) => ({ token, mocked })) } : {}),
  };
}

/** The program's entry file: Pulumi.yaml's main, its package.json main, or index.js / index.ts. */
function resolveEntry(project: ProjectInfo): string {
  try {
    return require.resolve(project.main);
  } catch {
    const ts = existsSync(project.main) && project.main.endsWith(".ts") ? project.main : join(project.main, "index.ts");
    if (existsSync(ts)) {
      registerTypeScript(project.dir);
      return require.resolve(ts);
    }
    throw new InputError(`${project.main}: no Pulumi program here (expected index.js, index.ts or a package.json main)`);
  }
}

let tsRegistered = false;
/** TypeScript programs load through ts-node, as the Pulumi CLI's Node.js runtime does (transpile only). */
function registerTypeScript(dir: string): void {
  if (tsRegistered) return;
  const tsNode = require(require.resolve("ts-node", { paths: [dir, __dirname] })) as {
    register(o: object): void;
  };
  const own = join(dir, "tsconfig.json");
  tsNode.register({
    transpileOnly: true,
    // The program's own tsconfig.json when it has one; otherwise Pulumi's defaults, not a parent's.
    ...(existsSync(own) ? { project: own } : { skipProject: true }),
    compilerOptions: { module: "commonjs", target: "es2022", moduleResolution: "node10", ignoreDeprecations: "6.0" },
  });
  tsRegistered = true;
}

/**
 * Drop the program's own modules (those in its entry's folder) from the require cache so a second
 * preview runs it afresh. Libraries it uses — node_modules, our packages, a policy pack loaded
 * in the same process — keep their state.
 */
function forgetProgram(dir: string): void {
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(prefix) && !key.includes(`${sep}node_modules${sep}`)) delete require.cache[key];
  }
}

function toProgramError(err: unknown): InputError {
  if (err instanceof InputError) return err;
  if (err && typeof err === "object" && (err as { name?: string }).name === "InputError" && Array.isArray((err as { lines?: unknown }).lines)) {
    return new InputError((err as { lines: string[] }).lines);
  }
  const message = err instanceof Error ? err.message : String(err);
  const lines = message.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  // "⨯ Unable to compile TypeScript:" says little without the line that follows it.
  const first = lines[0]?.endsWith(":") && lines[1] ? `${lines[0]} ${lines[1]}` : (lines[0] ?? "unknown error");
  return new ProgramError(`program error: ${first.replace(/^Error: /, "")}`);
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
