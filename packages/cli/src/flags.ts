
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
