/**
 * Calls to the Azure OpenAI data plane, for the dynamic providers. Pulumi serializes a dynamic
 * provider's functions with everything they reference, so this file imports nothing and uses
 * only Node's globals (fetch, URLSearchParams, process.env, setTimeout).
 *
 * Authentication is Entra ID only (the accounts have local keys disabled): a bearer token for
 * https://cognitiveservices.azure.com/.default, taken from AZURE_OPENAI_AD_TOKEN, or obtained
 * with the client-credentials flow from AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET
 * at AZURE_AUTHORITY_HOST (default https://login.microsoftonline.com), the same variables the
 * Azure SDKs read.
 */

export const COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";

/** Where a data-plane call goes: the account's endpoint and the REST API version. */
export interface DataPlaneTarget {
  readonly endpoint: string;
  readonly apiVersion: string;
}

/** An Entra ID bearer token for the Cognitive Services scope. */
export async function entraToken(): Promise<string> {
  const direct = process.env.AZURE_OPENAI_AD_TOKEN;
  if (direct) return direct;
  const tenant = process.env.AZURE_TENANT_ID;
  const clientId = process.env.AZURE_CLIENT_ID;
  const secret = process.env.AZURE_CLIENT_SECRET;
  if (!tenant || !clientId || !secret) {
    throw new Error(
      "Azure OpenAI data plane: no Entra ID credentials; set AZURE_OPENAI_AD_TOKEN, or AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET",
    );
  }
  const authority = (process.env.AZURE_AUTHORITY_HOST || "https://login.microsoftonline.com").replace(/\/+$/, "");
  const res = await fetch(`${authority}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret, scope: COGNITIVE_SERVICES_SCOPE }).toString(),
  });
  const text = await res.text();
  let body: { access_token?: string; error?: string; error_description?: string } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: reported below with the status.
  }
  if (!res.ok || !body.access_token) {
    const why = body.error ? `${body.error}: ${(body.error_description ?? "").split("\n")[0]}` : `HTTP ${res.status}`;
    throw new Error(`Entra ID token for ${COGNITIVE_SERVICES_SCOPE} (tenant ${tenant}, client ${clientId}): ${why}`);
  }
  return body.access_token;
}

/** The URL of `/openai/<path>` on the account, with the API version. */
export function dataPlaneUrl(target: DataPlaneTarget, path: string): string {
  return `${target.endpoint.replace(/\/+$/, "")}/openai/${path}?api-version=${encodeURIComponent(target.apiVersion)}`;
}

/** A failed call: the HTTP status and Azure's error code travel with the message. */
export type DataPlaneError = Error & { status: number; code: string | undefined };

/**
 * One JSON call. Throttling (429) and server errors (5xx) are retried up to 4 times, waiting what
 * Retry-After says (at most 60 s) or 1, 2, 4 s; other failures throw with Azure's error message.
 */
export async function callDataPlane<T>(target: DataPlaneTarget, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const url = dataPlaneUrl(target, path);
  for (let attempt = 0; ; attempt++) {
    // A form (file upload) goes as multipart with fetch's boundary; anything else as JSON.
    const form = typeof FormData !== "undefined" && body instanceof FormData;
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: "application/json", ...(body === undefined || form ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: form ? (body as FormData) : JSON.stringify(body) }),
    });
    const text = await res.text();
    if ((res.status === 429 || res.status >= 500) && attempt < 4) {
      const after = Number(res.headers.get("retry-after"));
      const seconds = Number.isFinite(after) && after >= 0 ? Math.min(after, 60) : 2 ** attempt;
      await new Promise((r) => setTimeout(r, seconds * 1000));
      continue;
    }
    let json: any;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = { raw: text };
    }
    if (!res.ok) {
      const err = json?.error ?? {};
      const detail = err.message ?? json?.raw ?? res.statusText;
      // A plain Error (not a class): classes serialize poorly into the provider's closure.
      const failure = new Error(`${method} ${path}: HTTP ${res.status}${err.code ? ` ${err.code}` : ""}: ${String(detail).split("\n")[0]}`);
      throw Object.assign(failure, { status: res.status, code: err.code as string | undefined }) as DataPlaneError;
    }
    return json as T;
  }
}

export function sleep(seconds: number): Promise<void> {
  return new Promise((r) => setTimeout(r, seconds * 1000));
}
