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
 * - `meter`: any other meter. Query `serviceName eq '<serviceName>' and armRegionName eq '<region>'
 *   and priceType eq 'Consumption'` (with `productName`, `skuName` and `meterName` too where
 *   they are exact strings), then keep the rows whose `skuName` and `meterName` match where they
 *   are patterns. `region` replaces the entry's region for meters billed in a billing zone
 *   ("Global"); `region: null` sends no region and keeps only the rows without one. `unit` is
 *   the expected `unitOfMeasure` (not checked where no source names it). A tiered meter (the
 *   first 5 GB of log ingestion free, the first 50 TB of blob storage, the first 25 DNS zones)
 *   is read at the row whose `tierMinimumUnits` is `tier`; without it, tiers at different prices
 *   are ambiguous and nothing is taken.
 *
 * Every `meter` filter names where it comes from: infracost's Retail Prices filters
 * (github.com/infracost/infracost, internal/resources/azure/<file>.go or
 * internal/providers/terraform/azure/<file>.go) unless said otherwise.
 */
export type AzureMapping =
  | { readonly kind: "vm" }
  | { readonly kind: "ptu"; readonly skuName: string }
  | {
      readonly kind: "meter";
      readonly serviceName: string;
      readonly region?: string | null;
      readonly productName?: string;
      readonly skuName?: string | RegExp;
      readonly meterName?: string | RegExp;
      readonly unit?: string;
      readonly tier?: number;
    };

const vm: AzureMapping = { kind: "vm" };

/** An App Service plan instance: app_service_plan.go (productName "Azure App Service <tier> Plan[ - Linux]", skuName /<size>/i, anchored here). */
const appService = (productName: string, skuName: string): AzureMapping => ({
  kind: "meter",
  serviceName: "Azure App Service",
  productName: `Azure App Service ${productName}`,
  skuName: new RegExp(`^${skuName}$`, "i"),
  unit: "1 Hour",
});

/** An Azure AI Search unit: search_service.go (serviceName "Azure Cognitive Search", skuName /^<sku>$/i). */
const search = (sku: string): AzureMapping => ({ kind: "meter", serviceName: "Azure Cognitive Search", skuName: new RegExp(`^${sku}$`, "i"), unit: "1 Hour" });

/** Key Vault Premium HSM-protected keys, first tier: key_vault_key.go vaultKeysCostComponent. */
const hsmKey = (meterName: string): AzureMapping => ({ kind: "meter", serviceName: "Key Vault", productName: "Key Vault", skuName: "Premium", meterName, tier: 0 });

/** Container Apps consumption meters: container_app.go (serviceName "Azure Container Apps", meterName /<name>/i). */
const containerApps = (meter: RegExp): AzureMapping => ({ kind: "meter", serviceName: "Azure Container Apps", meterName: meter });

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
  // Hot LRS block blob capacity, first 50 TB: storage_account.go buildProductFilter + buildStorageCostComponent
  // (productName "Blob Storage" for LRS Hot, skuName "Hot LRS", meterName /Data Stored$/, StartUsageAmount 0).
  "blob-hot-lrs": {
    kind: "meter",
    serviceName: "Storage",
    productName: "Blob Storage",
    skuName: "Hot LRS",
    meterName: /Data Stored$/,
    unit: "1 GB/Month",
    tier: 0,
  },
  "keyvault-hsm-key": hsmKey("Premium HSM-protected RSA 2048-bit key"),
  "keyvault-hsm-key-advanced": hsmKey("Premium HSM-protected Advanced Key"),
  // Pay-as-you-go analytics log ingestion after the free 5 GB: log_analytics_workspace.go logDataIngestion
  // (serviceName "Log Analytics", skuName "Pay-as-you-go", meterName /Data Ingestion$/, StartUsageAmount 5).
  "log-analytics-ingest": { kind: "meter", serviceName: "Log Analytics", skuName: "Pay-as-you-go", meterName: /Data Ingestion$/, tier: 5 },
  // Private endpoint hours, billed in the "Global" zone: infracost's azurerm_private_endpoint (productName
  // "Virtual Network Private Link", meterName "Standard Private Endpoint", location Global, unit "1 Hour").
  "private-endpoint": {
    kind: "meter",
    serviceName: "Virtual Network",
    region: "Global",
    productName: "Virtual Network Private Link",
    meterName: "Standard Private Endpoint",
    unit: "1 Hour",
  },
  // Private DNS zone, first 25 zones. Not infracost (it prices private zones at the public-zone meter):
  // the Retail Prices API's own meter, serviceName "Azure DNS", productName "Azure DNS", skuName
  // "Private", meterName "Private Zone", on the record without a region (as recorded in public
  // Retail Prices query recipes).
  "private-dns-zone": {
    kind: "meter",
    serviceName: "Azure DNS",
    region: null,
    productName: "Azure DNS",
    skuName: "Private",
    meterName: "Private Zone",
    tier: 0,
  },
  "appservice-linux-B1": appService("Basic Plan - Linux", "B1"),
  "appservice-linux-S1": appService("Standard Plan - Linux", "S1"),
  "appservice-linux-P1v3": appService("Premium v3 Plan - Linux", "P1 v3"),
  "appservice-linux-P2v3": appService("Premium v3 Plan - Linux", "P2 v3"),
  "appservice-windows-B1": appService("Basic Plan", "B1"),
  "appservice-windows-S1": appService("Standard Plan", "S1"),
  // Elastic Premium vCPU and memory hours: function_app.go (serviceName "Functions", meterName
  // /vCPU Duration$/ and /Memory Duration$/).
  "functions-premium-vcpu-hour": { kind: "meter", serviceName: "Functions", meterName: /vCPU Duration$/ },
  "functions-premium-gb-hour": { kind: "meter", serviceName: "Functions", meterName: /Memory Duration$/ },
  "search-basic": search("basic"),
  "search-standard": search("standard s1"),
  "search-standard2": search("standard s2"),
  "search-standard3": search("standard s3"),
  "containerapps-vcpu-second": containerApps(/vCPU Active Usage/i),
  "containerapps-gib-second": containerApps(/Memory Active Usage/i),
  "containerapps-idle-vcpu-second": containerApps(/vCPU Idle Usage/i),
  "containerapps-requests": containerApps(/Requests/i),
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
  tierMinimumUnits: z.number().optional().default(0),
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
  if (m.kind === "ptu") return `skuName eq ${lit(m.skuName)} and armRegionName eq ${lit(entry.region)} and priceType eq 'Consumption'`;
  const clauses = [`serviceName eq ${lit(m.serviceName)}`];
  const region = meterRegion(entry, m);
  if (region !== null) clauses.push(`armRegionName eq ${lit(region)}`);
  if (m.productName !== undefined) clauses.push(`productName eq ${lit(m.productName)}`);
  if (typeof m.skuName === "string") clauses.push(`skuName eq ${lit(m.skuName)}`);
  if (typeof m.meterName === "string") clauses.push(`meterName eq ${lit(m.meterName)}`);
  clauses.push("priceType eq 'Consumption'");
  return clauses.join(" and ");
}

