import { randomBytes } from "node:crypto";
import { open, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { RefreshError } from "./types";

export interface AtomicWriteOptions {
  /**
   * The bytes the file held when we read it: if it changed since (another refresh, an editor),
   * nothing is written and the refresh fails rather than overwrite someone else's change.
   */
  readonly expectedCurrent?: Buffer;
}

/**
 * Write a file atomically: a temporary file in the same directory (same file system), flushed to
 * disk, then renamed over the target. Readers see the old bytes or the new ones, never a mix; a
 * failure at any step leaves the target untouched and removes the temporary file.
 */
export async function writeFileAtomic(path: string, data: string, opts: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  let mode = 0o644;
  try {
    mode = (await stat(path)).mode & 0o777;
  } catch {
    // new file: default mode
  }
  let created = false;
  try {
    const fh = await open(tmp, "wx", mode);
    created = true;
    try {
      await fh.writeFile(data, "utf8");
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (opts.expectedCurrent) {
      const now = await readFile(path);
      if (!now.equals(opts.expectedCurrent)) {
        throw new RefreshError(`${path} changed on disk during the refresh; not overwritten (run the refresh again)`);
      }
    }
    await rename(tmp, path);
    created = false;
  } catch (err) {
    if (created) await unlink(tmp).catch(() => undefined);
    if (err instanceof RefreshError) throw err;
    throw new RefreshError(`cannot write ${path}: ${(err as Error).message}`);
  }
  // Make the rename itself durable where the platform allows it.
  try {
    const d = await open(dir, "r");
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // not supported (e.g. Windows): the rename is still atomic
  }
}
