import { realpathSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import type { ResourceGraph } from "./graph";
import { loadProgram, planProgram } from "./loader";
import { readProject, readStackConfig } from "./project";
import { runUnderMocks, SECRET_MARK } from "./record";
import { DEFAULT_TIMEOUT_S, runInChild, type SuperviseOptions } from "./supervise";

export { MAX_RESOURCES, ProgramError, SECRET_MARK, UNKNOWN_MARK } from "./record";
export { DEFAULT_TIMEOUT_S } from "./supervise";

export interface PreviewOptions {
  /** The Pulumi project folder (with Pulumi.yaml), or a folder holding a program. */
  readonly programDir: string;
  /** The stack name (URNs and `pulumi.getStack()`); also picks Pulumi.<stack>.yaml. */
  readonly stack: string;
  /** A stack config file to use instead of <stackConfigDir>/Pulumi.<stack>.yaml. */
  readonly configFile?: string | undefined;
  /** How long the program may run, in seconds (default DEFAULT_TIMEOUT_S). */
  readonly timeoutS?: number | undefined;
  /**
   * Run the program in this process instead of a supervised child. Default: only for this
   * repository's own project (its stacks/, compiled with the CLI, which is trusted and is
   * previewed 17 times by `--all`); every other program runs in a child process.
   */
  readonly inProcess?: boolean | undefined;
  /**
   * Told once the program has started in its child process: a caller that has modules of its own
   * to load loads them then, on this core, while the program runs on the other. Not told for a
   * program run in this process (nothing would overlap: measured 5% slower on check --stack).
   */
  readonly onStart?: (() => void) | undefined;
  /** A program run in a child: told its graph as it arrives, before the child has ended (see runInChild). */
  readonly onGraph?: ((graph: ResourceGraph) => void) | undefined;
  /** A program run in a child: told its resources as it registers them (see runInChild). */
  readonly onResources?: SuperviseOptions["onResources"] | undefined;
}

/**
 * Run a Pulumi program under mocks, as `pulumi preview` would run it (same loader, config, stack
 * and project names), and return its resource graph. A program runs in a child process with a
 * time limit (supervise.ts); the repository's own program runs in-process.
 */
export async function previewProgram(opts: PreviewOptions): Promise<ResourceGraph> {
  const project = readProject(opts.programDir);
  const configFile = opts.configFile ?? join(project.stackConfigDir, `Pulumi.${opts.stack}.yaml`);
  const config = readStackConfig(configFile, project.name);
  const plan = planProgram(project);
  if (!(opts.inProcess ?? isOwnProject(project.dir))) {
    return runInChild({ spec: { project: project.name, stack: opts.stack, config, projectDir: project.dir, plan }, timeoutS: opts.timeoutS ?? DEFAULT_TIMEOUT_S, onStart: opts.onStart, onGraph: opts.onGraph, onResources: opts.onResources });
  }
  forgetProgram(plan.entryDir);
  return runUnderMocks({
    project: project.name,
    stack: opts.stack,
    config,
    cwd: project.dir,
    resolveFrom: [plan.entryDir, plan.packageRoot, project.dir],
    programDir: project.dir,
    program: () => loadProgram(plan),
  });
}

/** This repository's own project (the folder holding packages/preview). */
const OWN_ROOT = resolve(__dirname, "..", "..", "..");
function isOwnProject(dir: string): boolean {
  try {
    return realpathSync(dir) === realpathSync(OWN_ROOT);
  } catch {
    return false;
  }
}

export interface InlineOptions {
  readonly project?: string;
  readonly stack?: string;
  /** Stack config, fully-qualified keys to values (objects are passed as JSON, as Pulumi does). */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly secretKeys?: readonly string[];
  /** The program: creates resources; may return the stack outputs. */
  readonly program: () => unknown;
  /** Stop with an error past this many resources (default MAX_RESOURCES). */
  readonly maxResources?: number;
}

/** Run an inline program (a function) under mocks, as `aitracks preview` runs a program folder. */
export function previewInline(opts: InlineOptions): Promise<ResourceGraph> {
  const values: Record<string, string> = {};
  const parsed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(opts.config ?? {})) {
    values[k] = typeof v === "string" ? v : JSON.stringify(v);
    parsed[k] = opts.secretKeys?.includes(k) ? SECRET_MARK : v;
  }
  return runUnderMocks({
    project: opts.project ?? "inline",
    stack: opts.stack ?? "test",
    config: { values, parsed, secretKeys: [...(opts.secretKeys ?? [])] },
    cwd: process.cwd(),
    resolveFrom: [__dirname],
    program: opts.program,
    maxResources: opts.maxResources,
  });
}

/**
 * Drop the program's own modules (those in its entry's folder) from the require cache so a second
 * preview runs it afresh. Libraries it uses — node_modules, our packages, a policy pack loaded
 * in the same process — keep their state.
 */
function forgetProgram(dir: string): void {
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(prefix) && !key.includes(`${sep}node_modules${sep}`)) delete require.cache[key];
  }
}

