// @ts-nocheck
import { describe, expect, it } from "vitest";
import { costModuleFor } from "@aitracks/core";
import { child, estimate, priced, res, track } from "./helpers";

// More of each GCP cost module's branches, every figure computed by hand from the compute catalog
// (us-central1 list prices) and @pydantic/genai-prices; 730 hours a month, 2,628,000 seconds a month,
// the helpers' workload: 10,000 requests a day = 304,166.67 a month, 1,500 input + 300 output tokens.

const REQS = (10_000 * 365) / 12; // 304,166.67 requests (and request-seconds) a month
const reasonOf = (e, name) => e.unpriced.find((u) => u.name === name)?.reason;
const REQUEST_NOTES = ["requests: one per request of the workload (304,166.67 a month)", "1 s per request assumed (the workload has no duration)"];

describe("Cloud Functions (1st gen)", () => {
  const F1 = "gcp:cloudfunctions/function:Function";

  it("prices invocations, GB-seconds and the GHz that comes with the default 256 MB", () => {
    const e = estimate([res(F1, "fn", {})]);
    const r = priced(e, "fn");
    // 0.30416667M invocations x $0.40 = $0.12166667; 0.25 GB x 304,166.67 s = 76,041.67 GB-s x $0.0000025 = $0.19010417;
    // 0.4 GHz x 304,166.67 s = 121,666.67 GHz-s x $0.00001 = $1.21666667
    expect(r.components.map((c) => [c.name, c.kind, c.unit])).toEqual([
      ["304,166.67 invocations", "usage", "1M-invocations"],
      ["0.25 GB x 304,166.67 s", "usage", "GB-second"],
      ["0.4 GHz x 304,166.67 s", "usage", "GHz-second"],
    ]);
    expect(r.components[0].monthlyQuantity).toBeCloseTo(REQS / 1e6, 9);
    expect(r.components[1].monthlyQuantity).toBeCloseTo(0.25 * REQS, 6);
    expect(r.components[2].monthlyQuantity).toBeCloseTo(0.4 * REQS, 6);
    expect(r.monthlyUsd).toBeCloseTo(0.12166667 + 0.19010417 + 1.21666667, 6);
    expect(r.notes).toEqual(["invocations: one per request of the workload (304,166.67 a month)", "1 s per invocation assumed (the workload has no duration)"]);
  });

  it("reads the GHz of each listed memory size, scales unlisted sizes up to 4.8 GHz", () => {
    const cases: [number, number][] = [
      [128, 0.2],
      [512, 0.8],
      [1024, 1.4],
      [2048, 2.4],
      [4096, 4.8],
      [8192, 4.8],
      [32768, 4.8],
      [100, (4.8 * 100) / 4096], // 0.1171875
      [3000, (4.8 * 3000) / 4096], // 3.515625
      [6000, 4.8],
    ];
    const e = estimate(cases.map(([mb]) => res(F1, `m${mb}`, { availableMemoryMb: mb })));
    for (const [mb, ghz] of cases) {
      const c = priced(e, `m${mb}`).components;
      expect(c[2].monthlyQuantity).toBeCloseTo(ghz * REQS, 4);
      expect(c[1].monthlyQuantity).toBeCloseTo((mb / 1024) * REQS, 4);
    }
    expect(priced(e, "m3000").components[2].name).toBe("3.52 GHz x 304,166.67 s");
  });

  it("says minimum instances are not counted (only above 0), notes the region, counts 0 without a workload", () => {
    const e = estimate([res(F1, "warm", { minInstances: 1, region: "europe-west1" }), res(F1, "cold", { minInstances: 0 })]);
    expect(priced(e, "warm").notes).toEqual([
      "invocations: one per request of the workload (304,166.67 a month)",
      "1 s per invocation assumed (the workload has no duration)",
      "cloud-functions-invocations priced at its us-central1 list price (the catalog quotes one region)",
      "minimum instances bill an idle rate the catalog does not have: not counted",
    ]);
    expect(priced(e, "cold").notes).toHaveLength(2);
    const none = estimate([res(F1, "fn", {})], {});
    expect(priced(none, "fn").monthlyUsd).toBe(0);
    expect(priced(none, "fn").notes[0]).toBe("no aitracks:workload in the stack: invocations counted as 0; add aitracks:workload.workload.requestsPerDay to count it");
  });
});

describe("Cloud Run functions (2nd gen)", () => {
  const F2 = "gcp:cloudfunctionsv2/function:Function";
  const fn = (name, serviceConfig) => res(F2, name, serviceConfig === undefined ? {} : { serviceConfig });

  it("gives each memory size its default vCPUs, both sides of each step; reads 256M and 1G as MiB and GiB", () => {
    const cases: [string, unknown, number, number][] = [
      ["default", undefined, 0.25, 0.167],
      ["256M", "256M", 0.25, 0.167],
      ["257Mi", "257Mi", 257 / 1024, 0.333],
      ["512M", "512M", 0.5, 0.333],
      ["513Mi", "513Mi", 513 / 1024, 0.583],
      ["1G", "1G", 1, 0.583],
      ["1.5G", "1.5G", 1.5, 1],
      ["2Gi", "2Gi", 2, 1],
      ["3Gi", "3Gi", 3, 2],
      ["8Gi", "8Gi", 8, 2],
      ["9Gi", "9Gi", 9, 4],
      ["bytes", 536_870_912, 0.5, 0.333],
    ];
    const e = estimate(cases.map(([name, memory]) => fn(name, memory === undefined ? undefined : { availableMemory: memory })));
    for (const [name, , gib, vcpus] of cases) {
      const c = priced(e, name).components;
      expect(c.map((x) => x.unit)).toEqual(["1M-requests", "vCPU-second", "GiB-second"]);
      expect(c[1].monthlyQuantity).toBeCloseTo(vcpus * REQS, 4);
      expect(c[2].monthlyQuantity).toBeCloseTo(gib * REQS, 4);
    }
    // 0.167 vCPU x 304,166.67 s = 50,795.83 vCPU-s x $0.000024 = $1.21910; 0.25 GiB = 76,041.67 GiB-s x $0.0000025 = $0.190104; + $0.121667
    const d = priced(e, "default");
    expect(d.components.map((c) => c.name)).toEqual(["function: 304,166.67 requests", "function: 0.17 vCPU x 304,166.67 request-seconds", "function: 0.25 GiB x 304,166.67 request-seconds"]);
    expect(d.monthlyUsd).toBeCloseTo(0.12166667 + 1.219100 + 0.19010417, 5);
    expect(d.notes).toEqual(REQUEST_NOTES);
  });

  it("takes availableCpu over the memory's default, and prices minimum instances at the instance-based rates", () => {
    const e = estimate([fn("warm", { availableMemory: "512M", availableCpu: "1", minInstanceCount: 2 }), fn("milli", { availableMemory: "512M", availableCpu: "2000m" })]);
    const r = priced(e, "warm");
    // 2 x 1 vCPU x 2,628,000 s = 5,256,000 x $0.000018 = $94.608; 2 x 0.5 GiB x 2,628,000 = 2,628,000 x $0.000002 = $5.256
    expect(r.components.map((c) => [c.name, c.kind, c.monthlyQuantity, c.monthlyUsd])).toEqual([
      ["function: 2 minimum instances x 1 vCPU x 2,628,000 s", "fixed", 5_256_000, 94.608],
      ["function: 2 minimum instances x 0.5 GiB x 2,628,000 s", "fixed", 2_628_000, 5.256],
      ["function: 304,166.67 requests", "usage", 0.304166666667, 0.121666666667],
      ["function: 1 vCPU x 304,166.67 request-seconds", "usage", 304_166.666667, 7.3],
      ["function: 0.5 GiB x 304,166.67 request-seconds", "usage", 152_083.333333, 0.380208333333],
    ]);
    expect(r.notes).toEqual([
      "minimum instances kept warm all month (730 h) at the instance-based rate: an upper bound when the service uses request-based billing, whose idle instances bill less",
      ...REQUEST_NOTES,
    ]);
    expect(priced(e, "milli").components[1].monthlyQuantity).toBeCloseTo(2 * REQS, 4);
  });

  it("names the field of a memory or CPU it cannot read", () => {
    const e = estimate([fn("mem", { availableMemory: "lots" }), fn("cpu", { availableCpu: "two" }), fn("min", { minInstanceCount: "x" })]);
    expect(reasonOf(e, "mem")).toBe('serviceConfig.availableMemory: expected a memory size such as 512Mi or 2Gi, got "lots"');
    expect(reasonOf(e, "cpu")).toBe('serviceConfig.availableCpu: expected a CPU count such as 1 or 1000m, got "two"');
    expect(reasonOf(e, "min")).toBe('serviceConfig.minInstanceCount: expected a number, got "x"');
  });
});

