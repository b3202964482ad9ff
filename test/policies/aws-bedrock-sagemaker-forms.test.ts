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
import { checkBoth, expectPass, expectViolation, notesOf, TAGS, urnOf, violationsOf, type PolicyCase } from "./helpers";

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

const CUSTOM = {
  baseModelIdentifier: "amazon.nova-lite-v1:0:300k",
  customModelName: "t",
  jobName: "j",
  hyperparameters: { epochCount: "1" },
  roleArn: ROLE,
  trainingDataConfig: { s3Uri: "s3://d/train.jsonl" },
  outputDataConfig: { s3Uri: "s3://d/out/" },
};

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
