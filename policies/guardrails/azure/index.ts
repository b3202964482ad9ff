/** Azure guardrails: Azure OpenAI / AI services, Azure Machine Learning and the storage accounts they use. */
import type { AitracksPolicy } from "../../lib/types";
import { mlPolicies } from "./ml";
import { openaiPolicies } from "./openai";
import { azureStoragePolicies } from "./storage";

export const azurePolicies: AitracksPolicy[] = [...openaiPolicies, ...mlPolicies, ...azureStoragePolicies];
