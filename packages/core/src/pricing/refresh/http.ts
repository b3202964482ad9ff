import { RefreshError } from "./types";

/**
 * How the refresh talks HTTP. One code path for the real endpoints and for the tests' local
 * server: only the URLs differ.
 *
 * - Each try has its own AbortController timer (`timeoutMs`): for JSON pages it bounds the whole
 *   request (headers and body); for streamed downloads it bounds the silence between chunks,
 *   so a 300 MB file on a slow link is fine but a stalled one is not.
 * - 429 and 5xx are retried with exponential back-off (`baseDelayMs` x 1, 2, 4...), up to
 *   `maxTries` tries in all; a Retry-After header (seconds or an HTTP date) replaces the back-off.
 *   A connection that fails before any response is retried the same way. A timeout, a 4xx, a
 *   response cut off mid-body or a malformed body is not retried: it fails the refresh.
 * - `deadline` bounds the whole refresh: every request, body and back-off wait ends by then, so
 *   a download that trickles a byte at a time (never silent long enough for `timeoutMs`) still ends.
 * - Redirects are followed only on the host of the URL asked for (same scheme or http -> https);
 *   one to another host (a link-local metadata address, a mirror we were not pointed at) fails.
 * - `delayScale` multiplies every wait (tests run with a small one).
 */
export interface HttpOptions {
  readonly timeoutMs: number;
  readonly maxTries: number;
  readonly baseDelayMs: number;
  readonly delayScale: number;
  /** A Retry-After longer than this (before scaling) fails the refresh instead of sleeping. */
  readonly maxRetryAfterMs: number;
  /** Largest JSON page read into memory. */
  readonly maxJsonBytes: number;
  /** When the whole refresh must be done (epoch ms), and its length for the message. */
  readonly deadline?: { readonly at: number; readonly ms: number };
  readonly fetch: typeof fetch;
  /** Aborts every request (another cloud failed). */
  readonly signal?: AbortSignal;
  onRetry?(message: string): void;
}

export const HTTP_DEFAULTS = {
  timeoutMs: 30_000,
  maxTries: 4,
  baseDelayMs: 1_000,
  delayScale: 1,
  maxRetryAfterMs: 120_000,
  maxJsonBytes: 256 * 1024 * 1024,
} as const;

/** Redirects followed per request, all on the requested host. */
const MAX_REDIRECTS = 5;

/** Thrown when the shared signal aborted this request: not a cause in itself. */
export class Aborted extends Error {
  constructor() {
    super("aborted");
    this.name = "Aborted";
  }
}

class Retryable extends Error {
  constructor(
    readonly reason: string,
    readonly retryAfterMs?: number,
  ) {
    super(reason);
  }
}

/** The URL as it may be shown: API keys and tokens removed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const k of [...u.searchParams.keys()]) {
      if (/^(key|api[-_]?key|access_token|token|sig|signature)$/i.test(k)) u.searchParams.set(k, "REDACTED");
    }
    return u.toString();
  } catch {
    return url.replace(/([?&](?:key|api_?key|access_token|token)=)[^&]*/gi, "$1REDACTED");
  }
}

