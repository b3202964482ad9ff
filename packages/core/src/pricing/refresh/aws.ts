import type { CatalogEntry } from "../../schema/catalog";
import { fetchStream, redactUrl } from "./http";
import { JsonStreamError, StreamingJsonScanner } from "./json-stream";
import { cleanPrice, RefreshError, type CloudQuotes, type FetchContext, type NotFound, type SourceQuote } from "./types";

/** The AWS Price List bulk API: public, no credentials. Override with AITRACKS_AWS_PRICES_URL. */
export const AWS_PRICES_URL = "https://pricing.us-east-1.amazonaws.com";

/** The Price List offers (service codes) the mappings read, one offer file per service and region. */
export type AwsOffer =
  | "AmazonSageMaker"
  | "AmazonBedrock"
  | "AmazonS3"
  | "awskms"
  | "AmazonCloudWatch"
  | "AmazonECR"
  | "AWSSecretsManager"
  | "AmazonEC2"
  | "AWSELB"
  | "AmazonVPC"
  | "AWSLambda"
  | "AmazonECS"
  | "AmazonDynamoDB"
  | "AmazonApiGateway"
  | "AmazonRDS"
  | "AmazonElastiCache";

/**
 * How each AWS catalog SKU is found in the Price List offer file of its service and region
 * (`<base>/offers/v1.0/aws/<offerCode>/current/<region>/index.json`).
 *
 * - `sagemaker-hosting`: the product whose `attributes.instanceName` is the SKU and whose usage
 *   type is real-time hosting (`<REGION>-Host:ml.*`, or `attributes.component` "Hosting" when no
 *   usage type is given), priced per hour (`Hrs`) in the OnDemand terms. Training, notebook,
 *   processing and batch-transform products of the same instance are other usage types.
 * - `product`: the products of the offer whose `productFamily` (when given) and every listed
 *   attribute match: a string is compared exactly (a missing attribute reads as ""), a pattern
 *   is tested, e.g. Bedrock no-commitment provisioned throughput
 *   `USE1-Llama3-1-8B-ProvisionedThroughput-NoCommit-ModelUnits`. Their OnDemand price
 *   dimensions must be in `unit` (when given; otherwise no source names the unit and it is not
 *   checked) and, when `dimension` is given, their unit and description must match it. A tiered
 *   price (S3's first 50 TB, next 450 TB, ...) is read at the tier whose `beginRange` is
 *   `beginRange`; without it, tiers at different prices are ambiguous and nothing is taken.
 *   `scale` converts the source unit to the catalog's (GiBps-month to MiBps-month: 1/1024; a
 *   per-request price to the catalog's per million: 1e6). `keep` drops price dimensions whose
 *   description does not match it (a "(free tier)" dimension beside the paid one).
 *
 * Every filter below names where it comes from: infracost's Price List filters
 * (github.com/infracost/infracost, internal/resources/aws/<file>.go) unless said otherwise.
 */
export type AwsMapping =
  | { readonly kind: "sagemaker-hosting"; readonly offer: "AmazonSageMaker" }
  | {
      readonly kind: "product";
      readonly offer: AwsOffer;
      readonly productFamily?: string;
      readonly attributes: Readonly<Record<string, string | RegExp>>;
      readonly unit?: RegExp;
      readonly dimension?: RegExp;
      readonly beginRange?: number;
      readonly scale?: number;
      readonly keep?: RegExp;
    };

const hosting: AwsMapping = { kind: "sagemaker-hosting", offer: "AmazonSageMaker" };

/**
 * A usage type with or without its region prefix: `USE1-`, `CAN1-`, `EU-` (eu-west-1); most
 * us-east-1 usage types have none. The prefix pattern is infracost's (lb.go); anything else
 * before or after the name (`TS-LoadBalancerUsage`, `...-Provisioned-Hours`) does not match.
 */
