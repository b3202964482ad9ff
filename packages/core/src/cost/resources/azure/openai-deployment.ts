import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, fmt, HOURS, monthly, num, regionNotes, str, tokenComponents } from "../../price";
import type { CostComponent } from "../../types";

/** Provisioned deployment types and the catalog SKU of their PTU-hour. */
const PTU_SKUS: Readonly<Record<string, string>> = {
  provisionedmanaged: "aoai-ptu-regional",
  globalprovisionedmanaged: "aoai-ptu-global",
  datazoneprovisionedmanaged: "aoai-ptu-datazone",
};
/** Pay-per-token deployment types (capacity is a rate limit in thousands of tokens a minute, not billed). */
const TOKEN_SKUS = new Set(["standard", "globalstandard", "datazonestandard", "globalbatch", "datazonebatch", "developertier"]);

/** `gpt-4o-mini-2024-07-18.ft-0123abcd` -> the base model `gpt-4o-mini-2024-07-18`. */
export function fineTunedBase(model: string): string | undefined {
  const m = /^(.+?)\.ft-[A-Za-z0-9-]+$/.exec(model) ?? /^ft:([^:]+):/.exec(model);
  return m ? m[1] : undefined;
}

/**
 * Azure OpenAI deployment. Provisioned (PTU) deployments: capacity PTUs x 730 h at the
 * deployment type's PTU-hour price. Standard (pay-per-token) deployments: the workload's tokens
 * (this deployment's share) at the model's Azure prices from @pydantic/genai-prices. A
 * fine-tuned model adds its hosting fee per hour while deployed (none on the developer tier).
 */
export const openAiDeployment: CostModule = {
  service: "Azure OpenAI Service",
  servesTraffic: () => true,
  preferredForTraffic: (r) => typeof at(r.inputs, "properties.model.name") === "string" && fineTunedBase(at(r.inputs, "properties.model.name") as string) !== undefined,
  price(r, ctx) {
    const skuName = str(at(r.inputs, "sku.name"), "sku.name", "Standard");
    const kind = skuName.toLowerCase();
    const model = str(at(r.inputs, "properties.model.name"), "properties.model.name");
    const components: CostComponent[] = [];
    const notes: string[] = [];
    const ptuSku = PTU_SKUS[kind];
    if (ptuSku) {
      const capacity = num(at(r.inputs, "sku.capacity"), "sku.capacity");
      const e = catalogEntry(ctx, ptuSku, "sku.name");
      components.push(monthly(e, `${skuName}: ${fmt(capacity)} PTU x ${HOURS} h`, capacity * HOURS));
      notes.push(...regionNotes(ctx, e), "provisioned throughput: no per-token charge");
      if (ctx.trafficShare > 0 && ctx.usage.given) notes.push("serves the workload at no token cost");
    } else if (TOKEN_SKUS.has(kind)) {
      const priced = fineTunedBase(model) ?? model;
      const t = tokenComponents(ctx, "azure", priced, model);
      components.push(...t.components);
      notes.push(...t.notes);
      if (kind.endsWith("batch")) notes.push("batch deployments bill half the standard token price; priced at the standard price (upper bound)");
    } else {
      throw new Unpriced(`sku.name ${JSON.stringify(skuName)}: not a deployment type the cost model knows (Standard, GlobalStandard, DataZoneStandard, ProvisionedManaged, GlobalProvisionedManaged, DataZoneProvisionedManaged)`);
    }
    if (fineTunedBase(model) !== undefined && kind !== "developertier") {
      const e = catalogEntry(ctx, "aoai-finetune-hosting", "fine-tuned model hosting");
      components.push(monthly(e, `fine-tuned model hosting x ${HOURS} h`, HOURS));
      notes.push(...regionNotes(ctx, e));
    }
    return { components, notes };
  },
};
