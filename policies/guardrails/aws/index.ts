/** AWS guardrails: SageMaker (with Model Monitor and Clarify), Bedrock (with AgentCore), S3 and IAM. */
import type { AitracksPolicy } from "../../lib/types";
import { agentcorePolicies } from "./agentcore";
import { bedrockPolicies } from "./bedrock";
import { iamPolicies } from "./iam";
import { s3Policies } from "./s3";
import { sagemakerPolicies } from "./sagemaker";
import { sagemakerMonitoringPolicies } from "./sagemaker-monitoring";

export const awsPolicies: AitracksPolicy[] = [...sagemakerPolicies, ...sagemakerMonitoringPolicies, ...bedrockPolicies, ...agentcorePolicies, ...s3Policies, ...iamPolicies];
