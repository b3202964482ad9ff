// @ts-nocheck
// Compares the TCO figures of this checkout with another built checkout, bit for bit: Monte
// Carlo of every example workload, and the detailed projection of every option at the point
// values and at 300 fuzzed parameter sets per workload (scaled, zeroed, small integers). For a
// speed change to the projections, which must not move a figure (CONTRIBUTING.md).
//
//   node scripts/tco-bit-exact.mjs <other built checkout>      exit 0 all equal, 1 a difference
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const other = process.argv[2];
if (!other) {
  console.error("usage: node scripts/tco-bit-exact.mjs <other built checkout>");
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const A = require(join(other, "packages/core/dist/index.js"));
const B = require(join(root, "packages/core/dist/index.js"));
const dir = join(root, "examples/workloads");
const rng = B.mulberry32(99);
let compared = 0;
let differ = 0;
const same = (what, a, b) => {
  compared++;
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  differ++;
  if (differ <= 5) console.log(`differs: ${what}`);
};
for (const f of readdirSync(dir).filter((x) => /\.ya?ml$/.test(x)).sort()) {
  let file;
  try {
    file = B.loadFile(B.workloadFileSchema, join(dir, f));
  } catch {
    continue; // an example of bad input
  }
  const ma = A.resolveTco(file);
  const mb = B.resolveTco(file);
  same(`${f} monteCarlo`, A.monteCarlo(ma, { samples: 3_000, seed: 7 }), B.monteCarlo(mb, { samples: 3_000, seed: 7 }));
  for (let k = 0; k <= 300; k++) {
    const p = { ...mb.point };
    if (k > 0) {
      for (const key of Object.keys(p)) {
        const r = rng();
        if (r < 0.3) p[key] = p[key] * (0.5 + rng() * 2);
        else if (r < 0.35) p[key] = 0;
        else if (r < 0.4) p[key] = Math.floor(rng() * 30);
      }
    }
    for (const o of mb.options) same(`${f} ${o} #${k}`, A.projectDetailed(ma, o, p), B.projectDetailed(mb, o, p));
  }
}
console.log(`${compared} compared, ${differ} differ`);
process.exit(differ ? 1 : 0);
