// @ts-nocheck
// Cold start of the CLI: `aitracks --help` and `aitracks tco examples/workloads/requests-10k.yaml`,
// each spawned fresh (median of 11). Target < 400 ms. Reads the built CLI (npx tsc -b first).
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "packages/cli/bin/aitracks.js");
const RUNS = 11;

function coldMs(args) {
  const t = [];
  let status = 0;
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: "ignore" });
    t.push(performance.now() - s);
    if (r.status !== 0) status = r.status ?? 1;
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(RUNS / 2)], min: t[0], max: t[RUNS - 1], status };
}

const node = (() => {
  const t = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    spawnSync(process.execPath, ["-e", "0"], { stdio: "ignore" });
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
})();

console.log(`bare node -e 0 (floor)                         ${node.toFixed(0).padStart(5)} ms`);
for (const [label, args] of [
  ["aitracks --help", ["--help"]],
  ["aitracks tco examples/workloads/requests-10k.yaml", ["tco", "examples/workloads/requests-10k.yaml"]],
]) {
  const r = coldMs(args);
  console.log(
    `${label.padEnd(48)} ${r.median.toFixed(0).padStart(5)} ms median (min ${r.min.toFixed(0)}, max ${r.max.toFixed(0)})   target < 400 ms${r.status ? `  [exit ${r.status}]` : ""}`,
  );
}
