import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { parseOrThrow, type Cloud, type StackSpec, type Track, type TrackEntry } from "@aitracks/core";
import type { TrackComponent } from "./common/track";

/** What a cell gets from the stack besides its own settings. */
export interface StackContext {
  readonly spec: StackSpec;
  /** The standard tags for this track (track, owner, cost centre, review date, managed-by). */
  readonly tags: Record<string, string>;
  readonly reviewDate: string;
}

/**
 * One cell of the cloud mapping: how a (track, cloud) pair turns config into component args,
 * and how it creates the component. `args` validates everything (throwing InputError lines that
 * name the setting) so that a bad stack stops before any resource is registered.
 */
export interface Cell<A = unknown> {
  readonly track: Track;
  readonly cloud: Cloud;
  /** The cloud service behind the cell, as in the design's cloud mapping. */
  readonly service: string;
  readonly args?: (entry: TrackEntry, ctx: StackContext) => A;
  readonly create?: (name: string, args: A, opts: pulumi.ComponentResourceOptions) => TrackComponent;
}

/** Parse a track entry's own settings; common keys (track, cloud, region, name) are allowed through. */
export function parseSettings<S extends z.ZodObject>(schema: S, entry: TrackEntry): z.output<S> {
  const { track: _t, cloud: _c, region: _r, name: _n, ...settings } = entry;
  return parseOrThrow(schema.strict(), settings) as z.output<S>;
}

/** A cell the design maps but that is not built yet: selecting it fails with a clear message. */
export function planned(track: Track, cloud: Cloud, service: string): Cell {
  return { track, cloud, service };
}

export function cellKey(track: Track, cloud: Cloud): `${Track}:${Cloud}` {
  return `${track}:${cloud}`;
}
