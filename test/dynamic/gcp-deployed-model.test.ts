// @ts-nocheck
import { beforeEach, describe, expect, it } from "vitest";
import { deployedModelProvider, type DeployedModelInputs } from "@aitracks/components";
import { useFakeVertex } from "./gcp-fake-vertex";
import { created } from "../helpers/defined";

const TOKEN = "ya29.serve";
const vertex = useFakeVertex(TOKEN);
const endpoint = "projects/acme-ml/locations/us-central1/endpoints/4242";
const inputs = (over: Partial<DeployedModelInputs> = {}): DeployedModelInputs => ({
  project: "acme-ml",
  region: "us-central1",
  apiEndpoint: vertex.url,
  endpoint,
  model: "projects/123456789012/locations/us-central1/models/555@1",
  displayName: "aitracks triage",
  machineType: "g2-standard-12",
  acceleratorType: "NVIDIA_L4",
  acceleratorCount: 1,
  minReplicaCount: 1,
  maxReplicaCount: 3,
  serviceAccount: "at-triage-serving@acme-ml.iam.gserviceaccount.com",
  enableAccessLogging: true,
  pollIntervalSeconds: 0.01,
  timeoutMinutes: 1,
  ...over,
});

beforeEach(() => {
  vertex.endpoints.set(endpoint, { name: endpoint, deployedModels: [], trafficSplit: {} });
});

describe("Vertex AI deployed-model provider (against a local Vertex AI)", () => {
  it("deploys onto dedicated machines, waits for the operation, and routes all traffic to it", async () => {
    const { id, outs } = created(await deployedModelProvider.create(inputs()));
    const [deploy, ...polls] = vertex.apiCalls();
    expect(`${deploy!.method} ${deploy!.path}`).toBe(`POST /v1/${endpoint}:deployModel`);
    expect(deploy!.body).toEqual({
      deployedModel: {
        model: "projects/123456789012/locations/us-central1/models/555@1",
        displayName: "aitracks triage",
        // Google's client sends enums as numbers (`$alt=json;enum-encoding=int`): NVIDIA_L4 is 11.
        dedicatedResources: { machineSpec: { machineType: "g2-standard-12", acceleratorType: 11, acceleratorCount: 1 }, minReplicaCount: 1, maxReplicaCount: 3 },
        serviceAccount: "at-triage-serving@acme-ml.iam.gserviceaccount.com",
        enableAccessLogging: true,
        // The client writes its empty map fields out.
        systemLabels: {},
      },
      trafficSplit: { "0": 100 },
    });
    expect(polls.map((c) => c.method)).toEqual(["GET", "GET"]);
    expect(polls[0]!.path).toMatch(new RegExp(`^/ui/${endpoint}/operations/\\d+$`));
    expect(id).toBe(`${endpoint}/deployedModels/${outs.deployedModelId}`);
    expect(vertex.endpoints.get(endpoint).trafficSplit).toEqual({ [outs.deployedModelId]: 100 });
  });

  it("changes replica bounds in place with mutateDeployedModel", async () => {
    const { id, outs } = created(await deployedModelProvider.create(inputs()));
    const diff = await deployedModelProvider.diff!(id, outs, inputs({ maxReplicaCount: 5 }));
    expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    vertex.calls.length = 0;
    await deployedModelProvider.update!(id, outs, inputs({ maxReplicaCount: 5 }));
    const mutate = vertex.apiCalls()[0]!;
    expect(`${mutate.method} ${mutate.path}`).toBe(`POST /v1/${endpoint}:mutateDeployedModel`);
    expect(mutate.body.updateMask).toBe("dedicated_resources.min_replica_count,dedicated_resources.max_replica_count");
    expect(mutate.body.deployedModel.id).toBe(outs.deployedModelId);
    const read = await deployedModelProvider.read!(id, outs);
    expect(read.props!.maxReplicaCount).toBe(5);
    // A different machine type is a new deployment.
    expect((await deployedModelProvider.diff!(id, outs, inputs({ machineType: "a2-highgpu-1g" }))).replaces).toEqual(["machineType"]);
  });

  it("undeploys on delete and waits, so the endpoint can be deleted next", async () => {
    const { id, outs } = created(await deployedModelProvider.create(inputs()));
    vertex.calls.length = 0;
    await deployedModelProvider.delete!(id, outs);
    // An empty traffic split leaves the endpoint's split to Vertex AI.
    expect(vertex.apiCalls()[0]!.body).toEqual({ deployedModelId: outs.deployedModelId, trafficSplit: {} });
    expect(vertex.apiCalls().map((c) => c.method)).toEqual(["POST", "GET", "GET"]);
    expect(vertex.endpoints.get(endpoint).deployedModels).toEqual([]);
    expect((await deployedModelProvider.read!(id, outs)).id).toBe("");
  });

  it("surfaces the API's refusal", async () => {
    await expect(deployedModelProvider.create(inputs({ minReplicaCount: 4, maxReplicaCount: 2 }))).rejects.toThrow(
      /^Vertex AI DeployModel projects\/acme-ml\/locations\/us-central1\/endpoints\/4242: INVALID_ARGUMENT: max_replica_count must be >= min_replica_count\.$/,
    );
  });
});
