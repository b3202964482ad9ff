/**
 * The pack over the real analyzer protocol, as the Pulumi CLI runs it: start
 * `node node_modules/@pulumi/pulumi/cmd/run-policy-pack <engine-address> .` with the pack folder as
 * working directory (it loads the package.json `main`, bin/index.js, and prints the port it serves
 * on), answer its Engine calls (Log, root resource) from a small gRPC server of ours, then send it
 * GetAnalyzerInfo, Configure, ConfigureStack, one Analyze per resource and one AnalyzeStack — each
 * built from the resource graph the way the engine builds them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import type * as AnalyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import type { GraphResource, ResourceGraph, StackHeader } from "../graph";
import type { EvaluateOptions } from "./inprocess";
import { writeAnalyzeRequest, writeAnalyzeStackRequest, writeProvider, writeStackResource, writeStruct, type WireResource, type WriterClass } from "./encode";
import { packDir } from "./pack";
import { isInformative, messageOnly, sortNotes, sortViolations, type PolicyNote, type PolicyReport, type PolicyViolation, type VerdictLevel } from "./types";

/**
 * What evaluating a graph needs (the graph's index, the pack config rules, the wire format; they
 * load the cost model's core), required at the first evaluation: `check` starts the pack process
 * first thing, and start() then loads no more than gRPC and the protocol's messages.
 */
function evaluation(): typeof import("../graph") & typeof import("./config") & typeof import("./wire") {
  return { ...(require("../graph") as typeof import("../graph")), ...(require("./config") as typeof import("./config")), ...(require("./wire") as typeof import("./wire")) };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Grpc = typeof import("@grpc/grpc-js");
export interface Modules {
  grpc: Grpc;
  pb: typeof AnalyzerPb;
  rpc: { AnalyzerClient: new (addr: string, creds: unknown, opts?: object) => any; AnalyzerService: unknown };
  enginePb: any;
  engineRpc: { EngineService: any };
  Struct: { fromJavaScript(v: Record<string, unknown>): any };
  Empty: new () => any;
  BinaryReader: new (bytes: Uint8Array) => any;
  BinaryWriter: WriterClass;
}

/** The proto and gRPC modules of the @pulumi/pulumi the pack uses (one copy: message classes must match). Exported for tests. */
export function modules(dir: string): Modules {
  const from = (m: string) => require(require.resolve(m, { paths: [dir] }));
  const pulumiDir = dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [dir] }));
  const fromPulumi = (m: string) => require(require.resolve(m, { paths: [pulumiDir] }));
  return {
    grpc: fromPulumi("@grpc/grpc-js"),
    pb: from("@pulumi/pulumi/proto/analyzer_pb"),
    rpc: from("@pulumi/pulumi/proto/analyzer_grpc_pb"),
    enginePb: from("@pulumi/pulumi/proto/engine_pb"),
    engineRpc: from("@pulumi/pulumi/proto/engine_grpc_pb"),
    Struct: fromPulumi("google-protobuf/google/protobuf/struct_pb").Struct,
    Empty: fromPulumi("google-protobuf/google/protobuf/empty_pb").Empty,
    BinaryReader: fromPulumi("google-protobuf").BinaryReader,
    BinaryWriter: fromPulumi("google-protobuf").BinaryWriter,
  };
}

const LEVEL_NAMES: Record<number, EnforcementLevel> = { 0: "advisory", 1: "mandatory", 2: "disabled", 3: "remediate" };
const LEVEL_CODES: Record<EnforcementLevel, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };
const SEVERITIES: Record<number, string> = { 1: "low", 2: "medium", 3: "high", 4: "critical" };

export interface EngineLog {
  readonly severity: "debug" | "info" | "warning" | "error";
  readonly message: string;
}

export interface AnalyzerSessionOptions {
  /** The pack folder (default: the @aitracks/policies package). */
  readonly packDir?: string;
  /** How long to wait for the pack to print its port. Default 60 s. */
  readonly startTimeoutMs?: number;
  /**
   * Analyze requests in flight at once. Default 1,024: the pack answers them in turn, and a deep
   * queue keeps it busy while this process builds the next requests and reads the answers (1,000
   * resources: check 4-9% faster than with 32 in flight, the same peak memory).
   */
  readonly concurrency?: number;
  /**
   * Told once the pack process is spawned (before it serves). A caller that goes on to load
   * modules synchronously awaits this first: the pack then starts up on the other core.
   */
  readonly onSpawn?: () => void;
}

