/**
 * A local stand-in for the parts of the Azure OpenAI data-plane API (2024-10-21 and the evals
 * preview) the Azure dynamic providers call through the openai package's AzureOpenAI client (Entra
 * ID's token endpoint is azure-fake-entra.ts). It speaks the
 * API's shapes: `?api-version=` on every call, bearer tokens, fine-tuning jobs advancing
 * pending -> running -> succeeded (or failed) on each GET, files uploaded as multipart and
 * processed on the first GET, evals with runs, and Azure's error body `{error: {code, message}}`.
 */
// @ts-nocheck

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface AzureCall {
  readonly method: string;
  readonly path: string;
  readonly apiVersion: string | null;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly body: any;
}

export interface FakeAzureOpenAiOptions {
  /** The bearer token API calls must carry. */
  readonly token: string;
  /** How a fine-tuning job ends, after pending and running. "hang" never ends. */
  readonly jobOutcome?: "succeeded" | "failed" | "hang";
  /** How an uploaded file ends. */
  readonly fileOutcome?: "processed" | "error";
  /** Answer this many API calls with 429 (Retry-After: 0) first. */
  readonly throttle?: number;
}

export class FakeAzureOpenAi {
  readonly calls: AzureCall[] = [];
  readonly jobs = new Map<string, any>();
  readonly files = new Map<string, any>();
  readonly evals = new Map<string, any>();
  readonly runs = new Map<string, any>();
  private server!: Server;
  private seq = 100;
  private throttled = 0;
  url = "";

