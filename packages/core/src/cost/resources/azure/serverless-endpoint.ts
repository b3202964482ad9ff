import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, fmt, str, tokenComponents, usage } from "../../price";
import { BYTES_PER_TOKEN } from "../../storage";
import type { Priced } from "../../module";

/** A content-safety text record: up to 1,000 characters. */
export const CHARACTERS_PER_TEXT_RECORD = 1_000;

/**
 * `azureml://registries/azureml-meta/models/Meta-Llama-3.1-8B-Instruct` -> `Meta-Llama-3.1-8B-Instruct`;
 * the model name @pydantic/genai-prices knows it by is tried as given and lower-cased.
 */
export function catalogueModelName(modelId: string): string {
  const m = /\/models\/([^/]+)(?:\/|$)/.exec(modelId);
  return m ? m[1]! : modelId;
}

/**
 * Azure ML serverless endpoint (models as a service): the workload's tokens at the model's
 * pay-as-you-go prices; with content safety enabled, each request's prompt and completion through
 * Azure AI Content Safety, billed per 1,000 text records of up to 1,000 characters (rounded up per
 * request, 4 characters a token).
 */
export const serverlessEndpoint: CostModule = {
  service: "Azure AI serverless models",
  servesTraffic: () => true,
  price(r, ctx) {
    const name = catalogueModelName(str(at(r.inputs, "properties.modelSettings.modelId"), "properties.modelSettings.modelId"));
    let tokens: Priced | undefined;
    for (const candidate of [name, name.toLowerCase()]) {
      try {
        tokens = tokenComponents(ctx, "azure", candidate, name);
        break;
      } catch (err) {
        if (!(err instanceof Unpriced)) throw err;
      }
    }
    if (!tokens) throw new Unpriced(`no token price for ${JSON.stringify(name)} on provider "azure" in @pydantic/genai-prices`);
    const status = at(r.inputs, "properties.contentSafety.contentSafetyStatus");
    if (typeof status !== "string" || status.toLowerCase() !== "enabled") return tokens;
    const u = ctx.usage;
    const records = Math.ceil((u.inputTokensPerRequest * BYTES_PER_TOKEN) / CHARACTERS_PER_TEXT_RECORD) + Math.ceil((u.outputTokensPerRequest * BYTES_PER_TOKEN) / CHARACTERS_PER_TEXT_RECORD);
    const requests = u.requestsPerMonth * ctx.trafficShare;
    const e = catalogEntry(ctx, "azure-content-safety-text", "content safety price");
    return {
      components: [...tokens.components, usage(e, `content safety: ${records} text records a request x ${fmt(requests)} requests`, (requests * records) / 1_000)],
      notes: [...(tokens.notes ?? []), `content safety on: prompt and completion checked as text records of up to ${fmt(CHARACTERS_PER_TEXT_RECORD)} characters (${BYTES_PER_TOKEN} a token), billed at Azure AI Content Safety's rate`],
    };
  },
};
