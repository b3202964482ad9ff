/**
 * Every test run gets its own temporary folder, removed when the run ends: tests and the commands
 * they start write their scratch files (mkdtemp under os.tmpdir()) there, so a run leaves nothing
 * behind in the machine's /tmp. Set before the workers start; they and every process they spawn
 * inherit it. A cache that should outlive the run (the packed-install project of
 * test/pack/install.test.ts) goes under AITRACKS_TEST_PERSISTENT_TMP, the machine's own folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const machine = process.env.AITRACKS_TEST_PERSISTENT_TMP ?? tmpdir();
  const dir = mkdtempSync(join(machine, "aitracks-test-run-"));
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  process.env.AITRACKS_TEST_PERSISTENT_TMP = machine;
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = dir;
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
