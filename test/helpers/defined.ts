/**
 * Narrows away `undefined`, failing the test right there with what was missing (rather than with a
 * TypeError, or a confusing assertion, further on).
 */
// @ts-nocheck

export function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what} to be defined, got undefined`);
  return value;
}

/**
 * A dynamic provider's create() result with its outputs asserted present: Pulumi types
 * `CreateResult.outs` as optional, but every aitracks provider returns them.
 */
export function created<O>(result: { id: string; outs?: O }, what = "create()"): { id: string; outs: O } {
  return { id: result.id, outs: defined(result.outs, `${what} outs`) };
}
