import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { extname } from "node:path";
import type { Node } from "yaml";
import type { z } from "zod";
import { InputError, parseOrThrow } from "../errors";
import { printableLine } from "../text";

/**
 * The one reader of every input file (decision, workload, stack config values, catalog, cost
 * baseline, plan, policy config). Bounded: regular files only, at most MAX_INPUT_BYTES, checked
 * on the open file before a byte is read (a FIFO or /dev/zero is refused, not waited on or read
 * into memory); parsed in time linear in the size; duplicate keys, prototype keys and YAML tags
 * beyond the core schema refused, naming the file, the field and the line.
 */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** Keys that would set or shadow an object's prototype when the data meets plain objects. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** The tags of the YAML 1.2 core schema: what a plain YAML document can mean without a tag. */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

/** Anchored nodes an alias may expand, in all (the billion-laughs bound). */
const MAX_ALIAS_COUNT = 100;

function megabytes(n: number): string {
  return `${Number((n / (1024 * 1024)).toFixed(1))} MB`;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a FIFO";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

function openError(path: string, err: unknown, what: string): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  const reason = code === "ENOENT" ? "no such file" : (code ?? (err as Error).message);
  if (what) return new InputError(`${path}: cannot read ${what} (${reason})`);
  return new InputError(`${path}: ${code === "ENOENT" ? reason : `cannot read (${reason})`}`);
}

export interface ReadOptions {
  /** What the file is, when it cannot be opened (`cannot read the price catalog (no such file)`). */
  readonly what?: string;
  /** A larger bound for a file that is big by nature (a `pulumi preview --json` plan). */
  readonly maxBytes?: number;
}

/** The bounds of input files. README's Limits section states them. */
export const INPUT_LIMITS = {
  /** Any input file: a decision, workload, stack config, catalog, cost baseline, policy config. */
  file: MAX_INPUT_BYTES,
  /**
   * A YAML document (file, or front matter): the YAML parser holds ~180 bytes per byte of text
   * and reads ~1 MB a second, so 10 MB of YAML would take minutes and gigabytes. A hand-written
   * decision, workload or stack config is a few KB.
   */
  yaml: 2 * 1024 * 1024,
  /** A `pulumi preview --json` plan (`cost --from-preview`): a large stack's plan is large. */
  plan: 100 * 1024 * 1024,
} as const;

/**
 * An input file's bytes: a regular file of at most MAX_INPUT_BYTES, or an InputError naming it.
 * Opened without blocking (a FIFO with no writer does not hang the open) and judged by fstat on
 * that open file, so what is read is what was checked.
 */
export function readInputBytes(path: string, opts: ReadOptions = {}): Buffer {
  const what = opts.what ?? "";
  const max = opts.maxBytes ?? MAX_INPUT_BYTES;
  const say = (reason: string) => new InputError(`${path}: ${reason}`);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw openError(path, err, what);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw say(`expected a regular file, got ${kindOf(st)}`);
    if (st.size > max) throw say(`expected a file of at most ${megabytes(max)}, got ${megabytes(st.size)}${max === INPUT_LIMITS.yaml ? " (the bound of a YAML input)" : ""}`);
    // The file may grow after fstat: read at most one byte past the limit, then judge.
    const buf = Buffer.allocUnsafe(Math.min(st.size, max) + 1);
    let len = 0;
    for (;;) {
      const n = readSync(fd, buf, len, buf.length - len, null);
      if (n === 0) break;
      len += n;
      if (len === buf.length) {
        if (len > max) throw say(`expected a file of at most ${megabytes(max)}, got more (it grew while being read)`);
        break;
      }
    }
    return buf.subarray(0, len);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw openError(path, err, what);
  } finally {
    closeSync(fd);
  }
}

/** An input file's text (UTF-8), bounded as readInputBytes. */
export function readInputText(path: string, opts: ReadOptions = {}): string {
  return readInputBytes(path, opts).toString("utf8");
}

