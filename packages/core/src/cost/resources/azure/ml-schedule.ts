import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { fmt, monthly, num, regionNotes, str } from "../../price";
import { cron5RunsPerMonth } from "../../schedule";
import { runCost } from "./ml-job";

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
