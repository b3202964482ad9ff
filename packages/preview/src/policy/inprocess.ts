/**
 * The pack evaluated in-process: the same policy objects the analyzer serves, called with the same
 * arguments @pulumi/policy's server builds (typed props, behind the unknown-checking proxy when
 * they hold an unknown value; options, provider, stack tags, config, notApplicable) and the same
 * rules for enforcement levels, type filters, unknown values and not-applicable results. Fast: no
 * process, no serialisation.
 */
import type {
  EnforcementLevel,
  Policy,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { indexByUrn, type GraphResource, type ResourceGraph } from "../graph";
import { resolvePackConfig, type EffectivePolicyConfig } from "./config";
import { loadPack, type LoadedPack } from "./pack";
import { isInformative, messageOnly, sortNotes, sortViolations, type PolicyNote, type PolicyReport, type PolicyViolation, type VerdictLevel } from "./types";
import { analysedResources, providerOf, stackConfigOf, stackTagsOf, toPolicyProps } from "./wire";

export interface EvaluateOptions {
  /** Parsed pack config (the JSON of `--policy-pack-config`). */
  readonly config?: unknown;
  /** Where the config came from, for error lines. */
  readonly configSource?: string;
  /** Stack tags besides the ones the CLI sets (pulumi:project, pulumi:runtime). */
  readonly stackTags?: Readonly<Record<string, string>>;
  /** Keep every not-applicable note, not only the informative ones (tests use it to rule out vacuous passes). */
  readonly allNotes?: boolean;
}

interface PolicyRuntime {
  unknownCheckingProxy<T>(v: T): T;
  /** The runtime's unknown sentinels (one per kind of value): what its proxy throws on reading. */
  unknownValues: ReadonlySet<unknown>;
  attachSecretPaths<T extends object>(props: T, paths: readonly string[]): T;
  setStackConfig(c: { values: Record<string, string>; secretKeys: string[] } | undefined): void;
}

type ProxyModule = { unknownCheckingProxy<T>(v: T): T } & Record<`unknown${"Boolean" | "Number" | "String" | "Array" | "Asset" | "Archive" | "Object"}Value`, string>;

function runtime(pack: LoadedPack): PolicyRuntime {
  const proxy = require("@pulumi/policy/proxy.js") as ProxyModule;
  const { unknownBooleanValue, unknownNumberValue, unknownStringValue, unknownArrayValue, unknownAssetValue, unknownArchiveValue, unknownObjectValue } = proxy;
  return {
    unknownCheckingProxy: proxy.unknownCheckingProxy,
    unknownValues: new Set([unknownBooleanValue, unknownNumberValue, unknownStringValue, unknownArrayValue, unknownAssetValue, unknownArchiveValue, unknownObjectValue]),
    attachSecretPaths: pack.attachSecretPaths,
    setStackConfig: pack.setStackConfig,
  };
}

/** True when no value in `v` is one of the runtime's unknown sentinels. */
function allKnown(v: unknown, unknowns: ReadonlySet<unknown>): boolean {
  if (typeof v === "string") return !unknowns.has(v);
  if (Array.isArray(v)) return v.every((x) => allKnown(x, unknowns));
  if (v && typeof v === "object") {
    for (const k in v) if (!allKnown((v as Record<string, unknown>)[k], unknowns)) return false;
  }
  return true;
}

/** A resource's provider as a policy reads it. */
function providerView(rt: PolicyRuntime, provider: NonNullable<Prepared["provider"]>): PolicyResource["provider"] & object {
  const { type, urn, name, props, known } = provider;
  return { type, props: policyView(rt, props, known), urn, name };
}

/**
 * Props as a policy reads them: behind the runtime's unknown-checking proxy when they hold an
 * unknown value. Props without one are handed over as they are: the proxy would return the same
 * values and never throw, and going through it was a sixth of in-process evaluation.
 */
function policyView(rt: PolicyRuntime, props: Record<string, unknown>, known: boolean): Record<string, unknown> {
  return known ? props : rt.unknownCheckingProxy(props);
}

/**
 * Thrown by a policy's notApplicable(): a plain value, not an Error, so no stack trace is captured
 * for what is an ordinary outcome (a third of in-process evaluation went to those stacks).
 */
class NotApplicable {
  constructor(readonly reason: string | undefined) {}
}
const notApplicable = (reason?: string): never => {
  throw new NotApplicable(reason);
};

const isUnknownError = (e: unknown): e is Error => e instanceof Error && e.constructor?.name === "UnknownValueError";

function pulumiTypeOf(o: unknown): string | undefined {
  const t = (o as { __pulumiType?: unknown } | undefined)?.__pulumiType;
  return typeof t === "string" && t.length ? t : undefined;
}

function isTypeOf(type: string, cls: unknown): boolean {
  const t = pulumiTypeOf(cls);
  if (t) return type === t;
  const isInstance = (cls as { isInstance?: (o: unknown) => boolean }).isInstance;
  return typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
}

const isResourcePolicy = (p: Policy): p is ResourceValidationPolicy =>
  typeof (p as ResourceValidationPolicy).validateResource === "function" || Array.isArray((p as ResourceValidationPolicy).validateResource);
const isStackPolicy = (p: Policy): p is StackValidationPolicy => typeof (p as StackValidationPolicy).validateStack === "function";

/** The level a violation is reported at: remediate counts as mandatory, as in the runtime. */
function reportLevel(level: EnforcementLevel): VerdictLevel {
  return level === "advisory" ? "advisory" : "mandatory";
}

const DEFAULT_OPTS = { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] };

