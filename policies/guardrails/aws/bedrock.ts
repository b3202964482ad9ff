/**
 * Amazon Bedrock (the buy and fine-tune tracks on AWS): invocation logging in every region the
 * stack uses Bedrock, a guardrail every model invocation must go through, custom models
 * encrypted with a customer-managed key. The first two span resources, hence stack policies.
 */
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { on, validateKnown, validateTypes } from "../../lib/checks";
import { conditionKeys, grants, statements } from "../../lib/iam";
import { configuredTracks } from "../../lib/facts";
import { regionOf, trackInfo, trackOf } from "../../lib/resources";
import { aws, awsNative } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { Undecided } from "../../lib/unknown";
import { asArray, get, isSet, type Json } from "../../lib/values";

const { AgentAgent, AgentDataSource, CustomModel, Guardrail, GuardrailVersion, InferenceProfile, ProvisionedModelThroughput } = aws.bedrock;
const { InvocationLoggingConfiguration } = aws.bedrockmodel;
const { DataSource } = awsNative.bedrock;
const { GroupPolicy, Policy, Role, RolePolicy, UserPolicy } = aws.iam;

const isBedrock = (r: PolicyResource) => r.type.startsWith("aws:bedrock/") || r.type.startsWith("aws:bedrockagent");

/**
 * Resources through which applications invoke Bedrock models: inference profiles, provisioned
 * throughput, agents, and anything of a buy track. Evaluation jobs and model customisation alone
 * are Bedrock's own batch work, not application traffic.
 */
const servesInvocations = (r: PolicyResource) =>
  r.isType(InferenceProfile) || r.isType(ProvisionedModelThroughput) || r.type.startsWith("aws:bedrock/agent") || (isBedrock(r) && trackOf(r) === "buy");

export const bedrockInvocationLogging: StackValidationPolicy & AitracksPolicy = {
  name: "aws-bedrock-invocation-logging",
  description:
    "Every region where applications of the stack invoke Amazon Bedrock models (inference profiles, provisioned throughput, agents, buy tracks) has model invocation logging on (prompts and completions to S3 or CloudWatch Logs).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Add an aws.bedrockmodel.InvocationLoggingConfiguration in that region with textDataDeliveryEnabled: true and an s3Config or cloudwatchConfig (the buy-on-AWS track does). If another stack owns the account's logging, list the region in this policy's regionsLoggedElsewhere.",
  tags: ["aws", "logging"],
  configSchema: {
    properties: {
      regionsLoggedElsewhere: { type: "array", items: { type: "string" }, default: [], description: "Regions whose Bedrock invocation logging another stack manages." },
    },
  },
  validateStack: (args, report) => {
    const { regionsLoggedElsewhere = [] } = args.getConfig<{ regionsLoggedElsewhere?: string[] }>();
    const users = args.resources.filter(servesInvocations);
    if (!users.length) return args.notApplicable("no application of the stack invokes Amazon Bedrock models");
    const undecided = new Undecided();
    const logged = new Set<string>(regionsLoggedElsewhere);
    for (const cfg of args.resources.filter((r) => r.isType(InvocationLoggingConfiguration))) {
      undecided.check(cfg.urn, () => {
        const lc = cfg.props.loggingConfig as Record<string, Json> | undefined;
        const destination = isSet(get(lc, "s3Config.bucketName")) || isSet(get(lc, "cloudwatchConfig.logGroupName"));
        const region = regionOf(cfg);
        if (lc?.textDataDeliveryEnabled === true && destination && region) logged.add(region);
        else if (lc?.textDataDeliveryEnabled !== true) report("invocation logging does not deliver text (textDataDeliveryEnabled is not true)", cfg.urn);
        else if (!destination) report("invocation logging has neither an s3Config.bucketName nor a cloudwatchConfig.logGroupName", cfg.urn);
      });
    }
    const firstByRegion = new Map<string, PolicyResource>();
    for (const r of users) {
      undecided.check(r.urn, () => {
        const region = regionOf(r);
        if (region && !firstByRegion.has(region)) firstByRegion.set(region, r);
      });
    }
    for (const [region, r] of firstByRegion) {
      if (!logged.has(region)) report(`the stack uses Bedrock in ${region} but turns on no model invocation logging there`, r.urn);
    }
    undecided.finish(args);
  },
};

