// @ts-nocheck
import { describe, expect, it } from "vitest";
import { PriceCatalog, costModuleFor, estimateCost, loadCatalog } from "@aitracks/core";
import { child, estimate, priced, res, track, WORKLOAD } from "./helpers";

// Every branch of the Azure cost modules (packages/core/src/cost/resources/azure/*.ts). Figures are
// computed by hand from packages/core/catalog/compute-prices.json (eastus list prices) and
// @pydantic/genai-prices; 730 hours a month, 365/12 days a month. WORKLOAD: 10,000 requests a day
// = 304,166.67 a month, 1,500 input + 300 output tokens.

const REQ = (10_000 * 365) / 12; // 304,166.666... requests a month

/** The reason an unpriced resource gives; fails if it is priced or free. */
function unpriced(e, name: string): string {
  const u = e.unpriced.find((x) => x.name === name);
  if (!u) throw new Error(`${name} is not unpriced`);
  return u.reason;
}

/** The reason a free resource gives; fails if it is priced or unpriced. */
function free(e, name: string): string {
  const f = e.free.find((x) => x.name === name);
  if (!f) throw new Error(`${name} is not free`);
  return f.reason;
}

const names = (cs) => cs.map((c) => c.name);

describe("App Service plans", () => {
  const plan = (name: string, inputs: Record<string, unknown>) => res("azure-native:web:AppServicePlan", name, inputs);

  it("Free and Consumption plans are free, each with its reason, in any case", () => {
    const e = estimate([
      plan("f1", { sku: { name: "F1" } }),
      plan("free", { sku: { name: "free" } }),
      plan("y1", { sku: { name: "Y1" } }),
      plan("fc1", { sku: { name: "fc1" } }),
    ]);
    expect(free(e, "f1")).toBe("Free tier plan");
    expect(free(e, "free")).toBe("Free tier plan");
    expect(free(e, "y1")).toBe("Consumption plan: billed per execution of its functions, no fixed fee");
    expect(free(e, "fc1")).toBe("Consumption plan: billed per execution of its functions, no fixed fee");
    expect(e.resources).toEqual([]);
  });

  it("prices an Elastic Premium plan's vCPUs and memory per instance-hour", () => {
    const e = estimate([
      plan("ep1", { sku: { name: "EP1" } }),
      plan("ep2", { sku: { name: "ep2", capacity: 3 } }),
      plan("ep3", { sku: { name: "EP3", capacity: 1 }, location: "westus" }),
    ]);
    // EP1, 1 instance (the default): 1 vCPU x 730 h x $0.173 = $126.29; 3.5 GB x 730 h = 2,555 GB-h x $0.0123 = $31.4265
    const ep1 = priced(e, "ep1");
    expect(names(ep1.components)).toEqual(["EP1: 1 vCPU x 1 instance x 730 h", "EP1: 3.5 GB x 1 instance x 730 h"]);
    expect(ep1.components.map((c) => c.monthlyQuantity)).toEqual([730, 2_555]);
    expect(ep1.components[0].monthlyUsd).toBeCloseTo(126.29, 9);
    expect(ep1.components[1].monthlyUsd).toBeCloseTo(31.4265, 9);
    expect(ep1.monthlyUsd).toBeCloseTo(157.7165, 9);
    expect(ep1.notes).toEqual(["Functions premium plan: its always-ready instances all month; instances it scales out to bill on top"]);
    // EP2 x 3: 2 vCPU x 3 x 730 = 4,380 vCPU-h x $0.173 = $757.74; 7 GB x 3 x 730 = 15,330 GB-h x $0.0123 = $188.559
    const ep2 = priced(e, "ep2");
    expect(names(ep2.components)).toEqual(["EP2: 2 vCPU x 3 instances x 730 h", "EP2: 7 GB x 3 instances x 730 h"]);
    expect(ep2.monthlyUsd).toBeCloseTo(757.74 + 188.559, 9);
    // EP3: 4 vCPU x 730 = 2,920 x $0.173 = $505.16; 14 GB x 730 = 10,220 x $0.0123 = $125.706; westus is not in the entry's regions
    const ep3 = priced(e, "ep3");
    expect(names(ep3.components)).toEqual(["EP3: 4 vCPU x 1 instance x 730 h", "EP3: 14 GB x 1 instance x 730 h"]);
    expect(ep3.monthlyUsd).toBeCloseTo(505.16 + 125.706, 9);
    expect(ep3.notes).toEqual([
      "Functions premium plan: its always-ready instances all month; instances it scales out to bill on top",
      "functions-premium-vcpu-hour is not offered in westus according to the catalog; priced at the eastus list price",
    ]);
  });

  it("prices Linux plans (reserved, or a kind naming linux) and Windows plans per instance-hour", () => {
    const e = estimate([
      plan("reserved", { sku: { name: "B1" }, reserved: true }),
      plan("kind", { sku: { name: "S1", capacity: 2 }, kind: "app,Linux" }),
      plan("string-reserved", { sku: { name: "S1" }, reserved: "true" }),
      plan("windows", { sku: { name: "s1", capacity: "3" }, location: "eastus2" }),
      plan("windows-b1", { sku: { name: "B1" }, kind: "app" }),
    ]);
    const only = (n: string) => priced(e, n).components.map((c) => [c.name, c.monthlyQuantity, c.unitPriceUsd]);
    // appservice-linux-B1 $0.018 x 730 h = $13.14
    expect(only("reserved")).toEqual([["B1 Linux x 1 instance x 730 h", 730, 0.018]]);
    expect(priced(e, "reserved").monthlyUsd).toBeCloseTo(13.14, 9);
    // appservice-linux-S1 $0.095 x 2 x 730 h = $138.70
    expect(only("kind")).toEqual([["S1 Linux x 2 instances x 730 h", 1_460, 0.095]]);
    expect(priced(e, "kind").monthlyUsd).toBeCloseTo(138.7, 9);
    // reserved must be the boolean true: a string leaves it Windows, appservice-windows-S1 $0.10 x 730 = $73
    expect(only("string-reserved")).toEqual([["S1 Windows x 1 instance x 730 h", 730, 0.1]]);
    expect(priced(e, "string-reserved").monthlyUsd).toBeCloseTo(73, 9);
    // the SKU matches case-insensitively; 3 x 730 x $0.10 = $219; eastus2 is offered but quoted at eastus
    expect(only("windows")).toEqual([["s1 Windows x 3 instances x 730 h", 2_190, 0.1]]);
    expect(priced(e, "windows").monthlyUsd).toBeCloseTo(219, 9);
    expect(priced(e, "windows").notes).toEqual(["appservice-windows-S1 priced at its eastus list price (the catalog quotes one region)"]);
    // appservice-windows-B1 $0.075 x 730 = $54.75
    expect(priced(e, "windows-b1").monthlyUsd).toBeCloseTo(54.75, 9);
    expect(priced(e, "windows-b1").notes).toEqual([]);
  });

  it("a SKU without a catalog price, or no SKU, is unpriced with the reason", () => {
    const e = estimate([
      plan("p1v3-windows", { sku: { name: "P1v3" } }),
      plan("p3v3-linux", { sku: { name: "P3v3" }, reserved: true }),
      plan("none", {}),
    ]);
    expect(unpriced(e, "p1v3-windows")).toBe('sku.name "P1v3" (Windows): no App Service price in the compute catalog');
    expect(unpriced(e, "p3v3-linux")).toBe('sku.name "P3v3" (Linux): no App Service price in the compute catalog');
    expect(unpriced(e, "none")).toBe("sku.name: expected a string, got nothing");
  });
});

