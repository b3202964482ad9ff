// @ts-nocheck
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, removeTempCatalogs, startServer, tempCatalog, type FixtureServer, type ServerOptions } from "./server";

// End to end through the built CLI (run `npx tsc -b` first), against the local fixture server.
// The child runs asynchronously: the server lives in this process and must keep answering.

const BIN = join(ROOT, "packages/cli/bin/aitracks.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function aitracks(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base: Record<string, string | undefined> = { ...process.env, AITRACKS_DEBUG: "", NO_COLOR: "1", AITRACKS_PRICING_DELAY_SCALE: "0.001" };
  for (const k of ["GOOGLE_CLOUD_API_KEY", "AITRACKS_GCP_API_KEY", "AITRACKS_CATALOG", "AITRACKS_AZURE_PRICES_URL", "AITRACKS_AWS_PRICES_URL", "AITRACKS_GCP_BILLING_URL"]) {
    delete base[k];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  removeTempCatalogs();
});

async function serve(opts: ServerOptions = {}): Promise<FixtureServer> {
  server = await startServer(opts);
  return server;
}

function usd(path: string, sku: string): number | undefined {
  return (JSON.parse(readFileSync(path, "utf8")) as { entries: { sku: string; usd: number }[] }).entries.find((e) => e.sku === sku)?.usd;
}

const status500: ServerOptions["intercept"] = (_req, res, { path }) => {
  if (!path.startsWith("/azure/")) return false;
  res.writeHead(500);
  res.end();
  return true;
};