describe("Cloud Run services", () => {
  it("sums a v2 service's containers, the larger of the template's and the service's minimum instances", () => {
    const e = estimate([
      res("gcp:cloudrunv2/service:Service", "two", {
        template: { containers: [{ resources: { limits: { cpu: "1000m", memory: "1Gi" } } }, { resources: { limits: { cpu: "2" } } }], scaling: { minInstanceCount: 1 } },
        scaling: { minInstanceCount: 2 },
      }),
      res("gcp:cloudrunv2/service:Service", "bare", { location: "europe-west1" }),
    ]);
    const r = priced(e, "two");
    // 3 vCPU, 1 + 0.5 GiB; 2 minimum instances: 2 x 3 x 2,628,000 = 15,768,000 vCPU-s x $0.000018 = $283.824; 2 x 1.5 x 2,628,000 = 7,884,000 GiB-s x $0.000002 = $15.768
    expect(r.components.map((c) => [c.name, c.monthlyQuantity])).toEqual([
      ["service: 2 minimum instances x 3 vCPU x 2,628,000 s", 15_768_000],
      ["service: 2 minimum instances x 1.5 GiB x 2,628,000 s", 7_884_000],
      ["service: 304,166.67 requests", 0.304166666667],
      ["service: 3 vCPU x 304,166.67 request-seconds", 912_500],
      ["service: 1.5 GiB x 304,166.67 request-seconds", 456_250],
    ]);
    expect(r.components[0].monthlyUsd).toBeCloseTo(283.824, 9);
    expect(r.components[1].monthlyUsd).toBeCloseTo(15.768, 9);
    // no containers: Cloud Run's 1 vCPU and 512 MiB, no minimum instances
    const b = priced(e, "bare");
    expect(b.components.map((c) => c.name)).toEqual(["service: 304,166.67 requests", "service: 1 vCPU x 304,166.67 request-seconds", "service: 0.5 GiB x 304,166.67 request-seconds"]);
    expect(b.notes).toEqual([...REQUEST_NOTES, "cloud-run-vcpu-second priced at its us-central1 list price (the catalog quotes one region)"]);
  });

  it("reads a v1 service's containers and its minScale annotation", () => {
    const e = estimate([
      res("gcp:cloudrun/service:Service", "v1", {
        template: { metadata: { annotations: { "autoscaling.knative.dev/minScale": "1" } }, spec: { containers: [{ resources: { limits: { cpu: "2", memory: "1Gi" } } }] } },
      }),
      res("gcp:cloudrun/service:Service", "v1-default", { template: { spec: { containers: [{}] } } }),
    ]);
    const r = priced(e, "v1");
    // 1 x 2 vCPU x 2,628,000 = 5,256,000 x $0.000018 = $94.608; 1 x 1 GiB x 2,628,000 x $0.000002 = $5.256
    expect(r.components.slice(0, 2).map((c) => [c.name, c.monthlyUsd])).toEqual([
      ["service: 1 minimum instance x 2 vCPU x 2,628,000 s", 94.608],
      ["service: 1 minimum instance x 1 GiB x 2,628,000 s", 5.256],
    ]);
    const d = priced(e, "v1-default");
    expect(d.components.map((c) => c.name)).toEqual(["service: 304,166.67 requests", "service: 1 vCPU x 304,166.67 request-seconds", "service: 0.5 GiB x 304,166.67 request-seconds"]);
    const bad = estimate([res("gcp:cloudrun/service:Service", "bad", { template: { spec: { containers: [{ resources: { limits: { memory: "1 lot" } } }] } } })]);
    expect(reasonOf(bad, "bad")).toBe('template.spec.containers[0].resources.limits.memory: expected a memory size such as 512Mi or 2Gi, got "1 lot"');
  });
});

