// @ts-nocheck
import { afterAll, beforeAll, beforeEach } from "vitest";
/**
 * A local stand-in for the parts of Vertex AI's REST API (v1, and v1beta1 for publisher model
 * configs) the GCP dynamic providers call through `@google-cloud/aiplatform`'s REST transport and
 * google-auth-library, and for what Application Default Credentials sign in with:
 *  - the metadata server (GCE_METADATA_HOST): `/computeMetadata/v1/…`, answering with
 *    `Metadata-Flavor: Google`;
 *  - workload identity federation as google-github-actions/auth sets it up: GitHub's OIDC token
 *    URL (`/github/oidc`), Google STS (`/sts/v1/token`) and the IAM credentials service that
 *    impersonates the deploying service account (`/iam/v1/…:generateAccessToken`);
 *  - a service-account key's self-signed JWT, verified with the key's public key.
 * It speaks the API's JSON shapes: resources named `projects/{p}/locations/{r}/…`, jobs advancing
 * through their states on each GET, long-running operations, and Google's error body
 * `{error: {code, message, status}}`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createVerify } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";

/** What the fake GitHub OIDC endpoint hands out, and what STS and IAM exchange it for. */
export const GITHUB_REQUEST_TOKEN = "gh-actions-request-token";
export const GITHUB_OIDC_JWT = "eyJ.github-oidc.jwt";
export const FEDERATED_TOKEN = "ya29.federated-sts-token";
export const WIF_AUDIENCE = "//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/providers/aitracks";

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly body: any;
  readonly authorization: string | undefined;
}

export interface FakeVertexOptions {
  /** The bearer token API calls must carry. */
  readonly token: string;
  /** PEM public key of the test service account: a self-signed JWT verifying with it is accepted. */
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
  /** Claims of the self-signed service-account JWTs the API accepted. */
  readonly assertions: any[] = [];
  /** The token the metadata server hands out (another one makes the API refuse the calls). */
  metadataToken: string;
  /** STS refuses every exchange (a workload identity provider that does not trust the caller). */
  stsRefuses = false;
  private server!: Server;
  private seq = 1000;
  url = "";

  constructor(private readonly opts: FakeVertexOptions) {
    this.metadataToken = opts.token;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    // Google's clients keep connections alive: a socket closed under them shows up as ECONNRESET.
    this.server.keepAliveTimeout = 120_000;
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }

  /** The host:port, as GCE_METADATA_HOST takes it. */
  get host(): string {
    return this.url.replace("http://", "");
  }

