// @ts-nocheck
import { describe, expect, it } from "vitest";
import { AwsFineTuneTrack, LABELED_EXAMPLES_TAG, bedrockBaseInvokeId, type AwsFineTuneTrackArgs } from "@aitracks/components";
import { previewInline, trackOf, type GraphResource, type ResourceGraph } from "@aitracks/preview";
import { REQUIRED_TAG_KEYS, standardTags } from "@aitracks/core";
import { jsonInput, ofType, one } from "../helpers/graph";

const tags = standardTags({ track: "fine-tune", owner: "support-ml", costCenter: "cc-2210", reviewDate: "2027-05-01" });
const holdout = { name: "support-holdout", s3Uri: "s3://acme-data/support/holdout.jsonl" };
const bedrock: AwsFineTuneTrackArgs = {
  region: "us-east-1",
  method: "bedrock",
  labeledExamples: 5000,
  baseModel: "amazon.nova-lite-v1:0:300k",
  trainingDataUri: "s3://acme-data/support/train.jsonl",
  validationDataUri: "s3://acme-data/support/validation.jsonl",
  provisionedModelUnits: 2,
  commitmentDuration: "OneMonth",
  evaluation: { dataset: holdout },
  tags,
};
const jumpstart: AwsFineTuneTrackArgs = {
  region: "us-east-1",
  method: "jumpstart",
  labeledExamples: 12000,
  baseModel: "meta-textgeneration-llama-3-1-8b-instruct",
  baseModelVersion: "2.1.0",
  acceptEula: true,
  trainingDataUri: "s3://acme-data/support/train/",
  maxRuntimeHours: 12,
  serving: { instanceType: "ml.g5.12xlarge", minInstances: 1, maxInstances: 3 },
  evaluation: { dataset: holdout, baseModelIdentifier: "us.meta.llama3-1-8b-instruct-v1:0" },
  tags,
};

function build(args: AwsFineTuneTrackArgs): Promise<ResourceGraph> {
  return previewInline({
    program: () => {
      new AwsFineTuneTrack("tune", args);
    },
  });
}
const attempt = (args: AwsFineTuneTrackArgs) =>
  build(args).then(
    () => "no error",
    (e: Error & { registered?: number }) => `${e.message} (${e.registered})`,
  );
const named = (g: ResourceGraph, type: string, name: string): GraphResource => {
  const r = g.resources.find((x) => x.type === type && x.name === name);
  if (!r) throw new Error(`no ${type} ${name}`);
  return r;
};
const evaluationJobs = (g: ResourceGraph) => Object.fromEntries(ofType(g, "aws:bedrock/evaluationJob:EvaluationJob").map((j) => [j.name, j.inputs as any]));
const WAIT = "pulumi-nodejs:dynamic/bedrock:CustomizationJobWait";
const taggable = (g: ResourceGraph) => g.resources.filter((r) => r.custom && "tags" in r.inputs);

