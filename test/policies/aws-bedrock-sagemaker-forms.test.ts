// @ts-nocheck
// The Bedrock and SageMaker guardrails (policies/guardrails/aws/{bedrock,sagemaker,sagemaker-monitoring}.ts)
// in every form they read, with exact messages, the passing case next to each violating one, and the
// exact set of policies that report; and the AgentCore gateway authorizer with a blank value.
import { describe, expect, it } from "vitest";
import { AgentAgent, AgentcoreGateway, AgentDataSource, CustomModel, Guardrail, GuardrailVersion, InferenceProfile, ProvisionedModelThroughput } from "@pulumi/aws/bedrock";
import { InvocationLoggingConfiguration } from "@pulumi/aws/bedrockmodel";
import { Group, GroupPolicy, Policy, Role, RolePolicy, User, UserPolicy } from "@pulumi/aws/iam";
import { Provider } from "@pulumi/aws/provider";
import { Gateway } from "@pulumi/aws-native/bedrockagentcore";
import { DataSource } from "@pulumi/aws-native/bedrock";
import { Bucket, BucketServerSideEncryptionConfiguration } from "@pulumi/aws/s3";
import { DataQualityJobDefinition, Domain, EndpointConfiguration, FeatureGroup, FlowDefinition, Model, NotebookInstance, TrainingJob } from "@pulumi/aws/sagemaker";
import { DataQualityJobDefinition as NativeDataQualityJobDefinition, FeatureGroup as NativeFeatureGroup, ModelBiasJobDefinition, ModelExplainabilityJobDefinition, ModelQualityJobDefinition } from "@pulumi/aws-native/sagemaker";
import { BEDROCK_CUSTOM_MODEL, checkBoth, expectPass, expectViolation, notesOf, TAGS, urnOf, violationsOf, type PolicyCase } from "./helpers";

const ROLE = "arn:aws:iam::123456789012:role/agent";

