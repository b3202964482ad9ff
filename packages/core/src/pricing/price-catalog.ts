import { InputError } from "../errors";
import type { Catalog, CatalogEntry, Cloud } from "../schema/catalog";

// The catalog's lookups, with no Node module and no zod: the explore page (aitracks explore) builds
// one from the entries its workload uses. Loading and validating the file is in catalog.ts.

/** A validated, indexed price catalog. */
export class PriceCatalog {
  readonly entries: readonly CatalogEntry[];
  private readonly bySku: ReadonlyMap<string, CatalogEntry>;

  constructor(readonly data: Catalog) {
    this.entries = data.entries;
    this.bySku = new Map(data.entries.map((e) => [e.sku, e]));
  }

  has(sku: string): boolean {
    return this.bySku.has(sku);
  }

  /** The entry for a SKU, or undefined. */
  find(sku: string): CatalogEntry | undefined {
    return this.bySku.get(sku);
  }

  /**
   * The entry for a SKU; an unknown SKU is an InputError naming `field` and the closest SKUs.
   * `cloud` narrows both the lookup and the suggestions.
   */
  get(sku: string, field = "sku", cloud?: Cloud): CatalogEntry {
    const entry = this.bySku.get(sku);
    if (entry && (!cloud || entry.cloud === cloud)) return entry;
    const pool = this.entries.filter((e) => !cloud || e.cloud === cloud).map((e) => e.sku);
    const near = closest(sku, pool, 3);
    const hint = near.length ? `; did you mean ${near.join(", ")}?` : "";
    throw new InputError(`${field}: unknown ${cloud ? `${cloud} ` : ""}SKU ${JSON.stringify(sku)} in the price catalog${hint}`);
  }

  /** The oldest `asOf` among the entries: the age of the catalog as a whole. */
  oldestAsOf(): string {
    return this.entries.reduce((min, e) => (e.asOf < min ? e.asOf : min), this.entries[0]?.asOf ?? "");
  }
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

export function closest(word: string, pool: readonly string[], n: number): string[] {
  const w = word.toLowerCase();
  return pool
    .map((p) => ({ p, d: editDistance(w, p.toLowerCase()) - (p.toLowerCase().includes(w) || w.includes(p.toLowerCase()) ? 3 : 0) }))
    .filter((x) => x.d <= Math.max(4, Math.floor(w.length / 2)))
    .sort((a, b) => a.d - b.d || a.p.localeCompare(b.p))
    .slice(0, n)
    .map((x) => x.p);
}
