import { InputError } from "@aitracks/core";

/**
 * Stop at construction, before any resource is registered, naming the field that is wrong:
 * `fieldError("minInstances", "expected at most maxInstances (4), got 6")`.
 */
export function fieldError(field: string, message: string): never {
  throw new InputError(`${field}: ${message}`);
}

/** A plain (already known) value or undefined when it is still an Output: eager checks skip those. */
export function known<T>(value: unknown): T | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "object" && ("apply" in (value as object) || typeof (value as Promise<T>).then === "function")) return undefined;
  return value as T;
}
