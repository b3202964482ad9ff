// @ts-nocheck
// Preview time of each corpus program (test/corpus/, installed by test/corpus/install.mjs): the
// first run after an install (the program's own TypeScript and modules cold on disk) and warm
// (median of the next 3). Programs that do not load are reported as such, not timed.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const install = spawnSync(process.execPath, ["test/corpus/install.mjs"], { stdio: "inherit" });
if (install.status !== 0) process.exit(1);

function previewMs(dir, stack) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["packages/cli/bin/aitracks.js", "preview", "--program", dir, "--stack", stack, "--json"], { encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return r.status === 0 ? ms : new Error(r.stderr.trim().split("\n")[0]);
}

for (const name of readdirSync("test/corpus").sort()) {
  const dir = `test/corpus/${name}`;
  if (!existsSync(`${dir}/package.json`)) continue;
  const stack = readdirSync(dir).map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1]).find(Boolean);
  const first = previewMs(dir, stack);
  if (first instanceof Error) {
    console.log(`${name.padEnd(28)} does not load: ${first.message}`);
    continue;
  }
  const warm = [previewMs(dir, stack), previewMs(dir, stack), previewMs(dir, stack)].filter((m) => typeof m === "number").sort((a, b) => a - b);
  console.log(`${name.padEnd(28)} first ${first.toFixed(0).padStart(6)} ms, warm ${warm[1]?.toFixed(0).padStart(6) ?? "?"} ms (median of 3)`);
}
