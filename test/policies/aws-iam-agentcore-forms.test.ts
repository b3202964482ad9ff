// @ts-nocheck
// aws-iam-no-wildcard-actions on every identity-policy resource it reads (Policy, RolePolicy,
// UserPolicy, GroupPolicy, a Role's inline policies) and every way a statement is wild (one or
// several wildcard actions, Allow with NotAction, labelled by Sid or position); and the AgentCore
// policies on each resource type in both providers (aws and aws-native), with every accepted and
// rejected mode, through both engines. aws.test.ts has one form each of some.
import { describe, expect, it } from "vitest";
import { AgentcoreAgentRuntime, AgentcoreCodeInterpreter, AgentcoreGateway, AgentcoreMemory } from "@pulumi/aws/bedrock";
import { CodeInterpreterCustom, Gateway, Memory, Runtime } from "@pulumi/aws-native/bedrockagentcore";
import { GroupPolicy, Policy, Role, RolePolicy, UserPolicy } from "@pulumi/aws/iam";
import { checkBoth, expectPass, expectViolation, notesOf, urnOf, violationsOf, type PolicyCase } from "./helpers";

const ROLE = "arn:aws:iam::123456789012:role/agent";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
const IAM = "aws-iam-no-wildcard-actions";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const named = { Effect: "Allow", Action: ["s3:GetObject", "bedrock:InvokeModel"], Resource: "*" };
const ASSUME = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "bedrock.amazonaws.com" }, Action: "sts:AssumeRole" }] });

