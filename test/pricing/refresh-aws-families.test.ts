// @ts-nocheck
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { AWS_SKU_MAP, refreshCatalog, type CatalogEntry, type RefreshOptions } from "@aitracks/core";
import { BUNDLED_CATALOG, removeTempCatalogs, startServer, tempCatalog, type FixtureServer, refreshOptions, catalogUsd } from "./server";

// The AWS families beyond SageMaker hosting and Bedrock provisioned throughput: S3, KMS,
// CloudWatch, ECR, Secrets Manager, EC2 instances and EBS, NAT gateway, ALB/NLB, public IPv4 and
// Bedrock Guardrails, each read from a fixture offer file of the real Price List shape that also
// holds products of the same service that must not match (build first: `npx tsc -b`).

let server: FixtureServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  removeTempCatalogs();
});

const options = (s: FixtureServer, path: string, extra: Partial<RefreshOptions> = {}): RefreshOptions => refreshOptions(s, path, { clouds: ["aws"], ...extra });

const usd = catalogUsd;

/** Rewrite one offer file of the fixture (parsed JSON in, JSON out). */
function editOffer(offer: string, edit: (doc: any) => void) {
  return (o: string, _region: string, text: string) => {
    if (o !== offer) return text;
    const doc = JSON.parse(text);
    edit(doc);
    return JSON.stringify(doc);
  };
}

const NEW_FAMILIES = [
  "s3-standard",
  "kms-key",
  "cloudwatch-logs-ingest",
  "cloudwatch-alarm",
  "ecr-storage",
  "secretsmanager-secret",
  "nat-gateway-hour",
  "nat-gateway-gb",
  "alb-hour",
  "alb-lcu",
  "nlb-hour",
  "nlb-nlcu",
  "public-ipv4",
  "t3.micro",
  "m5.large",
  "ebs-gp3",
  "ebs-gp3-iops",
  "ebs-gp3-throughput",
  "ebs-piops",
  "bedrock-guardrail-content-filter",
  "bedrock-guardrail-denied-topics",
  "bedrock-guardrail-sensitive-information",
  "bedrock-guardrail-contextual-grounding",
];

