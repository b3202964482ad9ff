// `aitracks check --format sarif` on the deliberately insecure example (the built CLI; run
// `npx tsc -b` first): a SARIF 2.1.0 log that validates against the SARIF schema (shipped in
// test/fixtures/sarif), one rule per policy, one result per violation, levels and locations.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type * as Sarif from "sarif";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPack } from "@aitracks/preview";

const root = join(__dirname, "..", "..");
const bin = join(root, "packages", "cli", "bin", "aitracks.js");
const EXAMPLE = "examples/insecure/index.ts";
const URN = "urn:pulumi:insecure::insecure-example::pulumi:pulumi:Stack$";

function aitracks(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("aitracks check --format sarif", () => {
  let log: Sarif.Log;
  let json: { violations: { policy: string; level: string; urn?: string; message: string }[] };
  let code: number | null;
  beforeAll(() => {
    const args = ["check", "--program", "examples/insecure", "--stack", "insecure", "--policy-config", "examples/insecure/policy-config.json", "--engine", "in-process"];
    const r = aitracks(...args, "--format", "sarif");
    expect(r.stderr).toBe("");
    code = r.code;
    log = JSON.parse(r.stdout) as Sarif.Log;
    json = JSON.parse(aitracks(...args, "--json").stdout);
  });

  it("validates against the SARIF 2.1.0 JSON schema, and exits 1 on a mandatory violation as the text output does", () => {
    const schema = JSON.parse(readFileSync(join(root, "test", "fixtures", "sarif", "sarif-schema-2.1.0.json"), "utf8"));
    // The schema's language-tag pattern is not valid with the u flag (Ajv's default), hence unicodeRegExp: false.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(log);
    expect(validate.errors ?? [], "schema errors").toEqual([]);
    expect(ok).toBe(true);
    expect(log.version).toBe("2.1.0");
    // The validator bites: a result at an unknown level, or a log of another version, fails.
    const broken = structuredClone(log);
    (broken.runs[0]!.results![0] as { level: string }).level = "fatal";
    expect(validate(broken)).toBe(false);
    expect(validate({ ...log, version: "2.0.0" })).toBe(false);
    expect(code).toBe(1);
  });

  it("has one rule per policy of the pack, in pack order, with help, remediation and the default level", async () => {
    const pack = await loadPack();
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(pack.policies.map((p) => p.name));
    const rootAccess = rules.find((r) => r.id === "aws-sagemaker-notebook-no-root-access")!;
    expect(rootAccess.defaultConfiguration?.level).toBe("error");
    expect(rootAccess.help?.text).toBe(
      'SageMaker notebook instance users do not get root access.\n\nRemediation: Set rootAccess: "Disabled" on the notebook instance; install packages through a lifecycle configuration instead.',
    );
    expect(rootAccess.properties).toMatchObject({ "security-severity": "5.5", enforcementLevel: "mandatory" });
    expect(rules.find((r) => r.id === "decision-review-due")!.defaultConfiguration?.level).toBe("warning");
    expect(rules.find((r) => r.id === "azure-ml-compute-scale-to-zero")!.defaultConfiguration?.level).toBe("warning");
  });

  it("has one result per violation, mandatory as error and advisory as warning, each pointing at its rule", () => {
    const results = log.runs[0]!.results!;
    expect(results).toHaveLength(json.violations.length);
    expect(results.map((r) => [r.ruleId, r.level])).toEqual(json.violations.map((v) => [v.policy, v.level === "mandatory" ? "error" : "warning"]));
    const rules = log.runs[0]!.tool.driver.rules!;
    for (const r of results) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    expect(results.filter((r) => r.level === "warning").map((r) => r.ruleId)).toContain("decision-review-due");
  });

  it("locates a resource's violation by its URN and by the line of the program that names it", () => {
    const lines = readFileSync(join(root, EXAMPLE), "utf8").split("\n");
    const result = log.runs[0]!.results!.find((r) => r.ruleId === "aws-sagemaker-notebook-no-root-access")!;
    expect(result.message.text).toBe('rootAccess is not set (SageMaker enables it); expected "Disabled" (notebook)');
    const [location] = result.locations!;
    expect(location!.logicalLocations).toEqual([{ fullyQualifiedName: `${URN}aws:sagemaker/notebookInstance:NotebookInstance::notebook`, name: "notebook", kind: "resource" }]);
    expect(location!.physicalLocation!.artifactLocation).toEqual({ uri: EXAMPLE, uriBaseId: "%SRCROOT%" });
    const line = location!.physicalLocation!.region!.startLine!;
    expect(lines[line - 1]).toMatch(/^new NotebookInstance\("notebook", /);

    const cluster = log.runs[0]!.results!.find((r) => r.ruleId === "azure-ml-compute-no-public-ip")!;
    expect(lines[cluster.locations![0]!.physicalLocation!.region!.startLine! - 1]).toContain('"cluster"');
  });

  it("locates a stack-level violation at the stack, in the program's file", () => {
    const result = log.runs[0]!.results!.find((r) => r.ruleId === "decision-review-due")!;
    expect(result.locations![0]!.logicalLocations![0]).toEqual({ fullyQualifiedName: `${URN.slice(0, -1)}::insecure-example-insecure`, name: "insecure-example-insecure", kind: "module" });
    expect(result.locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: EXAMPLE, uriBaseId: "%SRCROOT%" } });
    expect(result.message.text).toMatch(/\(the stack\)$/);
  });

  it("--format sarif is one stack's document: not with --json, and bad formats are bad input", () => {
    expect(aitracks("check", "--stack", "buy-aws", "--format", "sarif", "--json")).toMatchObject({ code: 2, stderr: "aitracks: --json: give --json or --format sarif, not both\n" });
    expect(aitracks("check", "--stack", "buy-aws", "--format", "xml")).toMatchObject({ code: 2, stderr: 'aitracks: --format: expected one of text, github-comment, sarif, got "xml"\n' });
  });
});
