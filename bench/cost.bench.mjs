// @ts-nocheck
// Cost estimate of a synthetic resource graph, after the preview (the graph is built in memory):
// the first estimate in a fresh process (loads the price catalog, token prices and the TCO model)
// and the median of repeated estimates, for 1,000 and 10,000 resources. Target: under 50 ms for
// 1,000 resources. Run: npm run bench -- cost   (or node bench/cost.bench.mjs after npx tsc -b)
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const t0 = performance.now();
const core = require("../packages/core/dist/index.js");
const loadMs = performance.now() - t0;

/** n resources in tracks of 10, mixing priced, usage-priced, free and unknown types. */
function graph(n) {
  const resources = [];
  const kinds = [
    (i, p) => ["aws:sagemaker/endpointConfiguration:EndpointConfiguration", { productionVariants: [{ variantName: "main", instanceType: "ml.g5.2xlarge", initialInstanceCount: 1 + (i % 3) }] }],
    (i, p) => ["aws:bedrock/inferenceProfile:InferenceProfile", { modelSource: { copyFrom: `arn:aws:bedrock:us-east-1::foundation-model/${i % 2 ? "amazon.nova-lite-v1:0" : "anthropic.claude-sonnet-4-20250514-v1:0"}` } }],
    (i, p) => ["aws:s3/bucket:Bucket", {}],
    (i, p) => ["aws:cloudwatch/logGroup:LogGroup", { name: `/logs/${p}` }],
    (i, p) => ["aws:sagemaker/trainingJob:TrainingJob", { resourceConfig: { instanceType: "ml.p4d.24xlarge", instanceCount: 2 }, stoppingCondition: { maxRuntimeInSeconds: 36000 } }],
    (i, p) => ["gcp:tpu/v2Vm:V2Vm", { zone: "us-central1-a", acceleratorType: "v5litepod-8" }],
    (i, p) => ["azure-native:cognitiveservices:Deployment", { deploymentName: `d${i}`, sku: { name: i % 2 ? "GlobalStandard" : "ProvisionedManaged", capacity: 50 }, properties: { model: { name: "gpt-4o" } } }],
    (i, p) => ["aws:iam/role:Role", {}],
    (i, p) => ["aws:kms/key:Key", {}],
    (i, p) => ["example:unknown/thing:Thing", {}],
  ];
  let parent;
  for (let i = 0; i < n; i++) {
    if (i % 10 === 0) {
      parent = { urn: `urn:pulumi:bench::p::aitracks:aws:BuyTrack::t${i / 10}`, type: "aitracks:aws:BuyTrack", name: `t${i / 10}`, custom: false, parent: null, inputs: {} };
      resources.push(parent);
    }
    const [type, inputs] = kinds[i % kinds.length](i, parent.name);
    resources.push({ urn: `urn:pulumi:bench::p::aitracks:aws:BuyTrack$${type}::r${i}`, type, name: `r${i}`, custom: true, parent: parent.urn, inputs, dependencies: [] });
  }
  const config = { "aitracks:workload": { workload: { requestsPerDay: 10000, inputTokensPerRequest: 1500, outputTokensPerRequest: 300, monthlyGrowth: 0.02 } }, "aitracks:budget": { maxMonthlyUsd: 1e9 } };
  return { project: "p", stack: "bench", config, resources };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const g1k = graph(1000);
let t = performance.now();
const first = core.estimateCost(g1k);
const firstMs = performance.now() - t;
console.log(`load @aitracks/core: ${loadMs.toFixed(0)} ms`);
console.log(`1,000 resources, first estimate in a fresh process: ${firstMs.toFixed(1)} ms (${first.resources.length} priced, ${first.free.length} free, ${first.unpriced.length} unpriced, $${first.monthlyUsd.toFixed(2)} a month)`);
for (const n of [1000, 10000]) {
  const g = n === 1000 ? g1k : graph(n);
  core.estimateCost(g); // warm
  const runs = [];
  for (let i = 0; i < (n === 1000 ? 30 : 5); i++) {
    t = performance.now();
    core.estimateCost(g);
    runs.push(performance.now() - t);
  }
  console.log(`${n.toLocaleString("en-US")} resources, estimate (median of ${runs.length}): ${median(runs).toFixed(1)} ms`);
}
t = performance.now();
core.estimateJson(first);
console.log(`estimateJson of 1,000 resources: ${(performance.now() - t).toFixed(1)} ms`);
