/**
 * Secrets in plain text: an API key, token or password that reaches a resource input or the stack
 * config without being a Pulumi secret ends up readable in the state file, the preview output
 * and CI logs. Found by key (a field named like a credential), by value (well-known key formats,
 * whatever the field), by an entry's name in name/value lists (container environments, app
 * settings) and inside JSON held in a string (ECS container definitions). Messages name where and
 * what kind, never the value or any part of it.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { isUnknown } from "@aitracks/core";
import { SECRET_MARK, secretPathsOfProps } from "../../lib/secrets";
import { stackConfig } from "../../lib/stack-config";
import { isTaggable, tagPropertyOf } from "../../lib/taggable";
import type { AitracksPolicy } from "../../lib/types";
import { proxyTarget } from "../../lib/unknown";

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

/** Values that are credentials whatever their key (most specific first: the first match names it). */
const CREDENTIAL_PATTERNS: readonly [RegExp, string][] = [
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, "an AWS access key id"],
  [/\bsk-ant-(api|admin)[0-9]{2}-[A-Za-z0-9_-]{20,}/, "an Anthropic API key"],
  [/\bsk-(proj-|ant-)?[A-Za-z0-9_-]{20,}/, "an OpenAI / Anthropic API key"],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, "a Google API key"],
  [/\b(ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{40,}/, "a GitHub token"],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, "a Slack token"],
  [/-----BEGIN ([A-Z]+ )*PRIVATE KEY( BLOCK)?-----/, "a private key"],
  [/AccountKey=[A-Za-z0-9+/=]{40,}/, "an Azure storage account key"],
  [/\bhf_[A-Za-z0-9]{30,}\b/, "a Hugging Face token"],
  [/\b[rs]k_live_[0-9A-Za-z]{24,}\b/, "a Stripe secret key"],
];

/** Any of the patterns above: one test rules most values out. */
const ANY_CREDENTIAL = new RegExp(CREDENTIAL_PATTERNS.map(([re]) => `(?:${re.source})`).join("|"));

