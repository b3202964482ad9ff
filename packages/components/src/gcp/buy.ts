import * as pulumi from "@pulumi/pulumi";
import { Budget } from "@pulumi/gcp/billing";
import { ProjectBucketConfig, ProjectSink } from "@pulumi/gcp/logging";
import { NotificationChannel } from "@pulumi/gcp/monitoring";
import { RegionalParameter, RegionalParameterVersion } from "@pulumi/gcp/parametermanager";
import { IAMMember } from "@pulumi/gcp/projects";
import { AiModelGardenEnableModel } from "@pulumi/gcp/vertex";
import { z } from "zod";
import { alertEmailsArg, alertThresholdsArg, budgetUsdArg, parseArgs, regionArg, tagsArg, wholeArg } from "../common/args";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
import { VertexPublisherModelLogging } from "./dynamic/publisher-model-logging";
import { accountId, cmekKey, gcpLabels, gcpTrackBase, requestLogDataset, serviceAccount, vertexAuditLogs, withDependencies } from "./shared";

/** A Model Garden model id: `publisher/model` with an optional `@version`. */
const MODEL_ID = /^([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9._-]*)(@[a-z0-9._-]+)?$/;
const BILLING_ACCOUNT = /^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/;
/** Vertex AI in the Cloud Billing catalog (https://cloud.google.com/skus). */
export const VERTEX_AI_BILLING_SERVICE = "services/C7E2-9256-1C43";

/** Request-response logging of the track's models to a CMEK-encrypted BigQuery dataset. */
export const gcpBuyRequestLogging = z.strictObject(
  {
    /** Log sampled prompts and responses of every model of the track (primary and fallbacks). @default true */
    enabled: z.boolean({ error: "expected true or false" }).default(true),
    /**
     * Share of requests logged, above 0 and at most 1. A tenth keeps a useful sample for debugging,
     * evaluation and abuse review while keeping prompts (which may hold personal data) and BigQuery
     * storage down; raise it to 1 where every call must be kept. @default 0.1
     */
    samplingRate: z
      .number({ error: "expected a share of requests from above 0 to 1, e.g. 0.1" })
      .gt(0, { error: "expected a share above 0 (turn logging off with enabled: false)" })
      .lte(1, { error: "expected a share of at most 1" })
      .default(0.1),
  },
  { error: "expected {enabled, samplingRate}" },
);
export type GcpBuyRequestLogging = z.input<typeof gcpBuyRequestLogging>;

