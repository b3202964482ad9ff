// @ts-nocheck
// What no-plaintext-secrets calls a credential by its value alone, and what looks generated: each
// credential form by name with its near miss, and every bound of looksRandom. Fake values shaped like
// the real ones. Run `npx tsc -b` first (reads policies/bin).
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const req = createRequire(import.meta.url);
const { looksRandom, plaintextCredential } = req("../../policies/bin/guardrails/governance/secrets.js");

const ALNUM = "aB3dE5gH7jK9mN1pQ2sT4vW6yZ8cF0hL";
const run = (n: number, chars = ALNUM) => Array.from({ length: n }, (_, i) => chars[i % chars.length]).join("");

describe("plaintextCredential: credentials by their form, whatever the key", () => {
  it("names each form, the most specific first", () => {
    const cases: [string, string][] = [
      [`AKIA${run(16, "ABCDEFGHIJKLMNOP1234")}`, "an AWS access key id"],
      [`ASIA${run(16, "QRSTUVWXYZ56789")}`, "an AWS access key id"],
      [`sk-ant-api03-${run(24)}`, "an Anthropic API key"],
      [`sk-ant-admin01-${run(24)}`, "an Anthropic API key"],
      [`sk-proj-${run(24)}`, "an OpenAI / Anthropic API key"],
      [`sk-${run(20)}`, "an OpenAI / Anthropic API key"],
      [`AIza${run(35)}`, "a Google API key"],
      [`ghp_${run(36)}`, "a GitHub token"],
      [`ghs_${run(36)}`, "a GitHub token"],
      [`github_pat_${run(40)}`, "a GitHub token"],
      [`xoxb-${run(10)}`, "a Slack token"],
      ["-----BEGIN RSA PRIVATE KEY-----\nMII...", "a private key"],
      ["-----BEGIN PRIVATE KEY-----", "a private key"],
      ["-----BEGIN OPENSSH PRIVATE KEY BLOCK-----", "a private key"],
      [`DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${run(40, "abcXYZ019+/=")}`, "an Azure storage account key"],
      [`hf_${run(30)}`, "a Hugging Face token"],
      [`sk_live_${run(24)}`, "a Stripe secret key"],
      [`rk_live_${run(24)}`, "a Stripe secret key"],
    ];
    expect(cases.map(([v]) => plaintextCredential("description", v))).toEqual(cases.map(([, what]) => `holds ${what}`));
  });

  it("one character short, or a prefix inside a word, is not that form", () => {
    const near = [
      `AKIA${run(15, "ABCDEFGHIJKLMNOP")}`,
      `xAKIA${run(16, "ABCDEFGHIJKLMNOP")}`,
      `sk-${run(19)}`,
      `AIza${run(34)}`,
      `ghp_${run(35)}`,
      `github_pat_${run(39)}`,
      `xoxb-${run(9)}`,
      `AccountKey=${run(39, "abcXYZ019")}`,
      `hf_${run(29)}`,
      `sk_live_${run(23)}`,
      "BEGIN PRIVATE KEY",
    ];
    expect(near.map((v) => plaintextCredential("description", v) ?? null)).toEqual(near.map(() => null));
  });
});

describe("looksRandom: long, no spaces, letters and digits, high entropy, not a locator or reference", () => {
  it("each bound on both sides", () => {
    const cases: [string, boolean][] = [
      [run(20), true],
      [run(19), false],
      [run(8192), true],
      [run(8193), false],
      [`${run(10)} ${run(10)}`, false],
      [run(24, "abcdefghijklmnopqrstuvwx"), false], // no digit
      [run(24, "0123456789!@#$%^&*()-+=_"), false], // no letter
      [`${run(23, "0123456789!@#$%^&*()-+=")}a`, true],
      [run(24, "a1"), false], // entropy 1 bit a character
      [run(24, "abcdefghijk1"), true], // 12 symbols: 3.58 bits
      [run(24, "abcdefghij1"), false], // 11 symbols: 3.46 bits
      [`https://${run(24)}`, false],
      [`ssm:${run(24)}`, false],
      [`\${${run(24)}}`, false],
    ];
    expect(cases.map(([v]) => [v.slice(0, 12), v.length, looksRandom(v)])).toEqual(cases.map(([v, r]) => [v.slice(0, 12), v.length, r]));
  });
});

describe("plaintextCredential: credential fields by their key", () => {
  it("a value of four characters or more, not a secret mark, a blank or a word that says nothing", () => {
    expect(plaintextCredential("password", "abcd")).toBe("is a credential field with a plain-text value");
    expect(plaintextCredential("password", "abc")).toBeUndefined();
    for (const v of ["[secret]", "    ", "", "true", "FALSE", "none", "null", "Enabled", "disabled"]) expect(plaintextCredential("password", v), JSON.stringify(v)).toBeUndefined();
    for (const v of ["truex", "xtrue", "not null"]) expect(plaintextCredential("password", v), v).toBe("is a credential field with a plain-text value");
    // A reference to a secret store is not the secret.
    expect(plaintextCredential("password", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db")).toBeUndefined();
  });

  it("keys that name, locate or describe a key hold no credential, however random the value", () => {
    const random = run(32);
    expect(plaintextCredential("signingKey", random)).toBe("is named like a credential and holds a random-looking 32-character value");
    for (const k of ["kmsKeyId", "publicKey", "keyVaultUri", "tokenType", "sessionName", "cryptoKeyName"]) expect(plaintextCredential(k, random), k).toBeUndefined();
  });
});