/** Policy documents of the stack's identity policies (including a role's inline policies). */
function identityDocuments(r: PolicyResource): Json[] {
  if (r.isType(Policy) || r.isType(RolePolicy) || r.isType(UserPolicy) || r.isType(GroupPolicy)) return [r.props.policy];
  if (r.isType(Role)) return asArray(r.props.inlinePolicies).map((p) => (p as { policy?: Json }).policy);
  return [];
}

const INVOKE_ACTIONS = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:Converse", "bedrock:ConverseStream"];

/**
 * Does a resource belong to a buy track (its tags, its component, or the stack config's track
 * names)? An inline IAM policy, which takes no tags, belongs to the track of the role it is on.
 */
function inBuyTrack(r: PolicyResource, buyNames: ReadonlySet<string>): boolean {
  const own = (x: PolicyResource) => {
    const info = trackInfo(x);
    return { buy: info.track === "buy" || (info.name !== undefined && buyNames.has(info.name)), known: info.track !== undefined || info.name !== undefined };
  };
  const self = own(r);
  if (self.known) return self.buy;
  const attached = ["role", "user", "group"].flatMap((k) => r.propertyDependencies[k] ?? []);
  return attached.some((a) => own(a).buy);
}

export const bedrockGuardrailAttached: StackValidationPolicy & AitracksPolicy = {
  name: "aws-bedrock-guardrail-attached",
  description:
    "A buy stack on Bedrock has a guardrail with content filters, published as a version, and every IAM grant of the buy track to invoke a model requires that guardrail (condition bedrock:GuardrailIdentifier).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Create an aws.bedrock.Guardrail with content filters (not all NONE) and a GuardrailVersion; add Condition {StringEquals: {\"bedrock:GuardrailIdentifier\": \"<guardrail arn>:<version>\"}} to every statement allowing bedrock:InvokeModel (the buy-on-AWS track does).",
  tags: ["aws", "content-safety"],
  validateStack: (args, report) => {
    const undecided = new Undecided();
    const buyNames = new Set(configuredTracks().filter((t) => t.track === "buy").map((t) => t.name));
    const grantsToInvoke: { r: PolicyResource; label: string; guarded: boolean }[] = [];
    for (const r of args.resources) {
      undecided.check(r.urn, () => {
        if (!inBuyTrack(r, buyNames)) return;
        for (const doc of identityDocuments(r)) {
          (statements(doc) ?? []).forEach((st, i) => {
            if (st.Effect !== "Allow") return;
            if (!st.Action.some((a) => INVOKE_ACTIONS.some((inv) => grants(a, inv)))) return;
            grantsToInvoke.push({ r, label: st.Sid ?? `statement ${i}`, guarded: conditionKeys(st).has("bedrock:guardrailidentifier") });
          });
        }
      });
    }
    const buyResources = args.resources.filter((r) => isBedrock(r) && inBuyTrack(r, buyNames));
    if (!grantsToInvoke.length && !buyResources.length) {
      undecided.finish(args);
      return args.notApplicable("no buy track of the stack invokes Bedrock models");
    }
    const anchor = grantsToInvoke[0]?.r ?? buyResources[0]!;
    const guardrails = args.resources.filter((r) => r.isType(Guardrail));
    const filtering = guardrails.filter((g) =>
      asArray(get(g.props, "contentPolicyConfig.filtersConfigs")).some((f) => {
        const o = f as Record<string, Json>;
        return (o.inputStrength && o.inputStrength !== "NONE") || (o.outputStrength && o.outputStrength !== "NONE");
      }),
    );
    if (!guardrails.length) report("the stack invokes Bedrock models but defines no guardrail", anchor.urn);
    else if (!filtering.length) report("the stack's guardrails set every content filter to NONE (or none at all)", guardrails[0]!.urn);
    else {
      const versions = args.resources.filter((r) => r.isType(GuardrailVersion));
      const published = filtering.some((g) => versions.some((v) => (v.propertyDependencies.guardrailArn ?? []).includes(g)));
      if (!published) report("the guardrail has no published GuardrailVersion; invocations can only pin a version", filtering[0]!.urn);
    }
    for (const g of grantsToInvoke) {
      if (!g.guarded) report(`${g.label} allows invoking Bedrock models without requiring a guardrail (no bedrock:GuardrailIdentifier condition)`, g.r.urn);
    }
    undecided.finish(args);
  },
};

