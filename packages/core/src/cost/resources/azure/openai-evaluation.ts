import { at } from "../../graph";
import type { CostModule } from "../../module";
import { fmt, oneOffTokenComponents, optStr } from "../../price";
import type { CostComponent } from "../../types";
import { fineTunedBase } from "./openai-deployment";

const DEPLOYMENT = "azure-native:cognitiveservices:Deployment";
/** Prompts an evaluation is assumed to score (the evaluation file's size is not in the stack). */
export const EVAL_PROMPTS = 1_000;

/**
 * Azure OpenAI evaluation (a dynamic resource), a one-off: every compared deployment answers the
 * evaluation prompts (EVAL_PROMPTS assumed) at its model's token prices; provisioned deployments
 * add no token charge. The built-in metrics (exact and fuzzy match) are free.
 */
export const openAiEvaluation: CostModule = {
  service: "Azure OpenAI evaluation",
  price(r, ctx) {
    const u = ctx.usage;
    const components: CostComponent[] = [];
    const notes = [`one-off: ${fmt(EVAL_PROMPTS)} prompts assumed x ${fmt(u.inputTokensPerRequest)} input + ${fmt(u.outputTokensPerRequest)} output tokens`];
    const deployments = r.inputs.deployments && typeof r.inputs.deployments === "object" ? Object.entries(r.inputs.deployments as Record<string, unknown>) : [];
    for (const [label, name] of deployments) {
      const d = ctx.graph.find(DEPLOYMENT, "deploymentName", name);
      const model = optStr(at(d?.inputs, "properties.model.name"));
      const sku = (optStr(at(d?.inputs, "sku.name")) ?? "Standard").toLowerCase();
      if (!d || !model) {
        notes.push(`${label}: deployment ${String(name)} is not in the stack; no token charge counted`);
        continue;
      }
      if (sku.includes("provisioned")) {
        notes.push(`${label}: a provisioned deployment, no token charge`);
        continue;
      }
      components.push(...oneOffTokenComponents(ctx, "azure", fineTunedBase(model) ?? model, EVAL_PROMPTS * u.inputTokensPerRequest, EVAL_PROMPTS * u.outputTokensPerRequest, `${label} (${model}) answers`));
    }
    return { components, notes };
  },
};
