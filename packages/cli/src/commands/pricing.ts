import type { Command } from "commander";
import type * as Core from "@aitracks/core";
import { CheckFailed, out, runCommand, say } from "../run";

// main.ts imports this file eagerly for every command (and for --help): @aitracks/core loads
// only when a pricing subcommand runs.

interface RefreshFlags {
  cloud?: string;
  region?: string;
  catalog?: string;
  dryRun?: boolean;
  json?: boolean;
  maxChange: string;
  timeout: string;
  deadline: string;
}

interface StatusFlags {
  catalog?: string;
  reviewMonths: string;
  json?: boolean;
}

const REFRESH_HELP = `
Updates the compute price catalog (packages/core/catalog/compute-prices.json, or AITRACKS_CATALOG,
or --catalog) from the clouds' public price APIs. Only SKUs the catalog already has, and that have a
mapping to the source, are touched: each gets the new price, asOf = today and source = the API URL.

  azure  Retail Prices API (no credentials)     ${"https://prices.azure.com/api/retail/prices"}
  aws    Price List bulk offer files (no credentials), streamed
         https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/{AmazonSageMaker,AmazonBedrock}/current/<region>/index.json
  gcp    Cloud Billing Catalog API: needs an API key in GOOGLE_CLOUD_API_KEY or AITRACKS_GCP_API_KEY
         (without one, a run over all clouds skips gcp with a warning; --cloud gcp fails)

All or nothing: a network failure, a timeout, a malformed or truncated response, or a price that
moved more than --max-change times either way leaves the catalog byte-for-byte unchanged.
--timeout bounds each request (a streamed download: its longest silence); --deadline bounds the
whole refresh. Redirects are followed only on the price API's own host. Two refreshes of one
catalog are serialised by a lock file next to it; the second fails if the first changed it. 429 and
5xx are retried with back-off (Retry-After honoured), 4 tries in all. Base URLs can be pointed
elsewhere with AITRACKS_AZURE_PRICES_URL, AITRACKS_AWS_PRICES_URL and AITRACKS_GCP_BILLING_URL.

Examples:
  aitracks pricing refresh --dry-run
  aitracks pricing refresh --cloud azure --region eastus
  GOOGLE_CLOUD_API_KEY=... aitracks pricing refresh --cloud gcp --json

Exit codes: 0 ok, 1 refresh failed (network, validation, sanity bound), 2 bad input.`;

const STATUS_HELP = `
Shows how old each part of the price data is: the compute catalog per cloud (oldest / newest asOf)
and the token prices bundled in @pydantic/genai-prices (the installed version's publish date), and
warns about anything older than the review period.

Exit codes: 0 ok (also when stale: the warnings say so), 2 bad input.`;

export function registerPricing(program: Command, setExit: (code: number) => void): void {
  const pricing = program
    .command("pricing")
    .description("refresh the compute price catalog from the clouds' price APIs, and show how old the price data is");

  pricing
    .command("refresh")
    .description("update the compute price catalog from the AWS, GCP and Azure public price APIs")
    .option("--cloud <cloud>", "only this cloud: aws, gcp or azure (comma-separated for several)")
    .option("--region <region>", "only entries quoted for this region (e.g. us-east-1, eastus, us-central1)")
    .option("--catalog <path>", "the catalog file to update (default: AITRACKS_CATALOG or the bundled catalog)")
    .option("--dry-run", "fetch and compare, write nothing")
    .option("--json", "print the summary as JSON")
    .option("--max-change <factor>", "fail when a price moves more than this factor either way", "10")
    .option("--timeout <seconds>", "per-request timeout (for a streamed download: the longest silence)", "30")
    .option("--deadline <seconds>", "the whole refresh ends by then, however slowly data trickles in", "600")
    .addHelpText("after", REFRESH_HELP)
    .action(async (flags: RefreshFlags) => {
      setExit(await runCommand(() => refresh(flags)));
    });

  pricing
    .command("status")
    .description("show the age of the compute catalog and of the token prices, with a warning when past review")
    .option("--catalog <path>", "the catalog file (default: AITRACKS_CATALOG or the bundled catalog)")
    .option("--review-months <n>", "warn about prices older than this many months", "6")
    .option("--json", "print the status as JSON")
    .addHelpText("after", STATUS_HELP)
    .action(async (flags: StatusFlags) => {
      setExit(await runCommand(() => status(flags)));
    });
}

