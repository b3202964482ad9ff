// @ts-nocheck
// The cost of a program not written with aitracks: infrastructure only (no team it never asked for),
// non-cloud resources left out entirely, and regional placement from the stack's own config.
import { describe, expect, it } from "vitest";
import { Key } from "@pulumi/aws/kms";
import { Bucket } from "@pulumi/aws/s3";
import { EndpointConfiguration } from "@pulumi/aws/sagemaker";
import { ProvisionedModelThroughput } from "@pulumi/aws/bedrock";
import { RandomPassword } from "@pulumi/random";
import { PrivateKey } from "@pulumi/tls";
import * as pulumi from "@pulumi/pulumi";
import { estimateCost, loadCatalog } from "@aitracks/core";
import { previewInline } from "@aitracks/preview";
import { aitracks } from "../helpers/cli";
import { estimate, priced, res } from "./helpers";

/** The program's own dynamic resource (`pulumi-nodejs:dynamic:Resource`): its code, not a cloud resource. */
class Seed extends pulumi.dynamic.Resource {
  constructor(name: string) {
    super({ create: async () => ({ id: "seed" }) }, name, {});
  }
}

const program = () => {
  new Key("data-key", {});
  new Bucket("data", {});
  new RandomPassword("db-password", { length: 24 });
  new PrivateKey("signing", { algorithm: "ECDSA" });
  new Seed("seed");
};

describe("a program not written with aitracks", () => {
  it("three years = 36 x the monthly bill (no team), and random / tls / dynamic resources are neither priced nor unpriced", async () => {
    const graph = await previewInline({ program, config: { "aws:region": "us-east-1" } });
    const e = estimateCost(graph);
    const kms = loadCatalog().find("kms-key")!.usd;
    expect(e.monthlyUsd).toBe(kms); // the key; the bucket holds 0 GB the workload does not size
    expect(e.threeYear.peopleAndDataUsd).toBe(0);
    expect(e.threeYear.breakdown).toEqual({ team: 0, maintenance: 0, data: 0 });
    expect(e.threeYear.totalUsd).toBe(36 * kms);
    expect(e.unpriced).toEqual([]);
    expect(graph.resources.map((r) => r.type)).toContain("pulumi-nodejs:dynamic:Resource");
    const listed = [...e.resources, ...e.free].map((r) => r.name).sort();
    expect(listed).toEqual(["data", "data-key"]);
  });

  it("an aitracks stack (any aitracks:* config) still carries the team of its option", async () => {
    const graph = await previewInline({ program, config: { "aws:region": "us-east-1", "aitracks:environment": "production" } });
    const e = estimateCost(graph);
    expect(e.threeYear.breakdown.team).toBeGreaterThan(0);
    expect(e.threeYear.totalUsd).toBe(e.threeYear.infrastructureUsd + e.threeYear.oneOffUsd + e.threeYear.peopleAndDataUsd);
  });

  it("`aitracks cost --json` on the foreign fixture: three years = 36 x monthly, nothing unpriced, placed in eu-west-1", () => {
    const r = aitracks(["cost", "--program", "test/fixtures/programs/foreign", "--stack", "dev", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { monthlyUsd: number; threeYearUsd: number; unpriced: unknown[]; resources: { name: string; region: string | null }[] };
    expect(doc.monthlyUsd).toBe(1);
    expect(doc.threeYearUsd).toBe(36);
    expect(doc.unpriced).toEqual([]);
    expect(doc.resources.map((x) => [x.name, x.region])).toEqual([
      ["data-key", "eu-west-1"],
      ["data", "eu-west-1"],
    ]);
  });
});

describe("regions", () => {
  it("an eu-west-1 stack is priced and placed in eu-west-1 (aws:region), at the catalog's list price, said so", async () => {
    const graph = await previewInline({
      program: () => {
        new EndpointConfiguration("ranker", { productionVariants: [{ variantName: "primary", modelName: "m", instanceType: "ml.g5.2xlarge", initialInstanceCount: 2 }] });
        new ProvisionedModelThroughput("pt", { modelArn: "arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0:300k", modelUnits: 1, provisionedModelName: "pt" });
      },
      config: { "aws:region": "eu-west-1" },
    });
    const e = estimateCost(graph);
    const ranker = priced(e, "ranker");
    expect(ranker.region).toBe("eu-west-1");
    // 1.515 $/h (catalog ml.g5.2xlarge) x 2 instances x 730 h
    expect(ranker.monthlyUsd).toBeCloseTo(1.515 * 2 * 730, 6);
    expect(ranker.notes).toContain("ml.g5.2xlarge priced at its us-east-1 list price (the catalog quotes one region)");
    // The catalog does not offer Nova Lite provisioned throughput in eu-west-1: said, not hidden.
    const pt = priced(e, "pt");
    expect(pt.region).toBe("eu-west-1");
    expect(pt.notes.some((n) => /not offered in eu-west-1/.test(n))).toBe(true);
  });

  it("the region the preview engine resolved (the graph's region) wins over inputs, provider and config", () => {
    const e = estimate(
      [res("aws:kms/key:Key", "k", { region: "us-east-1" }, { region: "EU-West-1" })],
      { "aws:region": "us-west-2" },
    );
    expect(priced(e, "k").region).toBe("eu-west-1");
  });

  it("GCP takes gcp:zone's region when gcp:region is not set; Azure azure-native:location, normalised", () => {
    const e = estimate(
      [res("gcp:kms/cryptoKey:CryptoKey", "ck", { keyRing: "kr" }), res("azure-native:storage:StorageAccount", "sa", { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } })],
      { "gcp:zone": "europe-west4-a", "azure-native:location": "West Europe" },
    );
    expect(priced(e, "ck").region).toBe("europe-west4");
    expect(priced(e, "sa").region).toBe("westeurope");
  });
});
