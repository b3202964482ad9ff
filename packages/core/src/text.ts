/**
 * Text from an input (a `useCase`, a file name, a server's error message) on its way to a
 * terminal or a Markdown file. C0 and C1 control characters (an escape sequence that clears the
 * screen or rewrites a line), DEL, and the Unicode bidi controls and line separators (U+202E
 * shows `txt.exe` as `exe.txt`) are written as `\uXXXX`: visible, and in JSON the same value.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** Terminal-safe text: every unsafe character escaped; tab and newline kept. */
export function printable(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** One line of terminal-safe text: newlines and tabs escaped as well. */
export function printableLine(text: string): string {
  return text.replace(UNSAFE_OR_NEWLINE, escapeChar);
}

/**
 * Text from elsewhere (a server's error body) in a one-line message: every unsafe character and
 * newline becomes a space, runs of spaces one. Nothing of it can drive the terminal.
 */
export function withoutControls(text: string): string {
  return text.replace(UNSAFE_OR_NEWLINE, " ").replace(/\s{2,}/g, " ").trim();
}

/**
 * Input text inline in Markdown: one line (newlines become spaces), Markdown and HTML syntax
 * escaped (`*`, `_`, `` ` ``, `[`, `<`, `|`, `&`, `~` are shown, not interpreted), unsafe characters escaped.
 */
export function markdownInline(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, " ").trim();
  return printableLine(flat.replace(/[\\`*_[\]<>|~&]/g, "\\$&"));
}

/**
 * `n.toLocaleString("en-US")`, without starting ICU for a safe integer (grouped by hand: the
 * first toLocaleString of a process initialises ICU, 50-70 ms of a command's start).
 */
export function enUsNumber(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString("en-US");
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * `x.toLocaleString("en-US", { minimumFractionDigits, maximumFractionDigits })`, without starting
 * ICU (about 15 ms, the first time a process formats a number with options: the policy pack paid
 * it while it answered). Like ICU, it rounds the shortest decimal that reads back as `x` (1.005 ->
 * "1.01", where `toFixed` rounds the binary value to "1.00"), half away from zero, keeps the sign
 * of a negative number that rounds to zero ("-0"), and groups the integer digits by three.
 * Non-finite numbers and -0 go to ICU. test/core/en-us-number.test.ts compares the two over a fuzzed range.
 */
export function enUsDecimal(x: number, minimumFractionDigits: number, maximumFractionDigits: number): string {
  if (!Number.isFinite(x) || Object.is(x, -0) || !(minimumFractionDigits >= 0 && minimumFractionDigits <= maximumFractionDigits && maximumFractionDigits <= 20)) {
    return x.toLocaleString("en-US", { minimumFractionDigits, maximumFractionDigits });
  }
  // The shortest round-trip decimal as digits and the position of the decimal point: 1.005 ->
  // "1005" with 1 integer digit; 1.23e-7 -> "123" with -6.
  const [mantissa, exp] = String(Math.abs(x)).split("e") as [string, string | undefined];
  const dot = mantissa.indexOf(".");
  let digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let point = (dot < 0 ? mantissa.length : dot) + (exp ? Number(exp) : 0);
  // Pad so that the integer part and every kept fraction digit exist, then round at the last kept.
  if (point < 1) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  const keep = point + maximumFractionDigits;
  if (digits.length < keep) digits += "0".repeat(keep - digits.length);
  if (digits.length > keep) {
    const up = digits.charCodeAt(keep) >= 53; // "5".."9": half away from zero
    digits = digits.slice(0, keep);
    if (up) {
      const bumped = (BigInt(digits) + 1n).toString().padStart(keep, "0");
      if (bumped.length > keep) point++;
      digits = bumped;
    }
  }
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  // Trailing zeros beyond the minimum go.
  let end = digits.length;
  while (end > point + minimumFractionDigits && digits.charCodeAt(end - 1) === 48) end--;
  const frac = digits.slice(point, end);
  return `${x < 0 ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}