describe("pricing refresh: AWS storage, keys, logs, network, EC2 and guardrail families", () => {
  it("maps 90 of the 98 AWS entries (18 before), so 'not mapped' fell from 80 to 8", () => {
    const aws = (JSON.parse(readFileSync(BUNDLED_CATALOG, "utf8")) as { entries: CatalogEntry[] }).entries.filter((e) => e.cloud === "aws");
    expect(aws.length).toBe(98);
    expect(aws.filter((e) => !AWS_SKU_MAP[e.sku]).map((e) => e.sku)).toEqual([
      "sagemaker-serverless-gb-second",
      "bedrock-pt:custom-model-unit",
      "bedrock-pt:anthropic.claude-3-haiku",
      "bedrock-custom-model-storage",
      "bedrock-customization-training",
      "sagemaker-mlflow-small",
      "agentcore-runtime-vcpu-hour",
      "agentcore-runtime-gb-hour",
    ]);
    for (const sku of NEW_FAMILIES) expect(AWS_SKU_MAP[sku], sku).toBeDefined();
  });

  it("prices each family from its offer, past the decoys of the same service", async () => {
    server = await startServer();
    const { path } = tempCatalog();
    const result = await refreshCatalog(options(server, path));
    const aws = result.clouds[0]!;
    expect(aws.unmapped.length).toBe(8);
    for (const sku of NEW_FAMILIES) expect(aws.unmapped).not.toContain(sku);
    const quoted = new Map([...aws.updated.map((u) => [u.sku, u] as const), ...aws.unchanged.map((u) => [u.sku, u] as const)]);
    for (const sku of NEW_FAMILIES) expect(quoted.has(sku), sku).toBe(true);

    // S3 Standard, tier 1 (beginRange 0): 0.024, not 0.022 / 0.021 (next tiers), 0.0036 (Glacier),
    // 0.0125 (Standard-IA) or 0.03 (us-west-2).
    expect(aws.updated.find((u) => u.sku === "s3-standard")).toMatchObject({ old: 0.023, new: 0.024, matched: "TimedStorage-ByteHrs (tier from 0)" });
    // m5.large Linux, Shared, NA, Used: 0.1, not Windows 0.192, Dedicated 0.106, reservation, SQL Web 0.116.
    expect(aws.updated.find((u) => u.sku === "m5.large")).toMatchObject({ old: 0.096, new: 0.1, matched: "BoxUsage:m5.large" });
    // gp3 in the region, not the Boston Local Zone (0.096).
    expect(aws.updated.find((u) => u.sku === "ebs-gp3")).toMatchObject({ old: 0.08, new: 0.0792 });
    // gp3 throughput: 40.96 per GiBps-month / 1024 = 0.04 per MiBps-month.
    expect(quoted.get("ebs-gp3-throughput")).toMatchObject({ usd: 0.04, matched: "EBS:VolumeP-Throughput.gp3" });
    // ALB hours: LoadBalancerUsage 0.0225, not the trust-store TS-LoadBalancerUsage (0.0055) nor Outposts (0).
    expect(quoted.get("alb-hour")).toMatchObject({ usd: 0.0225, matched: "LoadBalancerUsage" });
    expect(quoted.get("nlb-nlcu")).toMatchObject({ usd: 0.006, matched: "LCUUsage" });
    // Public IPv4 in use, not a contiguous-block address (0.008).
    expect(quoted.get("public-ipv4")).toMatchObject({ usd: 0.005, matched: "USE1-PublicIPv4:InUseAddress" });
    // NAT gateway hours, not provisioned bandwidth (1.076).
    expect(quoted.get("nat-gateway-hour")).toMatchObject({ usd: 0.045, matched: "NatGateway-Hours" });
    // KMS key-month, not requests; CloudWatch ingestion, not scanning or storage; standard alarm, not high resolution.
    expect(quoted.get("kms-key")).toMatchObject({ usd: 1, matched: "us-east-1-KMS-Keys" });
    expect(quoted.get("cloudwatch-logs-ingest")).toMatchObject({ usd: 0.5, matched: "DataProcessing-Bytes" });
    expect(quoted.get("cloudwatch-alarm")).toMatchObject({ usd: 0.1, matched: "CW:AlarmMonitorUsage" });
    // Guardrails: the paid PII usage type (0.1), not the free one (0); content policy text, not images (0.75)
    // nor the InvokeGuardrailChecks content filter (0.00007 per text unit).
    expect(quoted.get("bedrock-guardrail-sensitive-information")).toMatchObject({ usd: 0.1 });
    expect(quoted.get("bedrock-guardrail-content-filter")).toMatchObject({ usd: 0.15, matched: "USE1-Guardrail-ContentPolicyUnitsConsumed" });
    expect(aws.updated.find((u) => u.sku === "bedrock-guardrail-contextual-grounding")).toMatchObject({ old: 0.1, new: 0.12 });

    expect(usd(path, "s3-standard")).toBe(0.024);
    expect(usd(path, "m5.large")).toBe(0.1);
  });

  it("prices serverless, database and cache families: per-request prices per million, free-tier dimensions dropped", async () => {
    server = await startServer();
    const { path } = tempCatalog();
    const aws = (await refreshCatalog(options(server, path))).clouds[0]!;
    const quoted = new Map([...aws.updated.map((u) => [u.sku, u] as const), ...aws.unchanged.map((u) => [u.sku, u] as const)]);
    // Per request x 1,000,000: Lambda 0.0000002 x 1e6 = 0.2; DynamoDB writes 0.000000625 x 1e6 = 0.625;
    // API Gateway HTTP, first tier, 0.000001 x 1e6 = 1 (not 0.9 over 300M, not WebSocket messages).
    expect(quoted.get("lambda-requests")).toMatchObject({ usd: 0.2 });
    expect(quoted.get("dynamodb-write-request-units")).toMatchObject({ usd: 0.625, matched: "WriteRequestUnits" });
    expect(quoted.get("apigw-http-requests")).toMatchObject({ usd: 1, matched: "USE1-ApiGatewayHttpRequest (tier from 0)" });
    expect(quoted.get("apigw-rest-requests")).toMatchObject({ usd: 3.5 });
    // Lambda x86 duration, first tier: not the 9B/15B tiers, nor the Arm (0.0000133334) or
    // provisioned-concurrency (0.0000097222) usage types of the same group; Arm at its own first tier.
    expect(quoted.get("lambda-gb-second")).toMatchObject({ usd: 0.0000166667, matched: "Lambda-GB-Second (tier from 0)" });
    expect(quoted.get("lambda-arm-gb-second")).toMatchObject({ usd: 0.0000133334, matched: "Lambda-GB-Second-ARM (tier from 0)" });
    expect(quoted.get("fargate-arm-gb-hour")).toMatchObject({ usd: 0.00356, matched: "USE1-Fargate-ARM-GB-Hours" });
    // DynamoDB provisioned WCU and storage: the paid dimension, not "(free tier)" / "$0.00 per GB-Month";
    // storage is not Standard-IA (0.1) nor PITR (0.2).
    expect(quoted.get("dynamodb-wcu-hour")).toMatchObject({ usd: 0.00065 });
    expect(quoted.get("dynamodb-storage")).toMatchObject({ usd: 0.25, matched: "TimedStorage-ByteHrs" });
    // Fargate x86, not ARM or ephemeral storage; the interface endpoint, not a GWLB endpoint.
    expect(quoted.get("fargate-vcpu-hour")).toMatchObject({ usd: 0.04048, matched: "USE1-Fargate-vCPU-Hours:perCPU" });
    expect(quoted.get("vpc-interface-endpoint")).toMatchObject({ usd: 0.01, matched: "USE1-VpcEndpoint-Hours" });
    // RDS PostgreSQL Single-AZ (0.18, not Multi-AZ 0.356 nor MariaDB); Aurora standard, not I/O-optimized;
    // Aurora Serverless v2 standard ACU (0.12, not 0.16); gp2 Single-AZ (not Multi-AZ, not gp3).
    expect(aws.updated.find((u) => u.sku === "rds-postgres:db.m5.large")).toMatchObject({ old: 0.178, new: 0.18 });
    expect(quoted.get("aurora-postgresql:db.r6g.large")).toMatchObject({ usd: 0.26, matched: "InstanceUsage:db.r6g.large" });
    expect(quoted.get("aurora-serverless-v2-acu")).toMatchObject({ usd: 0.12 });
    expect(quoted.get("rds-gp2-storage")).toMatchObject({ usd: 0.115, matched: "RDS:GP2-Storage" });
    // ElastiCache Redis in the region (0.2), not Valkey (0.1648), Memcached or Outposts.
    expect(aws.updated.find((u) => u.sku === "cache.r6g.large")).toMatchObject({ old: 0.206, new: 0.2 });
  });

  it("finds no DynamoDB capacity price when only its free-tier dimension is left", async () => {
    server = await startServer({
      awsBody: editOffer("AmazonDynamoDB", (doc) => {
        const dims = Object.values(doc.terms.OnDemand.DDBPROVWCU0000003)[0].priceDimensions;
        for (const [k, d] of Object.entries(dims)) if (!/free tier/.test(d.description)) delete dims[k];
      }),
    });
    const { path } = tempCatalog();
    const aws = (await refreshCatalog(options(server, path))).clouds[0]!;
    expect(aws.notFound.find((n) => n.sku === "dynamodb-wcu-hour")?.reason).toBe("no price dimension of WriteCapacityUnit-Hrs matches /^(?!.*\\(free tier\\))/");
    expect(usd(path, "dynamodb-wcu-hour")).toBe(0.00065);
  });

  it("reads S3 at the tier it names, and finds nothing when that tier is missing", async () => {
    // Drop the first tier: the next tiers (0.022, 0.021) must not stand in for it.
    server = await startServer({
      awsBody: editOffer("AmazonS3", (doc) => {
        const dims = Object.values(doc.terms.OnDemand.S3STDSTORAGE00001)[0].priceDimensions;
        for (const [k, d] of Object.entries(dims)) if (d.beginRange === "0") delete dims[k];
      }),
    });
    const { path } = tempCatalog();
    const aws = (await refreshCatalog(options(server, path))).clouds[0]!;
    expect(aws.notFound.find((n) => n.sku === "s3-standard")?.reason).toBe("no price tier beginning at 0 for TimedStorage-ByteHrs");
    expect(usd(path, "s3-standard")).toBe(0.023);
  });

  it("calls a tiered price ambiguous where the mapping names no tier, and two matching products at different prices too", async () => {
    server = await startServer({
      awsBody: (o, r, text) => {
        if (o === "AmazonECR") {
          // ECR storage in two tiers: no tier is chosen for it, so no price is taken.
          const doc = JSON.parse(text);
          const dims = Object.values(doc.terms.OnDemand.ECRSTORAGE0000001)[0].priceDimensions;
          const [first] = Object.values(dims);
          first.endRange = "1000";
          dims.second = { ...first, rateCode: "second", beginRange: "1000", endRange: "Inf", pricePerUnit: { USD: "0.0900000000" } };
          return JSON.stringify(doc);
        }
        if (o === "AWSSecretsManager") {
          // A second Secret product at another price.
          const doc = JSON.parse(text);
          doc.products.SECRET00000000009 = { ...doc.products.SECRET00000000001, sku: "SECRET00000000009" };
          const t = structuredClone(doc.terms.OnDemand.SECRET00000000001);
          Object.values(Object.values(t)[0].priceDimensions)[0].pricePerUnit.USD = "0.5000000000";
          doc.terms.OnDemand.SECRET00000000009 = t;
          return JSON.stringify(doc);
        }
        return text;
      },
    });
    const { path } = tempCatalog();
    const aws = (await refreshCatalog(options(server, path))).clouds[0]!;
    expect(aws.notFound.find((n) => n.sku === "ecr-storage")?.reason).toBe("ambiguous: TimedStorage-ByteHrs 0.1; TimedStorage-ByteHrs 0.09");
    expect(aws.notFound.find((n) => n.sku === "secretsmanager-secret")?.reason).toBe(
      "ambiguous: AWSSecretsManager-Secrets 0.4; AWSSecretsManager-Secrets 0.5",
    );
    expect(usd(path, "ecr-storage")).toBe(0.1);
    expect(usd(path, "secretsmanager-secret")).toBe(0.4);
  });

  it("never takes a per-text-unit guardrail price for the catalog's per-1K one", async () => {
    server = await startServer({
      awsBody: editOffer("AmazonBedrock", (doc) => {
        const d = Object.values(Object.values(doc.terms.OnDemand.GUARDCONTENT00001)[0].priceDimensions)[0];
        d.description = "$0.00015 per TextUnit for content policy";
        d.pricePerUnit.USD = "0.0001500000";
      }),
    });
    const { path } = tempCatalog();
    const aws = (await refreshCatalog(options(server, path))).clouds[0]!;
    expect(aws.notFound.find((n) => n.sku === "bedrock-guardrail-content-filter")?.reason).toMatch(
      /^unexpected price dimension "TextUnits: \$0\.00015 per TextUnit for content policy" for USE1-Guardrail-ContentPolicyUnitsConsumed/,
    );
    expect(usd(path, "bedrock-guardrail-content-filter")).toBe(0.15);
  });

  it("finds no EC2 price when only Windows, Dedicated or reserved-capacity rows are left", async () => {
    server = await startServer({
      awsBody: editOffer("AmazonEC2", (doc) => {
        for (const [k, p] of Object.entries(doc.products)) {
          if (p.attributes.instanceType === "m5.large" && p.attributes.operatingSystem === "Linux" && p.attributes.tenancy === "Shared" && p.attributes.capacitystatus === "Used" && p.attributes.preInstalledSw === "NA") delete doc.products[k];
        }
      }),
    });
    const { path } = tempCatalog();
    const aws = (await refreshCatalog(options(server, path))).clouds[0]!;
    expect(aws.notFound.find((n) => n.sku === "m5.large")?.reason).toMatch(/^no product with productFamily "Compute Instance", instanceType "m5\.large", tenancy "Shared", operatingSystem "Linux"/);
    expect(usd(path, "m5.large")).toBe(0.096);
  });
});
