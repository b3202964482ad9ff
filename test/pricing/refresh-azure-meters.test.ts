// @ts-nocheck
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { AZURE_SKU_MAP, refreshCatalog, type CatalogEntry, type RefreshOptions } from "@aitracks/core";
import { BUNDLED_CATALOG, removeTempCatalogs, startServer, tempCatalog, type FixtureServer, refreshOptions, catalogUsd } from "./server";

// The Azure meters beyond VM sizes and Azure OpenAI provisioned units: blob storage, Key Vault HSM
// keys, Log Analytics ingestion, private endpoint, private DNS zone, App Service plans, Functions
// Premium, AI Search and Container Apps, each read from fixture Retail Prices rows of the real
// shape next to rows of the same service that must not match (build first: `npx tsc -b`).

let server: FixtureServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  removeTempCatalogs();
});

const options = (s: FixtureServer, path: string, extra: Partial<RefreshOptions> = {}): RefreshOptions => refreshOptions(s, path, { clouds: ["azure"], ...extra });

const usd = catalogUsd;

const NEW_METERS = [
  "blob-hot-lrs",
  "keyvault-hsm-key",
  "keyvault-hsm-key-advanced",
  "log-analytics-ingest",
  "private-endpoint",
  "private-dns-zone",
  "appservice-linux-B1",
  "appservice-linux-S1",
  "appservice-linux-P1v3",
  "appservice-linux-P2v3",
  "appservice-windows-B1",
  "appservice-windows-S1",
  "functions-premium-vcpu-hour",
  "functions-premium-gb-hour",
  "search-basic",
  "search-standard",
  "search-standard2",
  "search-standard3",
  "containerapps-vcpu-second",
  "containerapps-gib-second",
  "containerapps-idle-vcpu-second",
  "containerapps-requests",
];

