import { readdirSync } from "node:fs";
import { basename } from "node:path";
// Deep import: the CLI loads all of @aitracks/core (zod, yaml, the catalog) only when a command needs it.
import { InputError } from "@aitracks/core/errors";
import type { PreviewOptions, ResourceGraph } from "@aitracks/preview";

/** The flags every command that previews a program shares. */
export interface TargetOptions {
  readonly stack?: string;
  readonly program?: string;
  readonly config?: string;
  /** --timeout, in seconds, as given. */
  readonly timeout?: string;
  /** --graph: a graph saved by `aitracks preview --json`, judged instead of running the program. */
  readonly graph?: string;
}

/** Longest --timeout accepted: a day. */
const MAX_TIMEOUT_S = 86_400;

export function describeTargetOptions(cmd: import("commander").Command): import("commander").Command {
  return cmd
    .option("-s, --stack <name>", "a stack of the project: reads <stackConfigDir>/Pulumi.<name>.yaml (default: the only Pulumi.<stack>.yaml there, if there is one)")
    .option("-p, --program <dir>", "a Pulumi project or program folder (default: the project at or above the current folder, else the current folder)")
    .option("-c, --config <file>", "the stack config file to use (default: Pulumi.<stack>.yaml of the project)")
    .option("--timeout <seconds>", "stop a program that has not finished after this many seconds (exit 2)", "120");
}

/** `--graph <file>`, for the commands that judge a graph (cost, check). */
export function describeGraphOption(cmd: import("commander").Command): import("commander").Command {
  return cmd.option("--graph <file>", "judge a resource graph saved by `aitracks preview --json` instead of running the program (a pipeline previews once)");
}

/** --graph names its stack, config and resources: the flags that would choose another are refused. */
export function checkGraphFlags(flags: TargetOptions & { readonly all?: boolean }, others: readonly (string | false | undefined)[] = []): void {
  if (flags.graph === undefined) return;
  const clash = [
    flags.all ? "--all" : undefined,
    flags.stack !== undefined ? "--stack" : undefined,
    flags.program !== undefined ? "--program" : undefined,
    flags.config !== undefined ? "--config" : undefined,
    ...others,
  ].filter((f): f is string => typeof f === "string");
  if (clash.length) throw new InputError(`--graph: the saved graph names its stack, config and resources; give --graph or ${clash.join(" / ")}, not both`);
}

/** --timeout in seconds: a number from 1 to a day, else bad input. */
export function timeoutOf(opts: TargetOptions): number | undefined {
  if (opts.timeout === undefined) return undefined;
  const s = Number(opts.timeout);
  if (!/^\d+(\.\d+)?$/.test(opts.timeout.trim()) || !Number.isFinite(s) || s <= 0 || s > MAX_TIMEOUT_S) {
    throw new InputError(`--timeout: expected a number of seconds from 1 to ${MAX_TIMEOUT_S}, got ${JSON.stringify(opts.timeout)}`);
  }
  return s;
}

/** What a command may do while its program runs: previewProgram's hooks, passed through. */
export type PreviewHooks = Pick<PreviewOptions, "onStart" | "onGraph" | "onResources">;

/** Preview the program the flags name, offline (or read the graph --graph names). Loads Pulumi only now. */
export async function previewTarget(opts: TargetOptions, hooks: PreviewHooks = {}): Promise<ResourceGraph> {
  if (opts.graph !== undefined) {
    const { readResourceGraph } = require("@aitracks/preview/saved-graph") as typeof import("@aitracks/preview/saved-graph");
    hooks.onStart?.();
    const graph = readResourceGraph(opts.graph);
    hooks.onGraph?.(graph);
    return graph;
  }
  const { previewProgram, findProjectDir, readProject } = require("@aitracks/preview") as typeof import("@aitracks/preview");
  const timeoutS = timeoutOf(opts);
  // Like the Pulumi CLI: the project at or above the current folder; else the folder itself.
  const programDir = opts.program ?? findProjectDir(process.cwd()) ?? process.cwd();
  const stack = opts.stack ?? (opts.config ? stackFromConfigFile(opts.config) : onlyStack(readProject(programDir).stackConfigDir));
  return previewProgram({ programDir, stack, configFile: opts.config, timeoutS, ...hooks });
}

/** With no --stack and no --config: the stack of the only Pulumi.<stack>.yaml in the folder. */
function onlyStack(dir: string): string {
  let files: string[] = [];
  try {
    files = readdirSync(dir);
  } catch {
    // No such folder: readProject has said so already; an empty list gives the usual message.
  }
  const stacks = [...new Set(files.flatMap((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1] ?? []))].sort();
  if (stacks.length === 1) return stacks[0]!;
  if (stacks.length === 0) throw new InputError(`--stack: expected a stack name (no Pulumi.<stack>.yaml in ${dir}; or give --config <file>)`);
  throw new InputError(`--stack: expected one of ${stacks.join(", ")} (${dir} has ${stacks.length} stacks)`);
}

function stackFromConfigFile(file: string): string {
  const m = /^Pulumi\.(.+)\.ya?ml$/.exec(basename(file));
  return m ? m[1]! : "dev";
}
