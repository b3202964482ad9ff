// @ts-nocheck
// The example stacks of the AWS build, fine-tune, serving and evaluation tracks, previewed offline
// through the real program (stacks/) and the cell table, plus bad settings in a stack's config.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { previewProgram, trackOf, type ResourceGraph } from "@aitracks/preview";
import { aitracks, ROOT } from "../helpers/cli";
import { ofType, one } from "../helpers/graph";

const preview = (stack: string, configFile?: string) => previewProgram({ programDir: ROOT, stack, ...(configFile ? { configFile } : {}) });
const tmp = mkdtempSync(join(tmpdir(), "aitracks-aws-stacks-"));

/** The example stack's config with its first track's settings changed; returns the file. */
function variant(stack: string, change: (track: Record<string, any>, config: Record<string, any>) => void): string {
  const doc = parse(readFileSync(join(ROOT, "stacks", `Pulumi.${stack}.yaml`), "utf8"));
  change(doc.config["aitracks:tracks"][0], doc.config);
  const file = join(tmp, `Pulumi.${stack}.yaml`);
  writeFileSync(file, stringify(doc));
  return file;
}
const failure = (stack: string, file: string) =>
  preview(stack, file).then(
    () => "no error",
    (e: Error & { registered?: number }) => `${e.message} (${e.registered})`,
  );
const providerRegion = (g: ResourceGraph) => one(g, "pulumi:providers:aws").inputs.region;

describe("example stacks preview offline", () => {
  it("build-aws: four Trainium nodes in us-west-2 for at most 120 hours", async () => {
    const g = await preview("build-aws");
    expect(providerRegion(g)).toBe("us-west-2");
    const job = one(g, "aws:sagemaker/trainingJob:TrainingJob");
    expect((job.inputs.resourceConfig as any)).toMatchObject({ instanceType: "ml.trn1.32xlarge", instanceCount: 4 });
    expect((job.inputs.stoppingCondition as any).maxRuntimeInSeconds).toBe(432_000);
    expect(trackOf(g, job)).toEqual({ track: "build", cloud: "aws", name: "domain-lm" });
    const out = (g.outputs.tracks as any)["domain-lm"];
    expect(out.service).toBe("SageMaker + Trainium");
    expect(out.trainingImage).toBe("123456789012.dkr.ecr.us-west-2.amazonaws.com/domain-lm-training:2026-11-29");
    expect(one(g, "aws:budgets/budget:Budget").inputs.limitAmount).toBe("150000.00");
  });

  it("fine-tune-aws: JumpStart tuning, the serving track and the base-vs-tuned evaluation, labelled-example count on every resource", async () => {
    const g = await preview("fine-tune-aws");
    const types = g.resources.map((r) => r.type);
    for (const t of ["aitracks:aws:FineTuneTrack", "aitracks:aws:ServingTrack", "aitracks:aws:EvaluationTrack"]) expect(types).toContain(t);
    const jobs = ofType(g, "aws:bedrock/evaluationJob:EvaluationJob").map((j) => j.inputs as any);
    expect(jobs).toHaveLength(2);
    expect(new Set(jobs.map((j) => j.evaluationConfig.automated.datasetMetricConfigs[0].dataset.datasetLocation.s3Uri))).toEqual(new Set(["s3://acme-ml-data/support/holdout.jsonl"]));
    expect(jobs.map((j) => j.jobName).sort()).toEqual(["support-tune-evaluation-base-run-1", "support-tune-evaluation-tuned-run-1"]);
    for (const r of g.resources.filter((x) => x.custom && "tags" in x.inputs)) expect((r.inputs.tags as any)["aitracks-labeled-examples"], r.name).toBe("12000");
    expect((one(g, "aws:sagemaker/trainingJob:TrainingJob").inputs.hyperParameters as any)).toEqual({ epoch: "3", learning_rate: "0.0001", lora_r: "16" });
    expect((g.outputs.tracks as any)["support-tune"].endpointName).toBe("support-tune-serving");
  });

  it("serving-aws: an endpoint autoscaled from 1 to 4 instances at 30 invocations per instance", async () => {
    const g = await preview("serving-aws");
    expect(one(g, "aws:appautoscaling/target:Target").inputs).toMatchObject({ minCapacity: 1, maxCapacity: 4, resourceId: "endpoint/support-llm/variant/primary" });
    expect((one(g, "aws:appautoscaling/policy:Policy").inputs.targetTrackingScalingPolicyConfiguration as any).targetValue).toBe(30);
    expect((one(g, "aws:sagemaker/model:Model").inputs.primaryContainer as any).environment.OPTION_MAX_MODEL_LEN).toBe("8192");
    expect((g.outputs.tracks as any)["support-llm"]).toMatchObject({ track: "serving", service: "SageMaker endpoints", endpointName: "support-llm" });
  });

  it("evaluation-aws: two Bedrock models on one dataset and hourly data-quality checks of an endpoint", async () => {
    const g = await preview("evaluation-aws");
    expect(ofType(g, "aws:bedrock/evaluationJob:EvaluationJob").map((j) => j.name).sort()).toEqual(["model-bakeoff-base", "model-bakeoff-candidate"]);
    const monitoringTypes = ofType(g, "aws:sagemaker/monitoringSchedule:MonitoringSchedule").map((s) => (s.inputs.monitoringScheduleConfig as any).monitoringType);
    expect(monitoringTypes.sort()).toEqual(["DataQuality", "ModelBias", "ModelExplainability", "ModelQuality"]); // data quality + the stack's Clarify section
    const interfaces = ofType(g, "aws:ec2/vpcEndpoint:VpcEndpoint").filter((e) => e.inputs.vpcEndpointType === "Interface");
    expect(interfaces.map((e) => e.inputs.serviceName).sort()).toEqual(["com.amazonaws.us-east-1.logs", "com.amazonaws.us-east-1.sts"]);
  });
});

