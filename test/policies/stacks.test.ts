// @ts-nocheck
// Every example stack of stacks/ passes every mandatory policy out of the box (the components are
// secure by default), the deliberately insecure example fails with exactly the expected
// violations, and the in-process and analyzer-protocol verdicts agree on all of them.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalyzerSession, evaluateInProcess, previewProgram, type PolicyReport, type ResourceGraph } from "@aitracks/preview";

const root = join(__dirname, "..", "..");
const STACKS = readdirSync(join(root, "stacks"))
  .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
  .filter((s): s is string => !!s)
  .sort();

/**
 * Mandatory findings in component code, reported to the component owners (see the policy report);
 * listed as `policy resource-name` so the test stays exact. Empty this list as they are fixed.
 */
/** Mandatory findings an example stack is known to have (none: the components are secure by default). */
const KNOWN_COMPONENT_FINDINGS: Readonly<Record<string, readonly string[]>> = {};

let analyzer: AnalyzerSession;
beforeAll(async () => {
  analyzer = await AnalyzerSession.start();
});
afterAll(async () => {
  await analyzer?.close();
});

const name = (urn?: string) => (urn ? urn.slice(urn.lastIndexOf("::") + 2) : "(stack)");
const verdicts = (r: PolicyReport) => ({ violations: r.violations, notes: r.notes });

describe("example stacks", () => {
  it("there are example stacks to check", () => {
    expect(STACKS).toContain("buy-aws");
  });

  for (const stack of STACKS) {
    it(`${stack}: no mandatory violation, and both runners agree`, async () => {
      const graph = await previewProgram({ programDir: root, stack });
      const report = await evaluateInProcess(graph);
      const mandatory = report.violations.filter((v) => v.level === "mandatory").map((v) => `${v.policy} ${name(v.urn)}`);
      expect(mandatory, JSON.stringify(report.violations.filter((v) => v.level === "mandatory"), null, 1)).toEqual([...(KNOWN_COMPONENT_FINDINGS[stack] ?? [])]);
      expect(verdicts(await analyzer.evaluate(graph))).toEqual(verdicts(report));
    });
  }
});

describe("examples/insecure", () => {
  let graph: ResourceGraph;
  let report: PolicyReport;
  const config = {
    "data-residency": { allowedRegions: ["us-*", "eastus"] },
    "restricted-data-approved-providers": { approvedProviders: ["amazon"] },
    "decision-review-due": { asOf: "2026-11-29" },
  };
  beforeAll(async () => {
    graph = await previewProgram({ programDir: join(root, "examples", "insecure"), stack: "insecure" });
    report = await evaluateInProcess(graph, { config });
  });

  it("fails every guardrail it breaks, on the resource that breaks it", () => {
    const found = [...new Set(report.violations.filter((v) => !v.policy.startsWith("cost-")).map((v) => `${v.level} ${v.policy} ${name(v.urn)}`))].sort();
    expect(found).toEqual(
      [
        "mandatory aws-bedrock-custom-model-cmk tuned",
        "mandatory aws-bedrock-guardrail-attached app-policy",
        "mandatory aws-bedrock-invocation-logging assistant",
        "mandatory aws-iam-no-wildcard-actions app-policy",
        "mandatory aws-s3-bucket-cmk training-data",
        "mandatory aws-s3-bucket-not-public training-data",
        "mandatory aws-s3-bucket-versioned training-data",
        "mandatory aws-sagemaker-endpoint-config-kms endpoint-config",
        "mandatory aws-sagemaker-model-artifacts-cmk model",
        "mandatory aws-sagemaker-model-in-vpc model",
        "mandatory aws-sagemaker-model-network-isolation model",
        "mandatory aws-sagemaker-notebook-imdsv2 notebook",
        "mandatory aws-sagemaker-notebook-kms notebook",
        "mandatory aws-sagemaker-notebook-no-direct-internet notebook",
        "mandatory aws-sagemaker-notebook-no-root-access notebook",
        "mandatory aws-sagemaker-training-job-inter-container-encryption training",
        "mandatory aws-sagemaker-training-job-kms training",
        "mandatory aws-sagemaker-training-job-network-isolation training",
        "mandatory azure-cognitive-cmk openai",
        "mandatory azure-cognitive-local-auth-disabled openai",
        "mandatory azure-cognitive-managed-identity openai",
        "mandatory azure-cognitive-no-public-network openai",
        "mandatory azure-ml-compute-local-auth-disabled cluster",
        "mandatory azure-ml-compute-no-public-ip cluster",
        "mandatory azure-ml-online-endpoint-private online",
        "mandatory azure-ml-workspace-cmk workspace",
        "mandatory azure-ml-workspace-hbi workspace",
        "mandatory azure-ml-workspace-managed-network workspace",
        "mandatory azure-ml-workspace-no-public-access workspace",
        "mandatory azure-openai-deployment-content-filter gpt",
        "mandatory azure-openai-restrict-outbound openai",
        "mandatory data-residency tpu",
        "mandatory data-residency tpu-data",
        "mandatory fine-tune-before-after-evaluation tuned",
        "mandatory fine-tune-minimum-examples (stack)",
        "mandatory gcp-aiplatform-data-access-logs dataset",
        "mandatory gcp-storage-bucket-cmek datasets",
        "mandatory gcp-storage-bucket-not-public datasets",
        "mandatory gcp-storage-bucket-not-public datasets-public",
        "mandatory gcp-storage-bucket-uniform-access datasets",
        "mandatory gcp-tpu-no-external-ip tpu",
        "mandatory gcp-tpu-vm-cmek tpu-data",
        "mandatory gcp-vertex-cmek dataset",
        "mandatory gcp-vertex-cmek endpoint",
        "mandatory gcp-vertex-private-endpoint endpoint",
        "mandatory gcp-workbench-cmek workbench",
        "mandatory gcp-workbench-no-public-ip workbench",
        "mandatory gcp-workbench-no-root-access workbench",
        "advisory gcp-workbench-no-file-downloads workbench",
        "advisory aws-sagemaker-endpoint-config-prod-instance-count endpoint-config",
        "mandatory no-plaintext-secrets (stack)",
        "mandatory no-plaintext-secrets cluster",
        "mandatory no-plaintext-secrets openai-key",
        "mandatory required-tags datasets",
        "mandatory required-tags gpt",
        "mandatory required-tags notebook",
        "mandatory restricted-data-approved-providers assistant",
        "advisory buy-fallback-model assistant",
        "advisory decision-review-due (stack)",
        "advisory decision-track-not-recommended (stack)",
      ].sort(),
    );
  });

  it("never echoes a secret's value", () => {
    const text = JSON.stringify(report);
    expect(text).not.toContain("sk-proj-EXAMPLE");
    expect(text).not.toContain("Winter2026!");
  });

  it("gives the same verdicts over the analyzer protocol", async () => {
    expect(verdicts(await analyzer.evaluate(graph, { config }))).toEqual(verdicts(report));
  });
});
