// Entra ID for the Azure OpenAI data plane: a given token, or the client-credentials flow.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { entraToken, fineTuningJobProvider } from "@aitracks/components";
import { FakeAzureOpenAi } from "./azure-fake-openai";
import { created } from "../helpers/defined";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const CLIENT = "6a1b2c3d-0000-4000-8000-00000000c11e";
const SECRET = "s3cret~value";
let aoai: FakeAzureOpenAi;
const KEYS = ["AZURE_OPENAI_AD_TOKEN", "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_AUTHORITY_HOST"];

beforeAll(async () => {
  aoai = await new FakeAzureOpenAi({ token: "minted-token", tenant: TENANT, clientId: CLIENT, clientSecret: SECRET }).start();
});
afterAll(() => aoai.stop());
beforeEach(() => {
  aoai.reset({ jobOutcome: "succeeded" });
  for (const k of KEYS) delete process.env[k];
});

const credentials = (over: Record<string, string> = {}) =>
  Object.assign(process.env, { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET, AZURE_AUTHORITY_HOST: `${aoai.url}/`, ...over });

describe("Entra ID token for https://cognitiveservices.azure.com/.default", () => {
  it("uses AZURE_OPENAI_AD_TOKEN as is, without asking Entra ID", async () => {
    process.env.AZURE_OPENAI_AD_TOKEN = "given-token";
    credentials();
    expect(await entraToken()).toBe("given-token");
    expect(aoai.calls).toHaveLength(0);
  });

  it("otherwise runs the client-credentials flow against {authority}/{tenant}/oauth2/v2.0/token", async () => {
    credentials();
    expect(await entraToken()).toBe("minted-token");
    const [call] = aoai.calls;
    expect(`${call!.method} ${call!.path}`).toBe(`POST /${TENANT}/oauth2/v2.0/token`);
    expect(call!.contentType).toBe("application/x-www-form-urlencoded");
    expect(call!.body).toEqual({ grant_type: "client_credentials", client_id: CLIENT, client_secret: SECRET, scope: "https://cognitiveservices.azure.com/.default" });
  });

  it("calls the data plane with the minted token", async () => {
    credentials();
    const { outs } = created(await fineTuningJobProvider.create({
      endpoint: aoai.url,
      apiVersion: "2024-10-21",
      baseModel: "gpt-4.1-mini-2025-04-14",
      trainingFileId: "file-train0001",
      pollIntervalSeconds: 0.01,
      timeoutMinutes: 1,
    }));
    expect(outs.status).toBe("succeeded");
    const api = aoai.calls.filter((c) => c.path.startsWith("/openai/"));
    expect(api.every((c) => c.authorization === "Bearer minted-token")).toBe(true);
  });

  it("reports a rejected secret with Entra ID's first line, never the secret", async () => {
    credentials({ AZURE_CLIENT_SECRET: "wrong~secret" });
    const err = await entraToken().then(
      () => "no error",
      (e: Error) => e.message,
    );
    expect(err).toBe(
      `Entra ID token for https://cognitiveservices.azure.com/.default (tenant ${TENANT}, client ${CLIENT}): invalid_client: AADSTS7000215: Invalid client secret provided.`,
    );
    expect(err).not.toContain("wrong~secret");
  });

  it("says which variables to set when there are no credentials", async () => {
    await expect(entraToken()).rejects.toThrow(
      "Azure OpenAI data plane: no Entra ID credentials; set AZURE_OPENAI_AD_TOKEN, or AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET",
    );
  });
});
