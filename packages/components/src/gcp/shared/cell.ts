import type { z } from "zod";
import type { TrackEntry } from "@aitracks/core";
import { parseSettings, type StackContext } from "../../cells";

/**
 * The args of a GCP cell whose settings are its component's own args: the parsed settings, the
 * entry's region and the stack's tags, checked by the component's `resolve…Args` so that a bad
 * stack stops before anything registers.
 */
export function gcpCellArgs<S extends z.ZodObject>(
  settings: S,
  entry: TrackEntry,
  ctx: StackContext,
  resolve: (args: GcpCellArgs<S>) => unknown,
): GcpCellArgs<S> {
  const args = { ...parseSettings(settings, entry), region: entry.region, tags: ctx.tags };
  resolve(args);
  return args;
}

/** The settings as parsed, with the region and the tags. */
export type GcpCellArgs<S extends z.ZodObject> = z.output<S> & { region: string; tags: Record<string, string> };
