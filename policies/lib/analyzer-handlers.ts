/**
 * The pack's Analyze and AnalyzeStack handlers: @pulumi/policy 1.21.0's own (`server.js`,
 * `makeAnalyzeRpcFun` and `makeAnalyzeStackRpcFun`), step for step, with three changes that give
 * the same answers, byte for byte, for less work (together a fifth of the pack's CPU in a
 * 1,000-resource `check`, and most of the time between the program's last resource and the answer):
 *
 * 1. AnalyzeStack builds the stack's resources once per request. The SDK rebuilds all of them for
 *    each stack policy (options, provider, property dependencies, parents and dependencies linked
 *    by URN): 24 times per `check`. Each policy still gets its own
 *    copy of the list; the resource objects are shared, as the in-process engine shares them (the
 *    props objects were shared already: see the engine shim's deserialization).
 * 2. Analyze answers a `validateTypes` validator (lib/checks.ts) for a resource of another type with
 *    the validator's own not-applicable note, without calling it to have it thrown and caught.
 * 3. Each distinct not-applicable note is built and encoded once, and each distinct sequence of
 *    them put together once (`notApplicableNotes`): an answer lists thirty to sixty, the same
 *    from one resource of a type to the next.
 *
 * Everything else is the SDK's: the enforcement levels from Configure, the stack tags from
 * ConfigureStack, the order of the notes and diagnostics, the response (`protoutil`), errors.
 * `engine-shim.ts` serves these in place of the SDK's two; `test/policies/analyzer-handlers.test.ts`
 * compares their answers with the SDK's handlers' over every example stack and edge cases, and
 * `test/policies/engine-shim.test.ts` pins the @pulumi/policy version they follow.
 */
import { dirname } from "node:path";
import { typeFilterOf } from "./checks";

/* eslint-disable @typescript-eslint/no-explicit-any -- protobuf messages and the SDK's internals are untyped */
type Message = any;
type Callback = (err: unknown, resp?: unknown) => void;
type Handler = (call: { request: Message }, callback: Callback) => unknown;
type Level = "advisory" | "mandatory" | "remediate" | "disabled";

/** What the pack's PolicyPack passed to the SDK's `serve`. */
export interface Served {
  readonly name: string;
  readonly version: string;
  readonly enforcementLevel: Level;
  readonly policies: readonly any[];
}

/** The SDK's modules, the instances its server uses. */
function sdk() {
  const policyDir = dirname(require.resolve("@pulumi/policy/server"));
  return {
    policy: require("@pulumi/policy/policy") as {
      isResourcePolicy(p: unknown): boolean;
      isStackPolicy(p: unknown): boolean;
      getPulumiType(o: unknown): string | undefined;
    },
    proxy: require("@pulumi/policy/proxy") as { unknownCheckingProxy(o: object): object; UnknownValueError: new (...a: any[]) => Error },
    deserialize: require("@pulumi/policy/deserialize") as { deserializeProperties(s: Message, proxySecrets: boolean): object },
    protoutil: require("@pulumi/policy/protoutil") as {
      makeAnalyzeResponse(ds: unknown[], notApplicable: Message[] | undefined): Message;
      asGrpcError(e: unknown, message?: string): Error;
      convertEnforcementLevel(level: number): Level;
    },
    analyzerproto: require(require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [policyDir] })) as {
      PolicyNotApplicable: new () => Message;
      AnalyzeResponse: new () => Message;
    },
  };
}

/**
 * The SDK's AnalyzerService implementation with our Analyze and AnalyzeStack. Configure and
 * ConfigureStack stay the SDK's (Remediate reads what they set); they are wrapped to keep the same
 * configuration and tags for our two handlers.
 */
