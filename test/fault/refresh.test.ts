import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RefreshError, refreshCatalog, writeFileAtomic } from "@aitracks/core";
import { ROOT, removeTempCatalogs, startServer, tempCatalog, type FixtureServer, type ServerOptions } from "../pricing/server";

// `pricing refresh` against the local stand-in for the price APIs (test/pricing/server.ts), through
// the real HTTP code: a total deadline, redirects kept on the API's host, server text without
// control characters, and two refreshes of one catalog serialised so neither update is lost.

const BIN = join(ROOT, "packages/cli/bin/aitracks.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI, asynchronously: the fake server lives in this process and must keep answering. */
function aitracks(args: string[], env: Record<string, string>): Promise<Run> {
  const base: Record<string, string | undefined> = { ...process.env, AITRACKS_DEBUG: "", NO_COLOR: "1", AITRACKS_PRICING_DELAY_SCALE: "0.001" };
  for (const k of ["GOOGLE_CLOUD_API_KEY", "AITRACKS_GCP_API_KEY", "AITRACKS_CATALOG"]) delete base[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 60_000);
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

/** A private catalog with mode 0600, to check that a failed refresh keeps bytes and mode. */
function catalog(): { path: string; bytes: Buffer; mode: number } {
  const { path, bytes } = tempCatalog();
  chmodSync(path, 0o600);
  return { path, bytes, mode: statSync(path).mode };
}

/** A refresh that failed: exit 1, one line, no trace; the catalog's bytes and mode as they were, no temp or lock file. */
function expectFailed(r: Run, c: { path: string; bytes: Buffer; mode: number }, line: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
  expect(r.stderr.trim()).toMatch(line);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(readFileSync(c.path).equals(c.bytes)).toBe(true);
  expect(statSync(c.path).mode).toBe(c.mode);
  expect(readdirSync(dirname(c.path))).toEqual(["compute-prices.json"]);
}

describe("a total deadline", () => {
  it("a download that trickles a byte every 50 ms never trips --timeout 1 but ends at --deadline 2", async () => {
    const intercept: ServerOptions["intercept"] = (_req, res, { path }) => {
      if (!path.includes("AmazonSageMaker")) return false;
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"formatVersion":"v1.0","products":{');
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(" ")), 50);
      return true;
    };
    server = await startServer({ intercept });
    const c = catalog();
    const r = await aitracks(["pricing", "refresh", "--cloud", "aws", "--catalog", c.path, "--timeout", "1", "--deadline", "2"], server.env);
    expectFailed(r, c, /^aitracks: refresh failed: aws: did not finish within the 2 s deadline \(--deadline\): still reading http:\/\/127\.0\.0\.1:\d+\/aws\/offers\/v1\.0\/aws\/AmazonSageMaker\/current\/[\w-]+\/index\.json; the catalog was not changed$/);
  });

  it("--deadline is bounded like --timeout", async () => {
    server = await startServer();
    const r = await aitracks(["pricing", "refresh", "--dry-run", "--deadline", "0"], server.env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('aitracks: --deadline: expected seconds above 0, got "0"');
  });
});

describe("redirects stay on the price API's host", () => {
  it("a redirect to a link-local address is refused, not followed", async () => {
    server = await startServer({
      intercept: (_req, res, { path }) => {
        if (!path.startsWith("/azure/")) return false;
        res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/iam/security-credentials/" });
        res.end();
        return true;
      },
    });
    const c = catalog();
    const r = await aitracks(["pricing", "refresh", "--cloud", "azure", "--catalog", c.path], server.env);
    expectFailed(r, c, /^aitracks: refresh failed: azure: refused a redirect from http:\/\/127\.0\.0\.1:\d+\/azure\/api\/retail\/prices\S* to http:\/\/169\.254\.169\.254\/latest\/meta-data\/iam\/security-credentials\/: it leaves 127\.0\.0\.1:\d+; the catalog was not changed$/);
  });

  it("a redirect to another host name of the same machine is refused too", async () => {
    server = await startServer({
      intercept: (req, res, { path }) => {
        if (!path.startsWith("/azure/")) return false;
        res.writeHead(307, { location: `http://localhost:${new URL(server!.url).port}${req.url}` });
        res.end();
        return true;
      },
    });
    const c = catalog();
    const r = await aitracks(["pricing", "refresh", "--cloud", "azure", "--catalog", c.path], server.env);
    expectFailed(r, c, /refused a redirect from .* to http:\/\/localhost:\d+\/azure\/.*: it leaves 127\.0\.0\.1:\d+;/);
  });

  it("a redirect on the same host is followed", async () => {
    server = await startServer({
      intercept: (req, res, { path, n }) => {
        if (!path.startsWith("/azure/") || n !== 1) return false;
        res.writeHead(301, { location: req.url! });
        res.end();
        return true;
      },
    });
    const { path } = tempCatalog();
    const result = await refreshCatalog({ catalogPath: path, env: server.env, clouds: ["azure"], delayScale: 0.001, today: "2026-12-01" });
    expect(result.clouds[0]!.status).toBe("refreshed");
    expect(result.clouds[0]!.updated.length).toBeGreaterThan(0);
  });
});

it("a server's error text reaches the terminal without its control or bidi characters", async () => {
  server = await startServer({
    intercept: (_req, res, { path }) => {
      if (!path.startsWith("/azure/")) return false;
      const body = JSON.stringify({ error: { message: "bad\u001b[2J\u001b]0;pwned\u0007 request\r\nX-Injected: 1\u202e" } });
      res.writeHead(400, { "content-type": "application/json" });
      res.end(body);
      return true;
    },
  });
  const c = catalog();
  const r = await aitracks(["pricing", "refresh", "--cloud", "azure", "--catalog", c.path], server.env);
  expectFailed(r, c, /^aitracks: refresh failed: azure: HTTP 400 from http:\/\/127\.0\.0\.1:\d+\/azure\/\S+: bad \[2J \]0;pwned request X-Injected: 1; the catalog was not changed$/);
  expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
});

describe("two refreshes of one catalog: neither update is lost", () => {
  function file(text: string): string {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-fault-lock-"));
    const path = join(dir, "compute-prices.json");
    writeFileSync(path, text, { mode: 0o600 });
    return path;
  }

  it("the second writer waits for the first's rename, then finds the file changed and writes nothing", async () => {
    const path = file("original");
    const before = Buffer.from("original");
    let second: Promise<unknown> | undefined;
    // The first writer is held between its compare and its rename while the second one runs.
    const first = writeFileAtomic(path, "first", {
      expectedCurrent: before,
      beforeRename: async () => {
        second = writeFileAtomic(path, "second", { expectedCurrent: before }).then(
          () => "written",
          (e: unknown) => e,
        );
        await new Promise((r) => setTimeout(r, 300));
      },
    });
    await first;
    const outcome = await second;
    expect(outcome).toBeInstanceOf(RefreshError);
    expect((outcome as Error).message).toBe(`${path} changed on disk during the refresh; not overwritten (run the refresh again)`);
    expect(readFileSync(path, "utf8")).toBe("first");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dirname(path))).toEqual(["compute-prices.json"]);
  });

  it("a lock left by a process that is gone is taken over", async () => {
    const path = file("original");
    writeFileSync(join(dirname(path), ".compute-prices.json.lock"), "2147483646\n"); // no such pid
    await writeFileAtomic(path, "next", { expectedCurrent: Buffer.from("original") });
    expect(readFileSync(path, "utf8")).toBe("next");
    expect(readdirSync(dirname(path))).toEqual(["compute-prices.json"]);
  });

  it("a lock held by a live process is waited for, then the write fails naming it", async () => {
    const path = file("original");
    const lockFile = join(dirname(path), ".compute-prices.json.lock");
    writeFileSync(lockFile, `${process.pid}\n`);
    const err = await writeFileAtomic(path, "next", { expectedCurrent: Buffer.from("original"), lockWaitMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefreshError);
    expect((err as Error).message).toBe(`${path} is being written by another refresh (pid ${process.pid}, lock ${lockFile}); not overwritten (run the refresh again)`);
    expect(readFileSync(path, "utf8")).toBe("original");
    expect(readdirSync(dirname(path)).sort()).toEqual([".compute-prices.json.lock", "compute-prices.json"]);
  });
});
