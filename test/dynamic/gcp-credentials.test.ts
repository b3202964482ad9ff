// @ts-nocheck
// How the Vertex AI providers sign in: Application Default Credentials through google-auth-library,
// each path against local fakes (GitHub's OIDC endpoint, Google STS, IAM credentials, the metadata
// server, Vertex AI), and each failure on one line naming what was tried.
import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLOUD_PLATFORM_SCOPE, tuningJobProvider, VertexTuningJob, type TuningJobInputs } from "@aitracks/components";
import { previewInline } from "@aitracks/preview";
import { created } from "../helpers/defined";
import { FakeVertex, forgetMetadataServer, GITHUB_REQUEST_TOKEN, WIF_AUDIENCE } from "./gcp-fake-vertex";

const run = promisify(execFile);
const TOKEN = "ya29.impersonated-deployer";
const SA = "aitracks-deployer@acme-ml.iam.gserviceaccount.com";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
const vertex = new FakeVertex({ token: TOKEN, publicKey });
const dir = mkdtempSync(join(tmpdir(), "aitracks-gcp-creds-"));
const noGcloud = mkdtempSync(join(tmpdir(), "aitracks-no-gcloud-"));
const saved = { ...process.env };

function file(name: string, content: object): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

/** The credential file google-github-actions/auth writes for workload identity federation with a service account. */
const githubActionsCredentials = () => ({
  type: "external_account",
  audience: WIF_AUDIENCE,
  subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
  token_url: `${vertex.url}/sts/v1/token`,
  service_account_impersonation_url: `${vertex.url}/iam/v1/projects/-/serviceAccounts/${SA}:generateAccessToken`,
  credential_source: {
    url: `${vertex.url}/github/oidc?api-version=2.0&audience=${encodeURIComponent(`https:${WIF_AUDIENCE}`)}`,
    headers: { Authorization: `Bearer ${GITHUB_REQUEST_TOKEN}` },
    format: { type: "json", subject_token_field_name: "value" },
  },
});

const inputs = (over: Partial<TuningJobInputs> = {}): TuningJobInputs => ({
  project: "acme-ml",
  region: "us-central1",
  apiEndpoint: vertex.url,
  baseModel: "gemini-2.5-flash",
  tunedModelDisplayName: "creds",
  trainingDatasetUri: "gs://acme-ml-data/t.jsonl",
  waitForCompletion: false,
  ...over,
});
const failure = (p: Promise<unknown>) =>
  p.then(
    () => "no error",
    (e: Error) => e.message,
  );

/** Only the given credentials: no gcloud login, a metadata server nobody answers at. */
function only(env: Record<string, string>) {
  for (const k of ["GOOGLE_APPLICATION_CREDENTIALS", "GCE_METADATA_HOST", "CLOUDSDK_CONFIG"]) delete process.env[k];
  Object.assign(process.env, { CLOUDSDK_CONFIG: noGcloud, GCE_METADATA_HOST: "127.0.0.1:1" }, env);
}

beforeAll(() => vertex.start());
afterAll(async () => {
  process.env = saved;
  await vertex.stop();
});
beforeEach(() => {
  forgetMetadataServer();
  vertex.calls.length = 0;
  vertex.assertions.length = 0;
  vertex.stsRefuses = false;
});

