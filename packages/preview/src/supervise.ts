/**
 * Run a user's program in a child process (child.ts) and supervise it: a time limit, one line for
 * every way it can end without a graph (it exits, throws from a timer, never finishes, runs out of
 * memory, is killed), and its own stdout and stderr passed to our stderr, never to our stdout (so
 * `--json` stays parseable).
 */
import { fork } from "node:child_process";
import { join } from "node:path";
import type { ChildMessage, ChildSpec } from "./child";
import { stackHeader, type GraphResource, type ResourceGraph, type StackHeader } from "./graph";
import { ProgramError } from "./record";

/** The program's child's initial heap (MB): see runInChild. */
const CHILD_INITIAL_HEAP_MB = 256;

/** The default of `--timeout`: how long a program may run before it is stopped (seconds). */
export const DEFAULT_TIMEOUT_S = 120;

export interface SuperviseOptions {
  readonly spec: ChildSpec;
  /** Seconds. Default DEFAULT_TIMEOUT_S. */
  readonly timeoutS?: number;
  /** Told once the child is started and has its spec: the caller may load modules while it runs. */
  readonly onStart?: () => void;
  /**
   * Told the graph as soon as it arrives, before the child has exited and its last output has
   * been passed on (when the returned promise settles): a caller may start work on it, and
   * prints after the promise.
   */
  readonly onGraph?: (graph: ResourceGraph) => void;
  /**
   * Told the resources as the program registers them, a batch at a time (STREAM_BATCH), with the
   * stack they belong to; the graph then holds the same objects. A caller may start work on them
   * while the program runs. Nothing is told when the program registers fewer than a batch.
   */
  readonly onResources?: (resources: readonly GraphResource[], stack: StackHeader) => void;
}

/** Resources sent per message while the program runs, when a caller listens (onResources). */
const STREAM_BATCH = 32;

export function runInChild(opts: SuperviseOptions): Promise<ResourceGraph> {
  const timeoutS = opts.timeoutS ?? DEFAULT_TIMEOUT_S;
  const { spec } = opts;
  return new Promise<ResourceGraph>((resolve, reject) => {
    const child = fork(join(__dirname, "child.js"), [], {
      cwd: spec.projectDir,
      // Pulumi.yaml's runtime.options.nodeargs (after ours: they win); Node's own warnings
      // (experimental loaders) are not the program's output. The heap is sized for one short run:
      // - a young generation of 4 MB semi-spaces instead of V8's 16: a preview keeps most of what
      //   it allocates until the program ends, so larger semi-spaces only add resident memory
      //   (1,000 resources: peak 334 -> 322 MiB, same CPU);
      // - an old generation that starts at 256 MB, so that a program of up to about 1,800
      //   resources ends before its first full collection. Such a collection finds little garbage
      //   (for the same reason) but marks the whole heap while the program runs; without it a
      //   1,000-resource program's child uses 0.15-0.2 s less CPU (bench/goals.bench.mjs) and
      //   about 5 MiB more memory. Larger programs collect from 256 MB on (10,000 resources: the
      //   same time within the noise, child peak 1.26-1.31 GiB against 1.58).
      execArgv: ["--no-warnings", "--max-semi-space-size=4", `--initial-heap-size=${CHILD_INITIAL_HEAP_MB}`, ...spec.plan.nodeArgs],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "advanced",
    });
    let message: ChildMessage | undefined;
    let timedOut = false;
    let fatalOutput = false;
    let tail = "";
    const forward = (d: Buffer) => {
      const text = d.toString();
      tail = (tail + text).slice(-4096);
      // V8's own report of a fatal error (heap exhausted) is summed up in our one line instead.
      if (/FATAL ERROR|<--- Last few GCs --->|JavaScript heap out of memory/.test(text)) fatalOutput = true;
      if (!fatalOutput) process.stderr.write(d);
    };
    child.stdout!.on("data", forward);
    child.stderr!.on("data", forward);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutS * 1000);
    const streamed: GraphResource[] = [];
    const header = stackHeader(spec.project, spec.stack, spec.config);
    // Ours, not the program's (exit 70): the child's count of the resources it sent disagrees.
    let broken: Error | undefined;
    child.on("message", (m: ChildMessage) => {
      if (message || broken) return;
      if (m.kind === "resources") {
        streamed.push(...m.resources);
        opts.onResources?.(m.resources, header);
        return;
      }
      if (m.kind === "graph" && m.streamed !== undefined) {
        if (m.streamed !== streamed.length) {
          broken = new Error(`the program's child sent ${streamed.length} resources while it ran, and says it sent ${m.streamed}`);
          return;
        }
        m = { kind: "graph", graph: { ...m.graph, resources: [...streamed, ...m.graph.resources] } };
      }
      message = m;
      if (m.kind === "graph") opts.onGraph?.(m.graph);
    });
    // "close", not "exit": by then every message and every byte of output has arrived.
    child.on("error", (err) => {
      // Failing to start or to reach the child is ours, not the program's.
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (broken) return reject(broken);
      if (message?.kind === "graph") return resolve(message.graph);
      if (message?.kind === "error") {
        const err = new ProgramError(message.lines);
        if (message.registered !== undefined) (err as ProgramError & { registered?: number }).registered = message.registered;
        return reject(err);
      }
      if (timedOut) {
        return reject(
          new ProgramError(`the program did not finish within ${timeoutS} s (--timeout ${timeoutS}): a promise that never settles, or a timer or handle that keeps it running`),
        );
      }
      if (fatalOutput || /heap out of memory/.test(tail)) return reject(new ProgramError("the program ran out of memory before it finished"));
      if (signal) return reject(new ProgramError(`the program was killed by ${signal} before it finished`));
      reject(new ProgramError(`program exited with code ${code ?? "?"} before it finished`));
    });
    child.send(opts.onResources ? { ...spec, streamBatch: STREAM_BATCH } : spec);
    opts.onStart?.();
  });
}
