import { z } from "zod";
import { InputError } from "../../errors";
import type { CatalogEntry } from "../../schema/catalog";
import { fetchJson, redactUrl } from "./http";
import { cleanPrice, RefreshError, type CloudQuotes, type FetchContext, type NotFound, type SourceQuote } from "./types";

/** The Cloud Billing Catalog API (needs an API key). Override with AITRACKS_GCP_BILLING_URL. */
export const GCP_BILLING_URL = "https://cloudbilling.googleapis.com/v1";

export const GCP_API_KEY_ENV = ["GOOGLE_CLOUD_API_KEY", "AITRACKS_GCP_API_KEY"] as const;

/** Billing service ids. Current TPU generations (v5e, v5p, v6e) are Compute Engine SKUs. */
export const GCP_SERVICES = {
  vertex: { id: "C7E2-9256-1C43", name: "Vertex AI" },
  compute: { id: "6F81-5844-456A", name: "Compute Engine" },
  /** Legacy TPU v2-v4 only; listed for mappings that need it. */
  tpu: { id: "E000-3F24-B8AA", name: "Cloud TPU" },
} as const;
export type GcpService = keyof typeof GCP_SERVICES;

/**
 * One priced part of a catalog SKU: the billing SKU whose `description` matches, in `service`,
 * with `category.usageType` "OnDemand", whose `serviceRegions` include the entry's region, priced
 * in `unit` (pricingExpression.usageUnit), times `quantity`. A catalog price is the sum of its parts.
 */
export interface GcpPart {
  readonly service: GcpService;
  readonly description: RegExp;
  readonly resourceGroup?: string;
  readonly unit: "h" | "GiBy.h";
  readonly quantity: number;
}

/** Never the on-demand list price: Spot, commitments, reservations, DWS, management fees. */
const EXCLUDE = /\b(spot|preemptible|commit(ment|ted)?|reserved|reservation|dws|defined duration|calendar mode|flex[- ]start|management fee|sole tenancy)\b/i;

/** `Vertex AI: Online/Batch Prediction <what> running in <geo>` (the "Vertex AI: " prefix optional). */
function vertex(what: string): RegExp {
  return new RegExp(`^(?:Vertex AI: )?Online/Batch Prediction ${what} running in `, "i");
}

/** A Vertex AI machine: vCPUs and RAM of its family, plus its GPUs. */
function vertexMachine(family: string, vcpus: number, ramGiB: number, gpu?: { what: string; count: number }): GcpPart[] {
  const parts: GcpPart[] = [
    { service: "vertex", description: vertex(`${family} Instance Core`), unit: "h", quantity: vcpus },
    { service: "vertex", description: vertex(`${family} Instance Ram`), unit: "GiBy.h", quantity: ramGiB },
  ];
  if (gpu) parts.push({ service: "vertex", description: vertex(gpu.what), unit: "h", quantity: gpu.count });
  return parts;
}

const A100_40 = "Nvidia (?:Tesla )?A100 GPU";
const A100_80 = "Nvidia (?:Tesla )?A100 80GB GPU";
const H100_80 = "Nvidia H100(?: 80GB)? GPU";
const L4 = "Nvidia L4 GPU";

function tpuChip(version: RegExp): GcpPart[] {
  return [{ service: "compute", description: version, resourceGroup: "TPU", unit: "h", quantity: 1 }];
}

/**
 * The description mapping table: each GCP catalog SKU and the billing SKUs that price it.
 *
 * Vertex AI machines are priced from the Vertex AI Online/Batch Prediction SKUs as vCPUs x core
 * price + GiB x RAM price + GPUs x GPU price, with the machine shapes Compute Engine documents
 * (a2-highgpu-1g: 12 vCPU, 85 GiB, 1 A100 40GB; ...). TPU entries are one chip-hour of the
 * Compute Engine SKU named after the generation (TpuV5e / "Tpu v5 lite", TpuV5p, TpuV6e).
 */