/** The args of the buy-on-GCP track: every default and rule in one place. */
export const gcpBuyTrackArgs = z
  .strictObject({
    /** The GCP region of the track (the stack's provider for it points there). */
    region: regionArg,
    tags: tagsArg,
    /**
     * Model Garden models as `publisher/model[@version]`, in priority order: the first serves, the
     * rest are fallbacks the application moves to when it is throttled or unavailable, e.g.
     * `google/gemini-2.5-flash`, `anthropic/claude-sonnet-4@20250514`.
     */
    models: z
      .array(
        z.string({ error: "expected a Model Garden model such as google/gemini-2.5-flash" }).regex(MODEL_ID, {
          error: "expected publisher/model[@version] such as google/gemini-2.5-flash or anthropic/claude-sonnet-4@20250514",
        }),
        { error: "expected a list of Model Garden models, primary first" },
      )
      .min(1, { error: "expected at least one Model Garden model such as google/gemini-2.5-flash" })
      .refine((m) => new Set(m).size === m.length, { error: "expected each model once" }),
    /** The Cloud Billing account (`XXXXXX-XXXXXX-XXXXXX`) the budget is created in. Required. */
    billingAccount: z
      .string({ error: "expected the Cloud Billing account id (XXXXXX-XXXXXX-XXXXXX) for the budget" })
      .regex(BILLING_ACCOUNT, { error: "expected a Cloud Billing account id such as 012345-6789AB-CDEF01" }),
    /** Monthly Vertex AI spend of the project the budget alerts against (USD). Required. */
    monthlyBudgetUsd: budgetUsdArg,
    /** Percentages of the budget that alert (actual spend); a forecast alert at 100% is always added. @default [50, 80, 100] */
    budgetAlertThresholds: alertThresholdsArg,
    /** Who gets the budget emails (Cloud Monitoring email channels). @default [] (billing admins only) */
    alertEmails: alertEmailsArg,
    /** Days the Vertex AI audit logs are kept in the track's CMEK log bucket. @default 365 */
    auditLogRetentionDays: wholeArg(1, 3650, "days").default(365),
    /** Request-response logging of the models (Vertex AI publisher model logging config). @default {enabled: true, samplingRate: 0.1} */
    requestLogging: gcpBuyRequestLogging.prefault({}),
    /** Vertex AI API base URL override for the logging config calls. @default the regional endpoint */
    apiEndpoint: z.url({ error: "expected a URL" }).optional(),
  })
  .transform((a) => {
    const models = a.models.map((id) => {
      const [, publisher = "", model = "", version = ""] = MODEL_ID.exec(id)!;
      return { id, publisher, model, version: version.slice(1) };
    });
    // One logging config per publisher model: versions of one model share it.
    const loggedModels = [...new Map(models.map((m) => [`${m.publisher}/${m.model}`, m])).values()];
    return { ...a, models, loggedModels };
  });
export type GcpBuyTrackArgs = z.input<typeof gcpBuyTrackArgs>;

/** The one permission calling a Model Garden model needs (generateContent, rawPredict, predict). */
export const INVOKE_PERMISSIONS = ["aiplatform.endpoints.predict"] as const;

/**
 * Buy on GCP: Vertex AI Model Garden, secure by default. Turns on the APIs; enables the partner
 * models (Gemini needs no enabling); gives the application a service account whose only
 * permission is calling models (a custom role, narrower than `roles/aiplatform.user`); records
 * Data Access audit logs for Vertex AI and routes them to a CMEK-encrypted log bucket; puts the
 * models in priority order (primary, then fallbacks) in a CMEK-encrypted Parameter Manager
 * parameter the application reads at start-up; logs a sample of every model's requests and
 * responses to a CMEK-encrypted BigQuery dataset (Vertex AI's publisher model logging config); and
 * watches Vertex AI spend with a billing budget.
 */
