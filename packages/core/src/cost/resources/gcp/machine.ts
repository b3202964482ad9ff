import { asArray, at } from "../../graph";
import { fleetComponent, fleetShareOf, requestsPerMinuteAtUtilisation } from "../../fleet";
import { Unpriced, type PricingContext } from "../../module";
import { catalogEntry, instances, num, optStr, str } from "../../price";
import type { CostComponent } from "../../types";

/** `spec.machineType`, or `machineType` for a spec that is the resource's own inputs (field ""). */
const fieldPath = (field: string, key: string) => (field ? `${field}.${key}` : key);

/**
 * A Vertex AI machine spec (`machineType`, `acceleratorType`, `acceleratorCount`) priced from the
 * catalog, whose Vertex machine types include their GPUs (a2-highgpu-1g = 1 x A100). A GPU
 * attached to a machine type that has none in the catalog (n1-standard-4 + a T4) is Unpriced.
 */
export function vertexMachine(ctx: PricingContext, spec: unknown, field: string, replicas: number, maxReplicas?: number): { component: CostComponent; notes: string[] } {
  const sku = str(at(spec, "machineType"), fieldPath(field, "machineType"));
  const accelerator = optStr(at(spec, "acceleratorType"));
  const e = catalogEntry(ctx, sku, fieldPath(field, "machineType"));
  const notes: string[] = [];
  if (accelerator && accelerator !== "ACCELERATOR_TYPE_UNSPECIFIED") {
    if (!e.accelerator) throw new Unpriced(`${fieldPath(field, "acceleratorType")} ${accelerator} on ${sku}: the catalog prices ${sku} without GPUs and has no separate GPU price`);
    const count = num(at(spec, "acceleratorCount"), fieldPath(field, "acceleratorCount"), e.accelerator.count);
    if (count !== e.accelerator.count) notes.push(`${sku} comes with ${e.accelerator.count} x ${e.accelerator.type}; acceleratorCount ${count} priced as the machine type`);
  }
  const run = instances(ctx, sku, fieldPath(field, "machineType"), replicas, maxReplicas);
  return { component: run.component, notes: [...notes, ...run.notes] };
}

/** Vertex AI's default autoscaling target: 60% CPU or accelerator duty cycle. */
export const VERTEX_DEFAULT_TARGET_PERCENT = 60;

/**
 * A Vertex AI endpoint's dedicated machines between min and max replicas. With max above min the
 * fleet is sized from the workload month by month (fleet.ts) at the autoscaling target
 * (autoscalingMetricSpecs' lowest target, else Vertex AI's default of 60%); else min x 730 h.
 */
export function vertexReplicas(ctx: PricingContext, r: { urn: string }, spec: unknown, field: string, min: number, max: number | undefined, metricSpecs: unknown): { component: CostComponent; notes: string[] } {
  const base = vertexMachine(ctx, spec, field, min, max);
  if (max === undefined || max <= min) return base;
  const e = catalogEntry(ctx, str(at(spec, "machineType"), fieldPath(field, "machineType")), fieldPath(field, "machineType"));
  const targets = asArray(metricSpecs).flatMap((m) => (typeof at(m, "target") === "number" ? [at(m, "target") as number] : []));
  const target = targets.length ? Math.min(...targets) : VERTEX_DEFAULT_TARGET_PERCENT;
  const rate = requestsPerMinuteAtUtilisation(ctx.usage, target);
  const share = fleetShareOf(ctx, r);
  const fleet = fleetComponent(ctx, e, "replicas", { min, max, requestsPerMinutePerInstance: rate.perMinute, basis: `${rate.basis}${targets.length ? "" : " (Vertex AI's default target)"}` }, undefined, share.share);
  return { component: fleet.component, notes: [...base.notes, ...fleet.notes, ...share.notes] };
}

/** Chips of a TPU accelerator type and the catalog SKU that prices them: v5litepod-16 -> 16 x tpu-v5e. */
export function tpuChips(acceleratorType: string): { sku: string; chips: number } {
  const t = acceleratorType.toLowerCase();
  const m = /^(v\d+(?:litepod|lite|e|p)?)-(\d+)$/.exec(t);
  if (!m) throw new Unpriced(`acceleratorType ${JSON.stringify(acceleratorType)}: expected a TPU type such as v5litepod-8, v5p-8 or v6e-8`);
  const family = m[1]!;
  const n = Number(m[2]);
  // v5e and v6e name the chips; v4 and v5p name TensorCores (two per chip).
  if (family === "v5litepod" || family === "v5lite" || family === "v5e") return { sku: "tpu-v5e", chips: n };
  if (family === "v6e") return { sku: "tpu-v6e", chips: n };
  if (family === "v5p") return { sku: "tpu-v5p", chips: n / 2 };
  throw new Unpriced(`acceleratorType ${JSON.stringify(acceleratorType)}: the compute catalog has no ${family} TPU price`);
}

/** Chips of an accelerator config `{type: V5LITE_POD, topology: 4x4}`: the product of the topology. */
export function tpuConfigChips(config: unknown): { sku: string; chips: number } {
  const type = str(at(config, "type"), "acceleratorConfig.type");
  const topology = str(at(config, "topology"), "acceleratorConfig.topology");
  const chips = topology.split("x").reduce((p, d) => p * Number(d), 1);
  if (!Number.isFinite(chips) || chips <= 0) throw new Unpriced(`acceleratorConfig.topology ${JSON.stringify(topology)}: expected dimensions such as 2x4`);
  const sku = { V5LITE_POD: "tpu-v5e", V5P: "tpu-v5p", V6E: "tpu-v6e" }[type.toUpperCase()];
  if (!sku) throw new Unpriced(`acceleratorConfig.type ${type}: the compute catalog has no price for it`);
  return { sku, chips };
}
