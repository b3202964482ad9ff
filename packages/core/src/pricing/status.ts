import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CLOUDS, type CatalogEntry, type Cloud } from "../schema/catalog";

/**
 * How old the price data is: the compute catalog per cloud (its entries' `asOf`) and the token
 * prices bundled in @pydantic/genai-prices (the installed version's publish date). `tco` and
 * `cost` print `pricesAsOfLine(status)` and the warnings; `aitracks pricing status` prints it all.
 */

export const PRICES_REVIEW_MONTHS = 6;

export const TOKEN_PRICES_PACKAGE = "@pydantic/genai-prices";

/**
 * npm publish dates of @pydantic/genai-prices versions (`npm view @pydantic/genai-prices time`).
 * The package bundles its price data at build time, so the publish date is the data date. An
 * unknown (newer) version falls back to the newest dated price change inside its data.
 */
export const GENAI_PRICES_PUBLISHED: Readonly<Record<string, string>> = {
  "0.1.7": "2026-09-16",
  "0.1.8": "2026-09-23",
};

export interface TokenPricesInfo {
  readonly package: string;
  readonly version: string;
  /** YYYY-MM-DD, or undefined when it cannot be told. */
  readonly asOf: string | undefined;
  /** How `asOf` was found. */
  readonly basis: "npm publish date" | "newest dated price in the bundled data" | "unknown";
}

export interface PricesStatusPart {
  /** `compute:aws`, `compute:gcp`, `compute:azure`, `tokens` */
  readonly id: string;
  readonly label: string;
  readonly kind: "compute" | "tokens";
  readonly cloud?: Cloud;
  /** Compute: entries for this cloud. */
  readonly entries?: number;
  /** Compute: entries older than the review period. */
  readonly staleEntries?: number;
  readonly oldest?: string;
  readonly newest?: string;
  /** The part's date: the oldest entry (compute) or the data date (tokens). */
  readonly asOf?: string;
  readonly basis?: string;
  readonly ageDays?: number;
  readonly stale: boolean;
  /** How to bring this part up to date. */
  readonly update: string;
}

export interface PricesStatus {
  readonly today: string;
  readonly reviewMonths: number;
  /** Entries / data older than this date are stale. */
  readonly reviewCutoff: string;
  /** The oldest date across all parts: the price data as a whole is no newer than this. */
  readonly asOf: string | undefined;
  readonly stale: boolean;
  readonly warnings: readonly string[];
  readonly parts: readonly PricesStatusPart[];
}

const DAY = 86_400_000;

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function toIsoDay(today: Date | string): string {
  if (typeof today === "string") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`pricesStatus: expected today as YYYY-MM-DD, got ${JSON.stringify(today)}`);
    return today;
  }
  return iso(today);
}

/** `day` minus `months` calendar months, clamped to the month's last day (08-31 - 6 = 02-28). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return iso(target);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

let tokenInfoCache: TokenPricesInfo | undefined;

/** The installed @pydantic/genai-prices: version and data date. Read from disk once. */
export function tokenPricesInfo(today: Date | string = new Date()): TokenPricesInfo {
  if (tokenInfoCache) return tokenInfoCache;
  let version = "unknown";
  let asOf: string | undefined;
  let basis: TokenPricesInfo["basis"] = "unknown";
  try {
    // The package's "exports" hides package.json: resolve the entry point and walk up from dist/.
    const entry = require.resolve(TOKEN_PRICES_PACKAGE);
    const dir = join(dirname(entry), "..");
    version = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version?: string }).version ?? "unknown";
    asOf = GENAI_PRICES_PUBLISHED[version];
    if (asOf) {
      basis = "npm publish date";
    } else {
      // Fallback: the newest dated price change (start_date constraint) not in the future is a
      // lower bound on when the data was compiled.
      const data = readFileSync(entry, "utf8");
      const limit = toIsoDay(today);
      let newest = "";
      for (const m of data.matchAll(/start_date"?\s*:\s*"(\d{4}-\d{2}-\d{2})/g)) {
        const d = m[1]!;
        if (d <= limit && d > newest) newest = d;
      }
      if (newest) {
        asOf = newest;
        basis = "newest dated price in the bundled data";
      }
    }
  } catch {
    // not installed or unreadable: reported as unknown
  }
  tokenInfoCache = { package: TOKEN_PRICES_PACKAGE, version, asOf, basis };
  return tokenInfoCache;
}