export function withFasterHandlers(impl: Record<string, Handler>, served: Served): Record<string, Handler> {
  const m = sdk();
  const { push: pushNotApplicable, respond } = notApplicableNotes(m);
  let packConfig: Record<string, Record<string, unknown>> = {};
  let stackTags = freezeMap(new Map());

  const configure: Handler = (call, callback) => {
    try {
      const config: Record<string, Record<string, unknown>> = {};
      for (const [k, v] of call.request.getPolicyconfigMap().entries() as Iterable<[string, Message]>) {
        const props = v.getProperties().toJavaScript() as Record<string, unknown>;
        props.enforcementLevel = m.protoutil.convertEnforcementLevel(v.getEnforcementlevel());
        config[k] = props;
      }
      packConfig = config;
    } catch {
      // The SDK's handler answers the same error and keeps its configuration; so do we.
    }
    return impl.configure!(call, callback);
  };
  const configureStack: Handler = (call, callback) => {
    try {
      const map = new Map<string, string>();
      call.request.getTagsMap().forEach((v: string, k: string) => map.set(k, v));
      stackTags = freezeMap(map);
    } catch {
      // As above: the SDK answers the error.
    }
    return impl.configureStack!(call, callback);
  };

  const configuredLevel = (p: any): Level => packConfig[p.name]?.enforcementLevel || p.enforcementLevel || served.enforcementLevel;
  // A remediation cannot be run here: a violation of a "remediate" policy is reported as mandatory.
  const reportedLevel = (level: Level): Level => (level === "remediate" ? "mandatory" : level);
  const getConfigOf = (policyName: string) => () => {
    const c = packConfig[policyName];
    if (!c) return {};
    const { enforcementLevel: _level, ...properties } = c;
    return properties;
  };
  const report = (p: any, level: Level, ds: unknown[]) => makeReportViolation(p.name, served, p.description, level, ds, p.severity);
  /**
   * A validation's error, as the SDK handles it: a value unknown during preview becomes an
   * advisory diagnostic, "not applicable" a note, anything else fails the call naming the policy.
   */
  const caught = (p: any, e: unknown, validate: "validateResource" | "validateStack", ds: unknown[], notes: Notes | undefined): Notes | undefined => {
    if (e instanceof m.proxy.UnknownValueError) {
      const { [validate]: _v, name, ...diag } = p;
      ds.push({ policyName: name, policyPackName: served.name, policyPackVersion: served.version, message: `can't run ${policyFrom(p, served)} during preview: ${e.message}`, ...diag, enforcementLevel: "advisory" });
      return notes;
    }
    if (e instanceof NotApplicableError) return pushNotApplicable(notes, p.name, e.reason);
    throw m.protoutil.asGrpcError(e, `Error validating resource with ${policyFrom(p, served)}`);
  };

  const analyze: Handler = async (call, callback) => {
    const req = call.request;
    const type: string = req.getType();
    const ds: unknown[] = [];
    let notApplicable: Notes | undefined;
    // What the SDK computes before calling a validator; once per request (the same values each time).
    let prepared = false;
    const prepare = () => {
      if (prepared) return;
      m.deserialize.deserializeProperties(req.getProperties(), false);
      getResourceOptions(req);
      getProviderResource(m, req);
      prepared = true;
    };
    try {
      for (const p of served.policies) {
        const configured = configuredLevel(p);
        if (configured === "disabled" || !m.policy.isResourcePolicy(p)) continue;
        if (!p.validateResource) {
          notApplicable = pushNotApplicable(notApplicable, p.name, "Policy does not implement validateResource");
          continue;
        }
        const level = reportedLevel(configured);
        if (!Array.isArray(p.validateResource)) {
          const pulumiType = m.policy.getPulumiType(p.validateResource);
          if (pulumiType && type !== pulumiType) {
            notApplicable = pushNotApplicable(notApplicable, p.name, onlyTypeReason(pulumiType));
            continue;
          }
          // Change 2: the validator would say "not applicable" for this type.
          const filter = typeFilterOf(p.validateResource);
          if (filter && !filter.types.has(type)) {
            try {
              prepare();
            } catch (e) {
              throw m.protoutil.asGrpcError(e, `Error validating resource with ${policyFrom(p, served)}`);
            }
            notApplicable = pushNotApplicable(notApplicable, p.name, filter.reason);
            continue;
          }
        }
        const reportViolation = report(p, level, ds);
        const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
        for (const validation of validations) {
          try {
            const deserd = m.deserialize.deserializeProperties(req.getProperties(), false);
            const props = m.proxy.unknownCheckingProxy(deserd);
            const args: Record<string, unknown> = {
              type,
              props,
              urn: req.getUrn(),
              name: req.getName(),
              opts: getResourceOptions(req),
              stackTags,
              isType: (cls: unknown) => isTypeOf(m, type, cls),
              asType: (cls: unknown) => (isTypeOf(m, type, cls) ? props : undefined),
              getConfig: getConfigOf(p.name),
              notApplicable: throwNotApplicable,
            };
            const provider = getProviderResource(m, req);
            if (provider) args.provider = provider;
            prepared = true;
            await Promise.resolve(validation(args, reportViolation));
          } catch (e) {
            notApplicable = caught(p, e, "validateResource", ds, notApplicable);
          }
        }
      }
    } catch (err) {
      callback(err, undefined);
      return;
    }
    callback(undefined, respond(ds, notApplicable));
  };

  const analyzeStack: Handler = async (call, callback) => {
    const req = call.request;
    const resources: Message[] = req.getResourcesList();
    const ds: unknown[] = [];
    let notApplicable: Notes | undefined;
    let built: unknown[] | undefined; // change 1: once per request
    try {
      for (const p of served.policies) {
        const configured = configuredLevel(p);
        if (configured === "disabled" || !m.policy.isStackPolicy(p)) continue;
        const level = reportedLevel(configured);
        const pulumiType = m.policy.getPulumiType(p.validateStack);
        if (pulumiType && !resources.some((r) => r.getType() === pulumiType)) {
          notApplicable = pushNotApplicable(notApplicable, p.name, onlyTypeReason(pulumiType));
          continue;
        }
        const reportViolation = report(p, level, ds);
        try {
          built ??= stackResources(m, resources);
          const args = { resources: [...built], getConfig: getConfigOf(p.name), stackTags, notApplicable: throwNotApplicable };
          await Promise.resolve(p.validateStack(args, reportViolation));
        } catch (e) {
          notApplicable = caught(p, e, "validateStack", ds, notApplicable);
        }
      }
    } catch (err) {
      callback(err, undefined);
      return;
    }
    callback(undefined, respond(ds, notApplicable));
  };

  return { ...impl, configure, configureStack, analyze, analyzeStack };
}

