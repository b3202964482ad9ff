// @ts-nocheck
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { GCP_SKU_MAP, refreshCatalog, type CatalogEntry, type RefreshOptions } from "@aitracks/core";
import { BUNDLED_CATALOG, removeTempCatalogs, startServer, tempCatalog, type FixtureServer, refreshOptions, catalogUsd } from "./server";

// The GCP SKUs beyond Vertex AI machines and TPUs: Cloud Storage, Cloud KMS, Cloud Run, Cloud Run
// functions (1st gen) and Cloud SQL, each read from fixture Cloud Billing Catalog SKUs of the real
// shape next to SKUs of the same service that must not match (build first: `npx tsc -b`).

let server: FixtureServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  removeTempCatalogs();
});

const options = (s: FixtureServer, path: string, extra: Partial<RefreshOptions> = {}): RefreshOptions => refreshOptions(s, path, { clouds: ["gcp"], ...extra });

const usd = catalogUsd;

const NEW_SKUS = [
  "gcs-standard",
  "gcs-standard-multi-region",
  "kms-key-version",
  "cloud-run-vcpu-second",
  "cloud-run-gib-second",
  "cloud-run-requests",
  "cloud-run-instance-vcpu-second",
  "cloud-run-instance-gib-second",
  "cloud-functions-invocations",
  "cloud-functions-gb-second",
  "cloud-functions-ghz-second",
  "cloudsql-vcpu-hour",
  "cloudsql-memory-gb-hour",
  "cloudsql-ssd",
  "cloudsql-hdd",
  "cloudsql-db-f1-micro",
  "cloudsql-db-g1-small",
];

