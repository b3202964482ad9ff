import { DYNAMIC_RESOURCES } from "../../../identity";
import { asArray, at } from "../../graph";
import type { CostModule } from "../../module";
import { fmt, oneOffTokenComponents, optStr } from "../../price";
import type { CostComponent } from "../../types";
import { publisherModel } from "./model-garden";

/** Prompts an evaluation run is assumed to score (the dataset's size is not in the stack). */
export const EVAL_PROMPTS = 1_000;
/** Tokens a judge model writes per metric and answer. */
export const JUDGE_OUTPUT_TOKENS = 200;

/**
 * Vertex AI evaluation run (a dynamic resource), a one-off: each candidate answers the prompts
 * (EVAL_PROMPTS assumed, the workload's tokens per request) and, for model-based metrics, the
 * autorater judges each answer. Computation-based metrics (exact match, ROUGE) cost nothing.
 */
export const vertexEvaluationRun: CostModule = {
  service: "Vertex AI Gen AI evaluation",
  price(r, ctx) {
    const u = ctx.usage;
    const components: CostComponent[] = [];
    const notes = [`one-off: ${fmt(EVAL_PROMPTS)} prompts assumed (the dataset's size is not in the stack) x ${fmt(u.inputTokensPerRequest)} input + ${fmt(u.outputTokensPerRequest)} output tokens`];
    const configs = r.inputs.inferenceConfigs && typeof r.inputs.inferenceConfigs === "object" ? Object.entries(r.inputs.inferenceConfigs as Record<string, unknown>) : [];
    const tuning = ctx.graph.ofType(DYNAMIC_RESOURCES.vertexTuningJob.type)[0];
    for (const [label, cfg] of configs) {
      const model = optStr(at(cfg, "model")) ?? "";
      const viaEndpoint = /\/endpoints\//.test(model) || model === "";
      const id = viaEndpoint ? optStr(tuning?.inputs.baseModel) : model;
      if (!id) {
        notes.push(`${label}: a model on an endpoint the stack does not describe; no token charge counted`);
        continue;
      }
      if (viaEndpoint) notes.push(`${label}: the tuned model, at its base model's (${id}) token prices`);
      components.push(...oneOffTokenComponents(ctx, "google", publisherModel(id).model, EVAL_PROMPTS * u.inputTokensPerRequest, EVAL_PROMPTS * u.outputTokensPerRequest, `${label} answers`));
    }
    const judged = asArray(r.inputs.metrics).filter((m) => at(m, "computationBasedMetricSpec") === undefined).length;
    const judge = optStr(r.inputs.autoraterModel);
    if (judged > 0 && judge) {
      const answers = EVAL_PROMPTS * Math.max(1, configs.length) * judged;
      components.push(...oneOffTokenComponents(ctx, "google", publisherModel(judge).model, answers * (u.inputTokensPerRequest + u.outputTokensPerRequest), answers * JUDGE_OUTPUT_TOKENS, `autorater (${judged} model-based metric${judged === 1 ? "" : "s"})`));
    }
    return { components, notes };
  },
};