/** Values that are references to a secret, not the secret itself. */
const REFERENCE = /^(arn:|https:\/\/[^/]+\.vault\.azure\.net\/|projects\/[^/]+\/secrets\/|\{\{resolve:|\$\{|ssm:|secretsmanager:|@Microsoft\.KeyVault\()/i;

/** Paths inside a reference to a secret store (`valueSource.secretKeyRef.secret`, `secretRef`, `valueFrom`): they name the secret. */
const REFERENCE_PATH = /(^|\.)([A-Za-z]*(Ref|Refs|Reference|References)|valueFrom)(\.|\[|$)/;

/** Values that name or locate something (a URL, a cloud resource id, a path, a UUID), never a secret by themselves. */
const LOCATOR = /^([a-z][a-z0-9+.-]*:\/\/|arn:|\/subscriptions\/|projects\/|organizations\/|folders\/|\.{0,2}\/|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)/i;

/** A verdict per key name, remembered: the same few hundred keys recur on every resource. */
function memo(fn: (key: string) => boolean): (key: string) => boolean {
  const seen = new Map<string, boolean>();
  return (key) => {
    let v = seen.get(key);
    if (v === undefined) {
      v = fn(key);
      if (seen.size < 10_000) seen.set(key, v);
    }
    return v;
  };
}

export const isSecretKey = memo((key: string): boolean => {
  const k = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  return SECRET_KEY_SUFFIXES.some((s) => k.endsWith(s));
});

/**
 * Key names that may hold a credential (`ANTHROPIC_KEY`, `DB_PASS`, `authHeaderValue`, `signingSalt`):
 * their values count only when they look random. Keys that name, locate or describe a key
 * (`kmsKeyId`, `keyVaultUri`, `sshPublicKey`, `tokenType`) are not among them.
 */
export const isSecretLikeKey = memo((key: string): boolean => {
  const k = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (!/(key|pass|pwd|secret|token|auth|credential|signature|salt|cookie|session|webhook)/.test(k)) return false;
  if (/public|kms|vault|keyring|cryptokey/.test(k)) return false;
  return !/(id|ids|name|names|arn|uri|url|urls|endpoint|version|type|source|path|file|spec|policy|mode|length|size|count|header|location|identity|enabled|expiry|expiration|ttl|format|algorithm|usage)$/.test(k);
});

/** Shannon entropy of a string, in bits per character. */
export function entropy(v: string): number {
  const counts = new Map<string, number>();
  for (const ch of v) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / v.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** A value that looks generated rather than written: long, no spaces, letters and digits, high entropy, not a locator. */
export function looksRandom(v: string): boolean {
  return v.length >= 20 && v.length <= 8192 && !/\s/.test(v) && /[0-9]/.test(v) && /[A-Za-z]/.test(v) && !LOCATOR.test(v) && !REFERENCE.test(v) && entropy(v) >= 3.5;
}

/** Why a value at `key` is a plaintext credential, or undefined. Never returns the value or any part of it. */
export function plaintextCredential(key: string, value: string): string | undefined {
  if (value === SECRET_MARK || value.trim() === "") return undefined;
  if (ANY_CREDENTIAL.test(value)) for (const [re, what] of CREDENTIAL_PATTERNS) if (re.test(value)) return `holds ${what}`;
  if (isSecretKey(key) && !REFERENCE.test(value) && value.length >= 4 && !/^(true|false|none|null|enabled|disabled)$/i.test(value)) return "is a credential field with a plain-text value";
  if (isSecretLikeKey(key) && looksRandom(value)) return `is named like a credential and holds a random-looking ${value.length}-character value`;
  return undefined;
}

/**
 * The name of a name/value entry (`{name, value}` in container environments and Azure app
 * settings, `{key, value}` in tag lists, `{Name, Value}` in CloudFormation-shaped lists): its value is
 * judged by that name, as a map entry would be by its key.
 */
function entryName(o: Record<string, unknown>): string | undefined {
  for (const k of ["name", "Name", "key", "Key"]) {
    const n = o[k];
    if (typeof n === "string" && n) return n;
  }
  return undefined;
}

const VALUE_KEYS = new Set(["value", "Value"]);

/** A string holding a JSON object or array (ECS container definitions, step function definitions, policy documents). */
function embeddedJson(v: string): unknown {
  const t = v.trimStart();
  if (!(t.startsWith("{") || t.startsWith("["))) return undefined;
  try {
    const parsed: unknown = JSON.parse(v);
    return parsed && typeof parsed === "object" ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Where a leaf is: `a.b[0].c`, built only when asked (most leaves are never reported). */
type PathOf = () => string;

/**
 * Walk string leaves, skipping values unknown during preview (an unknown cannot be a literal in the
 * program); `label` is an entry's name when it has one. Reads the policy runtime's proxy target,
 * not the proxy: the same values, without a proxy per read.
 */
function walk(v: unknown, path: PathOf, key: string, visit: (path: PathOf, key: string, value: string, label?: string) => void, depth = 0, label?: string): void {
  if (depth > 12) return;
  if (typeof v === "string") {
    if (isUnknown(v)) return;
    const json = embeddedJson(v);
    if (json !== undefined) return walk(json, path, key, visit, depth + 1);
    return visit(path, key, v, label);
  }
  const o = proxyTarget(v);
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) walk(o[i], () => `${path()}[${i}]`, key, visit, depth + 1);
  } else if (o && typeof o === "object") {
    const entries = o as Record<string, unknown>;
    const name = entryName(entries);
    for (const k of Object.keys(entries)) {
      const entry = name !== undefined && VALUE_KEYS.has(k);
      walk(entries[k], () => { const p = path(); return p ? `${p}.${k}` : k; }, entry ? name : k, visit, depth + 1, entry ? name : undefined);
    }
  }
}

/** The value at `path` is a Pulumi secret, or lies inside one (a secret object, or JSON held in a secret string). */
function underSecret(secretPaths: ReadonlySet<string>, path: string): boolean {
  if (!secretPaths.size) return false;
  for (let i = path.length; i > 0; i--) {
    if ((i === path.length || path[i] === "." || path[i] === "[") && secretPaths.has(path.slice(0, i))) return true;
  }
  return false;
}

const ROOT: PathOf = () => "";

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
      walk(r.props, ROOT, "", (pathOf, key, value, label) => {
        const why = plaintextCredential(key, value);
        if (!why) return;
        const path = pathOf();
        if (underSecret(secretPaths, path) || REFERENCE_PATH.test(path)) return;
        report(`input ${path}${label ? ` (${label})` : ""} ${why}, not a Pulumi secret`, r.urn);
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
        walk(parsed, ROOT, key.split(":").pop() ?? key, (pathOf, leafKey, value, label) => {
          const why = plaintextCredential(leafKey, value);
          if (!why) return;
          const path = pathOf();
          if (REFERENCE_PATH.test(path)) return;
          report(`stack config ${key}${path ? `.${path}` : ""}${label ? ` (${label})` : ""} ${why}; set it with \`pulumi config set --secret\``);
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