describe(`${IAM}: every identity-policy resource`, () => {
  const forms: [string, (policy: unknown) => () => void, string, string][] = [
    ["Policy", (policy) => () => new Policy("p", { policy }), "p", ""],
    ["RolePolicy", (policy) => () => new RolePolicy("p", { role: "r", policy }), "p", ""],
    ["UserPolicy", (policy) => () => new UserPolicy("p", { user: "u", policy }), "p", ""],
    ["GroupPolicy", (policy) => () => new GroupPolicy("p", { group: "g", policy }), "p", ""],
    ["a Role's inline policy", (policy) => () => new Role("role", { assumeRolePolicy: ASSUME, inlinePolicies: [{ name: "invoke", policy }] }), "role", "inline policy invoke: "],
  ];
  for (const [form, program, on, where] of forms) {
    it(`${form}: a wildcard action is a violation, named actions pass`, async () => {
      const c = {
        policy: IAM,
        bad: program(doc({ Sid: "Wild", ...named, Action: ["s3:GetObject", "*"] })),
        on,
        message: new RegExp(`^${where}statement Wild allows the wildcard action \\*; name the actions the track needs$`),
        good: program(doc(named)),
      };
      await expectViolation(c);
      await expectPass(c);
    });
  }

  it("several wildcard actions are named together (plural), a statement without a Sid by its position", () =>
    expectViolation({
      policy: IAM,
      bad: () => new Policy("p", { policy: doc(named, { ...named, Action: ["bedrock:*", "S3:*"] }) }),
      on: "p",
      message: /^statement 1 allows the wildcard actions bedrock:\*, S3:\*; name the actions the track needs$/,
      good: () => undefined,
    }));

  it("Allow with NotAction grants everything else: a violation; Deny with a wildcard or NotAction is not", async () => {
    const c = {
      policy: IAM,
      bad: () => new Policy("p", { policy: doc({ Sid: "Rest", Effect: "Allow", NotAction: "iam:*", Resource: "*" }) }),
      on: "p",
      message: /^statement Rest uses NotAction with Allow, which grants every other action$/,
      good: () => new Policy("p", { policy: doc(named, { Effect: "Deny", Action: "*", Resource: "*" }, { Effect: "Deny", NotAction: "s3:GetObject", Resource: "*" }) }),
    };
    await expectViolation(c);
    await expectPass(c);
  });

  it("one statement both wild and with NotAction is two violations", async () => {
    const { graph, report } = await checkBoth(() => new Policy("p", { policy: doc({ Effect: "Allow", Action: "*", NotAction: "iam:*", Resource: "*" }) }));
    expect(violationsOf(report, IAM).map((v) => [v.urn, v.message]).sort()).toEqual([
      [urnOf(graph, "p"), "statement 0 allows the wildcard action *; name the actions the track needs"],
      [urnOf(graph, "p"), "statement 0 uses NotAction with Allow, which grants every other action"],
    ]);
  });

  it("a Role's inline policies: each judged, an unnamed one labelled without a name, an unreadable one fails closed", async () => {
    const { graph, report } = await checkBoth(
      () =>
        new Role("role", {
          assumeRolePolicy: ASSUME,
          inlinePolicies: [
            { name: "ok", policy: doc(named) },
            { policy: doc({ ...named, Action: "bedrock:*" }) },
            { name: "broken", policy: "Allow *" },
          ],
        }),
    );
    expect(violationsOf(report, IAM).map((v) => [v.urn, v.message]).sort()).toEqual([
      [urnOf(graph, "role"), "inline policy broken: the policy is not a readable IAM policy document (expected JSON with a Statement list)"],
      [urnOf(graph, "role"), "inline policy: statement 0 allows the wildcard action bedrock:*; name the actions the track needs"],
    ]);
  });

  it("a Role without inline policies, or with one whose policy is left out or null, has nothing to flag and is judged", async () => {
    const c = { policy: IAM, bad: () => undefined, on: "role", message: /./, good: () => new Role("role", { assumeRolePolicy: ASSUME, inlinePolicies: [{ name: "empty" }] }) };
    await expectPass(c);
    await expectPass({ ...c, good: () => new Role("role", { assumeRolePolicy: ASSUME }) });
    await expectPass({ ...c, good: () => new Role("role", { assumeRolePolicy: ASSUME, inlinePolicies: [{ name: "empty", policy: null }] }) });
  });

  it("a resource of another type is not read: the policy says which types it applies to", async () => {
    const { graph, report } = await checkBoth(() => new AgentcoreMemory("memory", { name: "m", eventExpiryDuration: 30, encryptionKeyArn: KEY }));
    expect(violationsOf(report, IAM)).toEqual([]);
    expect(notesOf(report, IAM).filter((n) => n.urn === urnOf(graph, "memory")).map((n) => n.reason)).toEqual([
      "Policy only applies to resources of types aws:iam/policy:Policy, aws:iam/rolePolicy:RolePolicy, aws:iam/userPolicy:UserPolicy, aws:iam/groupPolicy:GroupPolicy, aws:iam/role:Role",
    ]);
  });
});

