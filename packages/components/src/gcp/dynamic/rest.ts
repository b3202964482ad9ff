/**
 * A small Vertex AI REST client for the dynamic providers: Application Default Credentials the
 * way Google's client libraries find them, JSON calls with Google's error shape, long-running
 * operations and polling.
 *
 * Pulumi serializes a dynamic provider (and every function it calls) into the stack state and
 * runs it later in a separate process. So every function here is self-contained: it uses only
 * its arguments, other functions of this file, globals (`fetch`, `process`, `Buffer`) and Node
 * built-ins it `require`s in its own body. Nothing here may capture a heavy object.
 */

/** The OAuth scope Vertex AI accepts. */
export const CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

/** Where a Vertex AI call goes: the regional endpoint, or an override (tests, Private Service Connect). */
export interface VertexTarget {
  readonly region: string;
  /** Base URL without the version, e.g. `https://us-central1-aiplatform.googleapis.com`. */
  readonly apiEndpoint?: string | undefined;
}

export function vertexBaseUrl(t: VertexTarget): string {
  const base = t.apiEndpoint && t.apiEndpoint.length > 0 ? t.apiEndpoint : `https://${t.region}-aiplatform.googleapis.com`;
  return base.replace(/\/+$/, "");
}

/** An error from a Google API, carrying the HTTP status and Google's `error.status` (NOT_FOUND …). */
export interface GoogleApiError extends Error {
  readonly httpStatus: number;
  readonly apiStatus: string;
}

export function isNotFound(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as GoogleApiError).httpStatus === 404;
}

/**
 * An access token, found the way Google's client libraries find Application Default Credentials:
 *  1. `GOOGLE_OAUTH_ACCESS_TOKEN` (what the Pulumi gcp provider also accepts as a ready token);
 *  2. the JSON key file named by `GOOGLE_APPLICATION_CREDENTIALS`, else gcloud's well-known
 *     `application_default_credentials.json`: a service-account key is exchanged for a token with
 *     a JWT signed RS256 (RFC 7523, https://developers.google.com/identity/protocols/oauth2/service-account#httprest),
 *     user credentials with their refresh token;
 *  3. the metadata server of the VM, Cloud Run service or GKE pod the program runs on
 *     (`GCE_METADATA_HOST` overrides its address, as in the client libraries).
 */
export async function accessToken(env: Readonly<Record<string, string | undefined>> = process.env): Promise<{ token: string; expiresAt: number }> {
  const fs = require("node:fs") as typeof import("node:fs");
  const path = require("node:path") as typeof import("node:path");
  const os = require("node:os") as typeof import("node:os");
  const now = Date.now();
  if (env.GOOGLE_OAUTH_ACCESS_TOKEN) return { token: env.GOOGLE_OAUTH_ACCESS_TOKEN, expiresAt: now + 3_600_000 };

  let file = env.GOOGLE_APPLICATION_CREDENTIALS;
  if (file && !fs.existsSync(file)) throw new Error(`GOOGLE_APPLICATION_CREDENTIALS names ${file}, which does not exist`);
  if (!file) {
    const dir = process.platform === "win32" && env.APPDATA ? path.join(env.APPDATA, "gcloud") : path.join(env.HOME ?? os.homedir(), ".config", "gcloud");
    const wellKnown = path.join(env.CLOUDSDK_CONFIG ?? dir, "application_default_credentials.json");
    if (fs.existsSync(wellKnown)) file = wellKnown;
  }
  if (file) {
    let creds: Record<string, string>;
    try {
      creds = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
    } catch (err) {
      throw new Error(`${file}: not a JSON credentials file (${(err as Error).message})`);
    }
    if (creds.type === "service_account") return serviceAccountToken(creds, now);
    if (creds.type === "authorized_user") return refreshedUserToken(creds, now);
    throw new Error(`${file}: credentials of type ${JSON.stringify(creds.type)} are not supported; use a service-account key, gcloud user credentials or GOOGLE_OAUTH_ACCESS_TOKEN`);
  }
  return metadataServerToken(env.GCE_METADATA_HOST ?? "metadata.google.internal", now);
}

/** base64url without padding (JWT encoding). */
export function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString("base64").replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

/** The signed JWT a service account presents to the token endpoint. */
export function serviceAccountAssertion(creds: Readonly<Record<string, string>>, nowMs: number): string {
  const crypto = require("node:crypto") as typeof import("node:crypto");
  if (!creds.client_email || !creds.private_key) throw new Error("service-account key: expected client_email and private_key");
  const iat = Math.floor(nowMs / 1000);
  const header = { alg: "RS256", typ: "JWT", ...(creds.private_key_id ? { kid: creds.private_key_id } : {}) };
  const claims = {
    iss: creds.client_email,
    scope: CLOUD_PLATFORM_SCOPE,
    aud: creds.token_uri ?? "https://oauth2.googleapis.com/token",
    iat,
    exp: iat + 3600,
  };
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = crypto.createSign("RSA-SHA256").update(unsigned).sign(creds.private_key);
  return `${unsigned}.${base64url(signature)}`;
}

async function serviceAccountToken(creds: Readonly<Record<string, string>>, nowMs: number): Promise<{ token: string; expiresAt: number }> {
  const body = new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: serviceAccountAssertion(creds, nowMs) });
  return tokenExchange(creds.token_uri ?? "https://oauth2.googleapis.com/token", body, nowMs);
}