/** Analyze requests built and handed to gRPC per turn of the event loop. */
const SEND_BATCH = 32;
/** Analyze requests sent before the pack counts as busy (about a tenth of a second of its work). */
const BUSY_BACKLOG = 128;

export interface EvaluateHooks {
  /**
   * Told once the pack has a backlog of Analyze requests (or has none to get): work that would
   * hold this process's event loop (the in-process engine) starts then without starving the pack.
   * Also told if the evaluation fails first.
   */
  readonly onAnalysing?: () => void;
}

/** A running policy pack process and our engine server, reusable for several graphs in turn. */
export class AnalyzerSession {
  private constructor(
    /** What the pack logged through our Engine service (errors fail the evaluation). */
    readonly logs: EngineLog[],
    private readonly m: Modules,
    private readonly child: ChildProcess,
    private readonly engine: InstanceType<Grpc["Server"]>,
    private readonly client: any,
    private readonly concurrency: number,
    private readonly stderr: () => string,
  ) {}

  /** The pack's info, asked once (it cannot change while the pack runs). */
  private infoOnce: Promise<{ name: string; version: string; policies: Policies }> | undefined;
  /** Analyze calls sent while a program ran (stream), for the next evaluate to use. */
  private early: Early | undefined;

  static async start(opts: AnalyzerSessionOptions = {}): Promise<AnalyzerSession> {
    const dir = opts.packDir ?? packDir();
    const m = modules(dir);
    const logs: EngineLog[] = [];
    const engine = new m.grpc.Server();
    const empty = () => new m.Empty();
    const sev = ["debug", "info", "warning", "error"] as const;
    engine.addService(m.engineRpc.EngineService, {
      log: (call: any, cb: any) => {
        logs.push({ severity: sev[call.request.getSeverity() as number] ?? "info", message: call.request.getMessage() });
        cb(null, empty());
      },
      getRootResource: (_c: any, cb: any) => cb(null, new m.enginePb.GetRootResourceResponse()),
      setRootResource: (_c: any, cb: any) => cb(null, new m.enginePb.SetRootResourceResponse()),
      startDebugging: (_c: any, cb: any) => cb(null, empty()),
      requirePulumiVersion: (_c: any, cb: any) => cb(null, new m.enginePb.RequirePulumiVersionResponse()),
    });
    const enginePort = await new Promise<number>((resolve, reject) =>
      engine.bindAsync("127.0.0.1:0", m.grpc.ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port))),
    );
    const engineAddress = `127.0.0.1:${enginePort}`;
    const entry = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [dir] });
    // As the Pulumi CLI starts it, plus a preload that defers the SDK's TypeScript (pack-preload.ts),
    // and semi-spaces of 8 MB instead of V8's 16: the pack is at its largest while the program's
    // child is, and a 1,000-resource check peaked 18 MiB lower over its processes, no slower
    // (per-round ratio 1.00 over 10 alternating rounds; bench/README.md).
    const child = spawn(process.execPath, ["--max-semi-space-size=8", "--require", join(__dirname, "pack-preload.js"), entry, engineAddress, "."], {
      cwd: dir,
      env: { ...process.env, PULUMI_NODEJS_ENGINE: engineAddress },
      stdio: ["ignore", "pipe", "pipe"],
    });
    opts.onSpawn?.();
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const port = await new Promise<number>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`the policy pack did not print its port within ${opts.startTimeoutMs ?? 60_000} ms: ${stderr.trim().split("\n").slice(-3).join(" | ")}`)), opts.startTimeoutMs ?? 60_000);
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const line = /^(\d+)\s*$/m.exec(out);
        if (line) {
          clearTimeout(timer);
          resolve(Number(line[1]));
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the policy pack exited with code ${code} before serving: ${(stderr || out).trim().split("\n").slice(-5).join(" | ")}`));
      });
    }).catch(async (err) => {
      child.kill();
      await new Promise<void>((r) => engine.tryShutdown(() => r()));
      throw err;
    });
    const client = new m.rpc.AnalyzerClient(`127.0.0.1:${port}`, m.grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": 400 * 1024 * 1024,
      // Each answer lists every policy that does not apply (~5 KB for a resource of a 59-policy
      // pack): with many requests in flight, HTTP/2's default 64 KiB connection window would hold
      // the pack's answers until this process acknowledged the ones before.
      "grpc-node.flow_control_window": 16 * 1024 * 1024,
    });
    return new AnalyzerSession(logs, m, child, engine, client, opts.concurrency ?? 1024, () => stderr);
  }

  private call<T>(method: string, req: unknown): Promise<T> {
    return new Promise((resolve, reject) => this.client[method](req, this.done<T>(method, resolve, reject)));
  }

  /** An Analyze or AnalyzeStack call, its answer read by readAnswer. */
  private analyze(method: "Analyze" | "AnalyzeStack", req: Uint8Array, keepAll: boolean): Promise<Answer> {
    return new Promise((resolve, reject) =>
      this.client.makeUnaryRequest(
        `/pulumirpc.Analyzer/${method}`,
        (r: Uint8Array) => Buffer.from(r.buffer, r.byteOffset, r.byteLength),
        (bytes: Buffer) => readAnswer(this.m, bytes, keepAll),
        req,
        this.done<Answer>(method, resolve, reject),
      ),
    );
  }

  private done<T>(method: string, resolve: (v: T) => void, reject: (e: Error) => void) {
    return (err: Error | null, resp: T) =>
      err ? reject(new Error(`${method}: ${err.message}${this.stderr() ? ` (pack stderr: ${this.stderr().trim().split("\n").slice(-3).join(" | ")})` : ""}`)) : resolve(resp);
  }

  private struct(v: unknown): any {
    return this.m.Struct.fromJavaScript((v ?? {}) as Record<string, unknown>);
  }

  /** The pack's name, version and policies (with their default levels and config schemas). */
  info(): Promise<{ name: string; version: string; policies: Policies }> {
    const info = (this.infoOnce ??= this.askInfo());
    info.catch(() => (this.infoOnce = undefined)); // asked again next time
    return info;
  }

  private async askInfo(): Promise<{ name: string; version: string; policies: Policies }> {
    const info = await this.call<AnalyzerPb.AnalyzerInfo>("getAnalyzerInfo", new this.m.Empty());
    const policies = info.getPoliciesList().map((p) => {
      const schema = p.getConfigschema();
      return {
        name: p.getName(),
        description: p.getDescription(),
        enforcementLevel: LEVEL_NAMES[p.getEnforcementlevel()],
        ...(schema ? { configSchema: { properties: (schema.getProperties()?.toJavaScript() ?? {}) as never, required: schema.getRequiredList() } } : {}),
      };
    });
    return { name: info.getName(), version: info.getVersion(), policies: policies as unknown as Policies };
  }

  /** Evaluate the pack against one graph: configure, configure the stack, analyse every resource, then the stack. */
  async evaluate(graph: ResourceGraph, opts: EvaluateOptions = {}, hooks: EvaluateHooks = {}): Promise<PolicyReport> {
    let told = false;
    const started = () => {
      if (told) return;
      told = true;
      hooks.onAnalysing?.();
    };
    try {
      return await this.analyseGraph(graph, opts, started);
    } finally {
      started();
    }
  }

  /**
   * What Configure and ConfigureStack send for a stack and options, and a key that is equal when
   * they would send the same (the pack then answers an Analyze request the same way).
   */
  private async configuration(stack: StackHeader, opts: EvaluateOptions): Promise<{ key: string; send: () => Promise<void> }> {
    const { pb } = this.m;
    const { resolvePackConfig, stackConfigOf, stackTagsOf } = evaluation();
    const info = await this.info();
    // Every policy gets its effective level and settings, as the CLI sends them (an unset level would read as advisory).
    const config = resolvePackConfig(info.policies, "advisory", opts.config, opts.configSource);
    const sc = stackConfigOf(stack);
    const tags = stackTagsOf(stack, opts.stackTags);
    const key = JSON.stringify([[...config], stack.stack, stack.project, sc, tags, opts.allNotes === true]);
    const send = async () => {
      const configure = new pb.ConfigureAnalyzerRequest();
      for (const [name, c] of config) {
        const pc = new pb.PolicyConfig();
        pc.setEnforcementlevel(LEVEL_CODES[c.enforcementLevel] as AnalyzerPb.EnforcementLevel);
        pc.setProperties(this.struct(c.properties));
        configure.getPolicyconfigMap().set(name, pc);
      }
      await this.call("configure", configure);

      const stackReq = new pb.AnalyzerStackConfigureRequest();
      stackReq.setStack(stack.stack);
      stackReq.setProject(stack.project);
      stackReq.setOrganization("organization");
      stackReq.setDryRun(true);
      for (const [k, v] of Object.entries(sc.values)) stackReq.getConfigMap().set(k, v);
      stackReq.setConfigSecretKeysList(sc.secretKeys);
      for (const [k, v] of Object.entries(tags)) stackReq.getTagsMap().set(k, v);
      await this.call("configureStack", stackReq);
    };
    return { key, send };
  }

  /**
   * Start on a stack's resources while its program still runs (runInChild's onResources): the
   * pack is configured for the stack now, and each resource told to the returned function is sent
   * its Analyze request. The next evaluate uses those answers for the resources its graph holds
   * as they were told (the same objects, with the same provider) and configured the same way; it
   * sends the rest itself.
   */
  stream(stack: StackHeader, opts: EvaluateOptions = {}): (resources: readonly GraphResource[]) => void {
    const { isAnalysed, providerOf, toWire } = evaluation();
    const configured = this.configuration(stack, opts).then(async (c) => {
      await c.send();
      return c.key;
    });
    configured.catch(() => undefined); // evaluate then configures again, and reports what fails
    const early: Early = { key: configured, sent: new Map() };
    this.early = early;
    const byUrn = new Map<string, GraphResource>();
    const providers = new Map<GraphResource, Uint8Array>();
    return (resources) => {
      for (const r of resources) byUrn.set(r.urn, r);
      configured.then(
        () => {
          if (this.early !== early) return;
          for (const r of resources) {
            if (!isAnalysed(r)) continue;
            const provider = providerOf(byUrn, r);
            // A provider not told yet: the resource goes with the graph.
            if (r.provider && !provider) continue;
            const wire = wireResource(this.m.BinaryWriter, toWire, r, provider, providers);
            const answer = this.analyze("Analyze", writeAnalyzeRequest(this.m.BinaryWriter, wire), opts.allNotes === true);
            answer.catch(() => undefined); // read by evaluate, or dropped with the program's failure
            early.sent.set(r, { wire, provider, answer });
          }
        },
        () => undefined,
      );
    };
  }

  private async analyseGraph(graph: ResourceGraph, opts: EvaluateOptions, started: () => void): Promise<PolicyReport> {
    const { analysedResources, indexByUrn, providerOf, toWire } = evaluation();
    const info = await this.info();
    const { key, send } = await this.configuration(graph, opts);
    // What was sent while the program ran, if the pack was configured as this graph needs.
    const early = this.early;
    this.early = undefined;
    const reuse = early && (await early.key.catch(() => undefined)) === key ? early.sent : undefined;
    if (!reuse) await send();

    const byUrn = indexByUrn(graph);
    const resources = analysedResources(graph);
    const violations: PolicyViolation[] = [];
    const notes: PolicyNote[] = [];
    const descriptions = new Map(info.policies.map((p) => [p.name, p.description]));
    const collect = (answer: Answer, urn: string | undefined) => {
      for (const d of answer.diagnostics) {
        const level: VerdictLevel = LEVEL_NAMES[d.getEnforcementlevel()] === "advisory" ? "advisory" : "mandatory";
        const description = d.getDescription() || descriptions.get(d.getPolicyname()) || "";
        const severity = SEVERITIES[d.getSeverity() as number];
        const where = d.getUrn() || urn;
        violations.push({
          policy: d.getPolicyname(),
          level,
          ...(severity ? { severity } : {}),
          ...(where ? { urn: where } : {}),
          message: messageOnly(d.getMessage(), description),
          description,
        });
      }
      for (const na of answer.notApplicable) {
        const note = { policy: na.policyName, ...(urn ? { urn } : {}), reason: na.reason || "Policy does not apply" };
        if (opts.allNotes || isInformative(note)) notes.push(note);
      }
    };

    // Each resource as the protocol carries it (encode.ts): its properties written once, for its
    // Analyze request and for the AnalyzeStack request; a provider once for all the resources it
    // serves. A resource whose request went out while the program ran has its answer coming.
    const W = this.m.BinaryWriter;
    const providers = new Map<GraphResource, Uint8Array>();
    const wired: WireResource[] = new Array(resources.length);
    const keepAll = opts.allNotes === true;
    const answerOf = (i: number): Promise<Answer> => {
      const r = resources[i]!;
      const provider = providerOf(byUrn, r);
      const sent = reuse?.get(r);
      if (sent && sent.provider === provider) {
        wired[i] = sent.wire;
        return sent.answer;
      }
      wired[i] = wireResource(W, toWire, r, provider, providers);
      return this.analyze("Analyze", writeAnalyzeRequest(W, wired[i]), keepAll);
    };

    // Analyze: one request per resource, a bounded number in flight, sent SEND_BATCH at a time.
    // Between batches this process's event loop turns: the requests reach the pack (gRPC and
    // HTTP/2 write them, and take the pack's answers, only then), and the pack works while the
    // next are built. Built all at once, the first reached the pack only after the last had been
    // built (and the in-process engine had run): the pack sat idle for a fifth of a 1,000-resource check.
    // allQueued: every request handed to gRPC; allAnswered: every answer in (or the first failure).
    let queued!: () => void;
    const allQueued = new Promise<void>((r) => (queued = r));
    const allAnswered = new Promise<void>((answered, fail) => {
      let next = 0;
      let inFlight = 0;
      let scheduled = false;
      let failed = false;
      const schedule = () => {
        if (scheduled || failed || next >= resources.length || inFlight >= this.concurrency) return;
        scheduled = true;
        setImmediate(pump);
      };
      const pump = () => {
        scheduled = false;
        for (let n = 0; n < SEND_BATCH && next < resources.length && inFlight < this.concurrency && !failed; n++) {
          const i = next++;
          const r = resources[i]!;
          inFlight++;
          answerOf(i).then(
            (answer) => {
              inFlight--;
              collect(answer, r.urn);
              if (next === resources.length && inFlight === 0) answered();
              else schedule();
            },
            (err: Error) => {
              failed = true;
              queued();
              fail(err);
            },
          );
        }
        // Whoever waits for the pack to be busy (the in-process engine, which holds this
        // process for its whole run) goes once it has a backlog to work through.
        if (next >= Math.min(resources.length, BUSY_BACKLOG)) started();
        if (next === resources.length) queued();
        schedule();
      };
      if (resources.length === 0) {
        queued();
        answered();
      } else pump();
    });
    const analysed = allAnswered.finally(started);
    analysed.catch(() => undefined); // awaited below, after the stack request is built

    // AnalyzeStack: the whole graph with parents and dependencies, built once every Analyze
    // request is out, while the pack answers them (a few resources per turn of the event loop, to
    // keep the pack fed), sent once it has answered them all (as the engine does).
    await allQueued;
    const stackResources: Uint8Array[] = [];
    for (let i = 0; i < resources.length; i++) {
      if (i % SEND_BATCH === SEND_BATCH - 1) await new Promise((r) => setImmediate(r));
      const r = resources[i]!;
      stackResources.push(writeStackResource(W, { ...wired[i]!, dependencies: r.dependencies, propertyDependencies: r.propertyDependencies }));
    }
    const stack = writeAnalyzeStackRequest(W, stackResources);
    await analysed;
    collect(await this.analyze("AnalyzeStack", stack, keepAll), undefined);

    const errors = this.logs.filter((l) => l.severity === "error");
    if (errors.length) throw new Error(`the policy pack logged errors: ${errors.map((e) => e.message).join(" | ")}`);
    return {
      pack: { name: info.name, version: info.version },
      engine: "analyzer",
      resources: resources.length,
      violations: sortViolations(violations),
      notes: sortNotes(notes),
    };
  }

  async close(): Promise<void> {
    this.client.close?.();
    if (this.child.exitCode === null) {
      const exited = new Promise<void>((r) => this.child.once("exit", () => r()));
      this.child.kill("SIGTERM");
      // The grace timer is cleared once the pack has exited: a pending timer kept every
      // analyzer-engine run alive for two more seconds.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 2000)))]);
      clearTimeout(timer);
      if (this.child.exitCode === null) this.child.kill("SIGKILL");
    }
    await new Promise<void>((r) => this.engine.tryShutdown(() => r()));
  }
}

/** Analyze requests sent while a program ran (AnalyzerSession.stream). */
interface Early {
  /** The configuration's key (AnalyzerSession.configuration) once the pack has it. */
  readonly key: Promise<string>;
  readonly sent: Map<GraphResource, { readonly wire: WireResource; readonly provider: GraphResource | undefined; readonly answer: Promise<Answer> }>;
}

/** A resource as AnalyzeRequest and AnalyzerResource carry it; its provider's bytes written once per provider (`providers`). */
function wireResource(
  W: WriterClass,
  toWire: (v: unknown) => unknown,
  r: GraphResource,
  provider: GraphResource | undefined,
  providers: Map<GraphResource, Uint8Array>,
): WireResource {
  let providerBytes = provider && providers.get(provider);
  if (provider && !providerBytes) {
    providerBytes = writeProvider(W, { type: provider.type, properties: writeStruct(W, toWire(provider.inputs ?? {}) as Record<string, unknown>), urn: provider.urn, name: provider.name });
    providers.set(provider, providerBytes);
  }
  return {
    type: r.type,
    properties: writeStruct(W, toWire(r.inputs ?? {}) as Record<string, unknown>),
    urn: r.urn,
    name: r.name,
    ...(r.parent ? { parent: r.parent } : {}),
    ...(providerBytes ? { provider: providerBytes } : {}),
  };
}

/** What an Analyze or AnalyzeStack answer says: the violations, and the not-applicable notes worth reading. */
export interface Answer {
  readonly diagnostics: readonly AnalyzerPb.AnalyzeDiagnostic[];
  readonly notApplicable: readonly { readonly policyName: string; readonly reason: string }[];
}

/** The UTF-8 of the not-applicable reason that is never kept (isInformative), recognised unread. */
const ONLY_APPLIES = Buffer.from("Policy only applies to");

/**
 * An AnalyzeResponse (diagnostics = 2, not_applicable = 3 of {policy_name = 1, reason = 2}), read
 * with google-protobuf's own reader. Each answer lists every policy that skips the resource
 * (~58 of 59, "Policy only applies to …"); those are never kept (isInformative), and decoding their
 * strings was most of this process's protobuf time: they are recognised by their bytes and
 * skipped, unless every note is wanted. Diagnostics are read as the generated code reads them.
 */
export function readAnswer(m: Modules, bytes: Uint8Array, keepAll: boolean): Answer {
  const diagnostics: AnalyzerPb.AnalyzeDiagnostic[] = [];
  const notApplicable: { policyName: string; reason: string }[] = [];
  const reader = new m.BinaryReader(bytes);
  const text = (b: Uint8Array | undefined) => (b ? Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("utf8") : "");
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    const field = reader.getFieldNumber();
    if (field === 2) {
      const d = new m.pb.AnalyzeDiagnostic();
      reader.readMessage(d, m.pb.AnalyzeDiagnostic.deserializeBinaryFromReader);
      diagnostics.push(d);
    } else if (field === 3) {
      let name: Uint8Array | undefined;
      let reason: Uint8Array | undefined;
      reader.readMessage(undefined, (_: unknown, r: any) => {
        while (r.nextField()) {
          if (r.isEndGroup()) break;
          const f = r.getFieldNumber();
          if (f === 1) name = r.readBytes();
          else if (f === 2) reason = r.readBytes();
          else r.skipField();
        }
      });
      if (!keepAll && reason && startsWith(reason, ONLY_APPLIES)) continue;
      notApplicable.push({ policyName: text(name), reason: text(reason) });
    } else reader.skipField();
  }
  return { diagnostics, notApplicable };
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Start the pack, evaluate one graph, stop the pack. */
export async function evaluateOverAnalyzer(graph: ResourceGraph, opts: EvaluateOptions & AnalyzerSessionOptions = {}): Promise<PolicyReport> {
  const session = await AnalyzerSession.start(opts);
  try {
    return await session.evaluate(graph, opts);
  } finally {
    await session.close();
  }
}