/** Retry-After: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number(s.toPrecision(3))} s`;
}

function netCause(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Aborted());
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new Aborted());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** A short, one-line reason from an error body (GCP and Azure wrap it in JSON). */
async function errorDetail(res: Response): Promise<string> {
  let text = "";
  try {
    text = (await res.text()).slice(0, 4000);
  } catch {
    return "";
  }
  try {
    const j = JSON.parse(text) as { error?: { message?: string } | string; Error?: { Message?: string }; message?: string };
    const m = typeof j.error === "string" ? j.error : (j.error?.message ?? j.Error?.Message ?? j.message);
    if (m) text = m;
  } catch {
    // not JSON: use the text
  }
  text = text.replace(/\s+/g, " ").trim();
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

type Consume<T> = (body: ReadableStream<Uint8Array>, touch: () => void) => Promise<T>;

/** One try. Throws Retryable, RefreshError or Aborted. */
/** The past-deadline failure, naming the request that was under way. */
function pastDeadline(http: HttpOptions, doing: string): RefreshError {
  return new RefreshError(`did not finish within the ${seconds(http.deadline?.ms ?? 0)} deadline (--deadline): ${doing}`);
}

/** GET with redirects followed only on the requested host; any other target is refused. */
async function fetchOnHost(url: string, http: HttpOptions, signal: AbortSignal): Promise<Response> {
  const origin = new URL(url);
  let current = url;
  for (let hops = 0; ; hops++) {
    const res = await http.fetch(current, {
      signal,
      redirect: "manual",
      headers: { accept: "application/json", "user-agent": "aitracks-pricing-refresh" },
    });
    if (![301, 302, 303, 307, 308].includes(res.status)) return res;
    await res.body?.cancel().catch(() => undefined);
    const location = res.headers.get("location");
    const shown = redactUrl(current);
    if (!location) throw new RefreshError(`HTTP ${res.status} redirect from ${shown} without a Location`, shown);
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new RefreshError(`HTTP ${res.status} redirect from ${shown} to an unreadable Location`, shown);
    }
    const sameHost = next.host === origin.host && (next.protocol === origin.protocol || (origin.protocol === "http:" && next.protocol === "https:"));
    if (!sameHost) {
      throw new RefreshError(`refused a redirect from ${shown} to ${redactUrl(next.toString())}: it leaves ${origin.host}`, shown);
    }
    if (hops + 1 >= MAX_REDIRECTS) throw new RefreshError(`more than ${MAX_REDIRECTS} redirects from ${redactUrl(url)}`, redactUrl(url));
    current = next.toString();
  }
}

async function once<T>(url: string, http: HttpOptions, idle: boolean, consume: Consume<T>): Promise<T> {
  const shown = redactUrl(url);
  const ac = new AbortController();
  let timedOut = false;
  let overdue = false;
  let timer: NodeJS.Timeout | undefined;
  let deadlineTimer: NodeJS.Timeout | undefined;
  if (http.deadline) {
    const left = http.deadline.at - Date.now();
    if (left <= 0) throw pastDeadline(http, `no time left to ask ${shown}`);
    deadlineTimer = setTimeout(() => {
      overdue = true;
      ac.abort();
    }, left);
  }
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
    }, http.timeoutMs);
  };
  const onOuterAbort = () => ac.abort();
  http.signal?.addEventListener("abort", onOuterAbort, { once: true });
  let phase: "connect" | "body" = "connect";
  arm();
  try {
    let res: Response;
    try {
      res = await fetchOnHost(url, http, ac.signal);
    } catch (err) {
      if (err instanceof RefreshError || timedOut || overdue || http.signal?.aborted) throw err;
      throw new Retryable(`network error (${netCause(err)})`);
    }
    if (res.status === 429 || res.status >= 500) {
      const retryAfter = parseRetryAfter(res.headers.get("retry-after"));
      await res.body?.cancel().catch(() => undefined);
      throw new Retryable(`HTTP ${res.status}`, retryAfter);
    }
    if (!res.ok) {
      const detail = await errorDetail(res);
      throw new RefreshError(`HTTP ${res.status} from ${shown}${detail ? `: ${detail}` : ""}`, shown);
    }
    if (!res.body) throw new RefreshError(`empty response from ${shown}`, shown);
    phase = "body";
    if (idle) arm();
    return await consume(res.body, idle ? arm : () => undefined);
  } catch (err) {
    if (err instanceof Retryable || err instanceof RefreshError) throw err;
    if (overdue) throw pastDeadline(http, `${phase === "body" ? "still reading" : "waiting for"} ${shown}`);
    if (timedOut) {
      throw new RefreshError(
        `timed out after ${seconds(http.timeoutMs)} ${phase === "body" ? (idle ? "with no data from" : "reading") : "waiting for"} ${shown}`,
        shown,
      );
    }
    if (http.signal?.aborted) throw new Aborted();
    if (phase === "body") throw new RefreshError(`truncated response from ${shown} (connection closed: ${netCause(err)})`, shown);
    throw err;
  } finally {
    clearTimeout(timer);
    clearTimeout(deadlineTimer);
    http.signal?.removeEventListener("abort", onOuterAbort);
  }
}