describe("pricing refresh: Azure storage, Key Vault, logs, networking, App Service, Functions, Search and Container Apps meters", () => {
  it("maps 36 of the 47 Azure entries (14 before), so 'not mapped' fell from 33 to 11", () => {
    const azure = (JSON.parse(readFileSync(BUNDLED_CATALOG, "utf8")) as { entries: CatalogEntry[] }).entries.filter((e) => e.cloud === "azure");
    expect(azure.length).toBe(47);
    expect(azure.filter((e) => !AZURE_SKU_MAP[e.sku]).map((e) => e.sku)).toEqual([
      "aoai-ptu-reservation-monthly",
      "aoai-ptu-reservation-yearly",
      "aoai-tokens-datazone-standard",
      "aoai-tokens-regional-standard",
      "aoai-tokens-global-batch",
      "aoai-tokens-datazone-batch",
      "azure-content-safety-text",
      "aoai-finetune-hosting",
      "aoai-finetune-training",
      "synapse-dedicated-100cdwu",
      "synapse-spark-vcore-hour",
    ]);
  });

  it("prices each meter from its rows, past the decoys of the same service", async () => {
    server = await startServer();
    const { path } = tempCatalog();
    const azure = (await refreshCatalog(options(server, path))).clouds[0]!;
    expect(azure.unmapped.length).toBe(11);
    const quoted = new Map([...azure.updated.map((u) => [u.sku, u] as const), ...azure.unchanged.map((u) => [u.sku, u] as const)]);
    for (const sku of NEW_METERS) expect(quoted.has(sku), sku).toBe(true);

    // Hot LRS capacity, first tier: 0.0191, not the next tiers (0.0184, 0.0177), Cool LRS (0.01),
    // Hot GRS (0.0368) or the "General Block Blob v2" product (0.03).
    expect(azure.updated.find((u) => u.sku === "blob-hot-lrs")).toMatchObject({ old: 0.0184, new: 0.0191, matched: "Blob Storage / Hot LRS Data Stored" });
    // Log ingestion after the free 5 GB: 2.76, not the free tier (0) nor Basic Logs (0.5).
    expect(azure.updated.find((u) => u.sku === "log-analytics-ingest")).toMatchObject({ old: 2.3, new: 2.76 });
    // Linux B1: 0.017, not the Windows B1 (0.075) nor B2.
    expect(azure.updated.find((u) => u.sku === "appservice-linux-B1")).toMatchObject({ old: 0.018, new: 0.017 });
    expect(quoted.get("appservice-windows-B1")).toMatchObject({ usd: 0.075, matched: "Azure App Service Basic Plan / B1" });
    // Private endpoint in the Global billing zone (0.01), not a regional row (0.02).
    expect(quoted.get("private-endpoint")).toMatchObject({ usd: 0.01, matched: "Virtual Network Private Link / Standard Private Endpoint" });
    // Private DNS zone: the record without a region, first 25 zones (0.5), not the next tier (0.1),
    // the "Zone 1" record (0.6) or public zones.
    expect(quoted.get("private-dns-zone")).toMatchObject({ usd: 0.5, matched: "Azure DNS / Private Zone" });
    // Key Vault: eastus, first tier of advanced keys (5, not 2.5); RSA 2048 not the westus row (1.2).
    expect(quoted.get("keyvault-hsm-key-advanced")).toMatchObject({ usd: 5, matched: "Key Vault / Premium HSM-protected Advanced Key" });
    expect(quoted.get("keyvault-hsm-key")).toMatchObject({ usd: 1 });
    // Search S3, not S3 HD; Container Apps active vCPU, not idle.
    expect(quoted.get("search-standard3")).toMatchObject({ usd: 2.688, matched: "Azure Cognitive Search / Standard S3 Unit" });
    expect(quoted.get("containerapps-vcpu-second")).toMatchObject({ usd: 0.000024, matched: "Azure Container Apps / Standard vCPU Active Usage" });
    expect(quoted.get("containerapps-idle-vcpu-second")).toMatchObject({ usd: 0.000003, matched: "Azure Container Apps / Standard vCPU Idle Usage" });

    // The private endpoint is asked for in the Global zone; the private DNS zone without a region.
    expect(server.count("/azure/api/retail/prices", "meterName eq 'Standard Private Endpoint'")).toBe(1);
    expect(server.count("/azure/api/retail/prices", "armRegionName eq 'Global' and productName eq 'Virtual Network Private Link'")).toBe(1);
    expect(server.count("/azure/api/retail/prices", "serviceName eq 'Azure DNS' and productName eq 'Azure DNS'")).toBe(1);
    expect(server.count("/azure/api/retail/prices", "serviceName eq 'Azure DNS' and armRegionName")).toBe(0);

    expect(usd(path, "blob-hot-lrs")).toBe(0.0191);
  });

  it("finds nothing when the named tier is missing, never another tier", async () => {
    server = await startServer({ azureItems: (items) => items.filter((i) => !(i.meterName === "Pay-as-you-go Data Ingestion" && i.tierMinimumUnits === 5)) });
    const { path } = tempCatalog();
    const azure = (await refreshCatalog(options(server, path))).clouds[0]!;
    expect(azure.notFound.find((n) => n.sku === "log-analytics-ingest")?.reason).toBe(
      "no Consumption row for serviceName 'Log Analytics', skuName 'Pay-as-you-go', meterName /Data Ingestion$/, tierMinimumUnits 5 in eastus",
    );
    expect(usd(path, "log-analytics-ingest")).toBe(2.3);
  });

  it("calls two matching meters at different prices ambiguous", async () => {
    server = await startServer({
      azureItems: (items) => {
        const premium = items.find((i) => i.meterName === "Premium vCPU Duration")!;
        return [...items, { ...premium, meterName: "Always Ready vCPU Duration", meterId: "decoy", retailPrice: 0.2, unitPrice: 0.2 }];
      },
    });
    const { path } = tempCatalog();
    const azure = (await refreshCatalog(options(server, path))).clouds[0]!;
    expect(azure.notFound.find((n) => n.sku === "functions-premium-vcpu-hour")?.reason).toBe(
      "ambiguous: 2 rows with different prices (Premium vCPU Duration 0.173; Always Ready vCPU Duration 0.2) (tiers: name one)",
    );
    expect(usd(path, "functions-premium-vcpu-hour")).toBe(0.173);
  });

  it("refuses a row in another unit than the one the mapping names", async () => {
    server = await startServer({
      azureItems: (items) => items.map((i) => (i.meterName === "Standard Private Endpoint" && i.armRegionName === "Global" ? { ...i, unitOfMeasure: "1/Month", retailPrice: 7.3 } : i)),
    });
    const { path } = tempCatalog();
    const azure = (await refreshCatalog(options(server, path))).clouds[0]!;
    expect(azure.notFound.find((n) => n.sku === "private-endpoint")?.reason).toBe('unexpected unit "1/Month" / currency USD for Standard Private Endpoint');
    expect(usd(path, "private-endpoint")).toBe(0.01);
  });
});