export const bedrockCustomModelCmk: AitracksPolicy = {
  name: "aws-bedrock-custom-model-cmk",
  description: "Bedrock custom (fine-tuned) models are encrypted with a customer-managed KMS key.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set customModelKmsKeyId on the aws.bedrock.CustomModel to the track's customer-managed key.",
  tags: ["aws", "encryption"],
  validateResource: validateKnown(CustomModel, (m, _a, report) => {
    if (!isSet(m.customModelKmsKeyId)) report("customModelKmsKeyId is not set; the tuned weights would be encrypted with an AWS-owned key");
  }),
};

export const bedrockAgentCmk: AitracksPolicy = {
  name: "aws-bedrock-agent-cmk",
  description: "Bedrock agents encrypt their resources (instructions, prompts, session data) with a customer-managed KMS key.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set customerEncryptionKeyArn on the aws.bedrock.AgentAgent to the track's customer-managed key, and let the agent's role use it (kms:GenerateDataKey, kms:Decrypt).",
  tags: ["aws", "encryption"],
  validateResource: validateKnown(AgentAgent, (a, _args, report) => {
    if (!isSet(a.customerEncryptionKeyArn)) report("customerEncryptionKeyArn is not set; the agent would be encrypted with an AWS-owned key");
  }),
};

export const bedrockAgentGuardrail: AitracksPolicy = {
  name: "aws-bedrock-agent-guardrail",
  description: "Bedrock agents apply a guardrail (identifier and version) to every conversation.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Set guardrailConfigurations [{guardrailIdentifier, guardrailVersion}] on the aws.bedrock.AgentAgent to a Guardrail with content filters and a published GuardrailVersion.",
  tags: ["aws", "content-safety"],
  validateResource: validateKnown(AgentAgent, (a, _args, report) => {
    const configs = asArray(a.guardrailConfigurations as Json) as { guardrailIdentifier?: string; guardrailVersion?: string }[];
    if (!configs.length) report("guardrailConfigurations is not set; the agent's conversations would go through no guardrail");
    for (const [i, c] of configs.entries()) {
      if (!isSet(c?.guardrailIdentifier)) report(`guardrailConfigurations[${i}].guardrailIdentifier is empty`);
      else if (!isSet(c?.guardrailVersion)) report(`guardrailConfigurations[${i}].guardrailVersion is empty; expected a published version (or DRAFT)`);
    }
  }),
};

export const bedrockDataSourceCmk: AitracksPolicy = {
  name: "aws-bedrock-data-source-cmk",
  description: "Bedrock knowledge base data sources encrypt the transient data of ingestion (the chunks on their way to the vector store) with a customer-managed KMS key.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Set serverSideEncryptionConfiguration.kmsKeyArn on the knowledge base data source to the track's customer-managed key.",
  tags: ["aws", "encryption"],
  validateResource: validateTypes(
    on(AgentDataSource, (d, _a, report) => {
      if (!isSet(d.serverSideEncryptionConfiguration?.kmsKeyArn)) report("serverSideEncryptionConfiguration.kmsKeyArn is not set; ingestion data would use an AWS-owned key");
    }),
    on(DataSource, (d, _a, report) => {
      if (!isSet(d.serverSideEncryptionConfiguration?.kmsKeyArn)) report("serverSideEncryptionConfiguration.kmsKeyArn is not set; ingestion data would use an AWS-owned key");
    }),
  ),
};

export const bedrockPolicies: AitracksPolicy[] = [bedrockInvocationLogging, bedrockGuardrailAttached, bedrockCustomModelCmk, bedrockAgentCmk, bedrockAgentGuardrail, bedrockDataSourceCmk];
