/** Small readers for resource properties, which arrive as plain JSON (or policy-runtime proxies of it). */

export type Json = unknown;

export function isObject(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function asArray(v: Json): Json[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

export function asString(v: Json): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** A non-empty string. */
export function isSet(v: Json): boolean {
  return typeof v === "string" ? v.trim() !== "" : v !== undefined && v !== null;
}

/** `get(props, "a.b.0.c")`. */
export function get(v: Json, path: string): Json {
  let cur: Json = v;
  for (const key of path.split(".")) {
    if (cur === undefined || cur === null) return undefined;
    cur = (cur as Record<string, Json>)[key];
  }
  return cur;
}

/** A JSON document given as a string (IAM policies) or already as an object. */
export function parseJson(v: Json): Json {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v) as Json;
  } catch {
    return undefined;
  }
}

/** Compare case-insensitively (cloud APIs accept "Disabled" and "disabled"). */
export function equalsIgnoreCase(v: Json, expected: string): boolean {
  return typeof v === "string" && v.toLowerCase() === expected.toLowerCase();
}

/**
 * Azure's publicNetworkAccess must be "Disabled" (unset means Enabled): the violation message,
 * naming the property as `path`, or undefined when it is disabled.
 */
export function publicAccessViolation(value: Json, path: string): string | undefined {
  if (equalsIgnoreCase(value, "Disabled")) return undefined;
  return `${path} is ${value ? JSON.stringify(value) : "not set (Enabled)"}; expected "Disabled"`;
}