function usage(name: string): RegExp {
  return usagePattern(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}
/** The same, for a name given as a pattern. */
function usagePattern(pattern: string, flags = ""): RegExp {
  return new RegExp(`^(?:[A-Z]{3}\\d-|EU-)?${pattern}$`, flags);
}

const bedrockNoCommit = (model: string): AwsMapping => ({
  kind: "product",
  offer: "AmazonBedrock",
  attributes: { usagetype: usagePattern(`${model}-ProvisionedThroughput-NoCommit-ModelUnits`, "i") },
  unit: /^(hrs?|hours?)$/i,
});

/**
 * Bedrock Guardrails text units, one usage type per policy (`USE1-Guardrail-ContentPolicyUnitsConsumed`).
 * The usage type names are those of the AWS Price List API's AmazonBedrock `usagetype` values
 * (get_attribute_values, as recorded in public cost models); their price dimensions read "per 1K
 * text units", the catalog's unit, which `dimension` requires so a per-unit price is never taken
 * for a per-thousand one.
 */
const guardrail = (policy: string): AwsMapping => ({
  kind: "product",
  offer: "AmazonBedrock",
  attributes: { usagetype: usage(`Guardrail-${policy}UnitsConsumed`) },
  dimension: /\b1K\b|\b1,000\b/i,
});

/** EC2 on-demand Linux, shared tenancy, no pre-installed software: instance.go computeCostComponent. */
const ec2 = (instanceType: string): AwsMapping => ({
  kind: "product",
  offer: "AmazonEC2",
  productFamily: "Compute Instance",
  attributes: { instanceType, tenancy: "Shared", operatingSystem: "Linux", preInstalledSw: "NA", licenseModel: "No License required", capacitystatus: "Used" },
  unit: /^hrs$/i,
});

/** RDS instance hours, Single-AZ: db_instance.go (productFamily "Database Instance", instanceType, deploymentOption, databaseEngine). */
const rds = (databaseEngine: "PostgreSQL" | "MySQL", instanceType: string): AwsMapping => ({
  kind: "product",
  offer: "AmazonRDS",
  productFamily: "Database Instance",
  attributes: { instanceType, deploymentOption: "Single-AZ", databaseEngine },
  unit: /^hrs$/i,
});

/** Aurora instance hours, standard (not I/O-optimized) storage: rds_cluster_instance.go (usagetype /InstanceUsage:/). */
const aurora = (databaseEngine: "Aurora PostgreSQL" | "Aurora MySQL", instanceType: string): AwsMapping => ({
  kind: "product",
  offer: "AmazonRDS",
  productFamily: "Database Instance",
  attributes: { instanceType, databaseEngine, usagetype: /InstanceUsage:/ },
  unit: /^hrs$/i,
});

/**
 * ElastiCache node hours: elasticache_cluster.go (productFamily "Cache Instance", instanceType,
 * locationType "AWS Region", cacheEngine). Read at the Redis engine: the catalog entries name no
 * engine, and Valkey nodes are priced lower.
 */
const cache = (instanceType: string): AwsMapping => ({
  kind: "product",
  offer: "AmazonElastiCache",
  productFamily: "Cache Instance",
  attributes: { instanceType, locationType: "AWS Region", cacheEngine: "Redis" },
  unit: /^hrs$/i,
});

/** EBS volume storage by `volumeApiName`, productFamily Storage: ebs_volume.go storageCostComponent. */
const ebs = (volumeApiName: string): AwsMapping => ({
  kind: "product",
  offer: "AmazonEC2",
  productFamily: "Storage",
  attributes: { volumeApiName },
  unit: /^GB-Mo$/i,
});

/** ALB / NLB hours and capacity units (locationType "AWS Region"): lb.go. */
const elb = (family: "Load Balancer-Application" | "Load Balancer-Network", what: "LoadBalancerUsage" | "LCUUsage"): AwsMapping => ({
  kind: "product",
  offer: "AWSELB",
  productFamily: family,
  attributes: { locationType: "AWS Region", usagetype: usage(what) },
  unit: what === "LoadBalancerUsage" ? /^hrs$/i : /LCU/i,
});

export const AWS_SKU_MAP: Readonly<Record<string, AwsMapping>> = {
  "ml.g5.xlarge": hosting,
  "ml.g5.2xlarge": hosting,
  "ml.g5.12xlarge": hosting,
  "ml.g5.48xlarge": hosting,
  "ml.g6.xlarge": hosting,
  "ml.g6.2xlarge": hosting,
  "ml.g6.12xlarge": hosting,
  "ml.g6.48xlarge": hosting,
  "ml.p4d.24xlarge": hosting,
  "ml.p5.48xlarge": hosting,
  "ml.trn1.2xlarge": hosting,
  "ml.trn1.32xlarge": hosting,
  "ml.inf2.xlarge": hosting,
  "ml.inf2.48xlarge": hosting,
  "ml.m5.xlarge": hosting,
  "ml.m5.large": hosting,
  "bedrock-pt:meta.llama3-1-8b": bedrockNoCommit("Llama3-1-8B"),
  "bedrock-pt:amazon.nova-lite": bedrockNoCommit("Nova-?Lite"),
  "bedrock-guardrail-content-filter": guardrail("ContentPolicy"),
  "bedrock-guardrail-denied-topics": guardrail("TopicPolicy"),
  "bedrock-guardrail-sensitive-information": guardrail("SensitiveInformationPolicyPaid"),
  "bedrock-guardrail-contextual-grounding": guardrail("ContextualGroundingPolicy"),
  // S3 Standard storage, first tier (the first 50 TB/month): s3_standard_storage_class.go +
  // s3StorageVolumeTypeCostComponent (usagetype TimedStorage-ByteHrs, volumeType Standard,
  // operation "", StartUsageAmount 0).
  "s3-standard": {
    kind: "product",
    offer: "AmazonS3",
    attributes: { usagetype: usage("TimedStorage-ByteHrs"), volumeType: "Standard", operation: "" },
    unit: /^GB-Mo$/i,
    beginRange: 0,
  },
  // Customer managed key, per key-month: kms_key.go CustomerMasterKeyCostComponent (productFamily
  // "Encryption Key", usagetype /KMS-Keys/ unanchored: KMS usage types carry the region in their
  // own form, so any prefix is allowed, nothing after).
  "kms-key": { kind: "product", offer: "awskms", productFamily: "Encryption Key", attributes: { usagetype: /^(?:[A-Za-z0-9-]+-)?KMS-Keys$/ } },
  // Logs ingested (standard class): cloudwatch_log_group.go "Data ingested".
  "cloudwatch-logs-ingest": {
    kind: "product",
    offer: "AmazonCloudWatch",
    productFamily: "Data Payload",
    attributes: { usagetype: usage("DataProcessing-Bytes") },
    unit: /^GB$/i,
  },
  // Standard-resolution alarm metric: cloudwatch_metric_alarm.go (productFamily Alarm, alarmType Standard).
  "cloudwatch-alarm": { kind: "product", offer: "AmazonCloudWatch", productFamily: "Alarm", attributes: { alarmType: "Standard" } },
  // Image storage: ecr_repository.go (productFamily "EC2 Container Registry").
  "ecr-storage": { kind: "product", offer: "AmazonECR", productFamily: "EC2 Container Registry", attributes: {}, unit: /^GB-Mo$/i },
  // A secret per month: secretsmanager_secret.go (productFamily Secret).
  "secretsmanager-secret": { kind: "product", offer: "AWSSecretsManager", productFamily: "Secret", attributes: {} },
  // nat_gateway.go: NatGateway-Hours and NatGateway-Bytes in productFamily "NAT Gateway".
  "nat-gateway-hour": { kind: "product", offer: "AmazonEC2", productFamily: "NAT Gateway", attributes: { usagetype: usage("NatGateway-Hours") }, unit: /^hrs$/i },
  "nat-gateway-gb": { kind: "product", offer: "AmazonEC2", productFamily: "NAT Gateway", attributes: { usagetype: usage("NatGateway-Bytes") }, unit: /^GB$/i },
  "alb-hour": elb("Load Balancer-Application", "LoadBalancerUsage"),
  "alb-lcu": elb("Load Balancer-Application", "LCUUsage"),
  "nlb-hour": elb("Load Balancer-Network", "LoadBalancerUsage"),
  "nlb-nlcu": elb("Load Balancer-Network", "LCUUsage"),
  // Public IPv4 (in use), AmazonVPC, per hour. Not infracost (its eip.go still reads the pre-2024
  // ElasticIP:IdleAddress); the usage type is the Price List's `<REGION>-PublicIPv4:InUseAddress`
  // (AmazonVPC, no productFamily), unit Hrs, as recorded from the Price List API in public fixtures.
  "public-ipv4": { kind: "product", offer: "AmazonVPC", attributes: { usagetype: usage("PublicIPv4:InUseAddress") }, unit: /^hrs$/i },
  // VPC interface endpoint hours: vpc_endpoint.go (productFamily VpcEndpoint, usagetype
  // VpcEndpoint-Hours; gateway-load-balancer and other endpoint hours are other usage types).
  "vpc-interface-endpoint": { kind: "product", offer: "AmazonVPC", productFamily: "VpcEndpoint", attributes: { usagetype: usage("VpcEndpoint-Hours") }, unit: /^hrs$/i },
  // Lambda: lambda_function.go (productFamily Serverless; group AWS-Lambda-Requests with usagetype
  // /Request/, per request, so 1e6 of it per million; group AWS-Lambda-Duration with usagetype
  // /GB-Second/, first volume tier). Narrowed to the exact x86 usage types `Request` and
  // `Lambda-GB-Second`, and the Arm one `Lambda-GB-Second-ARM` (first tier), as recorded from the
  // AWSLambda offer in public price tables: /GB-Second/ alone also matches the Arm and
  // provisioned-concurrency usage types.
  "lambda-requests": {
    kind: "product",
    offer: "AWSLambda",
    productFamily: "Serverless",
    attributes: { group: "AWS-Lambda-Requests", usagetype: usage("Request") },
    scale: 1_000_000,
  },
  "lambda-gb-second": {
    kind: "product",
    offer: "AWSLambda",
    productFamily: "Serverless",
    attributes: { group: "AWS-Lambda-Duration", usagetype: usage("Lambda-GB-Second") },
    beginRange: 0,
  },
  "lambda-arm-gb-second": { kind: "product", offer: "AWSLambda", productFamily: "Serverless", attributes: { usagetype: usage("Lambda-GB-Second-ARM") }, beginRange: 0 },
  // Fargate (Linux/x86): ecs_service.go (AmazonECS, productFamily Compute, usagetypes
  // Fargate-vCPU-Hours:perCPU and Fargate-GB-Hours; ARM and Windows are other usage types).
  "fargate-vcpu-hour": { kind: "product", offer: "AmazonECS", productFamily: "Compute", attributes: { usagetype: usage("Fargate-vCPU-Hours:perCPU") } },
  "fargate-gb-hour": { kind: "product", offer: "AmazonECS", productFamily: "Compute", attributes: { usagetype: usage("Fargate-GB-Hours") } },
  // Fargate Linux/Arm: the same family's Arm usage types, `<REGION>-Fargate-ARM-vCPU-Hours:perCPU`
  // and `<REGION>-Fargate-ARM-GB-Hours`, as recorded from the AmazonECS offer in public price tables.
  "fargate-arm-vcpu-hour": { kind: "product", offer: "AmazonECS", productFamily: "Compute", attributes: { usagetype: usage("Fargate-ARM-vCPU-Hours:perCPU") } },
  "fargate-arm-gb-hour": { kind: "product", offer: "AmazonECS", productFamily: "Compute", attributes: { usagetype: usage("Fargate-ARM-GB-Hours") } },
  // DynamoDB: dynamodb_table.go. On-demand request units (productFamily "Amazon DynamoDB PayPerRequest
  // Throughput", group DDB-WriteUnits / DDB-ReadUnits, per unit, so 1e6 of it per million);
  // provisioned capacity (productFamily "Provisioned IOPS", same groups, not the "(free tier)"
  // dimension); storage (productFamily "Database Storage", usagetype TimedStorage-ByteHrs not
  // IA-, not the "$0.00 per GB-Month" dimension).
  "dynamodb-write-request-units": {
    kind: "product",
    offer: "AmazonDynamoDB",
    productFamily: "Amazon DynamoDB PayPerRequest Throughput",
    attributes: { group: "DDB-WriteUnits" },
    scale: 1_000_000,
  },
  "dynamodb-read-request-units": {
    kind: "product",
    offer: "AmazonDynamoDB",
    productFamily: "Amazon DynamoDB PayPerRequest Throughput",
    attributes: { group: "DDB-ReadUnits" },
    scale: 1_000_000,
  },
  "dynamodb-wcu-hour": { kind: "product", offer: "AmazonDynamoDB", productFamily: "Provisioned IOPS", attributes: { group: "DDB-WriteUnits" }, keep: /^(?!.*\(free tier\))/ },
  "dynamodb-rcu-hour": { kind: "product", offer: "AmazonDynamoDB", productFamily: "Provisioned IOPS", attributes: { group: "DDB-ReadUnits" }, keep: /^(?!.*\(free tier\))/ },
  "dynamodb-storage": {
    kind: "product",
    offer: "AmazonDynamoDB",
    productFamily: "Database Storage",
    attributes: { usagetype: /(?<!IA-)TimedStorage-ByteHrs$/ },
    keep: /^(?!.*\$0\.00 per GB-Month)/,
  },
  // API Gateway requests, first volume tier, per request (1e6 of it per million):
  // apigatewayv2_api.go (HTTP: usagetype ApiGatewayHttpRequest) and api_gateway_rest_api.go
  // (REST: ApiGatewayRequest), productFamily "API Calls".
  "apigw-http-requests": {
    kind: "product",
    offer: "AmazonApiGateway",
    productFamily: "API Calls",
    attributes: { usagetype: usage("ApiGatewayHttpRequest") },
    beginRange: 0,
    scale: 1_000_000,
  },
  "apigw-rest-requests": {
    kind: "product",
    offer: "AmazonApiGateway",
    productFamily: "API Calls",
    attributes: { usagetype: usage("ApiGatewayRequest") },
    beginRange: 0,
    scale: 1_000_000,
  },
  "rds-postgres:db.t3.micro": rds("PostgreSQL", "db.t3.micro"),
  "rds-postgres:db.t3.medium": rds("PostgreSQL", "db.t3.medium"),
  "rds-postgres:db.t4g.micro": rds("PostgreSQL", "db.t4g.micro"),
  "rds-postgres:db.m5.large": rds("PostgreSQL", "db.m5.large"),
  "rds-postgres:db.r5.large": rds("PostgreSQL", "db.r5.large"),
  "rds-mysql:db.t3.micro": rds("MySQL", "db.t3.micro"),
  "rds-mysql:db.t3.medium": rds("MySQL", "db.t3.medium"),
  "rds-mysql:db.m5.large": rds("MySQL", "db.m5.large"),
  "aurora-postgresql:db.r6g.large": aurora("Aurora PostgreSQL", "db.r6g.large"),
  "aurora-postgresql:db.t4g.medium": aurora("Aurora PostgreSQL", "db.t4g.medium"),
  "aurora-mysql:db.r6g.large": aurora("Aurora MySQL", "db.r6g.large"),
  "aurora-mysql:db.t4g.medium": aurora("Aurora MySQL", "db.t4g.medium"),
  // Aurora Serverless v2 capacity (standard, not I/O-optimized): rds_cluster_instance.go
  // auroraServerlessV2CostComponent (usagetype Aurora:ServerlessV2Usage).
  "aurora-serverless-v2-acu": { kind: "product", offer: "AmazonRDS", attributes: { usagetype: usage("Aurora:ServerlessV2Usage") } },
  // gp2 storage, Single-AZ: infracost's RDS instance storage filter (productFamily "Database Storage",
  // volumeType "General Purpose", deploymentOption Single-AZ).
  "rds-gp2-storage": {
    kind: "product",
    offer: "AmazonRDS",
    productFamily: "Database Storage",
    attributes: { volumeType: "General Purpose", deploymentOption: "Single-AZ" },
    unit: /^GB-Mo$/i,
  },
  "cache.t3.micro": cache("cache.t3.micro"),
  "cache.t3.small": cache("cache.t3.small"),
  "cache.t3.medium": cache("cache.t3.medium"),
  "cache.t4g.micro": cache("cache.t4g.micro"),
  "cache.m5.large": cache("cache.m5.large"),
  "cache.r6g.large": cache("cache.r6g.large"),
  "t3.micro": ec2("t3.micro"),
  "t3.small": ec2("t3.small"),
  "t3.medium": ec2("t3.medium"),
  "t3.large": ec2("t3.large"),
  "t4g.micro": ec2("t4g.micro"),
  "m5.large": ec2("m5.large"),
  "m5.xlarge": ec2("m5.xlarge"),
  "m6i.large": ec2("m6i.large"),
  "c5.large": ec2("c5.large"),
  "r5.large": ec2("r5.large"),
  "ebs-gp3": ebs("gp3"),
  "ebs-gp2": ebs("gp2"),
  "ebs-io1": ebs("io1"),
  "ebs-io2": ebs("io2"),
  "ebs-st1": ebs("st1"),
  "ebs-sc1": ebs("sc1"),
  "ebs-standard": ebs("standard"),
  // Provisioned IOPS: ebs_volume.go provisionedIOPSCostComponent (productFamily "System Operation",
  // io1: EBS:VolumeP-IOPS.piops; gp3 above 3,000 IOPS: VolumeP-IOPS.gp3).
  "ebs-piops": {
    kind: "product",
    offer: "AmazonEC2",
    productFamily: "System Operation",
    attributes: { volumeApiName: "io1", usagetype: usage("EBS:VolumeP-IOPS.piops") },
    unit: /^IOPS-Mo$/i,
  },
  "ebs-gp3-iops": {
    kind: "product",
    offer: "AmazonEC2",
    productFamily: "System Operation",
    attributes: { volumeApiName: "gp3", usagetype: usagePattern("(?:EBS:)?VolumeP-IOPS\\.gp3") },
    unit: /^IOPS-Mo$/i,
  },
  // gp3 throughput above 125 MiB/s: ebs_volume.go provisionedThroughputCostComponent (productFamily
  // "Provisioned Throughput", VolumeP-Throughput.gp3, priced per GiBps-mo; the catalog is per
  // MiBps-month, so 1/1024 of it).
  "ebs-gp3-throughput": {
    kind: "product",
    offer: "AmazonEC2",
    productFamily: "Provisioned Throughput",
    attributes: { volumeApiName: "gp3", usagetype: usagePattern("(?:EBS:)?VolumeP-Throughput\\.gp3") },
    unit: /^GiBps-mo$/i,
    scale: 1 / 1024,
  },
};

const HOST_USAGE = /(?:^|-)Host:ml\.[^:]+$/;

interface Product {
  readonly sku: string;
  readonly productFamily: string;
  readonly attributes: Readonly<Record<string, string>>;
}

interface PriceDim {
  readonly unit: string;
  readonly usd: number;
  readonly description: string;
  /** Where the tier starts (`beginRange`); undefined when the source gives none. */
  readonly beginRange: number | undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function productMatches(p: Product, m: Extract<AwsMapping, { kind: "product" }>): boolean {
  if (m.productFamily !== undefined && p.productFamily !== m.productFamily) return false;
  for (const [k, want] of Object.entries(m.attributes)) {
    const have = p.attributes[k] ?? "";
    if (typeof want === "string" ? have !== want : !want.test(have)) return false;
  }
  return true;
}

/** What a mapping looks for, for a not-found reason. */
function describe(m: Extract<AwsMapping, { kind: "product" }>): string {
  const parts = m.productFamily !== undefined ? [`productFamily ${JSON.stringify(m.productFamily)}`] : [];
  for (const [k, v] of Object.entries(m.attributes)) parts.push(`${k} ${typeof v === "string" ? JSON.stringify(v) : `/${v.source}/`}`);
  return parts.join(", ") || "any product";
}

/** The catalog SKUs a product stands for (usually none). */
function matchProduct(p: Product, wanted: ReadonlyMap<string, AwsMapping>, region: string): string[] {
  const a = p.attributes;
  if (a.regionCode && a.regionCode !== region) return [];
  const out: string[] = [];
  for (const [sku, m] of wanted) {
    if (m.kind === "sagemaker-hosting") {
      if (a.instanceName !== sku) continue;
      const usage = a.usagetype ?? "";
      if (usage ? HOST_USAGE.test(usage) : a.component === "Hosting") out.push(sku);
    } else if (productMatches(p, m)) {
      out.push(sku);
    }
  }
  return out;
}

/** OnDemand terms of one product -> its price dimensions, or a RefreshError for a bad shape. */
function readTerms(sku: string, terms: unknown, url: string): PriceDim[] {
  if (!isRecord(terms)) throw new RefreshError(`malformed response from ${url}: terms.OnDemand.${sku} is not an object`, url);
  const dims: PriceDim[] = [];
  for (const offer of Object.values(terms)) {
    if (!isRecord(offer) || !isRecord(offer.priceDimensions)) {
      throw new RefreshError(`malformed response from ${url}: terms.OnDemand.${sku} has no priceDimensions`, url);
    }
    for (const d of Object.values(offer.priceDimensions)) {
      const usd = isRecord(d) && isRecord(d.pricePerUnit) ? d.pricePerUnit.USD : undefined;
      if (!isRecord(d) || typeof d.unit !== "string" || typeof usd !== "string" || !/^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(usd)) {
        throw new RefreshError(`malformed response from ${url}: terms.OnDemand.${sku} has a price dimension without a USD price`, url);
      }
      const begin = typeof d.beginRange === "string" && /^\d+(\.\d+)?$/.test(d.beginRange) ? Number(d.beginRange) : undefined;
      dims.push({ unit: d.unit, usd: Number(usd), description: typeof d.description === "string" ? d.description : "", beginRange: begin });
    }
  }
  return dims;
}

export function awsOfferUrl(base: string, offer: string, region: string): string {
  return `${base.replace(/\/+$/, "")}/offers/v1.0/aws/${offer}/current/${encodeURIComponent(region)}/index.json`;
}

interface OfferScan {
  /** catalog SKU -> the products matching it */
  readonly matches: Map<string, Product[]>;
  /** product sku -> its OnDemand price dimensions */
  readonly prices: Map<string, PriceDim[]>;
}

/** Stream one offer file, keeping only the products (and their prices) the wanted SKUs match. */
async function scanOffer(url: string, region: string, wanted: ReadonlyMap<string, AwsMapping>, ctx: FetchContext): Promise<OfferScan> {
  const shown = redactUrl(url);
  const matches = new Map<string, Product[]>();
  const prices = new Map<string, PriceDim[]>();
  const pendingTerms = new Map<string, unknown>(); // terms seen before their product (not AWS's order)
  const relevant = new Set<string>();
  let sawProducts = false;
  let sawOnDemand = false;
  let productsDone = false;

  const addProduct = (key: string, value: unknown) => {
    if (!isRecord(value) || !isRecord(value.attributes)) {
      throw new RefreshError(`malformed response from ${shown}: products.${key} has no attributes`, shown);
    }
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(value.attributes)) if (typeof v === "string") attributes[k] = v;
    const p: Product = { sku: typeof value.sku === "string" ? value.sku : key, productFamily: String(value.productFamily ?? ""), attributes };
    const skus = matchProduct(p, wanted, region);
    if (skus.length === 0) return;
    relevant.add(p.sku);
    for (const s of skus) matches.set(s, [...(matches.get(s) ?? []), p]);
    const early = pendingTerms.get(p.sku);
    if (early !== undefined) prices.set(p.sku, readTerms(p.sku, early, shown));
  };

  const scanner = new StreamingJsonScanner({
    maxDepth: 3,
    capture: (path) =>
      (path.length === 2 && path[0] === "products") || (path.length === 3 && path[0] === "terms" && path[1] === "OnDemand"),
    onEnter: (path, kind) => {
      if (path.length === 1 && path[0] === "products" && kind === "object") sawProducts = true;
      if (path.length === 1 && path[0] === "terms" && sawProducts) productsDone = true;
      if (path.length === 2 && path[0] === "terms" && path[1] === "OnDemand" && kind === "object") sawOnDemand = true;
    },
    onValue: (path, value) => {
      const key = path[path.length - 1]!;
      if (path[0] === "products") return addProduct(key, value);
      if (relevant.has(key)) prices.set(key, readTerms(key, value, shown));
      else if (!productsDone) pendingTerms.set(key, value);
    },
  });

  let lastReport = 0;
  try {
    await fetchStream(
      url,
      ctx.http,
      (text) => {
        try {
          scanner.write(text);
        } catch (err) {
          if (err instanceof JsonStreamError) throw new RefreshError(`malformed JSON from ${shown}: ${err.message}`, shown);
          throw err;
        }
      },
      (bytes) => {
        if (bytes - lastReport >= 4 * 1024 * 1024) {
          lastReport = bytes;
          ctx.progress(`${url.split("/offers/")[1] ?? url}: ${(bytes / 1024 / 1024).toFixed(0)} MB`);
        }
      },
    );
    scanner.end();
  } catch (err) {
    if (err instanceof JsonStreamError) throw new RefreshError(`truncated response from ${shown}: ${err.message}`, shown);
    throw err;
  }
  if (!sawProducts) throw new RefreshError(`malformed response from ${shown}: no "products" object`, shown);
  if (!sawOnDemand) throw new RefreshError(`malformed response from ${shown}: no "terms.OnDemand" object`, shown);
  return { matches, prices };
}

function pick(sku: string, m: AwsMapping, scan: OfferScan, region: string): { usd: number; matched: string } | { reason: string } {
  const products = scan.matches.get(sku) ?? [];
  if (products.length === 0) {
    return { reason: m.kind === "sagemaker-hosting" ? `no hosting product for instanceName ${sku} in ${region}` : `no product with ${describe(m)} in ${region}` };
  }
  const unit = m.kind === "sagemaker-hosting" ? /^hrs?$/i : m.unit;
  const dimension = m.kind === "product" ? m.dimension : undefined;
  const tier = m.kind === "product" ? m.beginRange : undefined;
  const scale = m.kind === "product" ? (m.scale ?? 1) : 1;
  const name = (p: Product) => p.attributes.usagetype ?? p.sku;
  const found: { usd: number; matched: string }[] = [];
  for (const p of products) {
    let dims = scan.prices.get(p.sku);
    if (!dims || dims.length === 0) continue;
    if (m.kind === "product" && m.keep) {
      const keep = m.keep;
      dims = dims.filter((d) => keep.test(d.description));
      if (dims.length === 0) return { reason: `no price dimension of ${name(p)} matches /${keep.source}/` };
    }
    if (tier !== undefined) {
      dims = dims.filter((d) => d.beginRange === tier);
      if (dims.length === 0) return { reason: `no price tier beginning at ${tier} for ${name(p)}` };
    }
    const badUnit = unit ? dims.find((d) => !unit.test(d.unit)) : undefined;
    if (badUnit) return { reason: `unexpected unit ${JSON.stringify(badUnit.unit)} for ${name(p)}` };
    const badDim = dimension ? dims.find((d) => !dimension.test(`${d.unit} ${d.description}`)) : undefined;
    if (badDim) return { reason: `unexpected price dimension ${JSON.stringify(`${badDim.unit}: ${badDim.description}`)} for ${name(p)} (expected /${dimension!.source}/)` };
    for (const d of dims) found.push({ usd: d.usd, matched: tier !== undefined ? `${name(p)} (tier from ${tier})` : name(p) });
  }
  if (found.length === 0) return { reason: `no OnDemand price for ${products.map(name).join(", ")}` };
  const distinct = [...new Set(found.map((f) => f.usd))];
  if (distinct.length > 1) return { reason: `ambiguous: ${found.map((f) => `${f.matched} ${f.usd}`).join("; ")}` };
  return { usd: cleanPrice(found[0]!.usd * scale), matched: found[0]!.matched };
}

export async function fetchAws(entries: readonly CatalogEntry[], ctx: FetchContext): Promise<CloudQuotes> {
  const base = ctx.env.AITRACKS_AWS_PRICES_URL ?? AWS_PRICES_URL;
  const quotes: SourceQuote[] = [];
  const notFound: NotFound[] = [];
  const unmapped: string[] = [];
  const sources: string[] = [];
  // One offer file per (service, region) holds every SKU of that pair.
  const groups = new Map<string, { offer: string; region: string; wanted: Map<string, AwsMapping> }>();
  for (const e of entries) {
    const m = AWS_SKU_MAP[e.sku];
    if (!m) {
      unmapped.push(e.sku);
      continue;
    }
    const key = `${m.offer} ${e.region}`;
    const g = groups.get(key) ?? { offer: m.offer, region: e.region, wanted: new Map<string, AwsMapping>() };
    g.wanted.set(e.sku, m);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const url = awsOfferUrl(base, g.offer, g.region);
    ctx.progress(`${g.offer} ${g.region}`);
    const scan = await scanOffer(url, g.region, g.wanted, ctx);
    const source = redactUrl(url);
    sources.push(source);
    for (const [sku, m] of g.wanted) {
      const r = pick(sku, m, scan, g.region);
      if ("reason" in r) notFound.push({ sku, reason: r.reason });
      else quotes.push({ sku, usd: r.usd, source, matched: r.matched });
    }
  }
  return { cloud: "aws", quotes, notFound, unmapped, sources };
}
