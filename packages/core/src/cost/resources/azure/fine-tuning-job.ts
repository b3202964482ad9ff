import { at } from "../../graph";
import type { CostModule } from "../../module";
import { num, str, trainingTokens } from "../../price";

/**
 * Azure OpenAI fine-tuning job (a dynamic resource), a one-off priced per training token:
 * examples x tokens per example x epochs (hyperparameters.nEpochs, else the workload's).
 * Hosting the tuned model is priced on its deployment.
 */
export const openAiFineTuningJob: CostModule = {
  service: "Azure OpenAI fine-tuning",
  price(r, ctx) {
    const raw = at(r.inputs, "hyperparameters.nEpochs");
    const epochs = raw === undefined ? undefined : num(raw, "hyperparameters.nEpochs");
    const train = trainingTokens(ctx, "aoai-finetune-training", epochs, `fine-tuning ${str(r.inputs.baseModel, "baseModel")}`);
    return { components: [train.component], notes: train.notes };
  },
};
