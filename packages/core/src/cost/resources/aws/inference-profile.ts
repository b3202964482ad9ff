import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { tokenComponents } from "../../price";
import { bedrockModelId } from "./bedrock-model";

/**
 * Bedrock application inference profile: the model the application invokes on demand. The
 * workload's tokens (this profile's share: the track's primary model serves the traffic,
 * fallbacks none) at the model's Bedrock prices from @pydantic/genai-prices.
 */
export const inferenceProfile: CostModule = {
  service: "Amazon Bedrock on-demand inference",
  servesTraffic: () => true,
  price(r, ctx) {
    const source = at(r.inputs, "modelSource.copyFrom");
    const id = bedrockModelId(source);
    if (id.kind !== "foundation") {
      throw new Unpriced(id.kind === "unknown" ? "modelSource.copyFrom: the model is not known until deploy" : `modelSource.copyFrom: a ${id.kind} model has no on-demand token price`);
    }
    return tokenComponents(ctx, "aws", id.model);
  },
};
