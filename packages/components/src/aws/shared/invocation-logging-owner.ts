import { InputError, trackName, type StackSpec, type TrackEntry } from "@aitracks/core";

/** Does this AWS track serve through Bedrock (and so want the region's invocation logging)? */
function logsBedrock(t: TrackEntry): boolean {
  return t.cloud === "aws" && (t.track === "buy" || (t.track === "fine-tune" && t.method === "bedrock"));
}

/**
 * The track of the stack that creates Bedrock invocation logging in `region` (one configuration
 * per account and region): the first AWS buy track there that does not say
 * `invocationLogging: existing`, else the first such Bedrock fine-tune track.
 */
export function invocationLoggingOwner(spec: StackSpec, region: string): TrackEntry | undefined {
  const here = spec.tracks.filter((t) => logsBedrock(t) && t.region === region && t.invocationLogging !== "existing");
  return here.find((t) => t.track === "buy") ?? here[0];
}

/**
 * A Bedrock-serving track's invocationLogging, once per (stack, region): left out, "create" when
 * this track owns the region's logging and "existing" when another track does; an explicit
 * "create" where another track already creates it is an error (two resources would fight over
 * Bedrock's one configuration, and destroying either switches logging off for both). Any other
 * value is returned as it is, for the track's schema to reject.
 */
export function invocationLoggingOf(entry: TrackEntry, spec: StackSpec): unknown {
  const setting: unknown = entry.invocationLogging;
  if (setting !== undefined && setting !== "create") return setting;
  const owner = invocationLoggingOwner(spec, entry.region);
  if (owner === undefined || trackName(owner) === trackName(entry)) return "create";
  if (setting === "create") {
    throw new InputError(
      `invocationLogging: expected existing (or leave it out): the ${owner.track} track ${JSON.stringify(trackName(owner))} already creates the Bedrock invocation logging of ${entry.region}, which is one per account and region`,
    );
  }
  return "existing";
}
