/**
 * `aitracks check --format sarif`: the verdicts as a SARIF 2.1.0 log, for GitHub code scanning
 * (github/codeql-action/upload-sarif) and any other SARIF reader.
 *
 * - One rule per policy of the pack (its description, and its remediation steps as help), with the
 *   policy's default level: mandatory → error, advisory → warning.
 * - One result per violation, at the level the violation was reported with (pack config may change
 *   it), with the resource's URN as a logical location and, where the program is a file we can
 *   point at, a physical location: the line of the program's entry file where the resource (or the
 *   nearest component above it) is named as a string literal, else the entry file itself.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import type * as Sarif from "sarif";
import type * as Preview from "@aitracks/preview";

/** What the renderer reads of a policy (the pack's policy objects have all of it). */
export interface SarifPolicy {
  readonly name: string;
  readonly description: string;
  readonly enforcementLevel?: string;
  readonly severity?: string;
  readonly remediationSteps?: string;
  readonly tags?: readonly string[];
}

export interface SarifInput {
  readonly graph: Preview.ResourceGraph;
  readonly report: Preview.PolicyReport;
  readonly policies: readonly SarifPolicy[];
  /** The program's entry file (absolute), when there is one to point at. */
  readonly entryFile?: string;
  /** Paths in the log are relative to this folder (the checkout root; the current folder). */
  readonly rootDir: string;
}

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/** SARIF level of an enforcement level. */
export function sarifLevel(level: string | undefined): Sarif.ReportingConfiguration.level {
  return level === "mandatory" || level === "remediate" ? "error" : level === "advisory" ? "warning" : level === "disabled" ? "none" : "warning";
}

/** GitHub code scanning's security-severity (0.0–10.0) for a policy severity. */
const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

export function renderSarif(input: SarifInput): Sarif.Log {
  const { graph, report, policies } = input;
  const ruleIndex = new Map(policies.map((p, i) => [p.name, i]));
  const rules: Sarif.ReportingDescriptor[] = policies.map((p) => {
    const [cloud, concern] = p.tags ?? [];
    const remediation = p.remediationSteps ? `\n\nRemediation: ${p.remediationSteps}` : "";
    return {
      id: p.name,
      name: p.name,
      shortDescription: { text: p.description },
      fullDescription: { text: p.description },
      help: {
        text: `${p.description}${remediation}`,
        markdown: `${p.description}${p.remediationSteps ? `\n\n**Remediation:** ${p.remediationSteps}` : ""}\n\nPolicy \`${p.name}\` of the aitracks policy pack (${p.enforcementLevel ?? "advisory"} by default).`,
      },
      defaultConfiguration: { level: sarifLevel(p.enforcementLevel) },
      properties: {
        tags: ["aitracks", ...(cloud ? [cloud] : []), ...(concern ? [concern] : []), ...(p.severity ? ["security"] : [])],
        ...(p.severity ? { severity: p.severity, "security-severity": SECURITY_SEVERITY[p.severity] ?? "5.0" } : {}),
        enforcementLevel: p.enforcementLevel ?? "advisory",
      },
    };
  });

  const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
  const stackUrn = graph.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn;
  const source = input.entryFile ? readSource(input.entryFile) : undefined;
  const artifact = input.entryFile ? artifactUri(input.rootDir, input.entryFile) : undefined;

  const results: Sarif.Result[] = report.violations.map((v) => {
    const urn = v.urn ?? stackUrn;
    const resource = urn ? byUrn.get(urn) : undefined;
    const location: Sarif.Location = {
      logicalLocations: [
        {
          fullyQualifiedName: urn ?? `${graph.project}/${graph.stack}`,
          name: resource?.name ?? graph.stack,
          kind: v.urn ? "resource" : "module",
        },
      ],
    };
    if (artifact) {
      const line = source && resource ? lineOf(source, resource, byUrn) : undefined;
      location.physicalLocation = {
        artifactLocation: { uri: artifact, uriBaseId: "%SRCROOT%" },
        ...(line ? { region: { startLine: line } } : {}),
      };
    }
    const text = v.message || v.description;
    const index = ruleIndex.get(v.policy);
    return {
      ruleId: v.policy,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: sarifLevel(v.level),
      message: { text: v.urn ? `${text} (${resource?.name ?? v.urn})` : `${text} (the stack)` },
      locations: [location],
      partialFingerprints: { "aitracksViolation/v1": createHash("sha256").update(`${v.policy}\u0000${urn ?? ""}\u0000${text}`).digest("hex") },
      properties: { enforcementLevel: v.level, ...(v.severity ? { severity: v.severity } : {}) },
    };
  });

  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "aitracks",
            fullName: `aitracks policy pack ${report.pack.name}@${report.pack.version}`,
            version: report.pack.version,
            semanticVersion: report.pack.version,
            rules,
          },
        },
        automationDetails: { id: `aitracks-check/${graph.project}/${graph.stack}/` },
        ...(artifact ? { originalUriBaseIds: { "%SRCROOT%": { description: { text: "The folder aitracks check ran in (the repository root)." } } } } : {}),
        invocations: [{ executionSuccessful: true }],
        results,
        properties: { project: graph.project, stack: graph.stack, resources: report.resources },
      },
    ],
  };
}

/** The program's entry file: Pulumi.yaml's main if it is a file, else index.ts / index.js / main.py … in it. */
export function entryFileOf(main: string): string | undefined {
  try {
    if (statSync(main).isFile()) return main;
  } catch {
    return undefined;
  }
  for (const f of ["index.ts", "index.js", "index.mjs", "main.ts", "__main__.py", "main.go", "Pulumi.yaml"]) {
    if (existsSync(join(main, f))) return join(main, f);
  }
  return undefined;
}

function readSource(file: string): string[] | undefined {
  try {
    return readFileSync(file, "utf8").split(/\r?\n/);
  } catch {
    return undefined;
  }
}

/** A forward-slash path relative to the root (SARIF URIs), or the absolute file URI outside it. */
function artifactUri(root: string, file: string): string {
  const rel = relative(root, file);
  if (!rel || rel.startsWith("..") || isAbsolute(rel)) return `file://${file.split(sep).join("/")}`;
  return rel.split(sep).join("/");
}

/** The 1-based line where the resource, or the nearest component above it, is named as a string literal. */
function lineOf(source: readonly string[], resource: Preview.GraphResource, byUrn: ReadonlyMap<string, Preview.GraphResource>): number | undefined {
  for (let r: Preview.GraphResource | undefined = resource; r && r.type !== "pulumi:pulumi:Stack"; r = r.parent ? byUrn.get(r.parent) : undefined) {
    const quoted = [`"${r.name}"`, `'${r.name}'`, `\`${r.name}\``];
    const i = source.findIndex((l) => quoted.some((q) => l.includes(q)));
    if (i >= 0) return i + 1;
  }
  return undefined;
}
