/** GCP guardrails: Vertex AI, Cloud TPU and Cloud Storage. */
import type { AitracksPolicy } from "../../lib/types";
import { storagePolicies } from "./storage";
import { tpuPolicies } from "./tpu";
import { vertexPolicies } from "./vertex";

export const gcpPolicies: AitracksPolicy[] = [...vertexPolicies, ...tpuPolicies, ...storagePolicies];