type Sdk = ReturnType<typeof sdk>;

/** The stack's resources as the SDK builds them for a stack policy, parents and dependencies linked. */
function stackResources(m: Sdk, resources: readonly Message[]): unknown[] {
  const intermediates = resources.map((r) => {
    const type: string = r.getType();
    const props = m.proxy.unknownCheckingProxy(m.deserialize.deserializeProperties(r.getProperties(), false));
    const resource: Record<string, any> = {
      type,
      props,
      urn: r.getUrn(),
      name: r.getName(),
      opts: getResourceOptions(r),
      dependencies: [],
      propertyDependencies: {},
      isType: (cls: unknown) => isTypeOf(m, type, cls),
      asType: (cls: unknown) => (isTypeOf(m, type, cls) ? props : undefined),
    };
    const provider = getProviderResource(m, r);
    if (provider) resource.provider = provider;
    return { resource, parent: r.getParent() as string, dependencies: r.getDependenciesList() as string[], propertyDependencies: getPropertyDependencies(r) };
  });
  const byUrn = new Map(intermediates.map((i) => [i.resource.urn as string, i.resource]));
  for (const i of intermediates) {
    if (i.parent) {
      const parent = byUrn.get(i.parent);
      if (parent) i.resource.parent = parent;
    }
    i.resource.dependencies = i.dependencies.map((d) => byUrn.get(d)).filter((d) => d);
    for (const k of Object.keys(i.propertyDependencies)) {
      i.resource.propertyDependencies[k] = i.propertyDependencies[k]!.map((d) => byUrn.get(d)).filter((d) => d);
    }
  }
  return intermediates.map((i) => i.resource);
}

