import { z } from "zod";
import { InputError } from "../../errors";
import type { CatalogEntry } from "../../schema/catalog";
import { fetchJson, redactUrl } from "./http";
import { cleanPrice, RefreshError, type CloudQuotes, type FetchContext, type NotFound, type SourceQuote } from "./types";

/** The Cloud Billing Catalog API (needs an API key). Override with AITRACKS_GCP_BILLING_URL. */
export const GCP_BILLING_URL = "https://cloudbilling.googleapis.com/v1";

export const GCP_API_KEY_ENV = ["GOOGLE_CLOUD_API_KEY", "AITRACKS_GCP_API_KEY"] as const;

/**
 * Billing service ids. Current TPU generations (v5e, v5p, v6e) are Compute Engine SKUs. The ids of
 * Cloud Storage, Cloud SQL, Cloud Run and Cloud Run functions are those public billing-budget
 * configurations and Cloud Billing Catalog clients use (`services/95FF-2EF5-5EA1` ...); Cloud KMS's
 * is the one recorded with its SKUs ("Active software symmetric key versions") in public fixtures.
 */
export const GCP_SERVICES = {
  vertex: { id: "C7E2-9256-1C43", name: "Vertex AI" },
  compute: { id: "6F81-5844-456A", name: "Compute Engine" },
  /** Legacy TPU v2-v4 only; listed for mappings that need it. */
  tpu: { id: "E000-3F24-B8AA", name: "Cloud TPU" },
  storage: { id: "95FF-2EF5-5EA1", name: "Cloud Storage" },
  sql: { id: "9662-B51E-5089", name: "Cloud SQL" },
  run: { id: "152E-C115-5142", name: "Cloud Run" },
  functions: { id: "29E7-DA93-CA13", name: "Cloud Run functions" },
  kms: { id: "EE2F-D110-890C", name: "Cloud Key Management Service (KMS)" },
} as const;
export type GcpService = keyof typeof GCP_SERVICES;

/**
 * One priced part of a catalog SKU: the billing SKU whose `description` matches, in `service`,
 * with `category.usageType` "OnDemand", whose `serviceRegions` include the entry's region (or
 * `region`, for SKUs billed "global"), priced in `unit` (pricingExpression.usageUnit; not checked
 * where no source names it), times `quantity`. A catalog price is the sum of its parts.
 */
