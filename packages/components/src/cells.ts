import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { InputError, parseOrThrow, type Cloud, type StackSpec, type Track, type TrackEntry } from "@aitracks/core";
import type { TrackComponent } from "./common/track";

/** What a cell gets from the stack besides its own settings. */
export interface StackContext {
  readonly spec: StackSpec;
  /** The standard tags for this track (track, owner, cost centre, review date, managed-by). */
  readonly tags: Record<string, string>;
  readonly reviewDate: string;
}

/**
 * One cell of the cloud mapping: how a (track, cloud) pair turns a stack's track entry into its
 * component's args, and how it creates the component. `args` merges the stack context into the
 * entry's settings and parses them with the component's own schema (throwing InputError lines
 * that name the setting), so that a bad stack stops before any resource is registered.
 */
export interface Cell<A = unknown> {
  readonly track: Track;
  readonly cloud: Cloud;
  /** The cloud service behind the cell, as in the design's cloud mapping. */
  readonly service: string;
  readonly args: (entry: TrackEntry, ctx: StackContext) => A;
  readonly create: (name: string, args: A, opts: pulumi.ComponentResourceOptions) => TrackComponent;
}

/** What the stack adds to a track entry's own settings before the component's schema parses them. */
export interface CellContext {
  /** Set by the stack (region, tags, the stack budget's alerts): a track entry may not set these. */
  readonly stack: Record<string, unknown>;
  /** Used where the entry leaves the setting out (the stack's budget for the track's). */
  readonly fallbacks?: Record<string, unknown>;
  /** Args only a program passes (Outputs of other resources, test overrides): not stack settings. */
  readonly programOnly?: readonly string[];
}

/**
 * A cell's args: the track entry's own settings (its common keys track, cloud, region and name
 * left out) merged with the stack context, parsed by the component's schema. Returns the merged
 * input, which the component parses again (the same schema) when the stack creates it.
 */
export function cellArgs<S extends z.ZodType>(schema: S, entry: TrackEntry, context: CellContext): z.input<S> {
  const { track: _t, cloud: _c, region: _r, name: _n, ...settings } = entry as Record<string, unknown>;
  const notSettings = [...Object.keys(context.stack), ...(context.programOnly ?? [])].filter((k) => k in settings);
  if (notSettings.length) throw new InputError(notSettings.map((k) => `(root): unknown key ${k}`));
  const input = { ...defined(context.fallbacks ?? {}), ...settings, ...defined(context.stack) };
  parseOrThrow(schema, input);
  return input as z.input<S>;
}

/**
 * What the stack adds to a track entry: its region and tags and, for a track with a budget, the
 * stack budget's alerts (aitracks:budget) and its limit unless the track sets its own.
 */
export function stackContext(entry: TrackEntry, ctx: StackContext, opts: { readonly budget?: boolean; readonly programOnly?: readonly string[] } = {}): CellContext {
  const b = ctx.spec.budget;
  return {
    stack: { region: entry.region, tags: ctx.tags, ...(opts.budget ? { budgetAlertThresholds: b?.alertThresholds, alertEmails: b?.alertEmails } : {}) },
    fallbacks: opts.budget ? { monthlyBudgetUsd: b?.maxMonthlyUsd } : {},
    programOnly: opts.programOnly ?? [],
  };
}

function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
