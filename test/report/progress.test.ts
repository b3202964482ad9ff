// @ts-nocheck
// The progress line: drawn on a terminal, silent when piped, redirected or with --json.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bar, createProgress, progressEnabled } from "../../packages/cli/src/progress";

function fakeStream(isTTY: boolean, columns = 100) {
  const writes: string[] = [];
  return { stream: { isTTY, columns, write: (s: string) => writes.push(s) }, writes };
}

describe("progress", () => {
  it("is quiet unless stderr and stdout are terminals and --json is not given", () => {
    const tty = fakeStream(true).stream;
    expect(progressEnabled({ stream: tty, stdoutIsTTY: true, env: {} })).toBe(true);
    expect(progressEnabled({ stream: tty, stdoutIsTTY: false, env: {} })).toBe(false); // stdout piped
    expect(progressEnabled({ stream: fakeStream(false).stream, stdoutIsTTY: true, env: {} })).toBe(false); // stderr redirected
    expect(progressEnabled({ stream: tty, stdoutIsTTY: true, json: true, env: {} })).toBe(false);
    expect(progressEnabled({ stream: tty, stdoutIsTTY: true, env: { TERM: "dumb" } })).toBe(false);

    const { stream, writes } = fakeStream(false);
    const p = createProgress({ stream, stdoutIsTTY: true, env: {} });
    p.step("Monte Carlo", 10);
    p.tick(10, 10);
    p.clear();
    expect(p.enabled).toBe(false);
    expect(writes).toEqual([]);
  });

  it("redraws one line, at most every 80 ms, always at 100%, and erases it", () => {
    let now = 0;
    const { stream, writes } = fakeStream(true);
    const p = createProgress({ stream, stdoutIsTTY: true, env: {}, now: () => now });
    p.step("Monte Carlo", 2000);
    now = 10;
    p.tick(40, 2000); // too soon after the step: skipped
    now = 100;
    p.tick(1000, 2000);
    now = 120;
    p.tick(2000, 2000); // finished: drawn even though 20 ms passed
    p.clear();
    expect(writes).toEqual([
      "\r\x1b[2Kaitracks: Monte Carlo...",
      "\r\x1b[2Kaitracks: Monte Carlo 1,000/2,000 [##########----------] 50%",
      "\r\x1b[2Kaitracks: Monte Carlo 2,000/2,000 [####################] 100%",
      "\r\x1b[2K",
    ]);
  });

  it("fits the terminal width", () => {
    const { stream, writes } = fakeStream(true, 30);
    createProgress({ stream, stdoutIsTTY: true, env: {} }).step("previewing stack with-a-very-long-name");
    expect(writes[0]).toBe("\r\x1b[2Kaitracks: previewing stack...");
    expect(writes[0]!.length - "\r\x1b[2K".length).toBe(29);
  });

  it("draws a bar", () => {
    expect(bar(0, 10)).toBe("[--------------------] 0%");
    expect(bar(1, 3)).toBe("[#######-------------] 33%");
    expect(bar(5, 0)).toBe("[--------------------] 0%");
  });
});

const root = join(__dirname, "..", "..");
const bin = join(root, "packages", "cli", "bin", "aitracks.js");
const hasScript = spawnSync("script", ["--version"]).status === 0;

describe("progress from the built CLI", () => {
  it("prints nothing on stderr when output is piped", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-progress-"));
    const r = spawnSync(process.execPath, [bin, "report", "examples/decisions/clear-fine-tune.yaml", "examples/workloads/requests-ranges.yaml", "--out", join(dir, "r.html"), "--samples", "3000"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const t = spawnSync(process.execPath, [bin, "tco", "examples/workloads/requests-ranges.yaml", "--samples", "3000"], { cwd: root, encoding: "utf8" });
    expect(t.stderr).toBe("");
  });

  it.skipIf(!hasScript)("draws the Monte Carlo and report steps on a terminal (util-linux `script` gives a pty), and not with --json", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-progress-"));
    const cmd = (args: string) => spawnSync("script", ["-qec", `${process.execPath} ${bin} ${args}`, "/dev/null"], { cwd: root, encoding: "utf8" }).stdout;
    const shown = cmd(`report examples/decisions/clear-fine-tune.yaml examples/workloads/requests-ranges.yaml --out ${join(dir, "r.html")} --samples 5000`);
    expect(shown).toContain("aitracks: Monte Carlo 5,000/5,000 [####################] 100%");
    expect(shown).toContain("aitracks: rendering the charts 3/3");
    expect(shown).toMatch(/\r\x1b\[2KWrote /); // the line is erased before the result
    const json = cmd(`report examples/decisions/clear-fine-tune.yaml examples/workloads/requests-ranges.yaml --out ${join(dir, "r2.html")} --samples 5000 --json`);
    expect(json).not.toContain("aitracks:");
    expect(JSON.parse(json.replace(/\r/g, "")).recommendation).toBe("fine-tune");
  });
});
