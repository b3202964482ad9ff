import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { str, tokenComponents } from "../../price";

/**
 * `azureml://registries/azureml-meta/models/Meta-Llama-3.1-8B-Instruct` -> `Meta-Llama-3.1-8B-Instruct`;
 * the model name @pydantic/genai-prices knows it by is tried as given and lower-cased.
 */
export function catalogueModelName(modelId: string): string {
  const m = /\/models\/([^/]+)(?:\/|$)/.exec(modelId);
  return m ? m[1]! : modelId;
}

/** Azure ML serverless endpoint (models as a service): the workload's tokens at the model's pay-as-you-go prices. */
export const serverlessEndpoint: CostModule = {
  service: "Azure AI serverless models",
  servesTraffic: () => true,
  price(r, ctx) {
    const name = catalogueModelName(str(at(r.inputs, "properties.modelSettings.modelId"), "properties.modelSettings.modelId"));
    for (const candidate of [name, name.toLowerCase()]) {
      try {
        return tokenComponents(ctx, "azure", candidate, name);
      } catch (err) {
        if (!(err instanceof Unpriced)) throw err;
      }
    }
    throw new Unpriced(`no token price for ${JSON.stringify(name)} on provider "azure" in @pydantic/genai-prices`);
  },
};