describe("Cloud SQL", () => {
  const SQL = "gcp:sql/databaseInstance:DatabaseInstance";
  const db = (name, settings, version = "POSTGRES_15", extra = {}) => res(SQL, name, { databaseVersion: version, settings, ...extra });

  it("prices shared-core tiers at their hourly price, twice when regional, with the default 10 GB SSD", () => {
    const e = estimate([db("micro", { tier: "db-f1-micro", availabilityType: "REGIONAL" }), db("small", { tier: "db-g1-small", availabilityType: "ZONAL" }, "MYSQL_8_0", { region: "europe-west1" })]);
    // $0.0105 x 2 x 730 = $15.33; 10 GB x 2 x $0.17 = $3.40
    expect(priced(e, "micro").components.map((c) => [c.name, c.monthlyQuantity, c.monthlyUsd])).toEqual([
      ["db-f1-micro x 2 (regional) x 730 h", 1460, 15.33],
      ["10 GB PD_SSD x 2 (regional)", 20, 3.4],
    ]);
    expect(priced(e, "micro").notes).toEqual([]);
    // $0.035 x 730 = $25.55; 10 GB x $0.17 = $1.70
    expect(priced(e, "small").components.map((c) => [c.name, c.monthlyUsd])).toEqual([
      ["db-g1-small x 730 h", 25.55],
      ["10 GB PD_SSD", 1.7],
    ]);
    expect(priced(e, "small").notes).toEqual(["cloudsql-db-g1-small priced at its us-central1 list price (the catalog quotes one region)"]);
  });

  it("prices custom and n1 tiers by vCPU and memory, on an HDD disk", () => {
    const e = estimate([
      db("custom", { tier: "db-custom-2-7680", diskSize: 100, diskType: "PD_HDD", edition: "ENTERPRISE" }),
      db("std", { tier: "db-n1-standard-4" }, "POSTGRES_15", { region: "europe-west1" }),
      db("high", { tier: "db-n1-highmem-2", availabilityType: "REGIONAL", diskSize: "50" }),
    ]);
    // 2 vCPU x 730 = 1,460 x $0.0413 = $60.298; 7,680 MB / 1,024 = 7.5 GB x 730 = 5,475 x $0.007 = $38.325; 100 GB HDD x $0.09 = $9
    expect(priced(e, "custom").components.map((c) => [c.name, c.monthlyQuantity, c.monthlyUsd])).toEqual([
      ["db-custom-2-7680: 2 vCPU x 730 h", 1460, 60.298],
      ["db-custom-2-7680: 7.5 GB x 730 h", 5475, 38.325],
      ["100 GB PD_HDD", 100, 9],
    ]);
    // 4 vCPU x 730 = 2,920 x $0.0413 = $120.596; 4 x 3.75 = 15 GB x 730 = 10,950 x $0.007 = $76.65
    expect(priced(e, "std").components.map((c) => [c.name, c.monthlyUsd])).toEqual([
      ["db-n1-standard-4: 4 vCPU x 730 h", 120.596],
      ["db-n1-standard-4: 15 GB x 730 h", 76.65],
      ["10 GB PD_SSD", 1.7],
    ]);
    expect(priced(e, "std").notes).toEqual(["cloudsql-vcpu-hour priced at its us-central1 list price (the catalog quotes one region)"]);
    // 2 vCPU x 2 x 730 = 2,920 x $0.0413 = $120.596; 2 x 6.5 = 13 GB x 2 x 730 = 18,980 x $0.007 = $132.86; 50 GB x 2 x $0.17 = $17
    expect(priced(e, "high").components.map((c) => [c.name, c.monthlyQuantity, c.monthlyUsd])).toEqual([
      ["db-n1-highmem-2: 2 vCPU x 2 (regional) x 730 h", 2920, 120.596],
      ["db-n1-highmem-2: 13 GB x 2 (regional) x 730 h", 18980, 132.86],
      ["50 GB PD_SSD x 2 (regional)", 100, 17],
    ]);
  });

  it("refuses SQL Server, Enterprise Plus and tiers it cannot size", () => {
    const e = estimate([
      db("mssql", { tier: "db-custom-2-7680" }, "SQLSERVER_2019_STANDARD"),
      db("plus", { tier: "db-perf-optimized-N-2", edition: "ENTERPRISE_PLUS" }),
      db("n2", { tier: "db-n2-standard-2" }),
      db("prefixed", { tier: "x-db-custom-2-7680" }),
      db("suffixed", { tier: "db-custom-2-7680-x" }),
      db("n1-suffixed", { tier: "db-n1-standard-4x" }),
      db("no-tier", {}),
    ]);
    const tierMsg = (t) => `settings.tier ${JSON.stringify(t)}: expected db-f1-micro, db-g1-small, db-custom-<vCPUs>-<MB> or db-n1-standard/highmem-<vCPUs>`;
    expect(Object.fromEntries(e.unpriced.map((u) => [u.name, u.reason]))).toEqual({
      mssql: "databaseVersion SQLSERVER_2019_STANDARD: SQL Server licences are not in the compute catalog",
      plus: "settings.edition ENTERPRISE_PLUS: the compute catalog prices the Enterprise edition",
      n2: tierMsg("db-n2-standard-2"),
      prefixed: tierMsg("x-db-custom-2-7680"),
      suffixed: tierMsg("db-custom-2-7680-x"),
      "n1-suffixed": tierMsg("db-n1-standard-4x"),
      "no-tier": "settings.tier: expected a string, got nothing",
    });
  });
});

