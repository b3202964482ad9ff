/**
 * The resource graph: the one document cost estimation and policies read. Versioned; a change
 * that breaks readers bumps GRAPH_VERSION.
 *
 * ```json
 * {
 *   "version": 1,
 *   "project": "aitracks", "stack": "buy-aws",
 *   "config": { "aitracks:tracks": [...] },        // parsed; secret values are "[secret]"
 *   "secretConfigKeys": ["aitracks:apiKey"],
 *   "resources": [{
 *     "urn": "urn:pulumi:buy-aws::aitracks::aitracks:aws:BuyTrack$aws:s3/bucket:Bucket::assistant-invocation-logs",
 *     "type": "aws:s3/bucket:Bucket", "name": "assistant-invocation-logs", "custom": true,
 *     "parent": "urn:…BuyTrack::assistant", "provider": "urn:…pulumi:providers:aws::aws-us-east-1::<id>",
 *     "region": "us-east-1",                         // where it lives (see `region` below)
 *     "inputs": { … },                               // exactly what the engine would get
 *     "secretInputs": ["password"],                  // top-level inputs that were Pulumi secrets
 *     "dependencies": ["urn:…"], "propertyDependencies": { "kmsKeyId": ["urn:…"] },
 *     "id": "assistant-invocation-logs-1a2b3c4"      // the mock's id
 *   }],
 *   "outputs": { "tracks": { … } },                  // the program's stack outputs
 *   "lookups": [{ "token": "aws:index/getRegion:getRegion", "mocked": true }]
 * }
 * ```
 */
import { cloudOf, isCloudResourceType, trackIdentityOf, type Cloud } from "@aitracks/core/identity";
import type { StackConfig } from "./project";

export const GRAPH_VERSION = 1 as const;

export interface GraphResource {
  readonly urn: string;
  /** The Pulumi type token, e.g. `aws:sagemaker/endpointConfiguration:EndpointConfiguration`. */
  readonly type: string;
  readonly name: string;
  /** false for component resources (ours are `aitracks:<cloud>:<Track>Track`) and the stack. */
  readonly custom: boolean;
  readonly parent: string | null;
  /** Provider reference `urn::id`, when the resource names one. */
  readonly provider: string | null;
  /**
   * The resolved region (AWS, GCP) or location (Azure) of a custom resource: its own
   * region/location/zone input (a zone stands for its region), else its explicit provider's, else
   * the stack config's default for its package (`aws:region`, `gcp:region` or the region of
   * `gcp:zone`, `azure-native:location`). Azure display names are normalised (`West Europe` →
   * `westeurope`). Absent for components, resources of no cloud, and placements not known at
   * preview. Cost and residency read this, never the inputs. See region.ts.
   */
  readonly region?: string;
  readonly inputs: Record<string, unknown>;
  readonly secretInputs: readonly string[];
  /** Top-level inputs whose value is not known until deploy (shown as "[unknown]"). */
  readonly unknownInputs?: readonly string[];
  readonly dependencies: readonly string[];
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  readonly id: string | null;
}

/** What a graph says of its stack, known before its program runs (the graph's other fields come from the run). */
export type StackHeader = Pick<ResourceGraph, "project" | "stack" | "config" | "secretConfigKeys">;

/** A stack's header from its project, name and config (the config's parsed values, secrets as "[secret]"). */
export function stackHeader(project: string, stack: string, config: StackConfig): StackHeader {
  return { project, stack, config: config.parsed, secretConfigKeys: config.secretKeys };
}

export interface ResourceGraph {
  readonly version: typeof GRAPH_VERSION;
  readonly project: string;
  readonly stack: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly secretConfigKeys: readonly string[];
  readonly resources: readonly GraphResource[];
  readonly outputs: Readonly<Record<string, unknown>>;
  /**
   * The provider functions (invokes) the program called, each once, in call order. `mocked: false`
   * marks one the engine has no mock for: it answered with a plausible empty result, so values
   * derived from it are guesses. Absent when the program called none.
   */
  readonly lookups?: readonly { readonly token: string; readonly mocked: boolean }[];
}

export type CloudName = Cloud;

/** The cloud a type token belongs to, or undefined for Pulumi's own and dynamic types (core's one answer). */
export const cloudOfType = cloudOf;

/** The aitracks track component a resource belongs to (walking up its parents), as the component describes itself. */
export function trackOf(graph: ResourceGraph, resource: GraphResource): { track: string; cloud: CloudName; name: string } | undefined {
  const byUrn = indexByUrn(graph);
  for (let r: GraphResource | undefined = resource; r; r = r.parent ? byUrn.get(r.parent) : undefined) {
    const id = r.custom ? undefined : trackIdentityOf(r.type, r.inputs);
    if (id) return { ...id, name: r.name };
  }
  return undefined;
}

const indexes = new WeakMap<ResourceGraph, Map<string, GraphResource>>();
export function indexByUrn(graph: ResourceGraph): Map<string, GraphResource> {
  let idx = indexes.get(graph);
  if (!idx) {
    idx = new Map(graph.resources.map((r) => [r.urn, r]));
    indexes.set(graph, idx);
  }
  return idx;
}

/** Cloud resources only (what a cloud bills and policies judge): see isCloudResourceType. */
export function cloudResources(graph: ResourceGraph): GraphResource[] {
  return graph.resources.filter((r) => r.custom && isCloudResourceType(r.type));
}
