// @ts-nocheck
// SageMaker Clarify on the AWS evaluation track: aws-native model-quality, bias and explainability
// job definitions on the monitored endpoint, each run by an `aws` MonitoringSchedule, and the
// `clarify` settings of the track (component args and stack config).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { Provider as NativeProvider } from "@pulumi/aws-native/provider";
import { AwsEvaluationTrack, nativeTags, type AwsClarifyArgs, type AwsEvaluationTrackArgs } from "@aitracks/components";
import { previewInline, previewProgram, type GraphResource, type ResourceGraph } from "@aitracks/preview";
import { REQUIRED_TAG_KEYS, estimateCost, standardTags } from "@aitracks/core";
import { ROOT } from "../helpers/cli";
import { jsonInput, ofType, one } from "../helpers/graph";

const QUALITY = "aws-native:sagemaker:ModelQualityJobDefinition";
const BIAS = "aws-native:sagemaker:ModelBiasJobDefinition";
const EXPLAIN = "aws-native:sagemaker:ModelExplainabilityJobDefinition";
const SCHEDULE = "aws:sagemaker/monitoringSchedule:MonitoringSchedule";
const DATA_QUALITY = "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition";
const OBJECT = "aws:s3/bucketObjectv2:BucketObjectv2";

const tags = standardTags({ track: "evaluation", owner: "support-ml", costCenter: "cc-2210", reviewDate: "2027-05-01" });
const clarify: AwsClarifyArgs = {
  problemType: "BinaryClassification",
  groundTruthS3Uri: "s3://acme-capture/support-llm/ground-truth/",
  label: "escalated",
  headers: ["escalated", "customer_tier", "region", "ticket_length"],
  facets: [{ name: "region", values: ["apac"] }, { name: "ticket_length", threshold: 2000 }],
  probabilityAttribute: "0",
  probabilityThreshold: 0.6,
  startTimeOffset: "-P2D",
  endTimeOffset: "-P1D",
  shapBaseline: "s3://acme-eval/support/shap-baseline.csv",
};
const base: AwsEvaluationTrackArgs = {
  region: "us-east-1",
  dataset: { s3Uri: "s3://acme-eval/support/qa-v2.jsonl" },
  models: [{ label: "base", modelIdentifier: "amazon.nova-lite-v1:0" }],
  monitoring: { endpointName: "Support-LLM", captureS3Uri: "s3://acme-capture/support-llm/capture/" },
  clarify,
  tags,
};

function build(args: Partial<AwsEvaluationTrackArgs> = {}, opts: { nativeRegion?: string } = {}): Promise<ResourceGraph> {
  return previewInline({
    program: () => {
      const providers = opts.nativeRegion ? [new NativeProvider("ops-native", { region: opts.nativeRegion as never })] : undefined;
      new AwsEvaluationTrack("bakeoff", { ...base, ...args }, providers ? { providers } : {});
    },
  });
}
const attempt = (args: Partial<AwsEvaluationTrackArgs>) =>
  build(args).then(
    () => "no error",
    (e: Error & { registered?: number }) => `${e.message} (${e.registered})`,
  );
const withClarify = (change: Partial<AwsClarifyArgs>) => attempt({ clarify: { ...clarify, ...change } });
const named = (g: ResourceGraph, type: string, name: string): GraphResource => {
  const r = g.resources.find((x) => x.type === type && x.name === name);
  if (!r) throw new Error(`no ${type} ${name}`);
  return r;
};
const definitions = (g: ResourceGraph) => [one(g, QUALITY), one(g, BIAS), one(g, EXPLAIN)];
const schedulesByType = (g: ResourceGraph) => Object.fromEntries(ofType(g, SCHEDULE).map((s) => [(s.inputs.monitoringScheduleConfig as any).monitoringType, s.inputs.monitoringScheduleConfig as any]));
const analysisConfig = (g: ResourceGraph, kind: string) => jsonInput(named(g, OBJECT, `bakeoff-${kind}-analysis-config`), "content");

