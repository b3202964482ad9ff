// @ts-nocheck
// The fine-tuning anti-patterns (policies/guardrails/governance/fine-tune.ts) in every form they
// read: the generic evaluation contract our Vertex AI / Azure OpenAI dynamic resources follow
// (dataset + base and tuned model, at the top, under `evaluation` or `properties`, by key or by a
// role map), evaluations declared by tags, Bedrock evaluation jobs (models, precomputed labels,
// human datasets), tuning units (custom models, fine-tune components and the tuning resources in
// them), each spelling of a base model, and what is not a fine-tune stack. Exact messages, and the
// exact set of violations.
import { describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { CustomModel, EvaluationJob } from "@pulumi/aws/bedrock";
import { Bucket as S3Bucket } from "@pulumi/aws/s3";
import { check, notesOf, TAGS, violationsOf } from "./helpers";

const POLICY = "fine-tune-before-after-evaluation";
const ROLE = "arn:aws:iam::123456789012:role/bedrock";
const DYNAMIC = "pulumi-nodejs:dynamic:Resource";
const NONE = "no evaluation scores the tuned model and its base model on the same dataset";
const only = (parts: string) => `${NONE} (${parts})`;

/** [resource name or "stack", message] of the policy's violations, sorted. */
async function verdicts(program: () => void, config: Record<string, unknown> = {}): Promise<string[][]> {
  const { graph, report } = await check(program, { config });
  return violationsOf(report, POLICY)
    .map((v) => [v.urn === undefined ? "stack" : graph.resources.find((r) => r.urn === v.urn)!.name, v.message])
    .sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

const fineTuneTrack = (cloud = "gcp", name = "tune") => new pulumi.ComponentResource(`aitracks:${cloud}:FineTuneTrack`, name, { track: "fine-tune", cloud, region: "us-central1" });
const dynamic = (name: string, props: Record<string, unknown>, opts: pulumi.CustomResourceOptions = {}) => new pulumi.CustomResource(DYNAMIC, name, props, opts);

/** A fine-tune component with its tuning job and one evaluation resource of the given inputs. */
function generic(evalProps: Record<string, unknown>): () => void {
  return () => {
    const parent = fineTuneTrack();
    dynamic("tuning", { baseModel: "gemini-2.0-flash-001", trainingDatasetUri: "gs://d/train.jsonl" }, { parent });
    dynamic("evaluation", evalProps, { parent });
  };
}

describe(`${POLICY}: the generic evaluation contract (Vertex AI, Azure OpenAI dynamic resources)`, () => {
  const DS = "gs://d/eval.jsonl";

  it("passes base and tuned scored on one dataset; names the dataset and the missing side otherwise", async () => {
    expect(await verdicts(generic({ dataset: DS, baseModel: "gemini-2.0-flash-001", tunedModel: "projects/p/models/1" }))).toEqual([]);
    expect(await verdicts(generic({ dataset: DS, baseModel: "gemini-2.0-flash-001" }))).toEqual([["tune", only(`${DS} scores only the base model`)]]);
    expect(await verdicts(generic({ dataset: DS, tunedModel: "projects/p/models/1" }))).toEqual([["tune", only(`${DS} scores only the tuned model`)]]);
    // A dataset and no model by any role is not an evaluation run.
    expect(await verdicts(generic({ dataset: DS, model: "gemini-2.0-flash-001" }))).toEqual([["tune", NONE]]);
  });

  it.each(["baseModel", "baselineModel", "baseModelId"])("the base model as %s", async (key) => {
    expect(await verdicts(generic({ dataset: DS, [key]: "gemini-2.0-flash-001", tunedModel: "t" }))).toEqual([]);
  });

  it.each(["tunedModel", "candidateModel", "tunedModelId", "fineTunedModel"])("the tuned model as %s", async (key) => {
    expect(await verdicts(generic({ dataset: DS, baseModel: "b", [key]: "projects/p/models/1" }))).toEqual([]);
  });

  it.each(["dataset", "datasetUri", "evaluationDataset", "evalDataset", "evaluationDatasetUri", "fileId", "datasetFileId"])("the dataset as %s", async (key) => {
    expect(await verdicts(generic({ [key]: "file-abc", baseModel: "b" }))).toEqual([["tune", only("file-abc scores only the base model")]]);
  });

  it("reads only string values: a model or dataset given as an object or a number is not one", async () => {
    expect(await verdicts(generic({ dataset: DS, baseModel: { id: "b" }, tunedModel: "t" }))).toEqual([["tune", only(`${DS} scores only the tuned model`)]]);
    expect(await verdicts(generic({ dataset: DS, baseModel: "b", tunedModel: 7 }))).toEqual([["tune", only(`${DS} scores only the base model`)]]);
    expect(await verdicts(generic({ dataset: 7, evalDataset: "gs://d/second.jsonl", baseModel: "b" }))).toEqual([["tune", only("gs://d/second.jsonl scores only the base model")]]);
  });

  it("reads the inputs at the top, under `evaluation` and under `properties`, the first scope that names a role", async () => {
    expect(await verdicts(generic({ evaluation: { dataset: DS, baseModel: "b", tunedModel: "t" } }))).toEqual([]);
    expect(await verdicts(generic({ properties: { dataset: DS, baseModel: "b", tunedModel: "t" } }))).toEqual([]);
    // A dataset at the top with no model there: the scope under it decides.
    expect(await verdicts(generic({ dataset: "gs://d/top.jsonl", evaluation: { dataset: "gs://d/inner.jsonl", baseModel: "b" } }))).toEqual([
      ["tune", only("gs://d/inner.jsonl scores only the base model")],
    ]);
    expect(await verdicts(generic({ evaluation: "gs://d/e.jsonl", properties: { datasetUri: DS, tunedModel: "t" } }))).toEqual([["tune", only(`${DS} scores only the tuned model`)]]);
  });

  it.each(["inferenceConfigs", "deployments", "models", "candidates"])("a role map under %s", async (key) => {
    expect(await verdicts(generic({ dataset: DS, [key]: { base: "gemini-2.0-flash-001", tuned: "projects/p/models/1" } }))).toEqual([]);
  });

  it.each([
    ["baseline", "candidate"],
    ["before", "after"],
    ["BASE", "fine-tuned"],
    ["Base", "finetuned"],
    ["base", "TUNED"],
  ])("role labels %s and %s", async (base, tuned) => {
    expect(await verdicts(generic({ dataset: DS, deployments: { [base]: "b", [tuned]: "t" } }))).toEqual([]);
  });

  it("a label only contains a role word is not that role; a role map that is not an object is not read", async () => {
    expect(await verdicts(generic({ dataset: DS, models: { basement: "b", tuned: "t" } }))).toEqual([["tune", only(`${DS} scores only the tuned model`)]]);
    expect(await verdicts(generic({ dataset: DS, models: { prebase: "b", tuned: "t" } }))).toEqual([["tune", only(`${DS} scores only the tuned model`)]]);
    expect(await verdicts(generic({ dataset: DS, models: { base: "b", "tuned-v2": "t" } }))).toEqual([["tune", only(`${DS} scores only the base model`)]]);
    expect(await verdicts(generic({ dataset: DS, models: { base: "b", retuned: "t" } }))).toEqual([["tune", only(`${DS} scores only the base model`)]]);
    expect(await verdicts(generic({ dataset: DS, models: { base: "b", "fine--tuned": "t" } }))).toEqual([["tune", only(`${DS} scores only the base model`)]]);
    expect(await verdicts(generic({ dataset: DS, models: ["base", "tuned"] }))).toEqual([["tune", NONE]]);
  });

  it("roles a run states are not its models: a run of the base model that depends on the tuning is still the base's", async () => {
    const program = () => {
      const parent = fineTuneTrack();
      const job = new pulumi.CustomResource("aws:sagemaker/trainingJob:TrainingJob", "tuning", {}, { parent });
      dynamic("evaluation", { dataset: DS, baseModel: "b" }, { parent, dependsOn: [job] });
      dynamic("tagged", { tags: { "aitracks-eval-dataset": "ds-tags", "aitracks-eval-role": "base" } }, { parent, dependsOn: [job] });
    };
    expect(await verdicts(program)).toEqual([["tune", only(`ds-tags scores only the base model; ${DS} scores only the base model`)]]);
  });
});

describe(`${POLICY}: evaluations declared by tags`, () => {
  const tagged = (name: string, tags: Record<string, string>) => dynamic(name, { tags: { ...TAGS, "aitracks-track": "fine-tune", ...tags } });
  const program = (...runs: Record<string, string>[]) => () => {
    fineTuneTrack();
    runs.forEach((t, i) => tagged(`run-${i}`, t));
  };

  it("a run per role on the same dataset, or one run with both roles (+ , _ or space between)", async () => {
    const base = { "aitracks-eval-dataset": "holdout", "aitracks-eval-role": "base" };
    expect(await verdicts(program(base, { ...base, "aitracks-eval-role": "tuned" }))).toEqual([]);
    for (const both of ["base+tuned", "base,tuned", "tuned_base", "base tuned"]) {
      expect(await verdicts(program({ ...base, "aitracks-eval-role": both })), both).toEqual([]);
    }
    expect(await verdicts(program(base))).toEqual([["tune", only("holdout scores only the base model")]]);
    expect(await verdicts(program({ ...base, "aitracks-eval-role": "tuned" }, { "aitracks-eval-dataset": "other", "aitracks-eval-role": "base" }))).toEqual([
      ["tune", only("holdout scores only the tuned model; other scores only the base model")],
    ]);
  });

  it("needs both the dataset and the role tag", async () => {
    expect(await verdicts(program({ "aitracks-eval-dataset": "holdout" }))).toEqual([["tune", NONE]]);
    expect(await verdicts(program({ "aitracks-eval-role": "base+tuned" }))).toEqual([["tune", NONE]]);
  });
});

// ---- Bedrock ---------------------------------------------------------------------------------

const tuneTags = { ...TAGS, "aitracks-track": "fine-tune" };
const customModel = (name = "tuning-a", base = "amazon.nova-lite-v1:0:300k", opts: pulumi.CustomResourceOptions = {}) =>
  new CustomModel(
    name,
    {
      baseModelIdentifier: base,
      customModelName: `${name}-model`,
      jobName: name,
      hyperparameters: { epochCount: "2" },
      roleArn: ROLE,
      trainingDataConfig: { s3Uri: "s3://d/train.jsonl" },
      outputDataConfig: { s3Uri: "s3://d/out/" },
      tags: tuneTags,
    },
    opts,
  );
type ModelSpec = string | { label: string };
/** A Bedrock evaluation job scoring `models` (ids, or precomputed sources by label) on `datasets`. */
const bedrockEval = (name: string, models: ModelSpec[], datasets: (string | { name: string })[], opts: pulumi.CustomResourceOptions = {}, kind: "automated" | "human" = "automated") =>
  new EvaluationJob(
    name,
    {
      jobName: name,
      roleArn: ROLE,
      evaluationConfig: {
        [kind]: {
          datasetMetricConfigs: datasets.map((d) => ({
            taskType: "QuestionAndAnswer",
            metricNames: ["Builtin.Accuracy"],
            dataset: typeof d === "string" ? { name: "holdout", datasetLocation: { s3Uri: d } } : { name: d.name },
          })),
        },
      },
      inferenceConfig: {
        models: models.map((m) => (typeof m === "string" ? { bedrockModel: { modelIdentifier: m, inferenceParams: "{}" } } : { precomputedInferenceSource: { inferenceSourceIdentifier: m.label } })),
      },
      outputDataConfig: { s3Uri: "s3://d/eval/" },
      tags: tuneTags,
    },
    opts,
  );
const CUSTOM_ARN = "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-lite-v1:0:300k/abc123";
const DS = "s3://d/holdout.jsonl";
/** The message on a custom model of amazon.nova-lite-v1:0: none, or the datasets scoring one side. */
const nova = (parts?: string) => `no evaluation scores the tuned model and its base model amazon.nova-lite-v1:0 on the same dataset${parts ? ` (${parts})` : ""}`;

describe(`${POLICY}: Bedrock custom models and evaluation jobs`, () => {
  it.each([
    "amazon.nova-lite-v1:0",
    "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0",
    "us.amazon.nova-lite-v1:0",
    "eu.amazon.nova-lite-v1:0",
    "apac.amazon.nova-lite-v1:0",
    "global.amazon.nova-lite-v1:0",
    "amazon.nova-lite-v1:0:300k",
  ])("the base model spelt %s", async (spelling) => {
    const program = (base: string) => () => {
      customModel();
      bedrockEval("eval-tuned", [CUSTOM_ARN], [DS]);
      bedrockEval("eval-base", [base], [DS]);
    };
    expect(await verdicts(program(spelling))).toEqual([]);
  });

  it("a base model spelt with a prefix or suffix the ids do not have is another model", async () => {
    for (const other of ["xx.amazon.nova-lite-v1:0", "us.arn:aws:x/amazon.nova-lite-v1:0", "amazon.nova-lite-v1:0:300", "amazon.nova-lite-v1:0:300k-x", "arn:aws:bedrock:us-east-1::foundation-model/x/amazon.nova-lite-v1:0", "my-arn:aws:x/amazon.nova-lite-v1:0"]) {
      const program = () => {
        customModel();
        bedrockEval("eval-tuned", [CUSTOM_ARN], [DS]);
        bedrockEval("eval-base", [other], [DS]);
      };
      expect(await verdicts(program), other).toEqual([["tuning-a", nova(`${DS} scores only the tuned model`)]]);
    }
  });

  it("the tuned model: by its name, by a custom-model or provisioned-model ARN, or by depending on the tuning", async () => {
    const withTuned = (tuned: (m: CustomModel) => void) => () => {
      const m = customModel();
      tuned(m);
      bedrockEval("eval-base", ["amazon.nova-lite-v1:0"], [DS]);
    };
    const failing = [["tuning-a", nova(`${DS} scores only the base model`)]];
    expect(await verdicts(withTuned(() => bedrockEval("eval-tuned", ["tuning-a-model"], [DS])))).toEqual([]);
    expect(await verdicts(withTuned(() => bedrockEval("eval-tuned", ["arn:aws:bedrock:us-east-1:123456789012:provisioned-model/xyz"], [DS])))).toEqual([]);
    expect(await verdicts(withTuned(() => bedrockEval("eval-tuned", [CUSTOM_ARN], [DS])))).toEqual([]);
    expect(await verdicts(withTuned((m) => bedrockEval("eval-tuned", ["arn:aws:bedrock:us-east-1:123456789012:model/opaque"], [DS], { dependsOn: [m] })))).toEqual([]);
    // Neither named nor dependent: some other model.
    expect(await verdicts(withTuned(() => bedrockEval("eval-tuned", ["arn:aws:bedrock:us-east-1:123456789012:model/opaque"], [DS])))).toEqual(failing);
    // A run of the base model after the tuning (it depends on it) is still the base's.
    expect(await verdicts(withTuned((m) => bedrockEval("eval-tuned", ["us.amazon.nova-lite-v1:0"], [DS], { dependsOn: [m] })))).toEqual(failing);
  });

  it("a known base model is the only base: another foundation model does not count", async () => {
    const program = () => {
      customModel();
      bedrockEval("eval-tuned", [CUSTOM_ARN], [DS]);
      bedrockEval("eval-other", ["anthropic.claude-3-haiku-20240307-v1:0"], [DS]);
    };
    expect(await verdicts(program)).toEqual([["tuning-a", nova(`${DS} scores only the tuned model`)]]);
  });

  it("one job scoring both models; a job's every model is read, not only the first", async () => {
    expect(await verdicts(() => (customModel(), bedrockEval("both", [CUSTOM_ARN, "amazon.nova-lite-v1:0"], [DS])))).toEqual([]);
    expect(await verdicts(() => (customModel(), bedrockEval("both", ["amazon.nova-lite-v1:0", CUSTOM_ARN], [DS])))).toEqual([]);
  });

  it("precomputed inference sources by role label; any other label is a model id", async () => {
    expect(await verdicts(() => (customModel(), bedrockEval("pre", [{ label: "tuned" }, { label: "baseline" }], [DS])))).toEqual([]);
    expect(await verdicts(() => (customModel(), bedrockEval("pre", [{ label: "after" }, { label: "before" }], [DS])))).toEqual([]);
    expect(await verdicts(() => (customModel(), bedrockEval("pre", [{ label: "candidate" }, { label: "amazon.nova-lite-v1:0" }], [DS])))).toEqual([]);
    expect(await verdicts(() => (customModel(), bedrockEval("pre", [{ label: "fine-tuned" }], [DS])))).toEqual([["tuning-a", nova(`${DS} scores only the tuned model`)]]);
    expect(await verdicts(() => (customModel(), bedrockEval("pre", [{ label: "base" }], [DS])))).toEqual([["tuning-a", nova(`${DS} scores only the base model`)]]);
    // Another label is a model id, here neither the base nor the tuned one: the dataset scores neither.
    expect(await verdicts(() => (customModel(), bedrockEval("pre", [{ label: "my-run" }], [DS])))).toEqual([["tuning-a", nova()]]);
  });

  it("human-based jobs, datasets by name when they have no S3 location, and each dataset a job names", async () => {
    expect(await verdicts(() => (customModel(), bedrockEval("human", [CUSTOM_ARN], [{ name: "Builtin.BoolQ" }], {}, "human")))).toEqual([["tuning-a", nova("Builtin.BoolQ scores only the tuned model")]]);
    expect(
      await verdicts(() => {
        customModel();
        bedrockEval("eval-tuned", [CUSTOM_ARN], ["s3://d/z.jsonl", "s3://d/a.jsonl"]);
        bedrockEval("eval-base", ["amazon.nova-lite-v1:0"], ["s3://d/a.jsonl"], {}, "human");
      }),
    ).toEqual([]);
  });

  it("a metric config without a dataset names none", async () => {
    const noDataset = () => {
      customModel();
      new EvaluationJob("eval-tuned", {
        jobName: "eval-tuned",
        roleArn: ROLE,
        evaluationConfig: { automated: { datasetMetricConfigs: [{ taskType: "QuestionAndAnswer", metricNames: ["Builtin.Accuracy"] }] } },
        inferenceConfig: { models: [{ bedrockModel: { modelIdentifier: CUSTOM_ARN, inferenceParams: "{}" } }] },
        outputDataConfig: { s3Uri: "s3://d/eval/" },
        tags: tuneTags,
      });
    };
    expect(await verdicts(noDataset)).toEqual([["tuning-a", nova()]]);
  });

  it("a dataset one side complete is enough; the others are listed sorted, and datasets scoring neither are not", async () => {
    expect(
      await verdicts(() => {
        customModel();
        bedrockEval("t1", [CUSTOM_ARN], ["s3://d/z.jsonl", "s3://d/a.jsonl", "s3://d/m.jsonl"]);
        bedrockEval("b1", ["amazon.nova-lite-v1:0"], ["s3://d/m.jsonl"]);
      }),
    ).toEqual([]);
    expect(
      await verdicts(() => {
        customModel();
        bedrockEval("t1", [CUSTOM_ARN], ["s3://d/z.jsonl"]);
        bedrockEval("b1", ["amazon.nova-lite-v1:0"], ["s3://d/a.jsonl"]);
        bedrockEval("neither", ["meta.llama3-8b-instruct-v1:0"], ["s3://d/n.jsonl"]);
      }),
    ).toEqual([["tuning-a", nova("s3://d/a.jsonl scores only the base model; s3://d/z.jsonl scores only the tuned model")]]);
  });

  it("each custom model is judged on its own", async () => {
    const program = () => {
      customModel("tuning-a");
      customModel("tuning-b", "meta.llama3-8b-instruct-v1:0");
      bedrockEval("ta", [CUSTOM_ARN.replace("abc123", "tuning-a-model")], [DS]);
      bedrockEval("ba", ["amazon.nova-lite-v1:0"], [DS]);
    };
    expect(await verdicts(program)).toEqual([["tuning-b", `no evaluation scores the tuned model and its base model meta.llama3-8b-instruct-v1:0 on the same dataset (${DS} scores only the tuned model)`]]);
  });
});

describe(`${POLICY}: fine-tune components and the tuning resources in them`, () => {
  /** An AWS fine-tune component holding `member`, a run that depends on it, and a run of a foundation model. */
  const unit = (member: (parent: pulumi.Resource) => pulumi.Resource, baseRun = "anthropic.claude-3-haiku-20240307-v1:0") => () => {
    const parent = fineTuneTrack("aws");
    const m = member(parent);
    bedrockEval("eval-tuned", ["arn:aws:sagemaker:us-east-1:123456789012:endpoint/support"], [DS], { parent, dependsOn: [m] });
    bedrockEval("eval-base", [baseRun], [DS], { parent });
  };
  const typed = (type: string, name = "member") => (parent: pulumi.Resource) => new pulumi.CustomResource(type, name, {}, { parent });
  const ONLY_BASE = [["tune", only(`${DS} scores only the base model`)]];

  it.each([
    "aws:sagemaker/trainingJob:TrainingJob",
    "aws:sagemaker/model:Model",
    "aws:sagemaker/endpoint:Endpoint",
    "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
    "aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob",
    "aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput",
    DYNAMIC,
  ])("a run that depends on the component's %s scores the tuned model", async (type) => {
    expect(await verdicts(unit(typed(type)))).toEqual([]);
  });

  it("what is not a tuning resource, or is an evaluation, or is outside the component, does not make a run the tuned model's", async () => {
    expect(await verdicts(unit(typed("aws:s3/bucket:Bucket")))).toEqual(ONLY_BASE);
    expect(await verdicts(unit(typed("aws:sagemaker/notebookInstance:NotebookInstance")))).toEqual(ONLY_BASE);
    expect(await verdicts(unit(typed("xaws:sagemaker/model:Model")))).toEqual(ONLY_BASE);
    expect(await verdicts(unit(typed("aws:sagemaker/model:Model", "eval-model")))).toEqual(ONLY_BASE);
    expect(await verdicts(unit(typed("aws:sagemaker/model:Model", "EVALUATOR")))).toEqual(ONLY_BASE);
    expect(await verdicts(unit(typed("pulumi-nodejs:dynamic:Evaluator")))).toEqual(ONLY_BASE);
    expect(await verdicts(unit(() => new pulumi.CustomResource("aws:sagemaker/model:Model", "outside", {})))).toEqual(ONLY_BASE);
    const inBuy = () => {
      const buy = new pulumi.ComponentResource("aitracks:aws:BuyTrack", "assistant", { track: "buy", cloud: "aws", region: "us-east-1" });
      return new pulumi.CustomResource("aws:sagemaker/model:Model", "served", {}, { parent: buy });
    };
    expect(await verdicts(unit(inBuy))).toEqual(ONLY_BASE);
  });

  it("with no base model known, the base run is a foundation model that is not the tuned one", async () => {
    expect(await verdicts(unit(typed("aws:sagemaker/model:Model"), "in-house-model-v2"))).toEqual([["tune", only(`${DS} scores only the tuned model`)]]);
    expect(await verdicts(unit(typed("aws:sagemaker/model:Model"), "amazon.nova-pro-v1:0"))).toEqual([]);
  });

  it("a component whose custom model is a tuning unit is not judged again as a component", async () => {
    const program = () => {
      const parent = fineTuneTrack("aws");
      customModel("tuning-a", "in-house-base-v1", { parent });
      bedrockEval("eval-tuned", [CUSTOM_ARN], [DS], { parent });
      bedrockEval("eval-base", ["in-house-base-v1"], [DS], { parent });
    };
    expect(await verdicts(program)).toEqual([]);
  });
});

describe("what a fine-tune stack is", () => {
  it("a stack without tuning is not judged; one tagged fine-tune with nothing tuned is reported", async () => {
    const plain = await check(() => new S3Bucket("data", { tags: TAGS }));
    expect(violationsOf(plain.report, POLICY)).toEqual([]);
    expect(notesOf(plain.report, POLICY).map((n) => n.reason)).toEqual(["the stack tunes no model"]);
    for (const name of ["fine-tune-minimum-examples", "fine-tune-recommended-examples"]) {
      expect(notesOf(plain.report, name).map((n) => n.reason)).toEqual(["not a fine-tune stack"]);
    }
    const tagged = () => new S3Bucket("data", { tags: tuneTags });
    expect(await verdicts(tagged)).toEqual([["stack", "the stack is a fine-tune stack but defines no tuning resource or fine-tune track whose evaluation could be checked"]]);
    // Declared in the stack config's tracks.
    expect(await verdicts(() => new S3Bucket("data", { tags: TAGS }), { "aitracks:tracks": [{ track: "fine-tune", cloud: "aws", name: "support" }] })).toEqual([
      ["stack", "the stack is a fine-tune stack but defines no tuning resource or fine-tune track whose evaluation could be checked"],
    ]);
    expect(await verdicts(() => new S3Bucket("data", { tags: TAGS }), { "aitracks:tracks": [{ track: "buy", cloud: "aws", name: "support" }] })).toEqual([]);
  });

  it("a resource under a fine-tune component is a fine-tune resource: its labelled examples count", async () => {
    const program = (examples: string) => () => {
      const parent = fineTuneTrack("aws");
      // No track tag: the component says which track the bucket is on.
      const { "aitracks-track": _track, ...tags } = TAGS;
      new S3Bucket("data", { tags: { ...tags, "aitracks-labeled-examples": examples } }, { parent });
    };
    const BUCKET = "urn:pulumi:test::inline::aitracks:aws:FineTuneTrack$aws:s3/bucket:Bucket::data";
    const low = await check(program("50"));
    expect(violationsOf(low.report, "fine-tune-minimum-examples").map((v) => v.message)).toEqual([
      `50 labelled examples (tag aitracks-labeled-examples on ${BUCKET}); fine-tuning needs at least 100`,
    ]);
    // The mandatory minimum is reported by its own policy, the recommendation from the minimum up.
    expect(violationsOf(low.report, "fine-tune-recommended-examples")).toEqual([]);
    const atMinimum = await check(program("100"));
    expect(violationsOf(atMinimum.report, "fine-tune-minimum-examples")).toEqual([]);
    expect(violationsOf(atMinimum.report, "fine-tune-recommended-examples").map((v) => v.message)).toEqual([
      `100 labelled examples (tag aitracks-labeled-examples on ${BUCKET}); 1,000 or more are recommended`,
    ]);
    const none = await check(() => fineTuneTrack("aws"));
    expect(notesOf(none.report, "fine-tune-minimum-examples").map((n) => n.reason)).toEqual([
      "the stack does not declare its labelled example count (see fine-tune-recommended-examples)",
    ]);
  });
});
