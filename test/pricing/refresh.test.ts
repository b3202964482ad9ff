// @ts-nocheck
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InputError, RefreshError, refreshCatalog, type CatalogEntry, type RefreshOptions } from "@aitracks/core";
import { GCP_TEST_KEY, removeTempCatalogs, startServer, tempCatalog, type FixtureServer } from "./server";

// In-process refreshes against the local fixture server (build first: `npx tsc -b`).

const TODAY = "2026-12-01";
let server: FixtureServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  removeTempCatalogs();
});

function options(s: FixtureServer, path: string, extra: Partial<RefreshOptions> = {}): RefreshOptions {
  return { catalogPath: path, env: s.env, today: TODAY, delayScale: 0.001, timeoutMs: 5_000, ...extra };
}

function entries(path: string): CatalogEntry[] {
  return (JSON.parse(readFileSync(path, "utf8")) as { entries: CatalogEntry[] }).entries;
}

/** Runs a refresh that must fail: the error, with the file checked byte for byte and no temp file left. */
async function failing(path: string, before: Buffer, opts: RefreshOptions): Promise<RefreshError> {
  const err = await refreshCatalog(opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RefreshError);
  expect(readFileSync(path).equals(before)).toBe(true);
  expect(readdirSync(dirname(path))).toEqual(["compute-prices.json"]);
  expect((err as Error).message).not.toContain("\n");
  return err as RefreshError;
}

// GCP composite prices from the fixture's Vertex AI SKUs.
const A2 = { core: 0.0363527, ram: 0.0048726, a100: 3.3739938 };
const G2 = { core: 0.0287, ram: 0.00364375, l4: 0.63985 };
const r6 = (x: number) => Number(Number(x.toPrecision(12)).toFixed(6));