describe("Vertex AI machines: instance lists, fleets, accelerators, pools", () => {
  const WL = { "aitracks:workload": { workload: { requestsPerDay: 200_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 } } };
  const TCO_TPS = "1,200 tokens/s an instance (the TCO default; set aitracks:workload.fineTune.inference.tokensPerSecondPerInstance)";

  it("lists the machine types each module prices", () => {
    expect(costModuleFor("pulumi-nodejs:dynamic/vertex:DeployedModel").instances({ inputs: { machineType: "g2-standard-12" } })).toEqual(["g2-standard-12"]);
    expect(costModuleFor("pulumi-nodejs:dynamic/vertex:DeployedModel").instances({ inputs: {} })).toEqual([]);
    const pool = costModuleFor("gcp:vertex/aiDeploymentResourcePool:AiDeploymentResourcePool");
    expect(pool.instances({ inputs: { dedicatedResources: { machineSpec: { machineType: "g2-standard-4" } } } })).toEqual(["g2-standard-4"]);
    expect(pool.instances({ inputs: { dedicatedResources: {} } })).toEqual([]);
    const mg = costModuleFor("gcp:vertex/aiEndpointWithModelGardenDeployment:AiEndpointWithModelGardenDeployment");
    expect(mg.instances({ inputs: { deployConfig: { dedicatedResources: { machineSpec: { machineType: "a2-highgpu-1g" } } } } })).toEqual(["a2-highgpu-1g"]);
    expect(mg.instances({ inputs: {} })).toEqual([]);
    const pr = costModuleFor("gcp:vertex/aiPersistentResource:AiPersistentResource");
    expect(pr.instances({ inputs: { resourcePools: [{ machineSpec: { machineType: "n1-standard-4" } }, { machineSpec: {} }, { machineSpec: { machineType: "a2-highgpu-8g" } }] } })).toEqual(["n1-standard-4", "a2-highgpu-8g"]);
    expect(pr.instances({ inputs: {} })).toEqual([]);
    expect(costModuleFor("gcp:tpu/v2Vm:V2Vm").instances({ inputs: { acceleratorType: "v5litepod-8" } })).toEqual(["v5litepod-8"]);
    expect(costModuleFor("gcp:tpu/v2Vm:V2Vm").instances({ inputs: { acceleratorConfig: { type: "V6E", topology: "2x4" } } })).toEqual([]);
    const q = costModuleFor("gcp:tpu/v2QueuedResource:V2QueuedResource");
    expect(q.instances({ inputs: { tpu: { nodeSpecs: [{ node: { acceleratorType: "v5p-8" } }, { node: { acceleratorConfig: {} } }] } } })).toEqual(["v5p-8"]);
    expect(q.instances({ inputs: {} })).toEqual([]);
  });

  it("sizes a Model Garden deployment's replicas from the workload at Vertex AI's default 60% target; spot is an upper bound", () => {
    const e = estimate(
      [
        res("gcp:vertex/aiEndpointWithModelGardenDeployment:AiEndpointWithModelGardenDeployment", "mg", {
          location: "us-central1",
          deployConfig: { dedicatedResources: { machineSpec: { machineType: "g2-standard-12", acceleratorType: "NVIDIA_L4", acceleratorCount: 1 }, minReplicaCount: 1, maxReplicaCount: 3, spot: true } },
        }),
      ],
      WL,
    );
    const r = priced(e, "mg");
    // one replica takes 1,200 tokens/s x 60% x 60 s / (300 + 1,500 x 0.1 = 450 weighted tokens) = 96 requests a minute.
    // 200,000 a day = 138.89 a minute; busy hours at 3x = 416.67 -> 5 replicas, clamped to 3; quiet hours at 3/5 = 83.33 -> 1.
    // busy 1/6 of the day: expected 3/6 + 1 x 5/6 = 1.3333 replicas x 730 h = 973.33 h x $1.1591 = $1,128.1873; ceiling 3 x 730 x $1.1591 = $2,538.429
    expect(r.components[0].name).toBe("replicas: g2-standard-12 min 1 / expected 1.33 / ceiling 3");
    expect(r.monthlyUsd).toBeCloseTo((4 / 3) * 730 * 1.1591, 6);
    expect(r.ceilingMonthlyUsd).toBeCloseTo(2538.429, 6);
    expect(r.notes).toEqual([
      `expected fleet: 1.33 instances in month 1 (3 in the busy 4 h a day at 3x the average, 1 in the quiet hours), 1.33 in month 36; ${TCO_TPS} at the 60% utilisation target = 96 requests a minute of 450 weighted tokens (Vertex AI's default target); clamped to 1..3`,
      "spot VMs priced at on-demand rates (upper bound)",
    ]);
  });

  it("takes the lowest autoscaling target of a deployment resource pool", () => {
    const e = estimate(
      [
        res("gcp:vertex/aiDeploymentResourcePool:AiDeploymentResourcePool", "pool", {
          dedicatedResources: { machineSpec: { machineType: "g2-standard-12" }, minReplicaCount: "1", maxReplicaCount: "3", autoscalingMetricSpecs: [{ metricName: "cpu", target: 90 }, { metricName: "gpu", target: 30 }, { metricName: "x" }] },
        }),
      ],
      WL,
    );
    const r = priced(e, "pool");
    // 1,200 x 30% x 60 / 450 = 48 requests a minute: busy 416.67 -> 9, clamped to 3; quiet 83.33 -> 2.
    // expected 3/6 + 2 x 5/6 = 2.1667 x 730 h x $1.1591 = $1,833.2698
    expect(r.monthlyUsd).toBeCloseTo((13 / 6) * 730 * 1.1591, 6);
    expect(r.notes).toEqual([`expected fleet: 2.17 instances in month 1 (3 in the busy 4 h a day at 3x the average, 2 in the quiet hours), 2.17 in month 36; ${TCO_TPS} at the 30% utilisation target = 48 requests a minute of 450 weighted tokens; clamped to 1..3`]);
  });

  it("prices a deployed model with max at or below min as min replicas always on; one replica by default", () => {
    const e = estimate([
      res("pulumi-nodejs:dynamic/vertex:DeployedModel", "fixed", { machineType: "g2-standard-4", minReplicaCount: 2, maxReplicaCount: 1 }),
      res("pulumi-nodejs:dynamic/vertex:DeployedModel", "one", { machineType: "g2-standard-4" }),
    ]);
    // 2 x 730 x $0.8129 = $1,186.834; 1 x 730 x $0.8129 = $593.417
    expect(priced(e, "fixed").components[0]).toMatchObject({ name: "g2-standard-4 x 2", monthlyQuantity: 1460 });
    expect(priced(e, "fixed").monthlyUsd).toBeCloseTo(1186.834, 9);
    expect(priced(e, "fixed").ceilingMonthlyUsd).toBeCloseTo(1186.834, 9);
    expect(priced(e, "one").monthlyUsd).toBeCloseTo(593.417, 9);
  });

  it("notes an accelerator count the machine type does not have, accepts an unspecified accelerator", () => {
    const e = estimate([
      res("pulumi-nodejs:dynamic/vertex:DeployedModel", "more", { machineType: "a2-highgpu-8g", acceleratorType: "NVIDIA_TESLA_A100", acceleratorCount: 4, location: "europe-west4" }),
      res("pulumi-nodejs:dynamic/vertex:DeployedModel", "unspecified", { machineType: "n1-standard-4", acceleratorType: "ACCELERATOR_TYPE_UNSPECIFIED" }),
      res("pulumi-nodejs:dynamic/vertex:DeployedModel", "bad-count", { machineType: "a2-highgpu-1g", acceleratorType: "NVIDIA_TESLA_A100", acceleratorCount: "one" }),
    ]);
    expect(priced(e, "more").notes).toEqual([
      "a2-highgpu-8g comes with 8 x nvidia-a100-40gb; acceleratorCount 4 priced as the machine type",
      "a2-highgpu-8g priced at its us-central1 list price (the catalog quotes one region)",
    ]);
    expect(priced(e, "more").monthlyUsd).toBeCloseTo(33.7961 * 730, 9); // the machine type's price: $24,671.153
    expect(priced(e, "unspecified").monthlyUsd).toBeCloseTo(0.2185 * 730, 9); // $159.505
    expect(reasonOf(e, "bad-count")).toBe('acceleratorCount: expected a number, got "one"');
  });

  it("names a persistent resource's pools by id or index, one replica by default", () => {
    const e = estimate([res("gcp:vertex/aiPersistentResource:AiPersistentResource", "pr", { resourcePools: [{ machineSpec: { machineType: "n1-standard-4" } }, { id: "big", machineSpec: { machineType: "n1-standard-4" }, autoscalingSpec: { maxReplicaCount: 2 } }] })]);
    const r = priced(e, "pr");
    // each 1 x 730 x $0.2185 = $159.505; the second up to 2: $319.01
    expect(r.components.map((c) => [c.name, c.monthlyUsd, c.ceilingMonthlyUsd])).toEqual([
      ["pool 0: n1-standard-4 x 1", 159.505, undefined],
      ["big: n1-standard-4 x 1 (up to 2)", 159.505, 319.01],
    ]);
    expect(r.notes).toEqual(["billed while it exists, whether jobs run on it or not"]);
    const bad = estimate([res("gcp:vertex/aiPersistentResource:AiPersistentResource", "pr", { resourcePools: [{ machineSpec: { machineType: "n1-standard-4" }, autoscalingSpec: { minReplicaCount: "x" } }] })]);
    expect(reasonOf(bad, "pr")).toBe('resourcePools[0].autoscalingSpec.minReplicaCount: expected a number, got "x"');
  });
});

