import { parseJsonText, readInputBytes } from "../../io/load";
import { InputError, issueLines, parseOrThrow } from "../../errors";
import { catalogSchema, CLOUDS, type CatalogEntry, type Cloud } from "../../schema/catalog";
import { catalogPath as defaultCatalogPath } from "../catalog";
import { applyQuotes, serializeCatalog, type PriceChange, type PriceConfirmed, type RawCatalog } from "./apply";
import { fetchAws } from "./aws";
import { fetchAzure } from "./azure";
import { fetchGcp, gcpApiKey, GCP_NO_KEY_MESSAGE } from "./gcp";
import { Aborted, HTTP_DEFAULTS, type HttpOptions } from "./http";
import { RefreshError, type CloudQuotes, type Fetcher, type NotFound, type ProgressEvent } from "./types";
import { writeFileAtomic } from "./write";

export const DEFAULT_MAX_CHANGE = 10;
/** Ten minutes: the AWS offer files are large, but a refresh that takes longer is stuck. */
export const DEFAULT_DEADLINE_MS = 600_000;

export interface RefreshOptions {
  /** Default: AITRACKS_CATALOG or the bundled catalog. */
  readonly catalogPath?: string;
  /** Default: every cloud (GCP is skipped with a warning when no API key is set). */
  readonly clouds?: readonly Cloud[];
  /** Only entries quoted for this region (the entry's `region`). */
  readonly region?: string;
  /** Fetch and compare, write nothing. */
  readonly dryRun?: boolean;
  /** Sanity bound: a price moving more than this factor either way fails the refresh. Default 10. */
  readonly maxChange?: number;
  /** Per-request timeout, ms (a streamed download: the longest silence). Default 30 000. */
  readonly timeoutMs?: number;
  /** The whole refresh, ms: every request and wait ends by then. Default DEFAULT_DEADLINE_MS. */
  readonly deadlineMs?: number;
  /** Multiplies every back-off and Retry-After wait (tests). Default 1. */
  readonly delayScale?: number;
  /** Tries per request, first included. Default 4. */
  readonly maxTries?: number;
  /** The `asOf` stamped on refreshed entries, YYYY-MM-DD. Default today (UTC). */
  readonly today?: string;
  /** Where base URLs and the GCP API key are read. Default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly fetch?: typeof fetch;
  onProgress?(event: ProgressEvent): void;
  onWarning?(message: string): void;
}

export interface CloudSummary {
  readonly cloud: Cloud;
  readonly status: "refreshed" | "skipped";
  /** Why the cloud was skipped. */
  readonly reason?: string;
  readonly updated: readonly PriceChange[];
  readonly unchanged: readonly PriceConfirmed[];
  readonly notFound: readonly NotFound[];
  readonly unmapped: readonly string[];
  readonly sources: readonly string[];
}

export interface RefreshResult {
  readonly catalogPath: string;
  readonly today: string;
  readonly dryRun: boolean;
  /** The new catalog differs from the old one. */
  readonly changed: boolean;
  /** The file was rewritten (changed and not a dry run). */
  readonly written: boolean;
  readonly clouds: readonly CloudSummary[];
}

const FETCHERS: Readonly<Record<Cloud, Fetcher>> = { aws: fetchAws, gcp: fetchGcp, azure: fetchAzure };

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function checkOptions(o: RefreshOptions): void {
  const bad: string[] = [];
  if (o.maxChange !== undefined && !(Number.isFinite(o.maxChange) && o.maxChange > 1)) bad.push(`--max-change: expected a factor above 1, got ${o.maxChange}`);
  if (o.timeoutMs !== undefined && !(Number.isFinite(o.timeoutMs) && o.timeoutMs > 0)) bad.push(`--timeout: expected seconds above 0, got ${o.timeoutMs / 1000}`);
  if (o.deadlineMs !== undefined && !(Number.isFinite(o.deadlineMs) && o.deadlineMs > 0)) bad.push(`--deadline: expected seconds above 0, got ${o.deadlineMs / 1000}`);
  if (o.delayScale !== undefined && !(Number.isFinite(o.delayScale) && o.delayScale >= 0)) bad.push(`delayScale: expected a number of 0 or more, got ${o.delayScale}`);
  if (o.maxTries !== undefined && !(Number.isInteger(o.maxTries) && o.maxTries >= 1)) bad.push(`maxTries: expected a whole number of 1 or more, got ${o.maxTries}`);
  if (o.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.today)) bad.push(`today: expected a date YYYY-MM-DD, got ${JSON.stringify(o.today)}`);
  for (const c of o.clouds ?? []) if (!CLOUDS.includes(c)) bad.push(`--cloud: expected one of ${CLOUDS.join(", ")}, got ${JSON.stringify(c)}`);
  if (o.region !== undefined && o.region.trim() === "") bad.push("--region: expected a region name");
  if (bad.length) throw new InputError(bad);
}

