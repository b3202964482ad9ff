import { at } from "../../graph";
import type { CostModule } from "../../module";
import { catalogEntry, fmt, num, regionNotes, usage } from "../../price";
import { cpusOf, gibOf, SECONDS_PER_REQUEST, workloadRequests } from "../../serverless";
import { cloudRunComponents } from "./cloud-run";

/** 1st-gen Cloud Functions: the CPU clock that comes with each memory size, in GHz. */
const GHZ_BY_MB: Readonly<Record<number, number>> = { 128: 0.2, 256: 0.4, 512: 0.8, 1024: 1.4, 2048: 2.4, 4096: 4.8, 8192: 4.8, 16384: 4.8, 32768: 4.8 };

/**
 * Cloud Functions (1st gen): invocations, GB-seconds and GHz-seconds (the CPU that comes with the
 * memory size), one invocation of one second per request of the workload, as usage.
 */
export const cloudFunctionV1: CostModule = {
  service: "Cloud Functions (1st gen)",
  price(r, ctx) {
    const mb = num(r.inputs.availableMemoryMb, "availableMemoryMb", 256);
    const ghz = GHZ_BY_MB[mb] ?? 4.8 * Math.min(1, mb / 4_096);
    const inv = catalogEntry(ctx, "cloud-functions-invocations", "invocation price");
    const gbs = catalogEntry(ctx, "cloud-functions-gb-second", "memory price");
    const ghzs = catalogEntry(ctx, "cloud-functions-ghz-second", "CPU price");
    const reqs = workloadRequests(ctx, "invocations");
    const seconds = reqs.perMonth * SECONDS_PER_REQUEST;
    const notes = [...reqs.notes, `${SECONDS_PER_REQUEST} s per invocation assumed (the workload has no duration)`, ...regionNotes(ctx, inv)];
    if (num(r.inputs.minInstances, "minInstances", 0) > 0) notes.push("minimum instances bill an idle rate the catalog does not have: not counted");
    return {
      components: [
        usage(inv, `${fmt(reqs.perMonth)} invocations`, reqs.perMonth / 1e6),
        usage(gbs, `${fmt(mb / 1_024)} GB x ${fmt(seconds)} s`, (mb / 1_024) * seconds),
        usage(ghzs, `${fmt(ghz)} GHz x ${fmt(seconds)} s`, ghz * seconds),
      ],
      notes,
    };
  },
};

/** Cloud Functions (2nd gen) run on Cloud Run and bill as a Cloud Run service: serviceConfig's CPU, memory and minimum instances. */
export const cloudFunctionV2: CostModule = {
  service: "Cloud Run functions",
  price(r, ctx) {
    // The functions API reads 256M and 1G as MiB and GiB.
    const memory = at(r.inputs, "serviceConfig.availableMemory");
    const gib = gibOf(typeof memory === "string" ? memory.replace(/^(\d+(?:\.\d+)?)\s*([MG])$/, "$1$2i") : memory, "serviceConfig.availableMemory", "256Mi");
    const cpu = at(r.inputs, "serviceConfig.availableCpu");
    const vcpus = cpu !== undefined ? cpusOf(cpu, "serviceConfig.availableCpu", "1") : defaultCpus(gib);
    const min = num(at(r.inputs, "serviceConfig.minInstanceCount"), "serviceConfig.minInstanceCount", 0);
    return cloudRunComponents(ctx, vcpus, gib, min, "function");
  },
};

/** The vCPUs a 2nd-gen function gets with its memory when availableCpu is not set (the Cloud Run functions table). */
function defaultCpus(gib: number): number {
  if (gib <= 0.25) return 0.167;
  if (gib <= 0.5) return 0.333;
  if (gib <= 1) return 0.583;
  if (gib <= 2) return 1;
  if (gib <= 8) return 2;
  return 4;
}
