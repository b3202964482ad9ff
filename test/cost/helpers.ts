// @ts-nocheck
import { estimateCost, type CostEstimate, type CostResource, type ResourceCost } from "@aitracks/core";

/** A resource for a hand-built graph. */
export function res(type: string, name: string, inputs: Record<string, unknown>, extra: Partial<CostResource> = {}): CostResource {
  return { urn: `urn:pulumi:test::proj::${type}::${name}`, type, name, custom: true, parent: null, inputs, ...extra };
}

/** A track component and the URN prefix of its children. */
export function track(kind: "Buy" | "Build" | "FineTune" | "Serving" | "Evaluation", cloud: "aws" | "gcp" | "azure", name: string): CostResource {
  return { urn: `urn:pulumi:test::proj::aitracks:${cloud}:${kind}Track::${name}`, type: `aitracks:${cloud}:${kind}Track`, name, custom: false, parent: null, inputs: {} };
}

export function child(parent: CostResource, type: string, name: string, inputs: Record<string, unknown>, extra: Partial<CostResource> = {}): CostResource {
  return { ...res(type, name, inputs, extra), urn: `urn:pulumi:test::proj::${parent.type}$${type}::${name}`, parent: parent.urn };
}

/** The workload most tests use: 10,000 requests a day, 1,500 input + 300 output tokens, no growth. */
export const WORKLOAD = { workload: { requestsPerDay: 10_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 } };

/** Estimate a hand-built graph with a stack config. */
export function estimate(resources: CostResource[], config: Record<string, unknown> = { "aitracks:workload": WORKLOAD }): CostEstimate {
  return estimateCost({ project: "proj", stack: "test", config, resources });
}

/** The priced resource of a name; fails if it is not priced. */
export function priced(e: CostEstimate, name: string): ResourceCost {
  const r = e.resources.find((x) => x.name === name);
  if (!r) {
    const u = e.unpriced.find((x) => x.name === name);
    const f = e.free.find((x) => x.name === name);
    throw new Error(`${name} is not priced (${u ? `unpriced: ${u.reason}` : f ? `free: ${f.reason}` : "absent"})`);
  }
  return r;
}

/** Requests a month at 10,000 a day: 10,000 x 365 / 12. */
export const REQUESTS_PER_MONTH = (10_000 * 365) / 12;

/** A lean hosted fine-tune of a small model against an Opus-class buy: 400 tokens in, 600 out, hosted
 * training and inference on Nova Lite, 2 engineers for 3 weeks, 0.1 FTE upkeep, one developer. */
export const leanFineTuneWorkload = (requestsPerDay: number, extra: Record<string, unknown> = {}) => ({
  workload: { requestsPerDay, inputTokensPerRequest: 400, outputTokensPerRequest: 600 },
  fineTune: {
    labeledExamples: 5000,
    engineers: 2,
    projectWeeks: 3,
    maintenanceFte: 0.1,
    retrainEveryMonths: 12,
    training: { method: "hosted" },
    inference: { method: "hosted", provider: "aws", model: "amazon.nova-lite-v1:0" },
  },
  team: { developers: 1 },
  ...extra,
});
