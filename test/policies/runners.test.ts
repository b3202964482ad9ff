// @ts-nocheck
// The two runners: the pack in-process and over the real analyzer protocol give the same verdicts,
// including for unknown values, secrets, stack config and pack config; bad pack config is bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { Bucket } from "@pulumi/aws/s3";
import { NotebookInstance } from "@pulumi/aws/sagemaker";
import { Compute } from "@pulumi/azure-native/machinelearningservices";
import { InputError } from "@aitracks/core";
import { AnalyzerSession, evaluateInProcess, loadPack, previewInline, resolvePackConfig, type PolicyReport, type ResourceGraph } from "@aitracks/preview";
import { FACTS, TAGS } from "./helpers";

let analyzer: AnalyzerSession;
beforeAll(async () => {
  analyzer = await AnalyzerSession.start();
});
afterAll(async () => {
  await analyzer?.close();
});

const verdicts = (r: PolicyReport) => ({ violations: r.violations, notes: r.notes });

async function both(graph: ResourceGraph, config?: unknown): Promise<[PolicyReport, PolicyReport]> {
  return [await evaluateInProcess(graph, { config }), await analyzer.evaluate(graph, { config })];
}

describe("in-process and analyzer runners", () => {
  it("the analyzer serves the pack's policies with their default levels", async () => {
    const pack = await loadPack();
    const info = await analyzer.info();
    expect(info.name).toBe("aitracks");
    expect(info.version).toBe(pack.version);
    expect(info.policies.map((p) => [p.name, p.enforcementLevel])).toEqual(pack.policies.map((p) => [p.name, p.enforcementLevel ?? "advisory"]));
  });

  it("a value known only at deploy is information, not a violation, in both runners", async () => {
    const graph = await previewInline({
      program: () => {
        const b = new Bucket("b", { tags: TAGS });
        // bucketRegionalDomainName is not known during preview: the notebook's key is undecidable.
        new NotebookInstance("nb", { instanceType: "ml.t3.medium", roleArn: "r", directInternetAccess: "Disabled", subnetId: "s", rootAccess: "Disabled", instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: "2" }, kmsKeyId: b.bucketRegionalDomainName, tags: TAGS });
      },
    });
    expect(graph.resources.find((r) => r.name === "nb")!.inputs.kmsKeyId).toBe("[unknown]");
    const [inProcess, overAnalyzer] = await both(graph);
    const nb = graph.resources.find((r) => r.name === "nb")!.urn;
    expect(inProcess.violations.filter((v) => v.urn === nb && !v.policy.startsWith("cost-"))).toEqual([]);
    expect(inProcess.notes).toContainEqual({ policy: "aws-sagemaker-notebook-kms", urn: nb, reason: ".kmsKeyId is not known until deploy; the policy decides at deploy" });
    expect(verdicts(overAnalyzer)).toEqual(verdicts(inProcess));
  });

  it("any of the runtime's unknown sentinels reads as unknown in both runners, not only the string one", async () => {
    // The in-process runner hands props without an unknown value to policies without the
    // runtime's proxy; a sentinel it failed to recognise would read as a plain key id there.
    const unknownNumber = "3eeb2bf0-c639-47a8-9e75-3b44932eb421";
    const notebook = (name: string, kmsKeyId: string) =>
      new NotebookInstance(name, { instanceType: "ml.t3.medium", roleArn: "r", directInternetAccess: "Disabled", subnetId: "s", rootAccess: "Disabled", instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: "2" }, kmsKeyId, tags: TAGS });
    const graph = await previewInline({
      program: () => {
        notebook("sentinel", unknownNumber);
        notebook("plain", "arn:aws:kms:us-east-1:123456789012:key/k");
      },
    });
    const [inProcess, overAnalyzer] = await both(graph);
    const urn = (name: string) => graph.resources.find((r) => r.name === name)!.urn;
    const kmsNotes = (r: PolicyReport) => r.notes.filter((n) => n.policy === "aws-sagemaker-notebook-kms");
    expect(kmsNotes(inProcess)).toEqual([{ policy: "aws-sagemaker-notebook-kms", urn: urn("sentinel"), reason: ".kmsKeyId is not known until deploy; the policy decides at deploy" }]);
    expect(verdicts(overAnalyzer)).toEqual(verdicts(inProcess));
  });

  it("a Pulumi secret is not plain text over the real protocol either (engine shim)", async () => {
    const graph = await previewInline({
      program: () => {
        const cluster = (name: string, password: pulumi.Input<string>) =>
          new Compute(name, {
            resourceGroupName: "rg",
            workspaceName: "ws",
            properties: { computeType: "AmlCompute", properties: { vmSize: "Standard_D4s_v5", userAccountCredentials: { adminUserName: "u", adminUserPassword: password } } },
          });
        cluster("plain", "Winter2026!");
        cluster("secret", pulumi.secret("Winter2026!"));
      },
      config: { "app:apiToken": "tok-plain-1234", "app:dbPassword": "[would be encrypted]" },
      secretKeys: ["app:dbPassword"],
    });
    const [inProcess, overAnalyzer] = await both(graph);
    const secrets = (r: PolicyReport) => r.violations.filter((v) => v.policy === "no-plaintext-secrets").map((v) => [v.urn?.split("::").pop(), v.message]);
    expect(secrets(inProcess)).toEqual([
      [undefined, "stack config app:apiToken is a credential field with a plain-text value; set it with `pulumi config set --secret`"],
      ["plain", "input properties.properties.userAccountCredentials.adminUserPassword is a credential field with a plain-text value, not a Pulumi secret"],
    ]);
    expect(secrets(overAnalyzer)).toEqual(secrets(inProcess));
  });

  it("pack config changes levels and settings the same way in both runners", async () => {
    const graph = await previewInline({
      program: () => new Bucket("data", { tags: { ...TAGS, "decision-review-date": "2026-01-01" } }),
      config: { ...FACTS, "aitracks:decision": { track: "buy", reviewDate: "2026-01-01" } },
    });
    const config = {
      all: "mandatory",
      "aws-s3-bucket-versioned": "disabled",
      "decision-review-due": { asOf: "2026-06-01" },
      "required-tags": { enforcementLevel: "advisory", additionalKeys: ["data-owner"] },
    };
    const [inProcess, overAnalyzer] = await both(graph, config);
    const levels = Object.fromEntries(inProcess.violations.filter((v) => !v.policy.startsWith("cost-")).map((v) => [v.policy, v.level]));
    expect(levels).toEqual({
      "aws-s3-bucket-cmk": "mandatory",
      "aws-s3-bucket-not-public": "mandatory",
      "decision-review-due": "mandatory", // advisory by default, "all" raised it
      "required-tags": "advisory", // its own entry wins over "all"
    });
    expect(inProcess.violations.find((v) => v.policy === "required-tags")!.message).toBe("missing tag data-owner");
    expect(verdicts(overAnalyzer)).toEqual(verdicts(inProcess));
  });

  it("bad pack config is bad input: one line per problem, naming the policy and setting", async () => {
    const pack = await loadPack();
    const attempt = () =>
      resolvePackConfig(
        pack.policies,
        "advisory",
        {
          "data-residency": { allowedRegions: "eu-west-1" },
          "decision-review-due": { asOf: "next week" },
          "fine-tune-minimum-examples": { minimum: 0 },
          "required-tag": "mandatory",
          all: "sometimes",
        },
        "config.json",
      );
    expect(attempt).toThrow(InputError);
    try {
      attempt();
    } catch (err) {
      expect((err as InputError).lines).toEqual([
        'config.json: data-residency.allowedRegions: expected array, got "eu-west-1"',
        'config.json: decision-review-due.asOf: expected a value matching ^\\d{4}-\\d{2}-\\d{2}$, got "next week"',
        "config.json: fine-tune-minimum-examples.minimum: expected at least 1, got 0",
        "config.json: required-tag: no such policy in the pack (did you mean required-tags?)",
        "config.json: all: expected one of advisory, mandatory, remediate, disabled",
      ]);
    }
  });

  it("the pack logs no errors to the engine", () => {
    expect(analyzer.logs.filter((l) => l.severity === "error")).toEqual([]);
  });
});

