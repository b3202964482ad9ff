import { at } from "../../graph";
import type { CostModule } from "../../module";
import { catalogEntry, fmt, regionNotes, usage } from "../../price";
import { cpusOf, gibOf, SECONDS_PER_REQUEST, workloadRequests } from "../../serverless";

/**
 * Vertex AI Agent Engine (reasoning engine): vCPU-hours and GiB-hours while it handles requests
 * (idle time is not billed), from spec.deploymentSpec.resourceLimits (Agent Engine's default 4 vCPU,
 * 4 GiB), one second per request of the workload. The monthly free allotment is not subtracted.
 */
export const reasoningEngine: CostModule = {
  service: "Vertex AI Agent Engine",
  price(r, ctx) {
    const limits = at(r.inputs, "spec.deploymentSpec.resourceLimits");
    const vcpus = cpusOf(at(limits, "cpu"), "spec.deploymentSpec.resourceLimits.cpu", "4");
    const gib = gibOf(at(limits, "memory"), "spec.deploymentSpec.resourceLimits.memory", "4Gi");
    const cpu = catalogEntry(ctx, "agent-engine-vcpu-hour", "runtime price");
    const mem = catalogEntry(ctx, "agent-engine-gib-hour", "runtime price");
    const reqs = workloadRequests(ctx, "agent queries");
    const hours = (reqs.perMonth * SECONDS_PER_REQUEST) / 3_600;
    return {
      components: [usage(cpu, `${fmt(vcpus)} vCPU x ${fmt(hours)} active h`, vcpus * hours), usage(mem, `${fmt(gib)} GiB x ${fmt(hours)} active h`, gib * hours)],
      notes: [...reqs.notes, `${SECONDS_PER_REQUEST} s per query assumed (the workload has no duration)`, ...regionNotes(ctx, cpu)],
    };
  },
};