describe("aws-bedrock-agentcore-not-public: every resource type and mode", () => {
  const POLICY = "aws-bedrock-agentcore-not-public";
  const VPC = { subnets: ["subnet-1"], securityGroups: ["sg-1"] };
  const awsRuntime = (networkMode: string) => () =>
    new AgentcoreAgentRuntime("agent", {
      agentRuntimeName: "support",
      roleArn: ROLE,
      agentRuntimeArtifact: { containerConfiguration: { containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1" } },
      networkConfiguration: { networkMode, ...(networkMode.toUpperCase() === "VPC" ? { networkModeConfig: VPC } : {}) },
    });
  const nativeRuntime = (networkMode: string) => () =>
    new Runtime("agent", { agentRuntimeName: "support", roleArn: ROLE, agentRuntimeArtifact: { containerConfiguration: { containerUri: "img" } }, networkConfiguration: { networkMode, networkModeConfig: VPC } });
  const awsInterpreter = (networkMode?: string) => () => new AgentcoreCodeInterpreter("agent", { name: "calc", networkConfiguration: networkMode ? { networkMode } : {} });
  const nativeInterpreter = (networkMode?: string) => () => new CodeInterpreterCustom("agent", { name: "calc", networkConfiguration: networkMode ? { networkMode } : {} });

  const RUNTIME = (m: string) => new RegExp(`^networkConfiguration\\.networkMode is ${m}; the agent runtime would reach the internet directly; expected "VPC"$`);
  const INTERPRETER = (m: string) => new RegExp(`^networkConfiguration\\.networkMode is ${m}; the code interpreter would reach the internet directly; expected "SANDBOX" or "VPC"$`);
  const cases: (Omit<PolicyCase, "policy" | "on"> & { form: string })[] = [
    { form: "aws runtime, lower-case vpc passes", bad: awsRuntime("PUBLIC"), message: RUNTIME('"PUBLIC"'), good: awsRuntime("vpc") },
    { form: "aws runtime, SANDBOX is no runtime mode", bad: awsRuntime("SANDBOX"), message: RUNTIME('"SANDBOX"'), good: awsRuntime("VPC") },
    { form: "aws-native runtime", bad: nativeRuntime("PUBLIC"), message: RUNTIME('"PUBLIC"'), good: nativeRuntime("VPC") },
    { form: "aws code interpreter, an empty networkConfiguration is PUBLIC; VPC passes", bad: awsInterpreter(), message: INTERPRETER("not set \\(PUBLIC\\)"), good: awsInterpreter("VPC") },
    { form: "aws-native code interpreter", bad: nativeInterpreter("PUBLIC"), message: INTERPRETER('"PUBLIC"'), good: nativeInterpreter("SANDBOX") },
    { form: "aws-native code interpreter, an empty networkConfiguration", bad: nativeInterpreter(), message: INTERPRETER("not set \\(PUBLIC\\)"), good: nativeInterpreter("sandbox") },
  ];
  for (const c of cases) {
    it(`${c.form}: flags PUBLIC, passes the private mode`, async () => {
      await expectViolation({ ...c, policy: POLICY, on: "agent" });
      await expectPass({ ...c, policy: POLICY, on: "agent" });
    });
  }
});

describe("aws-bedrock-agentcore-memory-cmk and -gateway-authorizer: both providers, every value", () => {
  it("a memory without a key is a violation in either provider; a blank key is no key", async () => {
    for (const Cls of [AgentcoreMemory, Memory]) {
      const c = {
        policy: "aws-bedrock-agentcore-memory-cmk",
        bad: () => new Cls("memory", { name: "support", eventExpiryDuration: 30, encryptionKeyArn: " " }),
        on: "memory",
        message: /^encryptionKeyArn is not set; the agent's memory would use an AWS-owned key$/,
        good: () => new Cls("memory", { name: "support", eventExpiryDuration: 30, encryptionKeyArn: KEY }),
      };
      await expectViolation(c);
      await expectPass(c);
    }
  });

  const POLICY = "aws-bedrock-agentcore-gateway-authorizer";
  const gateway = (Cls, authorizerType: string | null) => () => new Cls("tools", { name: "tools", roleArn: ROLE, protocolType: "MCP", authorizerType });
  for (const [provider, Cls] of [
    ["aws", AgentcoreGateway],
    ["aws-native", Gateway],
  ] as const) {
    it(`${provider} gateway: NONE in any case, or unset, is a violation; AWS_IAM passes`, async () => {
      const good = gateway(Cls, "AWS_IAM");
      await expectViolation({ policy: POLICY, bad: gateway(Cls, "none"), on: "tools", message: /^authorizerType is "none"; anyone who reaches the gateway could call the agent's tools; expected "AWS_IAM" or "CUSTOM_JWT"$/, good });
      await expectPass({ policy: POLICY, bad: good, on: "tools", message: /./, good });
    });
  }

  it("a gateway with a null authorizerType (the SDKs require the property, not a value) says not set", async () => {
    const { graph, report } = await checkBoth(gateway(AgentcoreGateway, null));
    const vs = violationsOf(report, POLICY).map((v) => [v.urn, v.message]);
    expect(vs).toEqual([[urnOf(graph, "tools"), 'authorizerType is not set; anyone who reaches the gateway could call the agent\'s tools; expected "AWS_IAM" or "CUSTOM_JWT"']]);
  });
});
