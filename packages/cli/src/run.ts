// Deep imports: `--help` and usage errors must not load all of @aitracks/core (zod, yaml, the catalog).
import { InputError } from "@aitracks/core/errors";
import { printable, printableLine } from "@aitracks/core/text";

/**
 * Exit codes every command keeps: pipelines rely on them. 0 fine; 1 a check or gate failed;
 * 2 bad input (a file, a flag, a stack's config, a program that fails or never finishes);
 * 70 an internal error of aitracks itself (EX_SOFTWARE), never mistaken for a failed policy.
 */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2, internal: 70 } as const;

/** Thrown by a command that ran fine but whose check failed (exit 1). */
export class CheckFailed extends Error {}

let jsonOutput = false;
/** The running command prints JSON: an internal error is reported as a JSON object on stdout too. */
export function setJsonOutput(json: boolean): void {
  jsonOutput = json;
}

/** The one line an internal error is reported as. */
export function internalMessage(err: unknown): string {
  const e = err as Error;
  return `internal error: ${printableLine(String(e?.message ?? err).split("\n")[0]!)}`;
}

/** Report an internal error: one line on stderr (the stack only with AITRACKS_DEBUG=1), and under --json a JSON error object. */
export function reportInternal(err: unknown): number {
  const message = internalMessage(err);
  process.stderr.write(`aitracks: ${message}\n`);
  if (process.env.AITRACKS_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ""}\n`);
  if (jsonOutput) out(JSON.stringify({ version: 1, error: { kind: "internal", message, exitCode: EXIT.internal } }, null, 2));
  return EXIT.internal;
}

/**
 * Run a command body: InputError -> its lines on stderr and exit 2 (no stack trace);
 * CheckFailed -> exit 1; any other error is ours -> one line and exit 70.
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
    return reportInternal(err);
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
