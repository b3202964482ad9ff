// @ts-nocheck
// A program not written with aitracks (no aitracks:* config) is a plain Pulumi program: judged by the
// clouds' rules, not by aitracks' conventions; its region comes from its stack config as on the cloud.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bucket } from "@pulumi/aws/s3";
import { StorageAccount } from "@pulumi/azure-native/storage";
import { RandomPassword } from "@pulumi/random";
import { PrivateKey } from "@pulumi/tls";
import { AnalyzerSession, evaluateInProcess, previewProgram } from "@aitracks/preview";
import { aitracks, ROOT } from "../helpers/cli";
import { check, expectPass, expectViolation, FACTS, notesOf, urnOf, violationsOf, type PolicyCase } from "./helpers";

const FOREIGN = join("test", "fixtures", "programs", "foreign");

let analyzer: AnalyzerSession;
beforeAll(async () => {
  analyzer = await AnalyzerSession.start();
});
afterAll(async () => {
  await analyzer?.close();
});

describe("a program not written with aitracks", () => {
  it("`aitracks check` passes a secured bucket, a random password and a TLS key: no aitracks-only demand, exit 0", () => {
    const r = aitracks(["check", "--program", FOREIGN, "--stack", "dev", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { violations: { policy: string }[] };
    expect(report.violations.map((v) => v.policy)).toEqual([]);
  });

  it("both runners agree on it, and required-tags says why it does not apply", async () => {
    const graph = await previewProgram({ programDir: join(ROOT, FOREIGN), stack: "dev" });
    const inProcess = await evaluateInProcess(graph, { allNotes: true });
    const overAnalyzer = await analyzer.evaluate(graph, { allNotes: true });
    expect(inProcess.violations).toEqual([]);
    expect(overAnalyzer.violations).toEqual(inProcess.violations);
    const tags = notesOf(inProcess, "required-tags").find((n) => n.urn?.endsWith("::data"));
    expect(tags?.reason).toBe("no tag keys to require: not an aitracks stack, and no keys configured");
  });

  it("random and tls resources are neither judged as cloud resources nor unpriced", async () => {
    const { graph, report } = await check(() => {
      new RandomPassword("db-password", { length: 24 });
      new PrivateKey("signing", { algorithm: "ECDSA" });
    });
    const local = [urnOf(graph, "db-password"), urnOf(graph, "signing")];
    expect(report.violations.filter((v) => local.includes(v.urn ?? ""))).toEqual([]);
    expect(violationsOf(report, "cost-unpriced-resources")).toEqual([]);
  });
});

const taggedBucket = (tags: Record<string, string>) => () => new Bucket("data", { tags });

const cases: PolicyCase[] = [
  {
    // On a plain program, required-tags requires exactly the keys the pack config names.
    policy: "required-tags",
    bad: taggedBucket({ team: "search" }),
    on: "data",
    message: /^missing tag owner$/,
    good: taggedBucket({ team: "search", owner: "search-platform" }),
    policyConfig: { "required-tags": { keys: ["team", "owner"] } },
  },
  {
    // Configured keys replace the aitracks ones on an aitracks stack too; additionalKeys add to them.
    policy: "required-tags",
    bad: taggedBucket({ team: "search", owner: "search-platform" }),
    on: "data",
    message: /^missing tag data-owner$/,
    good: taggedBucket({ team: "search", owner: "search-platform", "data-owner": "legal" }),
    config: FACTS,
    policyConfig: { "required-tags": { keys: ["team", "owner"], additionalKeys: ["data-owner"] } },
  },
  {
    // The stack's region (aws:region) places a bucket that names none; an EU-only pack fails it,
    // and passes an Azure account placed by azure-native:location in westeurope.
    policy: "data-residency",
    bad: () => new Bucket("data", {}),
    on: "data",
    message: /^placed in us-east-1; allowed: eu-\*, europe-\*, westeurope$/,
    good: () => new StorageAccount("data", { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_ZRS" } }),
    config: { "aws:region": "us-east-1" },
    goodConfig: { "azure-native:location": "West Europe" },
    policyConfig: { "data-residency": { allowedRegions: ["eu-*", "europe-*", "westeurope"] } },
  },
  {
    // eu-west-1 from the stack config passes the same pack.
    policy: "data-residency",
    bad: () => new Bucket("data", {}),
    on: "data",
    message: /^placed in us-east-1/,
    good: () => new Bucket("data", {}),
    config: { "aws:region": "us-east-1" },
    goodConfig: { "aws:region": "eu-west-1" },
    policyConfig: { "data-residency": { allowedRegions: ["eu-*"] } },
  },
];

describe("foreign-program policy cases", () => {
  for (const c of cases) {
    it(`${c.policy} flags: ${c.message.source}`, () => expectViolation(c));
    it(`${c.policy} passes the fixed program (${c.message.source})`, () => expectPass(c));
  }

  it("required-tags demands nothing of a plain program with no keys configured", async () => {
    const { report } = await check(taggedBucket({ team: "search" }));
    expect(violationsOf(report, "required-tags")).toEqual([]);
  });
});
