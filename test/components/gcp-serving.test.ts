// @ts-nocheck
import { describe, expect, it } from "vitest";
import { GcpServingTrack, type GcpServingTrackArgs } from "@aitracks/components";
import { previewInline } from "@aitracks/preview";
import { ofType, one } from "../helpers/graph";
import { attempt, byName, expectStandardLabels, gcpTags, keyGrantUrns, keyName, PROJECT, PROJECT_NUMBER, projectRolesOf } from "./gcp-helpers";

const tags = gcpTags("serving");
const MODEL = `projects/${PROJECT}/locations/us-central1/models/8812`;
const registry: GcpServingTrackArgs = { region: "us-central1", model: MODEL, machineType: "g2-standard-12", minReplicas: 1, maxReplicas: 3, tags };
const serve = (args: Partial<GcpServingTrackArgs>) => previewInline({ program: () => new GcpServingTrack("triage", { ...registry, ...args }) });

describe("serving on GCP: a registry model on a private CMEK endpoint", async () => {
  const graph = await serve({});
  const key = keyName(graph);
  const endpoint = one(graph, "gcp:vertex/aiEndpoint:AiEndpoint");

  it("encrypts the endpoint with the track's key, after the Vertex AI agent holds it", () => {
    expect(endpoint.inputs.encryptionSpec).toEqual({ kmsKeyName: key });
    expect(byName(graph, "triage-key-aiplatform").inputs.member).toBe(`serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-aiplatform.iam.gserviceaccount.com`);
    expect(endpoint.dependencies).toEqual(expect.arrayContaining(keyGrantUrns(graph)));
  });

  it("is reachable only through Private Service Connect from the track's own VPC", () => {
    const psc = endpoint.inputs.privateServiceConnectConfig as any;
    expect(psc.enablePrivateServiceConnect).toBe(true);
    expect(psc.projectAllowlists).toEqual([PROJECT]);
    const vpcName = byName(graph, "triage-vpc").id!.split("/").pop();
    expect(psc.pscAutomationConfigs).toEqual([{ projectId: PROJECT, network: `projects/${PROJECT}/global/networks/${vpcName}` }]);
    expect(endpoint.inputs.network).toBeUndefined();
    const policy = one(graph, "gcp:networkconnectivity/serviceConnectionPolicy:ServiceConnectionPolicy");
    expect(policy.inputs).toMatchObject({ serviceClass: "gcp-vertexai", location: "us-central1", pscConfig: { subnetworks: [byName(graph, "triage-subnet").id] } });
    expect(endpoint.dependencies).toContain(policy.urn);
  });

  it("logs a sample of requests and responses to a CMEK BigQuery dataset", () => {
    const dataset = one(graph, "gcp:bigquery/dataset:Dataset").inputs as any;
    expect(dataset.defaultEncryptionConfiguration).toEqual({ kmsKeyName: key });
    expect(endpoint.inputs.predictRequestResponseLoggingConfig).toEqual({
      enabled: true,
      samplingRate: 0.1,
      bigqueryDestination: { outputUri: `bq://${PROJECT}.triage_request_logs` },
    });
  });

  it("deploys the model on the catalog's machine: g2-standard-12 with one L4, 1 to 3 replicas, as its own account", () => {
    const d = one(graph, "pulumi-nodejs:dynamic/vertex:DeployedModel").inputs as any;
    expect(d).toMatchObject({
      endpoint: endpoint.id,
      model: MODEL,
      machineType: "g2-standard-12",
      acceleratorType: "NVIDIA_L4",
      acceleratorCount: 1,
      minReplicaCount: 1,
      maxReplicaCount: 3,
      enableAccessLogging: true,
      serviceAccount: `at-triage-serving@${PROJECT}.iam.gserviceaccount.com`,
    });
    expect(projectRolesOf(graph, `serviceAccount:at-triage-serving@${PROJECT}.iam.gserviceaccount.com`)).toEqual(["roles/logging.logWriter", "roles/monitoring.metricWriter"]);
    expect(typeof d.__provider).toBe("string");
  });

  it("labels every labelled resource", () => expectStandardLabels(graph, 4));

  it("lets an application's account call this endpoint only (grantInvoke)", async () => {
    const g = await previewInline({ program: () => new GcpServingTrack("triage", registry).grantInvoke("triage-app", "serviceAccount:app@x.iam.gserviceaccount.com") });
    const grant = byName(g, "triage-app").inputs;
    expect(grant).toMatchObject({ role: "roles/aiplatform.user", location: "us-central1", member: "serviceAccount:app@x.iam.gserviceaccount.com" });
    expect(grant.endpoint).toBe(one(g, "gcp:vertex/aiEndpoint:AiEndpoint").id!.split("/").pop());
  });
});

