// @ts-nocheck
import { describe, expect, it } from "vitest";
import { AwsEvaluationTrack, bedrockModelArns, type AwsEvaluationTrackArgs } from "@aitracks/components";
import { previewInline, type GraphResource, type ResourceGraph } from "@aitracks/preview";
import { REQUIRED_TAG_KEYS, standardTags } from "@aitracks/core";
import { jsonInput, ofType, one } from "../helpers/graph";

const tags = standardTags({ track: "evaluation", owner: "support-ml", costCenter: "cc-2210", reviewDate: "2027-05-01" });
const base: AwsEvaluationTrackArgs = {
  region: "us-east-1",
  dataset: { name: "support-qa-v2", s3Uri: "s3://acme-eval/support/qa-v2.jsonl" },
  models: [
    { label: "base", modelIdentifier: "amazon.nova-lite-v1:0" },
    { label: "candidate", modelIdentifier: "us.anthropic.claude-3-5-haiku-20241022-v1:0" },
  ],
  tags,
};
const monitoring = { endpointName: "support-llm", captureS3Uri: "s3://acme-capture/support-llm/capture/" };

function build(args: Partial<AwsEvaluationTrackArgs> = {}): Promise<ResourceGraph> {
  return previewInline({
    program: () => {
      new AwsEvaluationTrack("bakeoff", { ...base, ...args });
    },
  });
}
const attempt = (args: Partial<AwsEvaluationTrackArgs>) =>
  build(args).then(
    () => "no error",
    (e: Error & { registered?: number }) => `${e.message} (${e.registered})`,
  );
const named = (g: ResourceGraph, type: string, name: string): GraphResource => {
  const r = g.resources.find((x) => x.type === type && x.name === name);
  if (!r) throw new Error(`no ${type} ${name}`);
  return r;
};
const jobs = (g: ResourceGraph) => ofType(g, "aws:bedrock/evaluationJob:EvaluationJob");

