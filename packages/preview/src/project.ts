import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { InputError } from "@aitracks/core";

/** What the engine needs to know of a Pulumi project: its name, program entry and config folder. */
export interface ProjectInfo {
  readonly dir: string;
  readonly name: string;
  /** The program's main, as Pulumi.yaml gives it (a folder or a file), resolved against dir. */
  readonly main: string;
  readonly stackConfigDir: string;
}

export function readProject(dir: string): ProjectInfo {
  const abs = resolve(dir);
  if (!existsSync(abs)) throw new InputError(`--program: no such folder ${dir}`);
  const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => join(abs, f)).find(existsSync);
  if (!file) return { dir: abs, name: basename(abs), main: abs, stackConfigDir: abs };
  let doc: Record<string, unknown>;
  try {
    doc = (parseYaml(readFileSync(file, "utf8")) ?? {}) as Record<string, unknown>;
  } catch (err) {
    throw new InputError(`${file}: not valid YAML (${String((err as Error).message).split("\n")[0]})`);
  }
  if (typeof doc.name !== "string") throw new InputError(`${file}: name: expected the project name`);
  return {
    dir: abs,
    name: doc.name,
    main: resolve(abs, typeof doc.main === "string" ? doc.main : "."),
    stackConfigDir: resolve(abs, typeof doc.stackConfigDir === "string" ? doc.stackConfigDir : "."),
  };
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
  const root = (doc ?? {}) as Record<string, unknown>;
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
