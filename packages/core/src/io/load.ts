import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { InputError, parseOrThrow } from "../errors";

/** Read a YAML or JSON file into plain data; a missing file or a syntax error is an InputError. */
export function readDataFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === "ENOENT" ? "no such file" : `cannot read (${code ?? (err as Error).message})`}`);
  }
  try {
    if (extname(path).toLowerCase() === ".json") return JSON.parse(text);
    return parseYaml(text, { prettyErrors: false });
  } catch (err) {
    const first = String((err as Error).message).split("\n")[0];
    throw new InputError(`${path}: not valid ${extname(path).toLowerCase() === ".json" ? "JSON" : "YAML"} (${first})`);
  }
}

/** Read and validate a file against a schema; errors name the file and each field path. */
export function loadFile<S extends z.ZodType>(schema: S, path: string): z.output<S> {
  return parseOrThrow(schema, readDataFile(path), `${path}: `);
}
