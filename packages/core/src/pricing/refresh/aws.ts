import type { CatalogEntry } from "../../schema/catalog";
import { fetchStream, redactUrl } from "./http";
import { JsonStreamError, StreamingJsonScanner } from "./json-stream";
import { cleanPrice, RefreshError, type CloudQuotes, type FetchContext, type NotFound, type SourceQuote } from "./types";

/** The AWS Price List bulk API: public, no credentials. Override with AITRACKS_AWS_PRICES_URL. */
export const AWS_PRICES_URL = "https://pricing.us-east-1.amazonaws.com";

/**
 * How each AWS catalog SKU is found in the Price List offer file of its service and region
 * (`<base>/offers/v1.0/aws/<offerCode>/current/<region>/index.json`).
 *
 * - `sagemaker-hosting`: the product whose `attributes.instanceName` is the SKU and whose usage
 *   type is real-time hosting (`<REGION>-Host:ml.*`, or `attributes.component` "Hosting" when no
 *   usage type is given), priced per hour (`Hrs`) in the OnDemand terms. Training, notebook,
 *   processing and batch-transform products of the same instance are other usage types.
 * - `usagetype`: the product whose `attributes.usagetype` matches the pattern, e.g. Bedrock
 *   no-commitment provisioned throughput `USE1-Llama3-1-8B-ProvisionedThroughput-NoCommit-ModelUnits`.
 */
export type AwsMapping =
  | { readonly kind: "sagemaker-hosting"; readonly offer: "AmazonSageMaker" }
  | { readonly kind: "usagetype"; readonly offer: "AmazonSageMaker" | "AmazonBedrock"; readonly usagetype: RegExp; readonly unit: RegExp };

const hosting: AwsMapping = { kind: "sagemaker-hosting", offer: "AmazonSageMaker" };
const bedrockNoCommit = (model: string): AwsMapping => ({
  kind: "usagetype",
  offer: "AmazonBedrock",
  usagetype: new RegExp(`^(?:[A-Z]{2,4}\\d?-)?${model}-ProvisionedThroughput-NoCommit-ModelUnits$`, "i"),
  unit: /^(hrs?|hours?)$/i,
});

export const AWS_SKU_MAP: Readonly<Record<string, AwsMapping>> = {
  "ml.g5.xlarge": hosting,
  "ml.g5.2xlarge": hosting,
  "ml.g5.12xlarge": hosting,
  "ml.g5.48xlarge": hosting,
  "ml.g6.xlarge": hosting,
  "ml.g6.2xlarge": hosting,
  "ml.g6.12xlarge": hosting,
  "ml.g6.48xlarge": hosting,
  "ml.p4d.24xlarge": hosting,
  "ml.p5.48xlarge": hosting,
  "ml.trn1.2xlarge": hosting,
  "ml.trn1.32xlarge": hosting,
  "ml.inf2.xlarge": hosting,
  "ml.inf2.48xlarge": hosting,
  "ml.m5.xlarge": hosting,
  "ml.m5.large": hosting,
  "bedrock-pt:meta.llama3-1-8b": bedrockNoCommit("Llama3-1-8B"),
  "bedrock-pt:amazon.nova-lite": bedrockNoCommit("Nova-?Lite"),
};

const HOST_USAGE = /(?:^|-)Host:ml\.[^:]+$/;

interface Product {
  readonly sku: string;
  readonly productFamily: string;
  readonly attributes: Readonly<Record<string, string>>;
}

