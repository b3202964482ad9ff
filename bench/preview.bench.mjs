// @ts-nocheck
// Offline preview: cold `aitracks preview --stack buy-aws`, and a synthetic 1,000-resource program.
// Targets (issue 3): cold buy-aws under 2 s wall; 1,000 resources under 3 s and 600 MB peak.
import { spawnSync } from "node:child_process";

function measure(args, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["bench/lib/measure.cjs", ...args], { encoding: "utf8" });
    const outerMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const line = r.stderr.split("\n").find((l) => l.startsWith("@@measure "));
    if (!line || r.status !== 0) throw new Error(`run failed (${r.status}): ${r.stderr.slice(0, 400)}`);
    results.push({ ...JSON.parse(line.slice(10)), outerMs });
  }
  results.sort((a, b) => a.outerMs - b.outerMs);
  return results[Math.floor(results.length / 2)];
}

const fmt = (m) => `${m.outerMs.toFixed(0)} ms wall (process start to exit), ${m.maxRssMb.toFixed(0)} MB peak RSS`;
console.log(`cold preview --stack buy-aws (median of 5):          ${fmt(measure(["preview", "--stack", "buy-aws", "--json"], 5))}`);
console.log(`preview of a synthetic 1,000-resource program (median of 3): ${fmt(measure(["preview", "--program", "bench/fixtures/synthetic", "--stack", "bench", "--json"], 3))}`);

// Where the time goes: loading @pulumi/pulumi vs. the rest.
const load = spawnSync(process.execPath, ["-e", "const t=process.hrtime.bigint();require('@pulumi/pulumi');console.log(Number(process.hrtime.bigint()-t)/1e6)"], { encoding: "utf8" });
console.log(`  of which loading @pulumi/pulumi:                    ${Number(load.stdout).toFixed(0)} ms`);