describe("pricing refresh: GCP Cloud Storage, KMS, Cloud Run, Cloud Run functions and Cloud SQL SKUs", () => {
  it("maps 28 of the 33 GCP entries (11 before), so 'not mapped' fell from 22 to 5", () => {
    const gcp = (JSON.parse(readFileSync(BUNDLED_CATALOG, "utf8")) as { entries: CatalogEntry[] }).entries.filter((e) => e.cloud === "gcp");
    expect(gcp.length).toBe(33);
    expect(gcp.filter((e) => !GCP_SKU_MAP[e.sku]).map((e) => e.sku)).toEqual([
      "vertex-tensorboard",
      "vertex-tuning-training",
      "artifact-registry-storage",
      "agent-engine-vcpu-hour",
      "agent-engine-gib-hour",
    ]);
  });

  it("prices each SKU from its service's catalog, past the decoys", async () => {
    server = await startServer();
    const { path } = tempCatalog();
    const gcp = (await refreshCatalog(options(server, path))).clouds[0]!;
    expect(gcp.unmapped.length).toBe(5);
    const quoted = new Map([...gcp.updated.map((u) => [u.sku, u] as const), ...gcp.unchanged.map((u) => [u.sku, u] as const)]);
    for (const sku of NEW_SKUS) expect(quoted.has(sku), sku).toBe(true);

    // Standard storage in us-central1: the paid tier after the free 5 GiB (0.02), not Nearline (0.01),
    // Belgium (0.023) or operations; the "us" multi-region at 0.026, not "eu" (0.027).
    expect(quoted.get("gcs-standard")).toMatchObject({ usd: 0.02, matched: "Standard Storage US Regional" });
    expect(quoted.get("gcs-standard-multi-region")).toMatchObject({ usd: 0.026, matched: "Standard Storage US Multi-region" });
    // Software key versions (0.06), not HSM (1.0).
    expect(quoted.get("kms-key-version")).toMatchObject({ usd: 0.06, matched: "Active software symmetric key versions" });
    // Cloud Run request-based CPU 0.000024 (not tier 2, not min instance), memory 0.0000025 kept to
    // its own precision, requests 0.0000004 x 1,000,000 = 0.4 per million after the free 2 million.
    expect(quoted.get("cloud-run-vcpu-second")).toMatchObject({ usd: 0.000024 });
    expect(quoted.get("cloud-run-gib-second")).toMatchObject({ usd: 0.0000025 });
    expect(quoted.get("cloud-run-requests")).toMatchObject({ usd: 0.4, matched: "1000000 x Requests" });
    // Instance-based CPU in us-central1 (0.0000175), not europe-west1's (0.000019) nor Jobs CPU.
    expect(gcp.updated.find((u) => u.sku === "cloud-run-instance-vcpu-second")).toMatchObject({
      old: 0.000018,
      new: 0.0000175,
      matched: "Services CPU (Instance-based billing) in us-central1",
    });
    // Functions 1st gen CPU in a tier-1 region (0.00001), not tier 2 (0.000014).
    expect(quoted.get("cloud-functions-ghz-second")).toMatchObject({ usd: 0.00001, matched: "Cloud Functions (1st Gen) CPU Time" });
    expect(quoted.get("cloud-functions-invocations")).toMatchObject({ usd: 0.4 });
    // Cloud SQL PostgreSQL zonal vCPU in Americas (0.0414): not regional (0.0828), MySQL, EMEA or a commitment.
    expect(gcp.updated.find((u) => u.sku === "cloudsql-vcpu-hour")).toMatchObject({ old: 0.0413, new: 0.0414 });
    expect(quoted.get("cloudsql-db-f1-micro")).toMatchObject({ usd: 0.0105, matched: "Cloud SQL for PostgreSQL: Zonal - Micro instance in Americas" });

    expect(usd(path, "cloudsql-vcpu-hour")).toBe(0.0414);
    expect(usd(path, "cloud-run-gib-second")).toBe(0.0000025);
  });

  it("finds no instance-based Cloud Run price when only another region's SKU is left", async () => {
    const runSkus = JSON.parse(readFileSync(`${__dirname}/../fixtures/pricing/gcp/cloud-run-skus.json`, "utf8")) as { description: string }[];
    const { path } = tempCatalog();
    server = await startServer({
      intercept: (_req, res, { path: p }) => {
        if (!p.endsWith("/services/152E-C115-5142/skus")) return false;
        const skus = runSkus.filter((s) => s.description !== "Services CPU (Instance-based billing) in us-central1");
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ skus, nextPageToken: "" }));
        return true;
      },
    });
    const gcp = (await refreshCatalog(options(server, path))).clouds[0]!;
    expect(gcp.notFound.find((n) => n.sku === "cloud-run-instance-vcpu-second")?.reason).toBe(
      "no OnDemand SKU matching /^Services CPU \\(Instance-based billing\\) in [a-z0-9-]+$/ in us-central1",
    );
    expect(usd(path, "cloud-run-instance-vcpu-second")).toBe(0.000018);
  });

  it("calls two matching SKUs at different prices ambiguous", async () => {
    const sqlSkus = JSON.parse(readFileSync(`${__dirname}/../fixtures/pricing/gcp/cloud-sql-skus.json`, "utf8")) as any[];
    const ssd = sqlSkus.find((s) => s.description === "Cloud SQL for PostgreSQL: Zonal - Standard storage in Americas");
    const twin = structuredClone(ssd);
    twin.skuId = "TWIN-0000-0001";
    twin.description = "Cloud SQL for PostgreSQL: Zonal - Standard storage (extended) in Americas";
    twin.pricingInfo[0].pricingExpression.tieredRates[0].unitPrice.nanos = 220_000_000;
    server = await startServer({
      intercept: (_req, res, { path: p }) => {
        if (!p.endsWith("/services/9662-B51E-5089/skus")) return false;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ skus: [...sqlSkus, twin], nextPageToken: "" }));
        return true;
      },
    });
    const { path } = tempCatalog();
    const gcp = (await refreshCatalog(options(server, path))).clouds[0]!;
    expect(gcp.notFound.find((n) => n.sku === "cloudsql-ssd")?.reason).toBe(
      "ambiguous: Cloud SQL for PostgreSQL: Zonal - Standard storage in Americas 0.17; Cloud SQL for PostgreSQL: Zonal - Standard storage (extended) in Americas 0.22",
    );
    expect(usd(path, "cloudsql-ssd")).toBe(0.17);
  });
});