interface PriceDim {
  readonly unit: string;
  readonly usd: number;
  readonly description: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The catalog SKUs a product stands for (usually none). */
function matchProduct(p: Product, wanted: ReadonlyMap<string, AwsMapping>, region: string): string[] {
  const a = p.attributes;
  if (a.regionCode && a.regionCode !== region) return [];
  const out: string[] = [];
  for (const [sku, m] of wanted) {
    if (m.kind === "sagemaker-hosting") {
      if (a.instanceName !== sku) continue;
      const usage = a.usagetype ?? "";
      if (usage ? HOST_USAGE.test(usage) : a.component === "Hosting") out.push(sku);
    } else if (m.usagetype.test(a.usagetype ?? "")) {
      out.push(sku);
    }
  }
  return out;
}

/** OnDemand terms of one product -> its price dimensions, or a RefreshError for a bad shape. */
function readTerms(sku: string, terms: unknown, url: string): PriceDim[] {
  if (!isRecord(terms)) throw new RefreshError(`malformed response from ${url}: terms.OnDemand.${sku} is not an object`, url);
  const dims: PriceDim[] = [];
  for (const offer of Object.values(terms)) {
    if (!isRecord(offer) || !isRecord(offer.priceDimensions)) {
      throw new RefreshError(`malformed response from ${url}: terms.OnDemand.${sku} has no priceDimensions`, url);
    }
    for (const d of Object.values(offer.priceDimensions)) {
      const usd = isRecord(d) && isRecord(d.pricePerUnit) ? d.pricePerUnit.USD : undefined;
      if (!isRecord(d) || typeof d.unit !== "string" || typeof usd !== "string" || !/^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(usd)) {
        throw new RefreshError(`malformed response from ${url}: terms.OnDemand.${sku} has a price dimension without a USD price`, url);
      }
      dims.push({ unit: d.unit, usd: Number(usd), description: typeof d.description === "string" ? d.description : "" });
    }
  }
  return dims;
}

export function awsOfferUrl(base: string, offer: string, region: string): string {
  return `${base.replace(/\/+$/, "")}/offers/v1.0/aws/${offer}/current/${encodeURIComponent(region)}/index.json`;
}

interface OfferScan {
  /** catalog SKU -> the products matching it */
  readonly matches: Map<string, Product[]>;
  /** product sku -> its OnDemand price dimensions */
  readonly prices: Map<string, PriceDim[]>;
}

/** Stream one offer file, keeping only the products (and their prices) the wanted SKUs match. */
async function scanOffer(url: string, region: string, wanted: ReadonlyMap<string, AwsMapping>, ctx: FetchContext): Promise<OfferScan> {
  const shown = redactUrl(url);
  const matches = new Map<string, Product[]>();
  const prices = new Map<string, PriceDim[]>();
  const pendingTerms = new Map<string, unknown>(); // terms seen before their product (not AWS's order)
  const relevant = new Set<string>();
  let sawProducts = false;
  let sawOnDemand = false;
  let productsDone = false;

  const addProduct = (key: string, value: unknown) => {
    if (!isRecord(value) || !isRecord(value.attributes)) {
      throw new RefreshError(`malformed response from ${shown}: products.${key} has no attributes`, shown);
    }
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(value.attributes)) if (typeof v === "string") attributes[k] = v;
    const p: Product = { sku: typeof value.sku === "string" ? value.sku : key, productFamily: String(value.productFamily ?? ""), attributes };
    const skus = matchProduct(p, wanted, region);
    if (skus.length === 0) return;
    relevant.add(p.sku);
    for (const s of skus) matches.set(s, [...(matches.get(s) ?? []), p]);
    const early = pendingTerms.get(p.sku);
    if (early !== undefined) prices.set(p.sku, readTerms(p.sku, early, shown));
  };

  const scanner = new StreamingJsonScanner({
    maxDepth: 3,
    capture: (path) =>
      (path.length === 2 && path[0] === "products") || (path.length === 3 && path[0] === "terms" && path[1] === "OnDemand"),
    onEnter: (path, kind) => {
      if (path.length === 1 && path[0] === "products" && kind === "object") sawProducts = true;
      if (path.length === 1 && path[0] === "terms" && sawProducts) productsDone = true;
      if (path.length === 2 && path[0] === "terms" && path[1] === "OnDemand" && kind === "object") sawOnDemand = true;
    },
    onValue: (path, value) => {
      const key = path[path.length - 1]!;
      if (path[0] === "products") return addProduct(key, value);
      if (relevant.has(key)) prices.set(key, readTerms(key, value, shown));
      else if (!productsDone) pendingTerms.set(key, value);
    },
  });

