import { asArray, at } from "../../graph";
import type { CostModule } from "../../module";
import { catalogEntry, instances, num, optStr, str, usage } from "../../price";
import type { CostComponent } from "../../types";

/** Seconds one request keeps a serverless endpoint busy; SageMaker bills memory x duration. */
export const SERVERLESS_SECONDS_PER_REQUEST = 1;

/**
 * SageMaker endpoint configuration: each production (and shadow) variant's instances, always on
 * (instance type x initial count x 730 h, managed scaling's maximum as the ceiling); a
 * serverless variant bills memory x duration per request from the workload.
 */
export const endpointConfiguration: CostModule = {
  service: "SageMaker real-time inference",
  servesTraffic: (r) => variants(r).some((v) => at(v, "serverlessConfig") !== undefined),
  instances: (r) => variants(r).flatMap((v) => (optStr(at(v, "instanceType")) ? [at(v, "instanceType") as string] : [])),
  price(r, ctx) {
    const components: CostComponent[] = [];
    const notes: string[] = [];
    for (const [field, list] of [
      ["productionVariants", asArray(r.inputs.productionVariants)],
      ["shadowProductionVariants", asArray(r.inputs.shadowProductionVariants)],
    ] as const) {
      list.forEach((v, i) => {
        const where = `${field}[${i}]`;
        const serverless = at(v, "serverlessConfig");
        if (serverless !== undefined && serverless !== null) {
          const memoryGb = num(at(serverless, "memorySizeInMb"), `${where}.serverlessConfig.memorySizeInMb`) / 1024;
          const e = catalogEntry(ctx, "sagemaker-serverless-gb-second", "serverless price");
          const requests = ctx.usage.requestsPerMonth * ctx.trafficShare;
          components.push(usage(e, `${where} serverless: ${memoryGb} GB x ${SERVERLESS_SECONDS_PER_REQUEST} s x requests`, requests * memoryGb * SERVERLESS_SECONDS_PER_REQUEST));
          notes.push(`serverless duration assumed ${SERVERLESS_SECONDS_PER_REQUEST} s per request`);
          return;
        }
        const sku = str(at(v, "instanceType"), `${where}.instanceType`);
        const count = num(at(v, "initialInstanceCount"), `${where}.initialInstanceCount`, 1);
        const max = at(v, "managedInstanceScaling.maxInstanceCount");
        const { component, notes: n } = instances(ctx, sku, `${where}.instanceType`, count, max === undefined ? undefined : num(max, `${where}.managedInstanceScaling.maxInstanceCount`));
        components.push({ ...component, name: `${field === "productionVariants" ? "" : "shadow "}${optStr(at(v, "variantName")) ?? `variant ${i}`}: ${component.name}` });
        notes.push(...n);
      });
    }
    return { components, notes };
  },
};

function variants(r: { inputs: Readonly<Record<string, unknown>> }): unknown[] {
  return [...asArray(r.inputs.productionVariants), ...asArray(r.inputs.shadowProductionVariants)];
}