describe("signing in to Vertex AI with Application Default Credentials", () => {
  it("uses the workload identity federation file google-github-actions/auth writes: GitHub OIDC -> STS -> impersonated service account", async () => {
    only({ GOOGLE_APPLICATION_CREDENTIALS: file("wif.json", githubActionsCredentials()) });
    const { outs } = created(await tuningJobProvider.create(inputs()));
    expect(outs.state).toBe("JOB_STATE_PENDING");
    const steps = vertex.calls.map((c) => `${c.method} ${c.path}`);
    expect(steps).toEqual([
      "GET /github/oidc",
      "POST /sts/v1/token",
      `POST /iam/v1/projects/-/serviceAccounts/${SA}:generateAccessToken`,
      "POST /v1/projects/acme-ml/locations/us-central1/tuningJobs",
    ]);
    // STS got GitHub's token for the pool's audience; IAM was asked for a cloud-platform token.
    expect(vertex.calls[1]!.body).toMatchObject({ grant_type: "urn:ietf:params:oauth:grant-type:token-exchange", audience: WIF_AUDIENCE, subject_token: "eyJ.github-oidc.jwt" });
    expect(vertex.calls[2]!.body.scope).toEqual([CLOUD_PLATFORM_SCOPE]);
    expect(vertex.apiCalls()[0]!.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("fails on one line naming the credential file when STS refuses the exchange", async () => {
    const wif = file("wif-refused.json", githubActionsCredentials());
    only({ GOOGLE_APPLICATION_CREDENTIALS: wif });
    vertex.stsRefuses = true;
    const message = await failure(tuningJobProvider.create(inputs()));
    expect(message).not.toContain("\n");
    expect(message).toMatch(new RegExp(`^Google sign-in refused \\(\\w+ credentials from GOOGLE_APPLICATION_CREDENTIALS=${wif.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\): .*invalid_grant`));
    expect(vertex.apiCalls()).toHaveLength(0);
  });

  it("signs its own JWT with a service-account key, which Vertex AI verifies", async () => {
    only({
      GOOGLE_APPLICATION_CREDENTIALS: file("sa.json", {
        type: "service_account",
        project_id: "acme-ml",
        private_key_id: "0123456789abcdef",
        private_key: privateKey,
        client_email: SA,
        token_uri: "https://oauth2.googleapis.com/token",
      }),
    });
    const { outs } = created(await tuningJobProvider.create(inputs()));
    expect(outs.state).toBe("JOB_STATE_PENDING");
    // No token endpoint: the API itself got a JWT that verifies with the key's public key.
    expect(vertex.calls.map((c) => c.path)).toEqual(["/v1/projects/acme-ml/locations/us-central1/tuningJobs"]);
    const { header, claims } = vertex.assertions[0];
    expect(header).toMatchObject({ alg: "RS256", kid: "0123456789abcdef" });
    expect(claims).toMatchObject({ iss: SA, sub: SA, scope: CLOUD_PLATFORM_SCOPE });
  });

  it("asks the metadata server (GCE_METADATA_HOST) on a VM, Cloud Run or GKE", async () => {
    only({ GCE_METADATA_HOST: vertex.host });
    await tuningJobProvider.create(inputs());
    const token = vertex.calls.find((c) => c.path === "/computeMetadata/v1/instance/service-accounts/default/token");
    expect(token).toBeDefined();
    expect(vertex.apiCalls()[0]!.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("fails on one line naming everywhere it looked when there are no credentials", async () => {
    only({});
    const message = await failure(tuningJobProvider.create(inputs()));
    expect(message).not.toContain("\n");
    expect(message).toContain("no Google credentials: tried GOOGLE_APPLICATION_CREDENTIALS (not set), ");
    expect(message).toContain(join(noGcloud, "application_default_credentials.json"));
    expect(message).toContain("the metadata server at 127.0.0.1:1");
    expect(vertex.calls).toHaveLength(0);
  });

  it("fails on one line when GOOGLE_APPLICATION_CREDENTIALS names a missing file", async () => {
    const missing = join(dir, "missing.json");
    only({ GOOGLE_APPLICATION_CREDENTIALS: missing });
    const message = await failure(tuningJobProvider.create(inputs()));
    expect(message).toMatch(new RegExp(`^no Google credentials: tried GOOGLE_APPLICATION_CREDENTIALS=${missing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
    expect(message).not.toContain("\n");
  });
});

describe("the serialized provider in a fresh process", async () => {
  const graph = await previewInline({ program: () => new VertexTuningJob("job", inputs()) });
  const serialized = String(graph.resources.find((r) => r.type === "pulumi-nodejs:dynamic/vertex:TuningJob")!.inputs.__provider);

  it("signs in with the workflow's federated credentials from its own environment and creates, cancels and reads the job", async () => {
    const providerFile = join(dir, "provider.js");
    writeFileSync(providerFile, serialized);
    // Loaded the way Pulumi's dynamic provider host loads it: from the text, resolving modules from the program's folder.
    const script = `const rfs = require(require.resolve("require-from-string", { paths: [require.resolve("@pulumi/pulumi")] }));
const p = rfs(require("node:fs").readFileSync(${JSON.stringify(providerFile)}, "utf8")).handler();
(async () => {
  const made = await p.create(${JSON.stringify(inputs())});
  await p.delete(made.id, made.outs);
  const read = await p.read(made.id, made.outs);
  process.stdout.write(JSON.stringify({ id: made.id, state: read.props.state }));
})().catch((e) => { process.stderr.write(e.message); process.exit(3); });`;
    const env = { PATH: process.env.PATH ?? "", HOME: dir, CLOUDSDK_CONFIG: noGcloud, GCE_METADATA_HOST: "127.0.0.1:1", GOOGLE_APPLICATION_CREDENTIALS: file("wif-fresh.json", githubActionsCredentials()) };
    const { stdout } = await run(process.execPath, ["-e", script], { cwd: process.cwd(), env });
    const result = JSON.parse(stdout);
    // Created, found running and cancelled on delete, read back as cancelled.
    expect(result.state).toBe("JOB_STATE_CANCELLED");
    const api = vertex.apiCalls();
    expect(api.map((c) => `${c.method} ${c.path.replace(result.id, "{job}")}`)).toEqual([
      "POST /v1/projects/acme-ml/locations/us-central1/tuningJobs",
      "GET /v1/{job}",
      "POST /v1/{job}:cancel",
      "GET /v1/{job}",
    ]);
    expect(api.every((c) => c.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });
});
