// @ts-nocheck
// Shared by the benchmarks: run a command and measure it (wall time, CPU time of the process and
// its children, peak memory summed over the process tree), and report a figure as min / median /
// max with its goal. A bench prints each figure as a line for people and as an `@@figure {json}`
// line that bench/run.mjs collects for `--json`.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

const PAGE_KB = 4; // /proc/<pid>/statm counts pages of 4 KiB on this platform
const TICK_MS = 10; // /proc/<pid>/stat counts CPU time in clock ticks (USER_HZ = 100)

/** Ids of a process and all its descendants (Linux /proc; empty elsewhere). */
function tree(pid) {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const dir = `/proc/${out[i]}/task`;
    if (!existsSync(dir)) continue;
    try {
      for (const t of readdirSync(dir)) {
        const kids = readFileSync(`${dir}/${t}/children`, "utf8").trim();
        if (kids) out.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

function rssKb(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * PAGE_KB;
  } catch {
    return 0;
  }
}

/** CPU ms (user + system) of a process, its threads and its waited-for children, from /proc. */
function cpuMs(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = f.slice(f.lastIndexOf(")") + 2).split(" ");
    // fields 14-17 (utime stime cutime cstime), counted from `state` = field 3 at index 0
    return (Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/**
 * Run `node <args>` (cwd, env) and measure it: wallMs from spawn to exit; peakMiB the largest sum
 * of resident memory over the process and its descendants, sampled every 10 ms; cpuMs the CPU
 * time of the tree (read just before the process is reaped, so children it waited for count).
 */
export function measure(args, { cwd, env, input } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.stdin.end(input ?? "");
    let peakKb = 0;
    let cpu;
    const sample = () => {
      let sum = 0;
      let c = 0;
      for (const pid of tree(child.pid)) {
        sum += rssKb(pid);
        c += cpuMs(pid) ?? 0;
      }
      if (sum > peakKb) peakKb = sum;
      if (c) cpu = c;
    };
    const timer = setInterval(sample, 10);
    child.on("error", reject);
    child.on("exit", (code) => {
      const wallMs = performance.now() - t0;
      clearInterval(timer);
      resolve({ code, wallMs, cpuMs: cpu, peakMiB: peakKb / 1024, stdout, stderr });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * One figure: samples → min / median / max, the goal (`{ max }` or `{ min }`) and whether the
 * median meets it. Prints a line, and an `@@figure` JSON line for bench/run.mjs.
 */
export function figure({ id, what, unit, samples, goal, note }) {
  const xs = samples.filter((x) => typeof x === "number" && Number.isFinite(x));
  const f = {
    id,
    what,
    unit,
    runs: xs.length,
    min: xs.length ? Math.min(...xs) : null,
    median: xs.length ? median(xs) : null,
    max: xs.length ? Math.max(...xs) : null,
    ...(goal ? { goal } : {}),
    ...(goal && xs.length ? { met: goal.max !== undefined ? median(xs) <= goal.max : median(xs) >= goal.min } : {}),
    ...(note ? { note } : {}),
  };
  const n = (x) => (x === null ? "-" : unit === "ms" || unit === "MiB" || unit === "KiB" ? x.toFixed(0) : unit === "x" ? x.toFixed(2) : Math.round(x).toLocaleString("en-US"));
  const g = goal ? `goal ${goal.max !== undefined ? "≤" : "≥"} ${goal.max ?? goal.min} ${unit}  ${f.met ? "met" : "NOT met"}` : "";
  console.log(`${what.padEnd(66)} ${`${n(f.min)} / ${n(f.median)} / ${n(f.max)} ${unit}`.padStart(26)}  (min/median/max of ${f.runs})  ${g}${note ? `  [${note}]` : ""}`);
  console.log(`@@figure ${JSON.stringify(f)}`);
  return f;
}

/** How many paired rounds to run: BENCH_RUNS, else the bench's own default. */
export function runs(fallback) {
  const n = Number(process.env.BENCH_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
