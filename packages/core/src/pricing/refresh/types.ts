import type { CatalogEntry, Cloud } from "../../schema/catalog";
import { withoutControls } from "../../text";

/**
 * The refresh could not finish safely: a network failure, a timeout, a malformed or truncated
 * response, a price outside the sanity bound, or a new catalog that fails its schema. The message
 * is one line naming the URL or SKU (text a server sent is in it without control characters);
 * the catalog file is left untouched. The CLI exits 1.
 */
export class RefreshError extends Error {
  constructor(
    message: string,
    readonly url?: string,
    readonly sku?: string,
  ) {
    super(withoutControls(message));
    this.name = "RefreshError";
  }
}

/** A price the source quotes for one catalog SKU. */
export interface SourceQuote {
  readonly sku: string;
  readonly usd: number;
  /** The API URL the price came from (no credentials in it). */
  readonly source: string;
  /** What matched, for the summary: a meter, usage type or SKU description. */
  readonly matched: string;
}

/** A mapped SKU the source had no (unambiguous, usable) price for. */
export interface NotFound {
  readonly sku: string;
  readonly reason: string;
}

/** What one cloud's fetcher found for the entries it was given. */
export interface CloudQuotes {
  readonly cloud: Cloud;
  readonly quotes: readonly SourceQuote[];
  readonly notFound: readonly NotFound[];
  /** Catalog SKUs with no entry in the cloud's mapping table (not looked up). */
  readonly unmapped: readonly string[];
  /** The URLs read (credentials removed). */
  readonly sources: readonly string[];
}

export interface ProgressEvent {
  readonly cloud: Cloud;
  readonly message: string;
}

/** What every fetcher receives. */
export interface FetchContext {
  readonly http: import("./http").HttpOptions;
  readonly env: Readonly<Record<string, string | undefined>>;
  progress(message: string): void;
}

export type Fetcher = (entries: readonly CatalogEntry[], ctx: FetchContext) => Promise<CloudQuotes>;

/** 12 significant digits: drops float noise (0.1 + 0.2) without touching real precision. */
export function cleanPrice(x: number): number {
  return Number(x.toPrecision(12));
}
