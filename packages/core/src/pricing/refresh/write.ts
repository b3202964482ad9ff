import { randomBytes } from "node:crypto";
import { open, readFile, rename, stat, unlink } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import { basename, dirname, join } from "node:path";
import { RefreshError } from "./types";

export interface AtomicWriteOptions {
  /**
   * The bytes the file held when we read it: if it changed since (another refresh, an editor),
   * nothing is written and the refresh fails rather than overwrite someone else's change.
   */
  readonly expectedCurrent?: Buffer;
  /** How long to wait for another writer's lock on the file before giving up. Default 30 s. */
  readonly lockWaitMs?: number;
  /** Runs with the lock held, after the compare and before the rename (tests widen the window with it). */
  readonly beforeRename?: () => Promise<void>;
}

/** Is a process with this id running (a lock's holder)? */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Take `.<file>.lock` next to the file (created exclusively, holding our pid); returns its release.
 * A lock whose process is gone (killed mid-write) is taken over; a live one is waited for, up to
 * `waitMs`, then the write fails naming the holder.
 */
async function lock(path: string, waitMs: number): Promise<() => Promise<void>> {
  const lockPath = join(dirname(path), `.${basename(path)}.lock`);
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      const fh = await open(lockPath, "wx", 0o644);
      try {
        await fh.writeFile(`${process.pid}\n`, "utf8");
      } finally {
        await fh.close();
      }
      return () => unlink(lockPath).catch(() => undefined);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw new RefreshError(`cannot lock ${path}: ${(err as Error).message}`);
    }
    let holder = Number.NaN;
    let age = 0;
    try {
      holder = Number.parseInt(await readFile(lockPath, "utf8"), 10);
      age = Date.now() - (await stat(lockPath)).mtimeMs;
    } catch {
      continue; // released meanwhile: try again
    }
    // A lock with no pid yet is being taken right now, unless it is old.
    const stale = Number.isNaN(holder) ? age > 5_000 : !alive(holder);
    if (stale) {
      await unlink(lockPath).catch(() => undefined);
      continue;
    }
    if (Date.now() >= until) {
      throw new RefreshError(`${path} is being written by another refresh (pid ${holder}, lock ${lockPath}); not overwritten (run the refresh again)`);
    }
    await delay(50);
  }
}

/**
 * Write a file atomically: a temporary file in the same directory (same file system), flushed to
 * disk, then renamed over the target. Readers see the old bytes or the new ones, never a mix; a
 * failure at any step leaves the target untouched and removes the temporary file. With
 * `expectedCurrent`, the compare and the rename happen under a lock file, so of two refreshes
 * that read the same catalog one writes and the other finds it changed: no update is lost.
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
  let release: (() => Promise<void>) | undefined;
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
      release = await lock(path, opts.lockWaitMs ?? 30_000);
      const now = await readFile(path);
      if (!now.equals(opts.expectedCurrent)) {
        throw new RefreshError(`${path} changed on disk during the refresh; not overwritten (run the refresh again)`);
      }
    }
    await opts.beforeRename?.();
    await rename(tmp, path);
    created = false;
    await release?.();
    release = undefined;
  } catch (err) {
    await release?.();
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