function getResourceOptions(r: Message): Record<string, unknown> {
  const opts = r.getOptions();
  if (!opts) {
    throw new Error("A more recent version of the Pulumi CLI is required. To upgrade, see https://www.pulumi.com/docs/get-started/install/");
  }
  const timeouts = opts.getCustomtimeouts();
  const result: Record<string, unknown> = {
    protect: opts.getProtect(),
    ignoreChanges: opts.getIgnorechangesList(),
    aliases: opts.getAliasesList(),
    customTimeouts: {
      createSeconds: timeouts?.getCreate() ?? 0.0,
      updateSeconds: timeouts?.getUpdate() ?? 0.0,
      deleteSeconds: timeouts?.getDelete() ?? 0.0,
    },
    additionalSecretOutputs: opts.getAdditionalsecretoutputsList(),
  };
  if (opts.getDeletebeforereplacedefined()) result.deleteBeforeReplace = opts.getDeletebeforereplace();
  if (opts.getParent()) result.parent = opts.getParent();
  return result;
}

function getProviderResource(m: Sdk, r: Message): Record<string, unknown> | undefined {
  const prov = r.getProvider();
  if (!prov) return undefined;
  const props = m.proxy.unknownCheckingProxy(m.deserialize.deserializeProperties(prov.getProperties(), false));
  return { type: prov.getType(), props, urn: prov.getUrn(), name: prov.getName() };
}

function getPropertyDependencies(r: Message): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const map = r.getPropertydependenciesMap();
  if (map) {
    for (const [k, v] of map.entries() as Iterable<[string, Message]>) result[k] = v.getUrnsList();
  }
  return result;
}

function isTypeOf(m: Sdk, type: string, cls: any): boolean {
  const pulumiType = m.policy.getPulumiType(cls);
  if (pulumiType) return type === pulumiType;
  const isInstance = cls.isInstance;
  return isInstance && typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
}

function policyFrom(p: any, served: Served): string {
  return `policy '${p.name}' from policy pack '${served.name}@v${served.version}'`;
}

class NotApplicableError extends Error {
  constructor(readonly reason?: string) {
    super(reason ?? "Policy does not apply");
  }
}

/**
 * `args.notApplicable(reason)`. The error is ours and caught by our handler at once: its stack is
 * never read, so it is built without one (a policy that answers "not applicable" for most
 * resources, such as data-residency with no allowed regions, throws 1,000 times per 1,000).
 */
function throwNotApplicable(reason?: string): never {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let err: NotApplicableError;
  try {
    err = new NotApplicableError(reason);
  } finally {
    Error.stackTraceLimit = limit;
  }
  throw err;
}

interface Note {
  readonly message: Message;
  /** The note as a field of AnalyzeResponse: its tag, length and message. */
  readonly bytes: Uint8Array;
}

/**
 * An answer's notes so far, as a path in a tree of the note sequences answers have had: a
 * resource of a type seen before takes the same path, so the bytes and messages of the whole
 * sequence are put together once, not per answer.
 */
interface Notes {
  readonly note: Note;
  readonly previous: Notes | undefined;
  /** The paths one note longer, by that note. */
  readonly next: Map<Note, Notes>;
  bytes?: Uint8Array;
  messages?: Message[];
}

/**
 * The not-applicable notes of the answers. Most answers carry the same few dozen (a policy for
 * one cloud's types says the same of every other resource): each distinct note is built and
 * encoded once, and each distinct sequence of them put together once (Notes). An answer's bytes
 * are its diagnostics, encoded by the generated code, followed by its notes' bytes, as the
 * generated code writes them (diagnostics, then the notes). The response object is the SDK's,
 * with every field set, for anyone who reads it.
 */
