import type * as pulumi from "@pulumi/pulumi";
import type { Cloud, Track, TrackIdentity } from "@aitracks/core";

/** Arguments every track component takes, whatever its cloud. */
export interface TrackBaseArgs {
  /**
   * Tags (AWS, Azure) or labels (GCP) put on every resource the track creates. The stack program
   * passes the standard set (track, owner, cost centre, decision review date).
   */
  readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** What the stack program asks of every track component: its cell, and the outputs users need. */
export interface TrackComponent {
  readonly track: Track;
  readonly cloud: Cloud;
  /** Stack outputs for this track: endpoints, model ids, bucket names. */
  readonly outputs: Record<string, pulumi.Input<unknown>>;
}

/**
 * The inputs a track component registers: who it is (track, cloud, region) and what the cost
 * model and the policies need to know of it (models, instance types), so they read the graph
 * instead of the stack config or type names. Empty lists are left out.
 */
export function trackIdentity(
  track: string,
  cloud: Cloud,
  region: string,
  details: { readonly models?: readonly (string | undefined)[]; readonly instanceTypes?: readonly (string | undefined)[] } = {},
): TrackIdentity {
  const list = (v: readonly (string | undefined)[] | undefined) => {
    const known = (v ?? []).filter((x): x is string => typeof x === "string");
    return known.length ? known : undefined;
  };
  const models = list(details.models);
  const instanceTypes = list(details.instanceTypes);
  return { track, cloud, region, ...(models ? { models } : {}), ...(instanceTypes ? { instanceTypes } : {}) };
}