const TOKEN_UPDATE =
  `upgrade the package (npm install ${TOKEN_PRICES_PACKAGE}@latest), or fetch fresh data at run time with its updatePrices() hook`;

/**
 * The age of each part of the price data and whether any is older than the review period.
 * Pure: pass `today` and `tokens` (default: read the installed package) for fixed results.
 */
export function pricesStatus(
  catalog: { readonly entries: readonly CatalogEntry[] },
  today: Date | string = new Date(),
  reviewMonths: number = PRICES_REVIEW_MONTHS,
  tokens: TokenPricesInfo | null = tokenPricesInfo(today),
): PricesStatus {
  if (!(Number.isInteger(reviewMonths) && reviewMonths > 0)) {
    throw new Error(`pricesStatus: expected reviewMonths as a whole number above 0, got ${reviewMonths}`);
  }
  const day = toIsoDay(today);
  const cutoff = monthsBefore(day, reviewMonths);
  const parts: PricesStatusPart[] = [];
  const warnings: string[] = [];
  const period = `the ${reviewMonths}-month review period`;

  for (const cloud of CLOUDS) {
    const list = catalog.entries.filter((e) => e.cloud === cloud);
    if (list.length === 0) continue;
    const dates = list.map((e) => e.asOf).sort();
    const oldest = dates[0]!;
    const newest = dates[dates.length - 1]!;
    const staleEntries = dates.filter((d) => d < cutoff).length;
    const stale = staleEntries > 0;
    const update = `aitracks pricing refresh --cloud ${cloud}`;
    parts.push({
      id: `compute:${cloud}`,
      label: `compute prices (${cloud})`,
      kind: "compute",
      cloud,
      entries: list.length,
      staleEntries,
      oldest,
      newest,
      asOf: oldest,
      ageDays: daysBetween(oldest, day),
      stale,
      update,
    });
    if (stale) {
      warnings.push(
        `${cloud} compute prices: ${staleEntries} of ${list.length} entries are older than ${period} (oldest ${oldest}); run \`${update}\` or review them by hand`,
      );
    }
  }

  if (tokens) {
    const label = `token prices (${tokens.package} ${tokens.version})`;
    const stale = tokens.asOf !== undefined && tokens.asOf < cutoff;
    parts.push({
      id: "tokens",
      label,
      kind: "tokens",
      asOf: tokens.asOf,
      basis: tokens.basis,
      ageDays: tokens.asOf ? daysBetween(tokens.asOf, day) : undefined,
      stale,
      update: TOKEN_UPDATE,
    });
    if (tokens.asOf === undefined) warnings.push(`${label}: cannot tell how old the bundled data is; ${TOKEN_UPDATE}`);
    else if (stale) warnings.push(`${label}: data from ${tokens.asOf} is older than ${period}; ${TOKEN_UPDATE}`);
  }

  const dated = parts.map((p) => p.asOf).filter((d): d is string => d !== undefined).sort();
  return {
    today: day,
    reviewMonths,
    reviewCutoff: cutoff,
    asOf: dated[0],
    stale: parts.some((p) => p.stale),
    warnings,
    parts,
  };
}

/**
 * One line for reports: `Prices as of 2026-09-23 (compute 2026-11-01, token prices 2026-09-23)`,
 * with a pointer to `aitracks pricing status` when anything is past the review period.
 */
export function pricesAsOfLine(status: PricesStatus): string {
  const compute = status.parts.filter((p) => p.kind === "compute").map((p) => p.asOf).filter((d): d is string => !!d).sort()[0];
  const tokens = status.parts.find((p) => p.kind === "tokens");
  const detail = [compute ? `compute ${compute}` : undefined, tokens ? `token prices ${tokens.asOf ?? "of unknown date"}` : undefined]
    .filter(Boolean)
    .join(", ");
  const head = `Prices as of ${status.asOf ?? "an unknown date"}${detail ? ` (${detail})` : ""}`;
  return status.stale ? `${head}; some are older than ${status.reviewMonths} months: see \`aitracks pricing status\`` : head;
}