export class GcpBuyTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "buy" as const;
  readonly cloud = "gcp" as const;
  readonly key: pulumi.Output<string>;
  readonly applicationServiceAccount: pulumi.Output<string>;
  readonly invokerRole: pulumi.Output<string>;
  readonly budget: Budget;
  readonly routingParameter: RegionalParameter;
  /** The routing the application reads: the models in priority order (JSON). */
  readonly routing: pulumi.Output<string>;
  /** The request-response logging configs, one per publisher model (none when logging is off). */
  readonly requestLogging: readonly VertexPublisherModelLogging[];
  readonly outputs: Record<string, pulumi.Input<unknown>>;
  private readonly projectId: pulumi.Output<string>;

  constructor(name: string, args: GcpBuyTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = parseArgs(gcpBuyTrackArgs, args);
    super(trackComponentType("gcp", "buy"), name, trackIdentity("buy", "gcp", cfg.region, { models: cfg.models.map((m) => m.id) }), opts);
    const labels = gcpLabels(args.tags);
    const { project, after } = gcpTrackBase(name, this, cfg.region, [
      "aiplatform.googleapis.com",
      "cloudkms.googleapis.com",
      "logging.googleapis.com",
      "monitoring.googleapis.com",
      "billingbudgets.googleapis.com",
      "parametermanager.googleapis.com",
      "iam.googleapis.com",
      ...(cfg.requestLogging.enabled ? ["bigquery.googleapis.com"] : []),
    ]);
    this.projectId = project.projectId;

    const agents = cfg.requestLogging.enabled ? (["logging", "parametermanager", "bigquery"] as const) : (["logging", "parametermanager"] as const);
    const cmek = cmekKey(`${name}-key`, project, { agents, labels }, after);
    this.key = cmek.id;

    // Partner models (Anthropic, Meta, Mistral …) must be enabled in Model Garden; Google's are on with the API.
    const enabled = new Map<string, AiModelGardenEnableModel>();
    for (const [i, m] of cfg.models.entries()) {
      if (m.publisher === "google") continue;
      enabled.set(`${m.publisher}/${m.model}`, new AiModelGardenEnableModel(`${name}-model-${i}`, { project: project.projectId, publisherModelName: publisherModelName(m) }, after));
    }

    // What was asked and answered: a sample of each model's requests and responses, in a CMEK BigQuery dataset.
    const requestLogs = cfg.requestLogging.enabled
      ? requestLogDataset(name, project, { cmek, labels, description: `aitracks ${name}: sampled Model Garden requests and responses` }, after)
      : undefined;
    this.requestLogging = requestLogs
      ? cfg.loggedModels.map((m) => {
          const enabling = enabled.get(`${m.publisher}/${m.model}`);
          return new VertexPublisherModelLogging(
            `${name}-request-logging-${m.publisher}-${m.model}`,
            {
              project: project.projectId,
              region: cfg.region,
              ...(cfg.apiEndpoint ? { apiEndpoint: cfg.apiEndpoint } : {}),
              publisherModelName: `publishers/${m.publisher}/models/${m.model}`,
              enabled: true,
              samplingRate: cfg.requestLogging.samplingRate,
              bigqueryOutputUri: requestLogs.uri(requestLogTable(m)),
            },
            withDependencies(after, [requestLogs.dataset, ...(enabling ? [enabling] : [])]),
          );
        })
      : [];

    // The application's identity: may call models, and read its routing, nothing else.
    const app = serviceAccount(
      `${name}-app`,
      project,
      {
        accountId: accountId(name, "app"),
        displayName: `aitracks ${name} application`,
        projectRoles: [],
        customRole: { id: `aitracks_${name.replace(/-/g, "_")}_invoker`, title: `aitracks ${name}: call Model Garden models`, permissions: [...INVOKE_PERMISSIONS] },
      },
      after,
    );
    this.applicationServiceAccount = app.email;
    this.invokerRole = app.customRole!.name;

    // Who called which model, and when: Data Access audit logs for Vertex AI ...
    vertexAuditLogs(name, project, after);
    // ... kept in a log bucket of the track's region, encrypted with the track's key.
    const logBucketId = `${name}-vertex-audit`;
    const logBucket = new ProjectBucketConfig(
      `${name}-audit-logs`,
      {
        project: project.projectId,
        location: cfg.region,
        bucketId: logBucketId,
        retentionDays: cfg.auditLogRetentionDays,
        cmekSettings: { kmsKeyName: cmek.id },
        description: `aitracks ${name}: Vertex AI audit logs`,
      },
      withDependencies(after, cmek.grants),
    );
    new ProjectSink(
      `${name}-audit-sink`,
      {
        project: project.projectId,
        name: `${name}-vertex-audit`,
        destination: pulumi.interpolate`logging.googleapis.com/projects/${project.projectId}/locations/${cfg.region}/buckets/${logBucketId}`,
        filter: 'protoPayload.serviceName="aiplatform.googleapis.com" AND logName:"cloudaudit.googleapis.com"',
        uniqueWriterIdentity: true,
        description: `aitracks ${name}: Vertex AI audit logs to the track's CMEK bucket`,
      },
      withDependencies(after, [logBucket]),
    );

    // The models in priority order, as the application reads them.
    const parameterId = `${name}-routing`;
    this.routingParameter = new RegionalParameter(
      `${name}-routing`,
      { project: project.projectId, location: cfg.region, parameterId, format: "JSON", kmsKey: cmek.id, labels },
      withDependencies(after, cmek.grants),
    );
    const routing = pulumi.jsonStringify({
      models: cfg.models.map((m, i) => ({
        priority: i,
        model: m.id,
        resource: pulumi.interpolate`projects/${project.projectId}/locations/${cfg.region}/${publisherModelName(m)}`,
        method: m.publisher === "google" ? "generateContent" : "rawPredict",
      })),
    });
    this.routing = routing;
    new RegionalParameterVersion(`${name}-routing-v1`, { parameter: this.routingParameter.id, parameterVersionId: "v1", parameterData: routing }, after);
    new IAMMember(
      `${name}-app-routing`,
      {
        project: project.projectId,
        role: "roles/parametermanager.parameterAccessor",
        member: app.member,
        condition: {
          title: `${parameterId} only`,
          description: "The application reads its own routing parameter and no other",
          expression: `resource.name.endsWith("/parameters/${parameterId}") || resource.name.extract("/parameters/{p}/versions/") == "${parameterId}"`,
        },
      },
      after,
    );

    // Cost monitoring: a budget on the project's Vertex AI spend, alerting by email.
    const channels = cfg.alertEmails.map(
      (email, i) =>
        new NotificationChannel(
          `${name}-alert-email-${i}`,
          { project: project.projectId, type: "email", displayName: `aitracks ${name} budget: ${email}`, labels: { email_address: email }, userLabels: labels },
          after,
        ),
    );
    this.budget = new Budget(
      `${name}-budget`,
      {
        billingAccount: cfg.billingAccount,
        displayName: `aitracks ${name} Vertex AI`.slice(0, 60),
        amount: { specifiedAmount: { currencyCode: "USD", units: String(Math.floor(cfg.monthlyBudgetUsd)), nanos: Math.round((cfg.monthlyBudgetUsd % 1) * 1e9) } },
        budgetFilter: {
          projects: [pulumi.interpolate`projects/${project.number}`],
          services: [VERTEX_AI_BILLING_SERVICE],
          calendarPeriod: "MONTH",
        },
        thresholdRules: [
          ...cfg.budgetAlertThresholds.map((t) => ({ thresholdPercent: t / 100, spendBasis: "CURRENT_SPEND" })),
          { thresholdPercent: 1, spendBasis: "FORECASTED_SPEND" },
        ],
        allUpdatesRule: { monitoringNotificationChannels: channels.map((c) => c.id), disableDefaultIamRecipients: false },
      },
      after,
    );

    this.outputs = {
      region: cfg.region,
      primaryModel: cfg.models[0]!.id,
      fallbackModels: cfg.models.slice(1).map((m) => m.id),
      applicationServiceAccount: app.email,
      routingParameter: this.routingParameter.name,
      auditLogBucket: logBucketId,
      ...(requestLogs ? { requestLogDataset: requestLogs.datasetId, requestLogSamplingRate: cfg.requestLogging.samplingRate } : {}),
      budget: this.budget.name,
      kmsKey: cmek.id,
    };
    this.registerOutputs(this.outputs);
  }

  /** Let another identity (an existing service's account) call the track's models, and only that. */
  grantInvoke(name: string, member: pulumi.Input<string>): IAMMember {
    return new IAMMember(name, { project: this.projectId, role: this.invokerRole, member }, { parent: this });
  }
}

/** The BigQuery table a model's requests are logged to: `<publisher>_<model>` (letters, digits, underscores). */
export function requestLogTable(m: { publisher: string; model: string }): string {
  return `${m.publisher}_${m.model}`.replace(/[^A-Za-z0-9_]/g, "_");
}

function publisherModelName(m: { publisher: string; model: string; version: string }): string {
  return `publishers/${m.publisher}/models/${m.model}${m.version ? `@${m.version}` : ""}`;
}
