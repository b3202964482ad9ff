import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, fmt, monthly, num, oneOff, regionNotes, str } from "../../price";
import { cronRunsPerMonth } from "../../schedule";
import type { CostResource } from "../../types";

/** Job definition types a schedule can run (the instances are priced per run here, not on them). */
export const MONITORING_JOB_DEFINITIONS = [
  "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition",
  "aws-native:sagemaker:DataQualityJobDefinition",
  "aws-native:sagemaker:ModelQualityJobDefinition",
  "aws-native:sagemaker:ModelBiasJobDefinition",
  "aws-native:sagemaker:ModelExplainabilityJobDefinition",
];
/** SageMaker Model Monitor's default MaxRuntimeInSeconds. */
export const MONITORING_DEFAULT_MAX_RUNTIME_SECONDS = 3_600;

/**
 * Runs a month of a SageMaker schedule expression: `cron(min hour dom month dow year)`, hourly
 * and daily shorthands, or `NOW` (once). Hours may be `*`, `* /n`, a list or a single hour.
 */
export function runsPerMonth(expression: string): number | "once" {
  const e = expression.trim();
  if (e === "NOW") return "once";
  const m = /^cron\(([^)]*)\)$/i.exec(e);
  if (!m) throw new Unpriced(`scheduleExpression ${JSON.stringify(expression)}: expected cron(...) or NOW`);
  const f = m[1]!.trim().split(/\s+/);
  return cronRunsPerMonth(f[0] ?? "0", f[1] ?? "*", f[2] ?? "*", f[4] ?? "?");
}

/**
 * SageMaker monitoring schedule: each run of its job definition starts the definition's
 * processing cluster (instance type x count) for at most the definition's maximum runtime,
 * priced at that maximum: runs a month x instances x hours. The job definitions are free.
 */
export const monitoringSchedule: CostModule = {
  service: "SageMaker Model Monitor / Clarify",
  price(r, ctx) {
    const def = definitionOf(r, ctx.graph);
    if (!def) throw new Unpriced("monitoringScheduleConfig.monitoringJobDefinitionName: the job definition is not in the stack, so its instances are unknown");
    const cluster = at(def.inputs, "jobResources.clusterConfig");
    const sku = str(at(cluster, "instanceType"), "jobResources.clusterConfig.instanceType");
    const count = num(at(cluster, "instanceCount"), "jobResources.clusterConfig.instanceCount", 1);
    const seconds = num(at(def.inputs, "stoppingCondition.maxRuntimeInSeconds"), "stoppingCondition.maxRuntimeInSeconds", MONITORING_DEFAULT_MAX_RUNTIME_SECONDS);
    const expression = at(r.inputs, "monitoringScheduleConfig.scheduleConfig.scheduleExpression");
    const runs = runsPerMonth(str(expression, "monitoringScheduleConfig.scheduleConfig.scheduleExpression", "cron(0 * ? * * *)"));
    const e = catalogEntry(ctx, sku, "jobResources.clusterConfig.instanceType");
    const hours = seconds / 3600;
    const notes = [`each run priced at its maximum runtime (${fmt(hours)} h): an upper bound`, ...regionNotes(ctx, e)];
    if (runs === "once") return { components: [oneOff(e, `one run: ${e.sku} x ${count} x ${fmt(hours)} h`, count * hours)], notes };
    return { components: [monthly(e, `${fmt(runs)} runs a month: ${e.sku} x ${count} x ${fmt(hours)} h`, runs * count * hours)], notes };
  },
};

function definitionOf(r: CostResource, graph: import("../../graph").GraphIndex): CostResource | undefined {
  const name = at(r.inputs, "monitoringScheduleConfig.monitoringJobDefinitionName");
  for (const type of MONITORING_JOB_DEFINITIONS) {
    const byName = graph.find(type, "name", name) ?? graph.find(type, "jobDefinitionName", name);
    if (byName) return byName;
  }
  for (const type of MONITORING_JOB_DEFINITIONS) {
    const dep = graph.dependenciesOfType(r, type)[0];
    if (dep) return dep;
  }
  return undefined;
}
