import { afterAll, beforeAll, beforeEach } from "vitest";
/**
 * A local stand-in for the parts of Vertex AI's REST API (v1, and v1beta1 for publisher model
 * configs) the GCP dynamic providers call, and
 * for Google's OAuth token endpoint and metadata server. It speaks the API's JSON shapes: resources
 * named `projects/{p}/locations/{r}/…`, jobs advancing through their states on each GET, long-running
 * operations, and Google's error body `{error: {code, message, status}}`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createVerify } from "node:crypto";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly body: any;
  readonly authorization: string | undefined;
}

export interface FakeVertexOptions {
  /** The bearer token API calls must carry. */
  readonly token: string;
  /** PEM public key of the test service account: JWTs at /token must verify with it. */
  readonly publicKey?: string;
  /** How a tuning job / evaluation run ends: after PENDING and RUNNING. */
  readonly jobOutcome?: "SUCCEEDED" | "FAILED";
}

export class FakeVertex {
  readonly calls: RecordedCall[] = [];
  readonly tuningJobs = new Map<string, any>();
  readonly evaluationRuns = new Map<string, any>();
  readonly endpoints = new Map<string, any>();
  /** Publisher model configs by model name (`projects/{p}/locations/{r}/publishers/{pub}/models/{m}`). */
  readonly publisherModelConfigs = new Map<string, any>();
  readonly operations = new Map<string, { polls: number; result: any }>();
  /** JWT claims the token endpoint accepted. */
  readonly assertions: any[] = [];
  private server!: Server;
  private seq = 1000;
  url = "";

