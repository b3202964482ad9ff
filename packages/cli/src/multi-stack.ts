import { readdirSync } from "node:fs";
// Deep import: the CLI loads all of @aitracks/core (zod, yaml, the catalog) only when a command needs it.
import { InputError } from "@aitracks/core/errors";
import { createProgress } from "./progress";
import { CheckFailed, EXIT, out, say } from "./run";
import type { TargetOptions } from "./target";

/**
 * `--all` for the commands that preview a stack (preview, cost, check): the same per-stack body,
 * run for every stack of the project in turn (the preview engine runs one program at a time), with
 * a progress line on a terminal, each stack's usual output under a heading, a summary table, and
 * the worst exit code of the stacks. A stack that fails (bad config, a program that throws) is
 * reported in its section and in the summary; the others still run.
 */

/** What one stack's run gives back. */
export interface StackOutcome {
  /** What `--json` prints for this stack alone (the `result` of its entry under --all). */
  readonly result: unknown;
  /** The stack's usual output (text, or the --format the command was given). */
  readonly render: () => string | Promise<string>;
  /** 0, or 1 when the command's check failed (a mandatory violation, a cost gate). */
  readonly exitCode: 0 | 1;
  /** With exit 1: why, in one line ("" when the output already says it). */
  readonly failure?: string;
  /** Summary columns. */
  readonly resources: number;
  readonly figure: string;
  /** Said in the stack's section and repeated under the summary (e.g. no base estimate to diff). */
  readonly notes?: readonly string[];
}

export interface StackCommand {
  /** The command's name, for the progress line (`[3/16] check fine-tune-gcp`). */
  readonly name: string;
  /** The heading of the summary's third column (`monthly`, `verdict`). */
  readonly figureHeading: string;
  /** Run the command for one stack. `stack` is the stack's name under --all. */
  readonly one: (target: TargetOptions, stack?: string) => Promise<StackOutcome>;
  /** Called once after the last stack (e.g. stop a policy pack process), also on failure. */
  readonly done?: () => Promise<void>;
}

export interface AllFlags extends TargetOptions {
  readonly all?: boolean;
  readonly json?: boolean;
}

/** The `--all` option, described the same way for every command. */
export function describeAllOption(cmd: import("commander").Command): import("commander").Command {
  return cmd.option("--all", "run for every stack of the project (every Pulumi.<stack>.yaml of its stackConfigDir), in turn, with a summary; exit code: the worst");
}

/** `--all` with a flag that names one stack: bad input. */
export function checkAllFlags(flags: AllFlags): void {
  if (!flags.all) return;
  const clash = [flags.stack !== undefined ? "--stack" : undefined, flags.config !== undefined ? "--config" : undefined].filter((f) => f !== undefined);
  if (clash.length) throw new InputError(`--all: runs every stack of the project; give --all or ${clash.join(" / ")}, not both`);
}

/** The project's stacks, sorted: every Pulumi.<stack>.yaml (or .yml) of its stackConfigDir. */
export async function listStacks(program: string | undefined): Promise<{ project: string; dir: string; stacks: string[] }> {
  const { findProjectDir, readProject } = require("@aitracks/preview") as typeof import("@aitracks/preview");
  const programDir = program ?? findProjectDir(process.cwd());
  if (!programDir) throw new InputError("--program: no Pulumi.yaml here or above; give --program <dir>");
  const project = readProject(programDir);
  let files: string[];
  try {
    files = readdirSync(project.stackConfigDir);
  } catch {
    throw new InputError(`--all: ${project.stackConfigDir}: no such folder (the project's stackConfigDir)`);
  }
  const stacks = [...new Set(files.flatMap((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1] ?? []))].sort();
  if (!stacks.length) throw new InputError(`--all: no Pulumi.<stack>.yaml in ${project.stackConfigDir}`);
  return { project: project.name, dir: project.stackConfigDir, stacks };
}

/**
 * Run the command: for the one stack the flags name, or with --all for every stack. Returns the
 * exit code (single stack: as before — output, then CheckFailed or the InputError thrown).
 */
export async function runStacks(flags: AllFlags, cmd: StackCommand): Promise<number> {
  checkAllFlags(flags);
  if (!flags.all) {
    try {
      const o = await cmd.one(flags);
      out(flags.json ? JSON.stringify(o.result, null, 2) : await o.render());
      for (const n of o.notes ?? []) say(n);
      if (o.exitCode) throw new CheckFailed(o.failure ?? "");
      return EXIT.ok;
    } finally {
      await cmd.done?.();
    }
  }
  return runAll(flags, cmd);
}

interface Entry {
  readonly stack: string;
  readonly ok: boolean;
  readonly exitCode: number;
  readonly result?: unknown;
  readonly error?: string;
  readonly notes?: readonly string[];
  readonly resources?: number;
  readonly figure?: string;
  readonly failure?: string;
}