describe("evaluation on AWS (Bedrock evaluation, Model Monitor)", async () => {
  const graph = await build({ monitoring });

  it("scores every model with its own automated job on the same dataset and the same metrics", () => {
    const all = jobs(graph);
    expect(all.map((j) => j.inputs.jobName).sort()).toEqual(["bakeoff-base-run-1", "bakeoff-candidate-run-1"]);
    const configs = all.map((j) => (j.inputs.evaluationConfig as any).automated.datasetMetricConfigs);
    for (const c of configs) {
      expect(c).toEqual([
        {
          taskType: "QuestionAndAnswer",
          metricNames: ["Builtin.Accuracy", "Builtin.Robustness", "Builtin.Toxicity"],
          dataset: { name: "support-qa-v2", datasetLocation: { s3Uri: "s3://acme-eval/support/qa-v2.jsonl" } },
        },
      ]);
    }
    const models = Object.fromEntries(all.map((j) => [j.name, (j.inputs.inferenceConfig as any).models[0].bedrockModel.modelIdentifier]));
    expect(models).toEqual({ "bakeoff-base": "amazon.nova-lite-v1:0", "bakeoff-candidate": "us.anthropic.claude-3-5-haiku-20241022-v1:0" });
  });

  it("encrypts the jobs with the customer-managed key and writes results to an encrypted private bucket", () => {
    const key = one(graph, "aws:kms/key:Key");
    expect(key.inputs.enableKeyRotation).toBe(true);
    for (const j of jobs(graph)) {
      expect(j.inputs.customerEncryptionKeyId).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
      expect((j.inputs.outputDataConfig as any).s3Uri).toMatch(new RegExp(`^s3://bakeoff-results-[0-9a-f]+/evaluations/${j.name.replace("bakeoff-", "")}/$`));
    }
    const sse = one(graph, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules as any[];
    expect(sse[0].applyServerSideEncryptionByDefault.sseAlgorithm).toBe("aws:kms");
  });

  it("lets Bedrock read only the dataset, write only results and invoke only the compared models", () => {
    const trust = jsonInput(named(graph, "aws:iam/role:Role", "bakeoff-bedrock-evaluation"), "assumeRolePolicy").Statement[0];
    expect(trust.Principal.Service).toBe("bedrock.amazonaws.com");
    const statements: any[] = jsonInput(named(graph, "aws:iam/rolePolicy:RolePolicy", "bakeoff-bedrock-evaluation-policy"), "policy").Statement;
    const sid = (s: string) => statements.find((x) => x.Sid === s);
    expect(sid("ReadTrackData").Resource[0]).toBe("arn:aws:s3:::acme-eval/support/qa-v2.jsonl*");
    expect(sid("WriteTrackData").Resource).toEqual([expect.stringMatching(/^arn:aws:s3:::bakeoff-results-[0-9a-f]+\/evaluations\/\*$/)]);
    expect(sid("InvokeComparedModels").Resource).toEqual([
      "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0",
      "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
      "arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
    ]);
    for (const s of statements) expect([s.Resource].flat()).not.toContain("*");
  });

  it("watches the endpoint's captured data hourly with an isolated, encrypted data-quality job in a private VPC", () => {
    const dq = one(graph, "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition").inputs as any;
    expect(dq.dataQualityAppSpecification.imageUri).toBe("156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer:latest");
    expect(dq.dataQualityJobInput.endpointInput.endpointName).toBe("support-llm");
    expect(dq.jobResources.clusterConfig).toMatchObject({ instanceCount: 1, instanceType: "ml.m5.xlarge", volumeKmsKeyId: expect.stringMatching(/:key\//) });
    expect(dq.dataQualityJobOutputConfig.kmsKeyId).toMatch(/:key\//);
    expect(dq.networkConfig.enableNetworkIsolation).toBe(true);
    expect(dq.networkConfig.enableInterContainerTrafficEncryption).toBe(true);
    expect(dq.networkConfig.vpcConfig.subnets).toEqual(ofType(graph, "aws:ec2/subnet:Subnet").map((s) => s.id));
    expect(dq.stoppingCondition.maxRuntimeInSeconds).toBe(1800);
    const schedule = one(graph, "aws:sagemaker/monitoringSchedule:MonitoringSchedule").inputs as any;
    expect(schedule.monitoringScheduleConfig).toEqual({
      monitoringType: "DataQuality",
      monitoringJobDefinitionName: one(graph, "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition").id,
      scheduleConfig: { scheduleExpression: "cron(0 * ? * * *)" },
    });
    const statements: any[] = jsonInput(named(graph, "aws:iam/rolePolicy:RolePolicy", "bakeoff-monitoring-policy"), "policy").Statement;
    expect(statements.find((s) => s.Sid === "ReadTrackData").Resource[0]).toBe("arn:aws:s3:::acme-capture/support-llm/capture/*");
  });

  it("evaluates a model served outside Bedrock from its precomputed responses", async () => {
    const g = await build({ models: [{ label: "base", modelIdentifier: "amazon.nova-lite-v1:0" }, { label: "tuned" }] });
    const tuned = named(g, "aws:bedrock/evaluationJob:EvaluationJob", "bakeoff-tuned");
    expect((tuned.inputs.inferenceConfig as any).models).toEqual([{ precomputedInferenceSource: { inferenceSourceIdentifier: "tuned" } }]);
    expect(ofType(g, "aws:sagemaker/monitoringSchedule:MonitoringSchedule")).toHaveLength(0);
    expect(ofType(g, "aws:ec2/vpc:Vpc")).toHaveLength(0); // no monitoring, no VPC
  });

  it("adds the judge model for LLM-as-a-judge metrics and lets Bedrock invoke it", async () => {
    const g = await build({ judgeModelIdentifier: "anthropic.claude-3-5-sonnet-20240620-v1:0", dataset: { ...base.dataset, taskType: "General", metricNames: ["Builtin.Correctness", "Builtin.Completeness"] } });
    const auto = (jobs(g)[0]!.inputs.evaluationConfig as any).automated;
    expect(auto.evaluatorModelConfig).toEqual({ bedrockEvaluatorModel: { modelIdentifier: "anthropic.claude-3-5-sonnet-20240620-v1:0" } });
    expect(auto.datasetMetricConfigs[0].metricNames).toEqual(["Builtin.Correctness", "Builtin.Completeness"]);
    const invoke = (jsonInput(named(g, "aws:iam/rolePolicy:RolePolicy", "bakeoff-bedrock-evaluation-policy"), "policy").Statement as any[]).find((s) => s.Sid === "InvokeComparedModels");
    expect(invoke.Resource).toContain("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0");
  });

  it("tags every taggable resource", () => {
    const taggable = graph.resources.filter((r) => r.custom && "tags" in r.inputs);
    expect(taggable.length).toBeGreaterThan(15);
    for (const r of taggable) for (const k of REQUIRED_TAG_KEYS) expect((r.inputs.tags as Record<string, string>)[k], `${r.name} ${k}`).toBeTruthy();
  });

  it("rejects impossible settings before registering anything, naming the field", async () => {
    expect(await attempt({ models: [] })).toBe("models: expected at least one model to evaluate (base and candidate to compare), got an empty list (0)");
    expect(await attempt({ models: [{ label: "base" }, { label: "base" }] })).toBe('models[1].label: expected each label once; "base" is used twice (0)');
    expect(await attempt({ dataset: { s3Uri: "https://acme/eval.jsonl" } })).toBe('dataset.s3Uri: expected an S3 URI such as s3://my-bucket/data/train.jsonl, got "https://acme/eval.jsonl" (0)');
    expect(await attempt({ dataset: { ...base.dataset, metricNames: ["accuracy"] } })).toBe('dataset.metricNames[0]: expected a built-in metric such as Builtin.Accuracy, got "accuracy" (0)');
    expect(await attempt({ monitoring: { ...monitoring, instanceType: "ml.m5.huge" } })).toMatch(/^monitoring\.instanceType: unknown aws SKU "ml\.m5\.huge" in the price catalog; did you mean .*\(0\)$/);
    expect(await attempt({ monitoring: { ...monitoring, maxRuntimeSeconds: 7200 } })).toBe("monitoring.maxRuntimeSeconds: expected at most 3600 seconds for hourly checks, got 7200 (0)");
  });
});

describe("bedrockModelArns", () => {
  it("maps model ids, inference profiles and ARNs to what IAM needs", async () => {
    const account = { accountId: Promise.resolve("111122223333"), partition: Promise.resolve("aws"), region: "eu-west-1" } as any;
    const arns = (id: string) => new Promise<string[]>((resolve) => bedrockModelArns(id, account).apply(resolve));
    expect(await arns("mistral.mistral-large-2402-v1:0")).toEqual(["arn:aws:bedrock:eu-west-1::foundation-model/mistral.mistral-large-2402-v1:0"]);
    expect(await arns("eu.meta.llama3-2-3b-instruct-v1:0")).toEqual([
      "arn:aws:bedrock:eu-west-1:111122223333:inference-profile/eu.meta.llama3-2-3b-instruct-v1:0",
      "arn:aws:bedrock:*::foundation-model/meta.llama3-2-3b-instruct-v1:0",
    ]);
    const pt = "arn:aws:bedrock:eu-west-1:111122223333:provisioned-model/abc123";
    expect(await arns(pt)).toEqual([pt]);
  });
});
