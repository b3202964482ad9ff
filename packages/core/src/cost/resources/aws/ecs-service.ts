import { asArray, at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, fmt, HOURS, monthly, num, optStr, regionNotes, str } from "../../price";

const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

/**
 * ECS service on Fargate: its task definition's vCPUs and memory x desiredCount x 730 h at the
 * Fargate rates (ARM64 at the Graviton rates). A service on EC2 capacity bills through the
 * cluster's instances (priced on their own). Task CPU is in CPU units (1,024 = 1 vCPU), memory in MiB.
 */
export const ecsService: CostModule = {
  service: "Amazon ECS on AWS Fargate",
  price(r, ctx) {
    const launchType = optStr(r.inputs.launchType);
    const providers = asArray(r.inputs.capacityProviderStrategies).map((s) => optStr(at(s, "capacityProvider")) ?? "");
    const fargate = launchType === "FARGATE" || providers.some((p) => p.startsWith("FARGATE"));
    if (!fargate) {
      if (launchType === "EC2" || launchType === "EXTERNAL" || providers.length) return { components: [], free: "tasks run on the cluster's EC2 instances (priced on their own)" };
      throw new Unpriced("launchType is not set: ECS defaults to EC2 capacity unless the cluster's default strategy says Fargate; set launchType");
    }
    const count = num(r.inputs.desiredCount, "desiredCount", 0);
    const td = taskDefinitionOf(ctx.graph, r);
    if (!td) throw new Unpriced("taskDefinition: no task definition of the stack matches it (its CPU and memory are the price)");
    const vcpus = num(td.inputs.cpu, "taskDefinition.cpu") / 1_024;
    const gb = num(td.inputs.memory, "taskDefinition.memory") / 1_024;
    const arm = optStr(at(td.inputs, "runtimePlatform.cpuArchitecture")) === "ARM64";
    const cpu = catalogEntry(ctx, arm ? "fargate-arm-vcpu-hour" : "fargate-vcpu-hour", "taskDefinition.cpu");
    const mem = catalogEntry(ctx, arm ? "fargate-arm-gb-hour" : "fargate-gb-hour", "taskDefinition.memory");
    const notes = [...regionNotes(ctx, cpu)];
    if (count === 0) notes.push("desiredCount is 0 (the default): no tasks run until it is raised");
    if (providers.includes("FARGATE_SPOT")) notes.push("part of the service may run on Fargate Spot (billed less); priced on demand");
    return {
      components: [
        monthly(cpu, `${fmt(vcpus)} vCPU x ${count} task${count === 1 ? "" : "s"} x ${HOURS} h`, vcpus * count * HOURS),
        monthly(mem, `${fmt(gb)} GB x ${count} task${count === 1 ? "" : "s"} x ${HOURS} h`, gb * count * HOURS),
      ],
      notes,
    };
  },
};

/** The service's task definition: a dependency of that type, else the one whose family the service names. */
function taskDefinitionOf(graph: import("../../graph").GraphIndex, r: import("../../types").CostResource) {
  const dep = graph.dependenciesOfType(r, TASK_DEFINITION)[0];
  if (dep) return dep;
  const ref = optStr(r.inputs.taskDefinition);
  if (!ref) return undefined;
  const family = ref.replace(/^arn:.*:task-definition\//, "").replace(/:\d+$/, "");
  return graph.find(TASK_DEFINITION, "family", family);
}
