import { at } from "../../graph";
import { Unpriced, type CostModule, type PricingContext } from "../../module";
import { catalogEntry, fmt, num, oneOff, optStr, regionNotes, str } from "../../price";
import { isoDurationHours } from "../../schedule";
import type { CostResource } from "../../types";

const COMPUTE = "azure-native:machinelearningservices:Compute";

/** The compute a job definition runs on: by `computeId` (…/computes/<name>), else a dependency. */
export function computeOf(ctx: PricingContext, r: CostResource, jobDefinition: unknown): CostResource | undefined {
  const id = optStr(at(jobDefinition, "computeId"));
  const name = id ? /\/computes\/([^/]+)$/.exec(id)?.[1] : undefined;
  return (name ? ctx.graph.find(COMPUTE, "computeName", name) : undefined) ?? ctx.graph.dependenciesOfType(r, COMPUTE)[0];
}

/** VM price x nodes x the job's timeout: what one run of a command job can cost at most. */
export function runCost(ctx: PricingContext, r: CostResource, job: unknown, field: string) {
  const compute = computeOf(ctx, r, job);
  if (!compute) throw new Unpriced(`${field}.computeId: the compute the job runs on is not in the stack`);
  const vm = str(at(compute.inputs, "properties.properties.vmSize"), "compute vmSize");
  const nodes = num(at(job, "resources.instanceCount"), `${field}.resources.instanceCount`, 1);
  const timeout = optStr(at(job, "limits.timeout"));
  if (!timeout) throw new Unpriced(`${field}.limits.timeout: without a timeout the job's length, and so its cost, is not known`);
  const hours = isoDurationHours(timeout);
  return { e: catalogEntry(ctx, vm, "compute vmSize"), vm, nodes, hours };
}

/**
 * Azure ML command job, a one-off: the cluster's VM size x the job's node count x its timeout
 * (the most it can run). The cluster itself is priced at its minimum nodes on the Compute.
 */
export const mlJob: CostModule = {
  service: "Azure Machine Learning jobs",
  price(r, ctx) {
    const job = r.inputs.properties;
    const { e, vm, nodes, hours } = runCost(ctx, r, job, "properties");
    return {
      components: [oneOff(e, `job: ${vm} x ${nodes} x ${fmt(hours)} h (its timeout)`, nodes * hours)],
      notes: [`priced at the job's timeout (${fmt(hours)} h): an upper bound`, ...regionNotes(ctx, e)],
    };
  },
};
