/**
 * Load a Pulumi program the way @pulumi/pulumi's Node.js language host does (cmd/run/run.js):
 * the entry from Pulumi.yaml `main`, else the package.json `exports` / `main`, else the folder
 * (index.js, index.ts); TypeScript through ts-node when `runtime.options.typescript` is not
 * false — the program's own ts-node and typescript when it has them, ours otherwise — honouring
 * its tsconfig.json; ES modules (`"type": "module"`, .mjs, .mts) through import(), TypeScript ones
 * through ts-node's ESM hooks (esm-hooks.ts), as Pulumi's automatic ESM mode does.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { register } from "node:module";
import { dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { InputError } from "@aitracks/core/errors";
import type { ProjectInfo } from "./project";

export interface LoadPlan {
  /** The program's entry: a file, or a folder that Node resolves (CommonJS). */
  readonly entry: string;
  /** The folder the entry is in (or the entry itself, a folder): the program's modules resolve from it. */
  readonly entryDir: string;
  /** The folder of the nearest package.json (or the entry's folder). */
  readonly packageRoot: string;
  /** Load with import() (an ES module program) rather than require(). */
  readonly esm: boolean;
  /** ts-node settings, when TypeScript is on and the program has TypeScript in it. */
  readonly typescript?: TypeScriptPlan;
  /** `runtime.options.nodeargs`, split as a shell would (no quoting). */
  readonly nodeArgs: readonly string[];
}

export interface TypeScriptPlan {
  /** ts-node's folder (the program's own, or ours). */
  readonly tsNode: string;
  /** The typescript module ts-node compiles with (the program's own, or ours). */
  readonly compiler: string;
  readonly compilerVersion: string;
  /** ts-node's register() options. */
  readonly options: Record<string, unknown>;
}

interface PackageJson {
  main?: unknown;
  type?: unknown;
  exports?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Work out how to load the program; throws InputError when it cannot be loaded at all. */
export function planProgram(project: ProjectInfo): LoadPlan {
  let program = project.main;
  const packageRoot = findPackageRoot(isDirectory(program) ? program : dirname(program)) ?? (isDirectory(program) ? program : dirname(program));
  const pkg = readPackage(packageRoot);
  checkInstalled(project.dir, packageRoot, pkg);
  if (!project.mainGiven) {
    // Pulumi: package.json `exports` (a string, or `.` with default/require/import), else `main`.
    const exp = pkg.exports;
    const pick =
      typeof exp === "string"
        ? exp
        : exp && typeof exp === "object"
          ? (() => {
              const dot = (exp as Record<string, unknown>)["."];
              if (typeof dot === "string") return dot;
              if (dot && typeof dot === "object") {
                const d = dot as Record<string, unknown>;
                return [d.default, d.require, d.import].find((x): x is string => typeof x === "string");
              }
              return undefined;
            })()
          : typeof pkg.main === "string"
            ? pkg.main
            : undefined;
    if (pick && existsSync(join(packageRoot, pick))) program = join(packageRoot, pick);
  }
  if (!existsSync(program)) throw new InputError(`${program}: the program's main does not exist`);
  const esmPackage = pkg.type === "module";
  const file = entryFile(program, esmPackage);
  if (!file) throw new InputError(`${project.main}: no Pulumi program here (expected index.js, index.ts or a package.json main)`);
  const ext = extname(file);
  const esm = esmPackage ? ext !== ".cjs" && ext !== ".cts" : ext === ".mjs" || ext === ".mts";
  const isTs = [".ts", ".mts", ".cts", ".tsx"].includes(ext);
  const typescriptOn = project.runtimeOptions.typescript !== false;
  if (isTs && !typescriptOn) throw new InputError(`${file}: a TypeScript entry, but Pulumi.yaml runtime.options.typescript is false (compile it first, or drop the option)`);
  const nodeArgs = (project.runtimeOptions.nodeargs ?? "").split(/\s+/).filter(Boolean);
  return {
    entry: esm ? file : program,
    entryDir: dirname(file),
    packageRoot,
    esm,
    nodeArgs,
    ...(typescriptOn && (isTs || existsSync(join(project.dir, "tsconfig.json"))) ? { typescript: planTypeScript(project.dir, packageRoot, esm) } : {}),
  };
}

/**
 * The program's dependencies must be installed: every package its package.json depends on is
 * found in a node_modules at or above its folder (Node's lookup), and so is @pulumi/pulumi.
 */
function checkInstalled(projectDir: string, packageRoot: string, pkg: PackageJson): void {
  const deps = Object.keys(pkg.dependencies && typeof pkg.dependencies === "object" ? pkg.dependencies : {});
  const missing = deps.some((d) => !installed(d, packageRoot)) || !canResolve("@pulumi/pulumi/package.json", [packageRoot, projectDir]);
  if (missing) throw new InputError(`${packageRoot}: dependencies are not installed (run npm install in ${packageRoot})`);
}

function installed(name: string, from: string): boolean {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, "node_modules", name))) return true;
    if (dirname(d) === d) return false;
  }
}

