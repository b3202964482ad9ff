import * as pulumi from "@pulumi/pulumi";
import { Guardrail, GuardrailVersion, InferenceProfile } from "@pulumi/aws/bedrock";
import { LogGroup, MetricAlarm } from "@pulumi/aws/cloudwatch";
import { Role, RolePolicy } from "@pulumi/aws/iam";
import { Parameter } from "@pulumi/aws/ssm";
import { z } from "zod";
import { alertEmailsArg, alertThresholdsArg, budgetUsdArg, parseArgs, regionArg, tagsArg } from "../common/args";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
import {
  awsAccount,
  bedrockInvocationLogging,
  CLOUDWATCH_RETENTION_DAYS,
  customerManagedKey,
  inlinePolicy,
  serviceTrustPolicy,
  trackBudget,
} from "./shared";

const strength = z.enum(["NONE", "LOW", "MEDIUM", "HIGH"], { error: "expected NONE, LOW, MEDIUM or HIGH" });
const DEFAULT_PII_TYPES = ["EMAIL", "PHONE", "NAME", "ADDRESS", "CREDIT_DEBIT_CARD_NUMBER", "US_SOCIAL_SECURITY_NUMBER", "US_BANK_ACCOUNT_NUMBER"];

/** Content-safety settings of the Bedrock guardrail every buy track attaches. */
export const awsGuardrailArgs = z.strictObject({
  /** Strength of the hate, insults, sexual, violence and misconduct filters. @default "HIGH" */
  contentFilterStrength: strength.default("HIGH"),
  /** Strength of the prompt-attack (jailbreak, injection) filter on input. @default "HIGH" */
  promptAttackStrength: strength.default("HIGH"),
  /** Topics the application must refuse, each with a one-sentence definition. @default [] */
  deniedTopics: z
    .array(z.strictObject({ name: z.string({ error: "expected the topic's name" }), definition: z.string({ error: "expected a one-sentence definition" }), examples: z.array(z.string()).default([]) }), {
      error: "expected a list of topics, each {name, definition, examples?}",
    })
    .default([]),
  /** What to do with personal data in prompts and answers: "ANONYMIZE" or "BLOCK". @default "ANONYMIZE" */
  piiAction: z.enum(["ANONYMIZE", "BLOCK"], { error: "expected ANONYMIZE or BLOCK" }).default("ANONYMIZE"),
  /** PII entity types the guardrail looks for. @default email, phone, name, address, card, SSN, bank account */
  piiTypes: z.array(z.string({ error: "expected a Bedrock PII entity type such as EMAIL" })).default(DEFAULT_PII_TYPES),
});
export type AwsGuardrailArgs = z.input<typeof awsGuardrailArgs>;