describe("aws-bedrock-agentcore-gateway-authorizer: blank, unset and NONE are all no authorizer", () => {
  const POLICY = "aws-bedrock-agentcore-gateway-authorizer";
  // Both SDKs require the property, so "unset" is null.
  const gateway = (Cls, authorizerType: string | null) => () => new Cls("tools", { name: "tools", roleArn: ROLE, protocolType: "MCP", authorizerType });
  const tail = '; anyone who reaches the gateway could call the agent\'s tools; expected "AWS_IAM" or "CUSTOM_JWT"';
  for (const [provider, Cls] of [
    ["aws", AgentcoreGateway],
    ["aws-native", Gateway],
  ] as const) {
    for (const [value, shown] of [
      ["", "not set"],
      [" ", "not set"],
      [null, "not set"],
      ["NONE", '"NONE"'],
      ["None", '"None"'],
    ] as const) {
      it(`${provider} gateway with authorizerType ${JSON.stringify(value)}: a violation`, async () => {
        const { graph, report } = await checkBoth(gateway(Cls, value));
        expect(violationsOf(report, POLICY).map((v) => [v.urn, v.message, v.level])).toEqual([[urnOf(graph, "tools"), `authorizerType is ${shown}${tail}`, "mandatory"]]);
      });
    }
    for (const value of ["CUSTOM_JWT", "AWS_IAM", "aws_iam"]) {
      it(`${provider} gateway with authorizerType ${value}: passes, judged`, async () => {
        const { graph, report } = await checkBoth(gateway(Cls, value));
        expect(violationsOf(report, POLICY)).toEqual([]);
        expect(notesOf(report, POLICY).filter((n) => n.urn === urnOf(graph, "tools"))).toEqual([]);
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Bedrock (policies/guardrails/aws/bedrock.ts)

const KEY = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
const MODEL_ARN = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0";
const buy = { ...TAGS, "aitracks-track": "buy" };
const build = { ...TAGS, "aitracks-track": "build" };
const east = () => new Provider("aws-east", { region: "us-east-1" });
const west = () => new Provider("aws-west", { region: "us-west-2" });
const profile = (name: string, provider, tags: object = buy) => new InferenceProfile(name, { name, modelSource: { copyFrom: MODEL_ARN }, tags }, { provider });
const logging = (loggingConfig: object, provider, name = "logging") => new InvocationLoggingConfiguration(name, { loggingConfig }, { provider });
const S3_LOGS = { textDataDeliveryEnabled: true, s3Config: { bucketName: "logs" } };

const LOG = "aws-bedrock-invocation-logging";
const GUARD = "aws-bedrock-guardrail-attached";
/** [urn name, message] of one policy's violations, sorted. */
const seen = (graph, report, policy: string) =>
  violationsOf(report, policy)
    .map((v) => [graph.resources.find((r) => r.urn === v.urn)?.name ?? "stack", v.message])
    .sort((a, b) => `${a}`.localeCompare(`${b}`));

describe(`${LOG}: who invokes, where, and what counts as logging`, () => {
  const unlogged = (region: string) => `the stack uses Bedrock in ${region} but turns on no model invocation logging there`;

  it("each kind of invoking resource needs logging in its region: provisioned throughput, an agent, a buy-tagged guardrail", async () => {
    const programs: [string, (p) => void][] = [
      ["pt", (provider) => new ProvisionedModelThroughput("pt", { provisionedModelName: "pt", modelArn: MODEL_ARN, modelUnits: 1, tags: build }, { provider })],
      ["agent", (provider) => agent({ tags: build }, provider)],
      ["guard", (provider) => guardrail("HIGH", buy, provider)],
    ];
    for (const [name, make] of programs) {
      const bad = await checkBoth(() => {
        make(east());
        logging(S3_LOGS, west());
      });
      expect(seen(bad.graph, bad.report, LOG), name).toEqual([[name, unlogged("us-east-1")]]);
      const good = await checkBoth(() => {
        const p = east();
        make(p);
        logging(S3_LOGS, p);
      });
      expect(seen(good.graph, good.report, LOG), name).toEqual([]);
      expect(notesOf(good.report, LOG), name).toEqual([]);
    }
  });

  it("Bedrock batch work of another track (a custom model, a guardrail tagged build) invokes nothing: not applicable", async () => {
    const { report } = await checkBoth(() => {
      const p = east();
      guardrail("HIGH", build, p);
      new CustomModel("tuned", { ...CUSTOM, tags: build }, { provider: p });
    });
    expect(violationsOf(report, LOG)).toEqual([]);
    expect(notesOf(report, LOG).map((n) => [n.urn, n.reason])).toEqual([[undefined, "no application of the stack invokes Amazon Bedrock models"]]);
  });

  it("a buy-tagged resource that is not Bedrock's invokes nothing: not applicable", async () => {
    const { report } = await checkBoth(() => new Bucket("docs", { tags: buy }, { provider: east() }));
    expect(violationsOf(report, LOG)).toEqual([]);
    expect(notesOf(report, LOG).map((n) => n.reason)).toEqual(["no application of the stack invokes Amazon Bedrock models"]);
  });

  it("a complete logging config with no region logs nowhere, and is not itself a violation", async () => {
    const { graph, report } = await checkBoth(() => {
      profile("profile", east());
      logging(S3_LOGS, undefined);
    });
    expect(seen(graph, report, LOG)).toEqual([["profile", unlogged("us-east-1")]]);
  });

  it("a CloudWatch destination counts like S3; text delivery off, or no destination (or a blank one), is a violation on the logging config", async () => {
    const cases: [object, string | undefined][] = [
      [{ textDataDeliveryEnabled: true, cloudwatchConfig: { logGroupName: "bedrock", roleArn: ROLE } }, undefined],
      [{ textDataDeliveryEnabled: true, s3Config: { bucketName: "logs" }, cloudwatchConfig: { logGroupName: " ", roleArn: ROLE } }, undefined],
      [{ textDataDeliveryEnabled: false, s3Config: { bucketName: "logs" } }, "invocation logging does not deliver text (textDataDeliveryEnabled is not true)"],
      [{ s3Config: { bucketName: "logs" } }, "invocation logging does not deliver text (textDataDeliveryEnabled is not true)"],
      [{ textDataDeliveryEnabled: true }, "invocation logging has neither an s3Config.bucketName nor a cloudwatchConfig.logGroupName"],
      [{ textDataDeliveryEnabled: true, s3Config: { bucketName: " " }, cloudwatchConfig: { logGroupName: "", roleArn: ROLE } }, "invocation logging has neither an s3Config.bucketName nor a cloudwatchConfig.logGroupName"],
    ];
    for (const [cfg, message] of cases) {
      const { graph, report } = await checkBoth(() => {
        const p = east();
        profile("profile", p);
        logging(cfg, p);
      });
      const expected = message ? [["logging", message], ["profile", unlogged("us-east-1")]] : [];
      expect(seen(graph, report, LOG), JSON.stringify(cfg)).toEqual(expected);
    }
  });

  it("one violation per unlogged region, on the first user there; a region logged elsewhere (policy config) is not one", async () => {
    const program = () => {
      const e = east();
      const w = west();
      profile("east-1", e);
      profile("east-2", e);
      profile("west-1", w);
      logging(S3_LOGS, new Provider("aws-eu", { region: "eu-west-1" }));
    };
    const all = await checkBoth(program);
    expect(seen(all.graph, all.report, LOG)).toEqual([
      ["east-1", unlogged("us-east-1")],
      ["west-1", unlogged("us-west-2")],
    ]);
    const elsewhere = await checkBoth(program, { policyConfig: { [LOG]: { regionsLoggedElsewhere: ["us-west-2"] } } });
    expect(seen(elsewhere.graph, elsewhere.report, LOG)).toEqual([["east-1", unlogged("us-east-1")]]);
  });

  it("a user with no region at all (no provider region, no aws:region) is not judged: no violation, no region named", async () => {
    const { graph, report } = await checkBoth(() => {
      profile("profile", undefined);
      logging(S3_LOGS, west());
    });
    expect(seen(graph, report, LOG)).toEqual([]);
    expect(notesOf(report, LOG)).toEqual([]);
  });

  it("the region comes from the stack config when no provider names one", async () => {
    const { graph, report } = await checkBoth(
      () => {
        profile("profile", undefined);
        logging(S3_LOGS, west());
      },
      { config: { "aws:region": "eu-central-1" } },
    );
    expect(seen(graph, report, LOG)).toEqual([["profile", unlogged("eu-central-1")]]);
  });
});

const CUSTOM = BEDROCK_CUSTOM_MODEL;

function agent(extra: object, provider?) {
  return new AgentAgent(
    "agent",
    {
      agentName: "support",
      agentResourceRoleArn: ROLE,
      foundationModel: "amazon.nova-pro-v1:0",
      instruction: "Answer support questions from the knowledge base, politely and briefly.",
      ...extra,
    },
    { provider },
  );
}

function guardrail(strength: string | [string | undefined, string | undefined] | null, tags: object = buy, provider?, name = "guard") {
  const [input, output] = Array.isArray(strength) ? strength : [strength, strength];
  const filter = { type: "HATE", ...(input !== undefined ? { inputStrength: input } : {}), ...(output !== undefined ? { outputStrength: output } : {}) };
  return new Guardrail(
    name,
    {
      blockedInputMessaging: "no",
      blockedOutputsMessaging: "no",
      ...(strength === null ? {} : { contentPolicyConfig: { filtersConfigs: [filter] } }),
      tags,
    },
    { provider },
  );
}

const INVOKE = { Effect: "Allow", Action: ["bedrock:InvokeModel"], Resource: [MODEL_ARN] };
const GUARDED = { ...INVOKE, Condition: { StringEquals: { "bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:123456789012:guardrail/g1:1" } } };
const policyDoc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const unguarded = (label: string) => `${label} allows invoking Bedrock models without requiring a guardrail (no bedrock:GuardrailIdentifier condition)`;
const NO_GUARDRAIL = "the stack invokes Bedrock models but defines no guardrail";
const ALL_NONE = "the stack's guardrails set every content filter to NONE (or none at all)";
const UNPUBLISHED = "the guardrail has no published GuardrailVersion; invocations can only pin a version";
const published = (strength = "HIGH") => {
  const g = guardrail(strength);
  new GuardrailVersion("guard-v", { guardrailArn: g.guardrailArn });
  return g;
};

describe(`${GUARD}: the buy track's grants and its guardrail`, () => {
  it("grants on a role, user or group of the buy track (inline policies take no tags) are judged; Sid or position labels them", async () => {
    const forms: [string, () => void][] = [
      ["role", () => new RolePolicy("invoke", { role: new Role("app", { assumeRolePolicy: "{}", tags: buy }).id, policy: policyDoc({ Sid: "Invoke", ...INVOKE }) })],
      ["user", () => new UserPolicy("invoke", { user: new User("app", { tags: buy }).name, policy: policyDoc({ Sid: "Invoke", ...INVOKE }) })],
      ["group", () => new GroupPolicy("invoke", { group: new Group("app", {}).name, policy: policyDoc({ Sid: "Invoke", ...INVOKE }) })],
    ];
    for (const [form, grant] of forms) {
      const { graph, report } = await checkBoth(() => {
        published();
        grant();
      });
      // The group takes no tags: its policy belongs to no track, and is not judged.
      expect(seen(graph, report, GUARD), form).toEqual(form === "group" ? [] : [["invoke", unguarded("Invoke")]]);
    }
  });

  it("a Role's inline policies, a managed Policy tagged buy, every invoke action and bedrock:*; Deny and other actions are not grants", async () => {
    const { graph, report } = await checkBoth(() => {
      published();
      new Role("app", {
        assumeRolePolicy: "{}",
        tags: buy,
        inlinePolicies: [{ name: "inline", policy: policyDoc({ Effect: "Deny", Action: "bedrock:InvokeModel", Resource: "*" }, { Effect: "Allow", Action: "s3:GetObject", Resource: "*" }, { ...INVOKE, Action: "bedrock:Converse" }) }],
      });
      new Policy("managed", { policy: policyDoc(GUARDED, { ...INVOKE, Sid: "Stream", Action: ["bedrock:InvokeModelWithResponseStream"] }, { ...INVOKE, Action: "bedrock:*" }, { ...INVOKE, Action: "bedrock:ConverseStream" }), tags: buy });
    });
    expect(seen(graph, report, GUARD)).toEqual([
      ["app", unguarded("statement 2")],
      ["managed", unguarded("statement 2")],
      ["managed", unguarded("statement 3")],
      ["managed", unguarded("Stream")],
    ]);
  });

  it("a resource of another track (tag build) or a named track the config says is not buy is not judged; a configured buy name is", async () => {
    const program = (tags: object) => () => {
      published();
      new Policy("managed", { policy: policyDoc(INVOKE), tags });
    };
    const tracks = { "aitracks:tracks": [{ track: "buy", cloud: "aws", name: "support" }, { track: "build", cloud: "aws", name: "lab" }] };
    const buyNamed = await checkBoth(program({ ...TAGS, "aitracks-track": undefined, "aitracks-name": "support" }), { config: tracks });
    expect(seen(buyNamed.graph, buyNamed.report, GUARD)).toEqual([["managed", unguarded("statement 0")]]);
    const otherNamed = await checkBoth(program({ "aitracks-name": "lab" }), { config: tracks });
    expect(seen(otherNamed.graph, otherNamed.report, GUARD)).toEqual([]);
    const built = await checkBoth(program(build), { config: tracks });
    expect(seen(built.graph, built.report, GUARD)).toEqual([]);
  });

  it("no buy grant and no buy Bedrock resource: not applicable (a build-track guardrail and grant do not count)", async () => {
    const { report } = await checkBoth(() => {
      guardrail("HIGH", build);
      new Policy("managed", { policy: policyDoc(INVOKE), tags: build });
    });
    expect(violationsOf(report, GUARD)).toEqual([]);
    expect(notesOf(report, GUARD).map((n) => [n.urn, n.reason])).toEqual([[undefined, "no buy track of the stack invokes Bedrock models"]]);
  });

  it("no guardrail: on the first grant, else on the first buy Bedrock resource", async () => {
    const granted = await checkBoth(() => {
      agent({ tags: buy, ...AGENT_OK });
      new Policy("managed", { policy: policyDoc(GUARDED), tags: buy });
    });
    expect(seen(granted.graph, granted.report, GUARD)).toEqual([["managed", NO_GUARDRAIL]]);
    const resourceOnly = await checkBoth(() => agent({ tags: buy, ...AGENT_OK }));
    expect(seen(resourceOnly.graph, resourceOnly.report, GUARD)).toEqual([["agent", NO_GUARDRAIL]]);
  });

  it("content filters: input or output strength above NONE filters; both NONE, unset strengths or no filters do not", async () => {
    const forms: [string | [string | undefined, string | undefined] | null, boolean][] = [
      [["HIGH", "NONE"], true],
      [["NONE", "LOW"], true],
      [[undefined, "MEDIUM"], true],
      [["LOW", undefined], true],
      [["NONE", "NONE"], false],
      [[undefined, undefined], false],
      [null, false],
    ];
    for (const [strength, filters] of forms) {
      const { graph, report } = await checkBoth(() => {
        const g = guardrail(strength);
        new GuardrailVersion("guard-v", { guardrailArn: g.guardrailArn });
        new Policy("managed", { policy: policyDoc(GUARDED), tags: buy });
      });
      expect(seen(graph, report, GUARD), JSON.stringify(strength)).toEqual(filters ? [] : [["guard", ALL_NONE]]);
    }
  });

  it("the filtering guardrail must be published: no version, or a version of another (unfiltered) guardrail, is a violation on it", async () => {
    const none = await checkBoth(() => {
      guardrail("HIGH");
      new Policy("managed", { policy: policyDoc(GUARDED), tags: buy });
    });
    expect(seen(none.graph, none.report, GUARD)).toEqual([["guard", UNPUBLISHED]]);
    const other = await checkBoth(() => {
      guardrail("HIGH");
      const open = guardrail("NONE", buy, undefined, "open");
      new GuardrailVersion("open-v", { guardrailArn: open.guardrailArn });
      new Policy("managed", { policy: policyDoc(GUARDED), tags: buy });
    });
    expect(seen(other.graph, other.report, GUARD)).toEqual([["guard", UNPUBLISHED]]);
    const good = await checkBoth(() => {
      published();
      new Policy("managed", { policy: policyDoc(GUARDED), tags: buy });
    });
    expect(seen(good.graph, good.report, GUARD)).toEqual([]);
    expect(notesOf(good.report, GUARD)).toEqual([]);
    // Of two filtering guardrails, one published is enough.
    const onePublished = await checkBoth(() => {
      published();
      guardrail("LOW", buy, undefined, "draft");
      new Policy("managed", { policy: policyDoc(GUARDED), tags: buy });
    });
    expect(seen(onePublished.graph, onePublished.report, GUARD)).toEqual([]);
  });

  it("a statement granting an invoke action among others is a grant", async () => {
    const { graph, report } = await checkBoth(() => {
      published();
      new Policy("managed", { policy: policyDoc({ ...INVOKE, Sid: "Mixed", Action: ["s3:GetObject", "bedrock:Converse"] }), tags: buy });
    });
    expect(seen(graph, report, GUARD)).toEqual([["managed", unguarded("Mixed")]]);
  });
});

const AGENT_OK = { customerEncryptionKeyArn: KEY, guardrailConfigurations: [{ guardrailIdentifier: "g1", guardrailVersion: "1" }] };

describe("the Bedrock resource policies: custom model, agent, data source", () => {
  it("aws-bedrock-custom-model-cmk: unset or blank key is a violation, a key passes", async () => {
    for (const customModelKmsKeyId of [undefined, " "]) {
      const c = {
        policy: "aws-bedrock-custom-model-cmk",
        bad: () => new CustomModel("tuned", { ...CUSTOM, ...(customModelKmsKeyId === undefined ? {} : { customModelKmsKeyId }) }),
        on: "tuned",
        message: /^customModelKmsKeyId is not set; the tuned weights would be encrypted with an AWS-owned key$/,
        good: () => new CustomModel("tuned", { ...CUSTOM, customModelKmsKeyId: KEY }),
      };
      await expectViolation(c);
      await expectPass(c);
    }
  });

  it("aws-bedrock-agent-cmk and aws-bedrock-agent-guardrail: each missing part with its message, and which of the two reports", async () => {
    const AGENT_POLICIES = ["aws-bedrock-agent-cmk", "aws-bedrock-agent-guardrail"];
    const cases: [object, [string, string][]][] = [
      [AGENT_OK, []],
      [
        {},
        [
          ["aws-bedrock-agent-cmk", "customerEncryptionKeyArn is not set; the agent would be encrypted with an AWS-owned key"],
          ["aws-bedrock-agent-guardrail", "guardrailConfigurations is not set; the agent's conversations would go through no guardrail"],
        ],
      ],
      [{ ...AGENT_OK, customerEncryptionKeyArn: "" }, [["aws-bedrock-agent-cmk", "customerEncryptionKeyArn is not set; the agent would be encrypted with an AWS-owned key"]]],
      [{ ...AGENT_OK, guardrailConfigurations: [] }, [["aws-bedrock-agent-guardrail", "guardrailConfigurations is not set; the agent's conversations would go through no guardrail"]]],
      [
        { ...AGENT_OK, guardrailConfigurations: [{ guardrailIdentifier: "g1", guardrailVersion: "DRAFT" }, { guardrailIdentifier: " ", guardrailVersion: "1" }, { guardrailIdentifier: "g2", guardrailVersion: "" }, { guardrailIdentifier: "g3" }] },
        [
          ["aws-bedrock-agent-guardrail", "guardrailConfigurations[1].guardrailIdentifier is empty"],
          ["aws-bedrock-agent-guardrail", "guardrailConfigurations[2].guardrailVersion is empty; expected a published version (or DRAFT)"],
          ["aws-bedrock-agent-guardrail", "guardrailConfigurations[3].guardrailVersion is empty; expected a published version (or DRAFT)"],
        ],
      ],
    ];
    for (const [extra, expected] of cases) {
      const { graph, report } = await checkBoth(() => agent(extra));
      const got = report.violations.filter((v) => AGENT_POLICIES.includes(v.policy)).map((v) => [v.policy, v.message]);
      expect(got, JSON.stringify(extra)).toEqual(expected);
      for (const v of report.violations.filter((v) => AGENT_POLICIES.includes(v.policy))) expect(v.urn).toBe(urnOf(graph, "agent"));
      for (const p of AGENT_POLICIES) expect(notesOf(report, p).filter((n) => n.urn === urnOf(graph, "agent"))).toEqual([]);
    }
  });

  it("aws-bedrock-data-source-cmk in both providers: no or blank key is a violation, a key passes", async () => {
    const forms: [string, (sse?: object) => () => void][] = [
      ["aws", (sse) => () => new AgentDataSource("ds", { knowledgeBaseId: "kb", name: "docs", dataSourceConfiguration: { type: "S3", s3Configuration: { bucketArn: "arn:aws:s3:::docs" } }, ...(sse ? { serverSideEncryptionConfiguration: sse } : {}) })],
      ["aws-native", (sse) => () => new DataSource("ds", { knowledgeBaseId: "kb", name: "docs", dataSourceConfiguration: { type: "S3", s3Configuration: { bucketArn: "arn:aws:s3:::docs" } }, ...(sse ? { serverSideEncryptionConfiguration: sse } : {}) })],
    ];
    for (const [, make] of forms) {
      for (const sse of [undefined, {}, { kmsKeyArn: " " }]) {
        const c = {
          policy: "aws-bedrock-data-source-cmk",
          bad: make(sse),
          on: "ds",
          message: /^serverSideEncryptionConfiguration\.kmsKeyArn is not set; ingestion data would use an AWS-owned key$/,
          good: make({ kmsKeyArn: KEY }),
        };
        await expectViolation(c);
        await expectPass(c);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// SageMaker (policies/guardrails/aws/sagemaker.ts)

const SM_ROLE = "arn:aws:iam::123456789012:role/sagemaker";
/** [policy, message] of the given policies' violations on resource `name`, sorted; and none of them skipped it. */
async function verdicts(program: () => void, policies: readonly string[], name: string, opts = {}) {
  const { graph, report } = await checkBoth(program, opts);
  const urn = urnOf(graph, name);
  for (const p of policies) expect(notesOf(report, p).filter((n) => n.urn === urn || n.urn === undefined), `${p} must judge ${name}`).toEqual([]);
  const mine = report.violations.filter((v) => policies.includes(v.policy));
  for (const v of mine) expect(v.urn, `${v.policy}: ${v.message}`).toBe(urn);
  return bySort(mine.map((v) => [v.policy, v.message]));
}
const bySort = (pairs: string[][]) => [...pairs].sort((a, b) => `${a}`.localeCompare(`${b}`));

describe("the SageMaker notebook policies: each setting, every spelling", () => {
  const NB = ["aws-sagemaker-notebook-imdsv2", "aws-sagemaker-notebook-kms", "aws-sagemaker-notebook-no-direct-internet", "aws-sagemaker-notebook-no-root-access"];
  const OK = { directInternetAccess: "Disabled", subnetId: "subnet-1", securityGroups: ["sg-1"], rootAccess: "Disabled", kmsKeyId: KEY, instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: "2" } };
  const nb = (extra: object) => () => new NotebookInstance("nb", { instanceType: "ml.t3.medium", roleArn: SM_ROLE, ...extra });
  const cases: [string, object, [string, string][]][] = [
    ["secure", OK, []],
    ["secure, lower case", { ...OK, directInternetAccess: "disabled", rootAccess: "DISABLED" }, []],
    [
      "nothing set",
      {},
      [
        ["aws-sagemaker-notebook-imdsv2", 'instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion is not set (IMDSv1 allowed); expected "2"'],
        ["aws-sagemaker-notebook-kms", "kmsKeyId is not set; the ML storage volume would use an AWS-managed key"],
        ["aws-sagemaker-notebook-no-direct-internet", 'directInternetAccess is not set (SageMaker enables it); expected "Disabled"'],
        ["aws-sagemaker-notebook-no-root-access", 'rootAccess is not set (SageMaker enables it); expected "Disabled"'],
      ],
    ],
    [
      "enabled values",
      { ...OK, directInternetAccess: "Enabled", rootAccess: "Enabled", kmsKeyId: " ", instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: "1" } },
      [
        ["aws-sagemaker-notebook-imdsv2", 'instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion is "1"; expected "2"'],
        ["aws-sagemaker-notebook-kms", "kmsKeyId is not set; the ML storage volume would use an AWS-managed key"],
        ["aws-sagemaker-notebook-no-direct-internet", 'directInternetAccess is "Enabled"; expected "Disabled"'],
        ["aws-sagemaker-notebook-no-root-access", 'rootAccess is "Enabled"; expected "Disabled"'],
      ],
    ],
    ["disabled without a subnet", { ...OK, subnetId: undefined }, [["aws-sagemaker-notebook-no-direct-internet", 'directInternetAccess is "Disabled" but no subnetId is set; the notebook needs a VPC subnet']]],
    ["disabled with a blank subnet", { ...OK, subnetId: "" }, [["aws-sagemaker-notebook-no-direct-internet", 'directInternetAccess is "Disabled" but no subnetId is set; the notebook needs a VPC subnet']]],
    ["IMDS configuration without a version", { ...OK, instanceMetadataServiceConfiguration: {} }, [["aws-sagemaker-notebook-imdsv2", 'instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion is not set (IMDSv1 allowed); expected "2"']]],
  ];
  for (const [label, extra, expected] of cases) {
    it(label, async () => expect(await verdicts(nb(extra), NB, "nb")).toEqual(expected));
  }
});

describe("aws-sagemaker-endpoint-config-kms and -prod-instance-count: variants, capture, async output, environment", () => {
  const KMS = "aws-sagemaker-endpoint-config-kms";
  const COUNT = "aws-sagemaker-endpoint-config-prod-instance-count";
  const variant = (variantName: string | undefined, instanceType: string | undefined, initialInstanceCount?: number) => ({
    ...(variantName ? { variantName } : {}),
    modelName: "m",
    ...(instanceType ? { instanceType } : {}),
    ...(initialInstanceCount === undefined ? {} : { initialInstanceCount }),
  });
  const ec = (extra: object) => () => new EndpointConfiguration("ec", { productionVariants: [variant("a", "ml.m5.xlarge", 2)], ...extra });
  const cases: [string, object, [string, string][]][] = [
    ["a key, two instances", { kmsKeyArn: KEY }, []],
    ["no key on EBS variants: each type once, shadow variants too", { productionVariants: [variant("a", "ml.m5.xlarge", 2), variant("b", "ml.m5.xlarge", 3)], shadowProductionVariants: [variant("s", "ml.c5.xlarge", 1)] }, [[KMS, "kmsKeyArn is not set; the EBS storage volumes of ml.m5.xlarge, ml.c5.xlarge would not be encrypted with your key"]]],
    ["a blank key", { kmsKeyArn: "" }, [[KMS, "kmsKeyArn is not set; the EBS storage volumes of ml.m5.xlarge would not be encrypted with your key"]]],
    ["local NVMe only: no key needed; only the EBS type of a mix is named", { productionVariants: [variant("a", "ml.g5.xlarge", 2)] }, []],
    ["a mix", { productionVariants: [variant("a", "ml.g5.xlarge", 2), variant("b", "ml.r5.large", 2)] }, [[KMS, "kmsKeyArn is not set; the EBS storage volumes of ml.r5.large would not be encrypted with your key"]]],
    ["serverless: no key, no instance count", { productionVariants: [{ variantName: "sl", modelName: "m", serverlessConfig: { maxConcurrency: 1, memorySizeInMb: 2048 } }] }, []],
    [
      "data capture on (explicitly or by default) without a key",
      { kmsKeyArn: KEY, dataCaptureConfig: { initialSamplingPercentage: 10, destinationS3Uri: "s3://c/", captureOptions: [{ captureMode: "Input" }] } },
      [[KMS, "dataCaptureConfig captures requests and responses but sets no kmsKeyId"]],
    ],
    ["data capture enabled without a key", { kmsKeyArn: KEY, dataCaptureConfig: { enableCapture: true, initialSamplingPercentage: 10, destinationS3Uri: "s3://c/", captureOptions: [{ captureMode: "Input" }] } }, [[KMS, "dataCaptureConfig captures requests and responses but sets no kmsKeyId"]]],
    ["data capture off", { kmsKeyArn: KEY, dataCaptureConfig: { enableCapture: false, initialSamplingPercentage: 10, destinationS3Uri: "s3://c/", captureOptions: [{ captureMode: "Input" }] } }, []],
    ["data capture with a key", { kmsKeyArn: KEY, dataCaptureConfig: { kmsKeyId: KEY, initialSamplingPercentage: 10, destinationS3Uri: "s3://c/", captureOptions: [{ captureMode: "Input" }] } }, []],
    ["async output without a key", { kmsKeyArn: KEY, asyncInferenceConfig: { outputConfig: { s3OutputPath: "s3://o/" } } }, [[KMS, "asyncInferenceConfig.outputConfig sets no kmsKeyId for the async results"]]],
    ["async output with a key", { kmsKeyArn: KEY, asyncInferenceConfig: { outputConfig: { s3OutputPath: "s3://o/", kmsKeyId: KEY } } }, []],
    [
      "one instance, or none set, in production (advisory)",
      { kmsKeyArn: KEY, productionVariants: [variant("one", "ml.m5.xlarge", 1), variant("unset", "ml.m5.xlarge"), variant("two", "ml.m5.xlarge", 2), variant(undefined, "ml.m5.xlarge", 0)] },
      [
        [COUNT, 'production variant "(unnamed)" has initialInstanceCount 0; expected 2 or more, in more than one Availability Zone'],
        [COUNT, 'production variant "one" has initialInstanceCount 1; expected 2 or more, in more than one Availability Zone'],
        [COUNT, 'production variant "unset" has initialInstanceCount not set; expected 2 or more, in more than one Availability Zone'],
      ],
    ],
  ];
  for (const [label, extra, expected] of cases) {
    it(label, async () => expect(await verdicts(ec(extra), [KMS, COUNT], "ec")).toEqual(expected));
  }

  it("the instance count is advisory, judged in production (any case, or prod), not in staging", async () => {
    const one = ec({ kmsKeyArn: KEY, productionVariants: [variant("one", "ml.m5.xlarge", 1)] });
    for (const environment of ["production", "Prod", "PRODUCTION"]) {
      const { graph, report } = await checkBoth(one, { config: { "aitracks:environment": environment } });
      expect(violationsOf(report, COUNT).map((v) => [v.urn, v.level]), environment).toEqual([[urnOf(graph, "ec"), "advisory"]]);
    }
    const { graph, report } = await checkBoth(one, { config: { "aitracks:environment": "staging" } });
    expect(violationsOf(report, COUNT)).toEqual([]);
    expect(notesOf(report, COUNT).filter((n) => n.urn === urnOf(graph, "ec")).map((n) => n.reason)).toEqual(['the environment is "staging" (stack config aitracks:environment), not production']);
  });
});

describe("the SageMaker training job policies", () => {
  const TJ = ["aws-sagemaker-training-job-inter-container-encryption", "aws-sagemaker-training-job-kms", "aws-sagemaker-training-job-network-isolation"];
  const OK = { outputDataConfig: { s3OutputPath: "s3://out/", kmsKeyId: KEY }, enableNetworkIsolation: true, enableInterContainerTrafficEncryption: true, vpcConfig: { subnets: ["subnet-1"], securityGroupIds: ["sg-1"] } };
  const job = (extra: object, resourceConfig: object | undefined = { instanceType: "ml.m5.xlarge", instanceCount: 2, volumeSizeInGb: 50, volumeKmsKeyId: KEY }) => () =>
    new TrainingJob("job", {
      trainingJobName: "job",
      roleArn: SM_ROLE,
      algorithmSpecification: { trainingImage: "img", trainingInputMode: "File" },
      ...(resourceConfig ? { resourceConfig } : {}),
      outputDataConfig: { s3OutputPath: "s3://out/" },
      stoppingCondition: { maxRuntimeInSeconds: 60 },
      ...extra,
    });
  const volume = (types?: string) => ["aws-sagemaker-training-job-kms", `resourceConfig.volumeKmsKeyId is not set; the training volumes${types ? ` of ${types}` : ""} would not be encrypted with your key`];
  const cases: [string, () => void, [string, string][]][] = [
    ["secure", job(OK), []],
    [
      "nothing set",
      job({}, { instanceType: "ml.m5.xlarge", instanceCount: 2, volumeSizeInGb: 50 }),
      [
        ["aws-sagemaker-training-job-inter-container-encryption", "enableInterContainerTrafficEncryption is not set (off); expected true"],
        ["aws-sagemaker-training-job-kms", "outputDataConfig.kmsKeyId is not set; model artifacts would use an AWS-managed key"],
        volume("ml.m5.xlarge"),
        ["aws-sagemaker-training-job-network-isolation", "enableNetworkIsolation is not set (off); expected true"],
        ["aws-sagemaker-training-job-network-isolation", "vpcConfig.subnets is empty; the job would run outside your VPC"],
      ],
    ],
    [
      "false and empty",
      job({ ...OK, enableNetworkIsolation: false, enableInterContainerTrafficEncryption: false, vpcConfig: { subnets: [], securityGroupIds: ["sg-1"] }, outputDataConfig: { s3OutputPath: "s3://out/", kmsKeyId: " " } }),
      [
        ["aws-sagemaker-training-job-inter-container-encryption", "enableInterContainerTrafficEncryption is false; expected true"],
        ["aws-sagemaker-training-job-kms", "outputDataConfig.kmsKeyId is not set; model artifacts would use an AWS-managed key"],
        ["aws-sagemaker-training-job-network-isolation", "enableNetworkIsolation is false; expected true"],
        ["aws-sagemaker-training-job-network-isolation", "vpcConfig.subnets is empty; the job would run outside your VPC"],
      ],
    ],
    ["local NVMe: no volume key needed", job(OK, { instanceType: "ml.p4d.24xlarge", instanceCount: 1, volumeSizeInGb: 50 }), []],
    ["instance groups: the EBS types, each once", job(OK, { instanceGroups: [g("a", "ml.m5.xlarge"), g("b", "ml.g5.xlarge"), g("c", "ml.m5.xlarge"), g("d", "ml.c5.2xlarge")], volumeSizeInGb: 50 }), [volume("ml.m5.xlarge, ml.c5.2xlarge")]],
    ["instance groups all NVMe", job(OK, { instanceGroups: [g("a", "ml.g5.xlarge")], volumeSizeInGb: 50 }), []],
    ["no instance type at all: a volume key is still asked for", job(OK, { instanceCount: 1, volumeSizeInGb: 50 }), [volume()]],
    ["no resourceConfig (serverless): no volume", job(OK, undefined), []],
  ];
  function g(instanceGroupName: string, instanceType: string) {
    return { instanceGroupName, instanceType, instanceCount: 1 };
  }
  for (const [label, program, expected] of cases) {
    it(label, async () => expect(await verdicts(program, TJ, "job")).toEqual(expected));
  }
});

describe("the SageMaker model, domain, flow definition and feature group policies", () => {
  const MODEL = ["aws-sagemaker-model-in-vpc", "aws-sagemaker-model-network-isolation"];
  const model = (extra: object) => () => new Model("model", { executionRoleArn: SM_ROLE, primaryContainer: { image: "img" }, ...extra });
  it("models: isolation true and subnets pass; unset, false, empty subnets fail", async () => {
    expect(await verdicts(model({ enableNetworkIsolation: true, vpcConfig: { subnets: ["subnet-1"], securityGroupIds: ["sg-1"] } }), MODEL, "model")).toEqual([]);
    expect(await verdicts(model({}), MODEL, "model")).toEqual([
      ["aws-sagemaker-model-in-vpc", "vpcConfig.subnets is empty; the model containers would run outside your VPC"],
      ["aws-sagemaker-model-network-isolation", "enableNetworkIsolation is not set (off); expected true"],
    ]);
    expect(await verdicts(model({ enableNetworkIsolation: false, vpcConfig: { subnets: [], securityGroupIds: ["sg-1"] } }), MODEL, "model")).toEqual([
      ["aws-sagemaker-model-in-vpc", "vpcConfig.subnets is empty; the model containers would run outside your VPC"],
      ["aws-sagemaker-model-network-isolation", "enableNetworkIsolation is false; expected true"],
    ]);
  });

  const DOMAIN = ["aws-sagemaker-domain-kms", "aws-sagemaker-domain-vpc-only"];
  const domain = (extra: object) => () =>
    new Domain("studio", { domainName: "studio", authMode: "IAM", vpcId: "vpc-1", subnetIds: ["subnet-1"], defaultUserSettings: { executionRole: SM_ROLE }, ...extra });
  it("domains: VpcOnly and a key pass; unset, PublicInternetOnly, another spelling, a blank key fail", async () => {
    expect(await verdicts(domain({ appNetworkAccessType: "VpcOnly", kmsKeyId: KEY }), DOMAIN, "studio")).toEqual([]);
    expect(await verdicts(domain({}), DOMAIN, "studio")).toEqual([
      ["aws-sagemaker-domain-kms", "kmsKeyId is not set; the domain's EFS volume would use an AWS-managed key"],
      ["aws-sagemaker-domain-vpc-only", 'appNetworkAccessType is not set (PublicInternetOnly); expected "VpcOnly"'],
    ]);
    expect(await verdicts(domain({ appNetworkAccessType: "PublicInternetOnly", kmsKeyId: "" }), DOMAIN, "studio")).toEqual([
      ["aws-sagemaker-domain-kms", "kmsKeyId is not set; the domain's EFS volume would use an AWS-managed key"],
      ["aws-sagemaker-domain-vpc-only", 'appNetworkAccessType is "PublicInternetOnly"; expected "VpcOnly"'],
    ]);
  });

  it("flow definitions: no or blank output key is a violation, a key passes", async () => {
    const FLOW = ["aws-sagemaker-flow-definition-kms"];
    const flow = (outputConfig: object) => () =>
      new FlowDefinition("review", {
        flowDefinitionName: "review",
        roleArn: SM_ROLE,
        humanLoopConfig: {
          humanTaskUiArn: "arn:aws:sagemaker:us-east-1:123456789012:human-task-ui/ui",
          taskCount: 1,
          taskDescription: "Check the answer",
          taskTitle: "Review",
          workteamArn: "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/reviewers",
        },
        outputConfig,
      });
    const msg = [["aws-sagemaker-flow-definition-kms", "outputConfig.kmsKeyId is not set; the human-review results would use an AWS-managed key"]];
    expect(await verdicts(flow({ s3OutputPath: "s3://r/", kmsKeyId: KEY }), FLOW, "review")).toEqual([]);
    expect(await verdicts(flow({ s3OutputPath: "s3://r/" }), FLOW, "review")).toEqual(msg);
    expect(await verdicts(flow({ s3OutputPath: "s3://r/", kmsKeyId: " " }), FLOW, "review")).toEqual(msg);
  });

  const FG = ["aws-sagemaker-feature-group-kms"];
  const ONLINE = ["aws-sagemaker-feature-group-kms", "onlineStoreConfig.securityConfig.kmsKeyId is not set; the online store would use an AWS-owned key"];
  const OFFLINE = ["aws-sagemaker-feature-group-kms", "offlineStoreConfig.s3StorageConfig.kmsKeyId is not set; the offline store's S3 objects would not be encrypted with your key"];
  const base = { featureGroupName: "fg", recordIdentifierFeatureName: "id", eventTimeFeatureName: "ts", featureDefinitions: [{ featureName: "id", featureType: "String" }, { featureName: "ts", featureType: "String" }], roleArn: SM_ROLE };
  for (const [provider, make] of [
    ["aws", (extra: object) => () => new FeatureGroup("fg", { ...base, ...extra })],
    ["aws-native", (extra: object) => () => new NativeFeatureGroup("fg", { ...base, ...extra })],
  ] as const) {
    it(`${provider} feature groups: each store with and without a key; a disabled or InMemory online store takes none`, async () => {
      const cases: [object, [string, string][]][] = [
        [{ onlineStoreConfig: { enableOnlineStore: true, securityConfig: { kmsKeyId: KEY } }, offlineStoreConfig: { s3StorageConfig: { s3Uri: "s3://fs/", kmsKeyId: KEY } } }, []],
        [{ onlineStoreConfig: { enableOnlineStore: true }, offlineStoreConfig: { s3StorageConfig: { s3Uri: "s3://fs/" } } }, [OFFLINE, ONLINE]],
        [{ onlineStoreConfig: { securityConfig: { kmsKeyId: " " } } }, [ONLINE]],
        [{ onlineStoreConfig: { enableOnlineStore: true, storageType: "Standard" } }, [ONLINE]],
        [{ onlineStoreConfig: { enableOnlineStore: false } }, []],
        [{ onlineStoreConfig: { enableOnlineStore: true, storageType: "InMemory" } }, []],
        [{ onlineStoreConfig: { enableOnlineStore: true, storageType: "inmemory" } }, []],
        [{ offlineStoreConfig: { s3StorageConfig: { s3Uri: "s3://fs/", kmsKeyId: "" } } }, [OFFLINE]],
      ];
      for (const [extra, expected] of cases) expect(await verdicts(make(extra), FG, "fg"), JSON.stringify(extra)).toEqual(expected);
    });
  }
});

describe("aws-sagemaker-model-artifacts-cmk: where the artifacts are and how their bucket is encrypted", () => {
  const POLICY = "aws-sagemaker-model-artifacts-cmk";
  const bucket = (algo: "cmk" | "aws-managed" | "AES256" | "none") => {
    const b = new Bucket("data", { bucket: "artifacts" });
    if (algo !== "none") {
      new BucketServerSideEncryptionConfiguration("data-sse", {
        bucket: b.id,
        rules: [{ applyServerSideEncryptionByDefault: algo === "AES256" ? { sseAlgorithm: "AES256" } : { sseAlgorithm: "aws:kms", ...(algo === "cmk" ? { kmsMasterKeyId: KEY } : {}) } }],
      });
    }
    return b;
  };
  const model = (containers: object) => new Model("model", { executionRoleArn: SM_ROLE, ...containers });
  const inBucket = (s: string) => `model artifacts are in bucket data, which is ${s}`;

  it("by name in a primary container's modelDataUrl, a container list, or a modelDataSource: the bucket's encryption decides", async () => {
    const forms: object[] = [
      { primaryContainer: { image: "img", modelDataUrl: "s3://artifacts/model.tar.gz" } },
      { containers: [{ image: "a" }, { image: "b", modelDataUrl: "s3://artifacts/b/model.tar.gz" }] },
      { primaryContainer: { image: "img", modelDataSource: { s3DataSources: [{ s3Uri: "s3://artifacts/model/", s3DataType: "S3Prefix", compressionType: "None" }] } } },
    ];
    const encryptions: ["cmk" | "aws-managed" | "AES256" | "none", string | undefined][] = [
      ["cmk", undefined],
      ["aws-managed", inBucket("SSE-KMS without a kmsMasterKeyId (the AWS-managed aws/s3 key)")],
      ["AES256", inBucket('encrypted with "AES256" rather than a customer-managed KMS key')],
      ["none", inBucket("not configured for SSE-KMS (S3 would use SSE-S3 with an AWS-owned key)")],
    ];
    for (const form of forms) {
      for (const [algo, message] of encryptions) {
        const { graph, report } = await checkBoth(() => {
          bucket(algo);
          model(form);
        });
        expect(seen(graph, report, POLICY), `${JSON.stringify(form)} ${algo}`).toEqual(message ? [["model", message]] : []);
        expect(notesOf(report, POLICY), `${JSON.stringify(form)} ${algo}`).toEqual([]);
      }
    }
  });

  it("artifacts in a bucket outside the stack: undecided, said in a note; a model without artifacts passes; no model: not applicable", async () => {
    const outside = await checkBoth(() => {
      bucket("cmk");
      model({ primaryContainer: { image: "img", modelDataUrl: "s3://elsewhere/model.tar.gz" } });
    });
    expect(violationsOf(outside.report, POLICY)).toEqual([]);
    expect(notesOf(outside.report, POLICY).map((n) => n.reason)).toEqual([
      `could not decide for ${urnOf(outside.graph, "model")}: artifacts in s3://elsewhere/model.tar.gz, a bucket outside this stack whose encryption it cannot see`,
    ]);
    const bare = await checkBoth(() => model({ primaryContainer: { image: "img" } }));
    expect(violationsOf(bare.report, POLICY)).toEqual([]);
    expect(notesOf(bare.report, POLICY)).toEqual([]);
    const none = await checkBoth(() => bucket("none"));
    expect(notesOf(none.report, POLICY).map((n) => [n.urn, n.reason])).toEqual([[undefined, "no SageMaker models in the stack"]]);
  });

  it("a bucket linked by reference counts even when the URI names no bucket of the stack", async () => {
    const { graph, report } = await checkBoth(() => {
      const b = bucket("AES256");
      model({ primaryContainer: { image: "img", modelDataUrl: b.id.apply(() => "s3://not-its-name/model.tar.gz") } });
    });
    expect(seen(graph, report, POLICY)).toEqual([["model", inBucket('encrypted with "AES256" rather than a customer-managed KMS key')]]);
    expect(notesOf(report, POLICY)).toEqual([]);
  });
});

describe("the SageMaker monitoring job policies on every job type, both providers", () => {
  const MON = ["aws-sagemaker-monitoring-job-inter-container-encryption", "aws-sagemaker-monitoring-job-kms", "aws-sagemaker-monitoring-job-network-isolation"];
  const SECURE_NET = { enableNetworkIsolation: true, enableInterContainerTrafficEncryption: true, vpcConfig: { subnets: ["subnet-1"], securityGroupIds: ["sg-1"] } };
  const endpointInput = { endpointName: "ep", localPath: "/opt/ml/processing/input/endpoint" };
  type O = { net?: object; kms: boolean; volumeKey: boolean; instanceType: string };
  const out = (o: O, list: boolean) => {
    const monitoringOutput = { s3Output: { s3Uri: "s3://results/", localPath: "/opt/ml/processing/output" } };
    return { ...(o.kms ? { kmsKeyId: KEY } : {}), monitoringOutputs: list ? [monitoringOutput] : monitoringOutput };
  };
  const res = (o: O) => ({ clusterConfig: { instanceCount: 1, instanceType: o.instanceType, volumeSizeInGb: 30, ...(o.volumeKey ? { volumeKmsKeyId: KEY } : {}) } });
  const net = (o: O) => (o.net ? { networkConfig: o.net } : {});
  const types: [string, string, (o: O) => () => void][] = [
    ["aws DataQualityJobDefinition", "dataQualityJobOutputConfig", (o) => () =>
      new DataQualityJobDefinition("job", { roleArn: SM_ROLE, dataQualityAppSpecification: { imageUri: "analyzer" }, dataQualityJobInput: { endpointInput }, dataQualityJobOutputConfig: out(o, false), jobResources: res(o), ...net(o) })],
    ["aws-native DataQualityJobDefinition", "dataQualityJobOutputConfig", (o) => () =>
      new NativeDataQualityJobDefinition("job", { roleArn: SM_ROLE, dataQualityAppSpecification: { imageUri: "analyzer" }, dataQualityJobInput: { endpointInput }, dataQualityJobOutputConfig: out(o, true), jobResources: res(o), ...net(o) })],
    ["ModelQualityJobDefinition", "modelQualityJobOutputConfig", (o) => () =>
      new ModelQualityJobDefinition("job", { roleArn: SM_ROLE, modelQualityAppSpecification: { imageUri: "analyzer", problemType: "BinaryClassification" }, modelQualityJobInput: { endpointInput, groundTruthS3Input: { s3Uri: "s3://labels/" } }, modelQualityJobOutputConfig: out(o, true), jobResources: res(o), ...net(o) })],
    ["ModelBiasJobDefinition", "modelBiasJobOutputConfig", (o) => () =>
      new ModelBiasJobDefinition("job", { roleArn: SM_ROLE, modelBiasAppSpecification: { imageUri: "clarify", configUri: "s3://cfg/a.json" }, modelBiasJobInput: { endpointInput, groundTruthS3Input: { s3Uri: "s3://labels/" } }, modelBiasJobOutputConfig: out(o, true), jobResources: res(o), ...net(o) })],
    ["ModelExplainabilityJobDefinition", "modelExplainabilityJobOutputConfig", (o) => () =>
      new ModelExplainabilityJobDefinition("job", { roleArn: SM_ROLE, modelExplainabilityAppSpecification: { imageUri: "clarify", configUri: "s3://cfg/a.json" }, modelExplainabilityJobInput: { endpointInput }, modelExplainabilityJobOutputConfig: out(o, true), jobResources: res(o), ...net(o) })],
  ];
  for (const [label, outputConfig, make] of types) {
    it(`${label}: secure, nothing set, false and empty, local NVMe`, async () => {
      const ok: O = { net: SECURE_NET, kms: true, volumeKey: true, instanceType: "ml.m5.xlarge" };
      expect(await verdicts(make(ok), MON, "job")).toEqual([]);
      expect(await verdicts(make({ kms: false, volumeKey: false, instanceType: "ml.m5.xlarge" }), MON, "job")).toEqual(bySort([
        ["aws-sagemaker-monitoring-job-inter-container-encryption", "networkConfig.enableInterContainerTrafficEncryption is not set (off); expected true"],
        ["aws-sagemaker-monitoring-job-kms", `${outputConfig}.kmsKeyId is not set; the monitoring reports would use an AWS-managed key`],
        ["aws-sagemaker-monitoring-job-kms", "jobResources.clusterConfig.volumeKmsKeyId is not set; the ml.m5.xlarge processing volume would not be encrypted with your key"],
        ["aws-sagemaker-monitoring-job-network-isolation", "networkConfig.enableNetworkIsolation is not set (off); expected true"],
        ["aws-sagemaker-monitoring-job-network-isolation", "networkConfig.vpcConfig has no subnets; the job would run outside your VPC"],
      ]));
      expect(await verdicts(make({ ...ok, net: { enableNetworkIsolation: false, enableInterContainerTrafficEncryption: false, vpcConfig: { subnets: [], securityGroupIds: ["sg-1"] } } }), MON, "job")).toEqual([
        ["aws-sagemaker-monitoring-job-inter-container-encryption", "networkConfig.enableInterContainerTrafficEncryption is false; expected true"],
        ["aws-sagemaker-monitoring-job-network-isolation", "networkConfig.enableNetworkIsolation is false; expected true"],
        ["aws-sagemaker-monitoring-job-network-isolation", "networkConfig.vpcConfig has no subnets; the job would run outside your VPC"],
      ]);
      expect(await verdicts(make({ ...ok, volumeKey: false, instanceType: "ml.g5.xlarge" }), MON, "job")).toEqual([]);
    });
  }
});