describe("bad track settings stop the stack before any resource is registered", () => {
  it("an instance type that is not in the price catalog", async () => {
    const file = variant("build-aws", (t) => (t.instanceType = "ml.trn1.23xlarge"));
    expect(await failure("build-aws", file)).toMatch(/^aitracks:tracks\[0\]\.instanceType: unknown aws SKU "ml\.trn1\.23xlarge" in the price catalog; did you mean .*ml\.trn1\.32xlarge.* \(0\)$/);
  });

  it("zero instances", async () => {
    expect(await failure("build-aws", variant("build-aws", (t) => (t.instanceCount = 0)))).toBe("aitracks:tracks[0].instanceCount: expected at least 1 training instance, got 0 (0)");
    expect(await failure("serving-aws", variant("serving-aws", (t) => (t.minInstances = 0)))).toBe(
      "aitracks:tracks[0].minInstances: expected at least 1 instance (an instance-based endpoint cannot scale to zero), got 0 (0)",
    );
  });

  it("min above max, also inside a fine-tune track's serving settings", async () => {
    expect(await failure("serving-aws", variant("serving-aws", (t) => Object.assign(t, { minInstances: 5, maxInstances: 4 })))).toBe(
      "aitracks:tracks[0].minInstances: expected at most maxInstances (4), got 5 (0)",
    );
    expect(await failure("fine-tune-aws", variant("fine-tune-aws", (t) => Object.assign(t.serving, { minInstances: 4, maxInstances: 2 })))).toBe(
      "aitracks:tracks[0].serving.minInstances: expected at most maxInstances (2), got 4 (0)",
    );
  });

  it("a fine-tune track without the number of labelled examples, or with a word for it", async () => {
    const none = variant("fine-tune-aws", (t, c) => {
      delete t.labeledExamples;
      delete c["aitracks:workload"].fineTune;
    });
    expect(await failure("fine-tune-aws", none)).toBe(
      "aitracks:tracks[0].labeledExamples: expected the number of labelled examples in the training set (or a plain number in aitracks:workload.fineTune.labeledExamples), got nothing (0)",
    );
    expect(await failure("fine-tune-aws", variant("fine-tune-aws", (t) => (t.labeledExamples = "lots")))).toBe(
      'aitracks:tracks[0].labeledExamples: expected a number of labelled examples, got "lots" (0)',
    );
  });

  it("every bad track of a stack at once, each with its path", async () => {
    const file = variant("evaluation-aws", (_t, c) => {
      const [first] = c["aitracks:tracks"];
      first.monitoring.instanceType = "ml.m5.huge";
      c["aitracks:tracks"].push({ ...first, name: "second", models: [], monitoring: undefined, colour: "blue" });
    });
    const message = await failure("evaluation-aws", file);
    expect(message.split("\n")[0]).toMatch(/^aitracks:tracks\[0\]\.monitoring\.instanceType: unknown aws SKU "ml\.m5\.huge"/);
    expect(message).toContain("aitracks:tracks[1]: unknown key colour");
    expect(message).toContain("aitracks:tracks[1].models: expected at least one model to evaluate");
    expect(message).toMatch(/\(0\)$/);
  });

  it("the CLI prints the line and exits 2 without a stack trace", () => {
    const file = variant("serving-aws", (t) => (t.instanceType = "ml.g5.2xlarg"));
    const r = aitracks(["preview", "--stack", "serving-aws", "--config", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/aitracks:tracks\[0\]\.instanceType: unknown aws SKU "ml\.g5\.2xlarg" in the price catalog; did you mean ml\.g5\.2xlarge/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).toBe("");
  });
});
