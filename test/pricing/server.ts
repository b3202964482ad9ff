// @ts-nocheck
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CatalogEntry, RefreshOptions } from "@aitracks/core";

/**
 * A local stand-in for the three price APIs, serving the recorded fixtures under
 * test/fixtures/pricing on 127.0.0.1:<random port>:
 *
 *   /azure/api/retail/prices?$filter=...   Azure Retail Prices (OData `eq` / `and` filter, $skip paging)
 *   /aws/offers/v1.0/aws/<offer>/current/<region>/index.json   AWS offer files, sent in small chunks
 *   /gcp/v1/services/<id>/skus?key=...&pageToken=...           GCP Cloud Billing Catalog (key checked)
 *
 * `intercept` lets a test answer a request itself (429, 500, hang, truncate) before the fixtures do.
 */

export const ROOT = resolve(__dirname, "../..");
export const FIXTURES = join(ROOT, "test/fixtures/pricing");
export const BUNDLED_CATALOG = join(ROOT, "packages/core/catalog/compute-prices.json");
export const GCP_TEST_KEY = "test-key-123";

export interface Seen {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly at: number;
}

export interface ServerOptions {
  /** Items per Azure page (the real API uses 100 or 1000). */
  azurePageSize?: number;
  /** SKUs per GCP page. */
  gcpPageSize?: number;
  /** Rewrite the Azure rows (e.g. an absurd price). */
  azureItems?: (items: AzureItem[]) => AzureItem[];
  /** Rewrite an AWS offer file's text. */
  awsBody?: (offer: string, region: string, text: string) => string;
  /** Answer a request yourself: return true when handled. `n` counts requests to the same path. */
  intercept?: (req: IncomingMessage, res: ServerResponse, ctx: { path: string; query: URLSearchParams; n: number }) => boolean;
}

export interface AzureItem {
  [k: string]: unknown;
  retailPrice: number;
  unitPrice: number;
  armSkuName: string;
  skuName: string;
  meterName: string;
}