describe("Cloud TPU forms", () => {
  it("reads each TPU type name, config topology and scheduling option", () => {
    const V = "gcp:tpu/v2Vm:V2Vm";
    const e = estimate([
      res(V, "lite", { zone: "europe-west4-a", acceleratorType: "v5lite-4", schedulingConfig: { preemptible: true } }),
      res(V, "v5e", { zone: "us-central1-a", acceleratorType: "V5E-2", schedulingConfig: { spot: true } }),
      res(V, "v6e", { zone: "us-east5-a", acceleratorType: "v6e-4" }),
      res(V, "cube", { zone: "us-east5-a", acceleratorConfig: { type: "v5p", topology: "2x2x1" } }),
      res(V, "pod", { zone: "asia-northeast1-a", acceleratorConfig: { type: "V5LITE_POD", topology: "4x4" } }),
    ]);
    // 4 chips x 730 x $1.20 = $3,504
    expect(priced(e, "lite").components[0]).toMatchObject({ name: "tpu-v5e: 4 chips x 730 h", monthlyQuantity: 2920, monthlyUsd: 3504, unit: "chip-hour" });
    expect(priced(e, "lite").notes).toEqual(["tpu-v5e priced at its us-central1 list price (the catalog quotes one region)", "billed while the TPU VM exists", "spot / preemptible priced at on-demand rates (upper bound)"]);
    // 2 x 730 x $1.20 = $1,752
    expect(priced(e, "v5e").monthlyUsd).toBeCloseTo(1752, 9);
    expect(priced(e, "v5e").notes).toEqual(["billed while the TPU VM exists", "spot / preemptible priced at on-demand rates (upper bound)"]);
    // 4 x 730 x $2.70 = $7,884
    expect(priced(e, "v6e").monthlyUsd).toBeCloseTo(7884, 9);
    expect(priced(e, "v6e").notes).toEqual(["billed while the TPU VM exists"]);
    // 2 x 2 x 1 = 4 chips x 730 x $4.20 = $12,264
    expect(priced(e, "cube").components[0].name).toBe("tpu-v5p: 4 chips x 730 h");
    expect(priced(e, "cube").monthlyUsd).toBeCloseTo(12_264, 9);
    // 16 chips x 730 x $1.20 = $14,016, in a region the catalog does not list for v5e
    expect(priced(e, "pod").monthlyUsd).toBeCloseTo(14_016, 9);
    expect(priced(e, "pod").notes).toEqual(["tpu-v5e is not offered in asia-northeast1 according to the catalog; priced at the us-central1 list price", "billed while the TPU VM exists"]);
  });

  it("refuses TPU generations and topologies it cannot price", () => {
    const V = "gcp:tpu/v2Vm:V2Vm";
    const e = estimate([
      res(V, "v4", { acceleratorType: "v4-8" }),
      res(V, "gpu", { acceleratorType: "gpu-8" }),
      res(V, "suffix", { acceleratorType: "v5p-8x" }),
      res(V, "none", {}),
      res(V, "letters", { acceleratorConfig: { type: "V6E", topology: "axb" } }),
      res(V, "zero", { acceleratorConfig: { type: "V6E", topology: "0x4" } }),
      res(V, "v4cfg", { acceleratorConfig: { type: "V4", topology: "2x2" } }),
      res(V, "no-topology", { acceleratorConfig: { type: "V6E" } }),
    ]);
    expect(Object.fromEntries(e.unpriced.map((u) => [u.name, u.reason]))).toEqual({
      v4: 'acceleratorType "v4-8": the compute catalog has no v4 TPU price',
      gpu: 'acceleratorType "gpu-8": expected a TPU type such as v5litepod-8, v5p-8 or v6e-8',
      suffix: 'acceleratorType "v5p-8x": expected a TPU type such as v5litepod-8, v5p-8 or v6e-8',
      none: 'acceleratorType "": expected a TPU type such as v5litepod-8, v5p-8 or v6e-8',
      letters: 'acceleratorConfig.topology "axb": expected dimensions such as 2x4',
      zero: 'acceleratorConfig.topology "0x4": expected dimensions such as 2x4',
      v4cfg: "acceleratorConfig.type V4: the compute catalog has no price for it",
      "no-topology": "acceleratorConfig.topology: expected a string, got nothing",
    });
  });

  it("prices each node of a queued resource by type or config, named by nodeId or index", () => {
    const e = estimate([
      res("gcp:tpu/v2QueuedResource:V2QueuedResource", "q", {
        zone: "europe-west4-b",
        tpu: { nodeSpecs: [{ nodeId: "train", node: { acceleratorType: "v5p-16" } }, { node: { acceleratorConfig: { type: "V6E", topology: "2x2" } } }] },
      }),
    ]);
    const r = priced(e, "q");
    // v5p-16 = 8 chips x 730 x $4.20 = $24,528; 2x2 = 4 v6e chips x 730 x $2.70 = $7,884
    expect(r.components.map((c) => [c.name, c.monthlyQuantity, c.monthlyUsd])).toEqual([
      ["train: tpu-v5p 8 chips x 730 h", 5840, 24_528],
      ["node 1: tpu-v6e 4 chips x 730 h", 2920, 7884],
    ]);
    expect(r.notes).toEqual([
      "billed once the slice is provisioned, while it exists",
      "tpu-v5p priced at its us-east5 list price (the catalog quotes one region)",
      "tpu-v6e priced at its us-east5 list price (the catalog quotes one region)",
    ]);
    const bad = estimate([res("gcp:tpu/v2QueuedResource:V2QueuedResource", "q", { tpu: { nodeSpecs: [{ node: {} }] } })]);
    expect(reasonOf(bad, "q")).toBe('acceleratorType "": expected a TPU type such as v5litepod-8, v5p-8 or v6e-8');
  });
});

