import { InputError } from "@aitracks/core";

/** Run a child track's validation with its errors named under the parent's field: `serving.minInstances: …`. */
export function nested<T>(prefix: string, validate: () => T): T {
  try {
    return validate();
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.lines.map((l) => `${prefix}.${l}`));
    throw err;
  }
}
