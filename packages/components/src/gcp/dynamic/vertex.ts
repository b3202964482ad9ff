/**
 * Sign-in and clients for the Vertex AI dynamic providers, on Google's own libraries:
 * `google-auth-library` finds Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS
 * with a service-account key, an `external_account` workload-identity-federation file as
 * google-github-actions/auth writes it, or an impersonated service account; gcloud's
 * application-default login; the metadata server of a VM, Cloud Run or GKE), and
 * `@google-cloud/aiplatform` makes the calls over its HTTP/JSON (REST) transport.
 *
 * Pulumi serializes a dynamic provider, with every function it calls, into the stack state and
 * runs it later in another process. So each function here stands alone: it `require`s the
 * libraries in its own body (which also keeps them out of the CLI's start-up and of previews,
 * which never call a provider) and captures nothing else.
 */
import type { GoogleAuth } from "google-auth-library";

/** The OAuth scope Vertex AI accepts. */
export const CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

/** Where a Vertex AI call goes: the regional endpoint, or an override (tests, Private Service Connect). */
export interface VertexTarget {
  /** The project the calls are for (also what the auth library would otherwise look up). */
  readonly project: string;
  readonly region: string;
  /** Base URL without the version, e.g. `https://us-central1-aiplatform.googleapis.com`. */
  readonly apiEndpoint?: string | undefined;
}

/** The endpoint as Google's clients take it: host, port and protocol, and the base URL. */
export interface VertexEndpoint {
  readonly apiEndpoint: string;
  readonly port: number;
  readonly protocol: "http" | "https";
  readonly baseUrl: string;
}

export function vertexEndpoint(t: VertexTarget): VertexEndpoint {
  const url = new URL(t.apiEndpoint && t.apiEndpoint.length > 0 ? t.apiEndpoint : `https://${t.region}-aiplatform.googleapis.com`);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { apiEndpoint: url.hostname, port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443, protocol, baseUrl: `${protocol}://${url.host}` };
}

/** An error's message on one line. */
export function oneLine(err: unknown): string {
  return String((err as Error)?.message ?? err)
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim();
}

/**
 * Application Default Credentials, proven before any call: a token is fetched (or, for a
 * service-account key, a JWT signed) at once, so a missing or refused credential fails with one
 * line naming where the library looked or which credential was refused.
 */
export async function googleSignIn(t: VertexTarget): Promise<GoogleAuth> {
  const { GoogleAuth } = require("google-auth-library") as typeof import("google-auth-library");
  const path = require("node:path") as typeof import("node:path");
  const os = require("node:os") as typeof import("node:os");
  const e = vertexEndpoint(t);
  // The project is known: without it the library would look it up (Resource Manager, metadata server).
  const auth = new GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE], projectId: t.project });
  // What Google's generated clients set: a service-account key signs its own JWT for the API.
  auth.useJWTAccessWithScope = true;
  auth.defaultServicePath = e.apiEndpoint;
  const file = process.env.GOOGLE_APPLICATION_CREDENTIALS;
  let client: Awaited<ReturnType<GoogleAuth["getClient"]>>;
  try {
    client = await auth.getClient();
  } catch (err) {
    const gcloudDir = process.env.CLOUDSDK_CONFIG ?? (process.platform === "win32" && process.env.APPDATA ? path.join(process.env.APPDATA, "gcloud") : path.join(os.homedir(), ".config", "gcloud"));
    const tried = file
      ? `GOOGLE_APPLICATION_CREDENTIALS=${file}`
      : `GOOGLE_APPLICATION_CREDENTIALS (not set), ${path.join(gcloudDir, "application_default_credentials.json")} (gcloud auth application-default login), the metadata server at ${process.env.GCE_METADATA_HOST ?? "metadata.google.internal"}`;
    throw new Error(`no Google credentials: tried ${tried}: ${oneLine(err)}`);
  }
  try {
    await client.getRequestHeaders(`${e.baseUrl}/`);
  } catch (err) {
    const kind = client.constructor.name;
    const where = file ? `GOOGLE_APPLICATION_CREDENTIALS=${file}` : kind === "Compute" ? `the metadata server at ${process.env.GCE_METADATA_HOST ?? "metadata.google.internal"}` : "gcloud's application default credentials";
    throw new Error(`Google sign-in refused (${kind} credentials from ${where}): ${oneLine(err)}`);
  }
  return auth;
}

/**
 * Options for an `@google-cloud/aiplatform` client: the REST transport (HTTP/JSON, what the
 * local fakes and Private Service Connect for Google APIs both speak) at the target's endpoint,
 * signed in with `auth`.
 */
export function vertexClientOptions(t: VertexTarget, auth: GoogleAuth): { apiEndpoint: string; port: number; protocol: string; fallback: boolean; auth: GoogleAuth } {
  const e = vertexEndpoint(t);
  return { apiEndpoint: e.apiEndpoint, port: e.port, protocol: e.protocol, fallback: true, auth };
}

/** A Google API error as the client raises it, on one line: `Vertex AI <what>: <STATUS>: <message>`. */
export function vertexError(what: string, err: unknown): Error & { notFound: boolean } {
  const e = err as { code?: number | string; message?: string; details?: string };
  const codes = ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"];
  let status = typeof e?.code === "number" ? (e.code >= 100 ? String(e.code) : (codes[e.code] ?? String(e.code))) : String(e?.code ?? "ERROR");
  let message = oneLine(e?.details || e?.message || err).replace(/^\d+ [A-Z_]+: /, "");
  // The REST transport may hand over Google's error body as it came: {"error": {code, message, status}}.
  try {
    const body = JSON.parse(message) as { error?: { message?: string; status?: string } };
    if (body.error?.message) {
      message = oneLine(body.error.message);
      status = body.error.status ?? status;
    }
  } catch {
    // Not a JSON body: the message stands.
  }
  return Object.assign(new Error(`Vertex AI ${what}: ${status}: ${message}`), { notFound: e?.code === 5 || e?.code === 404 || status === "NOT_FOUND" });
}

export function isNotFound(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { notFound?: boolean }).notFound === true;
}

/** How the client polls a long-running operation: every `intervalSeconds`, for at most `timeoutMinutes`. */
export function operationPolling(intervalSeconds: number, timeoutMinutes: number): Record<string, unknown> {
  const every = Math.max(1, Math.round(intervalSeconds * 1000));
  return {
    longrunning: {
      initialRetryDelayMillis: every,
      retryDelayMultiplier: 1,
      maxRetryDelayMillis: every,
      initialRpcTimeoutMillis: null,
      rpcTimeoutMultiplier: null,
      maxRpcTimeoutMillis: null,
      totalTimeoutMillis: Math.round(timeoutMinutes * 60_000),
    },
  };
}

/**
 * Poll `get` every `intervalSeconds` until `done` says so, or fail after `timeoutMinutes`.
 * Returns the last value read.
 */
export async function pollUntil<T>(get: () => Promise<T>, done: (v: T) => boolean, intervalSeconds: number, timeoutMinutes: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMinutes * 60_000;
  for (;;) {
    const v = await get();
    if (done(v)) return v;
    if (Date.now() >= deadline) throw new Error(`${what}: still not finished after ${timeoutMinutes} minutes`);
    await new Promise((r) => setTimeout(r, intervalSeconds * 1000));
  }
}

/** Keys whose change replaces the cloud object: a JSON-equality diff over them. */
export function changedKeys(olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>, keys: readonly string[]): string[] {
  return keys.filter((k) => JSON.stringify(olds[k] ?? null) !== JSON.stringify(news[k] ?? null));
}
