// @ts-nocheck
// How the Azure OpenAI providers sign in: @azure/identity's DefaultAzureCredential, each path
// against a local Entra ID (https, trusted through NODE_EXTRA_CA_CERTS) and a local Azure OpenAI
// data plane. The providers run as Pulumi runs them: serialized, revived in a fresh process whose
// environment holds only the credentials under test.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AzureOpenAiFineTuningJob } from "@aitracks/components";
import { previewInline } from "@aitracks/preview";
import { FakeAzureOpenAi } from "./azure-fake-openai";
import { ENTRA_CA_FILE, FakeEntra } from "./azure-fake-entra";

const run = promisify(execFile);
const TOKEN = "entra-access-token";
const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const CLIENT = "0f6b5c4a-1111-2222-3333-444455556666";
const GITHUB_OIDC = "eyJ.github-actions-oidc.jwt";
const SECRET = "client-secret-value~1";
const dir = mkdtempSync(join(tmpdir(), "aitracks-azure-creds-"));
const federatedTokenFile = join(dir, "azure-identity-token");
writeFileSync(federatedTokenFile, GITHUB_OIDC);
let aoai: FakeAzureOpenAi;
let entra: FakeEntra;
/** HTTPS_PROXY: MSAL's instance discovery (login.microsoftonline.com) reaches the fake through it, as a real run reaches Entra. */
let proxy: Record<string, string>;

beforeAll(async () => {
  aoai = await new FakeAzureOpenAi({ token: TOKEN }).start();
  entra = await new FakeEntra({ tenant: TENANT, clientId: CLIENT, token: TOKEN, federatedAssertion: GITHUB_OIDC, clientSecret: SECRET }).start();
  proxy = { HTTPS_PROXY: await entra.discoveryProxy(), NO_PROXY: "127.0.0.1" };
});
afterAll(async () => {
  await aoai.stop();
  await entra.stop();
});
beforeEach(() => {
  aoai.reset({ jobOutcome: "succeeded" });
  entra.calls.length = 0;
});

const providerFile = join(dir, "provider.js");
beforeAll(async () => {
  const graph = await previewInline({
    program: () => new AzureOpenAiFineTuningJob("job", { endpoint: "https://placeholder.openai.azure.com/", baseModel: "gpt-4o-mini-2024-07-18", trainingFileId: "file-abcdef" }),
  });
  writeFileSync(providerFile, String(graph.resources.find((r) => r.type === "pulumi-nodejs:dynamic/azure-openai:FineTuningJob")!.inputs.__provider));
});

/** create, read and delete with the serialized provider in a fresh process with only `env`; its result, or its error message. */
async function lifecycle(env: Record<string, string>): Promise<{ ok: boolean; out: string }> {
  const inputs = { endpoint: aoai.url, apiVersion: "2024-10-21", baseModel: "gpt-4o-mini-2024-07-18", trainingFileId: "file-abcdef", pollIntervalSeconds: 0.01, timeoutMinutes: 1 };
  // Loaded the way Pulumi's dynamic provider host loads it: from the text, resolving modules from the program's folder.
  const script = `const rfs = require(require.resolve("require-from-string", { paths: [require.resolve("@pulumi/pulumi")] }));
const p = rfs(require("node:fs").readFileSync(${JSON.stringify(providerFile)}, "utf8")).handler();
(async () => {
  const made = await p.create(${JSON.stringify(inputs)});
  const read = await p.read(made.id, made.outs);
  await p.delete(made.id, read.props);
  process.stdout.write(JSON.stringify({ id: made.id, status: read.props.status, model: read.props.fineTunedModel }));
})().catch((e) => { process.stdout.write(e.message); process.exit(3); });`;
  const base = { PATH: "/usr/bin:/bin", HOME: dir, NODE_EXTRA_CA_CERTS: ENTRA_CA_FILE, AZURE_AUTHORITY_HOST: entra.url, ...proxy };
  try {
    const { stdout } = await run(process.execPath, ["-e", script], { cwd: process.cwd(), env: { ...base, ...env } });
    return { ok: true, out: stdout };
  } catch (err) {
    return { ok: false, out: String((err as { stdout?: string }).stdout) };
  }
}