export const GCP_SKU_MAP: Readonly<Record<string, readonly GcpPart[]>> = {
  "a2-highgpu-1g": vertexMachine("A2", 12, 85, { what: A100_40, count: 1 }),
  "a2-highgpu-8g": vertexMachine("A2", 96, 680, { what: A100_40, count: 8 }),
  "a2-ultragpu-8g": vertexMachine("A2", 96, 1360, { what: A100_80, count: 8 }),
  "a3-highgpu-8g": vertexMachine("A3", 208, 1872, { what: H100_80, count: 8 }),
  "g2-standard-4": vertexMachine("G2", 4, 16, { what: L4, count: 1 }),
  "g2-standard-12": vertexMachine("G2", 12, 48, { what: L4, count: 1 }),
  "g2-standard-48": vertexMachine("G2", 48, 192, { what: L4, count: 4 }),
  "n1-standard-4": vertexMachine("N1(?: Predefined)?", 4, 15),
  "tpu-v5e": tpuChip(/\bTpu[- ]?v5(?:e| ?lite)\b/i),
  "tpu-v5p": tpuChip(/\bTpu[- ]?v5p\b/i),
  "tpu-v6e": tpuChip(/\bTpu[- ]?v6e\b|\bTrillium\b/i),
};

const moneySchema = z.looseObject({
  currencyCode: z.string(),
  units: z.union([z.string().regex(/^-?\d+$/), z.number()]).optional(),
  nanos: z.number().optional(),
});

const skuSchema = z.looseObject({
  name: z.string().optional(),
  skuId: z.string(),
  description: z.string(),
  category: z.looseObject({
    resourceFamily: z.string().optional(),
    resourceGroup: z.string().optional(),
    usageType: z.string().optional(),
  }),
  serviceRegions: z.array(z.string()).optional().default([]),
  pricingInfo: z
    .array(
      z.looseObject({
        pricingExpression: z.looseObject({
          usageUnit: z.string(),
          tieredRates: z.array(z.looseObject({ startUsageAmount: z.number().optional(), unitPrice: moneySchema })),
        }),
      }),
    )
    .optional()
    .default([]),
});
type GcpSku = z.output<typeof skuSchema>;

const pageSchema = z.looseObject({
  skus: z.array(z.unknown()),
  nextPageToken: z.string().optional(),
});

/** A clear message when no key is set. */
export function gcpApiKey(env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const k of GCP_API_KEY_ENV) {
    const v = env[k]?.trim();
    if (v) return v;
  }
  return undefined;
}

export const GCP_NO_KEY_MESSAGE =
  "gcp: the Cloud Billing Catalog API needs an API key: set GOOGLE_CLOUD_API_KEY (or AITRACKS_GCP_API_KEY) to a key with the Cloud Billing API enabled, or refresh other clouds with --cloud aws|azure";

/** USD per unit from a money value. */
function money(m: z.output<typeof moneySchema>): number {
  return Number(m.units ?? 0) + (m.nanos ?? 0) / 1e9;
}

/** The list price of a billing SKU: latest pricingInfo; one tier, or the first tier above 0 (after a free tier). */
export function gcpUnitPrice(sku: GcpSku): { usd: number; unit: string; currency: string } | undefined {
  const info = sku.pricingInfo[sku.pricingInfo.length - 1];
  if (!info) return undefined;
  const rates = [...info.pricingExpression.tieredRates].sort((a, b) => (a.startUsageAmount ?? 0) - (b.startUsageAmount ?? 0));
  const rate = rates.length === 1 ? rates[0] : (rates.find((r) => money(r.unitPrice) > 0) ?? rates[0]);
  if (!rate) return undefined;
  return { usd: money(rate.unitPrice), unit: info.pricingExpression.usageUnit, currency: rate.unitPrice.currencyCode };
}

const MAX_PAGES = 200;

/** Page through a service's SKUs, keeping the ones some wanted part could match. */
async function listSkus(base: string, service: GcpService, key: string, keep: (s: GcpSku) => boolean, ctx: FetchContext): Promise<{ skus: GcpSku[]; source: string }> {
  const svc = GCP_SERVICES[service];
  const root = `${base.replace(/\/+$/, "")}/services/${svc.id}/skus`;
  const kept: GcpSku[] = [];
  const tokens = new Set<string>();
  let token = "";
  for (let page = 1; ; page++) {
    if (page > MAX_PAGES) throw new RefreshError(`more than ${MAX_PAGES} pages from ${root}`, root);
    const u = new URL(root);
    u.searchParams.set("key", key);
    u.searchParams.set("currencyCode", "USD");
    u.searchParams.set("pageSize", "5000");
    if (token) u.searchParams.set("pageToken", token);
    const url = u.toString();
    ctx.progress(`${svc.name} SKUs, page ${page}`);
    const raw = await fetchJson(url, ctx.http);
    const parsed = pageSchema.safeParse(raw);
    if (!parsed.success) throw new RefreshError(`malformed response from ${redactUrl(url)}: expected {skus: [...], nextPageToken}`, redactUrl(url));
    for (const [i, s] of parsed.data.skus.entries()) {
      const sku = skuSchema.safeParse(s);
      if (!sku.success) {
        const issue = sku.error.issues[0];
        throw new RefreshError(
          `malformed response from ${redactUrl(url)}: skus[${i}].${issue?.path.join(".") ?? ""}: ${issue?.message ?? "unexpected shape"}`,
          redactUrl(url),
        );
      }
      if (keep(sku.data)) kept.push(sku.data);
    }
    token = parsed.data.nextPageToken ?? "";
    if (!token) break;
    if (tokens.has(token)) throw new RefreshError(`nextPageToken repeats in ${redactUrl(url)}`, redactUrl(url));
    tokens.add(token);
  }
  return { skus: kept, source: root };
}

