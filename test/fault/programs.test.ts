import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aitracks } from "../helpers/cli";
import { ROOT, expectOneLine, scratch } from "./helpers";

// Program supervision: a program that exits early, throws from a timer, never finishes, talks on
// stdout, registers a URN twice or has no dependencies ends in one line and exit 2 — never a
// silent pass, a stack trace, or corrupt --json. Each hostile program is in test/fault/programs/.

const program = (name: string) => join(ROOT, "test", "fault", "programs", name);
const run = (args: readonly string[]) => aitracks(args, { timeoutMs: 150_000 });
const T = 200_000;

describe("a program that does not finish is not a pass (exit 2, one line)", () => {
  it("never settles, with a live timer: stopped by --timeout 3", { timeout: T }, () => {
    const r = run(["preview", "--program", program("never-settles"), "--stack", "dev", "--json", "--timeout", "3"]);
    expectOneLine(r, 2, /^aitracks: the program did not finish within 3 s \(--timeout 3\): a promise that never settles, or a timer or handle that keeps it running$/);
    expect(r.stdout).toBe("");
  });

  it("never settles with nothing left to run: said at once", { timeout: T }, () => {
    const r = run(["preview", "--program", program("pending-forever"), "--stack", "dev", "--json"]);
    expectOneLine(r, 2, /^aitracks: program error: the program's promise never settled/);
    expect(r.stdout).toBe("");
  });

  it("process.exit(0) from a timer with a public-read bucket: check exits 2, not 0", { timeout: T }, () => {
    const r = run(["check", "--program", program("exit-zero-from-timer"), "--stack", "dev", "--engine", "in-process"]);
    expectOneLine(r, 2, /^aitracks: program exited with code 0 before it finished$/);
    expect(r.stdout).toBe("");
  });

  it("process.exit(3): exit 2 saying the program's own code", { timeout: T }, () => {
    const r = run(["cost", "--program", program("exit-three"), "--stack", "dev", "--json"]);
    expectOneLine(r, 2, /^aitracks: program exited with code 3 before it finished$/);
    expect(r.stdout).toBe("");
  });

  it("a throw from a timer names the program's file and line (through its TypeScript source)", { timeout: T }, () => {
    const r = run(["preview", "--program", program("async-throw"), "--stack", "dev"]);
    expectOneLine(r, 2, /^aitracks: program error: index\.ts:5: boom: object$/);
    expect(r.stdout).toBe("");
  });
});

describe("what a program prints goes to stderr, never into --json", () => {
  it("stdout noise: --json still parses and holds the graph; the noise is on stderr", { timeout: T }, () => {
    const r = run(["preview", "--program", program("stdout-noise"), "--stack", "dev", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const graph = JSON.parse(r.stdout) as { resources: { type: string; name: string }[] };
    expect(graph.resources.filter((x) => x.type === "aws:s3/bucket:Bucket").map((x) => x.name)).toEqual(["data"]);
    expect(r.stderr).toContain("hello from the program on stdout");
    expect(r.stderr).toContain("{ not json");
    expect(r.stderr).toContain("and on stderr");
  });
});

describe("programs Pulumi would refuse, or cannot run", () => {
  it("a duplicate URN is refused, naming it", { timeout: T }, () => {
    const r = run(["preview", "--program", program("duplicate-urn"), "--stack", "dev", "--json"]);
    expectOneLine(r, 2, /^aitracks: duplicate URN urn:pulumi:dev::duplicate-urn::pulumi:pulumi:Stack\$aws:s3\/bucket:Bucket::data: two resources with the same type and name/);
    expect(r.stdout).toBe("");
  });

  it("no node_modules: dependencies are not installed, with the folder to run npm install in", { timeout: T }, () => {
    // Outside the repository, so Node's lookup cannot find our node_modules above it.
    const dir = join(scratch("no-deps"), "no-deps");
    cpSync(program("no-deps"), dir, { recursive: true });
    const r = run(["preview", "--program", dir, "--stack", "dev", "--json"]);
    expectOneLine(r, 2, new RegExp(`^aitracks: ${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: dependencies are not installed \\(run npm install in ${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\)$`));
    expect(r.stdout).toBe("");
  });
});
