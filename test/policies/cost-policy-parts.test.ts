// @ts-nocheck
// The parts of the cost policies (policies/cost/): instance families and the accelerator allow-list,
// how a policy resource becomes the cost model's resource (region, custom flag, parent,
// dependencies), the one estimate per evaluation, and the budget messages. Exact values, each
// alternative on both sides. Run `npx tsc -b` first (reads policies/bin).
import { createRequire } from "node:module";
import * as pulumi from "@pulumi/pulumi";
import { Guardrail } from "@pulumi/aws/bedrock";
import { Key } from "@pulumi/aws/kms";
import { afterEach, describe, expect, it } from "vitest";
import { check, notesOf, violationsOf } from "./helpers";

const req = createRequire(import.meta.url);
const { instanceFamily, catalogAcceleratorFamilies, acceleratorAllowList } = req("../../policies/bin/cost/accelerators.js");
const { plainProps, costResource, costConfig, costView, costViewOr, unknownUntilDeploy } = req("../../policies/bin/cost/context.js");
const { setStackConfig } = req("../../policies/bin/lib/stack-config.js");

afterEach(() => setStackConfig(undefined));

describe("instanceFamily", () => {
  it.each([
    ["ml.g5.2xlarge", "ml.g5"],
    ["ml.trn1.32xlarge", "ml.trn1"],
    ["v5litepod-16", "tpu-v5e"],
    ["v5lite-4", "tpu-v5e"],
    ["v5e-8", "tpu-v5e"],
    ["V5E-8", "tpu-v5e"],
    ["v4-32", "tpu-v4"],
    ["v5p-128", "tpu-v5p"],
    ["v6e-8", "tpu-v6e"],
    ["v10-8", "tpu-v10"],
    ["Standard_ND96isr_H100_v5", "Standard_NDisr_H100_v5"],
    ["Standard_NC24ads_A100_v4", "Standard_NCads_A100_v4"],
    ["Standard_NV12s_v3", "Standard_NVs_v3"],
    ["Standard_NC6", "Standard_NC"],
    ["a2-highgpu-8g", "a2-highgpu"],
    ["g2-standard-24", "g2-standard"],
    ["a12-megagpu-8", "a12-megagpu"],
  ])("%s is of family %s", (sku, family) => {
    expect(instanceFamily(sku)).toBe(family);
  });

  it.each(["xml.g5.2xlarge", "ml.g5", "xv4-8", "v4-32x", "v4-", "xStandard_NC6", "Standard_NC6-x", "Standard_nc6", "xa2-highgpu-8g", "a2-highgpu-8gx", "a2-highgpu-", "custom-sku"])(
    "%s is its own family (no pattern matches it whole)",
    (sku) => {
      expect(instanceFamily(sku)).toBe(sku);
    },
  );

  it("the default allow-list: every catalog accelerator family once, sorted, and no CPU family", () => {
    const list = catalogAcceleratorFamilies();
    expect(list).toEqual([...new Set(list)].sort());
    expect(list).toEqual(expect.arrayContaining(["ml.g5", "ml.p4d", "a2-highgpu", "g2-standard", "tpu-v5e"]));
    expect(list).not.toContain("ml.m5");
    expect(list).not.toContain("n2-standard");
  });
});