  /** API calls only (not token or metadata requests). */
  apiCalls(): RecordedCall[] {
    return this.calls.filter((c) => /^\/(v1|v1beta1|ui)\//.test(c.path));
  }

  /** Is this bearer token one the API accepts: the expected token, or a JWT the service account's key signed? */
  private accepts(authorization: string | undefined): boolean {
    if (authorization === `Bearer ${this.opts.token}`) return true;
    const jwt = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
    const [h, c, sig] = (jwt ?? "").split(".");
    if (!this.opts.publicKey || !h || !c || !sig) return false;
    if (!createVerify("RSA-SHA256").update(`${h}.${c}`).verify(this.opts.publicKey, Buffer.from(sig, "base64url"))) return false;
    this.assertions.push({ header: JSON.parse(Buffer.from(h, "base64url").toString("utf8")), claims: JSON.parse(Buffer.from(c, "base64url").toString("utf8")) });
    return true;
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

    if (path.startsWith("/computeMetadata/")) return this.metadata(req, res, path);
    if (path === "/github/oidc") {
      if (req.headers.authorization !== `Bearer ${GITHUB_REQUEST_TOKEN}`) return send(401, { message: "bad request token" });
      return send(200, { value: GITHUB_OIDC_JWT, count: 1 });
    }
    if (path === "/sts/v1/token" && req.method === "POST") return this.sts(body, send);
    const impersonate = /^\/iam\/v1\/projects\/-\/serviceAccounts\/([^:]+):generateAccessToken$/.exec(path);
    if (impersonate && req.method === "POST") {
      if (req.headers.authorization !== `Bearer ${FEDERATED_TOKEN}`) return error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
      return send(200, { accessToken: this.opts.token, expireTime: new Date(Date.now() + 3600_000).toISOString() });
    }
    // Google's client polls long-running operations on the `/ui/` binding of GetOperation (its first http rule).
    const version = /^\/(v1|v1beta1|ui)\//.exec(path)?.[1];
    if (!version) return error(404, "NOT_FOUND", `no route ${path}`);
    if (!this.accepts(req.headers.authorization)) {
      return error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token.");
    }
    const name = decodeURIComponent(path.slice(`/${version}/`.length));
    const [resource, verb] = name.split(":") as [string, string | undefined];
    const parts = resource.split("/");
    const collection = parts.length % 2 === 1 ? parts[parts.length - 1] : parts[parts.length - 2];

    // Long-running operations: done on the second GET.
    if (version === "ui" && !parts.includes("operations")) return error(404, "NOT_FOUND", `no route ${path}`);
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

  /** The metadata server: it answers only requests carrying Metadata-Flavor: Google, and says so in its own header. */
  private metadata(req: IncomingMessage, res: ServerResponse, path: string) {
    const reply = (status: number, body: string, type = "application/text") => {
      res.writeHead(status, { "Metadata-Flavor": "Google", "Content-Type": type });
      res.end(body);
    };
    if (req.headers["metadata-flavor"] !== "Google") return reply(403, "Missing Metadata-Flavor:Google header");
    if (path === "/computeMetadata/v1/instance/service-accounts/default/token") {
      return reply(200, JSON.stringify({ access_token: this.metadataToken, expires_in: 3599, token_type: "Bearer" }), "application/json");
    }
    if (path === "/computeMetadata/v1/instance" || path === "/computeMetadata/v1/instance/") return reply(200, "attributes/\nservice-accounts/\n");
    if (path === "/computeMetadata/v1/project/project-id") return reply(200, "acme-ml");
    return reply(404, "not found");
  }

  /** Google STS: the GitHub OIDC token for a federated access token (RFC 8693 token exchange). */
  private sts(body: any, send: (s: number, j: unknown) => void) {
    if (this.stsRefuses) return send(400, { error: "invalid_grant", error_description: "The audience in ID Token [https://github.com/acme] does not match the expected audience." });
    if (body?.subject_token !== GITHUB_OIDC_JWT || body?.audience !== WIF_AUDIENCE || body?.subject_token_type !== "urn:ietf:params:oauth:token-type:jwt") {
      return send(400, { error: "invalid_request", error_description: "Invalid subject token or audience." });
    }
    return send(200, { access_token: FEDERATED_TOKEN, issued_token_type: "urn:ietf:params:oauth:token-type:access_token", token_type: "Bearer", expires_in: 3600 });
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
      // The location's operations: the only operation names Google's client knows how to poll here.
      const name = `${resource.split("/publishers/")[0]}/operations/${++this.seq}`;
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
      return op({ response: { "@type": "type.googleapis.com/google.cloud.aiplatform.v1.MutateDeployedModelResponse", deployedModel: d } });
    }
    if (method === "POST" && verb === "undeployModel") {
      const before = ep.deployedModels.length;
      ep.deployedModels = ep.deployedModels.filter((m: any) => m.id !== body?.deployedModelId);
      if (ep.deployedModels.length === before) return error(400, "FAILED_PRECONDITION", `DeployedModel ${body?.deployedModelId} is not deployed.`);
      return op({ response: { "@type": "type.googleapis.com/google.cloud.aiplatform.v1.UndeployModelResponse" } });
    }
    return error(400, "INVALID_ARGUMENT", `unsupported ${method} ${verb ?? ""}`);
  }
}

/** What the API returns: the resource without the fake's bookkeeping. */
function strip(o: any): any {
  const { _polls, ...rest } = o;
  return rest;
}

/** The environment of a machine whose only Google credentials are its metadata server (`fake`). */
export function metadataServerEnv(fake: FakeVertex): Record<string, string> {
  return { GCE_METADATA_HOST: fake.host, CLOUDSDK_CONFIG: mkdtempSync(join(tmpdir(), "aitracks-no-gcloud-")) };
}

/** Forget what gcp-metadata cached about whether a metadata server is there (it caches per process). */
export function forgetMetadataServer(): void {
  (require("gcp-metadata") as { resetIsAvailableCache(): void }).resetIsAvailableCache();
}

/**
 * A fake Vertex AI for one test file: started before the tests, stopped after, its call log
 * cleared before each test. The providers sign in with Application Default Credentials, which
 * find the fake's metadata server (GCE_METADATA_HOST) and its token.
 */
export function useFakeVertex(token: string): FakeVertex {
  const vertex = new FakeVertex({ token });
  beforeAll(async () => {
    await vertex.start();
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    Object.assign(process.env, metadataServerEnv(vertex));
  });
  afterAll(() => vertex.stop());
  beforeEach(() => {
    forgetMetadataServer();
    vertex.metadataToken = token;
    vertex.calls.length = 0;
  });
  return vertex;
}