/** Read the catalog: bytes (to compare and to keep formatting), raw JSON, validated entries. */
export function readCatalogFile(path: string): { bytes: Buffer; text: string; raw: RawCatalog; entries: readonly CatalogEntry[] } {
  const bytes = readInputBytes(path, { what: "the price catalog" });
  const text = bytes.toString("utf8");
  let raw: unknown;
  try {
    raw = parseJsonText(text, `${path}: `);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${path}: the price catalog is not valid JSON (${(err as Error).message})`);
  }
  const catalog = parseOrThrow(catalogSchema, raw, `${path}: `);
  return { bytes, text, raw: raw as RawCatalog, entries: catalog.entries };
}

/**
 * Refresh the compute price catalog from the clouds' public price APIs.
 *
 * All or nothing: a network failure, timeout, malformed or truncated response, a price outside
 * the sanity bound, or a result that fails the catalog schema throws a RefreshError (one line,
 * naming the URL or SKU) and leaves the file byte-for-byte as it was. Bad options, an unreadable
 * catalog or a missing GCP key for `--cloud gcp` throw an InputError.
 */
export async function refreshCatalog(opts: RefreshOptions = {}): Promise<RefreshResult> {
  checkOptions(opts);
  const env = opts.env ?? process.env;
  const path = opts.catalogPath ?? defaultCatalogPath();
  const today = opts.today ?? todayUtc();
  const maxChange = opts.maxChange ?? DEFAULT_MAX_CHANGE;
  const { bytes, text, raw, entries } = readCatalogFile(path);

  const explicit = opts.clouds !== undefined && opts.clouds.length > 0;
  const wanted: Cloud[] = explicit ? [...new Set(opts.clouds)] : [...CLOUDS];
  const inScope = (e: CatalogEntry) => opts.region === undefined || e.region === opts.region;
  if (opts.region !== undefined && !entries.some((e) => wanted.includes(e.cloud) && inScope(e))) {
    const regions = [...new Set(entries.filter((e) => wanted.includes(e.cloud)).map((e) => e.region))].sort();
    throw new InputError(`--region: no ${wanted.join("/")} catalog entry is quoted for ${JSON.stringify(opts.region)}; regions in the catalog: ${regions.join(", ")}`);
  }

  const skipped: CloudSummary[] = [];
  const run: Cloud[] = [];
  for (const cloud of wanted) {
    if (cloud === "gcp" && !gcpApiKey(env)) {
      if (explicit) throw new InputError(GCP_NO_KEY_MESSAGE);
      const reason = "no API key (set GOOGLE_CLOUD_API_KEY or AITRACKS_GCP_API_KEY)";
      opts.onWarning?.(`gcp skipped: ${reason}`);
      skipped.push({ cloud, status: "skipped", reason, updated: [], unchanged: [], notFound: [], unmapped: [], sources: [] });
      continue;
    }
    run.push(cloud);
  }

  const abort = new AbortController();
  const deadlineMs = opts.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const deadline = { at: Date.now() + deadlineMs, ms: deadlineMs };
  let firstError: unknown;
  const results = await Promise.all(
    run.map(async (cloud): Promise<CloudQuotes | undefined> => {
      const progress = (message: string) => opts.onProgress?.({ cloud, message });
      const http: HttpOptions = {
        ...HTTP_DEFAULTS,
        timeoutMs: opts.timeoutMs ?? HTTP_DEFAULTS.timeoutMs,
        maxTries: opts.maxTries ?? HTTP_DEFAULTS.maxTries,
        delayScale: opts.delayScale ?? HTTP_DEFAULTS.delayScale,
        deadline,
        fetch: opts.fetch ?? globalThis.fetch,
        signal: abort.signal,
        onRetry: progress,
      };
      try {
        return await FETCHERS[cloud](entries.filter((e) => e.cloud === cloud && inScope(e)), { http, env, progress });
      } catch (err) {
        if (!(err instanceof Aborted) && firstError === undefined) {
          firstError = err instanceof RefreshError ? new RefreshError(`${cloud}: ${err.message}`, err.url, err.sku) : err;
          abort.abort();
        }
        return undefined;
      }
    }),
  );
  if (firstError !== undefined) throw firstError;

  const fetched = results.filter((r): r is CloudQuotes => r !== undefined);
  const applied = applyQuotes(raw, fetched.flatMap((r) => r.quotes), today, maxChange);

  const check = catalogSchema.safeParse(applied.next);
  if (!check.success) {
    const lines = issueLines(check.error, `${path}: `);
    throw new RefreshError(`the refreshed catalog fails validation: ${lines[0] ?? "invalid"}${lines.length > 1 ? ` (and ${lines.length - 1} more)` : ""}`);
  }

  const nextText = serializeCatalog(applied.next, text);
  const changed = nextText !== text;
  const dryRun = opts.dryRun ?? false;
  if (changed && !dryRun) await writeFileAtomic(path, nextText, { expectedCurrent: bytes });

  const bySku = <T extends { sku: string }>(list: readonly T[], cloud: Cloud) => {
    const skus = new Set(entries.filter((e) => e.cloud === cloud).map((e) => e.sku));
    return list.filter((x) => skus.has(x.sku));
  };
  const summaries: CloudSummary[] = fetched.map((r) => ({
    cloud: r.cloud,
    status: "refreshed",
    updated: bySku(applied.updated, r.cloud),
    unchanged: bySku(applied.unchanged, r.cloud),
    notFound: r.notFound,
    unmapped: r.unmapped,
    sources: r.sources,
  }));
  const order = (c: Cloud) => CLOUDS.indexOf(c);
  return {
    catalogPath: path,
    today,
    dryRun,
    changed,
    written: changed && !dryRun,
    clouds: [...summaries, ...skipped].sort((a, b) => order(a.cloud) - order(b.cloud)),
  };
}
