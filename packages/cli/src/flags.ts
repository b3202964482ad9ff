import { basename, dirname, join } from "node:path";
import { renameSync, unlinkSync, writeFileSync } from "node:fs";
import type * as Core from "@aitracks/core";

/**
 * A whole-number flag: undefined when not given, else the number, or a problem line pushed onto
 * `problems` (so a command reports every bad flag at once, before reading anything).
 */
export function wholeNumberFlag(problems: string[], flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(n) || n < min || n > max) {
    problems.push(`--${flag}: expected a whole number from ${min} to ${max.toLocaleString("en-US")}, got ${JSON.stringify(raw)}`);
    return undefined;
  }
  return n;
}

/** The Monte Carlo flags tco and report share. */
export function monteCarloFlags(problems: string[], flags: { samples?: string; seed?: string; horizon?: string }) {
  return {
    samples: wholeNumberFlag(problems, "samples", flags.samples, 1, 1_000_000),
    seed: wholeNumberFlag(problems, "seed", flags.seed, 0, 4_294_967_295),
    horizonMonths: wholeNumberFlag(problems, "horizon", flags.horizon, 1, 120),
  };
}

/**
 * Write a file via a temp file in the same directory and a rename: readers never see half a file,
 * and a failure leaves nothing behind. Errors name the flag that gave the path.
 */
export function writeFileAtomically(path: string, text: string, flag: string, shownAs: string = path): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text, { encoding: "utf8", flag: "wx" });
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temp file was never created
    }
    // Loaded here, not at the top: --help and flag errors start without the domain code.
    const { InputError } = require("@aitracks/core") as typeof Core;
    throw new InputError(`${flag} ${shownAs}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}