  let lastReport = 0;
  try {
    await fetchStream(
      url,
      ctx.http,
      (text) => {
        try {
          scanner.write(text);
        } catch (err) {
          if (err instanceof JsonStreamError) throw new RefreshError(`malformed JSON from ${shown}: ${err.message}`, shown);
          throw err;
        }
      },
      (bytes) => {
        if (bytes - lastReport >= 4 * 1024 * 1024) {
          lastReport = bytes;
          ctx.progress(`${url.split("/offers/")[1] ?? url}: ${(bytes / 1024 / 1024).toFixed(0)} MB`);
        }
      },
    );
    scanner.end();
  } catch (err) {
    if (err instanceof JsonStreamError) throw new RefreshError(`truncated response from ${shown}: ${err.message}`, shown);
    throw err;
  }
  if (!sawProducts) throw new RefreshError(`malformed response from ${shown}: no "products" object`, shown);
  if (!sawOnDemand) throw new RefreshError(`malformed response from ${shown}: no "terms.OnDemand" object`, shown);
  return { matches, prices };
}

function pick(sku: string, m: AwsMapping, scan: OfferScan, region: string): { usd: number; matched: string } | { reason: string } {
  const products = scan.matches.get(sku) ?? [];
  if (products.length === 0) {
    return { reason: m.kind === "sagemaker-hosting" ? `no hosting product for instanceName ${sku} in ${region}` : `no product with usagetype ${m.usagetype.source} in ${region}` };
  }
  const unit = m.kind === "sagemaker-hosting" ? /^hrs?$/i : m.unit;
  const found: { usd: number; matched: string }[] = [];
  for (const p of products) {
    const dims = scan.prices.get(p.sku);
    if (!dims || dims.length === 0) continue;
    const bad = dims.find((d) => !unit.test(d.unit));
    if (bad) return { reason: `unexpected unit ${JSON.stringify(bad.unit)} for ${p.attributes.usagetype ?? p.sku}` };
    for (const d of dims) found.push({ usd: d.usd, matched: p.attributes.usagetype ?? p.sku });
  }
  if (found.length === 0) return { reason: `no OnDemand price for ${products.map((p) => p.attributes.usagetype ?? p.sku).join(", ")}` };
  const distinct = [...new Set(found.map((f) => f.usd))];
  if (distinct.length > 1) return { reason: `ambiguous: ${found.map((f) => `${f.matched} ${f.usd}`).join("; ")}` };
  return { usd: cleanPrice(found[0]!.usd), matched: found[0]!.matched };
}

export async function fetchAws(entries: readonly CatalogEntry[], ctx: FetchContext): Promise<CloudQuotes> {
  const base = ctx.env.AITRACKS_AWS_PRICES_URL ?? AWS_PRICES_URL;
  const quotes: SourceQuote[] = [];
  const notFound: NotFound[] = [];
  const unmapped: string[] = [];
  const sources: string[] = [];
  // One offer file per (service, region) holds every SKU of that pair.
  const groups = new Map<string, { offer: string; region: string; wanted: Map<string, AwsMapping> }>();
  for (const e of entries) {
    const m = AWS_SKU_MAP[e.sku];
    if (!m) {
      unmapped.push(e.sku);
      continue;
    }
    const key = `${m.offer} ${e.region}`;
    const g = groups.get(key) ?? { offer: m.offer, region: e.region, wanted: new Map<string, AwsMapping>() };
    g.wanted.set(e.sku, m);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const url = awsOfferUrl(base, g.offer, g.region);
    ctx.progress(`${g.offer} ${g.region}`);
    const scan = await scanOffer(url, g.region, g.wanted, ctx);
    const source = redactUrl(url);
    sources.push(source);
    for (const [sku, m] of g.wanted) {
      const r = pick(sku, m, scan, g.region);
      if ("reason" in r) notFound.push({ sku, reason: r.reason });
      else quotes.push({ sku, usd: r.usd, source, matched: r.matched });
    }
  }
  return { cloud: "aws", quotes, notFound, unmapped, sources };
}