function notApplicableNotes(m: Sdk) {
  // Reasons that name each resource would not repeat: past these, notes and paths are not kept.
  const MAX_KEPT = 10_000;
  const byPolicy = new Map<string, Map<string, Note>>();
  let kept = 0;
  const note = (policyName: string, reason: string | undefined): Note => {
    let byReason = byPolicy.get(policyName);
    if (!byReason) byPolicy.set(policyName, (byReason = new Map()));
    const hit = byReason.get(reason ?? "");
    if (hit) return hit;
    const message = new m.analyzerproto.PolicyNotApplicable();
    message.setPolicyName(policyName);
    if (reason) message.setReason(reason);
    const alone = new m.analyzerproto.AnalyzeResponse();
    alone.setNotApplicableList([message]);
    const made = { message, bytes: alone.serializeBinary() as Uint8Array };
    if (kept < MAX_KEPT) {
      byReason.set(reason ?? "", made);
      kept++;
    }
    return made;
  };
  const roots = new Map<Note, Notes>();
  let paths = 0;
  const sequence = (notes: Notes) => {
    const list: Notes[] = [];
    for (let n: Notes | undefined = notes; n; n = n.previous) list.push(n);
    return list.reverse();
  };
  return {
    push(notes: Notes | undefined, policyName: string, reason: string | undefined): Notes {
      const n = note(policyName, reason);
      const next = notes ? notes.next : roots;
      let path = next.get(n);
      if (!path) {
        path = { note: n, previous: notes, next: new Map() };
        if (paths < MAX_KEPT) {
          next.set(n, path);
          paths++;
        }
      }
      return path;
    },
    respond(ds: unknown[], notes: Notes | undefined): Message {
      const resp = m.protoutil.makeAnalyzeResponse(ds, undefined);
      if (!notes) return resp;
      notes.bytes ??= Buffer.concat(sequence(notes).map((n) => n.note.bytes));
      notes.messages ??= sequence(notes).map((n) => n.note.message);
      const own = resp.serializeBinary() as Uint8Array;
      const bytes = own.length ? Buffer.concat([own, notes.bytes]) : notes.bytes;
      // Each answer its own list (the messages are shared, as before).
      resp.setNotApplicableList(notes.messages.slice());
      resp.serializeBinary = () => bytes;
      return resp;
    },
  };
}

/** "Policy only applies to resources of type '…'", one string per type (answered for most resources). */
const onlyTypeReasons = new Map<string, string>();
function onlyTypeReason(type: string): string {
  let reason = onlyTypeReasons.get(type);
  if (reason === undefined) onlyTypeReasons.set(type, (reason = `Policy only applies to resources of type '${type}'`));
  return reason;
}

function makeReportViolation(policyName: string, served: Served, description: string, enforcementLevel: Level, ds: unknown[], severity: unknown) {
  const { name: policyPackName, version: policyPackVersion } = served;
  return (message?: any, urn?: string) => {
    if (typeof message === "object") {
      ds.push({
        policyName: message.name || policyName,
        policyPackName,
        policyPackVersion,
        message: message.message || message.description || description,
        urn: message.urn,
        description: message.description || description,
        enforcementLevel: message.enforcementLevel || enforcementLevel,
        severity: message.severity || severity,
      });
    } else {
      ds.push({
        policyName,
        policyPackName,
        policyPackVersion,
        message: message ? `${description}\n${message}` : description,
        urn,
        description,
        enforcementLevel,
        severity,
      });
    }
  };
}

/** A read-only view of a map, as the SDK hands the stack's tags to policies. */
function freezeMap<K, V>(map: Map<K, V>) {
  return Object.freeze({
    entries: map.entries.bind(map),
    forEach: map.forEach.bind(map),
    get: map.get.bind(map),
    has: map.has.bind(map),
    keys: map.keys.bind(map),
    size: map.size,
    values: map.values.bind(map),
    [Symbol.iterator]: map[Symbol.iterator].bind(map),
  });
}
