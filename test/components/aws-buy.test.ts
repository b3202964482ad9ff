// @ts-nocheck
import { describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { Role } from "@pulumi/aws/iam";
import { AwsBuyTrack, invokedModelId, type AwsBuyTrackArgs } from "@aitracks/components";
import { previewInline, type ResourceGraph } from "@aitracks/preview";
import { REQUIRED_TAG_KEYS, standardTags } from "@aitracks/core";
import { jsonInput, ofType, one } from "../helpers/graph";

const tags = standardTags({ track: "buy", owner: "ml-platform", costCenter: "cc-1", reviewDate: "2027-05-01" });
const base: AwsBuyTrackArgs = {
  region: "us-east-1",
  models: ["anthropic.claude-sonnet-4-20250514-v1:0", "amazon.nova-pro-v1:0"],
  monthlyBudgetUsd: 2500,
  alertEmails: ["ops@example.com"],
  tags,
};

async function build(args: Partial<AwsBuyTrackArgs> = {}): Promise<ResourceGraph> {
  return previewInline({ program: () => new AwsBuyTrack("assistant", { ...base, ...args }) });
}

describe("buy on AWS (Bedrock)", async () => {
  const graph = await build();
  const keyUrn = one(graph, "aws:kms/key:Key").urn;

  it("creates a rotating customer-managed key that only this account's services may use", () => {
    const key = one(graph, "aws:kms/key:Key");
    expect(key.inputs.enableKeyRotation).toBe(true);
    const policy = jsonInput(key, "policy");
    const services = policy.Statement.find((s: any) => s.Sid === "ServicesEncrypt");
    expect(services.Principal.Service).toContain("bedrock.amazonaws.com");
    expect(services.Condition.StringEquals["aws:SourceAccount"]).toBe("123456789012");
  });

  it("logs invocations to a KMS-encrypted, versioned, non-public bucket that requires TLS", () => {
    const sse = one(graph, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
    const rule = (sse.inputs.rules as any[])[0];
    expect(rule.applyServerSideEncryptionByDefault.sseAlgorithm).toBe("aws:kms");
    expect(rule.applyServerSideEncryptionByDefault.kmsMasterKeyId).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
    expect(sse.dependencies).toContain(keyUrn);
    const pab = one(graph, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs;
    expect([pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets]).toEqual([true, true, true, true]);
    expect((one(graph, "aws:s3/bucketVersioning:BucketVersioning").inputs.versioningConfiguration as any).status).toBe("Enabled");
    const bucketPolicy = jsonInput(one(graph, "aws:s3/bucketPolicy:BucketPolicy"), "policy");
    const deny = bucketPolicy.Statement.find((s: any) => s.Effect === "Deny");
    expect(deny.Condition.Bool["aws:SecureTransport"]).toBe("false");
  });

  it("turns on model invocation logging to S3 and to an encrypted CloudWatch log group", () => {
    const logging = one(graph, "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration").inputs.loggingConfig as any;
    expect(logging.textDataDeliveryEnabled).toBe(true);
    expect(logging.s3Config.bucketName).toMatch(/^assistant-invocation-logs-/);
    expect(logging.cloudwatchConfig.logGroupName).toBe("/aitracks/assistant/bedrock-invocations");
    const group = one(graph, "aws:cloudwatch/logGroup:LogGroup");
    expect(group.inputs.kmsKeyId).toMatch(/:key\//);
    expect(group.inputs.retentionInDays).toBe(365);
  });

  it("attaches a guardrail with content, prompt-attack and PII filters, encrypted with the key", () => {
    const g = one(graph, "aws:bedrock/guardrail:Guardrail").inputs as any;
    const filters = g.contentPolicyConfig.filtersConfigs as any[];
    expect(filters.map((f) => f.type).sort()).toEqual(["HATE", "INSULTS", "MISCONDUCT", "PROMPT_ATTACK", "SEXUAL", "VIOLENCE"]);
    expect(filters.find((f) => f.type === "VIOLENCE").inputStrength).toBe("HIGH");
    expect(filters.find((f) => f.type === "PROMPT_ATTACK").outputStrength).toBe("NONE");
    expect(g.sensitiveInformationPolicyConfig.piiEntitiesConfigs.every((p: any) => p.action === "ANONYMIZE")).toBe(true);
    expect(g.kmsKeyArn).toMatch(/:key\//);
    expect(ofType(graph, "aws:bedrock/guardrailVersion:GuardrailVersion")).toHaveLength(1);
  });

  it("lets the application invoke only the chosen models, and only with the guardrail", () => {
    const policy = jsonInput(
      graph.resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === "assistant-app-policy")!,
      "policy",
    );
    const invoke = policy.Statement.find((s: any) => s.Sid === "InvokeChosenModelsWithGuardrail");
    expect(invoke.Action).toEqual(["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]);
    const resources: string[] = invoke.Resource;
    expect(resources.every((r) => !r.endsWith("/*") && r !== "*")).toBe(true);
    expect(resources).toContain("arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0");
    expect(resources).toContain("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0");
    expect(resources.filter((r) => r.includes("application-inference-profile"))).toHaveLength(2);
    expect(invoke.Condition.StringEquals["bedrock:GuardrailIdentifier"]).toMatch(/^arn:aws:bedrock:us-east-1:123456789012:guardrail\/\w+:1$/);
    for (const s of policy.Statement) for (const a of [s.Action].flat()) expect(a).not.toContain("*");
  });

  it("grantInvoke gives another role every ARN and condition the track's own application role has, so a cross-region model works", async () => {
    const g = await previewInline({
      program: () => new AwsBuyTrack("assistant", base).grantInvoke("assistant-web", new Role("web", { assumeRolePolicy: pulumi.output("{}") })),
    });
    const policyOf = (n: string) => jsonInput(g.resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === n)!, "policy");
    const own = policyOf("assistant-app-policy");
    const granted = policyOf("assistant-web");
    const arns = (p: any, action: string) =>
      p.Statement.filter((s: any) => [s.Action].flat().includes(action)).flatMap((s: any) => [s.Resource].flat()).sort();
    for (const action of ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:ApplyGuardrail"]) {
      expect(arns(own, action).length).toBeGreaterThan(0);
      expect(arns(granted, action)).toEqual(arns(own, action));
    }
    // The cross-region model's foundation ARNs and system profile, not only the application profiles.
    const invoke = granted.Statement.find((s: any) => s.Sid === "InvokeChosenModelsWithGuardrail");
    expect(invoke.Resource).toContain("arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0");
    expect(invoke.Resource).toContain("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0");
    expect(invoke.Condition).toEqual(own.Statement.find((s: any) => s.Sid === "InvokeChosenModelsWithGuardrail").Condition);
  });

  it("keeps models in priority order: one application inference profile and alarm per model", () => {
    const profiles = ofType(graph, "aws:bedrock/inferenceProfile:InferenceProfile").sort((a, b) => a.name.localeCompare(b.name));
    expect((profiles[0]!.inputs.modelSource as any).copyFrom).toContain("inference-profile/us.anthropic.claude-sonnet-4");
    expect((profiles[1]!.inputs.modelSource as any).copyFrom).toBe("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0");
    expect(ofType(graph, "aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => a.inputs.threshold)).toEqual([10000, 10000]);
    const routing = JSON.parse(one(graph, "aws:ssm/parameter:Parameter").inputs.insecureValue as string);
    expect(routing.models.map((m: any) => m.model)).toEqual(base.models);
  });

  it("watches spend with a Bedrock budget alerting at 50/80/100% and on forecast", () => {
    const budget = one(graph, "aws:budgets/budget:Budget").inputs as any;
    expect(budget.limitAmount).toBe("2500.00");
    expect(budget.costFilters[0]).toEqual({ name: "Service", values: ["Amazon Bedrock"] });
    const actual = budget.notifications.filter((n: any) => n.notificationType === "ACTUAL").map((n: any) => n.threshold);
    expect(actual).toEqual([50, 80, 100]);
    expect(budget.notifications[0].subscriberEmailAddresses).toEqual(["ops@example.com"]);
    expect(one(graph, "aws:sns/topic:Topic").inputs.kmsMasterKeyId).toMatch(/:key\//);
  });

  it("tags every taggable resource with track, owner, cost centre and review date", () => {
    const taggable = graph.resources.filter((r) => r.custom && "tags" in r.inputs);
    expect(taggable.length).toBeGreaterThan(10);
    for (const r of taggable) for (const k of REQUIRED_TAG_KEYS) expect((r.inputs.tags as Record<string, string>)[k], `${r.name} ${k}`).toBeTruthy();
    expect((one(graph, "aws:kms/key:Key").inputs.tags as any)["decision-review-date"]).toBe("2027-05-01");
  });

  it("rejects impossible settings before registering anything, naming the field", async () => {
    const attempt = (args: Partial<AwsBuyTrackArgs>) => build(args).then(() => "no error", (e: Error & { registered?: number }) => `${e.message} (${e.registered})`);
    expect(await attempt({ models: [] })).toBe("models: expected at least one Bedrock model id, got an empty list (0)");
    expect(await attempt({ models: ["gpt-4o"] })).toMatch(/^models\[0\]: expected a Bedrock model id .* \(0\)$/);
    expect(await attempt({ monthlyBudgetUsd: 0 })).toBe("monthlyBudgetUsd: expected a monthly budget above 0 USD, got 0 (0)");
    expect(await attempt({ logRetentionDays: 10 })).toMatch(/^logRetentionDays: expected one of CloudWatch's retention periods/);
    expect(await attempt({ guardrail: { piiAction: "IGNORE" as never } })).toBe('guardrail.piiAction: expected ANONYMIZE or BLOCK, got "IGNORE" (0)');
    expect(await attempt({ invocationLogging: "maybe" as never })).toMatch(/^invocationLogging: expected create or existing .* \(0\)$/);
    expect(await attempt({ invocationLogging: "existing", logRetentionDays: 90 })).toBe("logRetentionDays: applies with invocationLogging create only (0)");
  });

  it("leaves the region's invocation logging to another track with invocationLogging: existing", async () => {
    const g = await build({ invocationLogging: "existing" });
    expect(ofType(g, "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration")).toEqual([]);
    expect(ofType(g, "aws:cloudwatch/logGroup:LogGroup")).toEqual([]);
    expect(ofType(g, "aws:bedrock/guardrail:Guardrail")).toHaveLength(1);
  });
});

describe("inference profile routing", () => {
  it("uses the geography's profile for models that need one, and never when told", () => {
    expect(invokedModelId("anthropic.claude-sonnet-4-20250514-v1:0", "eu-west-1", "auto")).toBe("eu.anthropic.claude-sonnet-4-20250514-v1:0");
    expect(invokedModelId("anthropic.claude-sonnet-4-20250514-v1:0", "ap-southeast-2", "auto")).toBe("apac.anthropic.claude-sonnet-4-20250514-v1:0");
    expect(invokedModelId("amazon.nova-pro-v1:0", "us-east-1", "auto")).toBe("amazon.nova-pro-v1:0");
    expect(invokedModelId("amazon.nova-pro-v1:0", "us-east-1", "always")).toBe("us.amazon.nova-pro-v1:0");
    expect(invokedModelId("anthropic.claude-sonnet-4-20250514-v1:0", "us-east-1", "never")).toBe("anthropic.claude-sonnet-4-20250514-v1:0");
    expect(invokedModelId("us.meta.llama3-3-70b-instruct-v1:0", "us-east-1", "auto")).toBe("us.meta.llama3-3-70b-instruct-v1:0");
  });
});
