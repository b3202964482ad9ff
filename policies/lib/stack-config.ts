import { configValue as parseConfigValueOf } from "@aitracks/core";

/**
 * The stack's config, as the engine sends it to a policy pack in `ConfigureStack` (keys such as
 * `aitracks:decision`, structured values as JSON strings, plus which keys are secrets). Recorded by
 * `engine-shim.ts` under the Pulumi CLI and by the offline runners; undefined when nobody sent it.
 */
export interface StackConfig {
  readonly values: Readonly<Record<string, string>>;
  readonly secretKeys: readonly string[];
}

let current: StackConfig | undefined;

export function setStackConfig(config: StackConfig | undefined): void {
  current = config ? { values: { ...config.values }, secretKeys: [...config.secretKeys] } : undefined;
}

export function stackConfig(): StackConfig | undefined {
  return current;
}

/** A config value, parsed as every reader of the stack config parses it (core's configValue). */
export function configValue(key: string): unknown {
  return parseConfigValueOf(current?.values, key);
}