/** The armRegionName a meter is billed in: its own zone, none (null), or the entry's region. */
function meterRegion(entry: CatalogEntry, m: Extract<AzureMapping, { kind: "meter" }>): string | null {
  return m.region === undefined ? entry.region : m.region;
}

function matches(value: string, want: string | RegExp | undefined): boolean {
  return want === undefined || (typeof want === "string" ? value === want : want.test(value));
}

/** What a meter mapping looks for, for a not-found reason. */
function describeMeter(m: Extract<AzureMapping, { kind: "meter" }>): string {
  const show = (v: string | RegExp) => (typeof v === "string" ? `'${v}'` : `/${v.source}/`);
  const parts = [`serviceName '${m.serviceName}'`];
  if (m.productName !== undefined) parts.push(`productName '${m.productName}'`);
  if (m.skuName !== undefined) parts.push(`skuName ${show(m.skuName)}`);
  if (m.meterName !== undefined) parts.push(`meterName ${show(m.meterName)}`);
  if (m.tier !== undefined) parts.push(`tierMinimumUnits ${m.tier}`);
  return `Consumption row for ${parts.join(", ")}`;
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
  const region = m.kind === "meter" ? meterRegion(entry, m) : entry.region;
  let rows = items.filter((r) => r.type === "Consumption" && r.armRegionName.toLowerCase() === (region ?? "").toLowerCase());
  rows = rows.filter((r) => !SPOT.test(r.meterName) && !SPOT.test(r.skuName));
  let what: string;
  let unit: string | undefined = "1 Hour";
  if (m.kind === "vm") {
    rows = rows.filter((r) => r.armSkuName === entry.sku && r.serviceName === "Virtual Machines" && !/windows/i.test(r.productName));
    what = `Linux pay-as-you-go row for ${entry.sku}`;
  } else if (m.kind === "ptu") {
    rows = rows.filter((r) => r.skuName === m.skuName && /openai/i.test(r.productName));
    what = `Consumption row for skuName '${m.skuName}'`;
  } else {
    rows = rows.filter(
      (r) => r.serviceName === m.serviceName && matches(r.productName, m.productName) && matches(r.skuName, m.skuName) && matches(r.meterName, m.meterName),
    );
    if (m.tier !== undefined) rows = rows.filter((r) => r.tierMinimumUnits === m.tier);
    what = describeMeter(m);
    unit = m.unit;
  }
  const where = region === null ? "(no region)" : region;
  if (rows.length === 0) return { reason: `no ${what} in ${where}` };
  const bad = rows.find((r) => r.currencyCode !== "USD" || (unit !== undefined && r.unitOfMeasure !== unit));
  if (bad) return { reason: `unexpected unit ${JSON.stringify(bad.unitOfMeasure)} / currency ${bad.currencyCode} for ${bad.meterName}` };
  // Prefer the newest effective price; several rows at one price are fine.
  const newest = rows.reduce((d, r) => (r.effectiveStartDate > d ? r.effectiveStartDate : d), "");
  const current = rows.filter((r) => r.effectiveStartDate === newest);
  const prices = [...new Set(current.map((r) => r.retailPrice))];
  if (prices.length > 1) {
    const tiers = m.kind === "meter" && m.tier === undefined ? " (tiers: name one)" : "";
    return {
      reason: `ambiguous: ${current.length} rows with different prices (${current.map((r) => `${r.meterName}${r.tierMinimumUnits ? ` from ${r.tierMinimumUnits}` : ""} ${r.retailPrice}`).join("; ")})${tiers}`,
    };
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
