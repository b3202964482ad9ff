/**
 * Amazon Bedrock AgentCore: agent runtimes and code interpreters run in your VPC. In PUBLIC mode an
 * agent's tools and the code it writes reach the internet directly, the path prompt-injected
 * instructions use to send data out.
 */
import { CodeInterpreterCustom, Runtime } from "@pulumi/aws-native/bedrockagentcore";
import { AgentcoreAgentRuntime, AgentcoreCodeInterpreter } from "@pulumi/aws/bedrock";
import type { ReportViolation } from "@pulumi/policy";
import { on, validateTypes } from "../../lib/checks";
import type { AitracksPolicy } from "../../lib/types";

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

export const agentcorePolicies: AitracksPolicy[] = [agentcoreNotPublic];