describe("the analyzer client keeps the pack fed", () => {
  it("sends every resource of a graph larger than a batch, and says once when the pack is busy", async () => {
    // 301 resources: more than the backlog that counts as busy (128) and not a multiple of the
    // batch (32). Each breaks a policy (no versioning): a batch left unsent loses violations.
    const graph = await previewInline({
      program: () => {
        for (let i = 0; i < 300; i++) new Bucket(`b${i}`, { tags: TAGS });
        new Bucket("untagged");
      },
    });
    const last = graph.resources.find((r) => r.name === "untagged")!.urn;
    const told: number[] = [];
    let settled = false;
    const overAnalyzer = await analyzer.evaluate(graph, {}, { onAnalysing: () => told.push(settled ? 1 : 0) }).finally(() => (settled = true));
    const inProcess = await evaluateInProcess(graph);
    expect(told).toEqual([0]);
    expect(overAnalyzer.resources).toBe(301);
    const unversioned = overAnalyzer.violations.filter((v) => v.policy === "aws-s3-bucket-versioned");
    expect(unversioned).toHaveLength(301);
    expect(unversioned.map((v) => v.urn)).toContain(last);
    expect(verdicts(overAnalyzer)).toEqual(verdicts(inProcess));
  });

  it("says so when the pack dies before answering, and fails instead of waiting", async () => {
    const session = await AnalyzerSession.start();
    const graph = await previewInline({ program: () => new Bucket("b", { tags: TAGS }) });
    (session as unknown as { child: { kill(s: string): void } }).child.kill("SIGKILL");
    let told = 0;
    await expect(session.evaluate(graph, {}, { onAnalysing: () => told++ })).rejects.toThrow();
    expect(told).toBe(1);
    await session.close();
  });
});