const UPDATED: Record<string, number> = {
  Standard_NC24ads_A100_v4: 3.85,
  Standard_ND96isr_H100_v5: 101.5,
  "aoai-ptu-datazone": 1.15,
  "ml.g5.xlarge": 1.4084,
  "ml.p5.48xlarge": 113.068,
  "a2-highgpu-1g": r6(12 * A2.core + 85 * A2.ram + A2.a100),
  "a2-highgpu-8g": r6(96 * A2.core + 680 * A2.ram + 8 * A2.a100),
  "g2-standard-4": r6(4 * G2.core + 16 * G2.ram + G2.l4),
  "g2-standard-12": r6(12 * G2.core + 48 * G2.ram + G2.l4),
  "tpu-v6e": 2.97,
  // S3 Standard's first tier (0.024), not its next tiers, Glacier, Standard-IA or us-west-2.
  "s3-standard": 0.024,
  // Linux / Shared / NA / Used, not the Windows, Dedicated, reservation or SQL Web m5.large.
  "m5.large": 0.1,
  // The regional gp3 volume, not the Boston Local Zone one (0.096).
  "ebs-gp3": 0.0792,
  "bedrock-guardrail-contextual-grounding": 0.12,
  // Hot LRS first tier, Log Analytics after the free 5 GB, Linux B1 (not Windows).
  "blob-hot-lrs": 0.0191,
  "log-analytics-ingest": 2.76,
  "appservice-linux-B1": 0.017,
  // Cloud Run instance-based CPU in us-central1; Cloud SQL PostgreSQL zonal vCPU in Americas.
  "cloud-run-instance-vcpu-second": 0.0000175,
  "cloudsql-vcpu-hour": 0.0414,
  // PostgreSQL Single-AZ db.m5.large (not Multi-AZ, not MariaDB); Redis cache.r6g.large (not Valkey).
  "rds-postgres:db.m5.large": 0.18,
  "cache.r6g.large": 0.2,
};
const CONFIRMED = [
  "Standard_NC48ads_A100_v4",
  "Standard_DS3_v2",
  "aoai-ptu-global",
  "ml.g5.2xlarge",
  "ml.m5.large",
  "bedrock-pt:meta.llama3-1-8b",
  "tpu-v5e",
  "g2-standard-48",
  // The AWS families the fixture offers price at the catalog's own figures.
  ...["kms-key", "cloudwatch-logs-ingest", "cloudwatch-alarm", "ecr-storage", "secretsmanager-secret", "public-ipv4"],
  ...["t3.micro", "t3.small", "t3.medium", "t3.large", "t4g.micro", "m5.xlarge", "m6i.large", "c5.large", "r5.large"],
  ...["ebs-gp2", "ebs-io1", "ebs-io2", "ebs-st1", "ebs-sc1", "ebs-standard", "ebs-piops", "ebs-gp3-iops", "ebs-gp3-throughput"],
  ...["alb-hour", "alb-lcu", "nlb-hour", "nlb-nlcu", "nat-gateway-hour", "nat-gateway-gb"],
  ...["bedrock-guardrail-content-filter", "bedrock-guardrail-denied-topics", "bedrock-guardrail-sensitive-information"],
  ...["vpc-interface-endpoint", "lambda-requests", "lambda-gb-second", "fargate-vcpu-hour", "fargate-gb-hour", "apigw-http-requests", "apigw-rest-requests"],
  ...["lambda-arm-gb-second", "fargate-arm-vcpu-hour", "fargate-arm-gb-hour"],
  ...["dynamodb-write-request-units", "dynamodb-read-request-units", "dynamodb-wcu-hour", "dynamodb-rcu-hour", "dynamodb-storage"],
  ...["rds-postgres:db.t3.micro", "rds-postgres:db.t3.medium", "rds-postgres:db.t4g.micro", "rds-postgres:db.r5.large"],
  ...["rds-mysql:db.t3.micro", "rds-mysql:db.t3.medium", "rds-mysql:db.m5.large", "aurora-serverless-v2-acu", "rds-gp2-storage"],
  ...["aurora-postgresql:db.r6g.large", "aurora-postgresql:db.t4g.medium", "aurora-mysql:db.r6g.large", "aurora-mysql:db.t4g.medium"],
  ...["cache.t3.micro", "cache.t3.small", "cache.t3.medium", "cache.t4g.micro", "cache.m5.large"],
  // The Azure meters the fixture rows price at the catalog's own figures.
  ...["keyvault-hsm-key", "keyvault-hsm-key-advanced", "private-endpoint", "private-dns-zone"],
  ...["appservice-linux-S1", "appservice-linux-P1v3", "appservice-linux-P2v3", "appservice-windows-B1", "appservice-windows-S1"],
  ...["functions-premium-vcpu-hour", "functions-premium-gb-hour", "search-basic", "search-standard", "search-standard2", "search-standard3"],
  ...["containerapps-vcpu-second", "containerapps-gib-second", "containerapps-idle-vcpu-second", "containerapps-requests"],
  // The GCP SKUs the fixture catalogs price at the catalog's own figures.
  ...["gcs-standard", "gcs-standard-multi-region", "kms-key-version", "cloud-run-vcpu-second", "cloud-run-gib-second", "cloud-run-requests"],
  ...["cloud-run-instance-gib-second", "cloud-functions-invocations", "cloud-functions-gb-second", "cloud-functions-ghz-second"],
  ...["cloudsql-memory-gb-hour", "cloudsql-ssd", "cloudsql-hdd", "cloudsql-db-f1-micro", "cloudsql-db-g1-small"],
];

