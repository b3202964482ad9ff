import type { CostModule } from "../../module";
import { num, str, trainingTokens } from "../../price";
import { publisherModel, vertexTokens } from "./model-garden";

/**
 * Vertex AI supervised tuning job (a dynamic resource): a one-off priced per training token
 * (examples x tokens per example x epochs), then the tuned model serves the workload at its base
 * model's token prices (tuned Gemini endpoints bill like the base model).
 */
export const vertexTuningJob: CostModule = {
  service: "Vertex AI tuning",
  servesTraffic: () => true,
  preferredForTraffic: () => true,
  price(r, ctx) {
    const epochs = r.inputs.epochCount === undefined ? undefined : num(r.inputs.epochCount, "epochCount");
    const train = trainingTokens(ctx, "vertex-tuning-training", epochs, "tuning job");
    const base = str(r.inputs.baseModel, "baseModel");
    const serve = vertexTokens(ctx, base, `tuned ${publisherModel(base).model}`);
    return { components: [train.component, ...serve.components], notes: [...train.notes, "the tuned model serves at its base model's token prices", ...serve.notes] };
  },
};