describe("serving on GCP: other shapes", () => {
  it("joins a peered VPC instead when access is vpc-peering, with 8 A100s per replica on a2-highgpu-8g", async () => {
    const graph = await serve({ access: "vpc-peering", machineType: "a2-highgpu-8g", minReplicas: 2, maxReplicas: 2, requestLogSamplingRate: 0 });
    const endpoint = one(graph, "gcp:vertex/aiEndpoint:AiEndpoint").inputs as any;
    expect(endpoint.network).toMatch(new RegExp(`^projects/${PROJECT_NUMBER}/global/networks/triage-vpc-`));
    expect(endpoint.privateServiceConnectConfig).toBeUndefined();
    expect(endpoint.predictRequestResponseLoggingConfig).toBeUndefined();
    expect(ofType(graph, "gcp:servicenetworking/connection:Connection")).toHaveLength(1);
    const d = one(graph, "pulumi-nodejs:dynamic/vertex:DeployedModel").inputs as any;
    expect([d.acceleratorType, d.acceleratorCount, d.minReplicaCount, d.maxReplicaCount]).toEqual(["NVIDIA_TESLA_A100", 8, 2, 2]);
  });

  it("deploys an open Model Garden model on dedicated machines behind Private Service Connect", async () => {
    const graph = await serve({ model: undefined, modelGardenModel: "publishers/google/models/gemma3@gemma-3-12b-it", acceptEula: true, googleManagedEncryption: true });
    const mg = one(graph, "gcp:vertex/aiEndpointWithModelGardenDeployment:AiEndpointWithModelGardenDeployment").inputs as any;
    expect(mg.publisherModelName).toBe("publishers/google/models/gemma3@gemma-3-12b-it");
    expect(mg.modelConfig.acceptEula).toBe(true);
    expect(mg.deployConfig.dedicatedResources).toEqual({
      machineSpec: { machineType: "g2-standard-12", acceleratorType: "NVIDIA_L4", acceleratorCount: 1 },
      minReplicaCount: 1,
      maxReplicaCount: 3,
    });
    expect(mg.endpointConfig.privateServiceConnectConfig).toMatchObject({ enablePrivateServiceConnect: true, projectAllowlists: [PROJECT] });
    expect(ofType(graph, "gcp:kms/cryptoKey:CryptoKey")).toHaveLength(0);
    expect(ofType(graph, "gcp:vertex/aiEndpoint:AiEndpoint")).toHaveLength(0);
  });
});

describe("serving on GCP: bad settings stop before anything is registered", () => {
  const bad = (args: Partial<GcpServingTrackArgs>) => attempt(() => new GcpServingTrack("triage", { ...registry, ...args }));

  it("refuses min replicas above max", async () => {
    expect(await bad({ minReplicas: 4, maxReplicas: 2 })).toBe("minReplicas: expected at most maxReplicas (2), got 4 (0)");
    expect(await bad({ minReplicas: 0 })).toBe("minReplicas: expected a whole number of replicas, at least 1, got 0 (0)");
  });

  it("refuses an unknown accelerator, one the machine does not carry, and a machine not offered in the region", async () => {
    expect(await bad({ acceleratorType: "nvidia-b300" })).toMatch(/^acceleratorType: unknown accelerator "nvidia-b300"; the price catalog knows .*nvidia-l4 \(0\)$/);
    expect(await bad({ acceleratorType: "nvidia-h100" })).toBe("acceleratorType: g2-standard-12 carries nvidia-l4, not nvidia-h100 (0)");
    expect(await bad({ machineType: "g2-standard-13" })).toMatch(/^machineType: unknown gcp SKU "g2-standard-13" in the price catalog; did you mean g2-standard-12/);
    expect(await bad({ region: "us-west1", machineType: "a2-ultragpu-8g" })).toBe(
      "machineType: a2-ultragpu-8g is not offered in us-west1; the price catalog has it in us-central1, us-east4, europe-west4 (0)",
    );
  });

  it("asks for an explicit opt-out of CMEK for Model Garden, and one model source", async () => {
    expect(await bad({ model: undefined, modelGardenModel: "publishers/google/models/gemma3@gemma-3-12b-it" })).toMatch(/^googleManagedEncryption: Model Garden deployments cannot use a customer-managed key/);
    expect(await bad({ modelGardenModel: "publishers/google/models/gemma3@gemma-3-12b-it" })).toMatch(/^model: expected exactly one of model/);
    expect(await bad({ model: "models/1" })).toBe('model: expected projects/…/locations/…/models/…, got "models/1" (0)');
  });
});
