import { z } from "zod";
import { InputError, issueLines } from "../errors";
import type { CostGraph, CostResource } from "./types";

/**
 * `pulumi preview --json`: `{config, steps: [{op, urn, provider?, oldState?, newState?}],
 * diagnostics, duration, changeSummary}`, where each state is
 * `{urn, type, custom, parent, provider, inputs, outputs, dependencies, propertyDependencies, …}`.
 * Only what the estimate reads is checked; the rest passes through.
 */
const stateSchema = z
  .object({
    urn: z.string().optional(),
    type: z.string({ error: "expected the resource type" }),
    custom: z.boolean().optional(),
    parent: z.string().nullable().optional(),
    provider: z.string().nullable().optional(),
    inputs: z.record(z.string(), z.unknown()).nullable().optional(),
    outputs: z.record(z.string(), z.unknown()).nullable().optional(),
    dependencies: z.array(z.string()).nullable().optional(),
    propertyDependencies: z.record(z.string(), z.array(z.string()).nullable()).nullable().optional(),
  })
  .loose();

const stepSchema = z
  .object({
    op: z.string({ error: "expected the step's operation (create, update, same, delete …)" }),
    urn: z.string({ error: "expected the resource URN" }),
    newState: stateSchema.nullable().optional(),
    oldState: stateSchema.nullable().optional(),
  })
  .loose();

const previewSchema = z
  .object({
    config: z.record(z.string(), z.unknown()).nullable().optional(),
    steps: z.array(stepSchema, { error: "expected steps: the output of `pulumi preview --json`" }),
  })
  .loose();

/** Operations after which the resource no longer exists (or is the old half of a replacement). */
const GONE = new Set(["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"]);

/** The stack and project in a URN: `urn:pulumi:<stack>::<project>::…`. */
function urnParts(urn: string): { stack?: string; project?: string } {
  const m = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(urn);
  return m ? { stack: m[1]!, project: m[2]! } : {};
}

/**
 * The resources a `pulumi preview --json` plan leaves in place: each step's new state (creates,
 * updates, replacements and unchanged resources), without deletes. Config comes along when the
 * document carries it.
 */
export function graphFromPulumiPreview(doc: unknown, file: string): CostGraph {
  const r = previewSchema.safeParse(doc, { reportInput: true });
  if (!r.success) throw new InputError(issueLines(r.error, `${file}: `));
  const byUrn = new Map<string, CostResource>();
  for (const step of r.data.steps) {
    if (GONE.has(step.op)) continue;
    const s = step.newState;
    if (!s) continue;
    const urn = s.urn ?? step.urn;
    const deps = Object.fromEntries(Object.entries(s.propertyDependencies ?? {}).map(([k, v]) => [k, v ?? []]));
    byUrn.set(urn, {
      urn,
      type: s.type,
      name: urn.slice(urn.lastIndexOf("::") + 2),
      custom: s.custom ?? true,
      parent: s.parent ?? null,
      provider: s.provider ?? null,
      // A `read` step's state has outputs but may lack inputs.
      inputs: s.inputs ?? s.outputs ?? {},
      dependencies: s.dependencies ?? [],
      propertyDependencies: deps,
    });
  }
  const first = [...byUrn.keys()][0];
  const parts = first ? urnParts(first) : {};
  const config = r.data.config ?? undefined;
  return {
    ...(parts.project ? { project: parts.project } : {}),
    ...(parts.stack ? { stack: parts.stack } : {}),
    ...(config ? { config } : {}),
    resources: [...byUrn.values()],
  };
}