function core(): typeof Core {
  return require("@aitracks/core") as typeof Core;
}

function num(raw: string, flag: string, ok: (n: number) => boolean, expected: string, problems: string[], max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || !ok(n)) problems.push(`--${flag}: expected ${expected}, got ${JSON.stringify(raw)}`);
  else if (n > max) problems.push(`--${flag}: expected at most ${core().limitText(max)}, got ${JSON.stringify(raw)}`);
  return n;
}

function fmtUsd(x: number): string {
  return String(Number(x.toPrecision(10)));
}

function pct(oldUsd: number, newUsd: number): string {
  if (oldUsd === 0) return "";
  const p = ((newUsd - oldUsd) / oldUsd) * 100;
  const digits = Math.abs(p) >= 0.1 ? 1 : Math.abs(p) >= 0.001 ? 3 : 5;
  return ` (${p >= 0 ? "+" : "-"}${Math.abs(p).toFixed(digits)}%)`;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

async function refresh(flags: RefreshFlags): Promise<number> {
  const c = core();
  const problems: string[] = [];
  const maxChange = num(flags.maxChange, "max-change", (n) => n > 1, "a factor above 1 (e.g. 10)", problems, 1e6);
  const timeout = num(flags.timeout, "timeout", (n) => n > 0, "seconds above 0", problems, 3600);
  const deadline = num(flags.deadline, "deadline", (n) => n > 0, "seconds above 0", problems, 86_400);
  let clouds: Core.Cloud[] | undefined;
  if (flags.cloud !== undefined) {
    const list = flags.cloud.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
    const bad = list.filter((x) => !(c.CLOUDS as readonly string[]).includes(x));
    if (list.length === 0 || bad.length) problems.push(`--cloud: expected aws, gcp or azure, got ${JSON.stringify(flags.cloud)}`);
    else clouds = list as Core.Cloud[];
  }
  if (flags.catalog !== undefined && flags.catalog.trim() === "") problems.push("--catalog: expected a file path");
  if (problems.length) throw new c.InputError(problems);

  const scaleRaw = process.env.AITRACKS_PRICING_DELAY_SCALE;
  const delayScale = scaleRaw !== undefined && scaleRaw !== "" && Number.isFinite(Number(scaleRaw)) ? Number(scaleRaw) : undefined;
  const progress = process.stderr.isTTY === true && !flags.json;
  let shown = false;
  const onProgress = (e: Core.ProgressEvent) => {
    if (!progress) return;
    const line = c.printableLine(`${e.cloud}: ${e.message}`);
    const width = (process.stderr.columns ?? 80) - 1;
    process.stderr.write(`\r\x1b[K${line.length > width ? `${line.slice(0, width - 3)}...` : line}`);
    shown = true;
  };
  const clearProgress = () => {
    if (shown) process.stderr.write("\r\x1b[K");
    shown = false;
  };

  let result: Core.RefreshResult;
  try {
    result = await c.refreshCatalog({
      catalogPath: flags.catalog,
      clouds,
      region: flags.region,
      dryRun: flags.dryRun ?? false,
      maxChange,
      timeoutMs: timeout * 1000,
      deadlineMs: deadline * 1000,
      delayScale,
      onProgress,
      onWarning: (m) => {
        clearProgress();
        say(`warning: ${m}`);
      },
    });
  } catch (err) {
    clearProgress();
    if (err instanceof c.RefreshError) {
      const message = `refresh failed: ${err.message}; the catalog was not changed`;
      if (flags.json) out(JSON.stringify({ ok: false, error: message }, null, 2));
      throw new CheckFailed(message);
    }
    throw err;
  }
  clearProgress();

  if (flags.json) {
    out(JSON.stringify({ ok: true, ...result }, null, 2));
    return 0;
  }
  const lines: string[] = [];
  for (const s of result.clouds) {
    if (s.status === "skipped") {
      lines.push(`${s.cloud}: skipped (${s.reason ?? "no reason given"})`);
      continue;
    }
    lines.push(
      `${s.cloud}: ${s.updated.length} updated, ${s.unchanged.length} unchanged, ${s.notFound.length} not found in source, ${s.unmapped.length} not mapped`,
    );
    const w = Math.max(10, ...s.updated.map((u) => u.sku.length), ...s.notFound.map((n) => n.sku.length));
    for (const u of s.updated) lines.push(`  updated    ${pad(u.sku, w)}  ${fmtUsd(u.old)} -> ${fmtUsd(u.new)}${pct(u.old, u.new)}`);
    if (s.unchanged.length) lines.push(`  unchanged  ${s.unchanged.map((u) => u.sku).join(", ")}`);
    for (const n of s.notFound) lines.push(`  not found  ${pad(n.sku, w)}  ${n.reason}`);
    if (s.unmapped.length) lines.push(`  not mapped (left as they were): ${s.unmapped.join(", ")}`);
  }
  const changes = result.clouds.reduce((n, s) => n + s.updated.length, 0);
  if (result.dryRun) {
    lines.push(`Dry run: nothing written (${changes} price${changes === 1 ? "" : "s"} would change in ${result.catalogPath}).`);
  } else if (result.written) {
    lines.push(`Wrote ${result.catalogPath} (${changes} price${changes === 1 ? "" : "s"} changed; refreshed entries as of ${result.today}).`);
  } else {
    lines.push(`${result.catalogPath} is already up to date.`);
  }
  out(lines.join("\n"));
  return 0;
}

async function status(flags: StatusFlags): Promise<number> {
  const c = core();
  const problems: string[] = [];
  const months = num(flags.reviewMonths, "review-months", (n) => Number.isInteger(n) && n >= 1 && n <= 120, "a whole number of months from 1 to 120", problems);
  if (flags.catalog !== undefined && flags.catalog.trim() === "") problems.push("--catalog: expected a file path");
  if (problems.length) throw new c.InputError(problems);
  const path = flags.catalog ?? c.catalogPath();
  const { entries } = c.readCatalogFile(path);
  const st = c.pricesStatus({ entries }, new Date(), months);

  if (flags.json) {
    out(JSON.stringify({ catalogPath: path, ...st, asOfLine: c.pricesAsOfLine(st) }, null, 2));
    return 0;
  }
  const rows = st.parts.map((p) => [
    p.label,
    p.entries !== undefined ? String(p.entries) : "-",
    p.oldest ?? p.asOf ?? "unknown",
    p.newest ?? "",
    p.ageDays !== undefined ? `${p.ageDays} days` : "",
    p.stale ? `STALE${p.staleEntries ? ` (${p.staleEntries})` : ""}` : "ok",
    p.basis ?? "",
  ]);
  const head = ["part", "entries", "oldest / date", "newest", "age", "status", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((cell, i) => pad(cell, widths[i]!)).join("  ").trimEnd();
  const lines = [
    c.pricesAsOfLine(st),
    `Catalog: ${path}; today ${st.today}; review period ${st.reviewMonths} months (older than ${st.reviewCutoff} is stale).`,
    "",
    fmt(head),
    ...rows.map(fmt),
    "",
    "How to update:",
    "  compute prices  aitracks pricing refresh [--cloud aws|gcp|azure] (GCP needs GOOGLE_CLOUD_API_KEY)",
    `  token prices    ${st.parts.find((p) => p.kind === "tokens")?.update ?? "upgrade @pydantic/genai-prices"}`,
  ];
  if (st.warnings.length) {
    lines.push("", "Warnings:");
    for (const w of st.warnings) lines.push(`  ${w}`);
  }
  out(lines.join("\n"));
  return 0;
}