/** A resource's options as the runtime hands them to a policy (the graph records only the parent). */
function optionsOf(r: GraphResource): PolicyResource["opts"] {
  const { protect, ignoreChanges, aliases, customTimeouts, additionalSecretOutputs } = DEFAULT_OPTS;
  return r.parent
    ? { protect, ignoreChanges, aliases, customTimeouts, additionalSecretOutputs, parent: r.parent }
    : { protect, ignoreChanges, aliases, customTimeouts, additionalSecretOutputs };
}

interface Prepared {
  readonly r: GraphResource;
  readonly props: Record<string, unknown>;
  /** The props hold no unknown value (policies read them without the proxy). */
  readonly known: boolean;
  readonly provider?: { type: string; props: Record<string, unknown>; urn: string; name: string; known: boolean };
}

/** Evaluate the pack against a resource graph in this process. */
export async function evaluateInProcess(graph: ResourceGraph, opts: EvaluateOptions = {}): Promise<PolicyReport> {
  const pack = await loadPack();
  return evaluateWith(pack, runtime(pack), graph, opts);
}

async function evaluateWith(pack: LoadedPack, rt: PolicyRuntime, graph: ResourceGraph, opts: EvaluateOptions): Promise<PolicyReport> {
  const config = resolvePackConfig(pack.policies, pack.enforcementLevel, opts.config, opts.configSource);
  const tagsMap = new Map(Object.entries(stackTagsOf(graph, opts.stackTags)));
  const stackTags: ReadonlyMap<string, string> = tagsMap;
  const byUrn = indexByUrn(graph);
  const resources = analysedResources(graph);
  const violations: PolicyViolation[] = [];
  const notes: PolicyNote[] = [];

  // Each resource's props once: deserialized like the runtime does, secrets' paths attached; each
  // provider's once for all the resources it serves.
  const providers = new Map<GraphResource, NonNullable<Prepared["provider"]>>();
  const providerFor = (p: GraphResource): NonNullable<Prepared["provider"]> => {
    let provider = providers.get(p);
    if (!provider) {
      const { props } = toPolicyProps(p.inputs);
      providers.set(p, (provider = { type: p.type, props, urn: p.urn, name: p.name, known: allKnown(props, rt.unknownValues) }));
    }
    return provider;
  };
  const prepared: Prepared[] = resources.map((r) => {
    const { props, secretPaths } = toPolicyProps(r.inputs);
    const p = providerOf(byUrn, r);
    return {
      r,
      props: rt.attachSecretPaths(props, secretPaths),
      known: allKnown(props, rt.unknownValues),
      ...(p ? { provider: providerFor(p) } : {}),
    };
  });

  const preparedByType = new Map<string, Prepared[]>();
  for (const p of prepared) {
    const list = preparedByType.get(p.r.type);
    if (list) list.push(p);
    else preparedByType.set(p.r.type, [p]);
  }

  rt.setStackConfig(stackConfigOf(graph));
  try {
    for (const policy of pack.policies) {
      const cfg = config.get(policy.name)!;
      if (cfg.enforcementLevel === "disabled") continue;
      // This process's event loop turns between policies (a few ms each): with both engines,
      // the analyzer client keeps the pack process fed meanwhile (AnalyzerSession.evaluate).
      await new Promise((r) => setImmediate(r));
      if (isResourcePolicy(policy)) await runResourcePolicy(pack, rt, policy, cfg, prepared, preparedByType, stackTags, violations, notes, opts.allNotes === true);
      if (isStackPolicy(policy)) await runStackPolicy(pack, rt, policy, cfg, prepared, stackTags, violations, notes);
    }
  } finally {
    rt.setStackConfig(undefined);
  }
  return {
    pack: { name: pack.name, version: pack.version },
    engine: "in-process",
    resources: resources.length,
    violations: sortViolations(violations),
    notes: sortNotes(opts.allNotes ? notes : notes.filter(isInformative)),
  };
}

