import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { InputError } from "@aitracks/core/errors";

/** What the engine needs to know of a Pulumi project: its name, program entry and config folder. */
export interface ProjectInfo {
  readonly dir: string;
  readonly name: string;
  /** The program's main, as Pulumi.yaml gives it (a folder or a file), resolved against dir. */
  readonly main: string;
  /** Whether Pulumi.yaml names a main (else the package.json's main / exports pick the entry). */
  readonly mainGiven: boolean;
  readonly stackConfigDir: string;
  /** Pulumi.yaml `runtime.options`: `typescript: false` disables ts-node; `nodeargs` for node. */
  readonly runtimeOptions: { readonly typescript?: boolean; readonly nodeargs?: string };
}

export function readProject(dir: string): ProjectInfo {
  const abs = resolve(dir);
  if (!existsSync(abs)) throw new InputError(`--program: no such folder ${dir}`);
  const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => join(abs, f)).find(existsSync);
  if (!file) return { dir: abs, name: basename(abs), main: abs, mainGiven: false, stackConfigDir: abs, runtimeOptions: {} };
  let doc: Record<string, unknown>;
  try {
    doc = (parseYaml(readFileSync(file, "utf8")) ?? {}) as Record<string, unknown>;
  } catch (err) {
    throw new InputError(`${file}: not valid YAML (${String((err as Error).message).split("\n")[0]})`);
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new InputError(`${file}: expected a map (name, runtime, main, ...)`);
  if (typeof doc.name !== "string") throw new InputError(`${file}: name: expected the project name`);
  return {
    dir: abs,
    name: doc.name,
    main: resolve(abs, typeof doc.main === "string" ? doc.main : "."),
    mainGiven: typeof doc.main === "string",
    stackConfigDir: resolve(abs, typeof doc.stackConfigDir === "string" ? doc.stackConfigDir : "."),
    runtimeOptions: runtimeOptions(doc.runtime, file),
  };
}

function runtimeOptions(runtime: unknown, file: string): ProjectInfo["runtimeOptions"] {
  const options = runtime && typeof runtime === "object" ? (runtime as { options?: unknown }).options : undefined;
  if (options === undefined || options === null) return {};
  if (typeof options !== "object") throw new InputError(`${file}: runtime.options: expected a map`);
  const o = options as Record<string, unknown>;
  if (o.typescript !== undefined && typeof o.typescript !== "boolean") throw new InputError(`${file}: runtime.options.typescript: expected true or false`);
  if (o.nodeargs !== undefined && typeof o.nodeargs !== "string") throw new InputError(`${file}: runtime.options.nodeargs: expected a string`);
  return { ...(o.typescript !== undefined ? { typescript: o.typescript as boolean } : {}), ...(o.nodeargs ? { nodeargs: o.nodeargs as string } : {}) };
}

/** Find the Pulumi project at or above a folder (the way the Pulumi CLI does). */
export function findProjectDir(from: string): string | undefined {
  for (let d = resolve(from); ; d = dirname(d)) {
    if (existsSync(join(d, "Pulumi.yaml")) || existsSync(join(d, "Pulumi.yml"))) return d;
    if (dirname(d) === d) return undefined;
  }
}

export interface StackConfig {
  /** Fully-qualified keys (`aitracks:tracks`) to the string value Pulumi hands a program. */
  readonly values: Record<string, string>;
  readonly secretKeys: string[];
  /** Parsed values for the graph, with secrets as "[secret]". */
  readonly parsed: Record<string, unknown>;
}

/**
 * Read a stack config file (`Pulumi.<stack>.yaml`, with a `config:` map, or a bare map) as the
 * Pulumi CLI hands it to a program: keys without a namespace belong to the project; structured
 * values are JSON strings; `secure:` values are secrets (offline they read "[secret]").
 */
export function readStackConfig(file: string, project: string): StackConfig {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, "utf8"));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`${file}: no such stack config file`);
    throw new InputError(`${file}: not valid YAML (${String((err as Error).message).split("\n")[0]})`);
  }
  const isMap = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);
  const kind = (v: unknown) => (Array.isArray(v) ? "a list" : typeof v === "string" ? "a string" : `${typeof v === "object" ? "" : "a "}${typeof v}`);
  if (doc !== null && doc !== undefined && !isMap(doc)) throw new InputError(`${file}: expected a map (config: ...), got ${kind(doc)}`);
  const root = (doc ?? {}) as Record<string, unknown>;
  if (root.config !== undefined && root.config !== null && !isMap(root.config)) throw new InputError(`${file}: config: expected a map of config keys, got ${kind(root.config)}`);
  const map = (root.config && typeof root.config === "object" ? root.config : "config" in root ? {} : root) as Record<string, unknown>;
  const values: Record<string, string> = {};
  const parsed: Record<string, unknown> = {};
  const secretKeys: string[] = [];
  for (const [k, v] of Object.entries(map)) {
    const key = k.includes(":") ? k : `${project}:${k}`;
    if (v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1 && "secure" in v) {
      secretKeys.push(key);
      values[key] = "[secret]";
      parsed[key] = "[secret]";
      continue;
    }
    const normalised = normaliseDates(v);
    values[key] = typeof normalised === "string" ? normalised : JSON.stringify(normalised);
    parsed[key] = normalised;
  }
  return { values, secretKeys, parsed };
}

/** YAML turns 2027-05-01 into a Date; Pulumi config keeps it a string. */
function normaliseDates(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(normaliseDates);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normaliseDates(x)]));
  return v;
}
