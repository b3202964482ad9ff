/** AWS guardrails: SageMaker, Bedrock, S3 and IAM. */
import type { AitracksPolicy } from "../../lib/types";
import { bedrockPolicies } from "./bedrock";
import { iamPolicies } from "./iam";
import { s3Policies } from "./s3";
import { sagemakerPolicies } from "./sagemaker";

export const awsPolicies: AitracksPolicy[] = [...sagemakerPolicies, ...bedrockPolicies, ...s3Policies, ...iamPolicies];