describe("signing in to Azure OpenAI with DefaultAzureCredential (serialized provider, fresh process)", () => {
  it("uses the federated token file azure/login's OIDC leaves (workload identity), and the data plane gets Entra's token", async () => {
    const r = await lifecycle({ AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, AZURE_FEDERATED_TOKEN_FILE: federatedTokenFile });
    expect(r.ok, r.out).toBe(true);
    expect(JSON.parse(r.out)).toMatchObject({ status: "succeeded" });
    const grant = entra.calls.find((c) => c.path === `/${TENANT}/oauth2/v2.0/token`)!;
    expect(grant.body).toMatchObject({
      grant_type: "client_credentials",
      client_id: CLIENT,
      scope: "https://cognitiveservices.azure.com/.default",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: GITHUB_OIDC,
    });
    // create (POST + polls), read, delete: every data-plane call carries Entra's token.
    expect(aoai.apiCalls()[0]).toBe("POST /openai/fine_tuning/jobs");
    expect(aoai.calls.every((c) => c.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("uses an environment client secret (AZURE_CLIENT_SECRET), and the data plane gets Entra's token", async () => {
    const r = await lifecycle({ AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, AZURE_CLIENT_SECRET: SECRET });
    expect(r.ok, r.out).toBe(true);
    expect(JSON.parse(r.out)).toMatchObject({ status: "succeeded" });
    const grant = entra.calls.find((c) => c.path === `/${TENANT}/oauth2/v2.0/token`)!;
    expect(grant.body).toMatchObject({ grant_type: "client_credentials", client_id: CLIENT, client_secret: SECRET, scope: "https://cognitiveservices.azure.com/.default" });
    expect(grant.body.client_assertion).toBeUndefined();
    expect(entra.calls.some((c) => c.path === "/common/discovery/instance")).toBe(true);
    expect(aoai.calls.length).toBeGreaterThan(0);
    expect(aoai.calls.every((c) => c.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("fails on one line, without echoing the secret, when Entra refuses the client secret", async () => {
    const r = await lifecycle({ AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, AZURE_CLIENT_SECRET: "wrong-secret-value" });
    expect(r.ok).toBe(false);
    expect(r.out).not.toContain("\n");
    expect(r.out).toMatch(/no Entra ID token for https:\/\/cognitiveservices\.azure\.com\/\.default: .*AADSTS7000215/);
    expect(r.out).not.toContain("wrong-secret-value");
    expect(aoai.calls).toHaveLength(0);
  });

  it("fails on one line naming the refusal when Entra refuses the federated token", async () => {
    const other = join(dir, "other-token");
    writeFileSync(other, "eyJ.some-other-repo.jwt");
    const r = await lifecycle({ AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, AZURE_FEDERATED_TOKEN_FILE: other });
    expect(r.ok).toBe(false);
    expect(r.out).not.toContain("\n");
    expect(r.out).toMatch(/^Azure OpenAI http:\/\/127\.0\.0\.1:\d+: no Entra ID token for https:\/\/cognitiveservices\.azure\.com\/\.default: .*AADSTS700213: No matching federated identity record/);
    expect(aoai.calls).toHaveLength(0);
  });

  it("fails on one line naming every credential tried when there are none", async () => {
    const r = await lifecycle({});
    expect(r.ok).toBe(false);
    expect(r.out).not.toContain("\n");
    expect(r.out).toMatch(/^Azure OpenAI .*: no Entra ID token for https:\/\/cognitiveservices\.azure\.com\/\.default: /);
    for (const tried of ["EnvironmentCredential", "ManagedIdentityCredential", "Azure CLI", "PowerShell", "Azure Developer CLI"]) expect(r.out).toContain(tried);
    expect(aoai.calls).toHaveLength(0);
  });
});
