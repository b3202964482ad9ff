// @ts-nocheck
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { monthsBefore, pricesAsOfLine, pricesStatus, tokenPricesInfo, type CatalogEntry, type TokenPricesInfo } from "@aitracks/core";
import { BUNDLED_CATALOG } from "./server";

const bundled = (JSON.parse(readFileSync(BUNDLED_CATALOG, "utf8")) as { entries: CatalogEntry[] }).entries;

function withDates(dates: Partial<Record<string, string>>): { entries: CatalogEntry[] } {
  return { entries: bundled.map((e) => ({ ...e, asOf: dates[e.sku] ?? e.asOf })) };
}

/** Entries and newest date of a cloud's part, counted from the bundled catalog (what the status reports). */
const countOf = (cloud: string) => bundled.filter((e) => e.cloud === cloud).length;
const newestOf = (cloud: string) => bundled.filter((e) => e.cloud === cloud).reduce((max, e) => (e.asOf > max ? e.asOf : max), "");

const TOKENS: TokenPricesInfo = { package: "@pydantic/genai-prices", version: "0.1.8", asOf: "2026-09-23", basis: "npm publish date" };

describe("pricing status", () => {
  it("ages each part of the catalog at a fixed today", () => {
    const st = pricesStatus(withDates({ "ml.g5.xlarge": "2026-08-15", "tpu-v5e": "2026-10-01" }), "2026-12-01", 6, TOKENS);
    expect(st).toMatchObject({ today: "2026-12-01", reviewMonths: 6, reviewCutoff: "2026-06-01", asOf: "2026-08-15", stale: false, warnings: [] });
    const aws = st.parts.find((p) => p.id === "compute:aws")!;
    expect(aws).toMatchObject({ kind: "compute", cloud: "aws", entries: countOf("aws"), oldest: "2026-08-15", newest: newestOf("aws"), ageDays: 108, stale: false, staleEntries: 0 });
    expect(st.parts.find((p) => p.id === "compute:gcp")).toMatchObject({ entries: countOf("gcp"), oldest: "2026-10-01", newest: newestOf("gcp"), ageDays: 61 });
    expect(st.parts.find((p) => p.id === "compute:azure")).toMatchObject({ entries: countOf("azure"), ageDays: 30 });
    expect(st.parts.find((p) => p.id === "tokens")).toMatchObject({ asOf: "2026-09-23", ageDays: 69, basis: "npm publish date", stale: false });
    expect(pricesAsOfLine(st)).toBe("Prices as of 2026-08-15 (compute 2026-08-15, token prices 2026-09-23)");
  });

  it("warns about anything older than the review period", () => {
    const st = pricesStatus(withDates({ "ml.g5.xlarge": "2026-05-31", "ml.p5.48xlarge": "2025-12-01" }), "2026-12-01", 6, {
      ...TOKENS,
      version: "0.1.2",
      asOf: "2026-04-01",
    });
    expect(st.stale).toBe(true);
    expect(st.asOf).toBe("2025-12-01");
    expect(st.parts.find((p) => p.id === "compute:aws")).toMatchObject({ stale: true, staleEntries: 2 });
    expect(st.parts.find((p) => p.id === "compute:gcp")).toMatchObject({ stale: false });
    expect(st.warnings).toEqual([
      `aws compute prices: 2 of ${countOf("aws")} entries are older than the 6-month review period (oldest 2025-12-01); run \`aitracks pricing refresh --cloud aws\` or review them by hand`,
      expect.stringMatching(/^token prices \(@pydantic\/genai-prices 0\.1\.2\): data from 2026-04-01 is older than the 6-month review period; upgrade the package \(npm install @pydantic\/genai-prices@latest\), or .*updatePrices/),
    ]);
    expect(pricesAsOfLine(st)).toBe(
      "Prices as of 2025-12-01 (compute 2025-12-01, token prices 2026-04-01); some are older than 6 months: see `aitracks pricing status`",
    );
    // A shorter review period makes more of it stale; the cutoff is exact to the day.
    const fresh = { ...TOKENS, asOf: "2026-11-01" };
    expect(pricesStatus(withDates({}), "2027-05-01", 6, fresh).stale).toBe(false);
    expect(pricesStatus(withDates({}), "2027-05-02", 6, fresh).warnings.length).toBe(4);
    expect(pricesStatus(withDates({}), "2026-12-01", 1, TOKENS).stale).toBe(true);
  });

  it("counts calendar months, clamped to the month's end", () => {
    expect(monthsBefore("2026-08-31", 6)).toBe("2026-02-28");
    expect(monthsBefore("2026-03-15", 6)).toBe("2025-09-15");
    expect(monthsBefore("2028-08-31", 6)).toBe("2028-02-29");
  });

  it("says when the token price data date is unknown", () => {
    const st = pricesStatus(withDates({}), "2026-12-01", 6, { ...TOKENS, asOf: undefined, basis: "unknown" });
    expect(st.warnings).toEqual([expect.stringMatching(/cannot tell how old the bundled data is/)]);
    expect(pricesAsOfLine(st)).toContain("token prices of unknown date");
  });

  it("reads the installed @pydantic/genai-prices version and its date", () => {
    const info = tokenPricesInfo("2026-12-01");
    const version = (JSON.parse(readFileSync(require.resolve("@pydantic/genai-prices").replace(/dist[/\\]index\.cjs$/, "package.json"), "utf8")) as { version: string }).version;
    expect(info.version).toBe(version);
    expect(info.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(info.basis).not.toBe("unknown");
  });
});
