/**
 * A one-line progress indicator for long work (Monte Carlo runs, previews, report generation).
 * It writes to stderr, and only when a person is watching: stderr and stdout are both terminals,
 * `--json` was not given and TERM is not "dumb". Piped or redirected output, CI logs and JSON
 * consumers never see a byte of it.
 */

/** The part of a stream progress needs (process.stderr, or a fake in tests). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(chunk: string): unknown;
}

export interface ProgressOptions {
  /** --json given: stay quiet. */
  readonly json?: boolean;
  /** Default process.stderr. */
  readonly stream?: ProgressStream;
  /** Whether stdout is a terminal; default process.stdout.isTTY. */
  readonly stdoutIsTTY?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Milliseconds clock; default performance.now. */
  readonly now?: () => number;
  /** Least time between two redraws of the same step; default 80 ms. */
  readonly minIntervalMs?: number;
}

export interface Progress {
  /** True when it draws anything at all. */
  readonly enabled: boolean;
  /** Start a step (`previewing stack buy-aws`), optionally with a count of units. */
  step(label: string, total?: number): void;
  /** Units done of the current step. */
  tick(done: number, total?: number): void;
  /** Erase the line (before printing results or an error). */
  clear(): void;
}

const QUIET: Progress = { enabled: false, step() {}, tick() {}, clear() {} };

export function progressEnabled(opts: ProgressOptions = {}): boolean {
  const stream = opts.stream ?? process.stderr;
  const stdoutIsTTY = opts.stdoutIsTTY ?? process.stdout.isTTY === true;
  const env = opts.env ?? process.env;
  return !opts.json && stream.isTTY === true && stdoutIsTTY && env.TERM !== "dumb";
}

/** `[#########-----------] 45%`. */
export function bar(done: number, total: number, width = 20): string {
  const f = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(f * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.floor(f * 100)}%`;
}

export function createProgress(opts: ProgressOptions = {}): Progress {
  if (!progressEnabled(opts)) return QUIET;
  const stream = opts.stream ?? process.stderr;
  const now = opts.now ?? (() => performance.now());
  const minInterval = opts.minIntervalMs ?? 80;
  let label = "";
  let total: number | undefined;
  let lastDraw = -Infinity;
  let shown = false;

  const draw = (text: string) => {
    // A terminal that reports no size (0 columns, as under `script`) gets 80.
    const width = (stream.columns !== undefined && stream.columns >= 20 ? stream.columns : 80) - 1;
    const line = text.length > width ? `${text.slice(0, width - 3)}...` : text;
    stream.write(`\r\x1b[2K${line}`);
    shown = true;
    lastDraw = now();
  };

  return {
    enabled: true,
    step(next, count) {
      label = next;
      total = count;
      draw(`aitracks: ${label}...`);
    },
    tick(done, count) {
      if (count !== undefined) total = count;
      const finished = total !== undefined && done >= total;
      if (!finished && now() - lastDraw < minInterval) return;
      const n = total !== undefined ? ` ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} ${bar(done, total)}` : ` ${done.toLocaleString("en-US")}`;
      draw(`aitracks: ${label}${n}`);
    },
    clear() {
      if (shown) stream.write("\r\x1b[2K");
      shown = false;
    },
  };
}