describe("Gemini, tuning and evaluation forms", () => {
  const WL = { workload: { requestsPerDay: 10_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 } };

  it("names publisher models in every form", async () => {
    const { publisherModel } = await import("../../packages/core/dist/cost/resources/gcp/model-garden.js");
    expect(publisherModel("projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash")).toEqual({ publisher: "google", model: "gemini-2.5-flash" });
    expect(publisherModel("anthropic/claude-sonnet-4@20250514")).toEqual({ publisher: "anthropic", model: "claude-sonnet-4" });
    expect(publisherModel("gemini-2.5-pro@001")).toEqual({ publisher: "google", model: "gemini-2.5-pro" });
    // The short resource name (a Vertex endpoint's publisherModelName) was read as publisher "publishers".
    expect(publisherModel("publishers/google/models/gemma3@gemma-3-12b-it")).toEqual({ publisher: "google", model: "gemma3" });
    expect(publisherModel("publishers/anthropic/models/claude-sonnet-4@20250514")).toEqual({ publisher: "anthropic", model: "claude-sonnet-4" });
  });

  it("prices a buy track's only model with no fallback note; lists the fallbacks; refuses a track without models", () => {
    const one = { ...track("Buy", "gcp", "one"), inputs: { track: "buy", cloud: "gcp", region: "us-central1", models: ["gemini-2.5-flash"] } };
    const many = { ...track("Buy", "gcp", "many"), inputs: { track: "buy", cloud: "gcp", region: "us-central1", models: ["google/gemini-2.5-flash", "google/gemini-2.5-pro", "anthropic/claude-sonnet-4@20250514"] } };
    const e1 = estimate([one], { "aitracks:workload": WL });
    // 456.25M x $0.30 + 91.25M x $2.50 = $136.875 + $228.125
    expect(priced(e1, "one").components.map((c) => [c.name, c.monthlyQuantity, c.unitPriceUsd])).toEqual([
      ["gemini-2.5-flash input tokens", 456.25, 0.3],
      ["gemini-2.5-flash output tokens", 91.25, 2.5],
    ]);
    expect(priced(e1, "one").notes).toEqual([]);
    const e2 = estimate([many], { "aitracks:workload": WL });
    expect(priced(e2, "many").monthlyUsd).toBeCloseTo(365, 6);
    expect(priced(e2, "many").notes).toEqual(["fallbacks google/gemini-2.5-pro, anthropic/claude-sonnet-4@20250514: no traffic assumed"]);
    const none = { ...track("Buy", "gcp", "none"), inputs: { track: "buy", cloud: "gcp", models: [] } };
    expect(reasonOf(estimate([none]), "none")).toBe("the track component registered no models (a graph recorded without component inputs)");
  });

  it("tunes for the TCO model's epochs when the job sets none, and names the tuned base model", () => {
    const ft = track("FineTune", "gcp", "t");
    const e = estimate([ft, child(ft, "pulumi-nodejs:dynamic/vertex:TuningJob", "job", { baseModel: "projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash@001" })], {
      "aitracks:workload": { ...WL, fineTune: { labeledExamples: 1_000, tokensPerExample: 500 } },
    });
    const r = priced(e, "job");
    // 1,000 x 500 x 3 epochs (the default) = 1.5M training tokens x $8 = $12 once; then gemini-2.5-flash's tokens: $365 a month
    expect(r.components.map((c) => [c.name, c.kind])).toEqual([
      ["tuning job: 1.5M training tokens", "one-off"],
      ["tuned gemini-2.5-flash input tokens", "usage"],
      ["tuned gemini-2.5-flash output tokens", "usage"],
    ]);
    expect(r.oneOffUsd).toBeCloseTo(12, 9);
    expect(r.monthlyUsd).toBeCloseTo(365, 6);
    expect(r.notes).toEqual(["1,000 examples x 500 tokens x 3 epochs", "the tuned model serves at its base model's token prices"]);
    const bad = estimate([res("pulumi-nodejs:dynamic/vertex:TuningJob", "nobase", { epochCount: 2 }), res("pulumi-nodejs:dynamic/vertex:TuningJob", "badep", { baseModel: "gemini-2.5-flash", epochCount: "many" })]);
    expect(reasonOf(bad, "nobase")).toBe("baseModel: expected a string, got nothing");
    expect(reasonOf(bad, "badep")).toBe('epochCount: expected a number, got "many"');
  });

  it("prices an evaluation run's tuned candidate at its base model, skips an endpoint the stack does not describe, judges each answer per metric", () => {
    const run = res("pulumi-nodejs:dynamic/vertex:EvaluationRun", "run", {
      autoraterModel: "google/gemini-2.5-pro",
      inferenceConfigs: { tuned: { model: "projects/p/locations/us-central1/endpoints/123" }, flash: { model: "gemini-2.5-flash" } },
      metrics: [{ metric: "a", metricResourceName: "x" }, { metric: "b", metricResourceName: "y" }, { metric: "exact", computationBasedMetricSpec: { type: "EXACT_MATCH" } }],
    });
    const tuning = res("pulumi-nodejs:dynamic/vertex:TuningJob", "job", { baseModel: "gemini-2.5-flash" });
    const e = estimate([tuning, run]);
    const r = priced(e, "run");
    // each candidate: 1,000 x 1,500 = 1.5M x $0.30 = $0.45 + 0.3M x $2.50 = $0.75.
    // autorater: 1,000 x 2 candidates x 2 model-based metrics = 4,000 answers x 1,800 = 7.2M x $1.25 = $9; x 200 = 0.8M x $10 = $8
    expect(r.components.map((c) => [c.name, c.oneOffQuantity, c.unitPriceUsd])).toEqual([
      ["tuned answers input tokens", 1.5, 0.3],
      ["tuned answers output tokens", 0.3, 2.5],
      ["flash answers input tokens", 1.5, 0.3],
      ["flash answers output tokens", 0.3, 2.5],
      ["autorater (2 model-based metrics) input tokens", 7.2, 1.25],
      ["autorater (2 model-based metrics) output tokens", 0.8, 10],
    ]);
    expect(r.oneOffUsd).toBeCloseTo(2 * 1.2 + 17, 9);
    expect(r.notes).toEqual([
      "one-off: 1,000 prompts assumed (the dataset's size is not in the stack) x 1,500 input + 300 output tokens",
      "tuned: the tuned model, at its base model's (gemini-2.5-flash) token prices",
    ]);
    const alone = estimate([
      res("pulumi-nodejs:dynamic/vertex:EvaluationRun", "lonely", { inferenceConfigs: { ep: { model: "projects/p/locations/us-central1/endpoints/9" }, blank: {} }, metrics: [{ metric: "q" }] }),
      res("pulumi-nodejs:dynamic/vertex:EvaluationRun", "odd", { inferenceConfigs: "flash", autoraterModel: "gemini-2.5-pro", metrics: [{ metric: "q" }] }),
    ]);
    // no components: listed as free, its notes the reason
    expect(alone.free.find((f) => f.name === "lonely").reason).toBe(
      [
        "one-off: 1,000 prompts assumed (the dataset's size is not in the stack) x 1,500 input + 300 output tokens",
        "ep: a model on an endpoint the stack does not describe; no token charge counted",
        "blank: a model on an endpoint the stack does not describe; no token charge counted",
      ].join("; "),
    );
    // no candidates: the autorater still judges 1,000 answers of its 1 metric: 1.8M x $1.25 + 0.2M x $10 = $4.25
    expect(priced(alone, "odd").components.map((c) => c.name)).toEqual(["autorater (1 model-based metric) input tokens", "autorater (1 model-based metric) output tokens"]);
    expect(priced(alone, "odd").oneOffUsd).toBeCloseTo(4.25, 9);
  });
});

describe("Agent Engine, storage, keys and tools", () => {
  it("prices an Agent Engine's active hours at its limits, Agent Engine's 4 vCPU and 4 GiB by default", () => {
    const E = "gcp:vertex/aiReasoningEngine:AiReasoningEngine";
    const e = estimate([res(E, "default", {}), res(E, "small", { spec: { deploymentSpec: { resourceLimits: { cpu: "2", memory: "1Gi" } } }, region: "europe-west1" })]);
    const hours = REQS / 3600; // 84.49 h
    const d = priced(e, "default");
    // 4 x 84.49 = 337.96 vCPU-h x $0.0864 = $29.20; 4 x 84.49 = 337.96 GiB-h x $0.009 = $3.0417
    expect(d.components.map((c) => [c.name, c.kind])).toEqual([
      ["4 vCPU x 84.49 active h", "usage"],
      ["4 GiB x 84.49 active h", "usage"],
    ]);
    expect(d.monthlyUsd).toBeCloseTo(4 * hours * 0.0864 + 4 * hours * 0.009, 9);
    expect(d.notes).toEqual(["agent queries: one per request of the workload (304,166.67 a month)", "1 s per query assumed (the workload has no duration)"]);
    const s = priced(e, "small");
    expect(s.monthlyUsd).toBeCloseTo(2 * hours * 0.0864 + 1 * hours * 0.009, 9);
    expect(s.notes[2]).toBe("agent-engine-vcpu-hour priced at its us-central1 list price (the catalog quotes one region)");
  });

  it("prices multi-region buckets higher, regional ones at the regional rate, 0 GB said so", () => {
    const B = "gcp:storage/bucket:Bucket";
    const e = estimate([res(B, "us", { location: "US" }), res(B, "eu", { location: "EU" }), res(B, "regional", { location: "us-east1" }), res(B, "nam4", { location: "NAM4" })]);
    expect(priced(e, "us").components[0]).toMatchObject({ name: "Standard storage (volume not in the workload)", monthlyQuantity: 0, unitPriceUsd: 0.026 });
    expect(priced(e, "us").notes).toEqual(["what this bucket holds is not sized by the workload: 0 GB counted; to count it: the GB it holds (no aitracks:workload field states it), $0.026 per GB-month"]);
    expect(priced(e, "eu").notes).toEqual([
      "what this bucket holds is not sized by the workload: 0 GB counted; to count it: the GB it holds (no aitracks:workload field states it), $0.026 per GB-month",
      "gcs-standard-multi-region priced at its us list price (the catalog quotes one region)",
    ]);
    expect(priced(e, "nam4").components[0].unitPriceUsd).toBe(0.026);
    expect(priced(e, "regional").components[0].unitPriceUsd).toBe(0.02);
    expect(priced(e, "regional").notes).toEqual([
      "what this bucket holds is not sized by the workload: 0 GB counted; to count it: the GB it holds (no aitracks:workload field states it), $0.02 per GB-month",
      "gcs-standard priced at its us-central1 list price (the catalog quotes one region)",
    ]);
  });

  it("stores a fine-tune track's labelled set in its data bucket", () => {
    const ft = track("FineTune", "gcp", "t");
    const e = estimate([ft, child(ft, "gcp:storage/bucket:Bucket", "t-dataset", { location: "us-central1" })], { "aitracks:workload": { ...{ workload: { requestsPerDay: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 } }, fineTune: { labeledExamples: 250_000, tokensPerExample: 2_000 } } });
    const r = priced(e, "t-dataset");
    // 250,000 x 2,000 x 4 bytes = 2 GB x $0.02 = $0.04
    expect(r.components[0]).toMatchObject({ name: "Standard storage: labelled training set (250,000 examples)", monthlyQuantity: 2, monthlyUsd: 0.04 });
    expect(r.notes).toEqual(["2 GB at 4 bytes a token (aitracks:workload)"]);
  });

  it("refuses external keys; says what the flat tools assume", () => {
    const e = estimate([
      res("gcp:kms/cryptoKey:CryptoKey", "ext", { versionTemplate: { protectionLevel: "EXTERNAL" } }),
      res("gcp:kms/cryptoKey:CryptoKey", "sw", {}),
      res("gcp:vertex/aiTensorboard:AiTensorboard", "tb", {}),
      res("gcp:artifactregistry/repository:Repository", "images", {}),
    ]);
    expect(reasonOf(e, "ext")).toBe("versionTemplate.protectionLevel EXTERNAL: the compute catalog prices software keys only");
    expect(priced(e, "sw").components[0]).toMatchObject({ name: "active key version", monthlyQuantity: 1, monthlyUsd: 0.06 });
    expect(priced(e, "sw").notes).toEqual(["each rotation keeps an old version: about one more version a rotation period"]);
    expect(priced(e, "tb").components[0]).toMatchObject({ name: "experiment data (1 GB assumed)", monthlyQuantity: 1, monthlyUsd: 10 });
    expect(priced(e, "tb").notes).toEqual(["1 GB of logs assumed"]);
    expect(priced(e, "images").components[0]).toMatchObject({ name: "image storage (10 GB image assumed)", monthlyQuantity: 10 });
    expect(priced(e, "images").notes).toEqual(["one 10 GB image assumed"]);
  });
});