describe("pricing refresh", () => {
  it("updates the mapped SKUs the sources price, and nothing else", async () => {
    server = await startServer({ gcpPageSize: 3 });
    const { path, bytes } = tempCatalog();
    const before = entries(path);
    const result = await refreshCatalog(options(server, path));

    expect(result.written).toBe(true);
    const after = entries(path);
    expect(after.map((e) => e.sku)).toEqual(before.map((e) => e.sku));
    for (const [i, old] of before.entries()) {
      const now = after[i]!;
      if (old.sku in UPDATED) {
        expect(now.usd, old.sku).toBeCloseTo(UPDATED[old.sku]!, 9);
        expect(now.asOf).toBe(TODAY);
        expect(now.source).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
        expect({ ...now, usd: old.usd, asOf: old.asOf, source: old.source }).toEqual(old);
      } else if (CONFIRMED.includes(old.sku)) {
        expect(now.usd, old.sku).toBe(old.usd);
        expect(now.asOf).toBe(TODAY);
        expect({ ...now, asOf: old.asOf, source: old.source }).toEqual(old);
      } else {
        expect(now, old.sku).toEqual(old);
      }
    }
    // The GCP source never carries the API key.
    expect(readFileSync(path, "utf8")).not.toContain(GCP_TEST_KEY);

    // Only the lines of refreshed entries changed; the file keeps its format (15.0, 2e-05 ...).
    const oldLines = bytes.toString("utf8").split("\n");
    const newLines = readFileSync(path, "utf8").split("\n");
    expect(newLines.length).toBe(oldLines.length);
    const changed = newLines.map((l, i) => (l === oldLines[i] ? undefined : l)).filter((l): l is string => l !== undefined);
    for (const l of changed) expect(l).toMatch(/^\s+"(usd|asOf|source)": /);
    // usd (updated only), source, and asOf where it was not already today's date.
    const stale = (sku: string) => (before.find((e) => e.sku === sku)!.asOf === TODAY ? 0 : 1);
    const expectedLines =
      Object.keys(UPDATED).reduce((n, sku) => n + 2 + stale(sku), 0) + CONFIRMED.reduce((n, sku) => n + 1 + stale(sku), 0);
    expect(changed.length).toBe(expectedLines);

    const summary = Object.fromEntries(result.clouds.map((c) => [c.cloud, c]));
    expect(summary.azure!.updated.map((u) => u.sku).sort()).toEqual([
      "Standard_NC24ads_A100_v4",
      "Standard_ND96isr_H100_v5",
      "aoai-ptu-datazone",
      "appservice-linux-B1",
      "blob-hot-lrs",
      "log-analytics-ingest",
    ]);
    expect(summary.azure!.updated.find((u) => u.sku === "Standard_NC24ads_A100_v4")).toMatchObject({ old: 3.673, new: 3.85 });
    expect(summary.azure!.notFound.map((n) => n.sku)).toContain("aoai-ptu-regional");
    expect(summary.azure!.unmapped).toContain("azure-content-safety-text");
    expect(summary.azure!.unmapped).not.toContain("blob-hot-lrs");
    expect(summary.aws!.notFound.map((n) => n.sku)).toEqual(expect.arrayContaining(["ml.g5.48xlarge", "bedrock-pt:amazon.nova-lite"]));
    expect(summary.aws!.unmapped).toEqual(expect.arrayContaining(["bedrock-custom-model-storage", "bedrock-pt:anthropic.claude-3-haiku"]));
    expect(summary.aws!.unmapped).not.toContain("s3-standard");
    expect(summary.gcp!.notFound.map((n) => n.sku).sort()).toEqual(["a2-ultragpu-8g", "a3-highgpu-8g", "n1-standard-4", "tpu-v5p"]);
    // GCP pages were followed (3 SKUs a page).
    expect(server.count("/gcp/v1/services/C7E2-9256-1C43/skus", "pageToken=9")).toBe(1);
  });

  it("follows Azure's NextPageLink and drops Spot / Low Priority rows", async () => {
    server = await startServer({ azurePageSize: 2 });
    const { path } = tempCatalog();
    const result = await refreshCatalog(options(server, path, { clouds: ["azure"] }));
    // Five eastus rows for NC24ads at two a page: three pages; the Linux row is on the last.
    expect(server.count("/azure/api/retail/prices", "armSkuName eq 'Standard_NC24ads_A100_v4'")).toBe(3);
    const azure = result.clouds[0]!;
    expect(azure.updated.find((u) => u.sku === "Standard_NC24ads_A100_v4")?.new).toBe(3.85);
    // NV36ads has only Spot and Low Priority rows: once they are dropped there is no price.
    expect(azure.notFound.find((n) => n.sku === "Standard_NV36ads_A10_v5")?.reason).toMatch(/no Linux pay-as-you-go row/);
    expect(entries(path).find((e) => e.sku === "Standard_NV36ads_A10_v5")?.usd).toBe(3.2);
  });

  it("never takes a Spot or Low Priority price for the pay-as-you-go one", async () => {
    server = await startServer({
      // Without the Linux pay-as-you-go and Low Priority rows, one Linux Spot row (0.9183) is left,
      // with Windows rows: it must not be taken for the on-demand price.
      azureItems: (items) =>
        items.filter((i) => !(i.armSkuName === "Standard_NC24ads_A100_v4" && (i.retailPrice === 3.85 || /Low Priority/.test(i.skuName)))),
    });
    const { path } = tempCatalog();
    const result = await refreshCatalog(options(server, path, { clouds: ["azure"] }));
    expect(result.clouds[0]!.notFound.map((n) => n.sku)).toContain("Standard_NC24ads_A100_v4");
    expect(entries(path).find((e) => e.sku === "Standard_NC24ads_A100_v4")?.usd).toBe(3.673);
  });

  it("retries a 429 after the Retry-After delay, then succeeds", async () => {
    server = await startServer({
      intercept: (_req, res, { path, n }) => {
        if (path.includes("AmazonSageMaker") && n === 1) {
          res.writeHead(429, { "retry-after": "3", "content-type": "text/plain" });
          res.end("slow down");
          return true;
        }
        return false;
      },
    });
    const { path } = tempCatalog();
    // delayScale 0.05: Retry-After 3 s -> 150 ms; the back-off alone would be 50 ms.
    const result = await refreshCatalog(options(server, path, { clouds: ["aws"], delayScale: 0.05 }));
    const tries = server.seen.filter((s) => s.path.includes("AmazonSageMaker"));
    expect(tries.length).toBe(2);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(140);
    expect(result.written).toBe(true);
    expect(entries(path).find((e) => e.sku === "ml.g5.xlarge")?.usd).toBe(1.4084);
  });

  it("fails on a body cut off mid-transfer, leaving the catalog untouched", async () => {
    server = await startServer({
      intercept: (_req, res, { path }) => {
        if (!path.includes("AmazonSageMaker")) return false;
        const full = readFileSync(`${__dirname}/../fixtures/pricing/aws/AmazonSageMaker/us-east-1/index.json`);
        res.writeHead(200, { "content-type": "application/json", "content-length": full.length });
        res.write(full.subarray(0, 3000), () => res.socket?.destroy());
        return true;
      },
    });
    const { path, bytes } = tempCatalog();
    const err = await failing(path, bytes, options(server, path, { clouds: ["aws"] }));
    expect(err.message).toMatch(/^aws: truncated response from http:\/\/127\.0\.0\.1:\d+\/aws\/offers\/v1\.0\/aws\/AmazonSageMaker\/current\/us-east-1\/index\.json/);
  });

  it("fails on a document that ends early (complete HTTP, incomplete JSON)", async () => {
    server = await startServer({ awsBody: (offer, _r, text) => (offer === "AmazonSageMaker" ? text.slice(0, Math.floor(text.length * 0.8)) : text) });
    const { path, bytes } = tempCatalog();
    const err = await failing(path, bytes, options(server, path, { clouds: ["aws"] }));
    expect(err.message).toMatch(/truncated response from .*AmazonSageMaker.*unexpected end of JSON/);
  });

  it("fails on a truncated JSON page", async () => {
    server = await startServer({
      intercept: (_req, res, { path }) => {
        if (!path.startsWith("/azure/")) return false;
        const text = JSON.stringify({ Items: [{ currencyCode: "USD", retailPrice: 3.85 }], NextPageLink: null }).slice(0, 40);
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
        res.end(text);
        return true;
      },
    });
    const { path, bytes } = tempCatalog();
    const err = await failing(path, bytes, options(server, path, { clouds: ["azure"] }));
    expect(err.message).toMatch(/^azure: malformed or truncated JSON .* from http:\/\/127\.0\.0\.1:\d+\/azure\/api\/retail\/prices\?\$filter=/);
  });

  it("fails on a response of the wrong shape", async () => {
    server = await startServer({
      intercept: (_req, res, { path }) => {
        if (!path.startsWith("/azure/")) return false;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ value: [] }));
        return true;
      },
    });
    const { path, bytes } = tempCatalog();
    const err = await failing(path, bytes, options(server, path, { clouds: ["azure"] }));
    expect(err.message).toMatch(/^azure: malformed response from .*: Items: /);
  });

  it("gives up on a 500 that persists after 4 tries", async () => {
    server = await startServer({
      intercept: (_req, res, { path }) => {
        if (!path.startsWith("/azure/")) return false;
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("internal error");
        return true;
      },
    });
    const { path, bytes } = tempCatalog();
    const err = await failing(path, bytes, options(server, path, { clouds: ["azure"] }));
    expect(err.message).toMatch(/^azure: HTTP 500 from http:\/\/127\.0\.0\.1:\d+\/azure\/api\/retail\/prices\?\$filter=\S+ \(gave up after 4 tries\)$/);
    expect(server.count("/azure/")).toBe(4);
  });

  it("times out a request that hangs, and aborts the other clouds", async () => {
    server = await startServer({
      intercept: (_req, _res, { path }) => path.startsWith("/gcp/"), // never answered
    });
    const { path, bytes } = tempCatalog();
    const started = Date.now();
    const err = await failing(path, bytes, options(server, path, { timeoutMs: 200 }));
    expect(err.message).toMatch(/^gcp: timed out after 0\.2 s waiting for http:\/\/127\.0\.0\.1:\d+\/gcp\/v1\/services\/[\w-]+\/skus\?key=REDACTED/);
    expect(err.message).not.toContain(GCP_TEST_KEY);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("times out a download that stalls mid-body", async () => {
    server = await startServer({
      intercept: (_req, res, { path }) => {
        if (!path.includes("AmazonSageMaker")) return false;
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"formatVersion":"v1.0","products":{'); // then silence
        return true;
      },
    });
    const { path, bytes } = tempCatalog();
    const err = await failing(path, bytes, options(server, path, { clouds: ["aws"], timeoutMs: 200 }));
    expect(err.message).toMatch(/^aws: timed out after 0\.2 s with no data from .*AmazonSageMaker/);
  });

  it("refuses a price that moved more than 10x, and allows it with a larger bound", async () => {
    const absurd = (items: { armSkuName: string; retailPrice: number; unitPrice: number }[]) =>
      items.map((i) => (i.armSkuName === "Standard_NC24ads_A100_v4" && i.retailPrice === 3.85 ? { ...i, retailPrice: 367.3, unitPrice: 367.3 } : i));
    server = await startServer({ azureItems: (items) => absurd(items) as typeof items });
    const { path, bytes } = tempCatalog();
    const err = await failing(path, bytes, options(server, path, { clouds: ["azure"] }));
    expect(err.message).toMatch(/^sanity check failed: Standard_NC24ads_A100_v4 3\.673 -> 367\.3 \(100x\) from http:\/\/127\.0\.0\.1:\d+\/azure\/\S+ moved by more than 10x/);
    expect(err.sku).toBe("Standard_NC24ads_A100_v4");

    const ok = await refreshCatalog(options(server, path, { clouds: ["azure"], maxChange: 200 }));
    expect(ok.written).toBe(true);
    expect(entries(path).find((e) => e.sku === "Standard_NC24ads_A100_v4")?.usd).toBe(367.3);
  });

  it("says clearly that GCP needs an API key", async () => {
    server = await startServer();
    const { path, bytes } = tempCatalog();
    const env = { ...server.env, GOOGLE_CLOUD_API_KEY: "" };
    const err = await refreshCatalog(options(server, path, { clouds: ["gcp"], env })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).lines).toEqual([expect.stringMatching(/^gcp: the Cloud Billing Catalog API needs an API key: set GOOGLE_CLOUD_API_KEY \(or AITRACKS_GCP_API_KEY\)/)]);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(server.count("/gcp/")).toBe(0);

    // Over all clouds, GCP is skipped with a warning and the others are refreshed.
    const warnings: string[] = [];
    const all = await refreshCatalog(options(server, path, { env, onWarning: (w) => warnings.push(w) }));
    expect(all.clouds.find((c) => c.cloud === "gcp")).toMatchObject({ status: "skipped" });
    expect(warnings).toEqual([expect.stringMatching(/^gcp skipped: no API key/)]);
    expect(entries(path).find((e) => e.sku === "a2-highgpu-1g")?.asOf).toBe("2026-11-01");
    expect(entries(path).find((e) => e.sku === "ml.g5.xlarge")?.asOf).toBe(TODAY);
  });

  it("reports a rejected GCP key with Google's message and without the key", async () => {
    server = await startServer();
    const { path, bytes } = tempCatalog();
    const err = await failing(path, bytes, options(server, path, { clouds: ["gcp"], env: { ...server.env, GOOGLE_CLOUD_API_KEY: "wrong-key" } }));
    expect(err.message).toMatch(/^gcp: HTTP 400 from .*key=REDACTED.*: API key not valid\. Please pass a valid API key\.$/);
    expect(err.message).not.toContain("wrong-key");
  });

  it("writes nothing on --dry-run", async () => {
    server = await startServer();
    const { path, bytes } = tempCatalog();
    const result = await refreshCatalog(options(server, path, { dryRun: true }));
    expect(result).toMatchObject({ dryRun: true, changed: true, written: false });
    expect(result.clouds.flatMap((c) => c.updated).length).toBe(Object.keys(UPDATED).length);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("limits the refresh to --region", async () => {
    server = await startServer();
    const { path } = tempCatalog();
    const result = await refreshCatalog(options(server, path, { clouds: ["gcp"], region: "us-east5" }));
    const gcp = result.clouds[0]!;
    expect(gcp.updated.map((u) => u.sku)).toEqual(["tpu-v6e"]);
    expect(gcp.notFound.map((n) => n.sku)).toEqual(["tpu-v5p"]);
    expect(entries(path).find((e) => e.sku === "a2-highgpu-1g")?.asOf).toBe("2026-11-01");

    const bad = await refreshCatalog(options(server, path, { clouds: ["gcp"], region: "mars-1" })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InputError);
    expect((bad as Error).message).toMatch(/--region: no gcp catalog entry is quoted for "mars-1"/);
  });

  it("does not overwrite a catalog that changed on disk during the refresh", async () => {
    const { path } = tempCatalog();
    const edited = `${readFileSync(path, "utf8")} `;
    server = await startServer({
      intercept: (_req, _res, { path: p, n }) => {
        if (p.startsWith("/azure/") && n === 1) writeFileSync(path, edited); // someone else edits it
        return false;
      },
    });
    const err = await refreshCatalog(options(server, path, { clouds: ["azure"] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefreshError);
    expect((err as Error).message).toMatch(/compute-prices\.json changed on disk during the refresh; not overwritten/);
    expect(readFileSync(path, "utf8")).toBe(edited);
    expect(readdirSync(dirname(path))).toEqual(["compute-prices.json"]);
  });

  it("rejects a catalog path that does not exist", async () => {
    const err = await refreshCatalog({ catalogPath: "/nonexistent/compute-prices.json", clouds: ["aws"] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe("/nonexistent/compute-prices.json: cannot read the price catalog (no such file)");
  });
});
