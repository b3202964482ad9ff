import { isUnknown } from "./graph";
import { Unpriced, type PricingContext } from "./module";
import { fmt, HOURS } from "./price";
import { BYTES_PER_TOKEN, LOG_RECORD_OVERHEAD_BYTES } from "./storage";
import { noWorkloadNote } from "./to-count";

/** Seconds in an average month (730 h x 3,600). */
export const SECONDS_PER_MONTH = HOURS * 3_600;

/**
 * Active seconds one request keeps a serverless function or container busy. The workload has no
 * duration field, so one second is assumed (as for SageMaker serverless inference) and said so.
 */
export const SECONDS_PER_REQUEST = 1;

/**
 * The workload's requests a month for a resource that sees every request (a function, an API, a
 * load balancer in front of the application): each request counts once. Without a workload: 0, said so.
 */
export function workloadRequests(ctx: PricingContext, what: string): { perMonth: number; notes: string[] } {
  if (!ctx.usage.given) return { perMonth: 0, notes: [noWorkloadNote(what, ["requestsPerDay"])] };
  return { perMonth: ctx.usage.requestsPerMonth, notes: [`${what}: one per request of the workload (${fmt(ctx.usage.requestsPerMonth)} a month)`] };
}

/** Bytes one request and its response take on the wire (the tokens as text plus an envelope). */
export function bytesPerRequest(ctx: PricingContext): number {
  return (ctx.usage.inputTokensPerRequest + ctx.usage.outputTokensPerRequest) * BYTES_PER_TOKEN + LOG_RECORD_OVERHEAD_BYTES;
}

/** A Kubernetes-style memory quantity in GiB: `512Mi` -> 0.5, `2Gi` -> 2, `256M` -> 0.2384, a bare number in bytes. */
export function gibOf(v: unknown, field: string, fallback: string): number {
  if (isUnknown(v)) throw new Unpriced(`${field} is not known until deploy`);
  const s = v === undefined || v === null || v === "" ? fallback : String(v);
  const m = /^\s*(\d+(?:\.\d+)?)\s*(Ki|Mi|Gi|Ti|K|M|G|T|k)?\s*$/.exec(s);
  if (!m) throw new Unpriced(`${field}: expected a memory size such as 512Mi or 2Gi, got ${JSON.stringify(s)}`);
  const n = Number(m[1]);
  const unit = m[2] ?? "";
  const bytes: Record<string, number> = { "": 1, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, K: 1e3, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return (n * bytes[unit]!) / 2 ** 30;
}

/** A CPU quantity: `1`, `2`, `0.5`, `1000m` -> vCPUs. */
export function cpusOf(v: unknown, field: string, fallback: string): number {
  if (isUnknown(v)) throw new Unpriced(`${field} is not known until deploy`);
  const s = v === undefined || v === null || v === "" ? fallback : String(v);
  const m = /^\s*(\d+(?:\.\d+)?)\s*(m)?\s*$/.exec(s);
  if (!m) throw new Unpriced(`${field}: expected a CPU count such as 1 or 1000m, got ${JSON.stringify(s)}`);
  return m[2] ? Number(m[1]) / 1_000 : Number(m[1]);
}