function makeReporter(policy: Policy, level: EnforcementLevel, out: PolicyViolation[], defaultUrn: string | undefined): ReportViolation {
  return (message: string, urn?: string) => {
    // The runtime reports `<description>\n<message>`; we keep the message (see messageOnly).
    const full = message ? `${policy.description}\n${message}` : policy.description;
    out.push({
      policy: policy.name,
      level: reportLevel(level),
      ...(policy.severity ? { severity: policy.severity } : {}),
      ...((defaultUrn ?? urn) ? { urn: (defaultUrn ?? urn)! } : {}),
      message: messageOnly(full, policy.description),
      description: policy.description,
    });
  };
}

function unknownViolation(pack: LoadedPack, policy: Policy, err: Error, urn: string | undefined): PolicyViolation {
  const message = `can't run policy '${policy.name}' from policy pack '${pack.name}@v${pack.version}' during preview: ${err.message}`;
  return { policy: policy.name, level: "advisory", ...(policy.severity ? { severity: policy.severity } : {}), ...(urn ? { urn } : {}), message, description: policy.description };
}

async function runResourcePolicy(
  pack: LoadedPack,
  rt: PolicyRuntime,
  policy: ResourceValidationPolicy,
  cfg: EffectivePolicyConfig,
  prepared: readonly Prepared[],
  preparedByType: ReadonlyMap<string, readonly Prepared[]>,
  stackTags: ReadonlyMap<string, string>,
  violations: PolicyViolation[],
  notes: PolicyNote[],
  keepAll: boolean,
): Promise<void> {
  if (!policy.validateResource) return;
  const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
  const fastType = !Array.isArray(policy.validateResource) ? pulumiTypeOf(policy.validateResource) : undefined;
  const filters = validations.map((v) => pack.typeFilterOf(v));
  // The runtime's type filter: resources of other types are not applicable, not worth a note.
  // A lone validateTypes validator likewise reads only resources of its types: the others get
  // its note (kept only if informative) without a visit.
  const only = validations.length === 1 ? filters[0] : undefined;
  let candidates = prepared;
  if (fastType) candidates = preparedByType.get(fastType) ?? [];
  else if (only) {
    candidates = prepared.filter((p) => only.types.has(p.r.type));
    if (keepAll || isInformative({ urn: "", reason: only.reason })) {
      for (const { r } of prepared) if (!only.types.has(r.type)) notes.push({ policy: policy.name, urn: r.urn, reason: only.reason });
    }
  }
  for (const { r, props, known, provider } of candidates) {
    const report = makeReporter(policy, cfg.enforcementLevel, violations, r.urn);
    for (let i = 0; i < validations.length; i++) {
      const validate = validations[i]!;
      const filter = filters[i];
      if (filter && !filter.types.has(r.type)) {
        // What the validator would say without reading anything (validateTypes), said without calling it.
        const note = { policy: policy.name, urn: r.urn, reason: filter.reason };
        if (keepAll || isInformative(note)) notes.push(note);
        continue;
      }
      const proxied = policyView(rt, props, known);
      const args: ResourceValidationArgs = {
        type: r.type,
        props: proxied,
        urn: r.urn,
        name: r.name,
        opts: optionsOf(r),
        stackTags,
        isType: (cls) => isTypeOf(r.type, cls),
        asType: ((cls: unknown) => (isTypeOf(r.type, cls) ? proxied : undefined)) as ResourceValidationArgs["asType"],
        getConfig: <T extends object>() => ({ ...cfg.properties }) as T,
        notApplicable,
      };
      if (provider) args.provider = providerView(rt, provider);
      try {
        const result = validate(args, report);
        if (result && typeof (result as Promise<void>).then === "function") await result;
      } catch (err) {
        if (err instanceof NotApplicable) {
          const note = { policy: policy.name, urn: r.urn, reason: err.reason ?? "Policy does not apply" };
          // Most are "Policy only applies to …" for every resource of another type: not kept.
          if (keepAll || isInformative(note)) notes.push(note);
        }
        else if (isUnknownError(err)) violations.push(unknownViolation(pack, policy, err, r.urn));
        else throw new Error(`policy ${policy.name} failed on ${r.urn}: ${(err as Error)?.message ?? String(err)}`);
      }
    }
  }
}