/** The args of the buy-on-AWS track: every default and rule in one place. */
export const awsBuyTrackArgs = z
  .strictObject({
    /** The AWS region of the track (the stack's provider for it points there). */
    region: regionArg,
    tags: tagsArg,
    /**
     * Bedrock model ids in priority order: the first serves, the rest are fallbacks the application
     * moves to when the first is throttled or unavailable (the framework's lock-in answer).
     */
    models: z
      .array(
        z.string({ error: "expected a Bedrock model id" }).regex(/^(?:[a-z]{2,7}\.)?[a-z0-9-]+\.[A-Za-z0-9.:_-]+$/, {
          error: "expected a Bedrock model id such as anthropic.claude-3-5-haiku-20241022-v1:0",
        }),
        { error: "expected a list of Bedrock model ids, primary first" },
      )
      .min(1, { error: "expected at least one Bedrock model id" })
      .refine((m) => new Set(m).size === m.length, { error: "expected each model once" }),
    /**
     * Route through the geography's cross-region inference profile: "auto" (for the models that
     * need one), "always" or "never". @default "auto"
     */
    inferenceProfile: z.enum(["auto", "always", "never"], { error: "expected auto, always or never" }).default("auto"),
    /** The guardrail's settings. The guardrail itself is always attached. @default every filter HIGH, PII anonymised */
    guardrail: awsGuardrailArgs.prefault({}),
    /**
     * "create" the region's Bedrock model invocation logging (one configuration per account and
     * region), or "existing" when another track or stack already does. @default "create"
     */
    invocationLogging: z
      .enum(["create", "existing"], { error: "expected create or existing (another track or stack sets the region's Bedrock invocation logging)" })
      .default("create"),
    /** Days to keep invocation logs in CloudWatch (one of CloudWatch's retention periods). @default 365 */
    logRetentionDays: z
      .number({ error: "expected a number of days" })
      .refine((d) => CLOUDWATCH_RETENTION_DAYS.includes(d), { error: `expected one of CloudWatch's retention periods (${CLOUDWATCH_RETENTION_DAYS.join(", ")})` })
      .optional(),
    /** Monthly Bedrock spend the AWS Budget alerts against (USD). Required. */
    monthlyBudgetUsd: budgetUsdArg,
    /** Percentages of the budget that alert. @default [50, 80, 100] */
    budgetAlertThresholds: alertThresholdsArg,
    /** Who gets the budget emails. @default [] (the SNS topic only) */
    alertEmails: alertEmailsArg,
    /** Invocations in one hour above which the volume alarm fires, per model. @default 10000 */
    invocationsPerHourAlarm: z.number({ error: "expected a number of invocations" }).gt(0, { error: "expected a number of invocations above 0" }).default(10_000),
    /** AWS service principals that may assume the application role. @default ["lambda.amazonaws.com", "ecs-tasks.amazonaws.com"] */
    applicationPrincipals: z.array(z.string({ error: "expected a service principal such as lambda.amazonaws.com" })).default(["lambda.amazonaws.com", "ecs-tasks.amazonaws.com"]),
  })
  .superRefine((a, ctx) => {
    if (a.logRetentionDays !== undefined && a.invocationLogging === "existing") {
      ctx.addIssue({ code: "custom", path: ["logRetentionDays"], message: "applies with invocationLogging create only", input: a });
    }
  })
  .transform((a) => ({ ...a, logRetentionDays: a.logRetentionDays ?? 365 }));
export type AwsBuyTrackArgs = z.input<typeof awsBuyTrackArgs>;

const CONTENT_FILTERS = ["HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT"];

/**
 * Model families Bedrock serves on demand only through a cross-region inference profile.
 * "auto" routes these through the geography's system profile (us., eu., apac.).
 */
const NEEDS_INFERENCE_PROFILE = [
  /^anthropic\.claude-3-7/,
  /^anthropic\.claude-(sonnet|opus|haiku)-4/,
  /^meta\.llama3-[23]/,
  /^meta\.llama4/,
  /^amazon\.nova-premier/,
  /^deepseek\./,
  /^mistral\.pixtral/,
];

/** us-east-1 -> "us", eu-west-1 -> "eu", ap-southeast-2 -> "apac". */
export function inferenceGeography(region: string): string {
  if (region.startsWith("us-gov-")) return "us-gov";
  const prefix = region.split("-")[0] ?? "";
  return prefix === "ap" ? "apac" : prefix;
}

/** The model id the application invokes: the system inference profile id or the foundation model id. */
export function invokedModelId(model: string, region: string, mode: string): string {
  const already = /^(us|eu|apac|us-gov|global|ca|jp|au)\./.test(model);
  if (already || mode === "never") return model;
  if (mode === "always" || NEEDS_INFERENCE_PROFILE.some((re) => re.test(model))) return `${inferenceGeography(region)}.${model}`;
  return model;
}

/**
 * Buy on AWS: Amazon Bedrock, secure by default. Creates a customer-managed KMS key; a guardrail
 * (content filters, prompt-attack filter, denied topics, PII handling) and a published version
 * of it; model invocation logging to an encrypted, versioned, non-public S3 bucket and to an
 * encrypted CloudWatch log group; one application inference profile per model (so spend is
 * tagged per track) in priority order; an application role that may invoke only those models,
 * only with the guardrail; an AWS Budget and per-model invocation-volume alarms on an encrypted
 * SNS topic; and the routing (models in order, guardrail id and version) as an SSM parameter.
 */