/** A key as a message quotes it: JSON-quoted, control and bidi characters visible. */
function quoted(key: string): string {
  return printableLine(JSON.stringify(key));
}

function forbidden(where: string, field: string, key: string): InputError {
  return new InputError(`${where}${field}: the key ${quoted(key)} is reserved (it could change what every object inherits)`);
}

/** Where a value sits, as a chain to its parent: no path is copied per node (deep nesting stays linear). */
interface At {
  readonly parent: At | undefined;
  readonly key: string | number;
}

/** `criteria.accuracy`, `tracks[0].cloud`. */
function fieldOf(at: At | undefined, last?: string): string {
  const parts: (string | number)[] = last === undefined ? [] : [last];
  for (let a = at; a; a = a.parent) parts.push(a.key);
  let out = "";
  for (const p of parts.reverse()) out += typeof p === "number" ? `[${p}]` : out === "" ? printableLine(p) : `.${printableLine(p)}`;
  return out === "" ? "(root)" : out;
}

/**
 * JSON text as data, refusing what JSON.parse lets through: a duplicate key (JSON.parse keeps
 * the last silently) and a prototype key. `where` prefixes each message (`file.json: `).
 * One pass over the text after JSON.parse has accepted it, so the cost is linear.
 */
export function parseJsonText(text: string, where = ""): unknown {
  const value = JSON.parse(text) as unknown;
  // The text is valid JSON: a string token followed by `:` is a key of the innermost object.
  interface Frame {
    readonly at: At | undefined;
    readonly keys: Set<string> | undefined;
    index: number;
    key: string;
  }
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      i++;
      while (text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
      let k = i + 1;
      while (k < text.length && (text[k] === " " || text[k] === "\n" || text[k] === "\r" || text[k] === "\t")) k++;
      if (text[k] !== ":") continue;
      const key = JSON.parse(text.slice(start, i + 1)) as string;
      const top = stack[stack.length - 1]!;
      if (FORBIDDEN_KEYS.has(key)) throw forbidden(where, fieldOf(top.at, key), key);
      if (top.keys!.has(key)) throw new InputError(`${where}${fieldOf(top.at, key)}: duplicate key ${quoted(key)}`);
      top.keys!.add(key);
      top.key = key;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const top = stack[stack.length - 1];
      const at: At | undefined = top === undefined ? undefined : { parent: top.at, key: top.keys ? top.key : top.index };
      stack.push({ at, keys: c === 0x7b ? new Set() : undefined, index: 0, key: "" });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top && !top.keys) top.index++;
    }
  }
  return value;
}

/**
 * Data already parsed elsewhere (a stack config handed over as objects), checked for prototype
 * keys the way the parsers here check text. Returns the value.
 */
export function refuseReservedKeys<T>(value: T, where = ""): T {
  const todo: { v: unknown; at: At | undefined }[] = [{ v: value, at: undefined }];
  const seen = new Set<object>();
  while (todo.length) {
    const { v, at } = todo.pop()!;
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) v.forEach((x, i) => todo.push({ v: x, at: { parent: at, key: i } }));
    else {
      for (const key of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(key)) throw forbidden(where, fieldOf(at, key), key);
        todo.push({ v: (v as Record<string, unknown>)[key], at: { parent: at, key } });
      }
    }
  }
  return value;
}

/**
 * YAML text as data. The parser's own duplicate-key check compares every key with every other
 * (1.4 MB of 100,000 keys took minutes), so it is off and one walk over the document does it with
 * a set per mapping; the walk also refuses prototype keys, non-scalar keys and any tag outside the
 * YAML core schema (`!!binary`, `!foo`, `!!js/function`). Aliases expand at most MAX_ALIAS_COUNT nodes.
 */