export interface FixtureServer {
  readonly url: string;
  readonly env: Record<string, string>;
  readonly seen: Seen[];
  /** Requests whose path starts with `prefix` (and whose query contains `contains`, if given). */
  count(prefix: string, contains?: string): number;
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** `a eq 'x' and b eq 'y''s'` -> [[a, x], [b, y's]] (the subset of OData the refresh sends). */
function parseFilter(filter: string): [string, string][] {
  const out: [string, string][] = [];
  for (const clause of filter.split(/\s+and\s+/i)) {
    const m = /^\s*(\w+)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(clause);
    if (!m) throw new Error(`unsupported filter clause ${clause}`);
    out.push([m[1]!, m[2]!.replace(/''/g, "'")]);
  }
  return out;
}

async function sendChunked(res: ServerResponse, text: string, chunk = 97): Promise<void> {
  res.writeHead(200, { "content-type": "application/json" });
  const buf = Buffer.from(text, "utf8");
  // Odd-sized chunks split tokens, strings, escapes and multi-byte characters across reads.
  for (let i = 0; i < buf.length; i += chunk) {
    if (!res.write(buf.subarray(i, i + chunk))) await new Promise((r) => res.once("drain", r));
  }
  res.end();
}

export async function startServer(opts: ServerOptions = {}): Promise<FixtureServer> {
  const seen: Seen[] = [];
  const counts = new Map<string, number>();
  const azureAll = JSON.parse(readFileSync(join(FIXTURES, "azure/retail-prices-items.json"), "utf8")) as AzureItem[];
  const azure = opts.azureItems ? opts.azureItems(structuredClone(azureAll)) : azureAll;
  const gcp: Record<string, unknown[]> = {
    "C7E2-9256-1C43": JSON.parse(readFileSync(join(FIXTURES, "gcp/vertex-ai-skus.json"), "utf8")) as unknown[],
    "6F81-5844-456A": JSON.parse(readFileSync(join(FIXTURES, "gcp/compute-engine-skus.json"), "utf8")) as unknown[],
    "95FF-2EF5-5EA1": JSON.parse(readFileSync(join(FIXTURES, "gcp/cloud-storage-skus.json"), "utf8")) as unknown[],
    "EE2F-D110-890C": JSON.parse(readFileSync(join(FIXTURES, "gcp/cloud-kms-skus.json"), "utf8")) as unknown[],
    "152E-C115-5142": JSON.parse(readFileSync(join(FIXTURES, "gcp/cloud-run-skus.json"), "utf8")) as unknown[],
    "29E7-DA93-CA13": JSON.parse(readFileSync(join(FIXTURES, "gcp/cloud-functions-skus.json"), "utf8")) as unknown[],
    "9662-B51E-5089": JSON.parse(readFileSync(join(FIXTURES, "gcp/cloud-sql-skus.json"), "utf8")) as unknown[],
  };

  const server = createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://127.0.0.1");
    const n = (counts.get(u.pathname) ?? 0) + 1;
    counts.set(u.pathname, n);
    seen.push({ path: u.pathname, query: u.searchParams, at: Date.now() });
    if (opts.intercept?.(req, res, { path: u.pathname, query: u.searchParams, n })) return;

    if (u.pathname === "/azure/api/retail/prices") {
      const filter = u.searchParams.get("$filter") ?? "";
      const clauses = parseFilter(filter);
      const rows = azure.filter((it) =>
        clauses.every(([k, v]) => String(k === "priceType" ? it.type : it[k]) === v),
      );
      const size = opts.azurePageSize ?? 100;
      const skip = Number(u.searchParams.get("$skip") ?? 0);
      const page = rows.slice(skip, skip + size);
      const next =
        skip + size < rows.length
          ? `http://${req.headers.host}/azure/api/retail/prices?$filter=${encodeURIComponent(filter)}&$skip=${skip + size}`
          : null;
      return json(res, 200, { BillingCurrency: "USD", CustomerEntityId: "Default", CustomerEntityType: "Retail", Items: page, NextPageLink: next, Count: page.length });
    }

    const aws = /^\/aws\/offers\/v1\.0\/aws\/(\w+)\/current\/([\w-]+)\/index\.json$/.exec(u.pathname);
    if (aws) {
      const [, offer, region] = aws;
      let text: string;
      try {
        text = readFileSync(join(FIXTURES, "aws", offer!, region!, "index.json"), "utf8");
      } catch {
        res.writeHead(403, { "content-type": "application/xml" });
        return res.end("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
      }
      if (opts.awsBody) text = opts.awsBody(offer!, region!, text);
      void sendChunked(res, text);
      return;
    }

    const g = /^\/gcp\/v1\/services\/([\w-]+)\/skus$/.exec(u.pathname);
    if (g) {
      if (u.searchParams.get("key") !== GCP_TEST_KEY) {
        return json(res, 400, { error: { code: 400, message: "API key not valid. Please pass a valid API key.", status: "INVALID_ARGUMENT" } });
      }
      const all = gcp[g[1]!] ?? [];
      const size = opts.gcpPageSize ?? 5000;
      const start = Number(u.searchParams.get("pageToken") || 0);
      const page = all.slice(start, start + size);
      const nextPageToken = start + size < all.length ? String(start + size) : "";
      return json(res, 200, { skus: page, nextPageToken });
    }

    json(res, 404, { error: "not found" });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    env: {
      AITRACKS_AZURE_PRICES_URL: `${url}/azure/api/retail/prices`,
      AITRACKS_AWS_PRICES_URL: `${url}/aws`,
      AITRACKS_GCP_BILLING_URL: `${url}/gcp/v1`,
      GOOGLE_CLOUD_API_KEY: GCP_TEST_KEY,
    },
    seen,
    count: (prefix, contains) =>
      seen.filter(
        (s) => s.path.startsWith(prefix) && (contains === undefined || [...s.query.entries()].map(([k, v]) => `${k}=${v}`).join("&").includes(contains)),
      ).length,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const tempDirs: string[] = [];

/** Remove the directories tempCatalog made. */
export function removeTempCatalogs(): void {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A private copy of the bundled catalog (tests never touch the real one). */
export function tempCatalog(): { path: string; bytes: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), "aitracks-pricing-"));
  tempDirs.push(dir);
  const path = join(dir, "compute-prices.json");
  copyFileSync(BUNDLED_CATALOG, path);
  return { path, bytes: readFileSync(path) };
}

/** The refresh options every in-process refresh test uses: the fixture server's env, a fixed day, no real waits. */
export function refreshOptions(s: FixtureServer, catalogPath: string, extra: Partial<RefreshOptions> = {}): RefreshOptions {
  return { catalogPath, env: s.env, today: "2026-12-01", delayScale: 0.001, timeoutMs: 5_000, ...extra };
}

/** One entry's price in a catalog file. */
export function catalogUsd(path: string, sku: string): number {
  return (JSON.parse(readFileSync(path, "utf8")) as { entries: CatalogEntry[] }).entries.find((e) => e.sku === sku)!.usd;
}
