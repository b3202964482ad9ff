import { z } from "zod";
import type { CatalogEntry } from "../../schema/catalog";
import { fetchJson, redactUrl } from "./http";
import { cleanPrice, RefreshError, type CloudQuotes, type FetchContext, type NotFound, type SourceQuote } from "./types";

/** The Azure Retail Prices API: public, no credentials. Override with AITRACKS_AZURE_PRICES_URL. */
export const AZURE_PRICES_URL = "https://prices.azure.com/api/retail/prices";

/**
 * How each Azure catalog SKU is found in the Retail Prices API.
 *
 * - `vm`: a virtual machine size. Query `serviceName eq 'Virtual Machines' and armSkuName eq
 *   '<sku>' and armRegionName eq '<region>' and priceType eq 'Consumption'`, then keep the Linux
 *   pay-as-you-go row: drop Spot / Low Priority rows (meterName or skuName) and Windows rows
 *   (productName). Azure Machine Learning compute is billed at the VM's price, so the
 *   `machine-learning` entries read the Virtual Machines meters.
 * - `ptu`: an Azure OpenAI provisioned throughput unit. Query `skuName eq '<skuName>' and
 *   armRegionName eq '<region>' and priceType eq 'Consumption'` (the service was renamed from
 *   Cognitive Services to Foundry Models, so it is not filtered on) and keep rows whose
 *   productName mentions OpenAI: the hourly PTU price.
 *
 * Both expect `unitOfMeasure` "1 Hour" and currency USD.
 */
export type AzureMapping = { readonly kind: "vm" } | { readonly kind: "ptu"; readonly skuName: string };

const vm: AzureMapping = { kind: "vm" };

export const AZURE_SKU_MAP: Readonly<Record<string, AzureMapping>> = {
  Standard_NC24ads_A100_v4: vm,
  Standard_NC48ads_A100_v4: vm,
  Standard_NC96ads_A100_v4: vm,
  Standard_NC40ads_H100_v5: vm,
  Standard_NC80adis_H100_v5: vm,
  Standard_ND96asr_v4: vm,
  Standard_ND96amsr_A100_v4: vm,
  Standard_ND96isr_H100_v5: vm,
  Standard_NV36ads_A10_v5: vm,
  Standard_DS3_v2: vm,
  Standard_E4s_v3: vm,
  "aoai-ptu-global": { kind: "ptu", skuName: "Provisioned Managed Global" },
  "aoai-ptu-datazone": { kind: "ptu", skuName: "Provisioned Managed Data Zone" },
  "aoai-ptu-regional": { kind: "ptu", skuName: "Provisioned Managed Regional" },
};

const itemSchema = z.looseObject({
  currencyCode: z.string(),
  retailPrice: z.number(),
  armRegionName: z.string(),
  productName: z.string(),
  skuName: z.string(),
  serviceName: z.string(),
  meterName: z.string(),
  armSkuName: z.string().optional().default(""),
  unitOfMeasure: z.string(),
  type: z.string(),
  effectiveStartDate: z.string().optional().default(""),
});
type AzureItem = z.output<typeof itemSchema>;

const pageSchema = z.looseObject({
  Items: z.array(itemSchema),
  NextPageLink: z.string().nullable().optional(),
  Count: z.number().optional(),
});

/** OData string literal: single quotes doubled. */
function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export function azureFilter(entry: CatalogEntry, m: AzureMapping): string {
  if (m.kind === "vm") {
    return `serviceName eq 'Virtual Machines' and armSkuName eq ${lit(entry.sku)} and armRegionName eq ${lit(entry.region)} and priceType eq 'Consumption'`;
  }
  return `skuName eq ${lit(m.skuName)} and armRegionName eq ${lit(entry.region)} and priceType eq 'Consumption'`;
}

const MAX_PAGES = 100;

