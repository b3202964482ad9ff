import { asArray, at } from "../../graph";
import type { CostModule } from "../../module";
import { fmt, instanceRun, num, optStr, str } from "../../price";
import type { CostComponent } from "../../types";

/** The instance JumpStart fine-tunes 7-8B models with LoRA on: the proxy for serverless customization. */
export const SERVERLESS_CUSTOMIZATION_PROXY = "ml.g5.12xlarge";

/** SageMaker's default MaxRuntimeInSeconds when a job sets none: one day. */
export const SAGEMAKER_DEFAULT_MAX_RUNTIME_SECONDS = 86_400;

/**
 * SageMaker training job, a one-off: instance type x instance count x maximum runtime (the
 * stopping condition caps what the job can cost). Heterogeneous clusters price each instance
 * group. Managed spot training is priced at on-demand rates: the upper bound.
 */
export const trainingJob: CostModule = {
  service: "SageMaker training",
  instances: (r) => {
    const groups = asArray(at(r.inputs, "resourceConfig.instanceGroups"));
    const skus = groups.length ? groups.map((g) => at(g, "instanceType")) : [at(r.inputs, "resourceConfig.instanceType")];
    return skus.flatMap((s) => (optStr(s) ? [s as string] : []));
  },
  price(r, ctx) {
    const seconds = num(at(r.inputs, "stoppingCondition.maxRuntimeInSeconds"), "stoppingCondition.maxRuntimeInSeconds", SAGEMAKER_DEFAULT_MAX_RUNTIME_SECONDS);
    const hours = seconds / 3600;
    if (r.inputs.serverlessJobConfig !== undefined && r.inputs.resourceConfig === undefined) {
      // AWS bills serverless customization on its own meter, which the catalog does not have yet.
      // Estimate it as the job JumpStart would run on its default LoRA training instance for the
      // maximum runtime: an upper bound of the same order, said so in the notes.
      const run = instanceRun(ctx, SERVERLESS_CUSTOMIZATION_PROXY, "serverlessJobConfig", 1, hours, "serverless customization (estimated)");
      return {
        components: [run.component],
        notes: [
          `one-off, estimated: the catalog has no serverless-customization meter, so priced as JumpStart's default LoRA training instance (${SERVERLESS_CUSTOMIZATION_PROXY}) for the maximum runtime, ${fmt(hours)} h`,
          ...run.notes,
        ],
      };
    }
    const components: CostComponent[] = [];
    const notes: string[] = [`one-off: priced at the maximum runtime, ${fmt(hours)} h${at(r.inputs, "stoppingCondition.maxRuntimeInSeconds") === undefined ? " (SageMaker's default)" : ""}`];
    const groups = asArray(at(r.inputs, "resourceConfig.instanceGroups"));
    if (groups.length) {
      groups.forEach((g, i) => {
        const f = `resourceConfig.instanceGroups[${i}]`;
        const run = instanceRun(ctx, str(at(g, "instanceType"), `${f}.instanceType`), `${f}.instanceType`, num(at(g, "instanceCount"), `${f}.instanceCount`, 1), hours, `training (${optStr(at(g, "instanceGroupName")) ?? `group ${i}`})`);
        components.push(run.component);
        notes.push(...run.notes);
      });
    } else {
      const run = instanceRun(ctx, str(at(r.inputs, "resourceConfig.instanceType"), "resourceConfig.instanceType"), "resourceConfig.instanceType", num(at(r.inputs, "resourceConfig.instanceCount"), "resourceConfig.instanceCount", 1), hours, "training");
      components.push(run.component);
      notes.push(...run.notes);
    }
    if (r.inputs.enableManagedSpotTraining === true) notes.push("managed spot training: priced at on-demand rates (the upper bound)");
    return { components, notes };
  },
};
