import type { CostModule } from "../../module";
import { catalogEntry, fmt, regionNotes, usage } from "../../price";
import { SECONDS_PER_REQUEST, workloadRequests } from "../../serverless";

/** Active vCPUs and GB an agent session holds while it runs (AgentCore sizes sessions itself; the resource names none). */
export const AGENTCORE_VCPUS = 1;
export const AGENTCORE_GB = 2;

/**
 * Bedrock AgentCore runtime: active vCPU-hours and GB-hours, billed per second while a session
 * computes (waiting on the model is not billed). Each request of the workload is one second of
 * 1 vCPU and 2 GB (stated: neither the resource nor the workload says more).
 */
export const agentcoreRuntime: CostModule = {
  service: "Amazon Bedrock AgentCore Runtime",
  price(_r, ctx) {
    const cpu = catalogEntry(ctx, "agentcore-runtime-vcpu-hour", "runtime price");
    const mem = catalogEntry(ctx, "agentcore-runtime-gb-hour", "runtime price");
    const reqs = workloadRequests(ctx, "agent invocations");
    const hours = (reqs.perMonth * SECONDS_PER_REQUEST) / 3_600;
    return {
      components: [
        usage(cpu, `${AGENTCORE_VCPUS} vCPU x ${fmt(hours)} active h`, AGENTCORE_VCPUS * hours),
        usage(mem, `${AGENTCORE_GB} GB x ${fmt(hours)} active h`, AGENTCORE_GB * hours),
      ],
      notes: [...reqs.notes, `${SECONDS_PER_REQUEST} s of ${AGENTCORE_VCPUS} vCPU and ${AGENTCORE_GB} GB active per invocation assumed`, ...regionNotes(ctx, cpu)],
    };
  },
};
