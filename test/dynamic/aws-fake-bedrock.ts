// @ts-nocheck
// A local Bedrock control plane speaking GetModelCustomizationJob
// (GET /model-customization-jobs/{jobIdentifier}, rest-json), for the real AWS SDK to call.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeJob {
  /** Statuses the job reports, one per GET; the last one repeats. */
  readonly statuses: readonly string[];
  readonly outputModelArn?: string;
  readonly failureMessage?: string;
  /** Never answer a GET of this job. */
  readonly hang?: boolean;
}

export interface FakeCall {
  readonly method: string;
  /** The path as sent (the job ARN percent-encoded). */
  readonly path: string;
  readonly jobIdentifier: string;
  readonly authorization: string;
}

export class FakeBedrock {
  readonly calls: FakeCall[] = [];
  private readonly jobs = new Map<string, { job: FakeJob; gets: number }>();
  private server?: Server;
  url = "";

  job(jobArn: string, job: FakeJob): this {
    this.jobs.set(jobArn, { job, gets: 0 });
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? "";
    const m = /^\/model-customization-jobs\/([^/?]+)$/.exec(path);
    const jobIdentifier = m ? decodeURIComponent(m[1]!) : "";
    this.calls.push({ method: req.method ?? "", path, jobIdentifier, authorization: String(req.headers.authorization ?? "") });
    const send = (status: number, body: unknown, errorType?: string) => {
      res.writeHead(status, { "content-type": "application/json", ...(errorType ? { "x-amzn-errortype": errorType } : {}) });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "GET" || !m) return send(404, { message: `no route ${req.method} ${path}` }, "UnknownOperationException");
    const entry = this.jobs.get(jobIdentifier);
    if (!entry) return send(404, { message: `Could not find job ${jobIdentifier}` }, "ResourceNotFoundException");
    if (entry.job.hang) return; // keep the connection open, answer nothing
    const status = entry.job.statuses[Math.min(entry.gets, entry.job.statuses.length - 1)]!;
    entry.gets++;
    send(200, {
      jobArn: jobIdentifier,
      jobName: jobIdentifier.split("/").pop(),
      outputModelName: "tune-run-1",
      ...(status === "Completed" && entry.job.outputModelArn ? { outputModelArn: entry.job.outputModelArn } : {}),
      roleArn: "arn:aws:iam::123456789012:role/tune-customization",
      status,
      ...(entry.job.failureMessage && status !== "InProgress" ? { failureMessage: entry.job.failureMessage } : {}),
      creationTime: "2026-11-02T09:00:00Z",
      baseModelArn: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:300k",
      trainingDataConfig: { s3Uri: "s3://acme-data/support/train.jsonl" },
      outputDataConfig: { s3Uri: "s3://tune-output/custom-model/" },
      hyperParameters: { epochCount: "2" },
      customizationType: "FINE_TUNING",
    });
  }
}