// Branches the mutation run (cost-gcp) found unjudged: the other side of each condition.
describe("GCP modules: the other side of each branch", () => {
  const WL = { "aitracks:workload": { workload: { requestsPerDay: 200_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 } } };

  it("Cloud SQL custom and n1 tiers with two-digit vCPU counts", () => {
    const SQL = "gcp:sql/databaseInstance:DatabaseInstance";
    const e = estimate([
      res(SQL, "big", { databaseVersion: "POSTGRES_15", settings: { tier: "db-custom-16-61440" } }),
      res(SQL, "n1", { databaseVersion: "POSTGRES_15", settings: { tier: "db-n1-standard-16" } }),
    ]);
    // 16 vCPU x 730 = 11,680 x $0.0413 = $482.384; 61,440 MB = 60 GB x 730 = 43,800 x $0.007 = $306.60
    expect(priced(e, "big").components.map((c) => [c.name, c.monthlyQuantity, c.monthlyUsd])).toEqual([
      ["db-custom-16-61440: 16 vCPU x 730 h", 11680, 482.384],
      ["db-custom-16-61440: 60 GB x 730 h", 43800, 306.6],
      ["10 GB PD_SSD", 10, 1.7],
    ]);
    // 16 x 3.75 = 60 GB: the same figures
    expect(priced(e, "n1").components.map((c) => [c.name, c.monthlyUsd])).toEqual([
      ["db-n1-standard-16: 16 vCPU x 730 h", 482.384],
      ["db-n1-standard-16: 60 GB x 730 h", 306.6],
      ["10 GB PD_SSD", 1.7],
    ]);
  });

  it("a deployed model with max above min is an autoscaled fleet up to max; max equal to min is min always on", () => {
    const e = estimate(
      [
        res("pulumi-nodejs:dynamic/vertex:DeployedModel", "scaled", { machineType: "g2-standard-4", minReplicaCount: 1, maxReplicaCount: 3 }),
        res("pulumi-nodejs:dynamic/vertex:DeployedModel", "equal", { machineType: "g2-standard-4", minReplicaCount: 2, maxReplicaCount: 2 }),
      ],
      WL,
    );
    const s = priced(e, "scaled");
    expect(s.components[0].name).toMatch(/^replicas: g2-standard-4 min 1 \/ expected [\d.]+ \/ ceiling 3$/);
    expect(s.ceilingMonthlyUsd).toBeCloseTo(3 * 730 * 0.8129, 9); // $1,780.251
    expect(s.minMonthlyUsd).toBeCloseTo(730 * 0.8129, 9); // $593.417
    // max = min: the machine line, no fleet: 2 x 730 x $0.8129 = $1,186.834 at min, expected and ceiling
    const q = priced(e, "equal");
    expect(q.components[0].name).toBe("g2-standard-4 x 2");
    expect([q.minMonthlyUsd, q.monthlyUsd, q.ceilingMonthlyUsd].map((x) => Math.round(x * 1000) / 1000)).toEqual([1186.834, 1186.834, 1186.834]);
  });

  it("a Model Garden deployment without a maximum keeps its minimum always on, and on-demand VMs get no spot note", () => {
    const e = estimate(
      [
        res("gcp:vertex/aiEndpointWithModelGardenDeployment:AiEndpointWithModelGardenDeployment", "mg", {
          location: "us-central1",
          deployConfig: { dedicatedResources: { machineSpec: { machineType: "g2-standard-12" }, minReplicaCount: 2 } },
        }),
      ],
      WL,
    );
    const r = priced(e, "mg");
    // 2 x 730 x $1.1591 = $1,692.286
    expect(r.components[0].name).toBe("g2-standard-12 x 2");
    expect(r.monthlyUsd).toBeCloseTo(1692.286, 9);
    expect(r.ceilingMonthlyUsd).toBeCloseTo(1692.286, 9);
    expect(r.notes.filter((n) => /spot/.test(n))).toEqual([]);
  });

  it("a TPU VM or queued node with both acceleratorType and acceleratorConfig is priced by its type", () => {
    const e = estimate([
      res("gcp:tpu/v2Vm:V2Vm", "typed", { zone: "us-central1-a", acceleratorType: "v5litepod-8" }),
      res("gcp:tpu/v2Vm:V2Vm", "both", { zone: "us-central1-a", acceleratorType: "v5litepod-8", acceleratorConfig: { type: "V6E", topology: "4x4" } }),
      res("gcp:tpu/v2QueuedResource:V2QueuedResource", "queued", { tpu: { nodeSpecs: [{ node: { acceleratorType: "v5litepod-8", acceleratorConfig: { type: "V6E", topology: "4x4" } } }] } }),
    ]);
    const typed = priced(e, "typed");
    expect(typed.components[0].name).toMatch(/: 8 chips x 730 h$/);
    expect(priced(e, "both").components.map((c) => [c.name, c.monthlyUsd])).toEqual(typed.components.map((c) => [c.name, c.monthlyUsd]));
    expect(priced(e, "queued").monthlyUsd).toBeCloseTo(typed.monthlyUsd, 9);
  });

  it("an evaluation candidate with no model is the stack's tuned model; model-based metrics alone call the autorater", () => {
    const tuning = res("pulumi-nodejs:dynamic/vertex:TuningJob", "job", { baseModel: "gemini-2.5-flash" });
    const e = estimate(
      [
        tuning,
        res("pulumi-nodejs:dynamic/vertex:EvaluationRun", "run", {
          autoraterModel: "gemini-2.5-pro",
          inferenceConfigs: { blank: {} },
          metrics: [{ metric: "exact", computationBasedMetricSpec: { type: "EXACT_MATCH" } }],
        }),
      ],
      { "aitracks:workload": { workload: { requestsPerDay: 10_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 } } },
    );
    const r = priced(e, "run");
    // 1,000 prompts x 1,500 = 1.5M x $0.30 + 0.3M x $2.50 = $1.20; no model-based metric: no autorater lines
    expect(r.components.map((c) => c.name)).toEqual(["blank answers input tokens", "blank answers output tokens"]);
    expect(r.oneOffUsd).toBeCloseTo(1.2, 9);
    expect(r.notes).toContain("blank: the tuned model, at its base model's (gemini-2.5-flash) token prices");
  });
});

