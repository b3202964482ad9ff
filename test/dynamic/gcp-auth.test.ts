import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { accessToken, CLOUD_PLATFORM_SCOPE, serviceAccountAssertion, tuningJobProvider } from "@aitracks/components";
import { FakeVertex } from "./gcp-fake-vertex";
import { created } from "../helpers/defined";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
const TOKEN = "ya29.exchanged";
let google: FakeVertex;
const dir = mkdtempSync(join(tmpdir(), "aitracks-adc-"));
/** A HOME without gcloud's well-known credentials file. */
const emptyHome = mkdtempSync(join(tmpdir(), "aitracks-home-"));

beforeAll(async () => {
  google = await new FakeVertex({ token: TOKEN, publicKey }).start();
});
afterAll(() => google.stop());

function keyFile(content: object): string {
  const file = join(dir, `key-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(content));
  return file;
}
const serviceAccountKey = () => ({
  type: "service_account",
  project_id: "acme-ml",
  private_key_id: "0123456789abcdef",
  private_key: privateKey,
  client_email: "deployer@acme-ml.iam.gserviceaccount.com",
  token_uri: `${google.url}/token`,
});

describe("Application Default Credentials, as Google's client libraries find them", () => {
  it("uses GOOGLE_OAUTH_ACCESS_TOKEN first, without calling anything", async () => {
    const before = google.calls.length;
    const t = await accessToken({ GOOGLE_OAUTH_ACCESS_TOKEN: "ya29.given", GOOGLE_APPLICATION_CREDENTIALS: "/nonexistent.json" });
    expect(t.token).toBe("ya29.given");
    expect(google.calls.length).toBe(before);
  });

  it("exchanges a service-account key for a token with a JWT signed RS256 by its private key", async () => {
    const t = await accessToken({ GOOGLE_APPLICATION_CREDENTIALS: keyFile(serviceAccountKey()), HOME: emptyHome });
    expect(t.token).toBe(TOKEN);
    const { header, claims } = google.assertions.at(-1);
    expect(header).toEqual({ alg: "RS256", typ: "JWT", kid: "0123456789abcdef" });
    expect(claims.iss).toBe("deployer@acme-ml.iam.gserviceaccount.com");
    expect(claims.aud).toBe(`${google.url}/token`);
    expect(claims.scope).toBe(CLOUD_PLATFORM_SCOPE);
    expect(claims.exp - claims.iat).toBe(3600);
    const exchange = google.calls.filter((c) => c.path === "/token").at(-1)!;
    expect(exchange.body.grant_type).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
  });

  it("signs verifiably: a JWT from another key is refused by the token endpoint", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    await expect(accessToken({ GOOGLE_APPLICATION_CREDENTIALS: keyFile({ ...serviceAccountKey(), private_key: other.privateKey }) })).rejects.toThrow(
      /token exchange at .*\/token failed: 400 invalid_grant Invalid JWT Signature\./,
    );
    const jwt = serviceAccountAssertion({ ...serviceAccountKey() }, Date.UTC(2026, 10, 29, 12) );
    expect(JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()).iat).toBe(Date.UTC(2026, 10, 29, 12) / 1000);
  });

  it("refreshes gcloud user credentials (authorized_user) with their refresh token", async () => {
    const file = keyFile({ type: "authorized_user", client_id: "cid", client_secret: "secret", refresh_token: "user-refresh", token_uri: `${google.url}/token` });
    const t = await accessToken({ GOOGLE_APPLICATION_CREDENTIALS: file });
    expect(t.token).toBe(TOKEN);
    expect(google.calls.at(-1)!.body).toMatchObject({ grant_type: "refresh_token", client_id: "cid", refresh_token: "user-refresh" });
  });

  it("finds gcloud's well-known file when no variable is set", async () => {
    const config = mkdtempSync(join(tmpdir(), "aitracks-gcloud-"));
    writeFileSync(join(config, "application_default_credentials.json"), JSON.stringify(serviceAccountKey()));
    const t = await accessToken({ CLOUDSDK_CONFIG: config, HOME: emptyHome });
    expect(t.token).toBe(TOKEN);
  });

  it("falls back to the metadata server (GCE_METADATA_HOST), asking with Metadata-Flavor: Google", async () => {
    const host = google.url.replace("http://", "");
    const t = await accessToken({ GCE_METADATA_HOST: host, HOME: emptyHome });
    expect(t.token).toBe(TOKEN);
    expect(google.calls.at(-1)!.path).toBe("/computeMetadata/v1/instance/service-accounts/default/token");
  });

  it("says what to do when there are no credentials at all", async () => {
    await expect(accessToken({ GCE_METADATA_HOST: "127.0.0.1:1", HOME: emptyHome })).rejects.toThrow(/^no Google credentials: set GOOGLE_APPLICATION_CREDENTIALS/);
    await expect(accessToken({ GOOGLE_APPLICATION_CREDENTIALS: join(dir, "missing.json") })).rejects.toThrow(/names .*missing\.json, which does not exist/);
    await expect(accessToken({ GOOGLE_APPLICATION_CREDENTIALS: keyFile({ type: "external_account" }) })).rejects.toThrow(/credentials of type "external_account" are not supported/);
  });

  it("drives the tuning API with the exchanged token when only a key file is configured", async () => {
    delete process.env.GOOGLE_OAUTH_ACCESS_TOKEN;
    process.env.GOOGLE_APPLICATION_CREDENTIALS = keyFile(serviceAccountKey());
    const { outs } = created(await tuningJobProvider.create({
      project: "acme-ml",
      region: "us-central1",
      apiEndpoint: google.url,
      baseModel: "gemini-2.5-flash",
      tunedModelDisplayName: "t",
      trainingDatasetUri: "gs://b/t.jsonl",
      waitForCompletion: false,
    }));
    expect(outs.state).toBe("JOB_STATE_PENDING");
    expect(google.apiCalls().at(-1)!.authorization).toBe(`Bearer ${TOKEN}`);
  });
});
