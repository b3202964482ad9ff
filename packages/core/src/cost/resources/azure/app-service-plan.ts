import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, fmt, HOURS, monthly, num, optStr, regionNotes, str } from "../../price";

/** Elastic Premium sizes (Azure Functions premium plan): vCPUs and GB per instance. */
const ELASTIC_PREMIUM: Readonly<Record<string, { vcpus: number; gb: number }>> = { EP1: { vcpus: 1, gb: 3.5 }, EP2: { vcpus: 2, gb: 7 }, EP3: { vcpus: 4, gb: 14 } };

/**
 * App Service plan: the SKU's hourly price (Linux when `reserved`, else Windows) x instances
 * (sku.capacity, default 1) x 730 h. An Azure Functions premium plan (EP1–EP3) bills its
 * always-ready instances' vCPUs and memory by the hour; the Consumption (Y1) and Flex Consumption
 * (FC1) plans bill executions only, and the Free tier nothing.
 */
export const appServicePlan: CostModule = {
  service: "Azure App Service",
  price(r, ctx) {
    const name = str(at(r.inputs, "sku.name"), "sku.name");
    const upper = name.toUpperCase();
    if (upper === "F1" || upper === "FREE") return { components: [], free: "Free tier plan" };
    if (upper === "Y1" || upper === "FC1") return { components: [], free: "Consumption plan: billed per execution of its functions, no fixed fee" };
    const count = num(at(r.inputs, "sku.capacity"), "sku.capacity", 1);
    const ep = ELASTIC_PREMIUM[upper];
    if (ep) {
      const cpu = catalogEntry(ctx, "functions-premium-vcpu-hour", "sku.name");
      const mem = catalogEntry(ctx, "functions-premium-gb-hour", "sku.name");
      return {
        components: [monthly(cpu, `${upper}: ${ep.vcpus} vCPU x ${count} instance${count === 1 ? "" : "s"} x ${HOURS} h`, ep.vcpus * count * HOURS), monthly(mem, `${upper}: ${fmt(ep.gb)} GB x ${count} instance${count === 1 ? "" : "s"} x ${HOURS} h`, ep.gb * count * HOURS)],
        notes: ["Functions premium plan: its always-ready instances all month; instances it scales out to bill on top", ...regionNotes(ctx, cpu)],
      };
    }
    const linux = r.inputs.reserved === true || /linux/i.test(optStr(r.inputs.kind) ?? "");
    const sku = `appservice-${linux ? "linux" : "windows"}-${name}`;
    const e = ctx.catalog.entries.find((x) => x.sku.toLowerCase() === sku.toLowerCase());
    if (!e) throw new Unpriced(`sku.name ${JSON.stringify(name)} (${linux ? "Linux" : "Windows"}): no App Service price in the compute catalog`);
    return { components: [monthly(e, `${name} ${linux ? "Linux" : "Windows"} x ${count} instance${count === 1 ? "" : "s"} x ${HOURS} h`, count * HOURS)], notes: regionNotes(ctx, e) };
  },
};
