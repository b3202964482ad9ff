import {
  closeSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../errors";

/**
 * The one writer of every file aitracks writes (`decide --adr`, `report --out`, the catalog of
 * `pricing refresh`). It cannot destroy:
 *
 * - the target is compared by identity (device + inode, through symlinks and hard links) with
 *   every input of the same command, and refused when it is one of them;
 * - only a regular file (or a new one) is written: a device (`/dev/null` as root), a FIFO, a socket
 *   or a folder is refused;
 * - a symlink is written through: the file it points to gets the new bytes, the link stays a link
 *   (a dangling link is refused);
 * - a temporary file in the target's folder, flushed, then renamed over it: readers see the old
 *   bytes or the new ones; an existing file keeps its mode (0600 stays 0600);
 * - SIGINT, SIGTERM or SIGHUP during a write leave no temporary file behind;
 * - with `expectedCurrent`, the target's bytes are compared just before the rename
 *   (compare-and-swap) and nothing is written when they changed.
 */
export interface WriteOptions {
  /** How the target was given, for messages (`--adr out.md`); default the path. */
  readonly label?: string;
  /** The files the same command reads, each with what it is for messages: never written over. */
  readonly inputs?: readonly OutputInput[];
  /** A file name to suggest when the target is a folder (`decision.md`). */
  readonly example?: string;
  /** The bytes the target held when it was read; if it changed since, nothing is written. */
  readonly expectedCurrent?: Buffer;
}

export interface OutputInput {
  readonly path: string;
  /** `the decision file itself`, `one of the input files`. */
  readonly is: string;
}

export interface OutputTarget {
  /** The file the bytes land in (a symlink resolved to its target). */
  readonly path: string;
  /** The existing file's permission bits, kept by the write; undefined for a new file. */
  readonly mode: number | undefined;
}

/**
 * Where a write to `path` would land, or an InputError saying why it may not. Commands call it
 * before any work (so bad input writes and runs nothing); the writer calls it again at the write.
 */
export function checkOutputPath(path: string, opts: Pick<WriteOptions, "label" | "inputs" | "example"> = {}): OutputTarget {
  const label = opts.label ?? path;
  if (path.trim() === "") throw new InputError(`${label}: expected a file path`);
  let target = resolve(path);
  let stats = lstatOrUndefined(target);
  if (stats?.isSymbolicLink()) {
    try {
      target = realpathSync(target);
    } catch {
      throw new InputError(`${label}: is a symlink to a file that does not exist; give the target's path`);
    }
    stats = statSync(target);
  }
  if (stats === undefined) {
    const dir = dirname(target);
    if (!statOrUndefined(dir)?.isDirectory()) throw new InputError(`${label}: directory ${dirname(path)} does not exist`);
    return { path: target, mode: undefined };
  }
  if (stats.isDirectory()) throw new InputError(`${label}: is a directory; expected a file such as ${join(path, opts.example ?? "out")}`);
  if (!stats.isFile()) throw new InputError(`${label}: is not a regular file (a device, FIFO or socket); not written`);
  for (const input of opts.inputs ?? []) {
    const s = statOrUndefined(input.path);
    if (s !== undefined && s.dev === stats.dev && s.ino === stats.ino) throw new InputError(`${label}: is ${input.is}; choose another path`);
  }
  return { path: target, mode: stats.mode & 0o7777 };
}

/** Write `data` to `path` as the interface above says; throws InputError naming `label`. */
export function writeFileSafely(path: string, data: string | Buffer, opts: WriteOptions = {}): void {
  const label = opts.label ?? path;
  const target = checkOutputPath(path, opts);
  const tmp = join(dirname(target.path), `.${basename(target.path)}.${process.pid}.${tmpSuffix()}.tmp`);
  guardTemp(tmp);
  let created = false;
  try {
    const fd = openSync(tmp, "wx", target.mode ?? 0o666);
    created = true;
    try {
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
      // open() applies the umask; an existing file's mode is kept exactly.
      if (target.mode !== undefined) fchmodSync(fd, target.mode);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (opts.expectedCurrent !== undefined) {
      let now: Buffer;
      try {
        now = readFileSync(target.path);
      } catch {
        now = Buffer.alloc(0);
      }
      if (!now.equals(opts.expectedCurrent)) throw new InputError(`${label}: changed on disk since it was read; not overwritten (run again)`);
    }
    renameSync(tmp, target.path);
    created = false;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${label}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  } finally {
    if (created) {
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
    live.delete(tmp);
  }
  syncDir(dirname(target.path));
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Make the rename durable where the platform allows it (not on Windows: the rename is still atomic). */
function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not supported
  }
}

// ---------------------------------------------------------------------------------------------
// Temporary files on signals. Without a listener, SIGTERM kills the process mid-write and the
// temporary file stays; with one, Node runs it once the (synchronous) write has returned, and a
// write in progress is finished or cleaned up. The listener then removes whatever is left and
// re-raises the signal, so the process still ends the way the signal says.

const live = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let installed = false;

function guardTemp(tmp: string): void {
  live.add(tmp);
  if (installed) return;
  installed = true;
  for (const sig of SIGNALS) process.on(sig, onSignal);
}

function onSignal(sig: NodeJS.Signals): void {
  for (const tmp of live) {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed or removed
    }
  }
  live.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  installed = false;
  process.kill(process.pid, sig);
}

/**
 * A random suffix for the temporary file a write goes through. node:crypto loads on the first
 * write, not with every command that could write (decide without --adr writes nothing).
 */
function tmpSuffix(): string {
  return (require("node:crypto") as typeof import("node:crypto")).randomBytes(6).toString("hex");
}
