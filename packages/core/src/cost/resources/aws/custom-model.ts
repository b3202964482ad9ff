import { at } from "../../graph";
import type { CostModule } from "../../module";
import { catalogEntry, monthly, num, trainingTokens } from "../../price";

/**
 * Bedrock model customisation (fine-tuning or continued pre-training): a one-off job priced per
 * training token (examples x tokens per example x epochs, from the workload), then the custom
 * model's storage every month. Serving it needs provisioned throughput, priced on its own.
 */
export const customModel: CostModule = {
  service: "Amazon Bedrock model customisation",
  price(r, ctx) {
    const epochsRaw = at(r.inputs, "hyperparameters.epochCount");
    const epochs = epochsRaw === undefined ? undefined : num(epochsRaw, "hyperparameters.epochCount");
    const train = trainingTokens(ctx, "bedrock-customization-training", epochs, "customisation job");
    const storage = catalogEntry(ctx, "bedrock-custom-model-storage", "custom model storage");
    return { components: [train.component, monthly(storage, "custom model storage", 1)], notes: train.notes };
  },
};