async function refreshedUserToken(creds: Readonly<Record<string, string>>, nowMs: number): Promise<{ token: string; expiresAt: number }> {
  const body = new URLSearchParams({
    grant_type: "refresh_token",
    client_id: creds.client_id ?? "",
    client_secret: creds.client_secret ?? "",
    refresh_token: creds.refresh_token ?? "",
  });
  return tokenExchange(creds.token_uri ?? "https://oauth2.googleapis.com/token", body, nowMs);
}

async function tokenExchange(url: string, body: URLSearchParams, nowMs: number): Promise<{ token: string; expiresAt: number }> {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: body.toString() });
  const json = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
  if (!res.ok || !json.access_token) {
    throw new Error(`token exchange at ${url} failed: ${res.status} ${json.error ?? ""} ${json.error_description ?? ""}`.trim());
  }
  return { token: json.access_token, expiresAt: nowMs + (json.expires_in ?? 3600) * 1000 };
}

async function metadataServerToken(host: string, nowMs: number): Promise<{ token: string; expiresAt: number }> {
  const url = `http://${host}/computeMetadata/v1/instance/service-accounts/default/token`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { "Metadata-Flavor": "Google" }, signal: AbortSignal.timeout(3000) });
  } catch {
    throw new Error(
      "no Google credentials: set GOOGLE_APPLICATION_CREDENTIALS to a service-account key, run `gcloud auth application-default login`, set GOOGLE_OAUTH_ACCESS_TOKEN, or run on Google Cloud (metadata server)",
    );
  }
  const json = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number };
  if (!res.ok || !json.access_token) throw new Error(`metadata server token request failed: ${res.status}`);
  return { token: json.access_token, expiresAt: nowMs + (json.expires_in ?? 3600) * 1000 };
}

/** Calls Vertex AI with one token source, refreshed five minutes before it expires. */
export interface VertexClient {
  call<T = Record<string, unknown>>(method: "GET" | "POST" | "PATCH" | "DELETE", resourcePath: string, body?: unknown): Promise<T>;
}

/** `apiVersion`: `v1`, or `v1beta1` for methods only the beta surface has (publisher model configs). */
export function vertexClient(target: VertexTarget, apiVersion: "v1" | "v1beta1" = "v1"): VertexClient {
  const base = vertexBaseUrl(target);
  let cached: { token: string; expiresAt: number } | undefined;
  const token = async () => {
    if (!cached || cached.expiresAt - Date.now() < 300_000) cached = await accessToken();
    return cached.token;
  };
  return {
    async call<T>(method: "GET" | "POST" | "PATCH" | "DELETE", resourcePath: string, body?: unknown): Promise<T> {
      const url = `${base}/${apiVersion}/${resourcePath.replace(/^\/+/, "")}`;
      // Throttling and unavailability are retried with backoff, as the client libraries do.
      for (let attempt = 0; ; attempt++) {
        const res = await fetch(url, {
          method,
          headers: { Authorization: `Bearer ${await token()}`, "Content-Type": "application/json", "x-goog-api-client": "aitracks-pulumi-dynamic" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await res.text();
        if (res.ok) return (text ? JSON.parse(text) : {}) as T;
        if ((res.status === 429 || res.status === 503) && attempt < 4) {
          await new Promise((r) => setTimeout(r, Math.min(500 * 2 ** attempt, 8000)));
          continue;
        }
        let detail: { status?: string; message?: string } = {};
        try {
          detail = ((JSON.parse(text) as { error?: typeof detail }).error ?? {}) as typeof detail;
        } catch {
          detail = { message: text.slice(0, 300) };
        }
        const err = new Error(
          // One line, whatever the API's message holds.
          `Vertex AI ${method} ${resourcePath}: ${res.status} ${detail.status ?? res.statusText}: ${(detail.message ?? "no message").replace(/\s*[\r\n]+\s*/g, " ").trim()}`,
        ) as Error & { httpStatus: number; apiStatus: string };
        err.httpStatus = res.status;
        err.apiStatus = detail.status ?? "";
        throw err;
      }
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

/** A google.longrunning.Operation as Vertex AI returns it. */
export interface Operation {
  readonly name: string;
  readonly done?: boolean;
  readonly error?: { readonly code?: number; readonly message?: string };
  readonly response?: Record<string, unknown>;
}

/** Wait for a long-running operation; its error becomes an exception. */
export async function waitForOperation(client: VertexClient, op: Operation, intervalSeconds: number, timeoutMinutes: number): Promise<Operation> {
  const final = op.done ? op : await pollUntil(() => client.call<Operation>("GET", op.name), (o) => o.done === true, intervalSeconds, timeoutMinutes, op.name);
  if (final.error) throw new Error(`Vertex AI operation ${final.name} failed: ${final.error.message ?? `code ${final.error.code}`}`);
  return final;
}

/** Keys whose change replaces the cloud object: a JSON-equality diff over them. */
export function changedKeys(olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>, keys: readonly string[]): string[] {
  return keys.filter((k) => JSON.stringify(olds[k] ?? null) !== JSON.stringify(news[k] ?? null));
}