export class AwsBuyTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "buy" as const;
  readonly cloud = "aws" as const;
  readonly key: pulumi.Output<string>;
  readonly guardrail: Guardrail;
  readonly guardrailVersion: GuardrailVersion;
  /** Where invocations are logged, when this track creates the region's logging. */
  readonly logBucket?: pulumi.Output<string>;
  readonly logGroup?: LogGroup;
  readonly applicationRole: Role;
  /** What calling the models takes (one home: the application role's policy and grantInvoke). */
  private readonly invokeStatements: Parameters<typeof inlinePolicy>[2];
  readonly inferenceProfiles: readonly InferenceProfile[];
  readonly alertTopicArn: pulumi.Output<string>;
  readonly outputs: Record<string, pulumi.Input<unknown>>;

  constructor(name: string, args: AwsBuyTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = parseArgs(awsBuyTrackArgs, args);
    super(trackComponentType("aws", "buy"), name, trackIdentity("buy", "aws", cfg.region, { models: cfg.models }), opts);
    const parent = { parent: this };
    const tags = args.tags;
    const account = awsAccount(cfg.region, this);

    const key = customerManagedKey(
      `${name}-key`,
      account,
      { description: `aitracks ${name}: Bedrock guardrail, invocation logs and alerts`, services: ["bedrock", "logs", "sns", "budgets", "cloudwatch"], tags },
      parent,
    );
    this.key = key.arn;

    // Guardrail: attached to every invocation through the application role's condition below.
    const g = cfg.guardrail;
    this.guardrail = new Guardrail(
      `${name}-guardrail`,
      {
        name: `${name}-guardrail`,
        description: `aitracks ${name}: content, prompt-attack, topic and PII guardrail`,
        blockedInputMessaging: "This request was blocked by the content policy.",
        blockedOutputsMessaging: "The answer was withheld by the content policy.",
        kmsKeyArn: key.arn,
        contentPolicyConfig: {
          filtersConfigs: [
            ...CONTENT_FILTERS.map((type) => ({ type, inputStrength: g.contentFilterStrength, outputStrength: g.contentFilterStrength })),
            // Prompt attacks are judged on input only; Bedrock requires NONE on output.
            { type: "PROMPT_ATTACK", inputStrength: g.promptAttackStrength, outputStrength: "NONE" },
          ],
        },
        sensitiveInformationPolicyConfig: { piiEntitiesConfigs: g.piiTypes.map((type) => ({ type, action: g.piiAction })) },
        ...(g.deniedTopics.length
          ? {
              topicPolicyConfig: {
                topicsConfigs: g.deniedTopics.map((t) => ({ name: t.name, definition: t.definition, examples: [...(t.examples ?? [])], type: "DENY" })),
              },
            }
          : {}),
        tags,
      },
      parent,
    );
    this.guardrailVersion = new GuardrailVersion(
      `${name}-guardrail-version`,
      { guardrailArn: this.guardrail.guardrailArn, description: "Published by aitracks" },
      parent,
    );

    // Invocation logging: S3 (long-term, encrypted, versioned, private) and CloudWatch (search, alarms).
    const logging =
      cfg.invocationLogging === "create"
        ? bedrockInvocationLogging(name, account, { kmsKeyArn: key.arn, retentionDays: cfg.logRetentionDays, tags }, parent)
        : undefined;
    this.logBucket = logging?.bucketName;
    this.logGroup = logging?.logGroup;

    // One application inference profile per model, in priority order: tags carry the spend to the track.
    const invoked = cfg.models.map((m) => invokedModelId(m, cfg.region, cfg.inferenceProfile));
    this.inferenceProfiles = invoked.map(
      (id, i) =>
        new InferenceProfile(
          `${name}-model-${i}`,
          {
            name: `${name}-${i}-${slug(cfg.models[i]!)}`.slice(0, 64),
            description: `aitracks ${name}: ${i === 0 ? "primary" : `fallback ${i}`} model ${cfg.models[i]}`,
            modelSource: {
              copyFrom:
                id === cfg.models[i]
                  ? pulumi.interpolate`arn:${account.partition}:bedrock:${cfg.region}::foundation-model/${id}`
                  : pulumi.interpolate`arn:${account.partition}:bedrock:${cfg.region}:${account.accountId}:inference-profile/${id}`,
            },
            tags,
          },
          parent,
        ),
    );

    // The application role: may invoke only these models, and only through the guardrail.
    this.applicationRole = new Role(
      `${name}-app-role`,
      { description: `aitracks ${name}: invokes the chosen Bedrock models`, assumeRolePolicy: serviceTrustPolicy(cfg.applicationPrincipals, account.accountId), tags },
      parent,
    );
    const guardrailId = pulumi.interpolate`${this.guardrail.guardrailArn}`;
    const crossRegion = invoked.some((id, i) => id !== cfg.models[i]);
    const foundationArns = cfg.models.map(
      (m) => pulumi.interpolate`arn:${account.partition}:bedrock:${crossRegion ? "*" : cfg.region}::foundation-model/${m}`,
    );
    const systemProfileArns = invoked
      .filter((id, i) => id !== cfg.models[i])
      .map((id) => pulumi.interpolate`arn:${account.partition}:bedrock:${cfg.region}:${account.accountId}:inference-profile/${id}`);
    // Calling through an inference profile also needs the models behind it: the foundation
    // models (every region a cross-region profile routes to) and the system profiles copied from.
    this.invokeStatements = [
      {
        Sid: "InvokeChosenModelsWithGuardrail",
        Effect: "Allow",
        Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
        Resource: [...this.inferenceProfiles.map((p) => p.arn), ...systemProfileArns, ...foundationArns],
        Condition: { StringEquals: { "bedrock:GuardrailIdentifier": pulumi.interpolate`${guardrailId}:${this.guardrailVersion.version}` } },
      },
      { Sid: "ApplyGuardrail", Effect: "Allow", Action: "bedrock:ApplyGuardrail", Resource: this.guardrail.guardrailArn },
    ];
    inlinePolicy(`${name}-app-policy`, this.applicationRole, this.invokeStatements, parent);

    // Cost monitoring: a Bedrock budget for the track, and invocation-volume alarms per model.
    const topic = trackBudget(name, account, { budget: cfg, services: ["Amazon Bedrock"], kmsKeyArn: key.arn, tags }, parent);
    this.alertTopicArn = topic.arn;
    this.inferenceProfiles.forEach(
      (profile, i) =>
        new MetricAlarm(
          `${name}-invocations-alarm-${i}`,
          {
            alarmDescription: `aitracks ${name}: more than ${cfg.invocationsPerHourAlarm} invocations of ${cfg.models[i]} in an hour`,
            namespace: "AWS/Bedrock",
            metricName: "Invocations",
            dimensions: { ModelId: profile.arn },
            statistic: "Sum",
            period: 3600,
            evaluationPeriods: 1,
            threshold: cfg.invocationsPerHourAlarm,
            comparisonOperator: "GreaterThanThreshold",
            treatMissingData: "notBreaching",
            alarmActions: [topic.arn],
            tags,
          },
          parent,
        ),
    );

    // What the application reads at start-up: models in priority order and the guardrail to send.
    // Not secret, so kept readable in plans and diffs.
    const routing = pulumi.jsonStringify({
      models: this.inferenceProfiles.map((p, i) => ({ priority: i, model: cfg.models[i], invokeArn: p.arn })),
      guardrailId: this.guardrail.guardrailId,
      guardrailVersion: this.guardrailVersion.version,
    });
    new Parameter(`${name}-routing`, { name: `/aitracks/${name}/routing`, type: "String", insecureValue: routing, tags }, parent);

    this.outputs = {
      region: cfg.region,
      primaryModel: cfg.models[0],
      modelInvokeArns: this.inferenceProfiles.map((p) => p.arn),
      guardrailId: this.guardrail.guardrailId,
      guardrailVersion: this.guardrailVersion.version,
      applicationRoleArn: this.applicationRole.arn,
      invocationLogBucket: logging ? logging.bucketName : "existing",
      invocationLogGroup: logging ? logging.logGroup.name : "existing",
      alertTopicArn: topic.arn,
    };
    this.registerOutputs(this.outputs);
  }

  /**
   * Let another role (say, an existing service's) invoke the track's models with the guardrail:
   * the same statements as the track's own application role, so a cross-region model works too.
   */
  grantInvoke(name: string, role: Role): RolePolicy {
    return inlinePolicy(name, role, this.invokeStatements, { parent: this });
  }
}

function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9-]/g, "-").replace(/-+/g, "-");
}
