import { InputError, printable, printableLine } from "@aitracks/core";

/** Exit codes every command keeps: pipelines rely on them. */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2 } as const;

/** Thrown by a command that ran fine but whose check failed (exit 1). */
export class CheckFailed extends Error {}

/**
 * Run a command body: InputError -> its lines on stderr and exit 2 (no stack trace);
 * any other error -> one line and exit 1 (the stack only with AITRACKS_DEBUG=1).
 */
export async function runCommand(body: () => Promise<number | void> | number | void): Promise<number> {
  try {
    return (await body()) ?? EXIT.ok;
  } catch (err) {
    if (err instanceof InputError) {
      for (const line of err.lines) process.stderr.write(`aitracks: ${printableLine(line)}\n`);
      return EXIT.badInput;
    }
    if (err instanceof CheckFailed) {
      if (err.message) process.stderr.write(`aitracks: ${printableLine(err.message)}\n`);
      return EXIT.checkFailed;
    }
    const e = err as Error;
    process.stderr.write(`aitracks: internal error: ${printableLine(e?.message ?? String(err))}\n`);
    if (process.env.AITRACKS_DEBUG) process.stderr.write(`${e?.stack ?? ""}\n`);
    return EXIT.checkFailed;
  }
}

/**
 * Write to stdout and resolve when flushed (so piping to `head` or a file is complete on exit).
 * Control and bidi characters from inputs are shown as `\uXXXX` (the same value in JSON text).
 */
export function out(text: string): void {
  const safe = printable(text);
  process.stdout.write(safe.endsWith("\n") ? safe : `${safe}\n`);
}

/** One line to stderr, `aitracks: ` first, control and bidi characters from inputs made visible. */
export function say(line: string): void {
  process.stderr.write(`aitracks: ${printableLine(line)}\n`);
}