describe("ARM template deployments", () => {
  const arm = (name: string, properties?: Record<string, unknown>) => res("azure-native:resources:Deployment", name, properties ? { properties } : {});

  it("is free when its template deploys nothing or only free types (any case), naming them", () => {
    const ep = { type: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints", name: "ep" };
    const e = estimate([
      arm("empty"),
      arm("no-resources", { template: { resources: [] } }),
      arm("endpoint", { template: { resources: [ep] } }),
      arm("two", { template: { resources: [ep, { type: "microsoft.machinelearningservices/workspaces/onlineendpoints" }] } }),
    ]);
    expect(free(e, "empty")).toBe("an ARM deployment of nothing (no charge)");
    expect(free(e, "no-resources")).toBe("an ARM deployment of nothing (no charge)");
    expect(free(e, "endpoint")).toBe("an ARM deployment of Microsoft.MachineLearningServices/workspaces/onlineEndpoints (no charge)");
    expect(free(e, "two")).toBe("an ARM deployment of Microsoft.MachineLearningServices/workspaces/onlineEndpoints, microsoft.machinelearningservices/workspaces/onlineendpoints (no charge)");
  });

  it("is unpriced when the template deploys anything else (a type it cannot read as ?), or is linked", () => {
    const e = estimate([
      arm("storage", { template: { resources: [{ type: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints" }, { type: "Microsoft.Storage/storageAccounts" }, { name: "untyped" }] } }),
      arm("deployment", { template: { resources: [{ type: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments" }] } }),
      arm("linked", { templateLink: { uri: "https://example.com/t.json" } }),
      arm("linked-free", { template: { resources: [{ type: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints" }] }, templateLink: { uri: "https://example.com/t.json" } }),
    ]);
    expect(unpriced(e, "storage")).toBe("the template deploys Microsoft.Storage/storageAccounts, ?, which the cost model does not price");
    expect(unpriced(e, "deployment")).toBe("the template deploys Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments, which the cost model does not price");
    expect(unpriced(e, "linked")).toBe("a linked template: its resources are not in the stack to price");
    expect(unpriced(e, "linked-free")).toBe("a linked template: its resources are not in the stack to price");
    expect(e.free).toEqual([]);
  });
});

// 200,000 requests a day of 1,500 input + 300 output tokens: 138.89 requests a minute on average
// (busy hours at 3x = 416.67, quiet hours at 0.6x = 83.33, the TCO default peak-to-average 3: busy
// 4 h a day), each weighing 300 + 1,500 / 10 = 450 tokens; 1,200 tokens/s an instance (the TCO default).
const HEAVY = { "aitracks:workload": { workload: { requestsPerDay: 200_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 } } };
const A100 = 3.673; // Standard_NC24ads_A100_v4 per hour
const A100_MONTH = 730 * A100; // $2,681.29
const TPS_DEFAULT = " (the TCO default; set aitracks:workload.fineTune.inference.tokensPerSecondPerInstance)";
const URI = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/onlineEndpoints/ep/deployments/blue";

describe("Azure Monitor autoscale settings", () => {
  const deployment = (extra: Record<string, unknown> = {}, props: Record<string, unknown> = { instanceType: "Standard_NC24ads_A100_v4" }) =>
    res("azure-native:machinelearningservices:OnlineDeployment", "blue", { endpointName: "ep", deploymentName: "blue", sku: { name: "Default", capacity: 1 }, properties: props, ...extra });
  const cpu = (threshold: unknown, direction = "Increase", metricName = "CpuUtilizationPercentage") => ({ metricTrigger: { metricName, operator: "GreaterThan", threshold }, scaleAction: { direction, type: "ChangeCount", value: "1" } });
  const scale = (profiles: unknown, extra: Record<string, unknown> = { targetResourceUri: URI }, more: Record<string, unknown> = {}) => res("azure-native:monitor:AutoscaleSetting", "scale", { ...extra, profiles }, more);

  it("is free with no online deployment to scale: no target, another target, a deployment of another name, a deployment without an instance type", () => {
    const p = [{ capacity: { minimum: "1", maximum: "3" } }];
    const vmss = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/vmss";
    const reason = "scaling rules; the scaled resource is priced on its own";
    expect(free(estimate([deployment(), scale(p, {})]), "scale")).toBe(reason);
    expect(free(estimate([deployment(), scale(p, { targetResourceUri: vmss })]), "scale")).toBe(reason);
    expect(free(estimate([deployment(), scale(p, { targetResourceUri: URI.replace("/deployments/blue", "/deployments/green") })]), "scale")).toBe(reason);
    expect(free(estimate([deployment(), scale(p, { targetResourceUri: URI.replace("/onlineEndpoints/ep/", "/onlineEndpoints/other/") })]), "scale")).toBe(reason);
    expect(free(estimate([deployment({}, {}), scale(p)]), "scale")).toBe(reason);
    // the setting is also free on the insights type
    expect(free(estimate([deployment(), res("azure-native:insights:AutoscaleSetting", "scale", { profiles: p })]), "scale")).toBe(reason);
  });

  it("sizes the fleet at the lowest CPU scale-out threshold, ignoring scale-in, non-CPU, unnamed-metric and out-of-range rules (computed by hand)", () => {
    const rules = [cpu(40, "Decrease"), cpu(30, "Increase", "MemoryPercentage"), { metricTrigger: { threshold: 10 }, scaleAction: { direction: "Increase" } }, cpu(0), cpu(101), cpu("20"), cpu(65), cpu(50, "Increase", "Percentage CPU")];
    const e = estimate([deployment(), scale([{ name: "day", capacity: { minimum: "1", maximum: "5", default: "1" }, rules }])], HEAVY);
    // Threshold 50%: 1,200 x 0.5 x 60 / 450 = 80 requests a minute an instance.
    // Busy: 416.67 / 80 = 5.21 -> 6, clamped to 5; quiet: 83.33 / 80 = 1.04 -> 2.
    // Expected 4/24 x 5 + 20/24 x 2 = 2.5 instances; the deployment prices 1: 1.5 x 730 h = 1,095 h x $3.673 = $4,021.935.
    const s = priced(e, "scale");
    const c = s.components[0];
    expect(c.name).toBe("autoscaled fleet: Standard_NC24ads_A100_v4 min 1 / expected 2.5 / ceiling 5 (less the 1 priced on the deployment)");
    expect(c.monthlyQuantity).toBeCloseTo(1_095, 9);
    expect(s.monthlyUsd).toBeCloseTo(1.5 * A100_MONTH, 6);
    expect(s.minMonthlyUsd).toBe(0); // minimum 1 = the deployment's own
    expect(s.ceilingMonthlyUsd).toBeCloseTo(4 * A100_MONTH, 6); // 4 more: $10,725.16
    expect(s.notes).toEqual([
      `expected fleet: 2.5 instances in month 1 (5 in the busy 4 h a day at 3x the average, 2 in the quiet hours), 2.5 in month 36; 1,200 tokens/s an instance${TPS_DEFAULT} at the 50% utilisation target = 80 requests a minute of 450 weighted tokens; clamped to 1..5`,
      "scales blue between 1 and 5 instances",
    ]);
  });

  it("takes a threshold of exactly 100 (and a profile's default capacity as nothing)", () => {
    const e = estimate([deployment(), scale([{ capacity: { minimum: "1", maximum: "5" }, rules: [cpu(100)] }])], HEAVY);
    // 1,200 x 1 x 60 / 450 = 160 a minute. Busy 416.67 / 160 = 2.6 -> 3; quiet 83.33 / 160 = 0.52 -> 1.
    // Expected 4/24 x 3 + 20/24 x 1 = 4/3; 1/3 more than the deployment's: 1/3 x $2,681.29 = $893.763
    expect(priced(e, "scale").monthlyUsd).toBeCloseTo(A100_MONTH / 3, 6);
    expect(priced(e, "scale").notes[0]).toContain("at the 100% utilisation target = 160 requests a minute of 450 weighted tokens");
  });

  it("without a usable CPU scale-out rule, the fleet stays at its minimum and says why", () => {
    const e = estimate([deployment(), scale([{ capacity: { minimum: "2", maximum: "4" }, rules: [cpu(0), cpu(101), cpu(70, "Decrease")] }])], HEAVY);
    // min 2: one more than the deployment's 1 all month = $2,681.29; ceiling 3 more = $8,043.87
    const s = priced(e, "scale");
    expect(s.monthlyUsd).toBeCloseTo(A100_MONTH, 6);
    expect(s.minMonthlyUsd).toBeCloseTo(A100_MONTH, 6);
    expect(s.ceilingMonthlyUsd).toBeCloseTo(3 * A100_MONTH, 6);
    expect(s.components[0].name).toBe("autoscaled fleet: Standard_NC24ads_A100_v4 min 2 / expected 2 / ceiling 4 (less the 1 priced on the deployment)");
    // A workload is given: what is missing is the rule (the note said "no aitracks:workload").
    expect(s.notes).toEqual([
      "no CPU scale-out rule: the fleet is not sized from the traffic; priced at its minimum of 2",
      "scales blue between 2 and 4 instances",
    ]);
  });

  it("finds the deployment by dependency; takes the highest maximum and the lowest minimum of its profiles; a missing minimum is the deployment's count", () => {
    const dep = deployment({ sku: { name: "Default", capacity: 2 } });
    const e = estimate(
      [dep, scale([{ capacity: { minimum: "3", maximum: "4" } }, { capacity: { maximum: 6 } }, { capacity: { minimum: "2" } }], {}, { dependencies: [dep.urn] })],
      {},
    );
    // max(4, 6, 0) = 6; min(3, 2 (the deployment's count), 2, 6) = 2 = the deployment's own: nothing more now;
    // ceiling 6 - 2 = 4 more x $2,681.29 = $10,725.16
    const s = priced(e, "scale");
    expect(s.monthlyUsd).toBe(0);
    expect(s.ceilingMonthlyUsd).toBeCloseTo(4 * A100_MONTH, 6);
    expect(s.components[0].name).toBe("autoscaled fleet: Standard_NC24ads_A100_v4 min 2 / expected 2 / ceiling 6 (less the 2 priced on the deployment)");
    expect(s.notes).toEqual([
      "no aitracks:workload: the fleet is priced at its minimum of 2; add aitracks:workload.workload (requestsPerDay, peakToAverage, monthlyGrowth) to price the expected fleet",
      "scales blue between 2 and 6 instances",
    ]);
  });

  it("a minimum above every maximum is held to the maximum", () => {
    const e = estimate([deployment(), scale([{ capacity: { minimum: "4", maximum: "3" } }])], {});
    // min = min(4, 3) = 3, max 3: two more than the deployment's 1 all month = 2 x $2,681.29
    expect(priced(e, "scale").monthlyUsd).toBeCloseTo(2 * A100_MONTH, 6);
    expect(priced(e, "scale").ceilingMonthlyUsd).toBeCloseTo(2 * A100_MONTH, 6);
    expect(priced(e, "scale").notes.at(-1)).toBe("scales blue between 3 and 3 instances");
  });

  it("splits the fleet with the other tracks that serve the workload, and says so", () => {
    const oai = res("azure-native:cognitiveservices:Deployment", "gpt", { deploymentName: "gpt", sku: { name: "GlobalStandard", capacity: 10 }, properties: { model: { name: "gpt-4o" } } });
    const e = estimate([deployment(), scale([{ capacity: { minimum: "1", maximum: "5" }, rules: [cpu(50)] }]), oai], HEAVY);
    // Half the workload: busy 208.33 / 80 = 2.6 -> 3; quiet 41.67 / 80 = 0.52 -> 1. Expected 4/24 x 3 + 20/24 = 4/3: 1/3 more.
    expect(priced(e, "scale").monthlyUsd).toBeCloseTo(A100_MONTH / 3, 6);
    expect(priced(e, "scale").notes.slice(1)).toEqual(["the fleet is sized for 50% of the workload (split evenly with the 1 other track that serve it)", "scales blue between 1 and 5 instances"]);
  });

  it("names the deployment generically when it has no name", () => {
    const dep = deployment({}, { instanceType: "Standard_NC24ads_A100_v4" });
    const e = estimate([{ ...dep, name: undefined }, scale([{ capacity: { minimum: "1", maximum: "2" } }])], {});
    expect(priced(e, "scale").notes.at(-1)).toBe("scales the deployment between 1 and 2 instances");
  });
});

describe("Azure Container Apps", () => {
  const app = (name: string, inputs: Record<string, unknown>) => res("azure-native:app:ContainerApp", name, inputs);

  it("prices minimum replicas at the idle rate and each request's active second (computed by hand)", () => {
    const e = estimate([
      app("api", {
        workloadProfileName: "Consumption",
        template: { containers: [{ name: "a", resources: { cpu: 1, memory: "2Gi" } }, { name: "b", resources: { cpu: "250m", memory: "512Mi" } }], scale: { minReplicas: 2 } },
      }),
    ]);
    // 1 + 0.25 = 1.25 vCPU, 2 + 0.5 = 2.5 GiB; a month = 730 x 3,600 = 2,628,000 s
    const c = priced(e, "api").components;
    expect(c.map((x) => [x.name, x.unitPriceUsd])).toEqual([
      ["2 minimum replica(s) x 1.25 vCPU idle x 2,628,000 s", 0.000003],
      ["2 minimum replica(s) x 2.5 GiB x 2,628,000 s", 0.000003],
      ["304,166.67 requests", 0.4],
      ["1.25 vCPU x 304,166.67 request-seconds", 0.000024],
      ["2.5 GiB x 304,166.67 request-seconds", 0.000003],
    ]);
    expect(c[0].monthlyUsd).toBeCloseTo(19.71, 9); // 2 x 1.25 x 2,628,000 = 6,570,000 vCPU-s x $0.000003
    expect(c[1].monthlyUsd).toBeCloseTo(39.42, 9); // 2 x 2.5 x 2,628,000 = 13,140,000 GiB-s x $0.000003
    expect(c[2].monthlyUsd).toBeCloseTo((REQ / 1e6) * 0.4, 9); // $0.121667
    expect(c[3].monthlyUsd).toBeCloseTo(1.25 * REQ * 0.000024, 9); // $9.125
    expect(c[4].monthlyUsd).toBeCloseTo(2.5 * REQ * 0.000003, 9); // $2.28125
    expect(priced(e, "api").monthlyUsd).toBeCloseTo(19.71 + 39.42 + (REQ / 1e6) * 0.4 + 9.125 + 2.28125, 9);
    expect(priced(e, "api").notes).toEqual([
      "minimum replicas kept all month at the idle rate (they bill the active rate while they serve)",
      "requests: one per request of the workload (304,166.67 a month)",
      "1 s per request assumed (the workload has no duration)",
    ]);
  });

  it("a container without resources is 0.5 vCPU and 1 GiB; no minimum replicas, no idle line; without a workload, no requests", () => {
    const e = estimate([app("idle", { workloadProfileName: "consumption", template: { containers: [{ name: "a" }] } })], {});
    const r = priced(e, "idle");
    expect(names(r.components)).toEqual(["0 requests", "0.5 vCPU x 0 request-seconds", "1 GiB x 0 request-seconds"]);
    expect(r.monthlyUsd).toBe(0);
    expect(r.notes).toEqual([
      "no aitracks:workload in the stack: requests counted as 0; add aitracks:workload.workload.requestsPerDay to count it",
      "1 s per request assumed (the workload has no duration)",
    ]);
  });

  it("one minimum replica is an idle line; region notes name the memory price", () => {
    const e = estimate([app("one", { location: "eastus2", template: { containers: [{ resources: { cpu: 2, memory: "4Gi" } }], scale: { minReplicas: 1 } } })]);
    const r = priced(e, "one");
    // idle: 1 x 2 x 2,628,000 = 5,256,000 x $0.000003 = $15.768; memory 1 x 4 x 2,628,000 = 10,512,000 x $0.000003 = $31.536
    expect(r.components.slice(0, 2).map((c) => [c.name, c.monthlyQuantity])).toEqual([
      ["1 minimum replica(s) x 2 vCPU idle x 2,628,000 s", 5_256_000],
      ["1 minimum replica(s) x 4 GiB x 2,628,000 s", 10_512_000],
    ]);
    expect(r.components[0].monthlyUsd).toBeCloseTo(15.768, 9);
    expect(r.components[1].monthlyUsd).toBeCloseTo(31.536, 9);
    expect(r.notes.at(-1)).toBe("containerapps-gib-second priced at its eastus list price (the catalog quotes one region)");
  });

  it("a dedicated workload profile or an app without containers is unpriced with the reason", () => {
    const e = estimate([
      app("dedicated", { workloadProfileName: "D4", template: { containers: [{ name: "a" }] } }),
      app("empty", { template: { containers: [] } }),
      app("no-template", {}),
    ]);
    expect(unpriced(e, "dedicated")).toBe('workloadProfileName "D4": dedicated workload profiles bill their nodes, which the compute catalog does not price');
    expect(unpriced(e, "empty")).toBe("template.containers: no container, nothing to size the app by");
    expect(unpriced(e, "no-template")).toBe("template.containers: no container, nothing to size the app by");
  });
});

describe("Azure OpenAI fine-tuning jobs", () => {
  const job = (name: string, inputs: Record<string, unknown>) => res("pulumi-nodejs:dynamic/azure-openai:FineTuningJob", name, inputs);
  const config = { "aitracks:workload": { workload: { requestsPerDay: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 }, fineTune: { labeledExamples: 10_000, tokensPerExample: 1_000, epochs: 2 } } };

  it("takes the epochs from the hyperparameters (a number or a numeric string), else the workload's", () => {
    const e = estimate(
      [job("workload-epochs", { baseModel: "gpt-4o-mini-2024-07-18" }), job("string-epochs", { baseModel: "gpt-4o-mini-2024-07-18", hyperparameters: { nEpochs: "4" } }), job("no-epochs", { baseModel: "gpt-4o", hyperparameters: {} })],
      config,
    );
    // 10,000 x 1,000 x 2 = 20M training tokens x $25 = $500
    const w = priced(e, "workload-epochs");
    expect(w.oneOffUsd).toBeCloseTo(500, 9);
    expect(w.monthlyUsd).toBe(0);
    expect(names(w.components)).toEqual(["fine-tuning gpt-4o-mini-2024-07-18: 20M training tokens"]);
    expect(w.notes).toEqual(["10,000 examples x 1,000 tokens x 2 epochs"]);
    // 10,000 x 1,000 x 4 = 40M x $25 = $1,000
    expect(priced(e, "string-epochs").oneOffUsd).toBeCloseTo(1_000, 9);
    expect(priced(e, "string-epochs").notes).toEqual(["10,000 examples x 1,000 tokens x 4 epochs"]);
    expect(priced(e, "no-epochs").oneOffUsd).toBeCloseTo(500, 9);
  });

  it("unknown epochs or no base model is unpriced with the reason", () => {
    const e = estimate([job("unknown", { baseModel: "gpt-4o", hyperparameters: { nEpochs: "[unknown]" } }), job("bad", { baseModel: "gpt-4o", hyperparameters: { nEpochs: "three" } }), job("no-base", {})], config);
    expect(unpriced(e, "unknown")).toBe("hyperparameters.nEpochs is not known until deploy");
    expect(unpriced(e, "bad")).toBe('hyperparameters.nEpochs: expected a number, got "three"');
    expect(unpriced(e, "no-base")).toBe("baseModel: expected a string, got nothing");
  });
});

describe("Key Vault keys", () => {
  const key = (name: string, properties: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) => res("azure-native:keyvault:Key", name, { ...(properties ? { properties } : {}), ...extra });

  it("prices HSM keys per key-month: 2048-bit RSA at the standard rate, larger RSA and other HSM keys at the advanced rate", () => {
    const e = estimate([
      key("rsa2048", { kty: "RSA-HSM", keySize: 2048 }),
      key("rsa3072", { kty: "RSA-HSM", keySize: "3072" }),
      key("rsa4096", { kty: "RSA-HSM", keySize: 4096 }),
      key("ec", { kty: "EC-HSM" }),
      key("oct", { kty: "oct-HSM" }),
      key("west", { kty: "RSA-HSM" }, { location: "westus" }),
    ]);
    const line = (n: string) => priced(e, n).components.map((c) => [c.name, c.monthlyQuantity, c.monthlyUsd]);
    expect(line("rsa2048")).toEqual([["RSA-HSM 2048-bit key", 1, 1]]); // keyvault-hsm-key $1
    expect(line("rsa3072")).toEqual([["RSA-HSM 3072-bit key", 1, 5]]); // keyvault-hsm-key-advanced $5
    expect(line("rsa4096")).toEqual([["RSA-HSM 4096-bit key", 1, 5]]);
    expect(line("ec")).toEqual([["EC-HSM key", 1, 5]]);
    expect(line("oct")).toEqual([["oct-HSM key", 1, 5]]);
    expect(line("west")).toEqual([["RSA-HSM 2048-bit key", 1, 1]]);
    expect(priced(e, "west").notes).toEqual(["keyvault-hsm-key is not offered in westus according to the catalog; priced at the eastus list price"]);
    expect(priced(e, "rsa2048").notes).toEqual([]);
  });

  it("software keys (or no key type) are free, with the reason", () => {
    const e = estimate([key("rsa", { kty: "RSA" }), key("ec", { kty: "EC" }), key("none", undefined), key("hsm-lower", { kty: "rsa-hsm" })]);
    const reason = "software-protected key: billed per operation only (negligible for a customer-managed key)";
    expect(free(e, "rsa")).toBe(reason);
    expect(free(e, "ec")).toBe(reason);
    expect(free(e, "none")).toBe(reason);
    expect(free(e, "hsm-lower")).toBe(reason); // the suffix is -HSM, exactly
  });

  it("an RSA-HSM key of an unreadable size is unpriced", () => {
    expect(unpriced(estimate([key("bad", { kty: "RSA-HSM", keySize: "big" })]), "bad")).toBe('properties.keySize: expected a number, got "big"');
  });
});

describe("Log Analytics workspaces", () => {
  it("counts one 1 KB record per request per diagnostic setting of either type; none is free", () => {
    const one = res("azure-native:operationalinsights:Workspace", "one", {});
    const two = res("azure-native:operationalinsights:Workspace", "two", {});
    const none = res("azure-native:operationalinsights:Workspace", "none", {});
    const e = estimate([
      one,
      two,
      none,
      res("azure-native:insights:DiagnosticSetting", "d1", {}, { dependencies: [one.urn] }),
      res("azure-native:insights:DiagnosticSetting", "d2", {}, { dependencies: [two.urn] }),
      res("azure-native:monitor:DiagnosticSetting", "d3", {}, { propertyDependencies: { workspaceId: [two.urn] } }),
    ]);
    // 304,166.67 x 1,024 B / 1e9 = 0.311467 GB x $2.30 = $0.716373
    expect(priced(e, "one").components.map((c) => [c.name, c.kind])).toEqual([["request logs from 1 diagnostic setting", "usage"]]);
    expect(priced(e, "one").monthlyUsd).toBeCloseTo(((REQ * 1_024) / 1e9) * 2.3, 9);
    expect(priced(e, "one").notes).toEqual(["one 1 KB record per request per diagnostic setting"]);
    expect(names(priced(e, "two").components)).toEqual(["request logs from 2 diagnostic settings"]);
    expect(priced(e, "two").monthlyUsd).toBeCloseTo(((REQ * 2 * 1_024) / 1e9) * 2.3, 9);
    expect(free(e, "none")).toBe("no diagnostic setting the workload can size sends logs here (ingestion is billed per GB)");
  });
});

describe("Azure ML compute", () => {
  const compute = (name: string, properties: Record<string, unknown>) => res("azure-native:machinelearningservices:Compute", name, { properties });

  it("lists the VM size it runs on, or none", () => {
    const m = costModuleFor("azure-native:machinelearningservices:Compute");
    expect(m.service).toBe("Azure Machine Learning compute");
    expect(m.instances({ inputs: { properties: { properties: { vmSize: "Standard_DS3_v2" } } } })).toEqual(["Standard_DS3_v2"]);
    expect(m.instances({ inputs: { properties: { properties: { vmSize: "" } } } })).toEqual([]);
    expect(m.instances({ inputs: { properties: {} } })).toEqual([]);
  });

  it("a cluster: its minimum nodes always on, the maximum the ceiling; low priority priced at dedicated rates", () => {
    const cluster = (name: string, min: number | undefined, max: number, priority?: string) =>
      compute(name, { computeType: "AmlCompute", properties: { vmSize: "Standard_DS3_v2", ...(priority ? { vmPriority: priority } : {}), scaleSettings: { ...(min === undefined ? {} : { minNodeCount: min }), maxNodeCount: max } } });
    const e = estimate([cluster("none", undefined, 2), cluster("one", 1, 3, "LowPriority"), cluster("two", 2, 2, "Dedicated")]);
    // 0 x 730 h; ceiling 2 x 730 x $0.293 = $427.78
    expect(priced(e, "none").monthlyUsd).toBe(0);
    expect(priced(e, "none").ceilingMonthlyUsd).toBeCloseTo(427.78, 9);
    expect(priced(e, "none").notes).toEqual(["cluster: 0 nodes always on, up to 2 while jobs run (the ceiling)"]);
    // 1 x 730 x $0.293 = $213.89; ceiling 3 x 730 x $0.293 = $641.67
    expect(names(priced(e, "one").components)).toEqual(["Standard_DS3_v2 x 1 (up to 3)"]);
    expect(priced(e, "one").monthlyUsd).toBeCloseTo(213.89, 9);
    expect(priced(e, "one").ceilingMonthlyUsd).toBeCloseTo(641.67, 9);
    expect(priced(e, "one").notes).toEqual(["cluster: 1 node always on, up to 3 while jobs run (the ceiling)", "low-priority VMs priced at dedicated rates (upper bound)"]);
    // 2 x 730 x $0.293 = $427.78, no headroom
    expect(priced(e, "two").monthlyUsd).toBeCloseTo(427.78, 9);
    expect(priced(e, "two").ceilingMonthlyUsd).toBeCloseTo(427.78, 9);
    expect(priced(e, "two").notes).toEqual(["cluster: 2 nodes always on, up to 2 while jobs run (the ceiling)"]);
  });

  it("a compute instance is one VM always on", () => {
    const e = estimate([compute("ci", { computeType: "ComputeInstance", properties: { vmSize: "Standard_E4s_v3" } })]);
    expect(priced(e, "ci").monthlyUsd).toBeCloseTo(183.96, 9); // 730 x $0.252
    expect(priced(e, "ci").notes).toEqual(["priced always on (an idle shutdown schedule lowers it)"]);
  });

  it("attached compute, a cluster without a maximum, a missing VM size and a missing type are unpriced", () => {
    const e = estimate([
      compute("aks", { computeType: "Kubernetes", properties: { vmSize: "Standard_DS3_v2" } }),
      compute("no-max", { computeType: "AmlCompute", properties: { vmSize: "Standard_DS3_v2", scaleSettings: { minNodeCount: 0 } } }),
      compute("no-size", { computeType: "ComputeInstance", properties: {} }),
      compute("no-type", {}),
    ]);
    expect(unpriced(e, "aks")).toBe("properties.computeType Kubernetes: attached compute is billed by its own service, which the cost model does not price");
    expect(unpriced(e, "no-max")).toBe("properties.properties.scaleSettings.maxNodeCount: expected a number, got nothing");
    expect(unpriced(e, "no-size")).toBe("properties.properties.vmSize: expected a string, got nothing");
    expect(unpriced(e, "no-type")).toBe("properties.computeType: expected a string, got nothing");
  });
});

const CLUSTER = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/computes/cpu-cluster";
const clusterOf = (name = "cpu", computeName = "cpu-cluster", vmSize: string | null = "Standard_DS3_v2") =>
  res("azure-native:machinelearningservices:Compute", name, { computeName, properties: { computeType: "AmlCompute", properties: { ...(vmSize ? { vmSize } : {}), scaleSettings: { minNodeCount: 0, maxNodeCount: 2 } } } });

describe("Azure ML command jobs", () => {
  const job = (name: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}, more: Record<string, unknown> = {}) =>
    res("azure-native:machinelearningservices:Job", name, { properties, ...extra }, more);

  it("prices one run at its timeout on the compute named by computeId", () => {
    const e = estimate([clusterOf(), job("job", { jobType: "Command", computeId: CLUSTER, resources: { instanceCount: 3 }, limits: { timeout: "PT1H30M" } }, { location: "westeurope" })]);
    // 3 nodes x 1.5 h = 4.5 node-hours x $0.293 = $1.3185, once
    const r = priced(e, "job");
    expect(r.oneOffUsd).toBeCloseTo(1.3185, 9);
    expect(r.monthlyUsd).toBe(0);
    expect(r.components.map((c) => [c.name, c.oneOffQuantity, c.kind])).toEqual([["job: Standard_DS3_v2 x 3 x 1.5 h (its timeout)", 4.5, "one-off"]]);
    expect(r.notes).toEqual(["priced at the job's timeout (1.5 h): an upper bound", "Standard_DS3_v2 priced at its eastus list price (the catalog quotes one region)"]);
  });

  it("falls back to a compute it depends on (no computeId, or one not in the stack); one node by default", () => {
    const c = clusterOf("dep-cluster", "other-name");
    const e = estimate([
      c,
      job("dep", { limits: { timeout: "PT2H" } }, {}, { dependencies: [c.urn] }),
      job("unmatched", { computeId: CLUSTER, limits: { timeout: "PT2H" } }, {}, { dependencies: [c.urn] }),
      job("not-a-compute-id", { computeId: "cpu-cluster", limits: { timeout: "PT2H" } }, {}, { dependencies: [c.urn] }),
    ]);
    // 1 node x 2 h x $0.293 = $0.586
    for (const n of ["dep", "unmatched", "not-a-compute-id"]) {
      expect(priced(e, n).oneOffUsd).toBeCloseTo(0.586, 9);
      expect(names(priced(e, n).components)).toEqual(["job: Standard_DS3_v2 x 1 x 2 h (its timeout)"]);
    }
  });

  it("is unpriced without its compute, without a timeout, or when the compute has no VM size", () => {
    const e = estimate([
      clusterOf("sizeless", "sizeless", null),
      job("no-compute", { computeId: CLUSTER, limits: { timeout: "PT2H" } }),
      job("no-timeout", { computeId: CLUSTER.replace("cpu-cluster", "sizeless") }),
      job("sizeless-job", { computeId: CLUSTER.replace("cpu-cluster", "sizeless"), limits: { timeout: "PT2H" } }),
    ]);
    expect(unpriced(e, "no-compute")).toBe("properties.computeId: the compute the job runs on is not in the stack");
    expect(unpriced(e, "sizeless-job")).toBe("compute vmSize: expected a string, got nothing");
    const e2 = estimate([clusterOf(), job("no-timeout", { computeId: CLUSTER, limits: { jobLimitsType: "Command" } })]);
    expect(unpriced(e2, "no-timeout")).toBe("properties.limits.timeout: without a timeout the job's length, and so its cost, is not known");
  });
});

describe("Azure ML schedules", () => {
  const jobDefinition = { jobType: "Command", computeId: CLUSTER, resources: { instanceCount: 2 }, limits: { timeout: "PT4H" } };
  const schedule = (name: string, trigger: unknown, action: Record<string, unknown> = { actionType: "CreateJob", jobDefinition }, extra: Record<string, unknown> = {}) =>
    res("azure-native:machinelearningservices:Schedule", name, { properties: { action, trigger }, ...extra });

  it("prices each recurrence frequency's runs a month x nodes x timeout (computed by hand)", () => {
    const e = estimate([
      clusterOf(),
      schedule("minute", { triggerType: "Recurrence", frequency: "Minute", interval: 60 }),
      schedule("hour", { triggerType: "Recurrence", frequency: "hour" }),
      schedule("day", { triggerType: "Recurrence", frequency: "Day", interval: 2 }),
      schedule("week", { triggerType: "Recurrence", frequency: "Week", interval: "1" }),
      schedule("month", { triggerType: "Recurrence", frequency: "Month", interval: 1 }, undefined, { location: "uksouth" }),
    ]);
    const nodeHours = 2 * 4 * 0.293; // $2.344 a run
    // 43,800 minutes a month / 60 = 730 runs
    expect(priced(e, "minute").monthlyUsd).toBeCloseTo(730 * nodeHours, 9);
    expect(names(priced(e, "minute").components)).toEqual(["730 runs a month: Standard_DS3_v2 x 2 x 4 h"]);
    expect(priced(e, "minute").components[0].monthlyQuantity).toBeCloseTo(730 * 8, 9);
    expect(priced(e, "hour").monthlyUsd).toBeCloseTo(730 * nodeHours, 9); // interval 1 by default
    // 365 / 12 / 2 = 15.21 runs
    expect(priced(e, "day").monthlyUsd).toBeCloseTo((365 / 12 / 2) * nodeHours, 9);
    expect(names(priced(e, "day").components)).toEqual(["15.21 runs a month: Standard_DS3_v2 x 2 x 4 h"]);
    // 365 / 12 / 7 = 4.35 runs
    expect(priced(e, "week").monthlyUsd).toBeCloseTo((365 / 12 / 7) * nodeHours, 9);
    expect(priced(e, "month").monthlyUsd).toBeCloseTo(nodeHours, 9);
    expect(priced(e, "month").notes).toEqual([
      "each run priced at its timeout (4 h): an upper bound",
      "model calls the job makes are billed on those models, not counted here",
      "Standard_DS3_v2 priced at its eastus list price (the catalog quotes one region)",
    ]);
  });

  it("a cron trigger: its runs a month", () => {
    const e = estimate([clusterOf(), schedule("daily", { triggerType: "Cron", expression: "0 6 * * *" })]);
    // every day at 06:00: 365 / 12 = 30.42 runs x $2.344
    expect(priced(e, "daily").monthlyUsd).toBeCloseTo((365 / 12) * 2 * 4 * 0.293, 9);
    expect(names(priced(e, "daily").components)).toEqual(["30.42 runs a month: Standard_DS3_v2 x 2 x 4 h"]);
  });

  it("a schedule that creates no job is free", () => {
    const e = estimate([schedule("monitor", { triggerType: "Recurrence", frequency: "Day" }, { actionType: "CreateMonitor" }), res("azure-native:machinelearningservices:Schedule", "bare", {})]);
    const reason = "a schedule that creates no job (monitoring alerts, endpoint invocations) costs nothing itself";
    expect(free(e, "monitor")).toBe(reason);
    expect(free(e, "bare")).toBe(reason);
  });

  it("an unknown frequency or trigger type, a missing trigger, or a job it cannot price is unpriced with the reason", () => {
    const e = estimate([
      clusterOf(),
      schedule("yearly", { triggerType: "Recurrence", frequency: "Year" }),
      schedule("no-frequency", { triggerType: "Recurrence" }),
      schedule("once", { triggerType: "Once" }),
      schedule("no-trigger", undefined),
      schedule("no-expression", { triggerType: "Cron" }),
      schedule("no-timeout", { triggerType: "Cron", expression: "0 6 * * 1" }, { actionType: "CreateJob", jobDefinition: { ...jobDefinition, limits: {} } }),
      schedule("no-compute", { triggerType: "Cron", expression: "0 6 * * 1" }, { actionType: "CreateJob", jobDefinition: { ...jobDefinition, computeId: undefined } }),
    ]);
    expect(unpriced(e, "yearly")).toBe("properties.trigger.frequency year: expected minute, hour, day, week or month");
    expect(unpriced(e, "no-frequency")).toBe("properties.trigger.frequency: expected a string, got nothing");
    expect(unpriced(e, "once")).toBe("properties.trigger.triggerType Once: expected Cron or Recurrence");
    expect(unpriced(e, "no-trigger")).toBe("properties.trigger.triggerType: expected a string, got nothing");
    expect(unpriced(e, "no-expression")).toBe("properties.trigger.expression: expected a string, got nothing");
    expect(unpriced(e, "no-timeout")).toBe("properties.action.jobDefinition.limits.timeout: without a timeout the job's length, and so its cost, is not known");
    expect(unpriced(e, "no-compute")).toBe("properties.action.jobDefinition.computeId: the compute the job runs on is not in the stack");
  });
});

describe("Azure ML managed online deployments", () => {
  const online = (name: string, properties: Record<string, unknown>, capacity?: unknown, extra: Record<string, unknown> = {}) =>
    res("azure-native:machinelearningservices:OnlineDeployment", name, { endpointName: "ep", deploymentName: name, ...(capacity === undefined ? {} : { sku: { name: "Default", capacity } }), properties, ...extra });
  const A100_PROPS = { endpointComputeType: "Managed", instanceType: "Standard_NC24ads_A100_v4" };
  const target = (scale: Record<string, unknown>) => ({ ...A100_PROPS, scaleSettings: { scaleType: "TargetUtilization", ...scale } });

  it("lists its instance type, or none", () => {
    const m = costModuleFor("azure-native:machinelearningservices:OnlineDeployment");
    expect(m.service).toBe("Azure ML managed online endpoints");
    expect(m.instances({ inputs: { properties: { instanceType: "Standard_DS3_v2" } } })).toEqual(["Standard_DS3_v2"]);
    expect(m.instances({ inputs: { properties: {} } })).toEqual([]);
    expect(m.instances({ inputs: {} })).toEqual([]);
  });

  it("target utilisation between min and max: the expected fleet at the target (computed by hand)", () => {
    const e = estimate([online("fifty", target({ minInstances: 1, maxInstances: 4, targetUtilizationPercentage: 50 }), 1, { location: "westus" })], HEAVY);
    // 80 requests a minute an instance at 50%. Busy 416.67 / 80 = 5.21 -> 6, clamped to 4; quiet 83.33 / 80 = 1.04 -> 2.
    // Expected 4/24 x 4 + 20/24 x 2 = 14/6 instances x $2,681.29 = $6,256.34
    const r = priced(e, "fifty");
    expect(r.components[0].name).toBe("instances: Standard_NC24ads_A100_v4 min 1 / expected 2.33 / ceiling 4");
    expect(r.monthlyUsd).toBeCloseTo((14 / 6) * A100_MONTH, 6);
    expect(r.minMonthlyUsd).toBeCloseTo(A100_MONTH, 6);
    expect(r.ceilingMonthlyUsd).toBeCloseTo(4 * A100_MONTH, 6);
    expect(r.notes).toEqual([
      `expected fleet: 2.33 instances in month 1 (4 in the busy 4 h a day at 3x the average, 2 in the quiet hours), 2.33 in month 36; 1,200 tokens/s an instance${TPS_DEFAULT} at the 50% utilisation target = 80 requests a minute of 450 weighted tokens; clamped to 1..4`,
      "Standard_NC24ads_A100_v4 is not offered in westus according to the catalog; priced at the eastus list price",
    ]);
  });

  it("Azure ML's default target is 70%; max one above min still scales", () => {
    const e = estimate([online("default", target({ minInstances: 1, maxInstances: 2 }), 1)], HEAVY);
    // 1,200 x 0.7 x 60 / 450 = 112 a minute. Busy 416.67 / 112 = 3.72 -> 4, clamped to 2; quiet 0.74 -> 1.
    // Expected 4/24 x 2 + 20/24 x 1 = 7/6 x $2,681.29 = $3,128.17
    expect(priced(e, "default").monthlyUsd).toBeCloseTo((7 / 6) * A100_MONTH, 6);
    expect(priced(e, "default").notes[0]).toContain("at the 70% utilisation target = 112 requests a minute of 450 weighted tokens; clamped to 1..2");
  });

  it("splits the fleet with the other tracks that serve the workload", () => {
    const oai = res("azure-native:cognitiveservices:Deployment", "gpt", { deploymentName: "gpt", sku: { name: "GlobalStandard", capacity: 10 }, properties: { model: { name: "gpt-4o" } } });
    const e = estimate([online("half", target({ minInstances: 1, maxInstances: 4, targetUtilizationPercentage: 50 }), 1), oai], HEAVY);
    // Half: busy 208.33 / 80 = 2.6 -> 3; quiet 41.67 / 80 = 0.52 -> 1. Expected 4/24 x 3 + 20/24 x 1 = 4/3 x $2,681.29
    expect(priced(e, "half").monthlyUsd).toBeCloseTo((4 / 3) * A100_MONTH, 6);
    expect(priced(e, "half").notes.slice(1)).toEqual(["the fleet is sized for 50% of the workload (split evenly with the 1 other track that serve it)"]);
  });

  it("without a range to scale in, the instance count (at least the minimum) always on", () => {
    const e = estimate([
      online("equal", target({ minInstances: 2, maxInstances: 2 }), 1),
      online("below", target({ minInstances: 1, maxInstances: 1 }), 3),
      online("no-max", target({ minInstances: 3 }), 1),
      online("no-min", target({ maxInstances: 3 }), 2),
      online("default-scale", { ...A100_PROPS, scaleSettings: { scaleType: "Default", minInstances: 1, maxInstances: 5 } }, 2),
      online("no-sku", A100_PROPS),
      online("string", A100_PROPS, "2"),
    ]);
    // min 2 = max 2: 2 x $2,681.29 = $5,362.58, no ceiling above it
    expect(priced(e, "equal").monthlyUsd).toBeCloseTo(2 * A100_MONTH, 6);
    expect(priced(e, "equal").ceilingMonthlyUsd).toBeCloseTo(2 * A100_MONTH, 6);
    expect(names(priced(e, "equal").components)).toEqual(["Standard_NC24ads_A100_v4 x 2"]);
    // count 3 above max 1: 3 always on
    expect(priced(e, "below").monthlyUsd).toBeCloseTo(3 * A100_MONTH, 6);
    expect(names(priced(e, "below").components)).toEqual(["Standard_NC24ads_A100_v4 x 3"]);
    // no maximum: min 3 always on
    expect(priced(e, "no-max").monthlyUsd).toBeCloseTo(3 * A100_MONTH, 6);
    // no minimum: min = count 2, max 3: the fleet between; no workload, so at the minimum 2; ceiling 3
    const noMin = estimate([online("no-min", target({ maxInstances: 3 }), 2)], {});
    expect(priced(noMin, "no-min").monthlyUsd).toBeCloseTo(2 * A100_MONTH, 6);
    expect(priced(noMin, "no-min").ceilingMonthlyUsd).toBeCloseTo(3 * A100_MONTH, 6);
    expect(priced(noMin, "no-min").components[0].name).toBe("instances: Standard_NC24ads_A100_v4 min 2 / expected 2 / ceiling 3");
    // Default scale type: its min/max are not read: sku.capacity 2
    expect(priced(e, "default-scale").monthlyUsd).toBeCloseTo(2 * A100_MONTH, 6);
    expect(priced(e, "default-scale").ceilingMonthlyUsd).toBeCloseTo(2 * A100_MONTH, 6);
    // no sku: 1 instance; a numeric string: 2
    expect(priced(e, "no-sku").monthlyUsd).toBeCloseTo(A100_MONTH, 6);
    expect(priced(e, "string").monthlyUsd).toBeCloseTo(2 * A100_MONTH, 6);
  });

  it("Kubernetes deployments, a missing instance type and unreadable scale settings are unpriced", () => {
    const e = estimate([
      online("k8s", { endpointComputeType: "Kubernetes", instanceType: "Standard_DS3_v2" }, 1),
      online("no-type", { endpointComputeType: "Managed" }, 1),
      online("bad-min", target({ minInstances: "two", maxInstances: 4 }), 1),
      online("bad-max", target({ minInstances: 1, maxInstances: "four" }), 1),
      online("bad-target", target({ minInstances: 1, maxInstances: 4, targetUtilizationPercentage: "high" }), 1),
    ]);
    expect(unpriced(e, "k8s")).toBe("Kubernetes online deployments run on an attached cluster, billed by that cluster");
    expect(unpriced(e, "no-type")).toBe("properties.instanceType: expected a string, got nothing");
    expect(unpriced(e, "bad-min")).toBe('properties.scaleSettings.minInstances: expected a number, got "two"');
    expect(unpriced(e, "bad-max")).toBe('properties.scaleSettings.maxInstances: expected a number, got "four"');
    expect(unpriced(e, "bad-target")).toBe('properties.scaleSettings.targetUtilizationPercentage: expected a number, got "high"');
  });
});

describe("Azure OpenAI deployments: the deployment type", () => {
  it("an unknown deployment type is unpriced, listing the known ones", () => {
    const e = estimate([res("azure-native:cognitiveservices:Deployment", "odd", { deploymentName: "odd", sku: { name: "Batch", capacity: 1 }, properties: { model: { name: "gpt-4o" } } })]);
    expect(unpriced(e, "odd")).toBe(
      'sku.name "Batch": not a deployment type the cost model knows (Standard, GlobalStandard, DataZoneStandard, ProvisionedManaged, GlobalProvisionedManaged, DataZoneProvisionedManaged)',
    );
  });
});

describe("Azure OpenAI evaluations", () => {
  const evaluation = (name: string, deployments: unknown) => res("pulumi-nodejs:dynamic/azure-openai:Evaluation", name, deployments === undefined ? {} : { deployments });
  const oai = (name: string, sku: Record<string, unknown> | undefined, model: string | undefined) =>
    res("azure-native:cognitiveservices:Deployment", name, { deploymentName: name, ...(sku ? { sku } : {}), properties: model ? { model: { name: model } } : {} });
  const NOTE = "one-off: 1,000 prompts assumed x 1,500 input + 300 output tokens";

  it("prices each compared pay-per-token deployment's answers once; provisioned and missing deployments add nothing, said so", () => {
    const e = estimate([
      oai("gpt4o", { name: "GlobalStandard", capacity: 10 }, "gpt-4o"),
      oai("tuned", { name: "Standard", capacity: 10 }, "gpt-4o-mini-2024-07-18.ft-abc123"),
      oai("ptu", { name: "GlobalProvisionedManaged", capacity: 15 }, "gpt-4o"),
      oai("no-sku", undefined, "gpt-4o-mini"),
      oai("no-model", { name: "GlobalStandard", capacity: 10 }, undefined),
      evaluation("eval", { base: "gpt4o", tuned: "tuned", ptu: "ptu", plain: "no-sku", gone: "missing", modelless: "no-model" }),
    ]);
    const r = priced(e, "eval");
    // 1,000 prompts x 1,500 = 1.5M input tokens, x 300 = 0.3M output tokens, once:
    // base gpt-4o: 1.5 x $2.50 = $3.75 + 0.3 x $10 = $3; tuned at its base gpt-4o-mini-2024-07-18: 1.5 x $0.15 = $0.225 + 0.3 x $0.60 = $0.18;
    // no sku (Standard by default), gpt-4o-mini: $0.225 + $0.18
    expect(r.components.map((c) => [c.name, c.oneOffQuantity, c.unitPriceUsd, c.kind])).toEqual([
      ["base (gpt-4o) answers input tokens", 1.5, 2.5, "one-off"],
      ["base (gpt-4o) answers output tokens", 0.3, 10, "one-off"],
      ["tuned (gpt-4o-mini-2024-07-18.ft-abc123) answers input tokens", 1.5, 0.15, "one-off"],
      ["tuned (gpt-4o-mini-2024-07-18.ft-abc123) answers output tokens", 0.3, 0.6, "one-off"],
      ["plain (gpt-4o-mini) answers input tokens", 1.5, 0.15, "one-off"],
      ["plain (gpt-4o-mini) answers output tokens", 0.3, 0.6, "one-off"],
    ]);
    expect(r.oneOffUsd).toBeCloseTo(3.75 + 3 + 2 * (0.225 + 0.18), 9);
    expect(r.monthlyUsd).toBe(0);
    expect(r.notes).toEqual([
      NOTE,
      "ptu: a provisioned deployment, no token charge",
      "gone: deployment missing is not in the stack; no token charge counted",
      "modelless: deployment no-model is not in the stack; no token charge counted",
    ]);
  });

  it("with nothing to bill (no deployments, a non-object, only provisioned ones), free with its notes as the reason", () => {
    const e = estimate([
      oai("ptu", { name: "ProvisionedManaged", capacity: 50 }, "gpt-4o"),
      evaluation("none", undefined),
      evaluation("null", null),
      evaluation("string", "gpt4o"),
      evaluation("ptu-only", { a: "ptu" }),
    ]);
    expect(free(e, "none")).toBe(NOTE);
    expect(free(e, "null")).toBe(NOTE);
    expect(free(e, "string")).toBe(NOTE);
    expect(free(e, "ptu-only")).toBe(`${NOTE}; a: a provisioned deployment, no token charge`);
  });

  it("a compared model without token prices is unpriced", () => {
    const e = estimate([oai("odd", { name: "GlobalStandard", capacity: 1 }, "no-such-model-xyz"), evaluation("eval", { odd: "odd" })]);
    expect(unpriced(e, "eval")).toBe('no token price for "no-such-model-xyz" on provider "azure" in @pydantic/genai-prices');
  });
});

describe("Azure private DNS zones and private endpoints", () => {
  it("prices a private zone a month under either type; unpriced when the catalog lacks the price", () => {
    const zones = [res("azure-native:privatedns:PrivateZone", "z1", {}), res("azure-native:network:PrivateZone", "z2", {})];
    const e = estimate(zones);
    for (const n of ["z1", "z2"]) {
      expect(priced(e, n).components.map((c) => [c.name, c.monthlyQuantity, c.monthlyUsd])).toEqual([["hosted private zone", 1, 0.5]]); // $0.50 a zone-month
      expect(priced(e, n).notes).toEqual([]);
    }
    const base = loadCatalog();
    const without = new PriceCatalog({ ...base.data, entries: base.data.entries.filter((x) => x.sku !== "private-dns-zone") });
    const e2 = estimateCost({ project: "proj", stack: "test", config: {}, resources: zones }, { catalog: without });
    expect(e2.unpriced.map((u) => [u.name, u.reason])).toEqual([
      ["z1", "the compute catalog has no private-dns-zone price (Azure DNS, per hosted zone a month)"],
      ["z2", "the compute catalog has no private-dns-zone price (Azure DNS, per hosted zone a month)"],
    ]);
  });

  it("prices a private endpoint per hour, with the region note", () => {
    const e = estimate([res("azure-native:network:PrivateEndpoint", "pe", { location: "westeurope" })]);
    expect(priced(e, "pe").components.map((c) => [c.name, c.monthlyQuantity])).toEqual([["private endpoint x 730 h", 730]]);
    expect(priced(e, "pe").monthlyUsd).toBeCloseTo(7.3, 9); // 730 x $0.01
    expect(priced(e, "pe").notes).toEqual(["private-endpoint priced at its eastus list price (the catalog quotes one region)"]);
  });
});

describe("Azure AI Search", () => {
  const search = (name: string, inputs: Record<string, unknown>) => res("azure-native:search:Service", name, inputs);

  it("prices each tier per search unit (replicas x partitions) x 730 h", () => {
    const e = estimate([
      search("basic", { sku: { name: "basic" } }),
      search("standard", { sku: { name: "Standard" }, replicaCount: 2 }),
      search("s2", { sku: { name: "standard2" }, replicaCount: 3, partitionCount: "2" }),
      search("s3", { sku: { name: "STANDARD3" }, location: "westus" }),
    ]);
    const line = (n: string) => priced(e, n).components.map((c) => [c.name, c.monthlyQuantity]);
    expect(line("basic")).toEqual([["basic: 1 replica(s) x 1 partition(s) x 730 h", 730]]);
    expect(priced(e, "basic").monthlyUsd).toBeCloseTo(73.73, 9); // 730 x $0.101
    expect(line("standard")).toEqual([["standard: 2 replica(s) x 1 partition(s) x 730 h", 1_460]]);
    expect(priced(e, "standard").monthlyUsd).toBeCloseTo(490.56, 9); // 1,460 x $0.336
    expect(line("s2")).toEqual([["standard2: 3 replica(s) x 2 partition(s) x 730 h", 4_380]]);
    expect(priced(e, "s2").monthlyUsd).toBeCloseTo(5_886.72, 9); // 4,380 x $1.344
    expect(priced(e, "s3").monthlyUsd).toBeCloseTo(1_962.24, 9); // 730 x $2.688
    expect(priced(e, "s3").notes).toEqual(["search-standard3 is not offered in westus according to the catalog; priced at the eastus list price"]);
  });

  it("the Free tier is free; other tiers and a missing SKU are unpriced", () => {
    const e = estimate([search("free", { sku: { name: "Free" } }), search("l1", { sku: { name: "Storage_Optimized_L1" } }), search("none", {})]);
    expect(free(e, "free")).toBe("Free tier search service");
    expect(unpriced(e, "l1")).toBe('sku.name "storage_optimized_l1": the compute catalog prices basic, standard, standard2 and standard3');
    expect(unpriced(e, "none")).toBe("sku.name: expected a string, got nothing");
  });
});

describe("Azure ML serverless endpoints", () => {
  const endpoint = (name: string, modelId: unknown, contentSafety?: unknown) =>
    res("azure-native:machinelearningservices:ServerlessEndpoint", name, { properties: { authMode: "Key", modelSettings: { modelId }, ...(contentSafety === undefined ? {} : { contentSafety }) } });
  // phi-4 on Azure: $0.07 input, $0.14 output per 1M tokens; 304,166.67 requests x 1,500 = 456.25M input, x 300 = 91.25M output
  const PHI = 456.25 * 0.07 + 91.25 * 0.14; // $44.7125

  it("reads the model name from a registry path, with or without a version, or as given", () => {
    for (const id of ["azureml://registries/azureml/models/Phi-4/versions/3", "Phi-4", "azureml://registries/azureml/models/Phi-4"]) {
      const e = estimate([endpoint("phi", id)]);
      expect(names(priced(e, "phi").components)).toEqual(["Phi-4 input tokens", "Phi-4 output tokens"]);
      expect(priced(e, "phi").monthlyUsd).toBeCloseTo(PHI, 6);
      expect(priced(e, "phi").notes).toEqual([]);
    }
  });

  it("content safety counts text records rounded up per request, on both sides of 1,000 characters (computed by hand)", () => {
    const config = { "aitracks:workload": { workload: { requestsPerDay: 10_000, inputTokensPerRequest: 250, outputTokensPerRequest: 251 } } };
    const e = estimate([endpoint("phi", "Phi-4", { contentSafetyStatus: "ENABLED" })], config);
    // 250 x 4 = 1,000 characters = 1 record; 251 x 4 = 1,004 = 2 records: 3 a request.
    // 304,166.67 x 3 / 1,000 = 912.5 thousand records x $0.38 = $346.75
    const r = priced(e, "phi");
    const safety = r.components[2];
    expect(safety.name).toBe("content safety: 3 text records a request x 304,166.67 requests");
    expect(safety.monthlyQuantity).toBeCloseTo(912.5, 9);
    expect(safety.monthlyUsd).toBeCloseTo(346.75, 9);
    // tokens: 76.04M input x $0.07 + 76.35M output x $0.14
    expect(r.monthlyUsd).toBeCloseTo(((REQ * 250) / 1e6) * 0.07 + ((REQ * 251) / 1e6) * 0.14 + 346.75, 6);
    expect(r.notes).toEqual(["content safety on: prompt and completion checked as text records of up to 1,000 characters (4 a token), billed at Azure AI Content Safety's rate"]);
  });

  it("content safety off, absent, or not a string: tokens only", () => {
    for (const cs of [{ contentSafetyStatus: "Disabled" }, {}, { contentSafetyStatus: true }, "Enabled"]) {
      const r = priced(estimate([endpoint("phi", "Phi-4", cs)]), "phi");
      expect(r.components).toHaveLength(2);
      expect(r.monthlyUsd).toBeCloseTo(PHI, 6);
    }
  });

  it("a model without token prices, or no model id, is unpriced with the reason", () => {
    const e = estimate([endpoint("llama", "azureml://registries/azureml-meta/models/Meta-Llama-3.1-8B-Instruct"), endpoint("none", undefined)]);
    expect(unpriced(e, "llama")).toBe('no token price for "Meta-Llama-3.1-8B-Instruct" on provider "azure" in @pydantic/genai-prices');
    expect(unpriced(e, "none")).toBe("properties.modelSettings.modelId: expected a string, got nothing");
  });
});

describe("Azure storage accounts", () => {
  it("outside a data track: 0 GB, said so with the price a GB would add", () => {
    const e = estimate([res("azure-native:storage:StorageAccount", "sa", { location: "westus" })]);
    const r = priced(e, "sa");
    expect(r.components.map((c) => [c.name, c.monthlyQuantity, c.unitPriceUsd])).toEqual([["Blob hot storage (volume not in the workload)", 0, 0.0184]]);
    expect(r.notes).toEqual([
      "what this account holds is not sized by the workload: 0 GB counted; to count it: the GB it holds (no aitracks:workload field states it), $0.0184 per GB-month",
      "blob-hot-lrs is not offered in westus according to the catalog; priced at the eastus list price",
    ]);
  });

  it("a fine-tune track's data account holds the labelled training set", () => {
    const ft = track("FineTune", "azure", "triage");
    const e = estimate([ft, child(ft, "azure-native:storage:StorageAccount", "data", { location: "eastus2" })], {
      "aitracks:workload": { ...WORKLOAD, fineTune: { labeledExamples: 10_000, tokensPerExample: 1_000 } },
    });
    // 10,000 x 1,000 tokens x 4 bytes = 40,000,000 bytes = 0.04 GB x $0.0184 = $0.000736
    const r = priced(e, "data");
    expect(r.components.map((c) => [c.name, c.monthlyQuantity])).toEqual([["Blob hot storage: labelled training set (10,000 examples)", 0.04]]);
    expect(r.monthlyUsd).toBeCloseTo(0.000736, 12);
    expect(r.notes).toEqual(["0.04 GB at 4 bytes a token (aitracks:workload)", "blob-hot-lrs priced at its eastus list price (the catalog quotes one region)"]);
  });
});

describe("Azure Synapse", () => {
  it("a dedicated SQL pool: its service level in 100 cDWU units x 730 h; other levels unpriced", () => {
    const e = estimate([
      res("azure-native:synapse:SqlPool", "dw100", { sku: { name: "DW100c" } }),
      res("azure-native:synapse:SqlPool", "dw1000", { sku: { name: "dw1000C" }, location: "westus" }),
      res("azure-native:synapse:SqlPool", "gen1", { sku: { name: "DW100" } }),
      res("azure-native:synapse:SqlPool", "none", {}),
    ]);
    // 1 x 730 x $1.20 = $876
    expect(priced(e, "dw100").components.map((c) => [c.name, c.monthlyQuantity])).toEqual([["DW100c: 1 x 100 cDWU x 730 h", 730]]);
    expect(priced(e, "dw100").monthlyUsd).toBeCloseTo(876, 9);
    expect(priced(e, "dw100").notes).toEqual(["running all month (a paused pool bills storage only)"]);
    // 10 x 730 x $1.20 = $8,760
    expect(names(priced(e, "dw1000").components)).toEqual(["dw1000C: 10 x 100 cDWU x 730 h"]);
    expect(priced(e, "dw1000").monthlyUsd).toBeCloseTo(8_760, 9);
    expect(priced(e, "dw1000").notes).toEqual(["running all month (a paused pool bills storage only)", "synapse-dedicated-100cdwu is not offered in westus according to the catalog; priced at the eastus list price"]);
    expect(unpriced(e, "gen1")).toBe('sku.name "DW100": expected a service level such as DW100c');
    expect(unpriced(e, "none")).toBe("sku.name: expected a string, got nothing");
  });

  it("a Spark pool: node size x nodes x 730 h without auto-pause; auto-pause bills 0 with always-on as the ceiling", () => {
    const pool = (name: string, inputs: Record<string, unknown>) => res("azure-native:synapse:BigDataPool", name, inputs);
    const e = estimate([
      pool("medium", { nodeSize: "Medium", nodeCount: 5 }),
      pool("small", { nodeSize: "Small", location: "eastus2" }),
      pool("auto", { nodeSize: "Large", nodeCount: 10, autoScale: { enabled: true, minNodeCount: 4, maxNodeCount: 10 } }),
      pool("auto-default", { nodeSize: "Small", nodeCount: 10, autoScale: { enabled: true } }),
      pool("auto-string", { nodeSize: "Small", nodeCount: 2, autoScale: { enabled: "true", minNodeCount: 8 } }),
      pool("paused", { nodeSize: "XLarge", autoPause: { enabled: true, delayInMinutes: 15 } }),
      pool("paused-string", { nodeSize: "XXLarge", nodeCount: 3, autoPause: { enabled: "true" } }),
    ]);
    const line = (n: string) => priced(e, n).components.map((c) => [c.name, c.monthlyQuantity]);
    // 5 x 8 x 730 = 29,200 vCore-h x $0.143 = $4,175.60
    expect(line("medium")).toEqual([["5 Medium node(s) x 8 vCores x 730 h", 29_200]]);
    expect(priced(e, "medium").monthlyUsd).toBeCloseTo(4_175.6, 9);
    expect(priced(e, "medium").notes).toEqual(["auto-pause is off: the pool runs all month"]);
    // 3 (default) x 4 x 730 = 8,760 x $0.143 = $1,252.68
    expect(line("small")).toEqual([["3 Small node(s) x 4 vCores x 730 h", 8_760]]);
    expect(priced(e, "small").monthlyUsd).toBeCloseTo(1_252.68, 9);
    expect(priced(e, "small").notes).toEqual(["auto-pause is off: the pool runs all month", "synapse-spark-vcore-hour priced at its eastus list price (the catalog quotes one region)"]);
    // autoscale: its minimum 4 x 16 x 730 = 46,720 x $0.143 = $6,680.96
    expect(line("auto")).toEqual([["4 Large node(s) x 16 vCores x 730 h", 46_720]]);
    expect(priced(e, "auto").monthlyUsd).toBeCloseTo(6_680.96, 9);
    // autoscale without a minimum: 3 x 4 x 730 = 8,760
    expect(line("auto-default")).toEqual([["3 Small node(s) x 4 vCores x 730 h", 8_760]]);
    // enabled must be the boolean true: nodeCount 2 x 4 x 730 = 5,840 x $0.143 = $835.12
    expect(line("auto-string")).toEqual([["2 Small node(s) x 4 vCores x 730 h", 5_840]]);
    expect(priced(e, "auto-string").monthlyUsd).toBeCloseTo(835.12, 9);
    // auto-pause: 0 now; ceiling 3 x 32 x 730 = 70,080 x $0.143 = $10,021.44
    const p = priced(e, "paused");
    expect(p.components.map((c) => [c.name, c.monthlyQuantity, c.ceilingMonthlyQuantity])).toEqual([["3 XLarge node(s) x 32 vCores x 730 h (auto-pause: only while sessions run)", 0, 70_080]]);
    expect(p.monthlyUsd).toBe(0);
    expect(p.ceilingMonthlyUsd).toBeCloseTo(10_021.44, 9);
    expect(p.notes).toEqual(["auto-pause is on: billed only while Spark sessions run, which the workload does not describe; always on is the ceiling"]);
    // auto-pause "true" (a string) is not on: 3 x 64 x 730 = 140,160 x $0.143 = $20,042.88 all month
    expect(priced(e, "paused-string").monthlyUsd).toBeCloseTo(20_042.88, 9);
    expect(priced(e, "paused-string").ceilingMonthlyUsd).toBeCloseTo(20_042.88, 9);
  });

  it("an unknown node size (sizes are case-sensitive) or none is unpriced", () => {
    const e = estimate([res("azure-native:synapse:BigDataPool", "huge", { nodeSize: "Huge" }), res("azure-native:synapse:BigDataPool", "lower", { nodeSize: "small" }), res("azure-native:synapse:BigDataPool", "none", {})]);
    expect(unpriced(e, "huge")).toBe('nodeSize "Huge": expected one of Small, Medium, Large, XLarge, XXLarge');
    expect(unpriced(e, "lower")).toBe('nodeSize "small": expected one of Small, Medium, Large, XLarge, XXLarge');
    expect(unpriced(e, "none")).toBe("nodeSize: expected a string, got nothing");
  });
});

describe("Azure Monitor autoscale settings: profiles not known or empty", () => {
  const dep = res("azure-native:machinelearningservices:OnlineDeployment", "blue", { endpointName: "ep", deploymentName: "blue", sku: { name: "Default", capacity: 1 }, properties: { instanceType: "Standard_NC24ads_A100_v4" } });
  const scale = (profiles: unknown) => res("azure-native:monitor:AutoscaleSetting", "scale", { targetResourceUri: URI, ...(profiles === undefined ? {} : { profiles }) });

  it("profiles not known until deploy: unpriced, never a negative fleet", () => {
    const e = estimate([dep, scale("[unknown]")], HEAVY);
    expect(unpriced(e, "scale")).toBe("profiles is not known until deploy");
    // the deployment's own instance only: 730 x $3.673
    expect(e.monthlyUsd).toBeCloseTo(A100_MONTH, 6);
  });

  it("no profile: the deployment keeps its own count; free, never a negative fleet", () => {
    for (const profiles of [[], undefined]) {
      const e = estimate([dep, scale(profiles)], HEAVY);
      expect(free(e, "scale")).toBe("no autoscale profile: the deployment keeps its own instance count, priced on it");
      expect(e.monthlyUsd).toBeCloseTo(A100_MONTH, 6);
      expect(e.minMonthlyUsd).toBeCloseTo(A100_MONTH, 6);
    }
  });
});

describe("Azure modules: service names", () => {
  it("each Azure type's module names its service", () => {
    const services = Object.fromEntries(
      [
        "azure-native:cognitiveservices:Deployment",
        "azure-native:machinelearningservices:Compute",
        "azure-native:machinelearningservices:OnlineDeployment",
        "azure-native:machinelearningservices:ServerlessEndpoint",
        "azure-native:storage:StorageAccount",
        "azure-native:keyvault:Key",
        "azure-native:network:PrivateEndpoint",
        "azure-native:operationalinsights:Workspace",
        "azure-native:machinelearningservices:Job",
        "azure-native:machinelearningservices:Schedule",
        "azure-native:monitor:AutoscaleSetting",
        "azure-native:resources:Deployment",
        "azure-native:privatedns:PrivateZone",
        "azure-native:web:AppServicePlan",
        "azure-native:search:Service",
        "azure-native:synapse:SqlPool",
        "azure-native:synapse:BigDataPool",
        "azure-native:app:ContainerApp",
        "pulumi-nodejs:dynamic/azure-openai:FineTuningJob",
        "pulumi-nodejs:dynamic/azure-openai:Evaluation",
      ].map((t) => [t, costModuleFor(t).service]),
    );
    expect(services).toEqual({
      "azure-native:cognitiveservices:Deployment": "Azure OpenAI Service",
      "azure-native:machinelearningservices:Compute": "Azure Machine Learning compute",
      "azure-native:machinelearningservices:OnlineDeployment": "Azure ML managed online endpoints",
      "azure-native:machinelearningservices:ServerlessEndpoint": "Azure AI serverless models",
      "azure-native:storage:StorageAccount": "Azure Storage",
      "azure-native:keyvault:Key": "Azure Key Vault",
      "azure-native:network:PrivateEndpoint": "Azure Private Link",
      "azure-native:operationalinsights:Workspace": "Azure Monitor Logs",
      "azure-native:machinelearningservices:Job": "Azure Machine Learning jobs",
      "azure-native:machinelearningservices:Schedule": "Azure Machine Learning schedules",
      "azure-native:monitor:AutoscaleSetting": "Azure Monitor autoscale",
      "azure-native:resources:Deployment": "Azure Resource Manager deployments",
      "azure-native:privatedns:PrivateZone": "Azure DNS (private zones)",
      "azure-native:web:AppServicePlan": "Azure App Service",
      "azure-native:search:Service": "Azure AI Search",
      "azure-native:synapse:SqlPool": "Azure Synapse dedicated SQL pool",
      "azure-native:synapse:BigDataPool": "Azure Synapse Spark pool",
      "azure-native:app:ContainerApp": "Azure Container Apps",
      "pulumi-nodejs:dynamic/azure-openai:FineTuningJob": "Azure OpenAI fine-tuning",
      "pulumi-nodejs:dynamic/azure-openai:Evaluation": "Azure OpenAI evaluation",
    });
    // the model-serving modules serve traffic; the others do not say so
    expect(costModuleFor("azure-native:cognitiveservices:Deployment").servesTraffic({ inputs: {} })).toBe(true);
    expect(costModuleFor("azure-native:machinelearningservices:ServerlessEndpoint").servesTraffic({ inputs: {} })).toBe(true);
  });
});

describe("Azure modules: a price missing from the catalog names the field that asked for it", () => {
  const base = loadCatalog();
  const without = (skus: string[]) => new PriceCatalog({ ...base.data, entries: base.data.entries.filter((x) => !skus.includes(x.sku)) });
  /** The unpriced reason of the one resource of a graph, with a catalog lacking `skus`. */
  const reason = (r, skus: string[], config: Record<string, unknown> = { "aitracks:workload": WORKLOAD }) => {
    const e = estimateCost({ project: "proj", stack: "test", config, resources: [r] }, { catalog: without(skus) });
    return unpriced(e, r.name);
  };
  const starts = (got: string, field: string, sku: string) => expect(got.slice(0, `${field} "${sku}" has no price in the compute catalog`.length)).toBe(`${field} "${sku}" has no price in the compute catalog`);

  it("App Service, Container Apps, Key Vault, Log Analytics, private endpoints, Search, storage, Synapse", () => {
    const ep = res("azure-native:web:AppServicePlan", "ep", { sku: { name: "EP1" } });
    starts(reason(ep, ["functions-premium-vcpu-hour"]), "sku.name", "functions-premium-vcpu-hour");
    starts(reason(ep, ["functions-premium-gb-hour"]), "sku.name", "functions-premium-gb-hour");
    const app = res("azure-native:app:ContainerApp", "app", { template: { containers: [{ name: "a" }], scale: { minReplicas: 1 } } });
    starts(reason(app, ["containerapps-gib-second"]), "memory price", "containerapps-gib-second");
    starts(reason(app, ["containerapps-idle-vcpu-second"]), "CPU price", "containerapps-idle-vcpu-second");
    starts(reason(app, ["containerapps-requests"]), "request price", "containerapps-requests");
    starts(reason(app, ["containerapps-vcpu-second"]), "CPU price", "containerapps-vcpu-second");
    starts(reason(res("azure-native:keyvault:Key", "k", { properties: { kty: "RSA-HSM" } }), ["keyvault-hsm-key"]), "properties.kty", "keyvault-hsm-key");
    const ws = res("azure-native:operationalinsights:Workspace", "ws", {});
    const e = estimateCost({ project: "proj", stack: "test", config: { "aitracks:workload": WORKLOAD }, resources: [ws, res("azure-native:monitor:DiagnosticSetting", "d", {}, { dependencies: [ws.urn] })] }, { catalog: without(["log-analytics-ingest"]) });
    starts(unpriced(e, "ws"), "ingestion price", "log-analytics-ingest");
    starts(reason(res("azure-native:network:PrivateEndpoint", "pe", {}), ["private-endpoint"]), "private endpoint price", "private-endpoint");
    starts(reason(res("azure-native:search:Service", "s", { sku: { name: "basic" } }), ["search-basic"]), "sku.name", "search-basic");
    starts(reason(res("azure-native:storage:StorageAccount", "sa", {}), ["blob-hot-lrs"]), "storage price", "blob-hot-lrs");
    starts(reason(res("azure-native:synapse:SqlPool", "dw", { sku: { name: "DW100c" } }), ["synapse-dedicated-100cdwu"]), "sku.name", "synapse-dedicated-100cdwu");
    starts(reason(res("azure-native:synapse:BigDataPool", "sp", { nodeSize: "Small" }), ["synapse-spark-vcore-hour"]), "nodeSize", "synapse-spark-vcore-hour");
    const phi = res("azure-native:machinelearningservices:ServerlessEndpoint", "phi", { properties: { modelSettings: { modelId: "Phi-4" }, contentSafety: { contentSafetyStatus: "Enabled" } } });
    starts(reason(phi, ["azure-content-safety-text"]), "content safety price", "azure-content-safety-text");
  });

  it("Azure OpenAI deployments: PTU-hours, reservations, the deployment type's factor, fine-tuned hosting", () => {
    const dep = (sku: string, model = "gpt-4o", tags?: Record<string, string>) =>
      res("azure-native:cognitiveservices:Deployment", "d", { deploymentName: "d", sku: { name: sku, capacity: 10 }, properties: { model: { name: model } }, ...(tags ? { tags } : {}) });
    starts(reason(dep("GlobalProvisionedManaged"), ["aoai-ptu-global"]), "sku.name", "aoai-ptu-global");
    starts(reason(dep("GlobalProvisionedManaged", "gpt-4o", { "aitracks-ptu-reservation": "monthly" }), ["aoai-ptu-reservation-monthly"]), "tags.aitracks-ptu-reservation", "aoai-ptu-reservation-monthly");
    starts(reason(dep("Standard"), ["aoai-tokens-regional-standard"]), "sku.name", "aoai-tokens-regional-standard");
    starts(reason(dep("GlobalStandard", "gpt-4o-mini-2024-07-18.ft-abc"), ["aoai-finetune-hosting"]), "fine-tuned model hosting", "aoai-finetune-hosting");
  });

  it("a private DNS zone whose catalog entry is another cloud's: the zone price is not found", () => {
    const other = new PriceCatalog({ ...base.data, entries: base.data.entries.map((x) => (x.sku === "private-dns-zone" ? { ...x, cloud: "gcp" } : x)) });
    const e = estimateCost({ project: "proj", stack: "test", config: {}, resources: [res("azure-native:privatedns:PrivateZone", "z", {})] }, { catalog: other });
    starts(unpriced(e, "z"), "zone price", "private-dns-zone");
  });

  it("an instance or VM size the catalog does not know names the field", () => {
    const e = estimate([
      res("azure-native:machinelearningservices:Compute", "aml", { properties: { computeType: "AmlCompute", properties: { vmSize: "Standard_Nope", scaleSettings: { maxNodeCount: 1 } } } }),
      res("azure-native:machinelearningservices:Compute", "ci", { properties: { computeType: "ComputeInstance", properties: { vmSize: "Standard_Nope" } } }),
      res("azure-native:machinelearningservices:Compute", "c", { computeName: "c", properties: { computeType: "AmlCompute", properties: { vmSize: "Standard_Nope", scaleSettings: { maxNodeCount: 1 } } } }),
      res("azure-native:machinelearningservices:Job", "job", { properties: { computeId: "/x/computes/c", limits: { timeout: "PT1H" } } }),
      res("azure-native:machinelearningservices:OnlineDeployment", "fixed", { endpointName: "ep", deploymentName: "fixed", properties: { instanceType: "Standard_Nope" } }),
      res("azure-native:machinelearningservices:OnlineDeployment", "scaled", { properties: { instanceType: "Standard_Nope", scaleSettings: { scaleType: "TargetUtilization", minInstances: 1, maxInstances: 3 } } }),
      res("azure-native:monitor:AutoscaleSetting", "scale", { targetResourceUri: "/x/onlineEndpoints/ep/deployments/fixed", profiles: [{ capacity: { minimum: "1", maximum: "2" } }] }),
    ]);
    starts(unpriced(e, "aml"), "properties.properties.vmSize", "Standard_Nope");
    starts(unpriced(e, "ci"), "properties.properties.vmSize", "Standard_Nope");
    starts(unpriced(e, "job"), "compute vmSize", "Standard_Nope");
    starts(unpriced(e, "fixed"), "properties.instanceType", "Standard_Nope");
    starts(unpriced(e, "scaled"), "properties.instanceType", "Standard_Nope");
    starts(unpriced(e, "scale"), "instanceType", "Standard_Nope");
  });
});

describe("Azure modules: a number input that is not a number names its field", () => {
  it("each numeric field, in its own words", () => {
    const dep = res("azure-native:machinelearningservices:OnlineDeployment", "blue", { endpointName: "ep", deploymentName: "blue", sku: { capacity: 1 }, properties: { instanceType: "Standard_NC24ads_A100_v4" } });
    const cluster = res("azure-native:machinelearningservices:Compute", "cpu", { computeName: "cpu", properties: { computeType: "AmlCompute", properties: { vmSize: "Standard_DS3_v2", scaleSettings: { maxNodeCount: 1 } } } });
    const scaleOf = (name: string, profiles: unknown[], target = URI) => res("azure-native:monitor:AutoscaleSetting", name, { targetResourceUri: target, profiles });
    const e = estimate([
      res("azure-native:web:AppServicePlan", "plan", { sku: { name: "S1", capacity: "lots" } }),
      dep,
      scaleOf("bad-max", [{ capacity: { minimum: "1", maximum: "2" } }, { capacity: { minimum: "1", maximum: "lots" } }]),
      scaleOf("bad-min", [{ capacity: { minimum: "1", maximum: "2" } }, { capacity: { minimum: "few", maximum: "2" } }]),
      res("azure-native:app:ContainerApp", "bad-cpu", { template: { containers: [{ resources: { cpu: "lots" } }] } }),
      res("azure-native:app:ContainerApp", "bad-memory", { template: { containers: [{ resources: { cpu: 1 } }, { resources: { memory: "lots" } }] } }),
      res("azure-native:app:ContainerApp", "bad-replicas", { template: { containers: [{ name: "a" }], scale: { minReplicas: "some" } } }),
      res("azure-native:machinelearningservices:Compute", "bad-min-nodes", { properties: { computeType: "AmlCompute", properties: { vmSize: "Standard_DS3_v2", scaleSettings: { minNodeCount: "some", maxNodeCount: 2 } } } }),
      cluster,
      res("azure-native:machinelearningservices:Job", "bad-nodes", { properties: { computeId: "/x/computes/cpu", resources: { instanceCount: "many" }, limits: { timeout: "PT1H" } } }),
      res("azure-native:machinelearningservices:Schedule", "bad-interval", { properties: { action: { actionType: "CreateJob", jobDefinition: { computeId: "/x/computes/cpu", limits: { timeout: "PT1H" } } }, trigger: { triggerType: "Recurrence", frequency: "Day", interval: "often" } } }),
      res("azure-native:machinelearningservices:OnlineDeployment", "bad-capacity", { sku: { capacity: "two" }, properties: { instanceType: "Standard_NC24ads_A100_v4" } }),
      res("azure-native:search:Service", "bad-replicas-search", { sku: { name: "basic" }, replicaCount: "two" }),
      res("azure-native:search:Service", "bad-partitions", { sku: { name: "basic" }, partitionCount: "two" }),
      res("azure-native:synapse:BigDataPool", "bad-node-count", { nodeSize: "Small", nodeCount: "three" }),
      res("azure-native:synapse:BigDataPool", "bad-min-node-count", { nodeSize: "Small", autoScale: { enabled: true, minNodeCount: "three" } }),
      res("azure-native:cognitiveservices:Deployment", "ptu", { deploymentName: "ptu", sku: { name: "GlobalProvisionedManaged" }, properties: { model: { name: "gpt-4o" } } }),
    ]);
    expect(unpriced(e, "plan")).toBe('sku.capacity: expected a number, got "lots"');
    expect(unpriced(e, "bad-max")).toBe('profiles[1].capacity.maximum: expected a number, got "lots"');
    expect(unpriced(e, "bad-min")).toBe('profiles[1].capacity.minimum: expected a number, got "few"');
    expect(unpriced(e, "bad-cpu")).toBe('template.containers[0].resources.cpu: expected a CPU count such as 1 or 1000m, got "lots"');
    expect(unpriced(e, "bad-memory")).toBe('template.containers[1].resources.memory: expected a memory size such as 512Mi or 2Gi, got "lots"');
    expect(unpriced(e, "bad-replicas")).toBe('template.scale.minReplicas: expected a number, got "some"');
    expect(unpriced(e, "bad-min-nodes")).toBe('properties.properties.scaleSettings.minNodeCount: expected a number, got "some"');
    expect(unpriced(e, "bad-nodes")).toBe('properties.resources.instanceCount: expected a number, got "many"');
    expect(unpriced(e, "bad-interval")).toBe('properties.trigger.interval: expected a number, got "often"');
    expect(unpriced(e, "bad-capacity")).toBe('sku.capacity: expected a number, got "two"');
    expect(unpriced(e, "bad-replicas-search")).toBe('replicaCount: expected a number, got "two"');
    expect(unpriced(e, "bad-partitions")).toBe('partitionCount: expected a number, got "two"');
    expect(unpriced(e, "bad-node-count")).toBe('nodeCount: expected a number, got "three"');
    expect(unpriced(e, "bad-min-node-count")).toBe('autoScale.minNodeCount: expected a number, got "three"');
    expect(unpriced(e, "ptu")).toBe("sku.capacity: expected a number, got nothing");
    // the autoscale setting reads its deployment's capacity
    const bad = estimate([{ ...dep, inputs: { ...dep.inputs, sku: { capacity: "x" } } }, scaleOf("scale", [{ capacity: { minimum: "1", maximum: "2" } }])]);
    expect(unpriced(bad, "scale")).toBe('sku.capacity: expected a number, got "x"');
  });
});

describe("Azure modules: patterns match whole values", () => {
  it("an autoscale target, a compute id and a Synapse service level are anchored", () => {
    const dep = res("azure-native:machinelearningservices:OnlineDeployment", "blue", { endpointName: "ep", deploymentName: "blue", properties: { instanceType: "Standard_NC24ads_A100_v4" } });
    const e = estimate([
      dep,
      res("azure-native:monitor:AutoscaleSetting", "longer", { targetResourceUri: `${URI}/extra`, profiles: [{ capacity: { minimum: "1", maximum: "2" } }] }),
      clusterOf(),
      res("azure-native:machinelearningservices:Job", "job", { properties: { computeId: `${CLUSTER}/extra`, limits: { timeout: "PT1H" } } }),
      res("azure-native:synapse:SqlPool", "trailing", { sku: { name: "DW100cc" } }),
      res("azure-native:synapse:SqlPool", "leading", { sku: { name: "XDW100c" } }),
    ]);
    expect(free(e, "longer")).toBe("scaling rules; the scaled resource is priced on its own");
    expect(unpriced(e, "job")).toBe("properties.computeId: the compute the job runs on is not in the stack");
    expect(unpriced(e, "trailing")).toBe('sku.name "DW100cc": expected a service level such as DW100c');
    expect(unpriced(e, "leading")).toBe('sku.name "XDW100c": expected a service level such as DW100c');
  });
});

describe("Azure OpenAI deployments: names and notes", () => {
  const dep = (name: string, sku: Record<string, unknown> | undefined, model = "gpt-4o", tags?: Record<string, string>) =>
    res("azure-native:cognitiveservices:Deployment", name, { deploymentName: name, ...(sku ? { sku } : {}), properties: { model: { name: model } }, ...(tags ? { tags } : {}) });

  it("provisioned: hourly (also by tag, any case), monthly and yearly reservations, each line and note", () => {
    const one = (d, config: Record<string, unknown> = { "aitracks:workload": WORKLOAD }) => priced(estimate([d], config), d.name);
    const hourly = one(dep("h", { name: "GlobalProvisionedManaged", capacity: 15 }));
    // 15 x 730 x $1.00 = $10,950
    expect(hourly.components.map((c) => [c.name, c.monthlyQuantity, c.monthlyUsd])).toEqual([["GlobalProvisionedManaged: 15 PTU x 730 h", 10_950, 10_950]]);
    expect(hourly.notes).toEqual(["provisioned throughput: no per-token charge", "serves the workload at no token cost"]);
    const tagged = one(dep("t", { name: "GlobalProvisionedManaged", capacity: 15 }, "gpt-4o", { "aitracks-ptu-reservation": "Hourly" }));
    expect(tagged.monthlyUsd).toBeCloseTo(10_950, 9);
    // 15 x $260 = $3,900
    const monthly = one(dep("m", { name: "DataZoneProvisionedManaged", capacity: 15 }, "gpt-4o", { "aitracks-ptu-reservation": "MONTHLY" }), {});
    expect(monthly.components.map((c) => [c.name, c.monthlyQuantity, c.monthlyUsd])).toEqual([["DataZoneProvisionedManaged: 15 PTU, monthly reservation", 15, 3_900]]);
    // no workload: the "serves the workload" note is left off
    expect(monthly.notes).toEqual([
      "PTUs paid through a monthly Azure reservation (tag aitracks-ptu-reservation); the reservation is bought for the term, not per hour",
      "provisioned throughput: no per-token charge",
    ]);
    // 12 / 12 = 1 PTU-year a month x $2,652
    const yearly = one(dep("y", { name: "ProvisionedManaged", capacity: 12 }, "gpt-4o", { "aitracks-ptu-reservation": "yearly" }));
    expect(yearly.components.map((c) => [c.name, c.monthlyQuantity, c.monthlyUsd])).toEqual([["ProvisionedManaged: 12 PTU, yearly reservation (a twelfth of a PTU-year each month)", 1, 2_652]]);
    expect(yearly.notes[0]).toBe("PTUs paid through a yearly Azure reservation (tag aitracks-ptu-reservation); the reservation is bought for the term, not per hour");
  });

  it("a provisioned fallback deployment (no traffic) does not say it serves the workload", () => {
    const ft = track("FineTune", "azure", "t");
    const e = estimate([ft, child(ft, "azure-native:cognitiveservices:Deployment", "tuned", { deploymentName: "tuned", sku: { name: "GlobalStandard", capacity: 1 }, properties: { model: { name: "gpt-4o-mini-2024-07-18.ft-abc" } } }), child(ft, "azure-native:cognitiveservices:Deployment", "ptu", { deploymentName: "ptu", sku: { name: "GlobalProvisionedManaged", capacity: 15 }, properties: { model: { name: "gpt-4o" } } })]);
    expect(priced(e, "ptu").notes).toEqual(["provisioned throughput: no per-token charge"]);
  });

  it("pay-per-token: the type's factor on each token line (no sku = Standard); the developer tier hosts a fine-tuned model free", () => {
    const e = estimate([dep("std", undefined)]);
    const s = priced(e, "std");
    // gpt-4o x 1.1: $2.75 input, $11 output; 456.25M x $2.75 = $1,254.6875; 91.25M x $11 = $1,003.75
    expect(s.components.map((c) => [c.name, c.unitPriceUsd, c.monthlyUsd])).toEqual([
      ["gpt-4o input tokens", 2.75, 1_254.6875],
      ["gpt-4o output tokens", 11, 1_003.75],
    ]);
    expect(s.components[0].priceSource.endsWith(" x 1.1 (catalog aoai-tokens-regional-standard (azure eastus, 2026-11-01))")).toBe(true);
    expect(s.notes).toEqual(["Standard: 1.1 x the Global Standard token price"]);
    const dev = priced(estimate([dep("dev", { name: "DeveloperTier", capacity: 1 }, "gpt-4o-mini-2024-07-18.ft-abc")]), "dev");
    // gpt-4o-mini at the Global price, no hosting line: 456.25 x $0.15 + 91.25 x $0.60 = $68.4375 + $54.75
    expect(names(dev.components)).toEqual(["gpt-4o-mini-2024-07-18.ft-abc input tokens", "gpt-4o-mini-2024-07-18.ft-abc output tokens"]);
    expect(dev.monthlyUsd).toBeCloseTo(68.4375 + 54.75, 9);
    const hosted = priced(estimate([dep("hosted", { name: "GlobalStandard", capacity: 1 }, "ft:gpt-4o-mini-2024-07-18:org::abc", undefined)]), "hosted");
    // the ft: form of a fine-tuned name: tokens at gpt-4o-mini's price + hosting 730 x $1.70 = $1,241
    expect(names(hosted.components)).toEqual(["ft:gpt-4o-mini-2024-07-18:org::abc input tokens", "ft:gpt-4o-mini-2024-07-18:org::abc output tokens", "fine-tuned model hosting x 730 h"]);
    expect(hosted.monthlyUsd).toBeCloseTo(68.4375 + 54.75 + 1_241, 9);
  });
});

describe("Azure ML serverless endpoints: content safety on a fallback endpoint", () => {
  it("counts no records when the endpoint serves no traffic", () => {
    const ep = (name: string) => res("azure-native:machinelearningservices:ServerlessEndpoint", name, { properties: { modelSettings: { modelId: "Phi-4" }, contentSafety: { contentSafetyStatus: "Enabled" } } });
    const e = estimate([ep("first"), ep("second")]);
    // outside tracks the first registered serves the workload: 1,500 x 4 = 6,000 characters = 6 records + 300 x 4 = 1,200 = 2: 8 a request
    expect(priced(e, "first").components[2].name).toBe("content safety: 8 text records a request x 304,166.67 requests");
    const c = priced(e, "second").components[2];
    expect(c.name).toBe("content safety: 8 text records a request x 0 requests");
    expect(c.monthlyQuantity).toBe(0);
    expect(c.monthlyUsd).toBe(0);
    // the token lines' own note comes first
    expect(priced(e, "second").notes).toEqual([
      "fallback model: no traffic assumed (the primary serves the workload)",
      "content safety on: prompt and completion checked as text records of up to 1,000 characters (4 a token), billed at Azure AI Content Safety's rate",
    ]);
  });

  it("rounds the prompt's records up as well as the completion's", () => {
    const config = { "aitracks:workload": { workload: { requestsPerDay: 10_000, inputTokensPerRequest: 251, outputTokensPerRequest: 250 } } };
    const e = estimate([res("azure-native:machinelearningservices:ServerlessEndpoint", "phi", { properties: { modelSettings: { modelId: "Phi-4" }, contentSafety: { contentSafetyStatus: "Enabled" } } })], config);
    // 251 x 4 = 1,004 characters = 2 records; 250 x 4 = 1,000 = 1: 3 a request; 304,166.67 x 3 / 1,000 = 912.5 x $0.38 = $346.75
    const c = priced(e, "phi").components[2];
    expect(c.name).toBe("content safety: 3 text records a request x 304,166.67 requests");
    expect(c.monthlyUsd).toBeCloseTo(346.75, 9);
  });
});

describe("Azure OpenAI deployments: inputs it refuses, and what it prefers for traffic", () => {
  const dep = (name: string, sku: unknown, model: unknown, tags?: Record<string, unknown>) =>
    res("azure-native:cognitiveservices:Deployment", name, { deploymentName: name, sku, properties: model === undefined ? {} : { model: { name: model } }, ...(tags ? { tags } : {}) });

  it("each refused input, with its reason", () => {
    const e = estimate([
      dep("bad-sku", { name: 5, capacity: 1 }, "gpt-4o"),
      dep("no-model", { name: "GlobalStandard", capacity: 1 }, undefined),
      dep("empty-tag", { name: "GlobalProvisionedManaged", capacity: 1 }, "gpt-4o", { "aitracks-ptu-reservation": "" }),
      dep("weekly", { name: "GlobalProvisionedManaged", capacity: 1 }, "gpt-4o", { "aitracks-ptu-reservation": "weekly" }),
      dep("unknown-model", { name: "GlobalStandard", capacity: 1 }, "no-such-model-xyz"),
    ]);
    expect(unpriced(e, "bad-sku")).toBe("sku.name: expected a string, got 5");
    expect(unpriced(e, "no-model")).toBe("properties.model.name: expected a string, got nothing");
    expect(unpriced(e, "empty-tag")).toBe('tags.aitracks-ptu-reservation: expected a string, got ""');
    expect(unpriced(e, "weekly")).toBe('tags.aitracks-ptu-reservation "weekly": expected hourly, monthly or yearly');
    expect(unpriced(e, "unknown-model")).toBe('no token price for "no-such-model-xyz" on provider "azure" in @pydantic/genai-prices');
  });

  it("each pay-per-token type's factor, in its note", () => {
    const note = (sku: string) => priced(estimate([dep("d", { name: sku, capacity: 1 }, "gpt-4o")]), "d").notes;
    expect(note("DataZoneStandard")).toEqual(["DataZoneStandard: 1.1 x the Global Standard token price"]);
    expect(note("GlobalBatch")).toEqual(["GlobalBatch: 0.5 x the Global Standard token price"]);
    expect(note("DataZoneBatch")).toEqual(["DataZoneBatch: 0.55 x the Global Standard token price"]);
    expect(note("GlobalStandard")).toEqual([]);
  });

  it("prefers a fine-tuned model for a track's traffic", () => {
    const m = costModuleFor("azure-native:cognitiveservices:Deployment");
    expect(m.preferredForTraffic({ inputs: { properties: { model: { name: "gpt-4o-mini-2024-07-18.ft-abc" } } } })).toBe(true);
    expect(m.preferredForTraffic({ inputs: { properties: { model: { name: "ft:gpt-4o-mini-2024-07-18:org::abc" } } } })).toBe(true);
    expect(m.preferredForTraffic({ inputs: { properties: { model: { name: "gpt-4o" } } } })).toBe(false);
    expect(m.preferredForTraffic({ inputs: { properties: { model: { name: 5 } } } })).toBe(false);
    expect(m.preferredForTraffic({ inputs: {} })).toBe(false);
  });
});
