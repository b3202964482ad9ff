import * as pulumi from "@pulumi/pulumi";
import {
  FORBIDDEN_KEYS,
  InputError,
  parseConfigValue,
  parseOrThrow,
  parseStackConfig,
  parseYamlText,
  readInputText,
  stackSpecSchema,
  standardTags,
  trackName,
  type StackSpec,
  type TrackEntry,
} from "@aitracks/core";
import type { StackContext } from "./cells";
import type { TrackComponent } from "./common/track";
import { cellFor } from "./mapping";
import { ProviderCache } from "./providers";
import { recordForEstimate, type StackEstimate } from "./estimate";

export type { StackEstimate } from "./estimate";
export { cellFor } from "./mapping";

/** The stack config namespace. */
export const CONFIG_NAMESPACE = "aitracks";

/**
 * Read and validate the stack's `aitracks:*` config. Errors name the key as the user wrote it:
 * `aitracks:tracks[0].cloud: expected one of aws, gcp, azure, got "ibm"`.
 */
export function readStackSpec(raw: Record<string, string> = pulumi.runtime.allConfig()): StackSpec {
  const prefix = `${CONFIG_NAMESPACE}:`;
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    // `aitracks:__proto__` would set the prototype of the spec, not a key of it.
    if (FORBIDDEN_KEYS.has(name)) throw new InputError(`${key}: the key is reserved (it could change what every object inherits)`);
    data[name] = parseConfigValue(value, key);
  }
  if (Object.keys(data).length === 0) {
    throw new InputError(`${prefix}tracks: expected the stack's aitracks config (no aitracks:* keys are set)`);
  }
  return parseOrThrow(stackSpecSchema, data, prefix);
}

/** The decision's review date: from the stack config or the decision record's front matter. */
export function reviewDateOf(spec: StackSpec, readFile: (p: string) => string = (p) => readInputText(p)): string {
  const d = spec.decision;
  if ("reviewDate" in d) return d.reviewDate;
  let text: string;
  try {
    text = readFile(d.record);
  } catch (err) {
    if (err instanceof InputError && !/no such file/.test(err.message)) throw new InputError(`${CONFIG_NAMESPACE}:decision.record: ${err.message}`);
    throw new InputError(`${CONFIG_NAMESPACE}:decision.record: no decision record at ${d.record}`);
  }
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
  const meta = front ? (parseYamlText(front, `${CONFIG_NAMESPACE}:decision.record: ${d.record}: `) as Record<string, unknown> | null) : undefined;
  const date = meta?.reviewDate instanceof Date ? meta.reviewDate.toISOString().slice(0, 10) : meta?.reviewDate;
  if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new InputError(`${CONFIG_NAMESPACE}:decision.record: ${d.record} has no reviewDate in its front matter`);
  }
  return date;
}

export interface ProvisionedStack {
  readonly tracks: Readonly<Record<string, TrackComponent>>;
  /** Stack outputs, by track name. */
  readonly outputs: Readonly<Record<string, Record<string, pulumi.Input<unknown>>>>;
  /** The stack's estimated cost from the cost model (monthly, one-off, three years). */
  readonly estimate: pulumi.Output<StackEstimate>;
}

/**
 * Provision every track of the stack. All tracks are validated first, so a bad setting in the
 * last track stops the program before the first resource is registered.
 */
export function provisionStack(spec: StackSpec, stackName: string = pulumi.getStack()): ProvisionedStack {
  const reviewDate = reviewDateOf(spec);
  const { owner, costCenter, ...extraTags } = spec.tags;
  const planned = spec.tracks.map((entry, i) => {
    const where = `${CONFIG_NAMESPACE}:tracks[${i}]`;
    const cell = cellFor(entry.track, entry.cloud);
    const ctx: StackContext = {
      spec,
      reviewDate,
      tags: standardTags({
        track: entry.track,
        owner,
        costCenter,
        reviewDate,
        extra: {
          ...extraTags,
          "aitracks-stack": stackName,
          "aitracks-name": trackName(entry),
          environment: spec.environment,
          // So policies judge data-to-third-party rules even when no stack config reaches them.
          "aitracks-data-classification": spec.dataClassification,
        },
      }),
    };
    try {
      return { entry, cell, args: cell.args(entry, ctx) };
    } catch (err) {
      if (err instanceof InputError) return { error: err.lines.map((l) => (l.startsWith("(root)") ? `${where}${l.slice(6)}` : `${where}.${l}`)) };
      throw err;
    }
  });
  const errors: string[] = planned.flatMap((p) => p.error ?? []);
  if (errors.length) throw new InputError(errors);

  // Record what the tracks register, so the stack can export its own estimated cost.
  const regions = new Map<pulumi.Resource, string>();
  const recorder = recordForEstimate((r) => regions.get(r));
  const providers = new ProviderCache();
  const tracks: Record<string, TrackComponent> = {};
  const outputs: Record<string, Record<string, pulumi.Input<unknown>>> = {};
  for (const p of planned) {
    if (p.error || !p.cell) continue;
    const entry = p.entry as TrackEntry;
    const name = trackName(entry);
    const component = p.cell.create(name, p.args, { providers: [providers.get(entry.cloud, entry.region)], transformations: [recorder.transformation] });
    tracks[name] = component;
    regions.set(component as unknown as pulumi.Resource, entry.region);
    outputs[name] = { track: entry.track, cloud: entry.cloud, service: p.cell.service, ...component.outputs };
  }
  return { tracks, outputs, estimate: recorder.estimate(parseStackConfig(pulumi.runtime.allConfig())) };
}
