import { at } from "../../graph";
import { Unpriced, type CostModule, type PricingContext } from "../../module";
import { catalogEntry, fmt, monthly, num, oneOff, optStr, regionNotes, str } from "../../price";
import { cron5RunsPerMonth, isoDurationHours } from "../../schedule";
import type { CostResource } from "../../types";

const COMPUTE = "azure-native:machinelearningservices:Compute";

/** The compute a job definition runs on: by `computeId` (…/computes/<name>), else a dependency. */
function computeOf(ctx: PricingContext, r: CostResource, jobDefinition: unknown): CostResource | undefined {
  const id = optStr(at(jobDefinition, "computeId"));
  const name = id ? /\/computes\/([^/]+)$/.exec(id)?.[1] : undefined;
  return (name ? ctx.graph.find(COMPUTE, "computeName", name) : undefined) ?? ctx.graph.dependenciesOfType(r, COMPUTE)[0];
}

/** VM price x nodes x the job's timeout: what one run of a command job can cost at most. */
function runCost(ctx: PricingContext, r: CostResource, job: unknown, field: string) {
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

/**
 * Azure ML schedule that creates a job: runs a month (cron or recurrence) x the job's VM x nodes
 * x timeout. Model calls the job makes are billed on those models (not counted here).
 */
export const mlSchedule: CostModule = {
  service: "Azure Machine Learning schedules",
  price(r, ctx) {
    const action = at(r.inputs, "properties.action");
    if (at(action, "actionType") !== "CreateJob") return { components: [], free: "a schedule that creates no job (monitoring alerts, endpoint invocations) costs nothing itself" };
    const trigger = at(r.inputs, "properties.trigger");
    let runs: number;
    const type = str(at(trigger, "triggerType"), "properties.trigger.triggerType");
    if (type === "Cron") runs = cron5RunsPerMonth(str(at(trigger, "expression"), "properties.trigger.expression"));
    else if (type === "Recurrence") {
      const freq = str(at(trigger, "frequency"), "properties.trigger.frequency").toLowerCase();
      const interval = num(at(trigger, "interval"), "properties.trigger.interval", 1);
      const perMonth: Record<string, number> = { minute: 43_800, hour: 730, day: 365 / 12, week: 365 / 12 / 7, month: 1 };
      const base = perMonth[freq];
      if (base === undefined) throw new Unpriced(`properties.trigger.frequency ${freq}: expected minute, hour, day, week or month`);
      runs = base / interval;
    } else throw new Unpriced(`properties.trigger.triggerType ${type}: expected Cron or Recurrence`);
    const job = at(action, "jobDefinition");
    const { e, vm, nodes, hours } = runCost(ctx, r, job, "properties.action.jobDefinition");
    return {
      components: [monthly(e, `${fmt(runs)} runs a month: ${vm} x ${nodes} x ${fmt(hours)} h`, runs * nodes * hours)],
      notes: [`each run priced at its timeout (${fmt(hours)} h): an upper bound`, "model calls the job makes are billed on those models, not counted here", ...regionNotes(ctx, e)],
    };
  },
};