describe("SageMaker Clarify on the evaluation track's monitored endpoint", async () => {
  const graph = await build();
  const dq = one(graph, DATA_QUALITY).inputs as any;
  const bucket = one(graph, "aws:s3/bucket:Bucket").id!;

  it("adds the three aws-native job definitions and one schedule each, next to data quality", () => {
    expect(definitions(graph).map((d) => d.name)).toEqual(["bakeoff-model-quality", "bakeoff-model-bias", "bakeoff-model-explainability"]);
    const byType = schedulesByType(graph);
    expect(Object.keys(byType).sort()).toEqual(["DataQuality", "ModelBias", "ModelExplainability", "ModelQuality"]);
    // Each schedule runs its own definition by the name the provider gave it (the ARN, the mock's id, ends in it).
    expect(byType.ModelQuality.monitoringJobDefinitionName).toBe(one(graph, QUALITY).id!.split("/").pop());
    expect(byType.ModelBias.monitoringJobDefinitionName).toBe(one(graph, BIAS).id!.split("/").pop());
    expect(byType.ModelExplainability.monitoringJobDefinitionName).toBe(one(graph, EXPLAIN).id!.split("/").pop());
    expect(one(graph, QUALITY).id).toMatch(/^arn:aws:sagemaker:us-east-1:123456789012:model-quality-job-definition\/bakeoff-model-quality-/);
    // Clarify runs daily by default; data quality keeps its hourly schedule.
    expect(byType.ModelQuality.scheduleConfig).toEqual({ scheduleExpression: "cron(0 0 ? * * *)" });
    expect(byType.ModelBias.scheduleConfig).toEqual({ scheduleExpression: "cron(0 0 ? * * *)" });
    expect(byType.ModelExplainability.scheduleConfig).toEqual({ scheduleExpression: "cron(0 0 ? * * *)" });
    expect(byType.DataQuality.scheduleConfig).toEqual({ scheduleExpression: "cron(0 * ? * * *)" });
  });

  it("isolates every Clarify job in the track's VPC, with the data-quality job's subnets and security groups", () => {
    const subnets = ofType(graph, "aws:ec2/subnet:Subnet").map((s) => s.id);
    const group = named(graph, "aws:ec2/securityGroup:SecurityGroup", "bakeoff-instances").id;
    expect(subnets).toHaveLength(2);
    for (const d of definitions(graph)) {
      expect(d.inputs.networkConfig, d.name).toEqual({
        enableNetworkIsolation: true,
        enableInterContainerTrafficEncryption: true,
        vpcConfig: { subnets, securityGroupIds: [group] },
      });
      expect((d.inputs.networkConfig as any).vpcConfig).toEqual(dq.networkConfig.vpcConfig);
    }
  });

  it("encrypts volumes and results with the track's key and writes results under monitoring/<type>/ of its bucket", () => {
    expect(dq.dataQualityJobOutputConfig.kmsKeyId).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
    const kinds: Record<string, [string, string]> = {
      [QUALITY]: ["modelQualityJobOutputConfig", "model-quality"],
      [BIAS]: ["modelBiasJobOutputConfig", "model-bias"],
      [EXPLAIN]: ["modelExplainabilityJobOutputConfig", "model-explainability"],
    };
    for (const d of definitions(graph)) {
      const [outputKey, kind] = kinds[d.type]!;
      const out = d.inputs[outputKey] as any;
      expect(out.kmsKeyId, d.name).toBe(dq.dataQualityJobOutputConfig.kmsKeyId);
      expect(out.monitoringOutputs).toEqual([
        { s3Output: { s3Uri: `s3://${bucket}/monitoring/${kind}/`, localPath: "/opt/ml/processing/output", s3UploadMode: "EndOfJob" } },
      ]);
      expect((d.inputs.jobResources as any).clusterConfig).toEqual({
        instanceCount: 1,
        instanceType: "ml.m5.xlarge",
        volumeSizeInGb: 30,
        volumeKmsKeyId: dq.dataQualityJobOutputConfig.kmsKeyId,
      });
      expect(d.inputs.stoppingCondition).toEqual({ maxRuntimeInSeconds: 1800 });
    }
  });

  it("sets no volume key on an instance with local NVMe storage (SageMaker refuses one), keeping the output key", async () => {
    const g = await build({ monitoring: { ...base.monitoring!, instanceType: "ml.g5.xlarge" } });
    for (const d of definitions(g)) {
      const cluster = (d.inputs.jobResources as any).clusterConfig;
      expect(cluster.instanceType).toBe("ml.g5.xlarge");
      expect(cluster, d.name).not.toHaveProperty("volumeKmsKeyId");
    }
    expect((one(g, BIAS).inputs.modelBiasJobOutputConfig as any).kmsKeyId).toMatch(/:key\//);
  });

  it("runs as the track's monitoring role, which may read the ground truth, baseline and configs and invoke only the endpoint", () => {
    const role = named(graph, "aws:iam/role:Role", "bakeoff-monitoring");
    for (const d of definitions(graph)) expect(d.inputs.roleArn, d.name).toBe(`arn:aws:iam::123456789012:role/${role.id}`);
    expect(dq.roleArn).toBe(`arn:aws:iam::123456789012:role/${role.id}`);
    const statements: any[] = jsonInput(named(graph, "aws:iam/rolePolicy:RolePolicy", "bakeoff-monitoring-policy"), "policy").Statement;
    const sid = (s: string) => statements.find((x) => x.Sid === s);
    expect(sid("ReadTrackData").Resource).toEqual(
      expect.arrayContaining([
        "arn:aws:s3:::acme-capture/support-llm/capture/*",
        "arn:aws:s3:::acme-capture/support-llm/ground-truth/*",
        "arn:aws:s3:::acme-eval/support/shap-baseline.csv*",
        `arn:aws:s3:::${bucket}/clarify-config/*`,
      ]),
    );
    expect(sid("WriteTrackData").Resource).toEqual([`arn:aws:s3:::${bucket}/monitoring/*`]); // the analysis configs are read-only to the jobs
    expect(sid("InvokeMonitoredEndpoint")).toMatchObject({ Action: "sagemaker:InvokeEndpoint", Resource: "arn:aws:sagemaker:us-east-1:123456789012:endpoint/support-llm" });
  });

  it("monitors the endpoint's captured traffic against the ground truth with the configured attributes and window", () => {
    const quality = one(graph, QUALITY).inputs as any;
    expect(quality.modelQualityAppSpecification).toEqual({ imageUri: "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer:latest", problemType: "BinaryClassification" });
    expect(quality.modelQualityJobInput).toEqual({
      endpointInput: {
        endpointName: "Support-LLM",
        localPath: "/opt/ml/processing/input/endpoint",
        s3InputMode: "File",
        s3DataDistributionType: "FullyReplicated",
        probabilityAttribute: "0",
        probabilityThresholdAttribute: 0.6,
        startTimeOffset: "-P2D",
        endTimeOffset: "-P1D",
      },
      groundTruthS3Input: { s3Uri: "s3://acme-capture/support-llm/ground-truth/" },
    });
    const bias = one(graph, BIAS).inputs as any;
    expect(bias.modelBiasJobInput.groundTruthS3Input).toEqual({ s3Uri: "s3://acme-capture/support-llm/ground-truth/" });
    expect(bias.modelBiasJobInput.endpointInput).toMatchObject({ endpointName: "Support-LLM", probabilityThresholdAttribute: 0.6, startTimeOffset: "-P2D" });
    const explain = one(graph, EXPLAIN).inputs as any;
    expect(explain.modelExplainabilityJobInput.endpointInput).toEqual({
      endpointName: "Support-LLM",
      localPath: "/opt/ml/processing/input/endpoint",
      s3InputMode: "File",
      s3DataDistributionType: "FullyReplicated",
      probabilityAttribute: "0",
    });
    expect(explain.modelExplainabilityJobInput).not.toHaveProperty("groundTruthS3Input");
  });

  it("writes the label, positive outcome and facets into the bias analysis configuration Clarify reads", () => {
    const bias = one(graph, BIAS).inputs as any;
    expect(bias.modelBiasAppSpecification).toEqual({
      imageUri: "205585389593.dkr.ecr.us-east-1.amazonaws.com/sagemaker-clarify-processing:1.0",
      configUri: `s3://${bucket}/clarify-config/model-bias/analysis_config.json`,
    });
    expect(analysisConfig(graph, "model-bias")).toEqual({
      version: "1.0",
      headers: ["escalated", "customer_tier", "region", "ticket_length"],
      label: "escalated",
      label_values_or_threshold: [1],
      facet: [
        { name_or_index: "region", value_or_threshold: ["apac"] },
        { name_or_index: "ticket_length", value_or_threshold: [2000] },
      ],
      methods: { post_training_bias: { methods: "all" } },
    });
  });

  it("writes the SHAP baseline and the feature headers (no label) into the explainability configuration", () => {
    expect((one(graph, EXPLAIN).inputs as any).modelExplainabilityAppSpecification.configUri).toBe(`s3://${bucket}/clarify-config/model-explainability/analysis_config.json`);
    expect(analysisConfig(graph, "model-explainability")).toEqual({
      version: "1.0",
      headers: ["customer_tier", "region", "ticket_length"],
      methods: { shap: { baseline: "s3://acme-eval/support/shap-baseline.csv", num_samples: 100, agg_method: "mean_abs", use_logit: false, save_local_shap_values: false } },
    });
  });

  it("stores the analysis configurations encrypted with the track's key in its bucket", () => {
    for (const o of ofType(graph, OBJECT)) {
      expect(o.inputs).toMatchObject({ bucket, serverSideEncryption: "aws:kms", kmsKeyId: dq.dataQualityJobOutputConfig.kmsKeyId, bucketKeyEnabled: true, contentType: "application/json" });
      expect(o.inputs.key).toMatch(/^clarify-config\/model-(bias|explainability)\/analysis_config\.json$/);
    }
  });

  it("tags the aws-native definitions with the standard tags as a sorted {key, value} list, the rest with the map", () => {
    const expected = Object.entries(tags)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, value }));
    for (const d of definitions(graph)) {
      expect(d.inputs.tags, d.name).toEqual(expected);
      const keys = (d.inputs.tags as { key: string }[]).map((t) => t.key);
      for (const k of REQUIRED_TAG_KEYS) expect(keys).toContain(k);
    }
    for (const r of [...ofType(graph, SCHEDULE), ...ofType(graph, OBJECT)]) expect(r.inputs.tags, r.name).toEqual(tags);
  });

  it("gives the aws-native children a provider in the track's region, or uses the caller's", async () => {
    const own = one(graph, "pulumi:providers:aws-native");
    expect(own.inputs.region).toBe("us-east-1");
    for (const d of definitions(graph)) expect(d.provider, d.name).toBe(`${own.urn}::${own.id}`);

    const eu = await build({ region: "eu-west-1" });
    expect(one(eu, "pulumi:providers:aws-native").inputs.region).toBe("eu-west-1");
    expect((one(eu, BIAS).inputs.modelBiasAppSpecification as any).imageUri).toBe("131013547314.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-clarify-processing:1.0");

    const given = await build({}, { nativeRegion: "us-east-1" });
    const providers = ofType(given, "pulumi:providers:aws-native");
    expect(providers.map((p) => p.name)).toEqual(["ops-native"]);
    for (const d of definitions(given)) expect(d.provider).toBe(`${providers[0]!.urn}::${providers[0]!.id}`);
  });

  it("monitors bias only with facets, and a regression model's bias from its label threshold", async () => {
    const noFacets = await build({ clarify: { ...clarify, facets: undefined } });
    expect(ofType(noFacets, BIAS)).toHaveLength(0);
    expect(Object.keys(schedulesByType(noFacets)).sort()).toEqual(["DataQuality", "ModelExplainability", "ModelQuality"]);
    expect(ofType(noFacets, OBJECT).map((o) => o.name)).toEqual(["bakeoff-model-explainability-analysis-config"]);

    const regression = await build({
      clarify: { problemType: "Regression", groundTruthS3Uri: "s3://acme-capture/gt/", label: "resolution_hours", labelThreshold: 24, facets: [{ name: "language", values: ["de", "3"] }] },
    });
    expect((one(regression, QUALITY).inputs.modelQualityAppSpecification as any).problemType).toBe("Regression");
    const config = jsonInput(named(regression, OBJECT, "bakeoff-model-bias-analysis-config"), "content");
    expect(config.label_values_or_threshold).toEqual([24]);
    expect(config.facet).toEqual([{ name_or_index: "language", value_or_threshold: ["de", 3] }]);
    expect(config).not.toHaveProperty("headers");
    expect(jsonInput(named(regression, OBJECT, "bakeoff-model-explainability-analysis-config"), "content").methods.shap).not.toHaveProperty("baseline");
  });

  it("keeps the track as it was without clarify: no aws-native resource, provider or analysis object", async () => {
    const g = await build({ clarify: undefined });
    expect(g.resources.filter((r) => r.type.startsWith("aws-native:") || r.type === "pulumi:providers:aws-native" || r.type === OBJECT)).toEqual([]);
    expect(ofType(g, SCHEDULE)).toHaveLength(1);
    const statements: any[] = jsonInput(named(g, "aws:iam/rolePolicy:RolePolicy", "bakeoff-monitoring-policy"), "policy").Statement;
    expect(statements.find((s) => s.Sid === "InvokeMonitoredEndpoint")).toBeUndefined();
  });

  it("runs the Clarify checks hourly when asked, within the hour", async () => {
    const g = await build({ clarify: { ...clarify, scheduleExpression: "cron(0 * ? * * *)" }, monitoring: { ...base.monitoring!, maxRuntimeSeconds: 3600 } });
    for (const t of ["ModelQuality", "ModelBias", "ModelExplainability"]) expect(schedulesByType(g)[t].scheduleConfig.scheduleExpression).toBe("cron(0 * ? * * *)");
    for (const d of definitions(g)) expect(d.inputs.stoppingCondition).toEqual({ maxRuntimeInSeconds: 3600 });
  });

  it("rejects bad Clarify settings before registering anything, naming the field", async () => {
    expect(await withClarify({ problemType: "Classification" })).toBe('clarify.problemType: expected one of BinaryClassification, MulticlassClassification, Regression, got "Classification" (0)');
    expect(await withClarify({ facets: [{ name: "region" }, { name: "age" }] })).toBe('clarify.facets[1].name: expected one of the headers (escalated, customer_tier, region, ticket_length), got "age" (0)');
    expect(await withClarify({ facets: [{ name: "escalated" }] })).toBe('clarify.facets[0].name: expected a feature, not the label "escalated" (0)');
    expect(await withClarify({ facets: [{ name: "region", values: ["apac"], threshold: 1 }] })).toBe("clarify.facets[0].threshold: expected values or a threshold, not both (0)");
    expect(await withClarify({ facets: [] })).toBe("clarify.facets: expected at least one sensitive attribute (or leave facets out for no bias monitoring), got an empty list (0)");
    expect(await withClarify({ label: "outcome" })).toBe('clarify.label: expected one of the headers (escalated, customer_tier, region, ticket_length), got "outcome" (0)');
    expect(await withClarify({ problemType: "MulticlassClassification", probabilityThreshold: undefined })).toBe(
      "clarify.positiveLabels: expected the label values that are the positive outcome (bias monitoring of a multiclass model) (0)",
    );
    expect(await withClarify({ problemType: "Regression", probabilityThreshold: undefined, labelThreshold: 3, positiveLabels: ["1"] })).toBe(
      "clarify.positiveLabels: expected no positive labels for Regression (set labelThreshold) (0)",
    );
    expect(await withClarify({ probabilityThreshold: 1.5 })).toBe("clarify.probabilityThreshold: expected a probability between 0 and 1, got 1.5 (0)");
    expect(await withClarify({ probabilityAttribute: undefined })).toBe("clarify.probabilityAttribute: expected where the probability is in the endpoint's output (the threshold applies to it) (0)");
    expect(await withClarify({ startTimeOffset: "P1D" })).toBe('clarify.startTimeOffset: expected a negative ISO 8601 duration such as -P1D or -PT1H, got "P1D" (0)');
    expect(await withClarify({ groundTruthS3Uri: "acme-capture/gt" })).toBe('clarify.groundTruthS3Uri: expected an S3 URI such as s3://my-bucket/data/train.jsonl, got "acme-capture/gt" (0)');
    expect(await withClarify({ shapAggregation: "mean" })).toBe('clarify.shapAggregation: expected one of mean_abs, median, mean_sq, got "mean" (0)');
    expect(await withClarify({ scheduleExpression: "cron(0 0 ? * MON *)" })).toBe(
      'clarify.scheduleExpression: expected an hourly or daily schedule such as cron(0 0 ? * * *) (daily) or cron(0 * ? * * *) (hourly), got "cron(0 0 ? * MON *)" (0)',
    );
    expect(await attempt({ clarify: { ...clarify, scheduleExpression: "cron(0 * ? * * *)" }, monitoring: { ...base.monitoring!, scheduleExpression: "cron(0 0 ? * * *)", maxRuntimeSeconds: 7200 } })).toBe(
      "monitoring.maxRuntimeSeconds: expected at most 3600 seconds for hourly checks (clarify.scheduleExpression is hourly), got 7200 (0)",
    );
    expect(await withClarify({ facets: undefined, biasConstraintsUri: "s3://acme-eval/bias/constraints.json" })).toBe("clarify.biasConstraintsUri: expected facets: bias monitoring is off without them (0)");
    expect(await attempt({ monitoring: undefined })).toBe("clarify: expected monitoring as well: the Clarify jobs watch the monitored endpoint's captured data (0)");
  });
});

