// @ts-nocheck
import { describe, expect, it } from "vitest";
import { busyShare, estimateJson, fleetInMonth, quietRatio, usageOf } from "@aitracks/core";
import { estimate, priced, res } from "./helpers";

/**
 * Expected fleet size (cost/fleet.ts): half of the day's requests arrive in the busy hours at
 * peakToAverage x the average rate, which last 24 / (2 x peakToAverage) hours; the quiet hours run at
 * peakToAverage / (2 x peakToAverage - 1) x the average. Instances = ceil(rate / rate per instance),
 * clamped to min..max; the month's fleet = busy share x busy + quiet share x quiet.
 */
describe("the day's shape", () => {
  it("peak-to-average 3: 4 busy hours at 3x, 20 quiet hours at 0.6x, the day's total kept", () => {
    expect(busyShare(3) * 24).toBeCloseTo(4, 12);
    expect(quietRatio(3)).toBeCloseTo(0.6, 12);
    // 4 h x 3 + 20 h x 0.6 = 24 h x 1: the day's requests are all served.
    expect(busyShare(3) * 3 + (1 - busyShare(3)) * quietRatio(3)).toBeCloseTo(1, 12);
    // A flat day (1 or less) has one level.
    expect(busyShare(1)).toBe(1);
    expect(quietRatio(0.5)).toBe(1);
  });
});

const SERVING = { workload: { requestsPerDay: 20_000, inputTokensPerRequest: 800, outputTokensPerRequest: 250, monthlyGrowth: 0.04 } };