async function withRetries<T>(url: string, http: HttpOptions, idle: boolean, consume: Consume<T>): Promise<T> {
  const shown = redactUrl(url);
  for (let attempt = 1; ; attempt++) {
    if (http.signal?.aborted) throw new Aborted();
    try {
      return await once(url, http, idle, consume);
    } catch (err) {
      if (!(err instanceof Retryable)) throw err;
      if (attempt >= http.maxTries) {
        throw new RefreshError(`${err.reason} from ${shown} (gave up after ${attempt} tries)`, shown);
      }
      if (err.retryAfterMs !== undefined && err.retryAfterMs > http.maxRetryAfterMs) {
        throw new RefreshError(
          `${err.reason} from ${shown}: the server asks to retry after ${seconds(err.retryAfterMs)}; try again later`,
          shown,
        );
      }
      const wait = (err.retryAfterMs ?? http.baseDelayMs * 2 ** (attempt - 1)) * http.delayScale;
      if (http.deadline && Date.now() + wait >= http.deadline.at) {
        throw pastDeadline(http, `${err.reason} from ${shown}, and no time left to try again`);
      }
      http.onRetry?.(`${err.reason} from ${shown}; try ${attempt + 1} of ${http.maxTries} in ${seconds(wait)}`);
      await sleep(wait, http.signal);
    }
  }
}

/** GET a JSON document (a page of an API): parsed, or a RefreshError naming the URL. */
export function fetchJson(url: string, http: HttpOptions): Promise<unknown> {
  const shown = redactUrl(url);
  return withRetries(url, http, false, async (body) => {
    const reader = body.getReader();
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let text = "";
    let bytes = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (bytes > http.maxJsonBytes) {
          throw new RefreshError(`response from ${shown} is larger than ${http.maxJsonBytes} bytes`, shown);
        }
        text += decoder.decode(value, { stream: true });
      }
      text += decoder.decode();
    } catch (err) {
      await reader.cancel().catch(() => undefined);
      if (err instanceof TypeError && /encoded data|decode/i.test(err.message)) {
        throw new RefreshError(`malformed response from ${shown}: not UTF-8 text`, shown);
      }
      throw err;
    } finally {
      reader.releaseLock();
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      const what = text.trim() === "" ? "an empty body" : `malformed or truncated JSON (${(err as Error).message})`;
      throw new RefreshError(`${what} from ${shown} (${bytes} bytes)`, shown);
    }
  });
}

/**
 * GET a large document and hand its text to `onText` chunk by chunk, as it arrives. `onText` may
 * throw (a streaming parser that finds bad syntax). Returns the number of bytes read.
 */
export function fetchStream(
  url: string,
  http: HttpOptions,
  onText: (text: string) => void,
  onBytes?: (bytes: number) => void,
): Promise<number> {
  const shown = redactUrl(url);
  return withRetries(url, http, true, async (body, touch) => {
    const reader = body.getReader();
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let bytes = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        touch();
        bytes += value.byteLength;
        let text: string;
        try {
          text = decoder.decode(value, { stream: true });
        } catch {
          throw new RefreshError(`malformed response from ${shown}: not UTF-8 text`, shown);
        }
        onText(text);
        onBytes?.(bytes);
      }
      onText(decoder.decode());
    } catch (err) {
      await reader.cancel().catch(() => undefined);
      throw err;
    } finally {
      reader.releaseLock();
    }
    return bytes;
  });
}
