// @ts-nocheck
import * as aws from "@pulumi/aws";
import * as azure from "@pulumi/azure-native";
import * as gcp from "@pulumi/gcp";
import { describe, expect, it } from "vitest";
import { previewInline, type GraphResource, type ResourceGraph } from "@aitracks/preview";

const byName = (g: ResourceGraph, name: string): GraphResource => {
  const r = g.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name}`);
  return r;
};

describe("the stack's region reaches the mocks and the graph", () => {
  it("an aws:region eu-west-1 stack: ARNs, getRegion and the graph's region are eu-west-1; an explicit provider keeps its own", async () => {
    const g = await previewInline({
      config: { "aws:region": "eu-west-1" },
      program: () => {
        const topic = new aws.sns.Topic("alerts", { name: "alerts" });
        const other = new aws.Provider("us", { region: "us-west-2" });
        const remote = new aws.sns.Topic("remote", { name: "remote" }, { provider: other });
        const subnet = new aws.ec2.Subnet("s", { vpcId: "vpc-1", cidrBlock: "10.0.0.0/24", availabilityZone: "ap-southeast-2b" });
        return {
          arn: topic.arn,
          remoteArn: remote.arn,
          region: aws.getRegionOutput().name,
          remoteRegion: aws.getRegionOutput({}, { provider: other }).name,
          zones: aws.getAvailabilityZonesOutput().names,
          subnetArn: subnet.arn,
        };
      },
    });
    expect(g.outputs.arn).toBe("arn:aws:sns:eu-west-1:123456789012:alerts");
    expect(g.outputs.region).toBe("eu-west-1");
    expect(g.outputs.zones).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
    expect(g.outputs.remoteArn).toBe("arn:aws:sns:us-west-2:123456789012:remote");
    expect(g.outputs.remoteRegion).toBe("us-west-2");
    // An availability zone places a resource in its region, whatever the provider says.
    expect(String(g.outputs.subnetArn)).toMatch(/^arn:aws:ec2:ap-southeast-2:/);
    expect(byName(g, "alerts").region).toBe("eu-west-1");
    expect(byName(g, "remote").region).toBe("us-west-2");
    expect(byName(g, "us").region).toBe("us-west-2");
    expect(byName(g, "s").region).toBe("ap-southeast-2");
    // Components and the stack have no region.
    expect(g.resources.find((r) => r.type === "pulumi:pulumi:Stack")!.region).toBeUndefined();
  });

  it("aws:defaultTags appear in tagsAll under the resource's own tags, as the provider applies them", async () => {
    const g = await previewInline({
      config: { "aws:region": "us-east-1", "aws:defaultTags": { tags: { team: "ml", env: "dev" } } },
      program: () => {
        const b = new aws.s3.Bucket("b", { tags: { env: "prod" } });
        const p = new aws.Provider("tagged", { region: "us-east-1", defaultTags: { tags: { owner: "platform" } } });
        const q = new aws.sqs.Queue("q", {}, { provider: p });
        return { tagsAll: b.tagsAll, explicit: q.tagsAll };
      },
    });
    expect(g.outputs.tagsAll).toEqual({ team: "ml", env: "prod" });
    // An explicit provider has only its own default tags; the stack's apply to the default provider.
    expect(g.outputs.explicit).toEqual({ owner: "platform" });
  });

  it("gcp: a zone stands for its region; gcp:project and gcp:zone reach ids and lookups", async () => {
    const g = await previewInline({
      config: { "gcp:project": "acme-ml", "gcp:zone": "europe-west4-b" },
      program: () => {
        const ring = new gcp.kms.KeyRing("ring", { name: "ring", location: "europe-west1" });
        const sub = new gcp.compute.Subnetwork("sub", { name: "sub", network: "default", ipCidrRange: "10.0.0.0/24" });
        const vm = new gcp.compute.Instance("vm", { machineType: "e2-small", zone: "us-east1-c", bootDisk: { initializeParams: { image: "debian-12" } }, networkInterfaces: [{ network: "default" }] });
        const cfg = gcp.organizations.getClientConfig();
        return { ringId: ring.id, subId: sub.id, vm: vm.id, project: cfg.then((c) => c.project), region: cfg.then((c) => c.region), zones: gcp.compute.getZonesOutput().names };
      },
    });
    expect(byName(g, "ring").region).toBe("europe-west1");
    expect(byName(g, "sub").region).toBe("europe-west4");
    expect(byName(g, "vm").region).toBe("us-east1");
    expect(g.outputs.ringId).toBe("projects/acme-ml/locations/europe-west1/keyRings/ring");
    expect(g.outputs.subId).toBe("projects/acme-ml/regions/europe-west4/subnetworks/sub");
    expect(g.outputs.project).toBe("acme-ml");
    expect(g.outputs.region).toBe("europe-west4");
    expect(g.outputs.zones).toEqual(["europe-west4-a", "europe-west4-b", "europe-west4-c"]);
  });

  it.each([
    ["westeurope", "westeurope"],
    ["West Europe", "westeurope"],
  ])("azure-native:location %s places resources without a location in %s", async (location, expected) => {
    const g = await previewInline({
      config: { "azure-native:location": location },
      program: () => {
        const rg = new azure.resources.ResourceGroup("rg");
        const ws = new azure.operationalinsights.Workspace("logs", { resourceGroupName: rg.name, location: "North Europe" });
        const p = new azure.Provider("sweden", { location: "swedencentral" });
        const other = new azure.resources.ResourceGroup("rg2", {}, { provider: p });
        return { location: rg.location, other: other.location, ws: ws.location };
      },
    });
    expect(g.outputs.location).toBe(expected);
    expect(byName(g, "rg").region).toBe(expected);
    expect(byName(g, "logs").region).toBe("northeurope");
    expect(byName(g, "rg2").region).toBe("swedencentral");
    expect(g.outputs.other).toBe("swedencentral");
  });
});