/** The file Node (or Pulumi, for ES modules) would load for a file or folder entry. */
function entryFile(program: string, esm: boolean): string | undefined {
  if (!isDirectory(program)) return program;
  if (!esm) {
    const pkg = readPackage(program);
    if (typeof pkg.main === "string" && pkg.main) {
      const main = resolve(program, pkg.main);
      for (const c of [main, `${main}.js`, `${main}.ts`, join(main, "index.js"), join(main, "index.ts")]) if (existsSync(c) && !isDirectory(c)) return c;
    }
  }
  // Pulumi's order for an ES module folder; CommonJS (with ts-node's .ts) finds index.js first too.
  for (const name of ["index.js", "index.mjs", "index.ts", "index.mts"]) if (existsSync(join(program, name))) return join(program, name);
  return undefined;
}

function planTypeScript(projectDir: string, packageRoot: string, esm: boolean): TypeScriptPlan {
  const from = [packageRoot, projectDir];
  // The program's own typescript and ts-node when it has them; ours otherwise (Pulumi falls back
  // to copies it vendors).
  const compiler = resolveFrom("typescript", from) ?? require.resolve("typescript");
  const tsNodePkg = resolveFrom("ts-node/package.json", from) ?? require.resolve("ts-node/package.json");
  const ts = require(compiler) as typeof import("typescript");
  const version = ts.version;
  const major = Number(version.split(".")[0]);
  // As Pulumi: tsconfig.json of the working directory, the project folder.
  const tsconfig = join(projectDir, "tsconfig.json");
  const own = existsSync(tsconfig) ? readCompilerOptions(ts, tsconfig) : {};
  const atLeast47 = major > 4 || (major === 4 && Number(version.split(".")[1]) >= 7);
  const compilerOptions: Record<string, unknown> = {
    // Pulumi's defaults, the program's tsconfig.json over them.
    ...(esm && atLeast47
      ? { target: "ES2022", module: "nodenext", moduleResolution: "nodenext" }
      : { target: "ES2020", module: atLeast47 ? "nodenext" : "commonjs", moduleResolution: atLeast47 ? "nodenext" : "node" }),
    sourceMap: true,
    ...own,
    // TypeScript 6 turns deprecated options (moduleResolution node, target es5, ...) into errors
    // unless told to ignore them; TypeScript 5 rejects the value "6.0" (TS5103), so only for 6+.
    ...(major >= 6 ? { ignoreDeprecations: "6.0" } : {}),
  };
  return {
    tsNode: dirname(tsNodePkg),
    compiler,
    compilerVersion: version,
    options: {
      compiler,
      transpileOnly: true,
      ...(existsSync(tsconfig) ? { project: tsconfig } : { skipProject: true }),
      compilerOptions,
    },
  };
}

/** The tsconfig.json's own compilerOptions (comments allowed, as tsc reads it). */
function readCompilerOptions(ts: typeof import("typescript"), file: string): Record<string, unknown> {
  const parsed = ts.parseConfigFileTextToJson(file, readFileSync(file, "utf8"));
  if (parsed.error) throw new InputError(`${file}: not valid JSON (${ts.flattenDiagnosticMessageText(parsed.error.messageText, " ")})`);
  const options = (parsed.config as { compilerOptions?: unknown } | undefined)?.compilerOptions;
  return options && typeof options === "object" ? { ...(options as Record<string, unknown>) } : {};
}

let tsRegistered = false;

/** Load the program and return what it exports (a function is called: its result is the outputs). */
export async function loadProgram(plan: LoadPlan): Promise<unknown> {
  if (plan.typescript && !tsRegistered) {
    tsRegistered = true;
    if (plan.esm) {
      register("./esm-hooks.js", pathToFileURL(__filename), { data: { tsNode: plan.typescript.tsNode, options: plan.typescript.options } });
    } else {
      const tsNode = require(plan.typescript.tsNode) as { register(o: object): void };
      tsNode.register(plan.typescript.options);
    }
  }
  let exported: unknown;
  if (plan.esm) {
    const ns = (await dynamicImport(pathToFileURL(plan.entry).href)) as Record<string, unknown>;
    // As Pulumi: a default export is the program (an error if there are named exports besides it).
    if (Object.getOwnPropertyDescriptor(ns, "default") !== undefined) {
      if (Object.keys(ns).length !== 1) throw new Error("expected entrypoint module to have either a default export or named exports but not both");
      exported = ns.default;
    } else exported = ns;
  } else {
    exported = require(isDirectory(plan.entry) && !plan.entry.endsWith("/") ? `${plan.entry}/` : plan.entry) as unknown;
  }
  // A program may export an (async) function whose result is the stack outputs, as Pulumi allows.
  return typeof exported === "function" ? (exported as () => unknown)() : exported;
}

// import() as Node runs it, not as a CommonJS compilation would rewrite it.
const dynamicImport = new Function("u", "return import(u)") as (u: string) => Promise<unknown>;

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function findPackageRoot(from: string): string | undefined {
  for (let d = resolve(from); ; d = dirname(d)) {
    if (existsSync(join(d, "package.json"))) return d;
    if (dirname(d) === d) return undefined;
  }
}

function readPackage(dir: string): PackageJson {
  const file = join(dir, "package.json");
  if (!existsSync(file)) return {};
  try {
    const v = JSON.parse(readFileSync(file, "utf8")) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as PackageJson) : {};
  } catch (err) {
    throw new InputError(`${file}: not valid JSON (${(err as Error).message.split("\n")[0]})`);
  }
}

function canResolve(id: string, paths: readonly string[]): boolean {
  return resolveFrom(id, paths) !== undefined;
}

function resolveFrom(id: string, paths: readonly string[]): string | undefined {
  try {
    return require.resolve(id, { paths: [...paths] });
  } catch {
    return undefined;
  }
}