  constructor(readonly opts: FakeAzureOpenAiOptions) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    // The client keeps connections alive: a socket closed under it shows up as a reset.
    this.server.keepAliveTimeout = 120_000;
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }

  reset(opts: Partial<FakeAzureOpenAiOptions> = {}): void {
    Object.assign(this.opts, opts);
    this.calls.length = 0;
    this.throttled = 0;
  }

  /** Data-plane calls (not token requests), as "METHOD /path". */
  apiCalls(): string[] {
    return this.calls.filter((c) => c.path.startsWith("/openai/")).map((c) => `${c.method} ${c.path}`);
  }

  private id(prefix: string): string {
    return `${prefix}${(this.seq++).toString(16).padStart(8, "0")}abcdef0123456789`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    const type = req.headers["content-type"];
    let body: any;
    if (raw.length) {
      if (type?.includes("x-www-form-urlencoded")) body = Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
      else if (type?.startsWith("multipart/form-data")) body = multipart(raw, type);
      else body = JSON.parse(raw.toString("utf8"));
    }
    this.calls.push({ method: req.method ?? "GET", path, apiVersion: url.searchParams.get("api-version"), authorization: req.headers.authorization, contentType: type, body });
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "Content-Type": "application/json", ...headers });
      res.end(JSON.stringify(json));
    };
    const error = (status: number, code: string, message: string) => send(status, { error: { code, message } });

    if (!path.startsWith("/openai/")) return error(404, "404", `Resource not found: ${path}`);
    if (!url.searchParams.get("api-version")) return error(404, "404", "Resource not found (missing api-version)");
    if (req.headers.authorization !== `Bearer ${this.opts.token}`) {
      return error(401, "PermissionDenied", "Principal does not have access to API/Operation.");
    }
    if (this.throttled < (this.opts.throttle ?? 0)) {
      this.throttled++;
      return send(429, { error: { code: "429", message: "Requests to the API have exceeded the rate limit." } }, { "Retry-After": "0" });
    }
    const parts = path.slice("/openai/".length).split("/").map(decodeURIComponent);
    if (parts[0] === "fine_tuning" && parts[1] === "jobs") return this.fineTuning(req.method!, parts.slice(2), body, send, error);
    if (parts[0] === "files") return this.file(req.method!, parts.slice(1), body, send, error);
    if (parts[0] === "evals") return this.evaluation(req.method!, parts.slice(1), body, send, error);
    return error(404, "404", `Resource not found: ${path}`);
  }

  private fineTuning(method: string, rest: string[], body: any, send: any, error: any) {
    if (method === "POST" && rest.length === 0) {
      if (!body?.model || !body?.training_file) return error(400, "invalid_request_error", "model and training_file are required");
      const id = this.id("ftjob-");
      const job = {
        object: "fine_tuning.job",
        id,
        model: body.model,
        created_at: 1_764_000_000,
        finished_at: null,
        fine_tuned_model: null,
        status: "pending",
        training_file: body.training_file,
        validation_file: body.validation_file ?? null,
        hyperparameters: { n_epochs: body.hyperparameters?.n_epochs ?? -1, batch_size: body.hyperparameters?.batch_size ?? -1, learning_rate_multiplier: body.hyperparameters?.learning_rate_multiplier ?? 1 },
        suffix: body.suffix ?? null,
        seed: body.seed ?? 0,
        trained_tokens: null,
        result_files: null,
        error: null,
      };
      this.jobs.set(id, job);
      return send(201, job);
    }
    const job = this.jobs.get(rest[0] ?? "");
    if (!job) return error(404, "NotFound", `The specified fine-tuning job '${rest[0]}' could not be found.`);
    if (method === "GET" && rest.length === 1) {
      this.advance(job);
      return send(200, job);
    }
    if (method === "POST" && rest[1] === "cancel") {
      if (["succeeded", "failed", "cancelled"].includes(job.status)) return error(400, "invalid_request_error", `Job has already ${job.status}.`);
      job.status = "cancelled";
      return send(200, job);
    }
    return error(405, "MethodNotAllowed", "method not allowed");
  }

  private advance(job: any) {
    if (["succeeded", "failed", "cancelled"].includes(job.status)) return;
    if (job.status === "pending") {
      job.status = "running";
      return;
    }
    if (this.opts.jobOutcome === "hang") return;
    if (this.opts.jobOutcome === "failed") {
      job.status = "failed";
      job.error = { code: "invalid_training_file", message: "Training file line 17: the last message must be from the assistant.", param: "training_file" };
      return;
    }
    job.status = "succeeded";
    job.fine_tuned_model = `${job.model}.ft-${job.id.slice("ftjob-".length, "ftjob-".length + 12)}${job.suffix ? `-${job.suffix}` : ""}`;
    job.trained_tokens = 184_320;
    job.result_files = ["file-results0001"];
    job.finished_at = 1_764_003_600;
  }

  private file(method: string, rest: string[], body: any, send: any, error: any) {
    if (method === "POST" && rest.length === 0) {
      if (!body?.fields?.purpose || !body?.file) return error(400, "invalidPayload", "purpose and file are required");
      const id = this.id("file-");
      const file = { object: "file", id, purpose: body.fields.purpose, filename: body.file.filename, bytes: body.file.content.length, created_at: 1_764_000_000, status: "pending", status_details: null, _content: body.file.content };
      this.files.set(id, file);
      const { _content, ...wire } = file;
      return send(201, wire);
    }
    const file = this.files.get(rest[0] ?? "");
    if (!file) return error(404, "NotFound", `File with id '${rest[0]}' not found.`);
    if (method === "GET") {
      if (file.status === "pending") {
        file.status = this.opts.fileOutcome === "error" ? "error" : "processed";
        if (file.status === "error") file.status_details = "Invalid file format. Line 2: the messages field is missing.";
      }
      const { _content, ...wire } = file;
      return send(200, wire);
    }
    if (method === "DELETE") {
      this.files.delete(file.id);
      return send(200, { object: "file", id: file.id, deleted: true });
    }
    return error(405, "MethodNotAllowed", "method not allowed");
  }

  private evaluation(method: string, rest: string[], body: any, send: any, error: any) {
    if (method === "POST" && rest.length === 0) {
      if (!body?.name || !body?.data_source_config || !Array.isArray(body?.testing_criteria)) return error(400, "invalid_request_error", "name, data_source_config and testing_criteria are required");
      const id = this.id("eval_");
      const ev = { object: "eval", id, name: body.name, data_source_config: body.data_source_config, testing_criteria: body.testing_criteria, created_at: 1_764_000_000 };
      this.evals.set(id, ev);
      return send(201, ev);
    }
    const ev = this.evals.get(rest[0] ?? "");
    if (!ev) return error(404, "NotFound", `Eval with id '${rest[0]}' not found.`);
    if (rest.length === 1 && method === "GET") return send(200, ev);
    if (rest.length === 1 && method === "DELETE") {
      this.evals.delete(ev.id);
      return send(200, { object: "eval.deleted", deleted: true, eval_id: ev.id });
    }
    if (rest[1] === "runs" && rest.length === 2 && method === "POST") {
      const ds = body?.data_source;
      if (ds?.type !== "completions" || !ds?.model || ds?.source?.type !== "file_id") return error(400, "invalid_request_error", "a completions data source with a model and a file_id source is required");
      const id = this.id("evalrun_");
      const run = { object: "eval.run", id, eval_id: ev.id, name: body.name, model: ds.model, data_source: ds, status: "queued", result_counts: { total: 0, passed: 0, failed: 0, errored: 0 } };
      this.runs.set(id, run);
      return send(201, run);
    }
    const run = this.runs.get(rest[2] ?? "");
    if (rest[1] === "runs" && run) {
      if (method === "GET") {
        if (run.status === "queued") run.status = "in_progress";
        else if (run.status === "in_progress") {
          run.status = "completed";
          run.result_counts = run.model.endsWith("tuned") ? { total: 30, passed: 27, failed: 3, errored: 0 } : { total: 30, passed: 18, failed: 12, errored: 0 };
        }
        return send(200, run);
      }
      if (method === "POST") {
        run.status = "canceled";
        return send(200, run);
      }
    }
    return error(404, "NotFound", "not found");
  }
}

/** Minimal multipart/form-data parser: text fields and one file part. */
function multipart(raw: Buffer, type: string): { fields: Record<string, string>; file?: { name: string; filename: string; contentType: string; content: string } } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  const b = boundary?.[1] ?? boundary?.[2] ?? "";
  const out: ReturnType<typeof multipart> = { fields: {} };
  for (const part of raw.toString("utf8").split(`--${b}`)) {
    const sep = part.indexOf("\r\n\r\n");
    if (sep < 0) continue;
    const head = part.slice(0, sep);
    const content = part.slice(sep + 4).replace(/\r\n$/, "");
    const name = /name="([^"]+)"/.exec(head)?.[1];
    const filename = /filename="([^"]+)"/.exec(head)?.[1];
    if (!name) continue;
    if (filename) out.file = { name, filename, contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? "", content };
    else out.fields[name] = content;
  }
  return out;
}
