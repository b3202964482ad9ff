/**
 * The resource graph in the two forms a policy pack consumes:
 *  - wire form: what the engine sends over gRPC (unknowns as the unknown sentinel, secrets wrapped
 *    in the secret signature), for the analyzer runner;
 *  - policy form: what the policy runtime hands a policy after deserializing that (secrets
 *    unwrapped, their paths recorded, unknowns left as sentinels for the unknown-checking proxy),
 *    for the in-process runner.
 * The graph marks unknowns "[unknown]" and secrets "[secret]" (it never holds a secret's value).
 */
import type { GraphResource, ResourceGraph } from "../graph";
import { SECRET_MARK, UNKNOWN_MARK } from "../run";

/** The engine's sentinel for a value not known during preview (Pulumi's unknownStringValue). */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Inputs as the engine puts them on the wire. */
export function toWire(v: unknown): unknown {
  if (v === UNKNOWN_MARK) return UNKNOWN_SENTINEL;
  if (v === SECRET_MARK) return { [SIG_KEY]: SECRET_SIG, value: SECRET_MARK };
  if (Array.isArray(v)) return v.map(toWire);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toWire(x);
    return out;
  }
  return v;
}

/**
 * Inputs as a policy sees them, with the paths of secret values (`a.b[0].c`). A path is written
 * only for a secret: the walk keeps the keys on the way down (every resource of every check goes
 * through here, and most values are not secrets).
 */
export function toPolicyProps(inputs: Record<string, unknown>): { props: Record<string, unknown>; secretPaths: string[] } {
  const secretPaths: string[] = [];
  const keys: (string | number)[] = [];
  const path = () => keys.reduce<string>((p, k) => (typeof k === "number" ? `${p}[${k}]` : p ? `${p}.${k}` : k), "");
  const walk = (v: unknown): unknown => {
    if (v === UNKNOWN_MARK) return UNKNOWN_SENTINEL;
    if (v === SECRET_MARK) {
      secretPaths.push(path());
      return SECRET_MARK;
    }
    if (Array.isArray(v)) {
      return v.map((x, i) => {
        keys.push(i);
        const out = walk(x);
        keys.pop();
        return out;
      });
    }
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) {
        const x = (v as Record<string, unknown>)[k];
        if (x === undefined) continue;
        keys.push(k);
        out[k] = walk(x);
        keys.pop();
      }
      return out;
    }
    return v;
  };
  return { props: walk(inputs) as Record<string, unknown>, secretPaths };
}

/** The provider resource a graph resource names (`urn::id` reference), if it is in the graph. */
export function providerOf(byUrn: ReadonlyMap<string, GraphResource>, r: GraphResource): GraphResource | undefined {
  if (!r.provider) return undefined;
  const urn = r.provider.slice(0, r.provider.lastIndexOf("::"));
  return byUrn.get(urn);
}

/** The resources a policy pack analyses: all but the root stack (the engine does not analyse it). */
export function analysedResources(graph: ResourceGraph): GraphResource[] {
  return graph.resources.filter(isAnalysed);
}

/** Whether the engine sends a resource an Analyze request: all but the root stack. */
export function isAnalysed(r: GraphResource): boolean {
  return r.type !== "pulumi:pulumi:Stack";
}

/**
 * The stack's config as the engine sends it in ConfigureStack: keys to strings (structured values
 * as JSON), secret values as "[secret]" offline, and the list of secret keys.
 */
export function stackConfigOf(graph: Pick<ResourceGraph, "config" | "secretConfigKeys">): { values: Record<string, string>; secretKeys: string[] } {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(graph.config)) values[k] = typeof v === "string" ? v : JSON.stringify(v);
  return { values, secretKeys: [...graph.secretConfigKeys] };
}

/** Stack tags the Pulumi CLI sets on every stack, plus any the caller adds (`pulumi stack tag set`). */
export function stackTagsOf(graph: Pick<ResourceGraph, "project">, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { "pulumi:project": graph.project, "pulumi:runtime": "nodejs", ...extra };
}
