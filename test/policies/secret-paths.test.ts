// @ts-nocheck
// The secrets policies as the Pulumi engine runs them: the policy runtime hands a policy secrets
// unwrapped, with the secret paths recorded beside them (policies/lib/secrets.ts). A value inside a
// secret (the secret itself, or an object or array it holds) is not plain text; one next to it is.
// Also the stack config's values by path and entry name, and which inputs the cloud shows in plain
// text. Run `npx tsc -b` first (reads policies/bin).
import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";

const req = createRequire(import.meta.url);
const { noPlaintextSecrets, noSecretInPlainFields } = req("../../policies/bin/guardrails/governance/secrets.js");
const { attachSecretPaths } = req("../../policies/bin/lib/secrets.js");
const { setStackConfig } = req("../../policies/bin/lib/stack-config.js");

const OPENAI_KEY = "sk-proj-EXAMPLEonlyNOTaREALkey0123456789abcdef";
const URN = "urn:pulumi:dev::app::aws:lambda/function:Function::fn";

/** The messages a stack policy reports on one resource with these (unwrapped) inputs and secret paths. */
function reported(policy, props: Record<string, unknown>, secretPaths: string[] = [], type = "aws:lambda/function:Function"): string[] {
  const out: string[] = [];
  const resource = { urn: URN, type, name: "fn", props: attachSecretPaths(props, secretPaths) };
  policy.validateStack({ resources: [resource] }, (message: string, urn?: string) => out.push(urn === undefined ? `(stack) ${message}` : message));
  return out;
}

afterEach(() => setStackConfig(undefined));

