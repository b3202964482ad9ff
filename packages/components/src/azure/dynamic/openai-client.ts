/**
 * Sign-in and client for the Azure OpenAI dynamic providers, on Azure's and OpenAI's own
 * libraries: `@azure/identity`'s DefaultAzureCredential finds the credentials (environment client
 * secret or certificate; workload identity from AZURE_FEDERATED_TOKEN_FILE, AZURE_CLIENT_ID and
 * AZURE_TENANT_ID, as azure/login with OIDC or AKS leaves them; managed identity; the Azure CLI,
 * PowerShell and azd logins; AZURE_TOKEN_CREDENTIALS narrows the chain), and the `openai`
 * package's AzureOpenAI client calls the data plane (files, fine-tuning jobs, evals) with an Entra
 * ID bearer token for Cognitive Services. The accounts have local keys disabled, so no API key.
 *
 * Pulumi serializes a dynamic provider, with every function it calls, into the stack state and
 * runs it later in another process: each function here `require`s the libraries in its own body
 * (which also keeps them out of the CLI's start-up and of previews) and captures nothing else.
 */
import type { AzureOpenAI } from "openai";

export const COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";

/** Where a data-plane call goes: the account's endpoint and the REST API version. */
export interface DataPlaneTarget {
  readonly endpoint: string;
  readonly apiVersion: string;
}

/** An error's message on one line. */
export function oneLine(err: unknown): string {
  return String((err as Error)?.message ?? err)
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim();
}

/**
 * An AzureOpenAI client for the account, signed in: a token is fetched at once, so missing or
 * refused credentials fail with one line naming every credential the chain tried.
 */
export async function azureOpenAiClient(target: DataPlaneTarget): Promise<AzureOpenAI> {
  const { DefaultAzureCredential, getBearerTokenProvider } = require("@azure/identity") as typeof import("@azure/identity");
  const { AzureOpenAI } = require("openai") as typeof import("openai");
  const tokens = getBearerTokenProvider(new DefaultAzureCredential(), "https://cognitiveservices.azure.com/.default");
  try {
    await tokens();
  } catch (err) {
    throw new Error(`Azure OpenAI ${target.endpoint}: no Entra ID token for https://cognitiveservices.azure.com/.default: ${oneLine(err)}`);
  }
  // Throttling (429) and server errors are retried by the client, honouring Retry-After.
  return new AzureOpenAI({ endpoint: target.endpoint, apiVersion: target.apiVersion, azureADTokenProvider: tokens, maxRetries: 4 });
}

/** A failed call: the HTTP status and Azure's error code travel with the one-line message. */
export type DataPlaneError = Error & { status: number; code: string | undefined };

/** The client's error as `<what>: HTTP <status> <code>: <message>`. */
export function dataPlaneError(what: string, err: unknown): DataPlaneError {
  const e = err as { status?: number; code?: string | null; error?: { message?: string; code?: string } | null; message?: string };
  if (typeof e?.status !== "number") return Object.assign(new Error(`${what}: ${oneLine(err)}`), { status: 0, code: undefined });
  const code = e.code ?? e.error?.code ?? undefined;
  const message = oneLine(e.error?.message ?? String(e.message ?? "").replace(/^\d{3}\s*/, ""));
  return Object.assign(new Error(`${what}: HTTP ${e.status}${code ? ` ${code}` : ""}: ${message}`), { status: e.status, code });
}

/** Run one call; its failure becomes a DataPlaneError. */
export async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw dataPlaneError(what, err);
  }
}

export function sleep(seconds: number): Promise<void> {
  return new Promise((r) => setTimeout(r, seconds * 1000));
}
