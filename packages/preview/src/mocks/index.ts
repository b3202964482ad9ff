/**
 * Mock outputs that look like the clouds': ids, ARNs, names and endpoints by resource type, so
 * that a program's `apply`s and interpolations see realistic values. Deterministic: the same
 * program gives the same graph. One file per cloud; this one dispatches by type token.
 */
import { DYNAMIC_RESOURCES, dynamicModuleOf } from "@aitracks/core/identity";
import { aws, awsNative } from "./aws";
import { azureMock, azureOpenAiDynamicMock } from "./azure";
import { shortHash, type MockInput } from "./common";
import { gcp } from "./gcp";

export * from "./common";
export { createMocks, type MockContext, type Rpc } from "./create";

/** The id and output state a cloud would report for a new resource. */
export function mockResource(m: MockInput): { id: string; state: Record<string, unknown> } {
  const physical = typeof m.inputs.name === "string" && m.inputs.name ? m.inputs.name : `${m.name}-${shortHash(`${m.type}::${m.name}`)}`;
  const [pkg = "", mod = "", kind = ""] = m.type.split(":");
  const module = mod.split("/")[0] ?? mod;
  if (m.type.startsWith("pulumi:providers:")) return { id: `${m.name}-provider`, state: { ...m.inputs } };
  if (pkg === "aws") return aws(m, module, kind, physical);
  if (pkg === "aws-native") return awsNative(m, module, kind, physical);
  if (pkg === "gcp") return gcp(m, module, kind, physical);
  // The Vertex AI jobs the GCP tracks drive through dynamic providers (tuning, evaluation, deployments).
  const dynamicModule = dynamicModuleOf(m.type);
  if (dynamicModule === DYNAMIC_RESOURCES.vertexTuningJob.module) return gcp(m, "vertex-dynamic", kind, physical);
  if (pkg === "azure-native") return azureMock(m, module, kind, physical);
  // The wait for a Bedrock customization job: a completed job and the custom model it produced.
  if (m.type === DYNAMIC_RESOURCES.bedrockCustomizationJobWait.type) {
    const jobArn = String(m.inputs.jobArn ?? "");
    const model = jobArn.replace(":model-customization-job/", ":custom-model/");
    return { id: jobArn || physical, state: { ...m.inputs, status: "Completed", outputModelArn: model, outputModelName: model.split("/").pop() ?? "", jobName: jobArn.split("/").pop() ?? "", failureMessage: "" } };
  }
  if (dynamicModule === DYNAMIC_RESOURCES.azureOpenAiFile.module) return azureOpenAiDynamicMock(m) ?? { id: physical, state: { ...m.inputs } };
  return { id: physical, state: { ...m.inputs, name: physical } };
}
