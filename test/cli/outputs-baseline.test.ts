// @ts-nocheck
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aitracks, ROOT } from "../helpers/cli";

/**
 * What `aitracks cost --all --json` and `aitracks check --all --json` (both engines) print for
 * every example stack, pinned byte for byte: making the engine faster (or refactoring it) must not
 * change a figure, a verdict or the order of anything. The graphs are pinned by
 * test/preview/graphs-baseline.test.ts. Paths under the checkout are written `<root>/…` so the
 * baseline holds wherever the repository is cloned. After an intended change to a cost or a
 * verdict, regenerate with `AITRACKS_UPDATE_OUTPUTS=1 npx vitest run test/cli/outputs-baseline.test.ts`
 * and review `git diff test/fixtures/outputs/`.
 */
const DIR = join(ROOT, "test/fixtures/outputs");
const UPDATE = process.env.AITRACKS_UPDATE_OUTPUTS === "1";

/** The command's stdout with this checkout's path written as `<root>` (JSON-escaped, as printed). */
function normalised(stdout: string): string {
  const root = JSON.stringify(ROOT).slice(1, -1);
  return stdout.split(root).join("<root>");
}

describe("every example stack's cost and check JSON against the baseline", () => {
  for (const [command, file] of [
    ["cost", "cost-all.json"],
    ["check", "check-all.json"],
  ] as const) {
    it(`${command} --all --json: byte-identical`, () => {
      const r = aitracks([command, "--all", "--json"], { timeoutMs: 280_000 });
      expect(r.stderr).not.toMatch(/disagree/);
      expect(r.code).toBe(JSON.parse(r.stdout).exitCode);
      const actual = normalised(r.stdout);
      expect(actual).not.toContain(ROOT);
      const path = join(DIR, file);
      if (UPDATE) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(path, actual);
      }
      expect(existsSync(path), `${path} (regenerate with AITRACKS_UPDATE_OUTPUTS=1)`).toBe(true);
      // Compared as text, not parsed: key order and number formatting are part of the output.
      expect(actual).toBe(readFileSync(path, "utf8"));
    }, 300_000);
  }
});