  constructor(private readonly opts: FakeVertexOptions) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }

  /** API calls only (not token or metadata requests). */
  apiCalls(): RecordedCall[] {
    return this.calls.filter((c) => /^\/v1(beta1)?\//.test(c.path));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = (req.url ?? "/").split("?")[0]!;
    let body: any = undefined;
    if (raw) {
      try {
        body = req.headers["content-type"]?.includes("x-www-form-urlencoded") ? Object.fromEntries(new URLSearchParams(raw)) : JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    this.calls.push({ method: req.method ?? "GET", path, body, authorization: req.headers.authorization });
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(json));
    };
    const error = (code: number, status: string, message: string) => send(code, { error: { code, message, status } });

    if (path === "/token" && req.method === "POST") return this.token(body, send);
    if (path === "/computeMetadata/v1/instance/service-accounts/default/token") {
      if (req.headers["metadata-flavor"] !== "Google") return send(403, { error: "Missing Metadata-Flavor:Google header" });
      return send(200, { access_token: this.opts.token, expires_in: 3599, token_type: "Bearer" });
    }
    const version = /^\/(v1|v1beta1)\//.exec(path)?.[1];
    if (!version) return error(404, "NOT_FOUND", `no route ${path}`);
    if (req.headers.authorization !== `Bearer ${this.opts.token}`) {
      return error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token.");
    }
    const name = decodeURIComponent(path.slice(`/${version}/`.length));
    const [resource, verb] = name.split(":") as [string, string | undefined];
    const parts = resource.split("/");
    const collection = parts.length % 2 === 1 ? parts[parts.length - 1] : parts[parts.length - 2];

    // Long-running operations: done on the second GET.
    if (parts.includes("operations") && req.method === "GET") {
      const op = this.operations.get(resource);
      if (!op) return error(404, "NOT_FOUND", `Operation ${resource} not found.`);
      op.polls++;
      return send(200, op.polls >= 2 ? { name: resource, done: true, ...op.result } : { name: resource, done: false });
    }

    if (collection === "models" && parts[parts.length - 4] === "publishers") {
      if (version !== "v1beta1") return error(404, "NOT_FOUND", `no route ${path} (publisher model configs are v1beta1 only)`);
      return this.publisherModel(req.method!, resource, verb, body, send, error);
    }
    if (collection === "tuningJobs") return this.tuningJob(req.method!, resource, verb, parts, body, send, error);
    if (collection === "evaluationRuns") return this.evaluationRun(req.method!, resource, verb, parts, body, send, error);
    if (collection === "endpoints") return this.endpoint(req.method!, resource, verb, body, send, error);
    return error(404, "NOT_FOUND", `no route ${path}`);
  }

  private token(body: any, send: (s: number, j: unknown) => void) {
    if (body?.grant_type === "refresh_token") {
      return body.refresh_token === "user-refresh" ? send(200, { access_token: this.opts.token, expires_in: 3599 }) : send(400, { error: "invalid_grant" });
    }
    if (body?.grant_type !== "urn:ietf:params:oauth:grant-type:jwt-bearer") return send(400, { error: "unsupported_grant_type" });
    const [h, c, sig] = String(body.assertion).split(".");
    const verifier = createVerify("RSA-SHA256").update(`${h}.${c}`);
    const ok = this.opts.publicKey && verifier.verify(this.opts.publicKey, Buffer.from(sig!.replace(/-/g, "+").replace(/_/g, "/"), "base64"));
    if (!ok) return send(400, { error: "invalid_grant", error_description: "Invalid JWT Signature." });
    const claims = JSON.parse(Buffer.from(c!, "base64url").toString("utf8"));
    this.assertions.push({ header: JSON.parse(Buffer.from(h!, "base64url").toString("utf8")), claims });
    return send(200, { access_token: this.opts.token, expires_in: 3599, token_type: "Bearer" });
  }

  private advance(job: any, terminal: string) {
    if (["JOB_STATE_CANCELLED", "CANCELLED", terminal, "JOB_STATE_FAILED", "FAILED"].includes(job.state)) return;
    job._polls = (job._polls ?? 0) + 1;
    const tuning = job.name.includes("/tuningJobs/");
    if (job._polls === 1) job.state = tuning ? "JOB_STATE_RUNNING" : "RUNNING";
    else if (job._polls >= 2) {
      const fail = this.opts.jobOutcome === "FAILED";
      job.state = tuning ? (fail ? "JOB_STATE_FAILED" : "JOB_STATE_SUCCEEDED") : fail ? "FAILED" : "SUCCEEDED";
      if (fail) job.error = { code: 3, message: "Dataset row 17: contents must alternate user and model turns." };
      else if (tuning) {
        const loc = job.name.split("/tuningJobs/")[0].replace(/^projects\/[^/]+/, "projects/123456789012");
        job.tunedModel = { model: `${loc}/models/555@1`, endpoint: `${loc}/endpoints/777` };
        job.experiment = `${loc}/metadataStores/default/contexts/tuning-experiment-1`;
      } else {
        job.evaluationResults = { summaryMetrics: { metrics: { "base/exact_match/AVERAGE": 0.62, "tuned/exact_match/AVERAGE": 0.91 }, totalItems: 24 } };
      }
    }
  }

  private tuningJob(method: string, resource: string, verb: string | undefined, parts: string[], body: any, send: any, error: any) {
    if (method === "POST" && parts.length === 5) {
      if (!body?.baseModel || !body?.supervisedTuningSpec?.trainingDatasetUri) {
        return error(400, "INVALID_ARGUMENT", "List of found errors:\t1.Field: tuning_job.supervised_tuning_spec.training_dataset_uri; Message: Required field is not set.");
      }
      const job = { ...body, name: `${resource}/${++this.seq}`, state: "JOB_STATE_PENDING", createTime: "2026-11-29T10:00:00Z" };
      this.tuningJobs.set(job.name, job);
      return send(200, strip(job));
    }
    const job = this.tuningJobs.get(resource);
    if (!job) return error(404, "NOT_FOUND", `The TuningJob does not exist.`);
    if (method === "GET") {
      this.advance(job, "JOB_STATE_SUCCEEDED");
      return send(200, strip(job));
    }
    if (method === "POST" && verb === "cancel") {
      job.state = "JOB_STATE_CANCELLED";
      return send(200, {});
    }
    return error(400, "INVALID_ARGUMENT", `unsupported ${method} ${verb ?? ""}`);
  }

  private evaluationRun(method: string, resource: string, verb: string | undefined, parts: string[], body: any, send: any, error: any) {
    if (method === "POST" && parts.length === 5) {
      if (!body?.dataSource || !body?.evaluationConfig?.metrics?.length) return error(400, "INVALID_ARGUMENT", "data_source and evaluation_config.metrics are required.");
      const run = { ...body, name: `${resource}/${++this.seq}`, state: "PENDING", createTime: "2026-11-29T10:00:00Z" };
      this.evaluationRuns.set(run.name, run);
      return send(200, strip(run));
    }
    const run = this.evaluationRuns.get(resource);
    if (!run) return error(404, "NOT_FOUND", `EvaluationRun ${resource} not found.`);
    if (method === "GET") {
      this.advance(run, "SUCCEEDED");
      return send(200, strip(run));
    }
    if (method === "POST" && verb === "cancel") {
      run.state = "CANCELLED";
      return send(200, {});
    }
    if (method === "DELETE") {
      this.evaluationRuns.delete(resource);
      return send(200, { name: `${resource}/operations/9`, done: true });
    }
    return error(400, "INVALID_ARGUMENT", `unsupported ${method} ${verb ?? ""}`);
  }

  /** setPublisherModelConfig (a long-running operation) and fetchPublisherModelConfig. */
  private publisherModel(method: string, resource: string, verb: string | undefined, body: any, send: any, error: any) {
    if (method === "GET" && verb === "fetchPublisherModelConfig") return send(200, this.publisherModelConfigs.get(resource) ?? {});
    if (method === "POST" && verb === "setPublisherModelConfig") {
      const lc = body?.publisherModelConfig?.loggingConfig;
      if (!lc || typeof lc.enabled !== "boolean") return error(400, "INVALID_ARGUMENT", "publisher_model_config.logging_config.enabled is required.");
      if (lc.enabled) {
        if (!(lc.samplingRate > 0 && lc.samplingRate <= 1)) return error(400, "INVALID_ARGUMENT", "Invalid sampling rate: must be in (0, 1].");
        if (!/^bq:\/\/[^.]+\.[^.]+(\.[^.]+)?$/.test(lc.bigqueryDestination?.outputUri ?? "")) {
          return error(400, "INVALID_ARGUMENT", "Invalid BigQuery destination.\nExpected bq://project.dataset[.table].");
        }
      }
      const config = { loggingConfig: lc };
      this.publisherModelConfigs.set(resource, config);
      const name = `${resource}/operations/${++this.seq}`;
      this.operations.set(name, { polls: 0, result: { response: { "@type": "type.googleapis.com/google.cloud.aiplatform.v1beta1.PublisherModelConfig", ...config } } });
      return send(200, { name, done: false, metadata: { "@type": "type.googleapis.com/google.cloud.aiplatform.v1beta1.SetPublisherModelConfigOperationMetadata" } });
    }
    return error(400, "INVALID_ARGUMENT", `unsupported ${method} ${verb ?? ""}`);
  }

  private endpoint(method: string, resource: string, verb: string | undefined, body: any, send: any, error: any) {
    const ep = this.endpoints.get(resource);
    if (!ep) return error(404, "NOT_FOUND", `Endpoint ${resource} not found.`);
    const op = (result: any) => {
      const name = `${resource}/operations/${++this.seq}`;
      this.operations.set(name, { polls: 0, result });
      return send(200, { name, done: false });
    };
    if (method === "GET" && !verb) return send(200, ep);
    if (method === "POST" && verb === "deployModel") {
      const spec = body?.deployedModel?.dedicatedResources;
      if (!spec || spec.minReplicaCount > spec.maxReplicaCount) return error(400, "INVALID_ARGUMENT", "max_replica_count must be >= min_replica_count.");
      const id = String(++this.seq);
      const deployed = { ...body.deployedModel, id };
      ep.deployedModels.push(deployed);
      ep.trafficSplit = { [id]: 100 };
      return op({ response: { "@type": "type.googleapis.com/google.cloud.aiplatform.v1.DeployModelResponse", deployedModel: deployed } });
    }
    if (method === "POST" && verb === "mutateDeployedModel") {
      const d = ep.deployedModels.find((m: any) => m.id === body?.deployedModel?.id);
      if (!d) return error(404, "NOT_FOUND", "DeployedModel not found.");
      d.dedicatedResources = { ...d.dedicatedResources, ...body.deployedModel.dedicatedResources };
      return op({ response: { deployedModel: d } });
    }
    if (method === "POST" && verb === "undeployModel") {
      const before = ep.deployedModels.length;
      ep.deployedModels = ep.deployedModels.filter((m: any) => m.id !== body?.deployedModelId);
      if (ep.deployedModels.length === before) return error(400, "FAILED_PRECONDITION", `DeployedModel ${body?.deployedModelId} is not deployed.`);
      return op({ response: {} });
    }
    return error(400, "INVALID_ARGUMENT", `unsupported ${method} ${verb ?? ""}`);
  }
}

/** What the API returns: the resource without the fake's bookkeeping. */
function strip(o: any): any {
  const { _polls, ...rest } = o;
  return rest;
}

/**
 * A fake Vertex AI for one test file: started before the tests, stopped after, its call log
 * cleared and the access token set before each test (the providers read it from the environment).
 */
export function useFakeVertex(token: string): FakeVertex {
  const vertex = new FakeVertex({ token });
  beforeAll(() => vertex.start());
  afterAll(() => vertex.stop());
  beforeEach(() => {
    process.env.GOOGLE_OAUTH_ACCESS_TOKEN = token;
    vertex.calls.length = 0;
  });
  return vertex;
}
