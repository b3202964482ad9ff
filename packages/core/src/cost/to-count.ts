import type { WorkloadProfile } from "../schema/workload";

/**
 * What the stack would add to count usage the estimate leaves at zero or out: the real fields of
 * aitracks:workload.workload (checked against the schema by type), and the words for usage no field
 * states. One home for "add … to count it" in notes and in the "usage not counted" list.
 */
export type WorkloadField = keyof WorkloadProfile;

/** The fields that size per-request usage: tokens, guardrail text units, log bytes, requests. */
export const REQUEST_FIELDS: readonly WorkloadField[] = ["requestsPerDay", "inputTokensPerRequest", "outputTokensPerRequest"];

/** Where the fields go in the stack config: `aitracks:workload.workload.requestsPerDay`, or `aitracks:workload.workload (a, b, c)`. */
export function workloadFields(fields: readonly WorkloadField[]): string {
  return fields.length === 1 ? `aitracks:workload.workload.${fields[0]}` : `aitracks:workload.workload (${fields.join(", ")})`;
}

/** A usage line at zero because the stack has no aitracks:workload, and the fields that would count it. */
export function noWorkloadNote(what: string, fields: readonly WorkloadField[] = REQUEST_FIELDS): string {
  return `no aitracks:workload in the stack: ${what} counted as 0; add ${workloadFields(fields)} to count it`;
}

/**
 * Usage no workload field states (what a store holds, what a gateway passes): what the stack would
 * need to state, and what each unit would add. `perRequest`: the need is per request of the
 * workload, so requestsPerDay would size it once the per-request figure is known.
 */
export function notInWorkload(need: string, perRequest = false): string {
  return `to count it: ${need} (no aitracks:workload field states it${perRequest ? `; with it, ${workloadFields(["requestsPerDay"])} would size the total` : ""})`;
}

/**
 * A volume line priced at 0 because no workload field states the volume (what a store holds, what
 * a gateway passes): says so, what would count it, and what each unit adds at the catalog's price.
 */
export function zeroVolumeNote(what: string, need: string, price: { readonly usd: number; readonly unit: string }): string {
  return `${what} is not sized by the workload: 0 ${price.unit.replace(/-month$/, "")} counted; ${notInWorkload(need)}, $${price.usd} per ${price.unit}`;
}
