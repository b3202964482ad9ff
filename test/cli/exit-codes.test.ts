import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aitracks, ROOT } from "../helpers/cli";
import { expectOneLine, put, scratch } from "../fault/helpers";

// The exit codes pipelines rely on: 0 fine, 1 a policy or gate failed, 2 bad input or a program
// that failed, 70 an internal error of aitracks itself (never 1, which reads as "a policy failed").

const BUG = join(ROOT, "test", "cli", "fixtures", "simulated-bug.cjs");
const DECISION = join(ROOT, "examples", "decisions", "clear-buy.yaml");
const MESSAGE = "aitracks: internal error: Cannot read properties of undefined (reading 'score')";

describe("an internal error: exit 70, one line", () => {
  it("text: the one line on stderr, nothing on stdout, no stack trace", () => {
    const r = aitracks(["decide", DECISION], { env: { NODE_OPTIONS: `--require ${BUG}` } });
    expectOneLine(r, 70, new RegExp(`^${MESSAGE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    expect(r.stdout).toBe("");
  });

  it("--json: a JSON error object on stdout as well", () => {
    const r = aitracks(["decide", DECISION, "--json"], { env: { NODE_OPTIONS: `--require ${BUG}` } });
    expectOneLine(r, 70, /^aitracks: internal error: /);
    expect(JSON.parse(r.stdout)).toEqual({
      version: 1,
      error: { kind: "internal", message: "internal error: Cannot read properties of undefined (reading 'score')", exitCode: 70 },
    });
  });

  it("the same command without the bug exits 0", () => {
    expect(aitracks(["decide", DECISION, "--json"]).code).toBe(0);
  });
});

describe("bad input stays exit 2", () => {
  it("a stack config that is a scalar (a file holding just `hello`)", () => {
    const file = put(scratch("scalar"), "Pulumi.buy-aws.yaml", "hello\n");
    const r = aitracks(["preview", "--stack", "buy-aws", "--config", file, "--json"]);
    expectOneLine(r, 2, new RegExp(`^aitracks: ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: expected a map \\(config: \\.\\.\\.\\), got a string$`));
    expect(r.stdout).toBe("");
  });

  it("--timeout that is not a number of seconds", () => {
    const r = aitracks(["preview", "--stack", "buy-aws", "--timeout", "0"]);
    expectOneLine(r, 2, /^aitracks: --timeout: expected a number of seconds from 1 to 86400, got "0"$/);
  });
});

describe("a reader that closes the pipe early", () => {
  it("preview --json | head -c 10: ends quietly, exit 0", () => {
    const bin = join(ROOT, "packages", "cli", "bin", "aitracks.js");
    const r = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" preview --stack buy-aws --json | head -c 10; echo "exit \${PIPESTATUS[0]}" >&2`], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stdout).toBe('{\n  "versi');
    expect(r.stderr).toBe("exit 0\n");
  }, 150_000);
});