export function parseYamlText(text: string, where = ""): unknown {
  if (text.length > INPUT_LIMITS.yaml) {
    throw new InputError(`${where}expected YAML of at most ${megabytes(INPUT_LIMITS.yaml)}, got ${megabytes(Buffer.byteLength(text))}`);
  }
  // The YAML parser (72 modules) loads with the first YAML text: a process that reads only JSON
  // (the policy pack's, given its stack config by the engine) never loads it.
  const { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = require("yaml") as typeof import("yaml");
  const lines = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: false, schema: "core", prettyErrors: false, lineCounter: lines, logLevel: "silent" });
  const line = (node: { range?: readonly number[] | null } | null | undefined) => {
    const offset = node?.range?.[0];
    return offset === undefined ? "" : ` (line ${lines.linePos(offset).line})`;
  };
  const firstError = doc.errors[0];
  if (firstError) throw new SyntaxError(firstError.message.split("\n")[0]);
  // Walk with an explicit stack: deep nesting is bounded by memory, not by the call stack.
  const todo: { node: unknown; at: At | undefined }[] = [{ node: doc.contents, at: undefined }];
  while (todo.length) {
    const { node, at: path } = todo.pop()!;
    if (node === null || node === undefined || isAlias(node)) continue;
    const tag = (node as Node).tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      throw new InputError(`${where}${fieldOf(path)}: the YAML tag ${printableLine(tag.replace(/^tag:yaml\.org,2002:/, "!!"))} is not allowed (only plain YAML types)${line(node as Node)}`);
    }
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key;
        if (!isScalar(k)) throw new InputError(`${where}${fieldOf(path)}: expected a plain key, got ${isAlias(k) ? "an alias" : "a list or map"} as a key${line(k as Node)}`);
        if (k.tag !== undefined && !CORE_TAGS.has(k.tag)) {
          throw new InputError(`${where}${fieldOf(path)}: the YAML tag ${printableLine(k.tag)} is not allowed (only plain YAML types)${line(k)}`);
        }
        const key = String(k.value);
        const field = fieldOf(path, key);
        if (FORBIDDEN_KEYS.has(key)) throw forbidden(where, field, key);
        if (seen.has(key)) throw new InputError(`${where}${field}: duplicate key ${quoted(key)}${line(k)}`);
        seen.add(key);
        todo.push({ node: pair.value, at: { parent: path, key } });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => todo.push({ node: item, at: { parent: path, key: i } }));
    }
  }
  const warning = doc.warnings[0];
  if (warning) throw new SyntaxError(warning.message.split("\n")[0]);
  return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}

/**
 * Parse an input's text by its file name: `.json` as JSON, anything else as YAML (JSON is YAML
 * too). A syntax error is one line naming the file.
 */
export function parseDataText(text: string, path: string): unknown {
  const json = extname(path).toLowerCase() === ".json";
  try {
    return json ? parseJsonText(text, `${path}: `) : parseYamlText(text, `${path}: `);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const first = printableLine(String((err as Error).message).split("\n")[0] ?? "");
    throw new InputError(`${path}: not valid ${json ? "JSON" : "YAML"} (${first})`);
  }
}

/** Read a YAML or JSON input file into plain data; every refusal is an InputError naming the file. */
export function readDataFile(path: string, opts: ReadOptions = {}): unknown {
  const yaml = extname(path).toLowerCase() !== ".json";
  // YAML's bound is checked on the open file too, before a byte is read.
  const maxBytes = yaml ? Math.min(opts.maxBytes ?? INPUT_LIMITS.yaml, INPUT_LIMITS.yaml) : opts.maxBytes;
  return parseDataText(readInputText(path, { ...opts, maxBytes }), path);
}

/** Read a JSON input file whatever its name (a policy config, a catalog). */
export function readJsonFile(path: string, opts: ReadOptions = {}): unknown {
  const text = readInputText(path, opts);
  try {
    return parseJsonText(text, `${path}: `);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${path}: not valid JSON (${printableLine(String((err as Error).message).split("\n")[0] ?? "")})`);
  }
}

/** Read and validate a file against a schema; errors name the file and each field path. */
export function loadFile<S extends z.ZodType>(schema: S, path: string): z.output<S> {
  return parseOrThrow(schema, readDataFile(path), `${path}: `);
}
