import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, fmt, HOURS, monthly, num, regionNotes } from "../../price";
import { bedrockModelId } from "./bedrock-model";

/**
 * Bedrock provisioned throughput: model units x 730 h at the model's hourly price per model unit
 * (custom models at the catalog's custom-model unit price). Commitments are priced at the
 * no-commitment rate the catalog carries: an upper bound.
 */
export const provisionedModelThroughput: CostModule = {
  service: "Amazon Bedrock provisioned throughput",
  // It carries the track's traffic (at a fixed price): what the region's invocation logs record.
  servesTraffic: () => true,
  preferredForTraffic: () => true,
  price(r, ctx) {
    const units = num(r.inputs.modelUnits, "modelUnits");
    const id = bedrockModelId(r.inputs.modelArn);
    const custom = id.kind === "custom" || (id.kind === "unknown" && ctx.graph.dependsOnType(r, "aws:bedrock/customModel:CustomModel", "modelArn")) || (id.kind === "unknown" && ctx.graph.dependsOnType(r, "aws:bedrock/customModel:CustomModel"));
    let sku: string;
    if (custom) sku = "bedrock-pt:custom-model-unit";
    else if (id.kind === "foundation") {
      const base = id.model.replace(/^(us|eu|apac|us-gov|global)\./, "");
      const entry = ctx.catalog.entries.find((e) => e.sku.startsWith("bedrock-pt:") && base.startsWith(e.sku.slice("bedrock-pt:".length)));
      if (!entry) throw new Unpriced(`modelArn: no provisioned-throughput price for ${base} in the compute catalog`);
      sku = entry.sku;
    } else throw new Unpriced("modelArn: the model is not known until deploy");
    const e = catalogEntry(ctx, sku, "modelArn");
    const commitment = typeof at(r.inputs, "commitmentDuration") === "string" ? (r.inputs.commitmentDuration as string) : undefined;
    return {
      components: [monthly(e, `${fmt(units)} model unit${units === 1 ? "" : "s"} x ${HOURS} h`, units * HOURS)],
      notes: [...regionNotes(ctx, e), ...(commitment ? [`${commitment} commitment priced at the no-commitment rate (the catalog has no committed rate): an upper bound`] : [])],
    };
  },
};
