// @ts-nocheck
import { describe, expect, it } from "vitest";
import { GcpBuyTrack, VERTEX_AI_BILLING_SERVICE, type GcpBuyTrackArgs } from "@aitracks/components";
import { previewInline } from "@aitracks/preview";
import { ofType, one } from "../helpers/graph";
import { attempt, byName, expectStandardLabels, gcpTags, keyGrantUrns, keyName, PROJECT, PROJECT_NUMBER, projectRolesOf } from "./gcp-helpers";

const base: GcpBuyTrackArgs = {
  region: "us-central1",
  models: ["google/gemini-2.5-flash", "anthropic/claude-sonnet-4@20250514", "meta/llama-4-maverick-17b-128e-instruct-maas"],
  billingAccount: "012345-6789AB-CDEF01",
  monthlyBudgetUsd: 2500,
  alertEmails: ["ops@example.com", "finance@example.com"],
  tags: gcpTags("buy"),
};

describe("buy on GCP (Vertex AI Model Garden)", async () => {
  let track!: GcpBuyTrack;
  const graph = await previewInline({
    program: () => {
      track = new GcpBuyTrack("assistant", base);
      return { routing: track.routing };
    },
  });
  const key = keyName(graph);

  it("turns on the APIs it uses, and leaves them on at destroy", () => {
    const services = ofType(graph, "gcp:projects/service:Service");
    expect(services.map((s) => s.inputs.service).sort()).toEqual([
      "aiplatform.googleapis.com",
      "bigquery.googleapis.com",
      "billingbudgets.googleapis.com",
      "cloudkms.googleapis.com",
      "iam.googleapis.com",
      "logging.googleapis.com",
      "monitoring.googleapis.com",
      "parametermanager.googleapis.com",
    ]);
    expect(services.every((s) => s.inputs.disableOnDestroy === false)).toBe(true);
    // The model enablement waits for the API.
    const enable = ofType(graph, "gcp:vertex/aiModelGardenEnableModel:AiModelGardenEnableModel")[0]!;
    expect(enable.dependencies).toContain(byName(graph, "assistant-api-aiplatform").urn);
  });

  it("enables the partner models in Model Garden, in order, and not Gemini (on with the API)", () => {
    const enabled = ofType(graph, "gcp:vertex/aiModelGardenEnableModel:AiModelGardenEnableModel").map((r) => [r.name, r.inputs.publisherModelName]);
    expect(enabled).toEqual([
      ["assistant-model-1", "publishers/anthropic/models/claude-sonnet-4@20250514"],
      ["assistant-model-2", "publishers/meta/models/llama-4-maverick-17b-128e-instruct-maas"],
    ]);
  });

  it("keeps the models in priority order (primary, then fallbacks) in the routing the application reads", () => {
    const routing = JSON.parse(graph.outputs.routing as string);
    expect(routing.models.map((m: any) => [m.priority, m.model, m.method])).toEqual([
      [0, "google/gemini-2.5-flash", "generateContent"],
      [1, "anthropic/claude-sonnet-4@20250514", "rawPredict"],
      [2, "meta/llama-4-maverick-17b-128e-instruct-maas", "rawPredict"],
    ]);
    expect(routing.models[0].resource).toBe(`projects/${PROJECT}/locations/us-central1/publishers/google/models/gemini-2.5-flash`);
    const param = one(graph, "gcp:parametermanager/regionalParameter:RegionalParameter");
    expect(param.inputs).toMatchObject({ parameterId: "assistant-routing", format: "JSON", kmsKey: key, location: "us-central1" });
  });

  it("gives the application an account that may only call models and read its own routing", () => {
    const sa = one(graph, "gcp:serviceaccount/account:Account");
    const member = `serviceAccount:${sa.inputs.accountId}@${PROJECT}.iam.gserviceaccount.com`;
    const role = one(graph, "gcp:projects/iAMCustomRole:IAMCustomRole");
    expect(role.inputs.permissions).toEqual(["aiplatform.endpoints.predict"]);
    expect(projectRolesOf(graph, member)).toEqual([`projects/${PROJECT}/roles/aitracks_assistant_invoker`, "roles/parametermanager.parameterAccessor"]);
    const routingGrant = byName(graph, "assistant-app-routing").inputs.condition as any;
    expect(routingGrant.expression).toContain('resource.name.endsWith("/parameters/assistant-routing")');
  });

  it("records Data Access audit logs for Vertex AI and keeps them in a CMEK log bucket", () => {
    const audit = one(graph, "gcp:projects/iAMAuditConfig:IAMAuditConfig").inputs as any;
    expect(audit.service).toBe("aiplatform.googleapis.com");
    expect(audit.auditLogConfigs.map((c: any) => c.logType).sort()).toEqual(["ADMIN_READ", "DATA_READ", "DATA_WRITE"]);
    const bucket = one(graph, "gcp:logging/projectBucketConfig:ProjectBucketConfig");
    expect(bucket.inputs).toMatchObject({ location: "us-central1", retentionDays: 365, cmekSettings: { kmsKeyName: key } });
    // The logging agent holds the key before the bucket is created.
    const loggingGrant = byName(graph, "assistant-key-logging");
    expect(loggingGrant.inputs.member).toBe(`serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-logging.iam.gserviceaccount.com`);
    expect(bucket.dependencies).toContain(loggingGrant.urn);
    const sink = one(graph, "gcp:logging/projectSink:ProjectSink").inputs;
    expect(sink.destination).toBe(`logging.googleapis.com/projects/${PROJECT}/locations/us-central1/buckets/assistant-vertex-audit`);
    expect(sink.filter).toContain('protoPayload.serviceName="aiplatform.googleapis.com"');
  });

  it("encrypts where data rests with a rotating key that only the services' agents may use", () => {
    const cryptoKey = one(graph, "gcp:kms/cryptoKey:CryptoKey").inputs;
    expect(cryptoKey).toMatchObject({ purpose: "ENCRYPT_DECRYPT", rotationPeriod: "7776000s", destroyScheduledDuration: "2592000s" });
    const grants = ofType(graph, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember");
    expect(grants.map((g) => g.inputs.role)).toEqual(Array(3).fill("roles/cloudkms.cryptoKeyEncrypterDecrypter"));
    expect(grants.map((g) => g.inputs.member).sort()).toEqual([
      `serviceAccount:bq-${PROJECT_NUMBER}@bigquery-encryption.iam.gserviceaccount.com`,
      `serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-logging.iam.gserviceaccount.com`,
      `serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-pm.iam.gserviceaccount.com`,
    ]);
    expect(one(graph, "gcp:parametermanager/regionalParameter:RegionalParameter").dependencies).toEqual(expect.arrayContaining(keyGrantUrns(graph)));
  });

  it("watches the project's Vertex AI spend with a budget alerting at 50/80/100% and on forecast", () => {
    const budget = one(graph, "gcp:billing/budget:Budget").inputs as any;
    expect(budget.billingAccount).toBe("012345-6789AB-CDEF01");
    expect(budget.amount.specifiedAmount).toEqual({ currencyCode: "USD", units: "2500", nanos: 0 });
    expect(budget.budgetFilter.projects).toEqual([`projects/${PROJECT_NUMBER}`]);
    expect(budget.budgetFilter.services).toEqual([VERTEX_AI_BILLING_SERVICE]);
    expect(budget.thresholdRules).toEqual([
      { thresholdPercent: 0.5, spendBasis: "CURRENT_SPEND" },
      { thresholdPercent: 0.8, spendBasis: "CURRENT_SPEND" },
      { thresholdPercent: 1, spendBasis: "CURRENT_SPEND" },
      { thresholdPercent: 1, spendBasis: "FORECASTED_SPEND" },
    ]);
    const channels = ofType(graph, "gcp:monitoring/notificationChannel:NotificationChannel");
    expect(channels.map((c) => (c.inputs.labels as any).email_address)).toEqual(["ops@example.com", "finance@example.com"]);
    expect(budget.allUpdatesRule.monitoringNotificationChannels).toEqual(channels.map((c) => c.id));
  });

  it("labels every labelled resource with track, owner, cost centre and review date", () => {
    expectStandardLabels(graph, 2);
    expect((one(graph, "gcp:kms/cryptoKey:CryptoKey").inputs.labels as any)["aitracks-track"]).toBe("buy");
  });

  it("lets another identity call the models through grantInvoke, with the custom role only", async () => {
    const g = await previewInline({
      program: () => new GcpBuyTrack("assistant", base).grantInvoke("assistant-web", "serviceAccount:web@acme.iam.gserviceaccount.com"),
    });
    expect(byName(g, "assistant-web").inputs).toMatchObject({ role: `projects/${PROJECT}/roles/aitracks_assistant_invoker`, member: "serviceAccount:web@acme.iam.gserviceaccount.com" });
  });

  it("logs a tenth of each model's requests and responses (primary and fallbacks) to a CMEK BigQuery dataset", () => {
    const dataset = one(graph, "gcp:bigquery/dataset:Dataset");
    expect(dataset.inputs).toMatchObject({
      datasetId: "assistant_request_logs",
      location: "us-central1",
      defaultEncryptionConfiguration: { kmsKeyName: key },
      deleteContentsOnDestroy: false,
    });
    // BigQuery's encryption agent holds the key before the dataset is created.
    expect(dataset.dependencies).toContain(byName(graph, "assistant-key-bigquery").urn);
    const configs = ofType(graph, "pulumi-nodejs:dynamic/vertex:PublisherModelLogging");
    expect(configs.map((c) => [c.inputs.publisherModelName, c.inputs.bigqueryOutputUri, c.inputs.samplingRate, c.inputs.enabled, c.inputs.region, c.inputs.project])).toEqual([
      ["publishers/google/models/gemini-2.5-flash", `bq://${PROJECT}.assistant_request_logs.google_gemini_2_5_flash`, 0.1, true, "us-central1", PROJECT],
      ["publishers/anthropic/models/claude-sonnet-4", `bq://${PROJECT}.assistant_request_logs.anthropic_claude_sonnet_4`, 0.1, true, "us-central1", PROJECT],
      [
        "publishers/meta/models/llama-4-maverick-17b-128e-instruct-maas",
        `bq://${PROJECT}.assistant_request_logs.meta_llama_4_maverick_17b_128e_instruct_maas`,
        0.1,
        true,
        "us-central1",
        PROJECT,
      ],
    ]);
    // Each config waits for the dataset, and a partner model's for its enablement in Model Garden.
    for (const c of configs) expect(c.dependencies).toContain(dataset.urn);
    expect(configs[0]!.dependencies).not.toContain(byName(graph, "assistant-model-1").urn);
    expect(configs[1]!.dependencies).toContain(byName(graph, "assistant-model-1").urn);
    expect(configs[2]!.dependencies).toContain(byName(graph, "assistant-model-2").urn);
    expect(track.requestLogging).toHaveLength(3);
  });

  it("takes the sampling rate from requestLogging, and keeps one config per model across versions", async () => {
    const g = await previewInline({
      program: () =>
        new GcpBuyTrack("assistant", {
          ...base,
          models: ["anthropic/claude-sonnet-4@20250514", "anthropic/claude-sonnet-4@20250101", "google/gemini-2.5-pro"],
          requestLogging: { samplingRate: 0.25 },
        }),
    });
    const configs = ofType(g, "pulumi-nodejs:dynamic/vertex:PublisherModelLogging");
    expect(configs.map((c) => [c.inputs.publisherModelName, c.inputs.samplingRate])).toEqual([
      ["publishers/anthropic/models/claude-sonnet-4", 0.25],
      ["publishers/google/models/gemini-2.5-pro", 0.25],
    ]);
  });

  it("requestLogging.enabled: false removes the logging configs, the dataset, BigQuery's key grant and API", async () => {
    const g = await previewInline({ program: () => new GcpBuyTrack("assistant", { ...base, requestLogging: { enabled: false } }) });
    expect(ofType(g, "pulumi-nodejs:dynamic/vertex:PublisherModelLogging")).toEqual([]);
    expect(ofType(g, "gcp:bigquery/dataset:Dataset")).toEqual([]);
    expect(ofType(g, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember").map((r) => r.name).sort()).toEqual(["assistant-key-logging", "assistant-key-parametermanager"]);
    expect(ofType(g, "gcp:projects/service:Service").map((s) => s.inputs.service)).not.toContain("bigquery.googleapis.com");
  });

  it("rejects impossible settings before registering anything, naming the field", async () => {
    const bad = (args: Partial<GcpBuyTrackArgs>) => attempt(() => new GcpBuyTrack("assistant", { ...base, ...args }));
    expect(await bad({ models: [] })).toBe("models: expected at least one Model Garden model such as google/gemini-2.5-flash, got an empty list (0)");
    expect(await bad({ models: ["google/gemini-2.5-flash", "gpt-4o"] })).toMatch(/^models\[1\]: expected publisher\/model\[@version\] .*, got "gpt-4o" \(0\)$/);
    expect(await bad({ billingAccount: "0123-4567" })).toBe('billingAccount: expected a Cloud Billing account id such as 012345-6789AB-CDEF01, got "0123-4567" (0)');
    expect(await bad({ monthlyBudgetUsd: -5 })).toBe("monthlyBudgetUsd: expected a monthly budget above 0 USD, got -5 (0)");
    expect(await bad({ budgetAlertThresholds: [50, 0] })).toBe("budgetAlertThresholds[1]: expected a percentage above 0 and at most 1000, got 0 (0)");
    expect(await bad({ requestLogging: { samplingRate: 0 } })).toBe(
      "requestLogging.samplingRate: expected a share above 0 (turn logging off with enabled: false), got 0 (0)",
    );
    expect(await bad({ requestLogging: { samplingRate: 1.5 } })).toMatch(/^requestLogging\.samplingRate: .* got 1\.5 \(0\)$/);
  });
});