describe("cost-accelerator-families on one resource", () => {
  const ENDPOINT = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
  /** [reports, not-applicable reason] of the policy on a SageMaker endpoint configuration of these instance types. */
  function judge(instanceTypes: string[], allowedFamilies?: string[], type = ENDPOINT) {
    const reports: string[] = [];
    let skipped: string | undefined;
    acceleratorAllowList.validateResource(
      {
        type,
        urn: `urn:pulumi:dev::app::${type}::ep`,
        name: "ep",
        props: { productionVariants: instanceTypes.map((instanceType, i) => ({ variantName: `v${i}`, instanceType, initialInstanceCount: 1 })) },
        getConfig: () => (allowedFamilies ? { allowedFamilies } : {}),
        notApplicable: (reason: string) => {
          skipped = reason;
        },
      },
      (m: string) => reports.push(m),
    );
    return [reports, skipped];
  }
  const notAllowed = (sku: string, family: string, list: string) => `${sku} (family ${family}) is not an allowed accelerator family (allowed: ${list})`;

  it("a family by name or by a prefix ending in *", () => {
    expect(judge(["ml.g5.2xlarge"], ["ml.g5"])).toEqual([[], undefined]);
    expect(judge(["ml.g5.2xlarge"], ["ml.g*"])).toEqual([[], undefined]);
    expect(judge(["ml.g5.2xlarge"], ["*"])).toEqual([[], undefined]);
    expect(judge(["ml.g5.2xlarge"], ["ml.g"])).toEqual([[notAllowed("ml.g5.2xlarge", "ml.g5", "ml.g")], undefined]);
    expect(judge(["ml.g5.2xlarge"], ["ml.p*", "g5*"])).toEqual([[notAllowed("ml.g5.2xlarge", "ml.g5", "ml.p*, g5*")], undefined]);
    expect(judge(["ml.g5.2xlarge"], ["*ml.g5"])).toEqual([[notAllowed("ml.g5.2xlarge", "ml.g5", "*ml.g5")], undefined]);
  });

  it("each accelerator instance is judged; CPU instances are not", () => {
    expect(judge(["ml.m5.xlarge", "ml.g5.2xlarge", "ml.inf2.xlarge"], ["ml.inf2"])).toEqual([[notAllowed("ml.g5.2xlarge", "ml.g5", "ml.inf2")], undefined]);
    expect(judge(["ml.m5.xlarge"], ["ml.inf2"])).toEqual([[], "runs no accelerator instances"]);
  });

  it("an instance type the catalog does not know counts when it looks like an accelerator", () => {
    const [reports] = judge(["ml.p9.48xlarge"]);
    expect(reports).toEqual([notAllowed("ml.p9.48xlarge", "ml.p9", catalogAcceleratorFamilies().join(", "))]);
    expect(judge(["ml.m9.xlarge"])).toEqual([[], "runs no accelerator instances"]);
    expect(judge(["ml.px.xlarge"])).toEqual([[], "runs no accelerator instances"]);
  });

  it("the catalog's families pass by default; a resource that runs no instances is not judged", () => {
    expect(judge(["ml.g5.2xlarge", "ml.p4d.24xlarge"])).toEqual([[], undefined]);
    expect(judge([], undefined, "aws:s3/bucket:Bucket")).toEqual([[], "not a resource that runs instances"]);
  });
});

