import { InputError } from "./errors";
import { parseJsonText, refuseReservedKeys } from "./io/load";

/**
 * One value of a stack's config, as every reader takes it (the stack program, the cost model, the
 * policy pack): Pulumi hands structured values (objects, lists) to a program and to a policy pack
 * as JSON text, which is parsed like any input's JSON (duplicate and prototype keys refused,
 * named under the key); plain values stay strings; a value already parsed (the preview graph
 * holds parsed config) is checked for prototype keys and passed through.
 */
export function parseConfigValue(value: unknown, key: string): unknown {
  if (typeof value !== "string") return refuseReservedKeys(value, `${key}.`);
  const t = value.trim();
  if (!t.startsWith("{") && !t.startsWith("[")) return value;
  try {
    return parseJsonText(t, `${key}.`);
  } catch (err) {
    if (err instanceof InputError) throw err;
    return value;
  }
}

/** `key` of a stack's config (raw from Pulumi or already parsed), parsed; undefined when unset. */
export function configValue(config: Readonly<Record<string, unknown>> | undefined, key: string): unknown {
  return parseConfigValue(config !== undefined && Object.hasOwn(config, key) ? config[key] : undefined, key);
}

/** A whole stack config (`pulumi.runtime.allConfig()`, a policy pack's ConfigureStack values), parsed. */
export function parseStackConfig(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(raw).map((k) => [k, configValue(raw, k)]));
}
