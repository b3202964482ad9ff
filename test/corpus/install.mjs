// @ts-nocheck
// Installs every corpus program from its own package-lock.json, as its owner would (`npm ci` in
// the program's folder), never through the repository's node_modules. Idempotent: a program whose
// node_modules holds a stamp with its lock's hash is left alone, so `npm test` pays for the
// installs once per clone. Usage: node test/corpus/install.mjs
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// npm ci is mostly waiting on the network and the disk: a few at once, not one per core.
const CONCURRENCY = 3;
// Inside node_modules, so that removing node_modules also removes the stamp.
const STAMP = join("node_modules", ".corpus-lock-hash");

const programs = readdirSync(here, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(here, e.name, "package.json")))
  .map((e) => join(here, e.name));

function lockHash(dir) {
  const lock = join(dir, "package-lock.json");
  if (!existsSync(lock)) throw new Error(`${relative(process.cwd(), dir)}: no package-lock.json (run npm install there and commit the lock)`);
  return createHash("sha256").update(readFileSync(lock)).digest("hex");
}

function upToDate(dir, hash) {
  const stamp = join(dir, STAMP);
  return existsSync(stamp) && readFileSync(stamp, "utf8").trim() === hash;
}

function npmCi(dir) {
  return new Promise((resolve) => {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const child = spawn(npm, ["ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", (err) => resolve({ code: -1, out: err.message }));
    child.on("close", (code) => resolve({ code: code ?? -1, out }));
  });
}

async function install(dir) {
  const hash = lockHash(dir);
  if (upToDate(dir, hash)) return "cached";
  const { code, out } = await npmCi(dir);
  if (code !== 0) {
    const why = out.split("\n").map((l) => l.replace(/^npm (error|ERR!) ?/, "").trim()).filter(Boolean).find((l) => !/^(A complete log|code )/.test(l));
    throw new Error(`${relative(process.cwd(), dir)}: npm ci failed (exit ${code}): ${why ?? "no output"}`);
  }
  writeFileSync(join(dir, STAMP), `${hash}\n`);
  return "installed";
}

const t0 = Date.now();
const queue = [...programs];
const counts = { installed: 0, cached: 0 };
const failures = [];
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let dir; (dir = queue.shift()); ) {
      try {
        counts[await install(dir)]++;
      } catch (err) {
        failures.push(err.message);
      }
    }
  }),
);
const secs = ((Date.now() - t0) / 1000).toFixed(1);
if (failures.length) {
  for (const f of failures) console.error(`corpus install: ${f}`);
  process.exit(1);
}
console.log(`corpus install: ${programs.length} programs ready (${counts.installed} installed, ${counts.cached} already installed) in ${secs} s`);