// A value not known until deploy makes a resource unpriced with a reason that names the field, in
// the path the user wrote: each module's field names, checked one by one.
describe("GCP modules name the field that is not known until deploy", () => {
  const U = "[unknown]";
  const SQL = "gcp:sql/databaseInstance:DatabaseInstance";
  const MG = "gcp:vertex/aiEndpointWithModelGardenDeployment:AiEndpointWithModelGardenDeployment";
  const POOL = "gcp:vertex/aiDeploymentResourcePool:AiDeploymentResourcePool";
  const DM = "pulumi-nodejs:dynamic/vertex:DeployedModel";
  const cases: [string, Record<string, unknown>, string][] = [
    ["gcp:cloudfunctions/function:Function", { availableMemoryMb: U }, "availableMemoryMb"],
    ["gcp:cloudfunctions/function:Function", { minInstances: U }, "minInstances"],
    ["gcp:cloudrunv2/service:Service", { template: { containers: [{}, { resources: { limits: { cpu: U } } }] } }, "template.containers[1].resources.limits.cpu"],
    ["gcp:cloudrunv2/service:Service", { template: { scaling: { minInstanceCount: U } } }, "template.scaling.minInstanceCount"],
    ["gcp:cloudrunv2/service:Service", { scaling: { minInstanceCount: U } }, "scaling.minInstanceCount"],
    ["gcp:cloudrun/service:Service", { template: { metadata: { annotations: { "autoscaling.knative.dev/minScale": U } } } }, "template.metadata.annotations[autoscaling.knative.dev/minScale]"],
    [SQL, { databaseVersion: U, settings: { tier: "db-f1-micro" } }, "databaseVersion"],
    [SQL, { databaseVersion: "POSTGRES_15", settings: { tier: "db-f1-micro", edition: U } }, "settings.edition"],
    [SQL, { databaseVersion: "POSTGRES_15", settings: { tier: U } }, "settings.tier"],
    [SQL, { databaseVersion: "POSTGRES_15", settings: { tier: "db-f1-micro", diskSize: U } }, "settings.diskSize"],
    [SQL, { databaseVersion: "POSTGRES_15", settings: { tier: "db-f1-micro", diskType: U } }, "settings.diskType"],
    [DM, { machineType: "g2-standard-4", minReplicaCount: U }, "minReplicaCount"],
    [DM, { machineType: "g2-standard-4", maxReplicaCount: U }, "maxReplicaCount"],
    [DM, { machineType: U }, "machineType"],
    [POOL, { dedicatedResources: { machineSpec: { machineType: "g2-standard-4" }, minReplicaCount: U } }, "dedicatedResources.minReplicaCount"],
    [POOL, { dedicatedResources: { machineSpec: { machineType: "g2-standard-4" }, maxReplicaCount: U } }, "dedicatedResources.maxReplicaCount"],
    [POOL, { dedicatedResources: { machineSpec: { machineType: U } } }, "dedicatedResources.machineSpec.machineType"],
    [MG, { deployConfig: { dedicatedResources: { machineSpec: { machineType: "g2-standard-4" }, minReplicaCount: U } } }, "deployConfig.dedicatedResources.minReplicaCount"],
    [MG, { deployConfig: { dedicatedResources: { machineSpec: { machineType: "g2-standard-4" }, maxReplicaCount: U } } }, "deployConfig.dedicatedResources.maxReplicaCount"],
    [MG, { deployConfig: { dedicatedResources: { machineSpec: { machineType: U } } } }, "deployConfig.dedicatedResources.machineSpec.machineType"],
    ["gcp:vertex/aiPersistentResource:AiPersistentResource", { resourcePools: [{ machineSpec: { machineType: "g2-standard-4" }, replicaCount: U }] }, "resourcePools[0].replicaCount"],
    ["gcp:vertex/aiPersistentResource:AiPersistentResource", { resourcePools: [{ machineSpec: { machineType: "g2-standard-4" }, autoscalingSpec: { maxReplicaCount: U } }] }, "resourcePools[0].autoscalingSpec.maxReplicaCount"],
    ["gcp:vertex/aiPersistentResource:AiPersistentResource", { resourcePools: [{ machineSpec: { machineType: U } }] }, "resourcePools[0].machineSpec.machineType"],
    ["gcp:vertex/aiReasoningEngine:AiReasoningEngine", { spec: { deploymentSpec: { resourceLimits: { cpu: U } } } }, "spec.deploymentSpec.resourceLimits.cpu"],
    ["gcp:vertex/aiReasoningEngine:AiReasoningEngine", { spec: { deploymentSpec: { resourceLimits: { memory: U } } } }, "spec.deploymentSpec.resourceLimits.memory"],
    ["gcp:tpu/v2Vm:V2Vm", { acceleratorConfig: { type: U, topology: "2x2" } }, "acceleratorConfig.type"],
  ];
  it.each(cases)("%s %j: unpriced, naming %s", (type, inputs, field) => {
    const e = estimate([res(type, "r", inputs)]);
    expect(reasonOf(e, "r")).toBe(`${field} is not known until deploy`);
  });

  it("an unknown machine type is named by its field in the catalog lookup too (a deployed model's own machineType, not \".machineType\")", () => {
    // The catalog lookup names the field of a SKU it does not have.
    const e = estimate([
      res("gcp:tpu/v2Vm:V2Vm", "vm", { acceleratorType: "v4-8x" }),
      res(DM, "dm", { machineType: "g9-mega-1" }),
    ]);
    expect(reasonOf(e, "vm")).toMatch(/^acceleratorType "v4-8x"/);
    expect(reasonOf(e, "dm")).toMatch(/^machineType "g9-mega-1" has no price in the compute catalog/);
  });
});

describe("a Vertex AI tuning job serves its track's traffic", () => {
  it("is the track's primary model ahead of the Model Garden models registered before it; without it the first model serves", () => {
    const WLC = { "aitracks:workload": { workload: { requestsPerDay: 10_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 } } };
    const buy = { ...track("Buy", "gcp", "ft"), inputs: { track: "buy", cloud: "gcp", region: "us-central1", models: ["gemini-2.5-flash"] } };
    const job = child(buy, "pulumi-nodejs:dynamic/vertex:TuningJob", "job", { baseModel: "gemini-2.5-flash" });
    const withJob = estimate([buy, job], WLC);
    expect(withJob.assumptions).toContain("buy:gcp:ft: job is the primary model; 1 fallback priced at no traffic");
    // The tuned model carries the workload: 456.25M input tokens x $0.30 = $136.875 a month; the buy track none.
    expect(priced(withJob, "job").components.find((c) => c.name === "tuned gemini-2.5-flash input tokens").monthlyUsd).toBeCloseTo(136.875, 6);
    expect(priced(withJob, "ft").monthlyUsd).toBe(0);
    const alone = estimate([buy], WLC);
    expect(alone.assumptions.filter((a) => /primary model/.test(a))).toEqual([]);
    expect(priced(alone, "ft").monthlyUsd).toBeCloseTo(136.875 + 228.125, 6);
  });
});
