import { asArray, at } from "../../graph";
import type { CostModule } from "../../module";
import { fmt, oneOffTokenComponents } from "../../price";
import type { CostComponent } from "../../types";
import { bedrockModelId } from "./bedrock-model";

/** Bedrock automatic evaluation takes at most 1,000 prompts per custom dataset: the upper bound. */
export const BEDROCK_EVAL_MAX_PROMPTS = 1_000;
/** Tokens a judge model writes per metric and prompt (a score and a short rationale). */
export const JUDGE_OUTPUT_TOKENS = 200;

/**
 * Bedrock model evaluation job, a one-off: the evaluated models' inference over the dataset
 * (prompts x the workload's tokens per request, per model) plus, for LLM-as-judge metrics, the
 * judge reading each prompt and answer. Bedrock charges nothing else for automatic evaluation;
 * custom models behind provisioned throughput add no token charge.
 */
export const evaluationJob: CostModule = {
  service: "Amazon Bedrock model evaluation",
  price(r, ctx) {
    const u = ctx.usage;
    const datasets = asArray(at(r.inputs, "evaluationConfig.automated.datasetMetricConfigs"));
    const prompts = Math.max(1, datasets.length) * BEDROCK_EVAL_MAX_PROMPTS;
    const metrics = datasets.reduce<number>((n, d) => n + asArray(at(d, "metricNames")).length, 0);
    const components: CostComponent[] = [];
    const notes = [`one-off: ${fmt(prompts)} prompts (Bedrock's maximum per dataset) x ${fmt(u.inputTokensPerRequest)} input + ${fmt(u.outputTokensPerRequest)} output tokens`];
    asArray(at(r.inputs, "inferenceConfig.models")).forEach((m, i) => {
      const id = bedrockModelId(at(m, "bedrockModel.modelIdentifier"));
      if (id.kind === "foundation") {
        components.push(...oneOffTokenComponents(ctx, "aws", id.model, prompts * u.inputTokensPerRequest, prompts * u.outputTokensPerRequest, `evaluated model ${i} (${id.model})`));
      } else {
        notes.push(`evaluated model ${i}: a ${id.kind === "unknown" ? "custom or provisioned" : id.kind} model, no token charge (its provisioned throughput is priced on its own)`);
      }
    });
    const judges = [at(r.inputs, "evaluationConfig.automated.evaluatorModelConfig.bedrockEvaluatorModel")].flatMap((j) => (Array.isArray(j) ? j : j ? [j] : []));
    for (const j of judges) {
      const id = bedrockModelId(at(j, "modelIdentifier"));
      if (id.kind !== "foundation") continue;
      const judged = prompts * Math.max(1, asArray(at(r.inputs, "inferenceConfig.models")).length) * Math.max(1, metrics);
      components.push(...oneOffTokenComponents(ctx, "aws", id.model, judged * (u.inputTokensPerRequest + u.outputTokensPerRequest), judged * JUDGE_OUTPUT_TOKENS, `judge (${id.model})`));
    }
    if (components.length === 0) return { components, free: "it evaluates custom or provisioned models only: their inference is billed on their provisioned throughput (priced)" };
    return { components, notes };
  },
};
