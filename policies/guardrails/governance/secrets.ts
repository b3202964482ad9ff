/**
 * Secrets in plain text: an API key, token or password that reaches a resource input or the stack
 * config without being a Pulumi secret ends up readable in the state file, the preview output
 * and CI logs. Messages name where, never the value.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { SECRET_MARK, secretPathsOfProps } from "../../lib/secrets";
import { stackConfig } from "../../lib/stack-config";
import { isTaggable, tagPropertyOf } from "../../lib/taggable";
import type { AitracksPolicy } from "../../lib/types";
import { isUnknownError } from "../../lib/unknown";

/** Key names that hold credentials (compared lower-case without separators, by suffix). */
const SECRET_KEY_SUFFIXES = [
  "password",
  "passwd",
  "secret",
  "clientsecret",
  "token",
  "apikey",
  "accesskey",
  "secretkey",
  "privatekey",
  "connectionstring",
  "sastoken",
  "credentials",
];

/** Values that are credentials whatever their key. */
const CREDENTIAL_PATTERNS: readonly [RegExp, string][] = [
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, "an AWS access key id"],
  [/\bsk-(proj-|ant-)?[A-Za-z0-9_-]{20,}/, "an OpenAI / Anthropic API key"],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, "a Google API key"],
  [/\b(ghp|gho|ghs|ghu)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{40,}/, "a GitHub token"],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, "a Slack token"],
  [/-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/, "a private key"],
  [/AccountKey=[A-Za-z0-9+/=]{40,}/, "an Azure storage account key"],
  [/\bhf_[A-Za-z0-9]{30,}\b/, "a Hugging Face token"],
];

/** Values that are references to a secret, not the secret itself. */
const REFERENCE = /^(arn:|https:\/\/[^/]+\.vault\.azure\.net\/|projects\/[^/]+\/secrets\/|\{\{resolve:|\$\{|ssm:|secretsmanager:|@Microsoft\.KeyVault\()/i;

export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  return SECRET_KEY_SUFFIXES.some((s) => k.endsWith(s));
}

/** Why a value at `key` is a plaintext credential, or undefined. */
export function plaintextCredential(key: string, value: string): string | undefined {
  if (value === SECRET_MARK || value.trim() === "") return undefined;
  for (const [re, what] of CREDENTIAL_PATTERNS) if (re.test(value)) return `holds ${what}`;
  if (isSecretKey(key) && !REFERENCE.test(value) && value.length >= 4 && !/^(true|false|none|null|enabled|disabled)$/i.test(value)) return "is a credential field with a plain-text value";
  return undefined;
}

/** Walk string leaves as `a.b[0].c` paths, skipping values unknown during preview. */
function walk(v: unknown, path: string, key: string, visit: (path: string, key: string, value: string) => void, depth = 0): void {
  if (depth > 12) return;
  if (typeof v === "string") return visit(path, key, v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) walk(read(v, i), `${path}[${i}]`, key, visit, depth + 1);
  } else if (v && typeof v === "object") {
    for (const k of Object.keys(v)) walk(read(v, k), path ? `${path}.${k}` : k, k, visit, depth + 1);
  }
}

/** Read a property; an unknown value cannot be a literal in the program, so it reads as nothing. */
function read(o: object, k: string | number): unknown {
  try {
    return (o as Record<string | number, unknown>)[k];
  } catch (err) {
    if (isUnknownError(err)) return undefined;
    throw err;
  }
}

export const noPlaintextSecrets: StackValidationPolicy & AitracksPolicy = {
  name: "no-plaintext-secrets",
  description: "No API key, token or password reaches a resource input or the stack config in plain text; each is a Pulumi secret (or a reference to a secret store).",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps:
    "Store the value with `pulumi config set --secret <key>` and read it with config.requireSecret(), or pass pulumi.secret(value); better, keep it in Secrets Manager / Secret Manager / Key Vault and pass a reference. Rotate any credential that was committed in plain text.",
  tags: ["any", "secrets"],
  validateStack: (args, report) => {
    for (const r of args.resources) {
      const secretPaths = secretPathsOfProps(r.props);
      walk(r.props, "", "", (path, key, value) => {
        if (secretPaths.has(path)) return;
        const why = plaintextCredential(key, value);
        if (why) report(`input ${path} ${why}, not a Pulumi secret`, r.urn);
      });
    }
    const config = stackConfig();
    if (config) {
      for (const [key, raw] of Object.entries(config.values)) {
        if (config.secretKeys.includes(key)) continue;
        let parsed: unknown = raw;
        try {
          parsed = JSON.parse(raw);
        } catch {
          // a plain string value
        }
        walk(parsed, "", key.split(":").pop() ?? key, (path, leafKey, value) => {
          const why = plaintextCredential(leafKey, value);
          if (why) report(`stack config ${key}${path ? `.${path}` : ""} ${why}; set it with \`pulumi config set --secret\``);
        });
      }
    }
  },
};

/** Top-level inputs that name the resource: they end up in ARNs, URLs, consoles and logs. */
const NAME_INPUT = /^(name|bucket|[a-z][A-Za-z0-9]*Name)$/;

/**
 * Where a secret at `path` would be shown in plain text by the cloud, or undefined: a tag or label
 * (listed by consoles, billing exports and any reader of the resource), or a name.
 */
function plainField(type: string, path: string): string | undefined {
  const top = path.split(/[.[]/)[0]!;
  if (isTaggable(type) && top === tagPropertyOf(type)) return top === "tags" ? "a tag" : "a label";
  if (path === top && NAME_INPUT.test(top)) return "the resource's name";
  return undefined;
}

export const noSecretInPlainFields: StackValidationPolicy & AitracksPolicy = {
  name: "no-secret-in-plain-fields",
  description: "No Pulumi secret reaches a field the cloud shows in plain text: tags, labels or a resource name.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Keep secrets out of tags, labels and names: tag with a non-secret identifier (the secret's name or ARN in its store), and name resources from non-secret config. If the value is not really a secret, stop marking it as one.",
  tags: ["any", "secrets"],
  validateStack: (args, report) => {
    for (const r of args.resources) {
      for (const path of [...secretPathsOfProps(r.props)].sort()) {
        const where = plainField(r.type, path);
        if (where) report(`input ${path} holds a Pulumi secret, but it is ${where}, which the cloud shows in plain text`, r.urn);
      }
    }
  },
};
