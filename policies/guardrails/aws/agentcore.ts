/**
 * Amazon Bedrock AgentCore: agent runtimes and code interpreters run in your VPC. In PUBLIC mode an
 * agent's tools and the code it writes reach the internet directly, the path prompt-injected
 * instructions use to send data out. Agent memory (what users told the agent) is encrypted with
 * your key, and a gateway (the agent's tools) authorizes its callers.
 */
import type { ReportViolation } from "@pulumi/policy";
import { on, validateTypes } from "../../lib/checks";
import { aws, awsNative } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { isSet } from "../../lib/values";

const { CodeInterpreterCustom, Gateway, Memory, Runtime } = awsNative.bedrockagentcore;
const { AgentcoreAgentRuntime, AgentcoreCodeInterpreter, AgentcoreGateway, AgentcoreMemory } = aws.bedrock;

interface Networked {
  readonly networkConfiguration?: { readonly networkMode?: string };
}

function privateMode(r: Networked, what: string, allowed: readonly string[], report: ReportViolation): void {
  const mode = r.networkConfiguration?.networkMode;
  if (!allowed.includes(String(mode ?? "").toUpperCase())) {
    report(`networkConfiguration.networkMode is ${mode ? JSON.stringify(mode) : "not set (PUBLIC)"}; the ${what} would reach the internet directly; expected ${allowed.map((m) => `"${m}"`).join(" or ")}`);
  }
}

export const agentcoreNotPublic: AitracksPolicy = {
  name: "aws-bedrock-agentcore-not-public",
  description:
    "Bedrock AgentCore agent runtimes run in your VPC (networkMode VPC), and code interpreters in VPC or SANDBOX mode, never PUBLIC, so agents and the code they run reach the network only through your controls.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    'Set networkConfiguration { networkMode: "VPC", networkModeConfig { subnets, securityGroups } } on the agent runtime (private subnets with VPC endpoints or a NAT gateway you control); use "SANDBOX" or "VPC" for code interpreters.',
  tags: ["aws", "network"],
  validateResource: validateTypes(
    on(AgentcoreAgentRuntime, (r, _a, report) => privateMode(r as Networked, "agent runtime", ["VPC"], report)),
    on(Runtime, (r, _a, report) => privateMode(r as Networked, "agent runtime", ["VPC"], report)),
    on(AgentcoreCodeInterpreter, (r, _a, report) => privateMode(r as Networked, "code interpreter", ["SANDBOX", "VPC"], report)),
    on(CodeInterpreterCustom, (r, _a, report) => privateMode(r as Networked, "code interpreter", ["SANDBOX", "VPC"], report)),
  ),
};

export const agentcoreMemoryCmk: AitracksPolicy = {
  name: "aws-bedrock-agentcore-memory-cmk",
  description: "Bedrock AgentCore memories (the conversations and facts an agent keeps about its users) are encrypted with a customer-managed KMS key.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set encryptionKeyArn on the AgentCore memory to the track's customer-managed key.",
  tags: ["aws", "encryption"],
  validateResource: validateTypes(
    on(AgentcoreMemory, (m, _a, report) => {
      if (!isSet(m.encryptionKeyArn)) report("encryptionKeyArn is not set; the agent's memory would use an AWS-owned key");
    }),
    on(Memory, (m, _a, report) => {
      if (!isSet(m.encryptionKeyArn)) report("encryptionKeyArn is not set; the agent's memory would use an AWS-owned key");
    }),
  ),
};

function gatewayAuthorizer(type: unknown, report: ReportViolation): void {
  // A blank value is no value (as isSet reads every other setting): "" and null mean NONE too.
  if (!isSet(type) || String(type).toUpperCase() === "NONE") {
    report(`authorizerType is ${isSet(type) ? JSON.stringify(type) : "not set"}; anyone who reaches the gateway could call the agent's tools; expected "AWS_IAM" or "CUSTOM_JWT"`);
  }
}

export const agentcoreGatewayAuthorizer: AitracksPolicy = {
  name: "aws-bedrock-agentcore-gateway-authorizer",
  description: "Bedrock AgentCore gateways (the tools an agent calls, exposed over MCP or HTTP) authorize their callers with IAM or a JWT authorizer, never NONE.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set authorizerType: "AWS_IAM", or "CUSTOM_JWT" with authorizerConfiguration (discovery URL, allowed audiences or clients), on the gateway.',
  tags: ["aws", "identity"],
  validateResource: validateTypes(
    on(AgentcoreGateway, (g, _a, report) => gatewayAuthorizer(g.authorizerType, report)),
    on(Gateway, (g, _a, report) => gatewayAuthorizer(g.authorizerType, report)),
  ),
};

export const agentcorePolicies: AitracksPolicy[] = [agentcoreNotPublic, agentcoreMemoryCmk, agentcoreGatewayAuthorizer];
