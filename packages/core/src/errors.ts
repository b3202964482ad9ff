import type { z } from "zod";

/**
 * A problem with something the user gave us (a file, a flag, a stack's config).
 * Each line names the field path and what was expected; the CLI prints the lines and exits 2.
 */
export class InputError extends Error {
  readonly lines: readonly string[];
  constructor(lines: string | readonly string[]) {
    // The same problem found twice (say, by two lookups of one bad setting) is said once.
    const all = typeof lines === "string" ? [lines] : [...new Set(lines)];
    super(all.join("\n"));
    this.name = "InputError";
    this.lines = all;
  }
}

/** `tracks[0].cloud` from `["tracks", 0, "cloud"]`. */
export function formatPath(path: readonly PropertyKey[], prefix = ""): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return prefix + (out === "" ? "(root)" : out);
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  return "an object";
}

const TYPE_NAMES: Record<string, string> = {
  object: "an object",
  array: "a list",
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  date: "a date",
};

/**
 * zod's default type message ("Invalid input: expected object, received null") in our words
 * ("expected an object"); the `got ...` part is added by the caller. Other messages pass through.
 */
function readable(message: string): string {
  // "Invalid option: expected one of "a"|"b"" -> "expected one of a, b"
  const option = /^Invalid option: expected one of (.+)$/.exec(message);
  if (option) return `expected one of ${option[1]!.split("|").map((o) => o.replace(/^"|"$/g, "")).join(", ")}`;
  const m = /^Invalid input: expected (\w+), received \w+$/.exec(message);
  if (!m) return message;
  const type = m[1] ?? "";
  return `expected ${TYPE_NAMES[type] ?? type}`;
}

/** Unknown keys named in one message; the rest are counted. */
const MAX_KEYS_SHOWN = 10;

/** One line per zod issue: `criteria.budget.score: expected an integer from 1 to 5, got 7`. */
export function issueLines(error: z.ZodError, prefix = ""): string[] {
  const lines: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === "invalid_union" && "errors" in issue && Array.isArray(issue.errors)) {
      // A union (number or {low, high}) failed: the message on the union itself says what fits.
    }
    const where = formatPath(issue.path, prefix);
    // A refinement over a whole object (`expected at least one weight above 0`) gains nothing
    // from ", got an object"; a value that is itself wrong (7, "yes", nothing, a list) does.
    const wholeObject = issue.code === "custom" && typeof issue.input === "object" && issue.input !== null;
    const got = "input" in issue && !wholeObject ? `, got ${describe(issue.input)}` : "";
    if (issue.code === "unrecognized_keys") {
      // zod's default message repeats the keys; a schema's own message says which keys it takes.
      const own = issue.message.startsWith("Unrecognized key") ? "" : `; ${issue.message}`;
      // A file of 100,000 stray keys gets one readable line, not a megabyte of them.
      const shown = issue.keys.length > MAX_KEYS_SHOWN ? [...issue.keys.slice(0, MAX_KEYS_SHOWN), `and ${issue.keys.length - MAX_KEYS_SHOWN} more`] : issue.keys;
      lines.push(`${where}: unknown key${issue.keys.length > 1 ? "s" : ""} ${shown.join(", ")}${own}`);
    } else {
      lines.push(`${where}: ${readable(issue.message)}${issue.message.includes(", got ") ? "" : got}`);
    }
  }
  return lines;
}

/** Parse with a schema, or throw an InputError whose lines name every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown, prefix = ""): z.output<S> {
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) throw new InputError(issueLines(result.error, prefix));
  return result.data;
}