/**
 * The stack's resources as stack policies see them (props as policyView hands them over,
 * parents and dependencies as objects). The runtime rebuilds them per policy; policies only read
 * them, so one list per evaluation gives the same verdicts at a fraction of the cost.
 */
const stackViews = new WeakMap<readonly Prepared[], PolicyResource[]>();
function stackResources(rt: PolicyRuntime, prepared: readonly Prepared[]): PolicyResource[] {
  const cached = stackViews.get(prepared);
  if (cached) return cached;
  const resources: PolicyResource[] = prepared.map(({ r, props, known, provider }) => {
    const proxied = policyView(rt, props, known);
    const resource: PolicyResource = {
      type: r.type,
      props: proxied,
      urn: r.urn,
      name: r.name,
      opts: optionsOf(r),
      dependencies: [],
      propertyDependencies: {},
      isType: (cls) => isTypeOf(r.type, cls),
      asType: ((cls: unknown) => (isTypeOf(r.type, cls) ? proxied : undefined)) as PolicyResource["asType"],
    };
    if (provider) resource.provider = providerView(rt, provider);
    return resource;
  });
  const byUrn = new Map(resources.map((x) => [x.urn, x]));
  prepared.forEach(({ r }, i) => {
    const res = resources[i]!;
    const parent = r.parent ? byUrn.get(r.parent) : undefined;
    if (parent) res.parent = parent;
    res.dependencies = r.dependencies.map((d) => byUrn.get(d)).filter((d): d is PolicyResource => !!d);
    for (const [k, urns] of Object.entries(r.propertyDependencies)) {
      res.propertyDependencies[k] = urns.map((d) => byUrn.get(d)).filter((d): d is PolicyResource => !!d);
    }
  });
  stackViews.set(prepared, resources);
  return resources;
}

async function runStackPolicy(
  pack: LoadedPack,
  rt: PolicyRuntime,
  policy: StackValidationPolicy,
  cfg: EffectivePolicyConfig,
  prepared: readonly Prepared[],
  stackTags: ReadonlyMap<string, string>,
  violations: PolicyViolation[],
  notes: PolicyNote[],
): Promise<void> {
  const fastType = pulumiTypeOf(policy.validateStack);
  if (fastType && !prepared.some((p) => p.r.type === fastType)) {
    notes.push({ policy: policy.name, reason: `Policy only applies to resources of type '${fastType}'` });
    return;
  }
  const args: StackValidationArgs = {
    // A copy of the list per policy: a policy that sorts or filters in place cannot affect the next.
    resources: [...stackResources(rt, prepared)],
    stackTags,
    getConfig: <T extends object>() => ({ ...cfg.properties }) as T,
    notApplicable,
  };
  try {
    const result = policy.validateStack(args, makeReporter(policy, cfg.enforcementLevel, violations, undefined));
    if (result && typeof (result as Promise<void>).then === "function") await result;
  } catch (err) {
    if (err instanceof NotApplicable) notes.push({ policy: policy.name, reason: err.reason ?? "Policy does not apply" });
    else if (isUnknownError(err)) violations.push(unknownViolation(pack, policy, err, undefined));
    else throw new Error(`policy ${policy.name} failed on the stack: ${(err as Error)?.message ?? String(err)}`);
  }
}
