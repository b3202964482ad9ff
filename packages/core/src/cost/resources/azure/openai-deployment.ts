import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, fmt, HOURS, monthly, num, regionNotes, sourceOf, str, tokenComponents } from "../../price";
import type { CostComponent } from "../../types";

/** Provisioned deployment types and the catalog SKU of their PTU-hour. */
const PTU_SKUS: Readonly<Record<string, string>> = {
  provisionedmanaged: "aoai-ptu-regional",
  globalprovisionedmanaged: "aoai-ptu-global",
  datazoneprovisionedmanaged: "aoai-ptu-datazone",
};
/**
 * Pay-per-token deployment types (capacity is a rate limit in thousands of tokens a minute, not
 * billed) and the catalog entry of their price over the Global Standard price (what
 * @pydantic/genai-prices lists for Azure); none = the Global Standard price.
 */
const TOKEN_SKUS: Readonly<Record<string, string | null>> = {
  globalstandard: null,
  developertier: null,
  standard: "aoai-tokens-regional-standard",
  datazonestandard: "aoai-tokens-datazone-standard",
  globalbatch: "aoai-tokens-global-batch",
  datazonebatch: "aoai-tokens-datazone-batch",
};
/** The tag that says how a provisioned deployment's PTUs are paid: hourly (default), monthly or yearly (an Azure reservation). */
export const PTU_RESERVATION_TAG = "aitracks-ptu-reservation";

/** `gpt-4o-mini-2024-07-18.ft-0123abcd` -> the base model `gpt-4o-mini-2024-07-18`. */
export function fineTunedBase(model: string): string | undefined {
  const m = /^(.+?)\.ft-[A-Za-z0-9-]+$/.exec(model) ?? /^ft:([^:]+):/.exec(model);
  return m ? m[1] : undefined;
}

/**
 * Azure OpenAI deployment. Provisioned (PTU) deployments: capacity PTUs x 730 h at the
 * deployment type's PTU-hour price, or — tagged aitracks-ptu-reservation: monthly / yearly — at the
 * reservation's price a PTU-month (a twelfth of a PTU-year). Pay-per-token deployments: the
 * workload's tokens (this deployment's share) at the model's Azure prices from
 * @pydantic/genai-prices (the Global Standard price), times the deployment type's factor from the
 * catalog (Regional and Data Zone Standard 1.1, Global Batch 0.5, Data Zone Batch 0.55). A
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
      const tag = at(r.inputs, `tags.${PTU_RESERVATION_TAG}`);
      const term = tag === undefined ? "hourly" : str(tag, `tags.${PTU_RESERVATION_TAG}`).toLowerCase();
      if (term === "hourly") {
        const e = catalogEntry(ctx, ptuSku, "sku.name");
        components.push(monthly(e, `${skuName}: ${fmt(capacity)} PTU x ${HOURS} h`, capacity * HOURS));
        notes.push(...regionNotes(ctx, e));
      } else if (term === "monthly" || term === "yearly") {
        const e = catalogEntry(ctx, `aoai-ptu-reservation-${term}`, `tags.${PTU_RESERVATION_TAG}`);
        // A yearly reservation is quoted a PTU-year: a twelfth of it each month.
        const quantity = term === "yearly" ? capacity / 12 : capacity;
        components.push(monthly(e, `${skuName}: ${fmt(capacity)} PTU, ${term} reservation${term === "yearly" ? " (a twelfth of a PTU-year each month)" : ""}`, quantity));
        notes.push(...regionNotes(ctx, e), `PTUs paid through a ${term} Azure reservation (tag ${PTU_RESERVATION_TAG}); the reservation is bought for the term, not per hour`);
      } else throw new Unpriced(`tags.${PTU_RESERVATION_TAG} ${JSON.stringify(tag)}: expected hourly, monthly or yearly`);
      notes.push("provisioned throughput: no per-token charge");
      if (ctx.trafficShare > 0 && ctx.usage.given) notes.push("serves the workload at no token cost");
    } else if (kind in TOKEN_SKUS) {
      const priced = fineTunedBase(model) ?? model;
      const t = tokenComponents(ctx, "azure", priced, model);
      const factorSku = TOKEN_SKUS[kind];
      if (factorSku) {
        // The deployment type's own rate: the Global Standard token price x the catalog's factor.
        const f = catalogEntry(ctx, factorSku, "sku.name");
        const round = (x: number) => Number(x.toPrecision(12));
        components.push(...t.components.map((c) => ({ ...c, unitPriceUsd: round(c.unitPriceUsd * f.usd), monthlyUsd: round(c.monthlyQuantity * c.unitPriceUsd * f.usd), priceSource: `${c.priceSource} x ${f.usd} (${sourceOf(f)})` })));
        notes.push(`${skuName}: ${f.usd} x the Global Standard token price`);
      } else components.push(...t.components);
      notes.push(...t.notes);
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
