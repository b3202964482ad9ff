import { trackModelsOf } from "../../../identity";
import { Unpriced, type CostModule } from "../../module";
import { tokenComponents } from "../../price";
import type { CostComponent } from "../../types";

/**
 * `google/gemini-2.5-flash` -> gemini-2.5-flash; `anthropic/claude-sonnet-4@20250514` -> claude-sonnet-4;
 * the resource name in full (`projects/.../publishers/google/models/...`) or short
 * (`publishers/google/models/...`, as a Vertex endpoint's publisherModelName gives it). The names
 * @pydantic/genai-prices knows Vertex AI publisher models by.
 */
export function publisherModel(id: string): { publisher: string; model: string } {
  const path = id.replace(/^(?:.*\/)?publishers\//, "").replace(/\/models\//, "/");
  const [publisher, model] = path.includes("/") ? [path.slice(0, path.indexOf("/")), path.slice(path.indexOf("/") + 1)] : ["google", path];
  return { publisher, model: model.replace(/@.*$/, "") };
}

/** Token price of a Vertex AI publisher model (Gemini, or a partner model served by Vertex). */
export function vertexTokens(ctx: Parameters<CostModule["price"]>[1], id: string, label = id): { components: CostComponent[]; notes: string[] } {
  const { model } = publisherModel(id);
  return tokenComponents(ctx, "google", model, label);
}

/**
 * Buy on GCP (Vertex AI Model Garden): publisher models are pay per token and have no resource of
 * their own, so the tokens are priced on the track, for the primary model the track component
 * registers among its inputs (`models[0]`); fallbacks serve no traffic.
 */
export const modelGardenTokens: CostModule = {
  service: "Vertex AI Model Garden (pay per token)",
  servesTraffic: () => true,
  price(r, ctx) {
    const [primary, ...rest] = trackModelsOf(r.inputs);
    if (!primary) throw new Unpriced("the track component registered no models (a graph recorded without component inputs)");
    const t = vertexTokens(ctx, primary);
    return { components: t.components, notes: [...t.notes, ...(rest.length ? [`fallbacks ${rest.join(", ")}: no traffic assumed`] : [])] };
  },
};
