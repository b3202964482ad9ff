import type { Cloud } from "../../schema/catalog";
import { RefreshError, type SourceQuote } from "./types";

/** A catalog as read from disk: plain JSON, key order and unknown formatting kept. */
export interface RawCatalog {
  entries: RawEntry[];
  [key: string]: unknown;
}
export interface RawEntry {
  sku: string;
  cloud: Cloud;
  usd: number;
  asOf: string;
  source: string;
  [key: string]: unknown;
}

export interface PriceChange {
  readonly sku: string;
  readonly old: number;
  readonly new: number;
  readonly source: string;
  readonly matched: string;
}

export interface PriceConfirmed {
  readonly sku: string;
  readonly usd: number;
  readonly source: string;
  readonly matched: string;
}

export interface Applied {
  readonly next: RawCatalog;
  readonly updated: PriceChange[];
  readonly unchanged: PriceConfirmed[];
}

/** Two prices this close are the same price (sources round differently). */
const SAME = 5e-7;

/** How far a price moved, as a factor >= 1 (Infinity when one side is 0 and the other is not). */
export function changeFactor(oldUsd: number, newUsd: number): number {
  if (oldUsd === newUsd) return 1;
  if (oldUsd <= 0 || newUsd <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(newUsd / oldUsd, oldUsd / newUsd);
}

/**
 * Apply source quotes to the catalog: a quoted SKU gets `asOf` = today and `source` = the API URL,
 * and its new `usd` when the price moved. Entries without a quote are left exactly as they were.
 * A move by more than `maxChange` times either way (or to or from 0) fails the whole refresh.
 */
export function applyQuotes(catalog: RawCatalog, quotes: readonly SourceQuote[], today: string, maxChange: number): Applied {
  const bySku = new Map(quotes.map((q) => [q.sku, q]));
  const updated: PriceChange[] = [];
  const unchanged: PriceConfirmed[] = [];
  const absurd: string[] = [];
  const entries = catalog.entries.map((e) => {
    const q = bySku.get(e.sku);
    if (!q) return e;
    const factor = changeFactor(e.usd, q.usd);
    if (factor > maxChange) {
      const f = Number.isFinite(factor) ? `${Number(factor.toPrecision(3))}x` : "from or to 0";
      absurd.push(`${e.sku} ${e.usd} -> ${q.usd} (${f}) from ${q.source}`);
      return e;
    }
    if (Math.abs(q.usd - e.usd) < SAME) {
      unchanged.push({ sku: e.sku, usd: e.usd, source: q.source, matched: q.matched });
      return { ...e, asOf: today, source: q.source };
    }
    updated.push({ sku: e.sku, old: e.usd, new: q.usd, source: q.source, matched: q.matched });
    return { ...e, usd: q.usd, asOf: today, source: q.source };
  });
  if (absurd.length > 0) {
    const more = absurd.length > 1 ? ` (and ${absurd.length - 1} more)` : "";
    throw new RefreshError(
      `sanity check failed: ${absurd[0]} moved by more than ${maxChange}x${more}; check the source or rerun with a larger --max-change`,
      undefined,
      absurd[0]?.split(" ")[0],
    );
  }
  return { next: { ...catalog, entries }, updated, unchanged };
}

interface NumToken {
  readonly start: number;
  readonly end: number;
}

/** Positions of number tokens in JSON text (strings skipped). */
function numberTokens(text: string): NumToken[] {
  const out: NumToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      i++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      while (i < n && /[-+.eE0-9]/.test(text[i]!)) i++;
      out.push({ start, end: i });
    } else {
      i++;
    }
  }
  return out;
}

/**
 * Keep the original spelling of numbers whose value did not change (`15.0`, `2e-05` as written by
 * another tool), so a refresh diff shows only the prices that moved.
 */
export function preserveNumberLiterals(original: string, next: string): string {
  const a = numberTokens(original);
  const b = numberTokens(next);
  if (a.length !== b.length) return next;
  let out = "";
  let pos = 0;
  for (let k = 0; k < b.length; k++) {
    const o = a[k]!;
    const t = b[k]!;
    const oldText = original.slice(o.start, o.end);
    const newText = next.slice(t.start, t.end);
    out += next.slice(pos, t.start);
    out += oldText !== newText && Number(oldText) === Number(newText) ? oldText : newText;
    pos = t.end;
  }
  return out + next.slice(pos);
}

/** Serialise like the original file: its indentation, its trailing newline, its number spellings. */
export function serializeCatalog(catalog: RawCatalog, original: string): string {
  const m = /^\{\r?\n([ \t]+)"/.exec(original);
  const indent = m?.[1] ?? "  ";
  const eol = original.includes("\r\n") ? "\r\n" : "\n";
  let text = JSON.stringify(catalog, null, indent);
  if (eol === "\r\n") text = text.replace(/\n/g, "\r\n");
  if (/\r?\n$/.test(original)) text += eol;
  return preserveNumberLiterals(original, text);
}
