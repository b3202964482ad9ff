// @ts-nocheck
// The Bedrock and SageMaker guardrails (policies/guardrails/aws/{bedrock,sagemaker,sagemaker-monitoring}.ts)
// in every form they read, with exact messages, the passing case next to each violating one, and the
// exact set of policies that report; and the AgentCore gateway authorizer with a blank value.
import { describe, expect, it } from "vitest";
import { AgentcoreGateway } from "@pulumi/aws/bedrock";
import { Gateway } from "@pulumi/aws-native/bedrockagentcore";
import { checkBoth, expectPass, expectViolation, notesOf, urnOf, violationsOf, type PolicyCase } from "./helpers";

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
