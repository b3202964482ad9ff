/** Governance and the framework's anti-patterns: residency, tags, review trigger, decision and stack in step, fine-tuning, third parties, secrets. */
import type { AitracksPolicy } from "../../lib/types";
import { decisionPolicies } from "./decision";
import { fineTunePolicies } from "./fine-tune";
import { dataResidency } from "./residency";
import { decisionReviewDue } from "./review";
import { noPlaintextSecrets, noSecretInPlainFields } from "./secrets";
import { requiredTags } from "./tags";
import { thirdPartyPolicies } from "./third-party";

export const governancePolicies: AitracksPolicy[] = [
  dataResidency,
  requiredTags,
  decisionReviewDue,
  ...decisionPolicies,
  ...fineTunePolicies,
  ...thirdPartyPolicies,
  noPlaintextSecrets,
  noSecretInPlainFields,
];