function partMatches(p: GcpPart, s: GcpSku): boolean {
  if (!p.description.test(s.description) || EXCLUDE.test(s.description)) return false;
  if ((s.category.usageType ?? "") !== "OnDemand") return false;
  if (p.resourceGroup && s.category.resourceGroup !== p.resourceGroup) return false;
  return true;
}

function priceEntry(entry: CatalogEntry, parts: readonly GcpPart[], bySvc: ReadonlyMap<GcpService, GcpSku[]>): { usd: number; matched: string } | { reason: string } {
  let total = 0;
  const matched: string[] = [];
  for (const p of parts) {
    const candidates = (bySvc.get(p.service) ?? []).filter((s) => partMatches(p, s) && s.serviceRegions.includes(entry.region));
    if (candidates.length === 0) return { reason: `no OnDemand SKU matching /${p.description.source}/ in ${entry.region}` };
    // The most specific SKU for the region wins ("running in Iowa" over "running in Americas").
    const fewest = Math.min(...candidates.map((s) => s.serviceRegions.length));
    const best = candidates.filter((s) => s.serviceRegions.length === fewest);
    const priced = best.map((s) => ({ s, price: gcpUnitPrice(s) }));
    const missing = priced.find((x) => !x.price);
    if (missing) return { reason: `no price for ${missing.s.description}` };
    const bad = priced.find((x) => x.price!.unit !== p.unit || x.price!.currency !== "USD");
    if (bad) return { reason: `unexpected unit ${bad.price!.unit} / currency ${bad.price!.currency} for ${bad.s.description}` };
    const distinct = [...new Set(priced.map((x) => x.price!.usd))];
    if (distinct.length > 1) return { reason: `ambiguous: ${priced.map((x) => `${x.s.description} ${x.price!.usd}`).join("; ")}` };
    total += p.quantity * distinct[0]!;
    matched.push(p.quantity === 1 ? best[0]!.description : `${p.quantity} x ${best[0]!.description}`);
  }
  return { usd: Number(cleanPrice(total).toFixed(6)), matched: matched.join(" + ") };
}

export async function fetchGcp(entries: readonly CatalogEntry[], ctx: FetchContext): Promise<CloudQuotes> {
  const key = gcpApiKey(ctx.env);
  if (!key) throw new InputError(GCP_NO_KEY_MESSAGE);
  const base = ctx.env.AITRACKS_GCP_BILLING_URL ?? GCP_BILLING_URL;
  const quotes: SourceQuote[] = [];
  const notFound: NotFound[] = [];
  const unmapped: string[] = [];
  const mapped: { entry: CatalogEntry; parts: readonly GcpPart[] }[] = [];
  for (const e of entries) {
    const parts = GCP_SKU_MAP[e.sku];
    if (parts) mapped.push({ entry: e, parts });
    else unmapped.push(e.sku);
  }
  const services = [...new Set(mapped.flatMap((m) => m.parts.map((p) => p.service)))];
  const bySvc = new Map<GcpService, GcpSku[]>();
  const sourceBySvc = new Map<GcpService, string>();
  for (const svc of services) {
    const parts = mapped.flatMap((m) => m.parts).filter((p) => p.service === svc);
    const { skus, source } = await listSkus(base, svc, key, (s) => parts.some((p) => partMatches(p, s)), ctx);
    bySvc.set(svc, skus);
    sourceBySvc.set(svc, source);
  }
  for (const { entry, parts } of mapped) {
    const r = priceEntry(entry, parts, bySvc);
    if ("reason" in r) notFound.push({ sku: entry.sku, reason: r.reason });
    else quotes.push({ sku: entry.sku, usd: r.usd, source: sourceBySvc.get(parts[0]!.service)!, matched: r.matched });
  }
  return { cloud: "gcp", quotes, notFound, unmapped, sources: [...sourceBySvc.values()] };
}