describe("nativeTags", () => {
  it("turns a tag map, plain or an Output, into aws-native's list sorted by key", async () => {
    const list = (t: Parameters<typeof nativeTags>[0]) => new Promise((resolve) => nativeTags(t).apply(resolve));
    expect(await list({ owner: "ml", "aitracks-track": "evaluation", "cost-center": "cc-1" })).toEqual([
      { key: "aitracks-track", value: "evaluation" },
      { key: "cost-center", value: "cc-1" },
      { key: "owner", value: "ml" },
    ]);
    expect(await list(Promise.resolve({ b: "2", a: "1" }) as never)).toEqual([
      { key: "a", value: "1" },
      { key: "b", value: "2" },
    ]);
    expect(await list({})).toEqual([]);
  });
});

describe("the evaluation-aws example stack's clarify section", async () => {
  const tmp = mkdtempSync(join(tmpdir(), "aitracks-aws-clarify-"));
  const variant = (change: (clarify: Record<string, any>, track: Record<string, any>) => void): string => {
    const doc = parse(readFileSync(join(ROOT, "stacks", "Pulumi.evaluation-aws.yaml"), "utf8"));
    const track = doc.config["aitracks:tracks"][0];
    change(track.clarify, track);
    const file = join(tmp, `Pulumi.evaluation-aws-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, stringify(doc));
    return file;
  };
  const failure = (file: string) =>
    previewProgram({ programDir: ROOT, stack: "evaluation-aws", configFile: file }).then(
      () => "no error",
      (e: Error & { registered?: number }) => `${e.message} (${e.registered})`,
    );
  const g = await previewProgram({ programDir: ROOT, stack: "evaluation-aws" });

  it("previews the three Clarify monitors from the stack config, in the track's region", () => {
    expect((one(g, QUALITY).inputs.modelQualityJobInput as any).endpointInput).toMatchObject({
      endpointName: "support-llm",
      probabilityAttribute: "0",
      probabilityThresholdAttribute: 0.6,
      startTimeOffset: "-P2D",
      endTimeOffset: "-P1D",
    });
    const config = jsonInput(named(g, OBJECT, "model-bakeoff-model-bias-analysis-config"), "content");
    expect(config.label).toBe("escalated");
    expect(config.label_values_or_threshold).toEqual([1]);
    expect(config.facet).toEqual([
      { name_or_index: "region", value_or_threshold: ["apac"] },
      { name_or_index: "customer_tier", value_or_threshold: ["free"] },
    ]);
    expect(one(g, "pulumi:providers:aws-native").inputs.region).toBe("us-east-1");
    expect((g.outputs.tracks as any)["model-bakeoff"].clarifyScheduleNames).toEqual({
      ModelQuality: named(g, SCHEDULE, "model-bakeoff-model-quality-schedule").id,
      ModelBias: named(g, SCHEDULE, "model-bakeoff-model-bias-schedule").id,
      ModelExplainability: named(g, SCHEDULE, "model-bakeoff-model-explainability-schedule").id,
    });
  });

  it("prices each Clarify schedule like the data-quality one: runs a month x instances x maximum runtime", () => {
    const e = estimateCost(g);
    const monthly = (name: string) => e.resources.find((r) => r.name === name)!.components[0]!;
    // Daily: 365 / 12 = 30.42 runs x 1 ml.m5.xlarge x 0.5 h = 15.21 h at $0.23 (us-east-1) = $3.50 a month each.
    for (const kind of ["model-quality", "model-bias", "model-explainability"]) {
      const c = monthly(`model-bakeoff-${kind}-schedule`);
      expect(c.monthlyQuantity).toBeCloseTo(15.2083, 3);
      expect(c.monthlyUsd).toBeCloseTo(3.498, 3);
    }
    // Hourly data quality: 730 runs x 0.5 h x $0.23 = $83.95.
    expect(monthly("model-bakeoff-data-quality-schedule").monthlyUsd).toBeCloseTo(83.95, 2);
    for (const t of [QUALITY, BIAS, EXPLAIN]) expect(e.free.find((f) => f.type === t)?.reason).toBe("billed through the monitoring schedule that runs it");
  });

  it("stops on a bad clarify setting with the field's path in the stack, before any resource", async () => {
    expect(await failure(variant((c) => (c.facets[1].name = "tier")))).toBe(
      'aitracks:tracks[0].clarify.facets[1].name: expected one of the headers (escalated, customer_tier, region, language, ticket_length), got "tier" (0)',
    );
    expect(await failure(variant((c) => (c.facets = "region")))).toBe('aitracks:tracks[0].clarify.facets: expected a list of facets, each {name, values?, threshold?}, got "region" (0)');
    expect(await failure(variant((c) => (c.problemType = 3)))).toBe("aitracks:tracks[0].clarify.problemType: expected one of BinaryClassification, MulticlassClassification, Regression, got 3 (0)");
    expect(await failure(variant((c) => (c.facet = [{ name: "region" }])))).toBe("aitracks:tracks[0].clarify: unknown key facet (0)");
    expect(await failure(variant((_c, t) => (delete t.monitoring, delete t.network)))).toBe("aitracks:tracks[0].clarify: expected monitoring as well: the Clarify jobs watch the monitored endpoint's captured data (0)");
  });
});