/** Every item of a filtered query, following NextPageLink (same origin only, no loops). */
async function queryAll(base: string, filter: string, ctx: FetchContext): Promise<{ items: AzureItem[]; url: string; pages: number }> {
  const first = `${base}?$filter=${encodeURIComponent(filter)}`;
  const origin = new URL(base).origin;
  const items: AzureItem[] = [];
  const seen = new Set<string>();
  let url: string | null | undefined = first;
  let pages = 0;
  while (url) {
    if (seen.has(url)) throw new RefreshError(`NextPageLink loops back to ${redactUrl(url)}`, redactUrl(url));
    seen.add(url);
    if (++pages > MAX_PAGES) throw new RefreshError(`more than ${MAX_PAGES} pages from ${redactUrl(first)}`, redactUrl(first));
    const raw = await fetchJson(url, ctx.http);
    const page = pageSchema.safeParse(raw);
    if (!page.success) {
      const issue = page.error.issues[0];
      const where = issue ? issue.path.join(".") || "(root)" : "(root)";
      throw new RefreshError(`malformed response from ${redactUrl(url)}: ${where}: ${issue?.message ?? "unexpected shape"}`, redactUrl(url));
    }
    items.push(...page.data.Items);
    const next = page.data.NextPageLink;
    if (next) {
      let nextUrl: URL;
      try {
        nextUrl = new URL(next, url);
      } catch {
        throw new RefreshError(`malformed NextPageLink from ${redactUrl(url)}`, redactUrl(url));
      }
      if (nextUrl.origin !== origin) {
        throw new RefreshError(`NextPageLink from ${redactUrl(url)} leaves ${origin} (${nextUrl.origin})`, redactUrl(url));
      }
      url = nextUrl.toString();
    } else {
      url = undefined;
    }
  }
  return { items, url: first, pages };
}

const SPOT = /spot|low priority/i;

/** Pick the one price for an entry from its query's rows, or say why there is none. */
export function pickAzurePrice(entry: CatalogEntry, m: AzureMapping, items: readonly AzureItem[]): { usd: number; matched: string } | { reason: string } {
  let rows = items.filter((r) => r.type === "Consumption" && r.armRegionName.toLowerCase() === entry.region.toLowerCase());
  rows = rows.filter((r) => !SPOT.test(r.meterName) && !SPOT.test(r.skuName));
  if (m.kind === "vm") {
    rows = rows.filter((r) => r.armSkuName === entry.sku && r.serviceName === "Virtual Machines" && !/windows/i.test(r.productName));
  } else {
    rows = rows.filter((r) => r.skuName === m.skuName && /openai/i.test(r.productName));
  }
  const what = m.kind === "vm" ? `Linux pay-as-you-go row for ${entry.sku}` : `Consumption row for skuName '${m.skuName}'`;
  if (rows.length === 0) return { reason: `no ${what} in ${entry.region}` };
  const bad = rows.find((r) => r.currencyCode !== "USD" || r.unitOfMeasure !== "1 Hour");
  if (bad) return { reason: `unexpected unit ${JSON.stringify(bad.unitOfMeasure)} / currency ${bad.currencyCode} for ${bad.meterName}` };
  // Prefer the newest effective price; several rows at one price are fine.
  const newest = rows.reduce((d, r) => (r.effectiveStartDate > d ? r.effectiveStartDate : d), "");
  const current = rows.filter((r) => r.effectiveStartDate === newest);
  const prices = [...new Set(current.map((r) => r.retailPrice))];
  if (prices.length > 1) {
    return { reason: `ambiguous: ${current.length} rows with different prices (${current.map((r) => `${r.meterName} ${r.retailPrice}`).join("; ")})` };
  }
  const row = current[0]!;
  if (!Number.isFinite(row.retailPrice) || row.retailPrice < 0) return { reason: `unusable price ${row.retailPrice} for ${row.meterName}` };
  return { usd: cleanPrice(row.retailPrice), matched: `${row.productName} / ${row.meterName}` };
}

export async function fetchAzure(entries: readonly CatalogEntry[], ctx: FetchContext): Promise<CloudQuotes> {
  const base = (ctx.env.AITRACKS_AZURE_PRICES_URL ?? AZURE_PRICES_URL).replace(/\?.*$/, "");
  const quotes: SourceQuote[] = [];
  const notFound: NotFound[] = [];
  const unmapped: string[] = [];
  const sources: string[] = [];
  const mapped = entries.filter((e) => {
    if (AZURE_SKU_MAP[e.sku]) return true;
    unmapped.push(e.sku);
    return false;
  });
  let done = 0;
  for (const entry of mapped) {
    const m = AZURE_SKU_MAP[entry.sku]!;
    ctx.progress(`${++done}/${mapped.length} ${entry.sku}`);
    const { items, url } = await queryAll(base, azureFilter(entry, m), ctx);
    const source = redactUrl(url);
    sources.push(source);
    const pick = pickAzurePrice(entry, m, items);
    if ("reason" in pick) notFound.push({ sku: entry.sku, reason: pick.reason });
    else quotes.push({ sku: entry.sku, usd: pick.usd, source, matched: pick.matched });
  }
  return { cloud: "azure", quotes, notFound, unmapped, sources };
}
