/** Small formatting helpers shared by the text output, the HTML report and the pull-request Markdown. */

/** Escape text for HTML element content and attribute values. */
export function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** $1.23M, $850K, $4.2K, $312: compact money for headlines and tables. */
export function money(x: number): string {
  const a = Math.abs(x);
  const sign = x < 0 ? "-" : "";
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${sign}$${(a / 1e3).toFixed(0)}K`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toFixed(1)}K`;
  return `${sign}$${a.toFixed(0)}`;
}

/** $1,234.56: exact money for bills (monthly costs, deltas). */
export function usd(x: number): string {
  const sign = x < 0 ? "-" : "";
  return `${sign}$${Math.abs(x).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** 1,234 / 0.125 / 12.5: numbers as people read them. */
export function num(x: number): string {
  if (Math.abs(x) >= 1e9) return x.toExponential(2).replace("e+", "e");
  return x.toLocaleString("en-US", { maximumFractionDigits: Math.abs(x) < 10 ? 3 : Math.abs(x) < 1000 ? 1 : 0 });
}

/** A value that may be a range {low, high, likely}. */
export function uncertainText(v: unknown): string {
  if (typeof v === "number") return num(v);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  if (v && typeof v === "object" && "low" in v && "high" in v) {
    const r = v as { low: number; high: number; likely?: number };
    return `${num(r.low)}-${num(r.high)}${r.likely !== undefined ? ` (likely ${num(r.likely)})` : ""}`;
  }
  return JSON.stringify(v);
}

/** fine-tune -> Fine-tune. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * JSON for a `<script type="application/json">` element: every `<` as `\u003c` (the same value
 * once parsed), so no field can close the element (`</script>`) or open a comment (`<!--`).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