export interface GcpPart {
  readonly service: GcpService;
  readonly description: RegExp;
  readonly resourceGroup?: string;
  readonly region?: string;
  readonly unit?: string;
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
  // Standard storage: infracost storage_bucket.go dataStorageCostComponent (resourceGroup
  // RegionalStorage, or MultiRegionalStorage for "us"/"eu"/"asia"; any description but "(Early
  // Delete)"; the open-ended tier, i.e. after the free tier where there is one).
  "gcs-standard": [{ service: "storage", resourceGroup: "RegionalStorage", description: /^(?!.*\(Early Delete\))/, quantity: 1 }],
  "gcs-standard-multi-region": [{ service: "storage", resourceGroup: "MultiRegionalStorage", description: /^(?!.*\(Early Delete\))/, quantity: 1 }],
  // A software symmetric key version per month: infracost kms_crypto_key.go cryptoKeyDescription.
  "kms-key-version": [{ service: "kms", description: /Active software symmetric key versions/i, quantity: 1 }],
  // Cloud Run. Request-based CPU and memory and requests: the SKUs as recorded from the Cloud Billing
  // Catalog in public fixtures ("Services CPU (Request-based billing)", unit s; "Services Memory
  // (Request-based billing)", GiBy.s; "Requests", global, count, after the free 2 million, so the
  // catalog's per-million price is 1e6 of it). Instance-based: infracost cloud_run_v2_service.go
  // ("Services CPU (Instance-based billing) in <region>", "Services Memory (Instance-based billing) in <region>").
  "cloud-run-vcpu-second": [{ service: "run", description: /^Services CPU \(Request-based billing\)$/, unit: "s", quantity: 1 }],
  "cloud-run-gib-second": [{ service: "run", description: /^Services Memory \(Request-based billing\)$/, unit: "GiBy.s", quantity: 1 }],
  "cloud-run-requests": [{ service: "run", description: /^Requests$/, region: "global", unit: "count", quantity: 1_000_000 }],
  "cloud-run-instance-vcpu-second": [{ service: "run", description: /^Services CPU \(Instance-based billing\) in [a-z0-9-]+$/, quantity: 1 }],
  "cloud-run-instance-gib-second": [{ service: "run", description: /^Services Memory \(Instance-based billing\) in [a-z0-9-]+$/, quantity: 1 }],
  // Cloud Run functions (1st gen): infracost cloudfunctions_function.go (descriptions /\(1st Gen\) CPU/,
  // /\(1st Gen\) Memory/, /\(1st Gen\) Invocations/ billed global after the free 2 million).
  "cloud-functions-invocations": [{ service: "functions", description: /\(1st Gen\) Invocations/, region: "global", quantity: 1_000_000 }],
  "cloud-functions-gb-second": [{ service: "functions", description: /\(1st Gen\) Memory/, quantity: 1 }],
  "cloud-functions-ghz-second": [{ service: "functions", description: /\(1st Gen\) CPU/, quantity: 1 }],
  // Cloud SQL, read at the PostgreSQL zonal SKUs (the catalog entries name no engine): infracost
  // sql_database_instance.go instanceCostComponents ("PostgreSQL: Zonal - vCPU" / "- RAM"),
  // storageCostComponent (resourceGroup SSD / PDStandard, "- Standard storage" / "- Low cost storage"),
  // sharedInstanceCostComponent (resourceGroup SQLGen2InstancesF1Micro / G1Small, "Cloud SQL for PostgreSQL: Zonal").
  "cloudsql-vcpu-hour": [{ service: "sql", description: /PostgreSQL: Zonal - vCPU/, quantity: 1 }],
  "cloudsql-memory-gb-hour": [{ service: "sql", description: /PostgreSQL: Zonal - RAM/, quantity: 1 }],
  "cloudsql-ssd": [{ service: "sql", resourceGroup: "SSD", description: /PostgreSQL: Zonal - Standard storage/, quantity: 1 }],
  "cloudsql-hdd": [{ service: "sql", resourceGroup: "PDStandard", description: /PostgreSQL: Zonal - Low cost storage/, quantity: 1 }],
  "cloudsql-db-f1-micro": [{ service: "sql", resourceGroup: "SQLGen2InstancesF1Micro", description: /Cloud SQL for PostgreSQL: Zonal/, quantity: 1 }],
  "cloudsql-db-g1-small": [{ service: "sql", resourceGroup: "SQLGen2InstancesG1Small", description: /Cloud SQL for PostgreSQL: Zonal/, quantity: 1 }],
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
    const region = p.region ?? entry.region;
    const candidates = (bySvc.get(p.service) ?? []).filter((s) => partMatches(p, s) && s.serviceRegions.includes(region));
    const group = p.resourceGroup ? ` (resourceGroup ${p.resourceGroup})` : "";
    if (candidates.length === 0) return { reason: `no OnDemand SKU matching /${p.description.source}/${group} in ${region}` };
    // The most specific SKU for the region wins ("running in Iowa" over "running in Americas").
    const fewest = Math.min(...candidates.map((s) => s.serviceRegions.length));
    const best = candidates.filter((s) => s.serviceRegions.length === fewest);
    const priced = best.map((s) => ({ s, price: gcpUnitPrice(s) }));
    const missing = priced.find((x) => !x.price);
    if (missing) return { reason: `no price for ${missing.s.description}` };
    const bad = priced.find((x) => (p.unit !== undefined && x.price!.unit !== p.unit) || x.price!.currency !== "USD");
    if (bad) return { reason: `unexpected unit ${bad.price!.unit} / currency ${bad.price!.currency} for ${bad.s.description}` };
    const distinct = [...new Set(priced.map((x) => x.price!.usd))];
    if (distinct.length > 1) return { reason: `ambiguous: ${priced.map((x) => `${x.s.description} ${x.price!.usd}`).join("; ")}` };
    total += p.quantity * distinct[0]!;
    matched.push(p.quantity === 1 ? best[0]!.description : `${p.quantity} x ${best[0]!.description}`);
  }
  // A machine summed from its parts is rounded to 6 decimals (float noise of the sum); a single
  // per-second or per-GiB-second price keeps its own precision (0.0000025 is not 0.000003).
  return { usd: parts.length > 1 ? Number(cleanPrice(total).toFixed(6)) : cleanPrice(total), matched: matched.join(" + ") };
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
