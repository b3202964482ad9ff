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
