/** Azure guardrails: Azure OpenAI / AI services and Azure Machine Learning. */
import type { AitracksPolicy } from "../../lib/types";
import { mlPolicies } from "./ml";
import { openaiPolicies } from "./openai";

export const azurePolicies: AitracksPolicy[] = [...openaiPolicies, ...mlPolicies];
