// @ts-nocheck
import { describe, expect, it } from "vitest";
import { InputError, estimateCost, estimateJson, growthFactor, stackOption } from "@aitracks/core";
import { child, estimate, priced, res, track } from "./helpers";

const buy = track("Buy", "aws", "assistant");
const model = (i: number, id: string) => child(buy, "aws:bedrock/inferenceProfile:InferenceProfile", `assistant-model-${i}`, { modelSource: { copyFrom: `arn:aws:bedrock:us-east-1::foundation-model/${id}` } });

describe("the estimate as a bill", () => {
  it("reports an unknown type as unpriced (never zero), a listed type as free with its reason", () => {
    const e = estimate([buy, child(buy, "aws:mystery/thing:Thing", "odd", { size: 3 }), res("aws:other/thing:Thing", "stray", {}), child(buy, "aws:iam/role:Role", "role", {}), child(buy, "aws:sns/topic:Topic", "topic", {})]);
    expect(e.unpriced).toEqual([
      expect.objectContaining({ name: "odd", type: "aws:mystery/thing:Thing", reason: "no cost module for this resource type", inTrack: true }),
      expect.objectContaining({ name: "stray", inTrack: false }),
    ]);
    expect(e.free.map((f) => [f.name, f.reason])).toEqual([
      ["role", "IAM: identity and access management is free"],
      ["topic", expect.stringMatching(/free tier/)],
    ]);
    expect(e.resources).toEqual([]);
    expect(estimateJson(e).unpriced.map((u) => u.type)).toEqual(["aws:mystery/thing:Thing", "aws:other/thing:Thing"]);
  });

  it("says which input is not known until deploy instead of guessing", () => {
    const e = estimate([res("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "cfg", { productionVariants: [{ instanceType: "[unknown]", initialInstanceCount: 1 }] })]);
    expect(e.unpriced[0]!.reason).toBe("productionVariants[0].instanceType is not known until deploy");
  });

  it("splits the workload evenly across tracks that serve it, primary first", () => {
    const gcp = { ...track("Buy", "gcp", "proto"), inputs: { track: "buy", cloud: "gcp", region: "us-central1", models: ["google/gemini-2.5-flash"] } };
    const e = estimate(
      [buy, model(0, "amazon.nova-lite-v1:0"), model(1, "amazon.nova-pro-v1:0"), gcp],
      { "aitracks:workload": { workload: { requestsPerDay: 10_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 } } },
    );
    // half of 456.25M input / 91.25M output each: nova-lite $0.06/$0.24, gemini-2.5-flash $0.30/$2.50
    expect(priced(e, "assistant-model-0").monthlyUsd).toBeCloseTo(228.125 * 0.06 + 45.625 * 0.24, 9);
    expect(priced(e, "assistant-model-1").monthlyUsd).toBe(0);
    expect(priced(e, "proto").monthlyUsd).toBeCloseTo(228.125 * 0.3 + 45.625 * 2.5, 9);
    expect(e.assumptions).toContain("the workload is split evenly across 2 tracks that serve it (buy:aws:assistant, buy:gcp:proto)");
  });

  it("totals by track and cloud, and counts a stack with no workload at zero volume, saying so", () => {
    const e = estimate([buy, model(0, "amazon.nova-lite-v1:0"), child(buy, "aws:kms/key:Key", "key", {})], {});
    expect(e.monthlyUsd).toBe(1);
    expect(e.byTrack).toEqual([{ key: "buy (assistant, aws)", monthlyUsd: 1, oneOffUsd: 0 }]);
    expect(e.byCloud).toEqual([{ key: "aws", monthlyUsd: 1, oneOffUsd: 0 }]);
    expect(e.assumptions.join()).toMatch(/no aitracks:workload/);
    expect(priced(e, "assistant-model-0").notes).toContain("no aitracks:workload in the stack: token volume counted as 0; add aitracks:workload.workload (requestsPerDay, inputTokensPerRequest, outputTokensPerRequest) to count it");
  });

  it("stops on a bad workload or budget with the config key's path", () => {
    const bad = () => estimate([], { "aitracks:workload": { workload: { requestsPerDay: -5, inputTokensPerRequest: 1, outputTokensPerRequest: 1 } } });
    expect(bad).toThrow(InputError);
    expect(bad).toThrow(/^aitracks:workload\.workload\.requestsPerDay: expected a number of requests per day of 0 or more/);
    expect(() => estimate([], { "aitracks:budget": { maxMonthlyUsd: 0 } })).toThrow(/^aitracks:budget\.maxMonthlyUsd: expected a number above 0/);
  });
});

describe("the three-year figure", () => {
  it("adds fixed x 36, usage with monthly growth, one-offs once and the TCO model's people costs", () => {
    const e = estimate(
      [buy, model(0, "anthropic.claude-sonnet-4-20250514-v1:0"), child(buy, "aws:kms/key:Key", "key", {}), child(buy, "aws:cloudwatch/metricAlarm:MetricAlarm", "alarm", {}), child(buy, "aws:sagemaker/trainingJob:TrainingJob", "job", { resourceConfig: { instanceType: "ml.g5.2xlarge", instanceCount: 1 }, stoppingCondition: { maxRuntimeInSeconds: 7_200 } })],
      {
        "aitracks:workload": { workload: { requestsPerDay: 10_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300, monthlyGrowth: 0.03 } },
        "aitracks:decision": { track: "buy", reviewDate: "2027-05-01" },
      },
    );
    const growth = (1.03 ** 36 - 1) / 0.03; // 63.2759...
    expect(growthFactor(0.03, 36)).toBeCloseTo(growth, 12);
    const t = e.threeYear;
    expect(t.option).toBe("buy");
    expect(t.infrastructureUsd).toBeCloseTo(1.1 * 36 + 2737.5 * growth, 6); // key + alarm fixed; Claude tokens growing
    expect(t.oneOffUsd).toBeCloseTo(3.03, 9); // 1.515 x 2 h
    // TCO defaults for buy: 2 developers x $180,000 a year x 3 years, monitoring $500 a month
    expect(t.breakdown).toEqual({ team: 1_080_000, maintenance: 18_000, data: 0 });
    expect(t.totalUsd).toBeCloseTo(1.1 * 36 + 2737.5 * growth + 3.03 + 1_098_000, 4);
  });

  it("stands for the decided track, else the heaviest track provisioned", () => {
    expect(stackOption({ decidedTrack: "fine-tune", tracks: ["buy"] })).toBe("fine-tune");
    expect(stackOption({ decidedTrack: "hybrid", tracks: ["buy", "serving", "evaluation"] })).toBe("fine-tune");
    expect(stackOption({ decidedTrack: "hybrid", tracks: ["buy", "build"] })).toBe("build");
    expect(stackOption({ decidedTrack: undefined, tracks: ["evaluation"] })).toBe("buy");
  });

  it("is the same whatever order the graph lists resources in", () => {
    const resources = [buy, model(0, "amazon.nova-lite-v1:0"), child(buy, "aws:kms/key:Key", "key", {})];
    const config = { "aitracks:workload": { workload: { requestsPerDay: 100, inputTokensPerRequest: 10, outputTokensPerRequest: 10 } } };
    const a = estimateCost({ resources, config });
    const b = estimateCost({ resources: [...resources].reverse(), config });
    expect(estimateJson(b)).toEqual(estimateJson(a));
  });
});