describe("no-plaintext-secrets: a value inside a Pulumi secret is not plain text", () => {
  const env = () => ({ environment: { variables: { LLM: OPENAI_KEY } } });
  const PLAIN = "input environment.variables.LLM holds an OpenAI / Anthropic API key, not a Pulumi secret";

  it("the secret itself, or an object holding it, at any depth", () => {
    expect(reported(noPlaintextSecrets, env())).toEqual([PLAIN]);
    for (const path of ["environment", "environment.variables", "environment.variables.LLM"]) {
      expect(reported(noPlaintextSecrets, env(), [path]), path).toEqual([]);
    }
  });

  it("a secret whose path only starts the same is another value", () => {
    for (const path of ["env", "environment.var", "environment.variables.L", "environment.variables.LLM2", "nvironment", "variables.LLM"]) {
      expect(reported(noPlaintextSecrets, env(), [path]), path).toEqual([PLAIN]);
    }
  });

  it("arrays: the secret element holds its entries, its neighbours do not", () => {
    const props = () => ({ containers: [{ env: [{ name: "API_KEY", value: "p4ss-w0rd-Example" }] }, { env: [{ name: "TOKEN", value: OPENAI_KEY }] }] });
    const first = "input containers[0].env[0].value (API_KEY) is a credential field with a plain-text value, not a Pulumi secret";
    const second = "input containers[1].env[0].value (TOKEN) holds an OpenAI / Anthropic API key, not a Pulumi secret";
    expect(reported(noPlaintextSecrets, props())).toEqual([first, second]);
    expect(reported(noPlaintextSecrets, props(), ["containers"])).toEqual([]);
    expect(reported(noPlaintextSecrets, props(), ["containers[0]"])).toEqual([second]);
    expect(reported(noPlaintextSecrets, props(), ["containers[1].env"])).toEqual([first]);
    expect(reported(noPlaintextSecrets, props(), ["containers[0].env[0].value", "containers[1].env[0]"])).toEqual([]);
    expect(reported(noPlaintextSecrets, props(), ["containers[0].e", "containers[1"])).toEqual([first, second]);
  });

  it("a name/value entry: only its value is judged by its name; the name itself and other fields by their own keys", () => {
    const props = () => ({ env: [{ name: "DB_PASSWORD", value: "p4ss-w0rd-Example", description: "the database password" }] });
    expect(reported(noPlaintextSecrets, props())).toEqual(["input env[0].value (DB_PASSWORD) is a credential field with a plain-text value, not a Pulumi secret"]);
    expect(reported(noPlaintextSecrets, props(), ["env[0].value"])).toEqual([]);
    for (const k of ["Name", "key", "Key"]) {
      expect(reported(noPlaintextSecrets, { tags: [{ [k]: "API_TOKEN", Value: "p4ss-w0rd-Example" }] }), k).toEqual([
        "input tags[0].Value (API_TOKEN) is a credential field with a plain-text value, not a Pulumi secret",
      ]);
    }
  });

  it("JSON held in a string is read by path, leading spaces and all", () => {
    expect(reported(noPlaintextSecrets, { definition: `  ${JSON.stringify({ env: [{ name: "LLM", value: OPENAI_KEY }] })}` })).toEqual([
      "input definition.env[0].value (LLM) holds an OpenAI / Anthropic API key, not a Pulumi secret",
    ]);
  });

  it("deeply nested values are read to twelve levels; unknown values and nulls are skipped", () => {
    const nest = (levels: number) => {
      let v: unknown = { token: OPENAI_KEY };
      for (let i = 0; i < levels; i++) v = { a: v };
      return v as Record<string, unknown>;
    };
    expect(reported(noPlaintextSecrets, nest(10))).toHaveLength(1);
    expect(reported(noPlaintextSecrets, nest(13))).toEqual([]);
    expect(reported(noPlaintextSecrets, { signingSecret: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", password: null })).toEqual([]);
  });

  it("a reference to a secret store by path (…Ref, valueFrom) is not a credential", () => {
    expect(reported(noPlaintextSecrets, { passwordRef: { name: "db", password: "p4ss-w0rd-Example" } })).toEqual([]);
    expect(reported(noPlaintextSecrets, { secrets: [{ name: "LLM", valueFrom: OPENAI_KEY }] })).toEqual([]);
    expect(reported(noPlaintextSecrets, { reference: { password: "p4ss-w0rd-Example" } })).toEqual([
      "input reference.password is a credential field with a plain-text value, not a Pulumi secret",
    ]);
  });
});

describe("no-plaintext-secrets: the stack config", () => {
  const config = (values: Record<string, string>, secretKeys: string[] = []) => setStackConfig({ values, secretKeys });

  it("a value by its key, a structured value by its path and entry name; secret keys are skipped", () => {
    config({
      "app:openaiKey": OPENAI_KEY,
      "app:settings": JSON.stringify({ env: [{ name: "API_TOKEN", value: "p4ss-w0rd-Example" }], region: "us-east-1" }),
      token: "p4ss-w0rd-Example",
      "app:model": "gpt-4o",
    });
    expect(reported(noPlaintextSecrets, {})).toEqual([
      "(stack) stack config app:openaiKey holds an OpenAI / Anthropic API key; set it with `pulumi config set --secret`",
      "(stack) stack config app:settings.env[0].value (API_TOKEN) is a credential field with a plain-text value; set it with `pulumi config set --secret`",
      "(stack) stack config token is a credential field with a plain-text value; set it with `pulumi config set --secret`",
    ]);
    config({ "app:openaiKey": OPENAI_KEY, "app:db": JSON.stringify({ passwordRef: "p4ss-w0rd-Example" }) }, ["app:openaiKey"]);
    expect(reported(noPlaintextSecrets, {})).toEqual([]);
  });

  it("a key in a namespace is judged by its last part", () => {
    // `secret:model` names a model in the `secret` namespace, not a credential.
    config({ "app:apiKey": "p4ss-w0rd-Example", "apiKey:app": "p4ss-w0rd-Example", "secret:model": "aB3dE5gH7jK9mN1pQ2sT4vW6" });
    expect(reported(noPlaintextSecrets, {})).toEqual(["(stack) stack config app:apiKey is a credential field with a plain-text value; set it with `pulumi config set --secret`"]);
  });
});

describe("no-secret-in-plain-fields: where the cloud shows a value", () => {
  const on = (type: string, props: Record<string, unknown>, paths: string[]) => reported(noSecretInPlainFields, props, paths, type);
  const shown = (path: string, where: string) => `input ${path} holds a Pulumi secret, but it is ${where}, which the cloud shows in plain text`;

  it("tags, labels and user labels, by the property each type tags with", () => {
    expect(on("aws:s3/bucket:Bucket", { tags: { team: "t" } }, ["tags.team"])).toEqual([shown("tags.team", "a tag")]);
    expect(on("gcp:storage/bucket:Bucket", { labels: { team: "t" } }, ["labels.team"])).toEqual([shown("labels.team", "a label")]);
    expect(on("gcp:storage/bucket:Bucket", { labels: { team: "t" } }, ["labels"])).toEqual([shown("labels", "a label")]);
    // Not the type's tag property: an ordinary input.
    expect(on("gcp:storage/bucket:Bucket", { tags: { team: "t" } }, ["tags.team"])).toEqual([]);
    expect(on("aws:s3/bucket:Bucket", { labels: { team: "t" } }, ["labels.team"])).toEqual([]);
  });

  it("names: name, bucket and any top-level …Name input; nothing nested, nothing merely containing name", () => {
    const paths = ["name", "bucket", "displayName", "bucketName", "nested.name", "config[0].name", "xname", "mybucket", "nameSuffix", "bucketPrefix", "Name", "description"];
    expect(on("aws:s3/bucket:Bucket", {}, paths)).toEqual(
      ["bucket", "bucketName", "displayName", "name"].map((p) => shown(p, "the resource's name")),
    );
  });

  it("reports in path order", () => {
    expect(on("aws:s3/bucket:Bucket", {}, ["tags.b", "name", "tags.a"])).toEqual([shown("name", "the resource's name"), shown("tags.a", "a tag"), shown("tags.b", "a tag")]);
  });
});
