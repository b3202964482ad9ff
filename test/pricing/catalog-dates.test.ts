import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type CatalogEntry } from "@aitracks/core";
import { BUNDLED_CATALOG } from "./server";

const bundled = (JSON.parse(readFileSync(BUNDLED_CATALOG, "utf8")) as { entries: CatalogEntry[] }).entries;

/**
 * Entries of one family (cloud, service) and region whose `asOf` months differ, with no note on
 * either to say why: one was reviewed and the other not, so a stale sibling hides behind a fresh
 * date (the issue: ml.p4d.24xlarge at its pre-cut price beside ml.p5.48xlarge, both "2026-11-01").
 */
function unexplainedDateSplits(entries: readonly CatalogEntry[]): string[] {
  const families = new Map<string, CatalogEntry[]>();
  for (const e of entries) {
    const key = `${e.cloud} ${e.service} ${e.region}`;
    families.set(key, [...(families.get(key) ?? []), e]);
  }
  const out: string[] = [];
  for (const [key, list] of families) {
    const silent = list.filter((e) => !e.note);
    const months = [...new Set(silent.map((e) => e.asOf.slice(0, 7)))].sort();
    if (months.length > 1) out.push(`${key}: ${months.map((m) => `${m} (${silent.filter((e) => e.asOf.startsWith(m)).map((e) => e.sku).join(", ")})`).join(" vs ")}`);
  }
  return out;
}

describe("catalog dates", () => {
  it("every entry has a source URL and an asOf date", () => {
    for (const e of bundled) {
      expect(e.source, e.sku).toMatch(/^https:\/\//);
      expect(e.asOf, e.sku).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("entries of one family and region share an asOf month unless a note says why", () => {
    expect(unexplainedDateSplits(bundled)).toEqual([]);
  });

  it("fails a family whose entries were dated apart in silence, and accepts the note that explains it", () => {
    const p4d = bundled.find((e) => e.sku === "ml.p4d.24xlarge")!;
    const { note: _note, ...silent } = p4d;
    const stale = [...bundled.filter((e) => e.sku !== p4d.sku), { ...silent, asOf: "2026-06-01" }];
    expect(unexplainedDateSplits(stale)).toEqual([expect.stringMatching(/^aws sagemaker us-east-1: 2026-06 \(ml\.p4d\.24xlarge\) vs 2026-11 \(/)]);
    expect(unexplainedDateSplits([...bundled.filter((e) => e.sku !== p4d.sku), { ...p4d, asOf: "2026-06-01" }])).toEqual([]);
  });

  it("carries the corrected list prices", () => {
    const usd = (sku: string) => bundled.find((e) => e.sku === sku)?.usd;
    expect(usd("ml.p4d.24xlarge")).toBe(25.25);
    expect(usd("ml.trn1.32xlarge")).toBe(21.5);
    expect(usd("ml.g6.xlarge")).toBe(1.1267);
    expect(usd("keyvault-hsm-key-advanced")).toBe(5);
  });
});
