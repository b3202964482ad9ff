// @ts-nocheck
// Governance and the framework's anti-patterns: a violating and a passing program per policy.
import { describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { CustomModel, EvaluationJob, InferenceProfile, ProvisionedModelThroughput } from "@pulumi/aws/bedrock";
import { Provider } from "@pulumi/aws/provider";
import { Provider as NativeProvider } from "@pulumi/aws-native/provider";
import { ModelQualityJobDefinition } from "@pulumi/aws-native/sagemaker";
import { Bucket as S3Bucket } from "@pulumi/aws/s3";
import { TaskDefinition } from "@pulumi/aws/ecs";
import { Function as LambdaFunction } from "@pulumi/aws/lambda";
import { Parameter } from "@pulumi/aws/ssm";
import { WebApp } from "@pulumi/azure-native/web";
import { Service as RunService } from "@pulumi/gcp/cloudrunv2";
import { Compute } from "@pulumi/azure-native/machinelearningservices";
import { Bucket as GcsBucket } from "@pulumi/gcp/storage";
import { toGcpLabels } from "@aitracks/core";
import { check, expectPass, expectViolation, FACTS, TAGS, violationsOf, type PolicyCase } from "./helpers";

const ROLE = "arn:aws:iam::123456789012:role/bedrock";
const WORKLOAD = { requestsPerDay: 1000, inputTokensPerRequest: 500, outputTokensPerRequest: 100 };
const profile = (name: string, model: string, tags: Record<string, string> = TAGS) =>
  new InferenceProfile(name, { name, modelSource: { copyFrom: `arn:aws:bedrock:us-east-1::foundation-model/${model}` }, tags });

/** An aws-native resource, whose tags are Cloud Control's list of {key, value}. */
const nativeJob = (tags?: Record<string, string>, provider?: NativeProvider) =>
  new ModelQualityJobDefinition(
    "quality",
    {
      roleArn: ROLE,
      modelQualityAppSpecification: { imageUri: "analyzer", problemType: "Regression" },
      modelQualityJobInput: { endpointInput: { endpointName: "ep", localPath: "/opt/ml/processing/input" }, groundTruthS3Input: { s3Uri: "s3://labels/" } },
      modelQualityJobOutputConfig: { monitoringOutputs: [{ s3Output: { s3Uri: "s3://out/", localPath: "/opt/ml/processing/output" } }] },
      jobResources: { clusterConfig: { instanceCount: 1, instanceType: "ml.m5.xlarge", volumeSizeInGb: 30 } },
      ...(tags ? { tags: Object.entries(tags).map(([key, value]) => ({ key, value })) } : {}),
    },
    provider ? { provider } : {},
  );
const { "cost-center": _costCenter, ...withoutCostCenter } = TAGS;

const tuneTags = (examples?: number) => ({ ...TAGS, "aitracks-track": "fine-tune", ...(examples !== undefined ? { "aitracks-labeled-examples": String(examples) } : {}) });
const customModel = (examples?: number) =>
  new CustomModel("tuned", {
    baseModelIdentifier: "amazon.nova-lite-v1:0:300k",
    customModelName: "support-tuned",
    jobName: "support-tuning",
    hyperparameters: { epochCount: "2" },
    roleArn: ROLE,
    trainingDataConfig: { s3Uri: "s3://d/train.jsonl" },
    outputDataConfig: { s3Uri: "s3://d/out/" },
    tags: tuneTags(examples),
  });
const evaluation = (name: string, modelIdentifier: pulumi.Input<string>, dataset: string) =>
  new EvaluationJob(name, {
    jobName: name,
    roleArn: ROLE,
    evaluationConfig: { automated: { datasetMetricConfigs: [{ taskType: "QuestionAndAnswer", metricNames: ["Builtin.Accuracy"], dataset: { name: "holdout", datasetLocation: { s3Uri: dataset } } }] } },
    inferenceConfig: { models: [{ bedrockModel: { modelIdentifier, inferenceParams: "{}" } }] },
    outputDataConfig: { s3Uri: "s3://d/eval/" },
    tags: tuneTags(),
  });
/** A tuned model served by provisioned throughput; `evaluate` decides which models are scored on which dataset. */
function tuned(evaluate: (tunedArn: pulumi.Output<string>) => void): void {
  const m = customModel(5000);
  const pt = new ProvisionedModelThroughput("serving", { modelArn: m.customModelArn, modelUnits: 1, provisionedModelName: "support", tags: tuneTags() });
  evaluate(pt.provisionedModelArn);
}

const adminCompute = (password: pulumi.Input<string>) =>
  new Compute("cluster", {
    resourceGroupName: "rg",
    workspaceName: "ws",
    properties: { computeType: "AmlCompute", properties: { vmSize: "Standard_D4s_v5", userAccountCredentials: { adminUserName: "azureuser", adminUserPassword: password } } },
  });

// Credentials in plain text, found by value and by an entry's name (none of them real).
const LINE_SECRET = "d41d8cd98f00b204e9800998ecf8427e";
const OPENAI_KEY = "sk-proj-EXAMPLEonlyNOTaREALkey0123456789abcdef";
const ANTHROPIC_KEY = "sk-ant-api03-EXAMPLEonlyNOTaREALkey0123456789abcdefAA";
const GITHUB_TOKEN = "ghp_EXAMPLEonlyNOTaREALtoken0123456789ab";
const RANDOM = "q8Z3xV0pL7mN2bR5tY9wK4cJ6hG1fD";
const PEM = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n";
const webApp = (secret: pulumi.Input<string>) =>
  new WebApp("bot", {
    resourceGroupName: "rg-ai",
    siteConfig: { appSettings: [{ name: "LINE_CHANNEL_ID", value: "1657000000" }, { name: "LINE_CHANNEL_SECRET", value: secret }] },
  });
const runService = (env: { name: string; value?: string; valueSource?: { secretKeyRef: { secret: string; version: string } } }) =>
  new RunService("chat", { location: "us-central1", template: { containers: [{ image: "chat:1", envs: [{ name: "MODEL", value: "gemini-2.5-pro" }, env] }] } });
const taskDefinition = (containerDefinitions: pulumi.Input<string>) => new TaskDefinition("task", { family: "chat", containerDefinitions });
const lambda = (variables: Record<string, pulumi.Input<string>>) =>
  new LambdaFunction("fn", { role: ROLE, packageType: "Image", imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/fn:1", environment: { variables } });

/** Buckets of the given tracks (by their aitracks-track tag), for the decision-and-stack policies. */
const tracksOf = (...tracks: string[]) => () => tracks.forEach((t, i) => new S3Bucket(`data-${i}`, { tags: { ...TAGS, "aitracks-track": t } }));
const decided = (decision: object) => ({ ...FACTS, "aitracks:decision": { reviewDate: "2099-01-01", record: "decisions/adr-007.md", ...decision } });

const cases: PolicyCase[] = [
  {
    policy: "decision-track-ruled-out",
    config: decided({ track: "fine-tune", ruledOut: ["buy", "hybrid"] }),
    bad: tracksOf("buy"),
    on: "stack",
    message: /^the stack provisions the buy track, which the decision \(decisions\/adr-007\.md\) ruled out$/,
    good: tracksOf("fine-tune", "serving", "evaluation"),
  },
  {
    // Buy and fine-tune together are a hybrid: ruled out even though each part is eligible.
    policy: "decision-track-ruled-out",
    config: decided({ track: "fine-tune", ruledOut: ["build", "hybrid"] }),
    bad: tracksOf("buy", "fine-tune"),
    on: "stack",
    message: /^the stack provisions buy and fine-tune together \(a hybrid\), which the decision \(decisions\/adr-007\.md\) ruled out$/,
    good: tracksOf("fine-tune"),
  },
  {
    policy: "decision-track-not-recommended",
    config: decided({ track: "buy", ruledOut: ["build"] }),
    bad: tracksOf("fine-tune"),
    on: "stack",
    message: /^the stack provisions the fine-tune track, not the decision's recommendation buy \(decisions\/adr-007\.md\); record why, or re-decide$/,
    good: tracksOf("buy", "evaluation"),
    level: "advisory",
  },
  {
    // A hybrid decision accepts its parts (and the serving of the tuned model); build is another track.
    policy: "decision-track-not-recommended",
    config: decided({ track: "hybrid", ruledOut: [] }),
    bad: tracksOf("buy", "build"),
    on: "stack",
    message: /^the stack provisions the build track, not the decision's recommendation hybrid/,
    good: tracksOf("buy", "fine-tune", "serving"),
    level: "advisory",
  },
  {
    policy: "data-residency",
    bad: () => new GcsBucket("data", { location: "asia-northeast1" }),
    on: "data",
    message: /placed in asia-northeast1; allowed: europe-\*, eu-\*/,
    good: () => new GcsBucket("data", { location: "europe-west4" }),
    policyConfig: { "data-residency": { allowedRegions: ["europe-*", "eu-*"] } },
  },
  {
    // The region of an AWS resource comes from its provider.
    policy: "data-residency",
    bad: () => new S3Bucket("data", {}, { provider: new Provider("aws", { region: "us-east-1" }) }),
    on: "data",
    message: /placed in us-east-1/,
    good: () => new S3Bucket("data", {}, { provider: new Provider("aws", { region: "eu-central-1" }) }),
    policyConfig: { "data-residency": { allowedRegions: ["eu-*"] } },
  },
  {
    policy: "required-tags",
    config: FACTS, // an aitracks stack: the aitracks keys are required
    bad: () => new S3Bucket("data", { tags: { owner: "ml-platform", "aitracks-track": "buy", "decision-review-date": "2099-01-01" } }),
    on: "data",
    message: /^missing tag cost-center$/,
    good: () => new S3Bucket("data", { tags: TAGS }),
  },
  {
    // Provider default tags count.
    policy: "required-tags",
    config: FACTS, // an aitracks stack: the aitracks keys are required
    bad: () => new S3Bucket("data", {}, { provider: new Provider("aws", { region: "us-east-1", defaultTags: { tags: { owner: "ml-platform" } } }) }),
    on: "data",
    message: /^missing tags aitracks-track, cost-center, decision-review-date$/,
    good: () => new S3Bucket("data", {}, { provider: new Provider("aws", { region: "us-east-1", defaultTags: { tags: TAGS } }) }),
  },
  {
    // aws-native takes tags as a list of {key, value}.
    policy: "required-tags",
    config: FACTS, // an aitracks stack: the aitracks keys are required
    bad: () => nativeJob(withoutCostCenter),
    on: "quality",
    message: /^missing tag cost-center$/,
    good: () => nativeJob(TAGS),
  },
  {
    // The aws-native provider's default tags count, as the aws provider's do.
    policy: "required-tags",
    config: FACTS, // an aitracks stack: the aitracks keys are required
    bad: () => nativeJob(undefined, new NativeProvider("native", { region: "us-east-1", defaultTags: { tags: { owner: "ml-platform" } } })),
    on: "quality",
    message: /^missing tags aitracks-track, cost-center, decision-review-date$/,
    // The provider's defaults and the resource's own list merge.
    good: () => nativeJob({ "cost-center": "cc-4711" }, new NativeProvider("native", { region: "us-east-1", defaultTags: { tags: withoutCostCenter } })),
  },
  {
    // aws-native resources are regional too: their region is their provider's.
    policy: "data-residency",
    bad: () => nativeJob(TAGS, new NativeProvider("native", { region: "us-east-1" })),
    on: "quality",
    message: /placed in us-east-1/,
    good: () => nativeJob(TAGS, new NativeProvider("native", { region: "eu-central-1" })),
    policyConfig: { "data-residency": { allowedRegions: ["eu-*"] } },
  },
  {
    policy: "required-tags",
    config: FACTS, // an aitracks stack: the aitracks keys are required
    bad: () => new GcsBucket("data", { location: "US", labels: { owner: "ml-platform" } }),
    on: "data",
    message: /^missing labels aitracks-track, cost-center, decision-review-date$/,
    good: () => new GcsBucket("data", { location: "US", labels: toGcpLabels(TAGS) }),
  },
  {
    policy: "decision-review-due",
    bad: () => profile("assistant", "amazon.nova-pro-v1:0"),
    on: "stack",
    message: /^the build \/ buy \/ fine-tune decision was due for review on 2026-05-01 \(stack config aitracks:decision\.reviewDate\); today is 2026-11-29$/,
    good: () => profile("assistant", "amazon.nova-pro-v1:0"),
    config: { ...FACTS, "aitracks:decision": { track: "buy", reviewDate: "2026-05-01" } },
    goodConfig: { ...FACTS, "aitracks:decision": { track: "buy", reviewDate: "2026-11-30" } },
    policyConfig: { "decision-review-due": { asOf: "2026-11-29" } },
    level: "advisory",
  },
  {
    // Configured mandatory, the same finding blocks.
    policy: "decision-review-due",
    bad: () => new S3Bucket("data", { tags: { ...TAGS, "decision-review-date": "2026-03-01" } }),
    on: "stack",
    message: /was due for review on 2026-03-01 \(tag decision-review-date on urn:pulumi:test::inline::pulumi:pulumi:Stack\$aws:s3\/bucket:Bucket::data\)/,
    good: () => new S3Bucket("data", { tags: TAGS }),
    policyConfig: { "decision-review-due": { enforcementLevel: "mandatory", asOf: "2026-11-29" } },
  },
  {
    policy: "fine-tune-minimum-examples",
    bad: () => customModel(60),
    on: "stack",
    message: /^60 labelled examples \(tag aitracks-labeled-examples on .*::tuned\); fine-tuning needs at least 100$/,
    good: () => customModel(100),
  },
  {
    policy: "fine-tune-minimum-examples",
    bad: () => customModel(),
    on: "stack",
    message: /^99 labelled examples \(stack config aitracks:workload\.fineTune\.labeledExamples\.low\)/,
    good: () => customModel(),
    config: { "aitracks:workload": { workload: WORKLOAD, fineTune: { labeledExamples: { low: 99, high: 5000 } } } },
    goodConfig: { "aitracks:workload": { workload: WORKLOAD, fineTune: { labeledExamples: 150 } } },
  },
  {
    policy: "fine-tune-recommended-examples",
    bad: () => customModel(400),
    on: "stack",
    message: /^400 labelled examples .*; 1,000 or more are recommended$/,
    good: () => customModel(1000),
    level: "advisory",
  },
  {
    policy: "fine-tune-recommended-examples",
    bad: () => customModel(),
    on: "stack",
    message: /does not say how many labelled examples it has/,
    good: () => customModel(2500),
    level: "advisory",
  },
  {
    policy: "fine-tune-before-after-evaluation",
    bad: () => tuned((arn) => evaluation("eval-tuned", arn, "s3://d/holdout.jsonl")),
    on: "tuned",
    message: /no evaluation scores the tuned model and its base model amazon\.nova-lite-v1:0 on the same dataset \(s3:\/\/d\/holdout\.jsonl scores only the tuned model\)/,
    good: () =>
      tuned((arn) => {
        evaluation("eval-tuned", arn, "s3://d/holdout.jsonl");
        evaluation("eval-base", "us.amazon.nova-lite-v1:0", "s3://d/holdout.jsonl");
      }),
  },
  {
    // Before and after on different datasets prove nothing.
    policy: "fine-tune-before-after-evaluation",
    bad: () =>
      tuned((arn) => {
        evaluation("eval-tuned", arn, "s3://d/holdout.jsonl");
        evaluation("eval-base", "amazon.nova-lite-v1:0", "s3://d/other.jsonl");
      }),
    on: "tuned",
    message: /s3:\/\/d\/holdout\.jsonl scores only the tuned model; s3:\/\/d\/other\.jsonl scores only the base model/,
    good: () =>
      tuned((arn) => {
        evaluation("eval-tuned", arn, "s3://d/other.jsonl");
        evaluation("eval-base", "amazon.nova-lite-v1:0", "s3://d/other.jsonl");
      }),
  },
  {
    policy: "restricted-data-approved-providers",
    bad: () => profile("assistant", "anthropic.claude-3-5-haiku-20241022-v1:0"),
    on: "assistant",
    message: /^restricted data \(stack config aitracks:dataClassification\) would go to anthropic \(anthropic\.claude-3-5-haiku-20241022-v1:0\), which is not an approved provider \(approved: amazon\)$/,
    good: () => profile("assistant", "amazon.nova-pro-v1:0"),
    config: { ...FACTS, "aitracks:dataClassification": "restricted" },
    policyConfig: { "restricted-data-approved-providers": { approvedProviders: ["amazon"] } },
  },
  {
    policy: "buy-fallback-model",
    bad: () => profile("primary", "anthropic.claude-sonnet-4-20250514-v1:0", { ...TAGS, "aitracks-name": "assistant" }),
    on: "primary",
    message: /^the production buy track assistant uses only anthropic\.claude-sonnet-4-20250514-v1:0; add a fallback model or provider$/,
    good: () => {
      profile("primary", "anthropic.claude-sonnet-4-20250514-v1:0", { ...TAGS, "aitracks-name": "assistant" });
      profile("fallback", "amazon.nova-pro-v1:0", { ...TAGS, "aitracks-name": "assistant" });
    },
    config: FACTS,
    level: "advisory",
  },
  {
    policy: "no-plaintext-secrets",
    bad: () => adminCompute("Winter2026!"),
    on: "cluster",
    message: /^input properties\.properties\.userAccountCredentials\.adminUserPassword is a credential field with a plain-text value, not a Pulumi secret$/,
    good: () => adminCompute(pulumi.secret("Winter2026!")),
  },
  {
    // Azure app settings are a name/value list: the value is judged by its entry's name.
    policy: "no-plaintext-secrets",
    bad: () => webApp(LINE_SECRET),
    on: "bot",
    message: /^input siteConfig\.appSettings\[1\]\.value \(LINE_CHANNEL_SECRET\) is a credential field with a plain-text value, not a Pulumi secret$/,
    good: () => webApp(pulumi.secret(LINE_SECRET)),
  },
  {
    // A container environment on Cloud Run, by value: an OpenAI key is one whatever its name.
    policy: "no-plaintext-secrets",
    bad: () => runService({ name: "LLM_CONFIG", value: OPENAI_KEY }),
    on: "chat",
    message: /^input template\.containers\[0\]\.envs\[1\]\.value \(LLM_CONFIG\) holds an OpenAI \/ Anthropic API key, not a Pulumi secret$/,
    good: () => runService({ name: "LLM_CONFIG", valueSource: { secretKeyRef: { secret: "openai-key", version: "latest" } } }),
  },
  {
    // JSON held in a string (ECS container definitions) is read too; an Anthropic key by its format.
    policy: "no-plaintext-secrets",
    bad: () => taskDefinition(JSON.stringify([{ name: "app", image: "app:1", environment: [{ name: "MODEL", value: "claude" }, { name: "LLM", value: ANTHROPIC_KEY }] }])),
    on: "task",
    message: /^input containerDefinitions\[0\]\.environment\[1\]\.value \(LLM\) holds an Anthropic API key, not a Pulumi secret$/,
    good: () => taskDefinition(JSON.stringify([{ name: "app", image: "app:1", environment: [{ name: "MODEL", value: "claude" }], secrets: [{ name: "LLM", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:anthropic" }] }])),
  },
  {
    // The whole document a Pulumi secret: nothing inside it is plain text (the analyzer run sees it unwrapped).
    policy: "no-plaintext-secrets",
    bad: () => taskDefinition(JSON.stringify([{ name: "app", image: "app:1", environment: [{ name: "GITHUB", value: GITHUB_TOKEN }] }])),
    on: "task",
    message: /environment\[0\]\.value \(GITHUB\) holds a GitHub token/,
    good: () => taskDefinition(pulumi.secret(JSON.stringify([{ name: "app", image: "app:1", environment: [{ name: "GITHUB", value: GITHUB_TOKEN }] }]))),
  },
  {
    // A field named like a credential (not one of the exact names) holding a random-looking value; ids and names of keys are not.
    policy: "no-plaintext-secrets",
    bad: () => lambda({ HF_SIGNING_KEY: RANDOM, KMS_KEY_ID: "1234abcd-12ab-34cd-56ef-1234567890ab", TOKEN_TYPE: "Bearer", MODEL_KEY_NAME: "prod-embeddings-v2" }),
    on: "fn",
    message: /^input environment\.variables\.HF_SIGNING_KEY is named like a credential and holds a random-looking 30-character value, not a Pulumi secret$/,
    good: () => lambda({ HF_SIGNING_KEY: pulumi.secret(RANDOM), KMS_KEY_ID: "1234abcd-12ab-34cd-56ef-1234567890ab", TOKEN_TYPE: "Bearer", MODEL_KEY_NAME: "prod-embeddings-v2" }),
  },
  {
    policy: "no-plaintext-secrets",
    bad: () => new Parameter("ssh", { name: "/app/deploy", type: "String", insecureValue: PEM }),
    on: "ssh",
    message: /^input insecureValue holds a private key, not a Pulumi secret$/,
    good: () => new Parameter("ssh", { name: "/app/deploy", type: "SecureString", value: PEM }),
  },
  {
    policy: "no-plaintext-secrets",
    bad: () => new Parameter("key", { name: "/app/aws-key", type: "String", insecureValue: "AKIAIOSFODNN7EXAMPLE" }),
    on: "key",
    message: /^input insecureValue holds an AWS access key id, not a Pulumi secret$/,
    // Parameter.value is made a secret by the SDK itself.
    good: () => new Parameter("key", { name: "/app/aws-key", type: "SecureString", value: "AKIAIOSFODNN7EXAMPLE" }),
  },
  {
    policy: "no-plaintext-secrets",
    bad: () => profile("assistant", "amazon.nova-pro-v1:0"),
    on: "stack",
    message: /^stack config app:openaiApiKey holds an OpenAI \/ Anthropic API key; set it with `pulumi config set --secret`$/,
    good: () => profile("assistant", "amazon.nova-pro-v1:0"),
    config: { "app:openaiApiKey": "sk-proj-EXAMPLEonlyNOTaREALkey0123456789abcdef" },
    goodSecretKeys: ["app:openaiApiKey"],
  },
  {
    // A secret (or a value derived from one) that reaches a tag: the cloud lists tags in plain text.
    policy: "no-secret-in-plain-fields",
    bad: () => {
      const token = pulumi.secret("tok-EXAMPLE-123456");
      new S3Bucket("data", { tags: { ...TAGS, "api-token": token.apply((t) => `${t}-v2`) } });
    },
    on: "data",
    message: /^input tags\.api-token holds a Pulumi secret, but it is a tag, which the cloud shows in plain text$/,
    good: () => {
      const token = pulumi.secret("tok-EXAMPLE-123456");
      new Parameter("token", { name: "/app/api-token", type: "SecureString", value: token, tags: TAGS });
      new S3Bucket("data", { tags: { ...TAGS, "api-token-parameter": "/app/api-token" } });
    },
  },
  {
    // A secret used as a name ends up in ARNs, URLs and logs.
    policy: "no-secret-in-plain-fields",
    bad: () => new S3Bucket("data", { bucket: pulumi.secret("tok-EXAMPLE-123456"), tags: TAGS }),
    on: "data",
    message: /^input bucket holds a Pulumi secret, but it is the resource's name, which the cloud shows in plain text$/,
    good: () => new S3Bucket("data", { bucket: "team-data", tags: TAGS }),
  },
];

describe("governance and anti-pattern policies", () => {
  for (const c of cases) {
    it(`${c.policy} flags: ${c.message.source}`, () => expectViolation(c));
    it(`${c.policy} passes the fixed program (${c.message.source})`, () => expectPass(c));
  }

  it("no-plaintext-secrets never prints a credential, or any part of one", async () => {
    const { report } = await check(() => {
      webApp(LINE_SECRET);
      runService({ name: "LLM_CONFIG", value: OPENAI_KEY });
      taskDefinition(JSON.stringify([{ name: "app", image: "app:1", environment: [{ name: "LLM", value: ANTHROPIC_KEY }, { name: "GH", value: GITHUB_TOKEN }] }]));
      lambda({ HF_SIGNING_KEY: RANDOM });
      new Parameter("ssh", { name: "/app/deploy", type: "String", insecureValue: PEM });
    });
    const found = violationsOf(report, "no-plaintext-secrets");
    expect(found).toHaveLength(6);
    const text = JSON.stringify(report);
    for (const secret of [LINE_SECRET, OPENAI_KEY, ANTHROPIC_KEY, GITHUB_TOKEN, RANDOM, PEM]) {
      for (let i = 0; i + 8 <= secret.length; i += 4) expect(text, "a credential's characters in the report").not.toContain(secret.slice(i, i + 8));
    }
  });

  it("fine-tune-recommended-examples leaves counts below the mandatory minimum to fine-tune-minimum-examples", async () => {
    const { report } = await check(() => customModel(60));
    expect(violationsOf(report, "fine-tune-recommended-examples")).toEqual([]);
    expect(violationsOf(report, "fine-tune-minimum-examples").map((v) => v.message)).toEqual([expect.stringMatching(/^60 labelled examples/)]);
  });

  it("restricted-data-approved-providers judges only gated classifications", async () => {
    const internal = await check(() => profile("assistant", "anthropic.claude-3-5-haiku-20241022-v1:0"), { config: FACTS });
    expect(violationsOf(internal.report, "restricted-data-approved-providers")).toEqual([]);
    expect(internal.report.notes).toContainEqual({ policy: "restricted-data-approved-providers", reason: "the data is internal, not gated" });
  });

  it("stack tags supply a fact the config and tags leave out", async () => {
    const { report } = await check(() => profile("assistant", "anthropic.claude-3-5-haiku-20241022-v1:0"), { stackTags: { "aitracks:data-classification": "restricted" } });
    expect(violationsOf(report, "restricted-data-approved-providers").map((v) => v.message)).toEqual([
      "restricted data (stack tag aitracks:data-classification) would go to anthropic (anthropic.claude-3-5-haiku-20241022-v1:0), which is not an approved provider (none approved)",
    ]);
  });
});