async function runAll(flags: AllFlags, cmd: StackCommand): Promise<number> {
  const { project, stacks } = await listStacks(flags.program);
  const progress = createProgress({ json: flags.json });
  const entries: Entry[] = [];
  try {
    for (const [i, stack] of stacks.entries()) {
      progress.step(`[${i + 1}/${stacks.length}] ${cmd.name} ${stack}`);
      const entry = await runOne(cmd, { program: flags.program, stack, ...(flags.timeout !== undefined ? { timeout: flags.timeout } : {}) }, stack);
      entries.push(entry);
      progress.clear();
      if (entry.error) say(`${stack}: ${entry.error}`);
      if (!flags.json) out(await section(entry, i === 0));
    }
  } finally {
    progress.clear();
    await cmd.done?.();
  }
  const exitCode = Math.max(EXIT.ok, ...entries.map((e) => e.exitCode));
  if (flags.json) {
    out(
      JSON.stringify(
        {
          version: 1,
          command: cmd.name,
          project,
          exitCode,
          stacks: entries.map((e) => ({
            stack: e.stack,
            ok: e.ok,
            exitCode: e.exitCode,
            ...(e.error !== undefined ? { error: e.error } : { result: e.result }),
            ...(e.notes?.length ? { notes: e.notes } : {}),
          })),
        },
        null,
        2,
      ),
    );
  } else out(summary(cmd, project, entries, exitCode));
  return exitCode;
}

/** One stack: its outcome, or its error as one line (bad input: exit 2; a failed check: 1; ours: 70). */
async function runOne(cmd: StackCommand, target: TargetOptions, stack: string): Promise<Entry & { render?: StackOutcome["render"] }> {
  try {
    const o = await cmd.one(target, stack);
    return {
      stack,
      ok: o.exitCode === 0,
      exitCode: o.exitCode,
      result: o.result,
      render: o.render,
      resources: o.resources,
      figure: o.figure,
      ...(o.notes?.length ? { notes: o.notes } : {}),
      ...(o.exitCode && o.failure ? { failure: o.failure } : {}),
    };
  } catch (err) {
    if (err instanceof InputError) return { stack, ok: false, exitCode: EXIT.badInput, error: err.lines.join("; ") };
    // A figure that could not be computed: the stack fails with the reason, not as an internal error.
    if (err instanceof CheckFailed) return { stack, ok: false, exitCode: EXIT.checkFailed, error: err.message };
    const e = err as Error;
    if (process.env.AITRACKS_DEBUG) process.stderr.write(`${e?.stack ?? ""}\n`);
    return { stack, ok: false, exitCode: EXIT.internal, error: `internal error: ${String(e?.message ?? err).replace(/\s*\n\s*/g, "; ")}` };
  }
}

async function section(e: Entry & { render?: StackOutcome["render"] }, first: boolean): Promise<string> {
  const lines = [`${first ? "" : "\n"}=== stack ${e.stack} ===`, ""];
  if (e.error !== undefined) lines.push(`error (exit ${e.exitCode}): ${e.error}`);
  else {
    // A failed check says so in its own output (FAILED: ...); the summary repeats why.
    lines.push((await e.render!()).replace(/\n+$/, ""));
  }
  for (const n of e.notes ?? []) lines.push(`Note: ${n}`);
  return lines.join("\n");
}

function summary(cmd: StackCommand, project: string, entries: readonly Entry[], exitCode: number): string {
  const Table = require("cli-table3") as typeof import("cli-table3");
  const rows = entries.map((e) => {
    const status =
      e.error !== undefined
        ? `${e.exitCode === EXIT.badInput ? "bad input" : "error"} (exit ${e.exitCode}): ${e.error}`
        : e.exitCode
          ? `FAILED (exit 1)${e.failure ? `: ${e.failure}` : ""}`
          : "ok";
    return [e.stack, e.resources !== undefined ? String(e.resources) : "-", e.figure ?? "-", status];
  });
  // A long error wraps at 60 columns; otherwise the table is as narrow as its content.
  const wrap = rows.some((r) => r[3]!.length > 58);
  const table = new Table({
    head: ["stack", "resources", cmd.figureHeading, "status"],
    style: { head: [], border: [] },
    colAligns: ["left", "right", "right", "left"],
    ...(wrap ? { colWidths: [null, null, null, 60] as unknown as number[], wordWrap: true } : {}),
    chars: wrap ? {} : { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  for (const r of rows) table.push(r);
  const failed = entries.filter((e) => e.exitCode !== 0).length;
  const lines = ["", `=== summary: ${cmd.name} on ${entries.length} stack${entries.length === 1 ? "" : "s"} of ${project} ===`, "", table.toString()];
  // The same note on several stacks is said once, with the stacks it is about.
  const notes = new Map<string, string[]>();
  for (const e of entries) for (const n of e.notes ?? []) notes.set(n, [...(notes.get(n) ?? []), e.stack]);
  if (notes.size) lines.push("Notes:", ...[...notes].map(([n, s]) => `  ${n}: ${s.join(", ")}`));
  lines.push(failed ? `${failed} of ${entries.length} stacks failed (exit ${exitCode})` : `All ${entries.length} stacks fine`);
  return lines.join("\n");
}