describe("aitracks pricing refresh", () => {
  it("refreshes every cloud and prints a JSON summary", async () => {
    const s = await serve();
    const { path } = tempCatalog();
    const r = await aitracks(["pricing", "refresh", "--catalog", path, "--json"], s.env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; written: boolean; clouds: { cloud: string; updated: { sku: string; old: number; new: number }[] }[] };
    expect(out).toMatchObject({ ok: true, written: true, dryRun: false, catalogPath: path });
    expect(out.clouds.map((c) => c.cloud)).toEqual(["aws", "gcp", "azure"]);
    expect(out.clouds[2]!.updated).toContainEqual(expect.objectContaining({ sku: "Standard_NC24ads_A100_v4", old: 3.673, new: 3.85 }));
    expect(usd(path, "ml.g5.xlarge")).toBe(1.4084);
  });

  it("prints per-cloud counts and old -> new prices", async () => {
    const s = await serve();
    const { path } = tempCatalog();
    const r = await aitracks(["pricing", "refresh", "--catalog", path, "--cloud", "azure,aws"], s.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^aws: 8 updated, 69 unchanged, 13 not found in source, 8 not mapped$/m);
    expect(r.stdout).toMatch(/^azure: 6 updated, 22 unchanged, 8 not found in source, 11 not mapped$/m);
    expect(r.stdout).toMatch(/^ {2}updated {4}Standard_NC24ads_A100_v4 +3\.673 -> 3\.85 \(\+4\.8%\)$/m);
    expect(r.stdout).toMatch(/^ {2}not found {2}Standard_NV36ads_A10_v5 +no Linux pay-as-you-go row/m);
    expect(r.stdout).toMatch(/^Wrote .*compute-prices\.json \(14 prices changed; refreshed entries as of \d{4}-\d{2}-\d{2}\)\.$/m);
    expect(r.stdout).not.toMatch(/^gcp/m);
  });

  it("writes nothing with --dry-run", async () => {
    const s = await serve();
    const { path, bytes } = tempCatalog();
    const r = await aitracks(["pricing", "refresh", "--catalog", path, "--dry-run"], s.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Dry run: nothing written \(21 prices would change/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("skips GCP with a warning when no key is set, and fails --cloud gcp with a clear message", async () => {
    const s = await serve();
    const { path, bytes } = tempCatalog();
    const env = { ...s.env, GOOGLE_CLOUD_API_KEY: "" };
    const all = await aitracks(["pricing", "refresh", "--catalog", path, "--dry-run"], env);
    expect(all.code).toBe(0);
    expect(all.stderr).toBe("aitracks: warning: gcp skipped: no API key (set GOOGLE_CLOUD_API_KEY or AITRACKS_GCP_API_KEY)\n");
    expect(all.stdout).toMatch(/^gcp: skipped/m);

    const r = await aitracks(["pricing", "refresh", "--catalog", path, "--cloud", "gcp"], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^aitracks: gcp: the Cloud Billing Catalog API needs an API key: set GOOGLE_CLOUD_API_KEY \(or AITRACKS_GCP_API_KEY\).*\n$/);
    expect(r.stderr.split("\n").length).toBe(2);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it.each([
    ["a 500 that persists", { intercept: status500 }, ["--cloud", "azure"], /^aitracks: refresh failed: azure: HTTP 500 from \S+ \(gave up after 4 tries\); the catalog was not changed\n$/],
    [
      "a hang past --timeout",
      { intercept: (_q, _s, { path }) => path.startsWith("/azure/") },
      ["--cloud", "azure", "--timeout", "0.2"],
      /^aitracks: refresh failed: azure: timed out after 0\.2 s waiting for http:\/\/127\.0\.0\.1:\d+\/azure\/\S+; the catalog was not changed\n$/,
    ],
    [
      "a truncated offer file",
      { awsBody: (o, _r, t) => (o === "AmazonSageMaker" ? t.slice(0, 5000) : t) },
      ["--cloud", "aws"],
      /^aitracks: refresh failed: aws: truncated response from http:\/\/127\.0\.0\.1:\d+\/aws\/offers\/v1\.0\/aws\/AmazonSageMaker\/current\/us-east-1\/index\.json: unexpected end of JSON/,
    ],
    [
      "an absurd price",
      { azureItems: (items) => items.map((i) => (i.retailPrice === 101.5 ? { ...i, retailPrice: 1015000, unitPrice: 1015000 } : i)) },
      ["--cloud", "azure"],
      /^aitracks: refresh failed: sanity check failed: Standard_ND96isr_H100_v5 98\.32 -> 1015000 \(10300x\) from \S+ moved by more than 10x;/,
    ],
  ] as [string, ServerOptions, string[], RegExp][])("exits 1 on %s, catalog byte-for-byte unchanged", async (_name, opts, args, message) => {
    const s = await serve(opts);
    const { path, bytes } = tempCatalog();
    const r = await aitracks(["pricing", "refresh", "--catalog", path, ...args], s.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stdout).toBe("");
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("reports a failure as JSON with --json", async () => {
    const s = await serve({ intercept: status500 });
    const { path } = tempCatalog();
    const r = await aitracks(["pricing", "refresh", "--catalog", path, "--cloud", "azure", "--json"], s.env);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, error: expect.stringMatching(/^refresh failed: azure: HTTP 500/) });
  });

  it("accepts a larger --max-change", async () => {
    const s = await serve({ azureItems: (items) => items.map((i) => (i.retailPrice === 101.5 ? { ...i, retailPrice: 1500, unitPrice: 1500 } : i)) });
    const { path } = tempCatalog();
    const r = await aitracks(["pricing", "refresh", "--catalog", path, "--cloud", "azure", "--max-change", "20"], s.env);
    expect(r.code).toBe(0);
    expect(usd(path, "Standard_ND96isr_H100_v5")).toBe(1500);
  });

  it.each([
    [["--cloud", "mars"], /^aitracks: --cloud: expected aws, gcp or azure, got "mars"\n$/],
    [["--max-change", "1"], /^aitracks: --max-change: expected a factor above 1 \(e\.g\. 10\), got "1"\n$/],
    [["--timeout", "soon"], /^aitracks: --timeout: expected seconds above 0, got "soon"\n$/],
    [["--catalog", "/nonexistent/prices.json"], /^aitracks: \/nonexistent\/prices\.json: cannot read the price catalog \(no such file\)\n$/],
    [["--region", "mars-1", "--cloud", "aws"], /^aitracks: --region: no aws catalog entry is quoted for "mars-1"; regions in the catalog: us-east-1\n$/],
    [["--frobnicate"], /unknown option '--frobnicate'/],
  ])("exits 2 on bad input %j", async (args, message) => {
    const { path, bytes } = tempCatalog();
    const r = await aitracks(["pricing", "refresh", ...(args.includes("--catalog") ? [] : ["--catalog", path]), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("exits 2 on a catalog that fails its schema", async () => {
    const { path } = tempCatalog();
    const raw = JSON.parse(readFileSync(path, "utf8")) as { entries: { usd: unknown }[] };
    raw.entries[0]!.usd = "cheap";
    writeFileSync(path, JSON.stringify(raw));
    const r = await aitracks(["pricing", "refresh", "--catalog", path, "--cloud", "aws"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^aitracks: .*compute-prices\.json: entries\[0\]\.usd: expected a number of 0 or more/);
  });
});

describe("aitracks pricing status", () => {
  it("shows the age of each part and warns when past the review period", async () => {
    const { path } = tempCatalog();
    const raw = JSON.parse(readFileSync(path, "utf8")) as { entries: { sku: string; cloud: string; asOf: string }[] };
    raw.entries.find((e) => e.sku === "tpu-v5e")!.asOf = "2020-01-01";
    writeFileSync(path, `${JSON.stringify(raw, null, 1)}\n`);
    // Counted from the catalog, so adding entries does not break the test.
    const gcp = raw.entries.filter((e) => e.cloud === "gcp");
    const gcpNewest = gcp.reduce((max, e) => (e.asOf > max ? e.asOf : max), "");

    const j = await aitracks(["pricing", "status", "--catalog", path, "--json"]);
    expect(j.code).toBe(0);
    const st = JSON.parse(j.stdout) as { stale: boolean; asOf: string; warnings: string[]; parts: { id: string; oldest?: string; stale: boolean }[]; asOfLine: string };
    expect(st.stale).toBe(true);
    expect(st.asOf).toBe("2020-01-01");
    expect(st.parts.map((p) => p.id)).toEqual(["compute:aws", "compute:gcp", "compute:azure", "tokens"]);
    expect(st.parts.find((p) => p.id === "compute:gcp")).toMatchObject({ oldest: "2020-01-01", stale: true });
    expect(st.warnings[0]).toMatch(new RegExp(`^gcp compute prices: 1 of ${gcp.length} entries are older`));
    expect(st.warnings[0]).toMatch(/entries are older than the 6-month review period \(oldest 2020-01-01\)/);
    expect(st.asOfLine).toMatch(/^Prices as of 2020-01-01 .*see `aitracks pricing status`$/);

    const h = await aitracks(["pricing", "status", "--catalog", path]);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(new RegExp(`^compute prices \\(gcp\\) +${gcp.length} +2020-01-01 +${gcpNewest} +\\d+ days +STALE \\(1\\)$`, "m"));
    expect(h.stdout).toMatch(/^token prices \(@pydantic\/genai-prices [\d.]+\) +- +\d{4}-\d{2}-\d{2}/m);
    expect(h.stdout).toMatch(new RegExp(`^Warnings:\\n {2}gcp compute prices: 1 of ${gcp.length} `, "m"));
    expect(h.stdout).toContain("updatePrices()");
  });

  it.each([
    [["--review-months", "0"], /^aitracks: --review-months: expected a whole number of months from 1 to 120, got "0"\n$/],
    [["--catalog", "/nonexistent/prices.json"], /^aitracks: \/nonexistent\/prices\.json: cannot read the price catalog/],
  ])("exits 2 on bad input %j", async (args, message) => {
    const r = await aitracks(["pricing", "status", ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