describe("fine-tune on AWS with Bedrock model customisation", async () => {
  const graph = await build(bedrock);

  it("tunes the base model on the training and validation sets in the VPC, encrypted with the track's key", () => {
    const m = one(graph, "aws:bedrock/customModel:CustomModel").inputs as any;
    expect(m.baseModelIdentifier).toBe("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:300k");
    expect(m.customizationType).toBe("FINE_TUNING");
    expect(m.hyperparameters).toEqual({ epochCount: "2", batchSize: "1", learningRate: "0.00001" });
    expect(m.trainingDataConfig).toEqual({ s3Uri: "s3://acme-data/support/train.jsonl" });
    expect(m.validationDataConfig).toEqual({ validators: [{ s3Uri: "s3://acme-data/support/validation.jsonl" }] });
    expect(m.customModelKmsKeyId).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
    expect(m.outputDataConfig.s3Uri).toMatch(/^s3:\/\/tune-output-[0-9a-f]+\/custom-model\/$/);
    expect(m.vpcConfig.subnetIds).toEqual(ofType(graph, "aws:ec2/subnet:Subnet").map((s) => s.id));
    expect(m.jobName).toBe("tune-run-1-job");
  });

  it("serves the tuned model with provisioned throughput", () => {
    const pt = one(graph, "aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput").inputs as any;
    expect(pt).toMatchObject({ modelUnits: 2, commitmentDuration: "OneMonth", provisionedModelName: "tune-run-1" });
    expect(pt.modelArn).toMatch(/^arn:aws:bedrock:us-east-1:123456789012:custom-model\//);
  });

  it("waits for the customisation job, then serves the model the job produced, in one update", () => {
    const model = one(graph, "aws:bedrock/customModel:CustomModel");
    const wait = one(graph, WAIT);
    const pt = one(graph, "aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput");
    expect(wait.parent).toBe(named(graph, "aitracks:aws:FineTuneTrack", "tune").urn);
    // The wait polls the CustomModel's job, in the track's region, for a day by default.
    expect(wait.inputs).toMatchObject({ region: "us-east-1", timeoutSeconds: 86400, pollIntervalSeconds: 60 });
    const job = /^arn:aws:bedrock:us-east-1:123456789012:model-customization-job\/(tune-custom-model-[0-9a-f]{7})$/.exec(String(wait.inputs.jobArn));
    expect(job, String(wait.inputs.jobArn)).not.toBeNull();
    expect(wait.propertyDependencies.jobArn).toEqual([model.urn]);
    // The throughput's model is the wait's output, not the CustomModel's ARN (empty until the job completes).
    expect(pt.propertyDependencies.modelArn).toEqual([wait.urn]);
    // (The preview's mock reports the completed job's model as custom-model/<the job's name>.)
    expect(pt.inputs.modelArn).toBe(`arn:aws:bedrock:us-east-1:123456789012:custom-model/${job![1]}`);
    expect(pt.dependencies).toEqual(expect.arrayContaining([wait.urn, model.urn]));
  });

  it("waits as long as customizationTimeoutHours says", async () => {
    const g = await build({ ...bedrock, customizationTimeoutHours: 6.5 });
    expect(one(g, WAIT).inputs.timeoutSeconds).toBe(23400);
  });

  it("evaluates the tuned model against its base model on the same held-out dataset", () => {
    const jobs = evaluationJobs(graph);
    expect(Object.keys(jobs).sort()).toEqual(["tune-evaluation-base", "tune-evaluation-tuned"]);
    const base = jobs["tune-evaluation-base"]!;
    const tuned = jobs["tune-evaluation-tuned"]!;
    expect(base.evaluationConfig).toEqual(tuned.evaluationConfig);
    expect(base.evaluationConfig.automated.datasetMetricConfigs[0].dataset).toEqual({ name: "support-holdout", datasetLocation: { s3Uri: holdout.s3Uri } });
    expect(base.inferenceConfig.models[0].bedrockModel.modelIdentifier).toBe("amazon.nova-lite-v1:0");
    expect(tuned.inferenceConfig.models[0].bedrockModel.modelIdentifier).toMatch(/^arn:aws:bedrock:us-east-1:123456789012:provisioned-model\//);
    // The evaluation is the evaluation track, as a child of the fine-tune track.
    const evaluation = named(graph, "aitracks:aws:EvaluationTrack", "tune-evaluation");
    expect(evaluation.parent).toBe(named(graph, "aitracks:aws:FineTuneTrack", "tune").urn);
    expect(trackOf(graph, ofType(graph, "aws:bedrock/evaluationJob:EvaluationJob")[0]!)?.track).toBe("evaluation");
  });

  it("lets Bedrock read only the training and validation sets and write only the output prefix", () => {
    const trust = jsonInput(named(graph, "aws:iam/role:Role", "tune-customization"), "assumeRolePolicy").Statement[0];
    expect(trust.Principal.Service).toBe("bedrock.amazonaws.com");
    const statements: any[] = jsonInput(named(graph, "aws:iam/rolePolicy:RolePolicy", "tune-customization-policy"), "policy").Statement;
    const sid = (s: string) => statements.find((x) => x.Sid === s);
    expect(sid("ReadTrackData").Resource.slice(0, 2)).toEqual(["arn:aws:s3:::acme-data/support/train.jsonl*", "arn:aws:s3:::acme-data/support/validation.jsonl*"]);
    expect(sid("WriteTrackData").Resource).toEqual([expect.stringMatching(/^arn:aws:s3:::tune-output-[0-9a-f]+\/custom-model\/\*$/)]);
  });

  it("puts the number of labelled examples on every resource, for the too-little-data policy", () => {
    const all = taggable(graph);
    expect(all.length).toBeGreaterThan(25);
    for (const r of all) {
      const t = r.inputs.tags as Record<string, string>;
      expect(t[LABELED_EXAMPLES_TAG], r.name).toBe("5000");
      for (const k of REQUIRED_TAG_KEYS) expect(t[k], `${r.name} ${k}`).toBeTruthy();
    }
    expect(LABELED_EXAMPLES_TAG).toBe("aitracks-labeled-examples");
  });

  it("leaves the evaluation out only when switched off explicitly", async () => {
    const off = await build({ ...bedrock, evaluation: { enabled: false } });
    expect(ofType(off, "aws:bedrock/evaluationJob:EvaluationJob")).toHaveLength(0);
    expect(ofType(off, "aitracks:aws:EvaluationTrack")).toHaveLength(0);
    expect(await attempt({ ...bedrock, evaluation: undefined })).toBe(
      "evaluation.dataset: expected the held-out dataset the base and the tuned model are both scored on (or evaluation: {enabled: false}) (0)",
    );
  });
});

describe("fine-tune on AWS with SageMaker JumpStart", async () => {
  const graph = await build(jumpstart);

  it("tunes the public hub model with a serverless LoRA job, isolated and encrypted, registering the result", () => {
    const job = one(graph, "aws:sagemaker/trainingJob:TrainingJob").inputs as any;
    expect(job.serverlessJobConfig).toEqual({
      baseModelArn: "arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/Model/meta-textgeneration-llama-3-1-8b-instruct/2.1.0",
      jobType: "FineTuning",
      customizationTechnique: "SFT",
      peft: "LORA",
      acceptEula: true,
    });
    expect(job.modelPackageConfig.modelPackageGroupArn).toBe("arn:aws:sagemaker:us-east-1:123456789012:model-package-group/tune-tuned");
    expect(job.enableNetworkIsolation).toBe(true);
    expect(job.enableInterContainerTrafficEncryption).toBe(true);
    expect(job.outputDataConfig.kmsKeyId).toMatch(/:key\//);
    expect(job.stoppingCondition.maxRuntimeInSeconds).toBe(12 * 3600);
    expect(job.inputDataConfigs).toEqual([{ channelName: "train", dataSource: { s3DataSource: { s3DataType: "S3Prefix", s3Uri: "s3://acme-data/support/train/" } } }]);
    expect(job.vpcConfig.subnets).toHaveLength(2);
    expect(job.algorithmSpecification).toBeUndefined(); // conflicts with serverlessJobConfig
  });

  it("has no Bedrock customisation, wait or throughput", () => {
    for (const t of ["aws:bedrock/customModel:CustomModel", WAIT, "aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput"]) expect(ofType(graph, t), t).toHaveLength(0);
  });

  it("deploys the tuned model package through the serving track, in the same VPC, autoscaled", () => {
    const serving = named(graph, "aitracks:aws:ServingTrack", "tune-serving");
    expect(serving.parent).toBe(named(graph, "aitracks:aws:FineTuneTrack", "tune").urn);
    const model = one(graph, "aws:sagemaker/model:Model").inputs as any;
    expect(model.primaryContainer.modelPackageName).toBe("arn:aws:sagemaker:us-east-1:123456789012:model-package/tune-tuned/1");
    expect(one(graph, "aws:sagemaker/model:Model").dependencies).toContain(one(graph, "aws:sagemaker/trainingJob:TrainingJob").urn);
    expect(model.enableNetworkIsolation).toBe(true);
    const variant = (one(graph, "aws:sagemaker/endpointConfiguration:EndpointConfiguration").inputs.productionVariants as any[])[0];
    expect(variant).toMatchObject({ instanceType: "ml.g5.12xlarge", initialInstanceCount: 1 });
    expect(one(graph, "aws:appautoscaling/target:Target").inputs).toMatchObject({ minCapacity: 1, maxCapacity: 3 });
    expect(ofType(graph, "aws:ec2/vpc:Vpc")).toHaveLength(1);
    expect(ofType(graph, "aws:kms/key:Key")).toHaveLength(1);
  });

  it("evaluates base and tuned on the same dataset, and monitors the tuned endpoint's traffic", () => {
    const jobs = evaluationJobs(graph);
    const base = jobs["tune-evaluation-base"]!;
    const tuned = jobs["tune-evaluation-tuned"]!;
    expect(base.evaluationConfig).toEqual(tuned.evaluationConfig);
    expect(base.evaluationConfig.automated.datasetMetricConfigs[0].dataset.datasetLocation.s3Uri).toBe(holdout.s3Uri);
    expect(base.inferenceConfig.models[0].bedrockModel.modelIdentifier).toBe("us.meta.llama3-1-8b-instruct-v1:0");
    expect(tuned.inferenceConfig.models[0]).toEqual({ precomputedInferenceSource: { inferenceSourceIdentifier: "tuned" } });
    const dq = one(graph, "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition").inputs as any;
    expect(dq.dataQualityJobInput.endpointInput.endpointName).toBe("tune-serving");
  });

  it("keeps the training role to the training set, the output prefix and its own model package group", () => {
    const statements: any[] = jsonInput(named(graph, "aws:iam/rolePolicy:RolePolicy", "tune-training-policy"), "policy").Statement;
    const sid = (s: string) => statements.find((x) => x.Sid === s);
    expect(sid("ReadTrackData").Resource[0]).toBe("arn:aws:s3:::acme-data/support/train/*");
    expect(sid("RegisterTunedModel").Resource).toEqual([
      "arn:aws:sagemaker:us-east-1:123456789012:model-package-group/tune-tuned",
      "arn:aws:sagemaker:us-east-1:123456789012:model-package/tune-tuned/*",
    ]);
    for (const r of taggable(graph)) expect((r.inputs.tags as Record<string, string>)[LABELED_EXAMPLES_TAG], r.name).toBe("12000");
  });
});

describe("fine-tune settings", () => {
  it("maps customisable Bedrock ids to the on-demand id the base evaluation invokes", () => {
    expect(bedrockBaseInvokeId("amazon.nova-lite-v1:0:300k", "us-east-1")).toBe("amazon.nova-lite-v1:0");
    expect(bedrockBaseInvokeId("meta.llama3-2-3b-instruct-v1:0:128k", "us-west-2")).toBe("us.meta.llama3-2-3b-instruct-v1:0");
  });

  it("rejects impossible settings before registering anything, naming the field", async () => {
    expect(await attempt({ ...bedrock, labeledExamples: 0 })).toBe(
      "labeledExamples: expected the number of labelled examples in the training set (a whole number above 0), got 0 (0)",
    );
    expect(await attempt({ ...bedrock, method: "lora" })).toBe('method: expected bedrock or jumpstart, got "lora" (0)');
    expect(await attempt({ ...bedrock, region: "eu-west-1" })).toBe(
      "region: Bedrock model customisation is not offered in eu-west-1; the price catalog has it in us-east-1, us-west-2 (0)",
    );
    expect(await attempt({ ...jumpstart, serving: { minInstances: 4, maxInstances: 2 } })).toBe("serving.minInstances: expected at most maxInstances (2), got 4 (0)");
    expect(await attempt({ ...jumpstart, serving: { minInstances: 0 } })).toMatch(/^serving\.minInstances: expected at least 1 instance .* \(0\)$/);
    expect(await attempt({ ...jumpstart, serving: { instanceType: "ml.g9.xlarge" } })).toMatch(/^serving\.instanceType: unknown aws SKU "ml\.g9\.xlarge" in the price catalog/);
    expect(await attempt({ ...jumpstart, provisionedModelUnits: 1 })).toBe("provisionedModelUnits: applies to method bedrock only (0)");
    expect(await attempt({ ...jumpstart, customizationTimeoutHours: 6 })).toBe("customizationTimeoutHours: applies to method bedrock only (0)");
    expect(await attempt({ ...bedrock, customizationTimeoutHours: 0 })).toBe("customizationTimeoutHours: expected more than 0 and at most 672 hours (28 days), got 0 (0)");
    expect(await attempt({ ...bedrock, customizationTimeoutHours: 700 })).toBe("customizationTimeoutHours: expected more than 0 and at most 672 hours (28 days), got 700 (0)");
    expect(await attempt({ ...bedrock, evaluation: { dataset: { s3Uri: bedrock.trainingDataUri } } })).toBe(
      "evaluation.dataset.s3Uri: expected a held-out set, not the training data (scores on training examples overstate the tuning) (0)",
    );
    expect(await attempt({ ...bedrock, evaluation: { dataset: { ...holdout, taskType: "Poetry" } } })).toMatch(/^evaluation\.dataset\.taskType: expected one of Summarization, .* \(0\)$/);
  });
});
