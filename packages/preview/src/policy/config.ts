/**
 * Pack config, as `pulumi preview --policy-pack-config <file>` takes it:
 *   { "all": "mandatory", "<policy>": "advisory", "<policy>": { "enforcementLevel": "mandatory", "<prop>": <value> } }
 * Validated against each policy's configSchema (unknown policies and properties, wrong types and
 * values are InputErrors naming the path), with the schema's defaults filled in, and resolved to
 * the effective enforcement level of every policy — exactly what the Pulumi CLI sends the pack.
 */
import { InputError } from "@aitracks/core/errors";
import type { EnforcementLevel, Policies, Policy } from "@pulumi/policy";

export interface EffectivePolicyConfig {
  readonly enforcementLevel: EnforcementLevel;
  readonly properties: Record<string, unknown>;
}

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

interface JsonSchema {
  type?: string | string[];
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
}

/** Check one value against the small JSON-schema subset policies use; return the problem or undefined. */
function schemaProblem(value: unknown, schema: JsonSchema): string | undefined {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const actual = Array.isArray(value) ? "array" : value === null ? "null" : Number.isInteger(value) ? "integer" : typeof value;
  const fits = (t: string) => t === actual || (t === "number" && actual === "integer");
  if (types.length && !types.some(fits)) return `expected ${types.join(" or ")}, got ${actual === "string" ? JSON.stringify(value) : actual}`;
  if (schema.enum && !schema.enum.includes(value)) return `expected one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`;
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) return `expected at least ${schema.minimum}, got ${value}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `expected at most ${schema.maximum}, got ${value}`;
  }
  if (typeof value === "string" && schema.pattern && !new RegExp(schema.pattern).test(value)) return `expected a value matching ${schema.pattern}, got ${JSON.stringify(value)}`;
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const p = schemaProblem(value[i], schema.items);
      if (p) return `[${i}]: ${p}`;
    }
  }
  return undefined;
}

/** Levenshtein distance, for "did you mean" on a mistyped policy name. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

function closest(name: string, names: readonly string[]): string | undefined {
  const best = [...names].sort((x, y) => distance(name, x) - distance(name, y))[0];
  return best && distance(name, best) <= Math.max(2, Math.floor(name.length / 5)) ? best : undefined;
}

/**
 * The effective config of every policy of the pack. `raw` is the parsed config file (or undefined);
 * `source` names it in error lines.
 */
export function resolvePackConfig(policies: Policies, packLevel: EnforcementLevel, raw: unknown, source = "policy config"): Map<string, EffectivePolicyConfig> {
  const errors: string[] = [];
  const byName = new Map<string, Policy>(policies.map((p) => [p.name, p]));
  const given = (raw ?? {}) as Record<string, unknown>;
  if (raw !== undefined && (typeof raw !== "object" || raw === null || Array.isArray(raw))) {
    throw new InputError(`${source}: expected an object of policy names to levels or settings`);
  }
  let allLevel: EnforcementLevel | undefined;
  const explicit = new Map<string, { level?: EnforcementLevel; props: Record<string, unknown> }>();
  for (const [key, value] of Object.entries(given)) {
    const where = `${source}: ${key}`;
    if (key === "all") {
      if (typeof value !== "string" || !LEVELS.includes(value as EnforcementLevel)) errors.push(`${where}: expected one of ${LEVELS.join(", ")}`);
      else allLevel = value as EnforcementLevel;
      continue;
    }
    const policy = byName.get(key);
    if (!policy) {
      const hint = closest(key, [...byName.keys()]);
      errors.push(`${where}: no such policy in the pack${hint ? ` (did you mean ${hint}?)` : ""}`);
      continue;
    }
    if (typeof value === "string") {
      if (!LEVELS.includes(value as EnforcementLevel)) errors.push(`${where}: expected one of ${LEVELS.join(", ")}, got ${JSON.stringify(value)}`);
      else explicit.set(key, { level: value as EnforcementLevel, props: {} });
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      errors.push(`${where}: expected an enforcement level or an object of settings`);
      continue;
    }
    const { enforcementLevel, ...props } = value as Record<string, unknown>;
    if (enforcementLevel !== undefined && !LEVELS.includes(enforcementLevel as EnforcementLevel)) {
      errors.push(`${where}.enforcementLevel: expected one of ${LEVELS.join(", ")}, got ${JSON.stringify(enforcementLevel)}`);
    }
    const schema = (policy.configSchema?.properties ?? {}) as Record<string, JsonSchema>;
    for (const [prop, v] of Object.entries(props)) {
      const s = schema[prop];
      if (!s) {
        const known = Object.keys(schema);
        errors.push(`${where}.${prop}: unknown setting${known.length ? ` (the policy takes ${known.join(", ")})` : " (the policy takes none)"}`);
        continue;
      }
      const problem = schemaProblem(v, s);
      if (problem) errors.push(`${where}.${prop}${problem.startsWith("[") ? "" : ": "}${problem}`);
    }
    explicit.set(key, { level: enforcementLevel as EnforcementLevel | undefined, props });
  }
  if (errors.length) throw new InputError(errors);

  const out = new Map<string, EffectivePolicyConfig>();
  for (const p of policies) {
    const e = explicit.get(p.name);
    const defaults: Record<string, unknown> = {};
    for (const [k, s] of Object.entries((p.configSchema?.properties ?? {}) as Record<string, JsonSchema>)) {
      if (s.default !== undefined) defaults[k] = structuredClone(s.default);
    }
    for (const req of p.configSchema?.required ?? []) {
      if (e?.props[req] === undefined && defaults[req] === undefined) errors.push(`${source}: ${p.name}.${req}: required setting is missing`);
    }
    out.set(p.name, {
      enforcementLevel: e?.level ?? allLevel ?? p.enforcementLevel ?? packLevel,
      properties: { ...defaults, ...(e?.props ?? {}) },
    });
  }
  if (errors.length) throw new InputError(errors);
  return out;
}
