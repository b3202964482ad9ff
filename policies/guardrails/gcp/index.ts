/** GCP guardrails: Vertex AI (with Workbench), Cloud TPU, Cloud Storage, Cloud Run and Cloud Functions. */
import type { AitracksPolicy } from "../../lib/types";
import { serverlessPolicies } from "./serverless";
import { storagePolicies } from "./storage";
import { tpuPolicies } from "./tpu";
import { vertexPolicies } from "./vertex";

export const gcpPolicies: AitracksPolicy[] = [...vertexPolicies, ...tpuPolicies, ...storagePolicies, ...serverlessPolicies];
