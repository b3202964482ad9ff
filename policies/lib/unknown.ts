/**
 * Unknown values during preview. The policy runtime hands policies a proxy that throws an
 * `UnknownValueError` when a policy reads a value that is only known after deploy (an ARN, an id
 * computed by the cloud). A policy that cannot decide because of such a value says so as
 * information (`notApplicable` with the reason), never as a violation.
 */
export const UNKNOWN_NOTE = "not known until deploy";

/** The policy runtime's unknown-checking proxy hands back its target under this key. */
const PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * What the policy runtime's proxy wraps (a value that is no proxy is itself). Reading the target
 * skips the proxy's checks: the reader must skip unknown values itself (core's isUnknown).
 */
export function proxyTarget<T>(v: T): T {
  if (v && typeof v === "object") {
    const target = (v as Record<string, unknown>)[PROXY_TARGET];
    if (target && typeof target === "object") return target as T;
  }
  return v;
}

/** True for the policy runtime's UnknownValueError (matched by name: the runtime may be another copy). */
export function isUnknownError(err: unknown): err is Error {
  return err instanceof Error && (err.constructor?.name === "UnknownValueError" || /can't be known during preview/.test(err.message));
}

/** The property path in an UnknownValueError's message, e.g. `.kmsKeyArn`. */
export function unknownPath(err: Error): string {
  const m = /value at (\S+) can't be known/.exec(err.message);
  return m?.[1] ?? "a value";
}

/** Run `fn`; if it reads an unknown value, return `onUnknown(path)` instead. */
export function whenKnown<T, U>(fn: () => T, onUnknown: (path: string) => U): T | U {
  try {
    return fn();
  } catch (err) {
    if (isUnknownError(err)) return onUnknown(unknownPath(err));
    throw err;
  }
}

/**
 * Collects what a stack policy could not decide. At the end, `finish` turns the list into one
 * `notApplicable` reason (information), after any violations have been reported.
 */
export class Undecided {
  private readonly notes: string[] = [];
  add(what: string, path: string): void {
    this.notes.push(`${what} (${path} ${UNKNOWN_NOTE})`);
  }
  /** Something the stack does not show (a bucket or disk defined elsewhere). */
  outside(what: string): void {
    this.notes.push(what);
  }
  /** Run a per-resource check, recording instead of failing when it reads an unknown value. */
  check(what: string, fn: () => void): void {
    whenKnown(fn, (path) => this.add(what, path));
  }
  get size(): number {
    return this.notes.length;
  }
  finish(args: { notApplicable(reason?: string): never }): void {
    if (this.notes.length) args.notApplicable(`could not decide for ${this.notes.join("; ")}`);
  }
}
