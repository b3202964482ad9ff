/**
 * The child process a `--program` preview runs in (started by supervise.ts): it loads the
 * program (loader.ts) under mocks on the program's own @pulumi/pulumi (record.ts) and sends the
 * graph, or one line saying why there is none, to the parent over IPC. The graph is sent when
 * the program's promise has settled, every registration has arrived, and Node's event loop has
 * emptied — when `pulumi preview` would see the program end. A timer or handle that keeps the
 * program running keeps it from finishing: the parent's --timeout ends it. When the parent asks
 * (`streamBatch`), the resources also go out as they are recorded, so that `check` can start on
 * them while the program runs.
 */
// Nothing here loads zod or the cost model (core's identity and errors subpaths only): the
// program's first resource comes sooner.
import type { InputError } from "@aitracks/core";
import type { GraphResource, ResourceGraph } from "./graph";
import { loadProgram, type LoadPlan } from "./loader";
import type { StackConfig } from "./project";
import { runUnderMocks, toProgramError } from "./record";

export interface ChildSpec {
  readonly project: string;
  readonly stack: string;
  readonly config: StackConfig;
  readonly projectDir: string;
  readonly plan: LoadPlan;
  /**
   * Send the resources as they are recorded, this many at a time (supervise.ts `onResources`).
   * The graph then carries only those not sent yet, after `streamed` sent ones.
   */
  readonly streamBatch?: number;
}

export type ChildMessage =
  | { readonly kind: "resources"; readonly resources: readonly GraphResource[] }
  | { readonly kind: "graph"; readonly graph: ResourceGraph; readonly streamed?: number }
  | { readonly kind: "error"; readonly lines: readonly string[]; readonly registered?: number };

let reported = false;
function report(msg: ChildMessage): void {
  if (reported) return;
  reported = true;
  process.send!(msg, () => process.exit(0));
}

function fail(err: unknown, programDir: string): void {
  const e = toProgramError(err, programDir) as InputError & { registered?: number };
  report({ kind: "error", lines: e.lines, ...(e.registered !== undefined ? { registered: e.registered } : {}) });
}

process.once("message", (spec: ChildSpec) => {
  // From now on the IPC channel does not keep the process alive: the program's own work does.
  (process.channel as unknown as { unref?(): void } | undefined)?.unref?.();
  const programDir = spec.projectDir;
  // A throw from a timer or callback after the program's body returned.
  process.on("uncaughtException", (err) => fail(err, programDir));
  process.chdir(spec.projectDir);
  // Nothing left to run while the program's promise is still pending: it can never settle.
  let settled = false;
  process.once("beforeExit", () => {
    if (!settled) report({ kind: "error", lines: ["program error: the program's promise never settled (it waits on something that nothing will ever do)"] });
  });
  // Sent from the registration itself: the program's registrations run as one cascade of promise
  // callbacks, and a batch left for a later turn of the event loop would wait for the end.
  let batch: GraphResource[] = [];
  let streamed = 0;
  const every = spec.streamBatch;
  const onResource = every
    ? (r: GraphResource) => {
        batch.push(r);
        if (batch.length < every || reported) return;
        process.send!({ kind: "resources", resources: batch } satisfies ChildMessage);
        streamed += batch.length;
        batch = [];
      }
    : undefined;
  runUnderMocks({
    project: spec.project,
    stack: spec.stack,
    config: spec.config,
    cwd: spec.projectDir,
    resolveFrom: [spec.plan.entryDir, spec.plan.packageRoot, spec.projectDir],
    programDir,
    program: () => loadProgram(spec.plan),
    onFatal: (err) => fail(err, programDir),
    ...(onResource ? { onResource } : {}),
  }).then(
    (graph) => {
      settled = true;
      // Complete when nothing is left to run, as the language host sees a program end. What was
      // streamed is not sent twice.
      process.once("beforeExit", () =>
        report(streamed ? { kind: "graph", graph: { ...graph, resources: graph.resources.slice(streamed) }, streamed } : { kind: "graph", graph }),
      );
    },
    (err: unknown) => {
      settled = true;
      fail(err, programDir);
    },
  );
});