function sagemaker(config: Record<string, unknown>, withPolicy = true) {
  return estimate(
    [
      res("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "cfg", { name: "cfg-1", productionVariants: [{ variantName: "main", instanceType: "ml.g5.2xlarge", initialInstanceCount: 1 }] }),
      res("aws:sagemaker/endpoint:Endpoint", "ep", { name: "ep-1", endpointConfigName: "cfg-1" }),
      res("aws:appautoscaling/target:Target", "scale", { serviceNamespace: "sagemaker", resourceId: "endpoint/ep-1/variant/main", scalableDimension: "sagemaker:variant:DesiredInstanceCount", minCapacity: 1, maxCapacity: 4 }),
      ...(withPolicy
        ? [
            res("aws:appautoscaling/policy:Policy", "per-instance", {
              policyType: "TargetTrackingScaling",
              serviceNamespace: "sagemaker",
              resourceId: "endpoint/ep-1/variant/main",
              targetTrackingScalingPolicyConfiguration: { predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantInvocationsPerInstance" }, targetValue: 30 },
            }),
          ]
        : []),
    ],
    config,
  );
}

describe("SageMaker: a variant autoscaled on invocations per instance", () => {
  it("prices the expected fleet month by month, min and ceiling beside it (computed by hand)", () => {
    const e = sagemaker({ "aitracks:workload": SERVING, "aitracks:budget": { maxMonthlyUsd: 1_300 } });
    // Month 1: 20,000 / 1,440 = 13.889 requests a minute. Busy (4 h): 41.667 / 30 = 1.39 -> 2
    // instances; quiet (20 h): 8.333 / 30 = 0.28 -> 1 (the minimum). Expected 4/24 x 2 + 20/24 x 1 = 7/6.
    const f = fleetInMonth(usageOf(SERVING), 1, { min: 1, max: 4, requestsPerMinutePerInstance: 30, basis: "" }, 0);
    expect(f).toEqual({ busyInstances: 2, quietInstances: 1, expected: 7 / 6 });
    // Month 36: x 1.04^35 = 3.946 -> 54.81 a minute. Busy 164.42 / 30 = 5.48 -> 6, clamped to 4;
    // quiet 32.88 / 30 = 1.10 -> 2. Expected 4/24 x 4 + 20/24 x 2 = 14/6.
    const last = fleetInMonth(usageOf(SERVING), 1, { min: 1, max: 4, requestsPerMinutePerInstance: 30, basis: "" }, 35);
    expect(last).toEqual({ busyInstances: 4, quietInstances: 2, expected: 14 / 6 });

    // The endpoint configuration prices the initial instance: 1 x 730 h x $1.515 = $1,105.95.
    expect(priced(e, "cfg").monthlyUsd).toBeCloseTo(1_105.95, 9);
    const line = priced(e, "scale").components[0]!;
    // The rest of the fleet: (7/6 - 1) x 730 h = 121.667 h x $1.515 = $184.325.
    expect(line.monthlyQuantity).toBeCloseTo(121.666666667, 6);
    expect(line.monthlyUsd).toBeCloseTo(184.325, 6);
    // Minimum 1 = the initial instance: nothing more. Ceiling 4: 3 more x 730 h x $1.515 = $3,317.85.
    expect(line.minMonthlyUsd).toBe(0);
    expect(line.ceilingMonthlyUsd).toBeCloseTo(3_317.85, 6);
    // Month 36: (14/6 - 1) x 730 h x $1.515 = $1,474.60.
    expect(line.monthlyUsdByMonth![35]).toBeCloseTo(1_474.6, 6);
    expect(line.name).toBe("autoscaled fleet: ml.g5.2xlarge min 1 / expected 1.17 / ceiling 4 (less the 1 priced on the endpoint configuration)");

    // The stack: min $1,105.95 / expected $1,290.275 / ceiling $4,423.80 (4 x 730 x $1.515).
    expect(e.minMonthlyUsd).toBeCloseTo(1_105.95, 6);
    expect(e.monthlyUsd).toBeCloseTo(1_290.275, 6);
    expect(e.ceilingMonthlyUsd).toBeCloseTo(4_423.8, 6);
    // The three years count every month's expected fleet: the infrastructure is the months' sum.
    expect(e.threeYear.infrastructureUsd).toBeCloseTo(e.monthlyUsdByMonth.reduce((a, b) => a + b, 0), 6);
    expect(e.monthlyUsdByMonth[35]).toBeCloseTo(1_105.95 + 1_474.6, 6);

    // Budget $1,300: month 1 at $1,290.28 is within it. Month 11 (x 1.04^10 = 1.480): busy
    // 41.667 x 1.480 = 61.68 / 30 = 2.06 -> 3 instances, so 4/24 x 3 + 20/24 x 1 = 4/3 instances:
    // $1,105.95 + 1/3 x 730 x $1.515 = $1,474.60 > $1,300. Month 10 (x 1.423): busy 59.30 / 30 -> 2.
    expect(e.monthlyUsdByMonth[9]).toBeCloseTo(1_290.275, 6);
    expect(e.monthlyUsdByMonth[10]).toBeCloseTo(1_474.6, 6);
    expect(e.budgetCrossedInMonth).toBe(11);
    const json = estimateJson(e);
    expect(json.budget).toEqual({ maxMonthlyUsd: 1_300, crossedInMonth: 11 });
    expect([json.minMonthlyUsd, json.monthlyUsd, json.ceilingMonthlyUsd]).toEqual([1_105.95, 1_290.28, 4_423.8]);
  });

  it("without a workload or an invocations policy, the fleet stays at its minimum and says what to add", () => {
    const none = sagemaker({});
    expect(priced(none, "scale").components[0]!.monthlyUsd).toBe(0);
    expect(none.monthlyUsd).toBeCloseTo(1_105.95, 6);
    expect(priced(none, "scale").notes.join(" ")).toContain("add aitracks:workload.workload (requestsPerDay, peakToAverage, monthlyGrowth)");
    const noPolicy = sagemaker({ "aitracks:workload": SERVING }, false);
    expect(noPolicy.monthlyUsd).toBeCloseTo(1_105.95, 6);
    expect(noPolicy.ceilingMonthlyUsd).toBeCloseTo(4_423.8, 6);
  });
});

// 200,000 requests a day of 1,500 input + 300 output tokens: 138.89 requests a minute on average,
// each weighing 300 + 1,500 / 10 = 450 generated tokens; 1,200 tokens/s an instance (the TCO default).
const HEAVY = { workload: { requestsPerDay: 200_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 } };

describe("Azure ML: an online deployment autoscaled on CPU", () => {
  it("sizes the fleet at the scale-out threshold, beyond the deployment's own instance (computed by hand)", () => {
    const dep = res("azure-native:machinelearningservices:OnlineDeployment", "blue", {
      endpointName: "ep",
      deploymentName: "blue",
      sku: { name: "Default", capacity: 1 },
      properties: { endpointComputeType: "Managed", instanceType: "Standard_NC24ads_A100_v4", scaleSettings: { scaleType: "Default" } },
    });
    const rule = (direction: string, operator: string, threshold: number) => ({ metricTrigger: { metricName: "CpuUtilizationPercentage", operator, threshold }, scaleAction: { direction, type: "ChangeCount", value: "1" } });
    const scale = res(
      "azure-native:monitor:AutoscaleSetting",
      "autoscale",
      { targetResourceUri: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/onlineEndpoints/ep/deployments/blue", profiles: [{ name: "cpu", capacity: { minimum: "1", maximum: "5", default: "1" }, rules: [rule("Increase", "GreaterThan", 70), rule("Decrease", "LessThan", 35)] }] },
    );
    const e = estimate([dep, scale], { "aitracks:workload": HEAVY });
    // One instance at 70% CPU: 1,200 x 0.7 x 60 / 450 = 112 requests a minute.
    // Busy (4 h at 3x): 416.67 / 112 = 3.72 -> 4; quiet (0.6x): 83.33 / 112 = 0.74 -> 1.
    // Expected 4/24 x 4 + 20/24 x 1 = 1.5 instances; the deployment prices 1.
    const line = priced(e, "autoscale").components[0]!;
    // 0.5 x 730 h = 365 h x $3.673 = $1,340.645.
    expect(line.monthlyQuantity).toBeCloseTo(365, 9);
    expect(line.monthlyUsd).toBeCloseTo(1_340.645, 6);
    // Ceiling 5: 4 more x 730 h x $3.673 = $10,725.16; minimum 1 = the deployment's own.
    expect(line.ceilingMonthlyUsd).toBeCloseTo(10_725.16, 6);
    expect(line.minMonthlyUsd).toBe(0);
    // The stack: 730 x $3.673 = $2,681.29 + $1,340.645 = $4,021.935.
    expect(e.monthlyUsd).toBeCloseTo(4_021.935, 6);
    expect(e.minMonthlyUsd).toBeCloseTo(2_681.29, 6);
  });
});

describe("Vertex AI: a Model Garden endpoint between min and max replicas", () => {
  it("sizes the replicas at the autoscaling metric's target (computed by hand)", () => {
    const ep = res("gcp:vertex/aiEndpointWithModelGardenDeployment:AiEndpointWithModelGardenDeployment", "gemma", {
      location: "us-central1",
      publisherModelName: "publishers/google/models/gemma3@gemma-3-12b-it",
      deployConfig: {
        dedicatedResources: {
          machineSpec: { machineType: "g2-standard-12" },
          minReplicaCount: 1,
          maxReplicaCount: 3,
          autoscalingMetricSpecs: [{ metricName: "aiplatform.googleapis.com/prediction/online/accelerator/duty_cycle", target: 50 }],
        },
      },
    });
    const e = estimate([ep], { "aitracks:workload": HEAVY });
    // One replica at 50%: 1,200 x 0.5 x 60 / 450 = 80 requests a minute.
    // Busy: 416.67 / 80 = 5.2 -> 6, clamped to 3; quiet: 83.33 / 80 = 1.04 -> 2.
    // Expected 4/24 x 3 + 20/24 x 2 = 13/6 replicas x 730 h = 1,581.667 h x $1.1591 = $1,833.31.
    const c = priced(e, "gemma").components[0]!;
    expect(c.monthlyQuantity).toBeCloseTo(1_581.666666667, 6);
    expect(c.monthlyUsd).toBeCloseTo(1_833.309833333, 6);
    // Min 1 x 730 x $1.1591 = $846.143; ceiling 3 x 730 x $1.1591 = $2,538.429.
    expect(c.minMonthlyUsd).toBeCloseTo(846.143, 6);
    expect(c.ceilingMonthlyUsd).toBeCloseTo(2_538.429, 6);
  });
});