describe("a policy resource as the cost model reads it", () => {
  const base = { urn: "urn:pulumi:dev::app::aws:s3/bucket:Bucket::data", type: "aws:s3/bucket:Bucket", name: "data", props: { bucket: "b" }, dependencies: [], propertyDependencies: {} };

  it("plainProps: an object as it is, anything else as nothing", () => {
    expect(plainProps({ a: 1 })).toEqual({ a: 1 });
    expect(plainProps(null)).toEqual({});
    expect(plainProps("a")).toEqual({});
    expect(plainProps(undefined)).toEqual({});
  });

  it("inputs, dependencies by URN, its parent's URN, its provider's region", () => {
    const r = {
      ...base,
      provider: { props: { region: "eu-west-1" } },
      parent: { urn: "urn:parent" },
      dependencies: [{ urn: "urn:a" }, { urn: "urn:b" }],
      propertyDependencies: { bucket: [{ urn: "urn:c" }], tags: [] },
    };
    expect(costResource(r)).toEqual({
      urn: base.urn,
      type: base.type,
      name: "data",
      custom: true,
      parent: "urn:parent",
      inputs: { bucket: "b" },
      dependencies: ["urn:a", "urn:b"],
      propertyDependencies: { bucket: ["urn:c"], tags: [] },
      region: "eu-west-1",
    });
  });

  it("the provider's region, else its location; not an id, not a non-string; none without a provider", () => {
    const region = (provider) => costResource({ ...base, provider }).region;
    expect(region({ props: { location: "westeurope" } })).toBe("westeurope");
    expect(region({ props: { region: "us-east-1", location: "westeurope" } })).toBe("us-east-1");
    expect(region({ props: { location: "0f8fad5b-d9cb-469f-a165-70867728950e" } })).toBeUndefined();
    expect(region({ props: { location: "0f8fad5b-d9cb-469f-a165-70867728950e-west" } })).toBe("0f8fad5b-d9cb-469f-a165-70867728950e-west");
    expect(region({ props: { location: "west-0f8fad5b-d9cb-469f-a165-70867728950e" } })).toBe("west-0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(region({ props: { location: "abc" } })).toBe("abc");
    expect(region({ props: { region: 5 } })).toBeUndefined();
    expect(region(undefined)).toBeUndefined();
    expect("region" in costResource({ ...base, provider: undefined })).toBe(false);
  });

  it("custom: a cloud package's type or one with a provider; never the stack or an aitracks component", () => {
    const custom = (type: string, provider?: object) => costResource({ ...base, type, provider }).custom;
    expect(custom("aws:s3/bucket:Bucket")).toBe(true);
    expect(custom("pulumi-nodejs:dynamic:Resource")).toBe(true);
    expect(custom("mycorp:index:Thing")).toBe(false);
    expect(custom("mycorp:index:Thing", { props: {} })).toBe(true);
    expect(custom("xaws:s3/bucket:Bucket")).toBe(false);
    expect(custom("pulumi:pulumi:Stack", { props: {} })).toBe(false);
    expect(custom("aitracks:aws:BuyTrack", { props: {} })).toBe(false);
    expect(custom("aitracks:aws:BuyTrack")).toBe(false);
  });

  it("the parent: the parent resource's URN, else the one in its options, else none", () => {
    expect(costResource({ ...base, opts: { parent: "urn:from-opts" } }).parent).toBe("urn:from-opts");
    expect(costResource({ ...base, parent: { urn: "urn:p" }, opts: { parent: "urn:from-opts" } }).parent).toBe("urn:p");
    expect(costResource({ ...base }).parent).toBeNull();
  });

  it("costConfig: the stack config's values, or nothing", () => {
    expect(costConfig()).toEqual({});
    setStackConfig({ values: { "aws:region": "us-east-1" }, secretKeys: [] });
    expect(costConfig()).toEqual({ "aws:region": "us-east-1" });
  });

  it("unknownUntilDeploy: the unpriced resources whose reason is a value known only at deploy", () => {
    const e = { unpriced: [{ name: "a", reason: "instanceType is not known until deploy" }, { name: "b", reason: "no cost module" }] };
    expect(unknownUntilDeploy(e)).toEqual(["a: instanceType is not known until deploy"]);
  });
});

describe("one estimate per set of resources and config", () => {
  const KEY = { urn: "urn:pulumi:dev::app::aws:kms/key:Key::key", type: "aws:kms/key:Key", name: "key", props: {}, dependencies: [], propertyDependencies: {} };
  const KEY2 = { ...KEY, urn: `${KEY.urn}2`, name: "key2" };

  it("the same resources and config: the same view; another resource, list or config: a new one", () => {
    const one = costView({ resources: [KEY] });
    expect(one.estimate.monthlyUsd).toBe(1); // a KMS key: $1 a month
    expect(costView({ resources: [KEY] })).toBe(one);
    const two = costView({ resources: [KEY, KEY2] });
    expect(two.estimate.monthlyUsd).toBe(2);
    expect(costView({ resources: [KEY2] })).not.toBe(two);
    expect(costView({ resources: [KEY2] }).estimate.resources.map((r) => r.name)).toEqual(["key2"]);
    // As many resources as the last list, not the same ones.
    const before = costView({ resources: [KEY] });
    expect(before.estimate.resources.map((r) => r.name)).toEqual(["key"]);
    setStackConfig({ values: { "aws:region": "eu-west-1" }, secretKeys: [] });
    const after = costView({ resources: [KEY] });
    expect(after).not.toBe(before);
    expect(after.graph.config).toEqual({ "aws:region": "eu-west-1" });
  });

  it("the analyzer's rebuild of the same request (new objects, the same properties object): the same view", () => {
    // @pulumi/policy rebuilds every resource for every stack policy from one AnalyzeStack request,
    // around the properties the engine shim deserialized once per request.
    const props = { description: "k" };
    const rebuild = (over: object = {}) => ({ ...KEY, props, dependencies: [{ urn: "urn:dep" }], ...over });
    const one = costView({ resources: [rebuild()] });
    expect(costView({ resources: [rebuild()] })).toBe(one);
    // Anything the estimate reads that differs is another graph: a new estimate.
    expect(costView({ resources: [rebuild({ props: { description: "k" } })] })).not.toBe(one);
    const again = costView({ resources: [rebuild()] });
    expect(costView({ resources: [rebuild({ provider: { props: { region: "eu-west-1" } } })] })).not.toBe(again);
    const third = costView({ resources: [rebuild()] });
    expect(costView({ resources: [rebuild({ dependencies: [{ urn: "urn:other" }] })] })).not.toBe(third);
    const fourth = costView({ resources: [rebuild()] });
    expect(costView({ resources: [rebuild({ propertyDependencies: { description: [{ urn: "urn:dep" }] } })] })).not.toBe(fourth);
    const fifth = costView({ resources: [rebuild()] });
    expect(costView({ resources: [rebuild({ parent: { urn: "urn:parent" } })] })).not.toBe(fifth);
  });

  it("a config the cost model cannot read is reported; any other error is not swallowed", () => {
    setStackConfig({ values: { "aitracks:workload": JSON.stringify({ workload: { requestsPerDay: "lots" } }) }, secretKeys: [] });
    const reports: string[] = [];
    expect(costViewOr({ resources: [KEY] }, (m: string) => reports.push(m))).toBeUndefined();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^cannot estimate the stack's cost: .*requestsPerDay/);
    expect(reports[0]).not.toContain("\n");
    setStackConfig(undefined);
    const broken = { ...KEY, urn: `${KEY.urn}3`, get props(): never { throw new TypeError("boom"); } };
    expect(() => costViewOr({ resources: [broken] }, () => undefined)).toThrow("boom");
  });
});

/** A Bedrock guardrail with content filters on both sides: $10.95 a month at the workload below. */
const guard = () =>
  new Guardrail("guard", {
    blockedInputMessaging: "no",
    blockedOutputsMessaging: "no",
    contentPolicyConfig: { filtersConfigs: [{ type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH" }] },
  });

describe("the budget messages", () => {
  // Three KMS keys ($1 a month each) and a guardrail with content filters on both sides (as in
  // test/cost/policies.test.ts): 1,200 requests a day x 365/12 = 36,500 a month, 1 text unit in and
  // 1 out each, at $0.15 per thousand units: $5.475 a side, $10.95 for the guardrail; $13.95 in all.
  const program = (extra: () => void = () => undefined) => () => {
    for (const k of ["key-a", "key-b", "key-c"]) new Key(k, {});
    guard();
    extra();
  };
  const config = (maxMonthlyUsd: number, monthlyGrowth = 0) => ({
    "aws:region": "us-east-1",
    "aitracks:workload": { workload: { requestsPerDay: 1_200, inputTokensPerRequest: 250, outputTokensPerRequest: 250, monthlyGrowth } },
    "aitracks:budget": { maxMonthlyUsd },
  });
  const stranger = (name: string) => () => new pulumi.CustomResource("aws:lightsail/instance:Instance", name, { bundleId: "nano_3_0" });
  const UNITS = "(1 a request x 36,500 requests)";
  const LARGEST = `guard $10.95 (78%: content filters: input text units ${UNITS}, content filters: output text units ${UNITS}); key-a $1.00 (7%: customer-managed key); key-b $1.00 (7%: customer-managed key)`;

  it("the three largest priced resources and how many were not counted, one or more", async () => {
    // $13.95 against $10.00: over by $3.95, 39% (13.95 - 10 is 3.9499... in floating point, rounded down).
    const one = await check(program(stranger("box")), { config: config(10) });
    expect(violationsOf(one.report, "cost-monthly-budget").map((v) => v.message)).toEqual([
      `estimated $13.95 a month exceeds the budget of $10.00 (aitracks:budget.maxMonthlyUsd) by $3.95 (39%); the largest: ${LARGEST}; 1 unpriced resource not counted`,
    ]);
    const two = await check(program(() => (stranger("box")(), stranger("box-2")())), { config: config(10) });
    expect(violationsOf(two.report, "cost-monthly-budget").map((v) => v.message)).toEqual([
      `estimated $13.95 a month exceeds the budget of $10.00 (aitracks:budget.maxMonthlyUsd) by $3.95 (39%); the largest: ${LARGEST}; 2 unpriced resources not counted`,
    ]);
    const none = await check(program(), { config: config(10) });
    expect(violationsOf(none.report, "cost-monthly-budget").map((v) => v.message)).toEqual([
      `estimated $13.95 a month exceeds the budget of $10.00 (aitracks:budget.maxMonthlyUsd) by $3.95 (39%); the largest: ${LARGEST}`,
    ]);
  });

  it("a budget the estimate meets exactly is kept", async () => {
    const { report } = await check(program(), { config: config(13.95) });
    expect(violationsOf(report, "cost-monthly-budget")).toEqual([]);
    expect(notesOf(report, "cost-monthly-budget")).toEqual([]);
  });

  it("a crossing names the growth that causes it", async () => {
    // Month m = $3 + $10.95 x 1.05^(m-1); $20: month 10 = $3 + $10.95 x 1.551328 = $19.99, month 11 = $3 + $10.95 x 1.628895 = $20.84.
    const { report } = await check(program(), { config: config(20, 0.05) });
    expect(violationsOf(report, "cost-budget-crossing").map((v) => v.message)).toEqual([
      "within the budget of $20.00 (aitracks:budget.maxMonthlyUsd) in month 1 ($13.95), but crosses it in month 11 of 36: $20.84, over by $0.84 (4%); usage items grow 5.0% a month (aitracks:workload.workload.monthlyGrowth); the largest in month 1: " +
        LARGEST,
    ]);
  });
});

describe("the per-resource cap, the unpriced list and the track-fits-volume verdict", () => {
  const config = { "aws:region": "us-east-1", "aitracks:workload": { workload: { requestsPerDay: 1_200, inputTokensPerRequest: 250, outputTokensPerRequest: 250 } } };
  const cap = (maxMonthlyUsdPerResource: number) => ({ "cost-resource-cap": { maxMonthlyUsdPerResource } });

  it("a resource at the cap is kept, one cent over is reported with its components", async () => {
    // The guardrail: $10.95 a month (see above).
    const at = await check(guard, { config, policyConfig: cap(10.95) });
    expect(violationsOf(at.report, "cost-resource-cap")).toEqual([]);
    const over = await check(guard, { config, policyConfig: cap(10.94) });
    expect(violationsOf(over.report, "cost-resource-cap").map((v) => v.message)).toEqual([
      "guard is estimated at $10.95 a month, above the cap of $10.94 (content filters: input text units (1 a request x 36,500 requests), content filters: output text units (1 a request x 36,500 requests))",
    ]);
  });

  it("nothing priced: the cap has nothing to judge; each unpriced resource is named with its type and reason", async () => {
    const { graph, report } = await check(() => new pulumi.CustomResource("aws:lightsail/instance:Instance", "box", { bundleId: "nano_3_0" }), { config });
    expect(notesOf(report, "cost-resource-cap").map((n) => n.reason)).toEqual(["no priced resources"]);
    const unpriced = violationsOf(report, "cost-unpriced-resources");
    expect(unpriced.map((v) => v.urn)).toEqual([graph.resources.find((r) => r.name === "box")!.urn]);
    expect(unpriced[0]!.message).toMatch(/^box \(aws:lightsail\/instance:Instance\) is not in the estimate: \S/);
  });

  it("track-fits-volume says why it does not apply", async () => {
    const { report } = await check(guard, { config });
    expect(violationsOf(report, "cost-track-fits-volume")).toEqual([]);
    // No track serves requests here (a guardrail alone): the TCO comparison has no workload to price.
    expect(notesOf(report, "cost-track-fits-volume").map((n) => n.reason)).toEqual(["an evaluation-only stack serves no workload"]);
  });
});
