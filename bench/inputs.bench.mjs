// Input files: time to read and parse flat YAML and JSON maps of 25,000 / 50,000 / 100,000 keys
// (100,000 keys is the 1.4 MB file that took 104 s with the yaml library's own duplicate-key
// check), and a YAML file just under the 2 MB bound of a YAML input. Linear means the time per
// key stays flat as the count doubles. Reads the built core (npx tsc -b first). No assertions.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const core = require(join(root, "packages/core/dist/index.js"));
const dir = mkdtempSync(join(tmpdir(), "aitracks-bench-inputs-"));

const key = (i) => `key_${String(i).padStart(6, "0")}`;
function time(path) {
  const s = performance.now();
  core.readDataFile(path);
  return performance.now() - s;
}

console.log(`Node ${process.version}; limit ${core.INPUT_LIMITS.file / 1024 / 1024} MB per input file`);
for (const n of [25_000, 50_000, 100_000]) {
  let yaml = "";
  for (let i = 0; i < n; i++) yaml += `${key(i)}: 1\n`;
  const json = `{${Array.from({ length: n }, (_, i) => `"${key(i)}":1`).join(",")}}`;
  const y = join(dir, `${n}.yaml`);
  const j = join(dir, `${n}.json`);
  writeFileSync(y, yaml);
  writeFileSync(j, json);
  const ty = time(y);
  const tj = time(j);
  console.log(
    `${String(n).padStart(7)} keys  YAML ${(yaml.length / 1e6).toFixed(1)} MB ${ty.toFixed(0).padStart(6)} ms (${((ty / n) * 1000).toFixed(1)} µs/key)` +
      `   JSON ${(json.length / 1e6).toFixed(1)} MB ${tj.toFixed(0).padStart(5)} ms (${((tj / n) * 1000).toFixed(1)} µs/key)`,
  );
}
// The largest YAML input: a list of small maps with flow lists, just under the bound.
const unit = "  - name: item\n    tags: [a, b, c]\n    size: 12\n";
const big = join(dir, "largest.yaml");
const items = Math.floor((core.INPUT_LIMITS.yaml - 10) / unit.length);
writeFileSync(big, `items:\n${unit.repeat(items)}`);
const before = process.memoryUsage().rss;
const t = time(big);
console.log(`YAML just under the ${core.INPUT_LIMITS.yaml / 1024 / 1024} MB bound (${items} list items): ${(t / 1000).toFixed(1)} s, RSS +${Math.round((process.memoryUsage().rss - before) / 1e6)} MB`);
rmSync(dir, { recursive: true, force: true });
