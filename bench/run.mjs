// @ts-nocheck
// Runs every benchmark in bench/ (files named *.bench.mjs), one after another, each in its own
// process so that cold-start figures stay cold. Each prints its own figures. Usage: npm run bench
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.mjs") && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n== ${f}`);
  const r = spawnSync(process.execPath, [join(here, f)], { stdio: "inherit", cwd: join(here, "..") });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
