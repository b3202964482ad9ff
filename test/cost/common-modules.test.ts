import { describe, expect, it } from "vitest";
import { estimate, priced, res, REQUESTS_PER_MONTH } from "./helpers";

// The resources real programs create beside the AI services. Every figure is computed by hand
// from packages/core/catalog/compute-prices.json (us-east-1 / us-central1 / eastus on-demand list
// prices): 730 hours a month (2,628,000 s), 365/12 days a month. The workload (helpers.ts) is
// 10,000 requests a day = 304,166.67 requests a month, 1,500 input + 300 output tokens each.

const usd = (e: ReturnType<typeof estimate>, name: string) => priced(e, name).monthlyUsd;

describe("AWS: EC2, EBS, public IPv4", () => {
  it("prices an EC2 instance always on, with its root volume and extra EBS devices", () => {
    const e = estimate([
      res("aws:ec2/instance:Instance", "web", { instanceType: "t3.micro", ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeType: "io1", volumeSize: 100, iops: 1_000 }] }),
      res("aws:ec2/instance:Instance", "app", { instanceType: "m5.large", rootBlockDevice: { volumeSize: 30, volumeType: "gp3", iops: 4_000, throughput: 250 } }),
    ]);
    const web = priced(e, "web");
    // t3.micro $0.0104/h x 730 h = $7.592; root 8 GB (AMI default, said so) gp3 x $0.08 = $0.64;
    // io1 100 GB x $0.125 = $12.50 + 1,000 IOPS x $0.065 = $65.00
    expect(web.components.map((c) => [c.monthlyQuantity, c.unitPriceUsd])).toEqual([[730, 0.0104], [8, 0.08], [100, 0.125], [1_000, 0.065]]);
    expect(web.monthlyUsd).toBeCloseTo(7.592 + 0.64 + 12.5 + 65, 9); // $85.732
    expect(web.notes.join(" ")).toMatch(/root volume size is the AMI's: 8 GB assumed/);
    // m5.large $0.096 x 730 = $70.08; 30 GB gp3 x $0.08 = $2.40; 1,000 IOPS above 3,000 x $0.005 = $5.00;
    // 125 MiB/s above 125 x $0.04 = $5.00
    expect(usd(e, "app")).toBeCloseTo(82.48, 9);
  });

  it("prices EBS volumes (gp2 by default) and Elastic IPs", () => {
    const e = estimate([
      res("aws:ebs/volume:Volume", "data", { size: 100, availabilityZone: "us-east-1a" }),
      res("aws:ebs/volume:Volume", "fast", { type: "gp3", size: 500, iops: 6_000, throughput: 500 }),
      res("aws:ec2/eip:Eip", "ip", { domain: "vpc" }),
    ]);
    expect(usd(e, "data")).toBeCloseTo(10, 9); // 100 GB x $0.10 (gp2)
    expect(usd(e, "fast")).toBeCloseTo(40 + 15 + 15, 9); // 500 x $0.08 + 3,000 IOPS x $0.005 + 375 MiB/s x $0.04 = $70
    expect(usd(e, "ip")).toBeCloseTo(3.65, 9); // 730 h x $0.005
  });
});

describe("AWS: load balancers and NAT gateways", () => {
  it("prices an ALB by the hour, and LCUs from the workload's connections", () => {
    const e = estimate([res("aws:lb/loadBalancer:LoadBalancer", "alb", { loadBalancerType: "application", subnets: ["a", "b"] })]);
    const alb = priced(e, "alb");
    // 730 h x $0.0225 = $16.425
    expect(alb.components[0]).toMatchObject({ kind: "fixed", monthlyQuantity: 730, unitPriceUsd: 0.0225 });
    expect(alb.components[0]!.monthlyUsd).toBeCloseTo(16.425, 9);
    // 10,000 requests a day = 0.115741 new connections a second / 25 = 0.0046296 LCU an hour
    // (bytes: 304,166.67 x 8,224 B = 2.5015 GB a month = 0.0034267 GB an hour, less);
    // x 730 h = 3.37963 LCU-hours x $0.008 = $0.0270370
    expect(alb.components[1]).toMatchObject({ kind: "usage", unitPriceUsd: 0.008 });
    expect(alb.components[1]!.monthlyQuantity).toBeCloseTo(3.37963, 5);
    expect(alb.components[1]!.monthlyUsd).toBeCloseTo(0.027037, 6);
  });

  it("prices an NLB's NLCUs by bytes when bytes are the larger dimension", () => {
    const e = estimate([res("aws:lb/loadBalancer:LoadBalancer", "nlb", { loadBalancerType: "network" })]);
    const nlb = priced(e, "nlb");
    // flows: 0.115741/s / 800 = 0.000145 NLCU; bytes: 2.501467 GB a month / 730 = 0.0034267 GB an hour -> NLCU-hours
    // = 2.501467 x $0.006 = $0.0150088
    expect(nlb.components[1]!.monthlyQuantity).toBeCloseTo(2.501467, 5);
    expect(nlb.monthlyUsd).toBeCloseTo(16.425 + 0.0150088, 6);
  });

  it("refuses a gateway load balancer, naming the field", () => {
    const e = estimate([res("aws:lb/loadBalancer:LoadBalancer", "gwlb", { loadBalancerType: "gateway" })]);
    expect(e.unpriced[0]!.reason).toMatch(/^loadBalancerType "gateway"/);
  });

  it("prices a NAT gateway by the hour and shows its data processed at 0 GB, saying so", () => {
    const e = estimate([res("aws:ec2/natGateway:NatGateway", "nat", { subnetId: "s", allocationId: "a" })]);
    const nat = priced(e, "nat");
    expect(nat.monthlyUsd).toBeCloseTo(32.85, 9); // 730 h x $0.045
    expect(nat.components[1]).toMatchObject({ kind: "usage", unitPriceUsd: 0.045, monthlyQuantity: 0 });
    expect(nat.notes.join(" ")).toMatch(/not sized by the workload/);
  });
});

describe("AWS: ECS on Fargate, Lambda, API Gateway, AgentCore", () => {
  it("prices a Fargate service: task vCPU and GB x desiredCount x 730 h (x86 and ARM64)", () => {
    const td = res("aws:ecs/taskDefinition:TaskDefinition", "td", { family: "api", cpu: "512", memory: "1024", requiresCompatibilities: ["FARGATE"], containerDefinitions: "[]" });
    const tdArm = res("aws:ecs/taskDefinition:TaskDefinition", "td-arm", { family: "api-arm", cpu: "512", memory: "1024", runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "LINUX" } });
    const svc = res("aws:ecs/service:Service", "svc", { launchType: "FARGATE", desiredCount: 2, taskDefinition: "[unknown]" }, { dependencies: [td.urn] });
    const arm = res("aws:ecs/service:Service", "arm", { launchType: "FARGATE", desiredCount: 2, taskDefinition: "api-arm" });
    const ec2 = res("aws:ecs/service:Service", "on-ec2", { launchType: "EC2", desiredCount: 2, taskDefinition: "api" });
    const e = estimate([td, tdArm, svc, arm, ec2]);
    // 0.5 vCPU x 2 tasks x 730 h = 730 vCPU-h x $0.04048 = $29.5504; 1 GB x 2 x 730 = 1,460 GB-h x $0.004445 = $6.4897
    expect(usd(e, "svc")).toBeCloseTo(29.5504 + 6.4897, 9);
    // ARM64: 730 x $0.03238 = $23.6374; 1,460 x $0.00356 = $5.1976
    expect(usd(e, "arm")).toBeCloseTo(23.6374 + 5.1976, 9);
    expect(e.free.find((f) => f.name === "on-ec2")!.reason).toMatch(/EC2 instances/);
    expect(e.free.find((f) => f.name === "td")!.reason).toMatch(/task blueprint/);
  });

  it("prices a Lambda function's requests and GB-seconds from the workload, as usage", () => {
    const e = estimate([res("aws:lambda/function:Function", "fn", { memorySize: 512, runtime: "nodejs20.x" }), res("aws:lambda/function:Function", "arm", { architectures: ["arm64"] })]);
    const fn = priced(e, "fn");
    // 0.3041667 M requests x $0.20 = $0.0608333; 304,166.67 x 0.5 GB x 1 s = 152,083.33 GB-s x $0.0000166667 = $2.5347273
    expect(fn.components.every((c) => c.kind === "usage")).toBe(true);
    expect(fn.components[0]!.monthlyUsd).toBeCloseTo(0.0608333, 6);
    expect(fn.components[1]!.monthlyQuantity).toBeCloseTo(152_083.333, 2);
    expect(fn.components[1]!.monthlyUsd).toBeCloseTo(2.5347273, 6);
    // 128 MB default on arm64: 38,020.83 GB-s x $0.0000133334 = $0.5069469, + $0.0608333
    expect(usd(e, "arm")).toBeCloseTo(0.0608333 + 0.5069469, 6);
    expect(REQUESTS_PER_MONTH * 0.125).toBeCloseTo(38_020.833, 2);
  });

  it("counts no requests without a workload, and says so", () => {
    const e = estimate([res("aws:lambda/function:Function", "fn", { memorySize: 512 })], {});
    expect(usd(e, "fn")).toBe(0);
    expect(priced(e, "fn").notes[0]).toMatch(/no aitracks:workload in the stack: invocations counted as 0/);
  });

  it("prices HTTP and REST APIs per million requests", () => {
    const e = estimate([res("aws:apigatewayv2/api:Api", "http", { protocolType: "HTTP" }), res("aws:apigateway/restApi:RestApi", "rest", {}), res("aws:apigatewayv2/api:Api", "ws", { protocolType: "WEBSOCKET" })]);
    expect(usd(e, "http")).toBeCloseTo(0.3041667, 6); // 0.3041667 M x $1.00
    expect(usd(e, "rest")).toBeCloseTo(1.0645833, 6); // 0.3041667 M x $3.50
    expect(e.unpriced.find((u) => u.name === "ws")!.reason).toMatch(/^protocolType "WEBSOCKET"/);
  });

  it("prices a Bedrock AgentCore runtime's active vCPU and GB hours", () => {
    const e = estimate([res("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime", "agent", { agentRuntimeName: "a" })]);
    // 304,166.67 requests x 1 s = 84.490741 h; x 1 vCPU x $0.0895 = $7.5619213; x 2 GB x $0.00945 = $1.5968750
    expect(usd(e, "agent")).toBeCloseTo(7.5619213 + 1.596875, 6);
  });
});

describe("AWS: DynamoDB, Secrets Manager, RDS, Aurora, ElastiCache", () => {
  it("prices provisioned DynamoDB capacity (table + indexes) fixed, and on-demand request units as usage", () => {
    const e = estimate([
      res("aws:dynamodb/table:Table", "prov", { readCapacity: 5, writeCapacity: 5, globalSecondaryIndexes: [{ name: "g", readCapacity: 5, writeCapacity: 5 }] }),
      res("aws:dynamodb/table:Table", "od", { billingMode: "PAY_PER_REQUEST" }),
    ]);
    // 10 RCU x 730 h x $0.00013 = $0.949; 10 WCU x 730 x $0.00065 = $4.745
    expect(usd(e, "prov")).toBeCloseTo(0.949 + 4.745, 9);
    // 0.3041667 M reads x $0.125 = $0.0380208; 0.3041667 M writes x $0.625 = $0.1901042
    expect(usd(e, "od")).toBeCloseTo(0.0380208 + 0.1901042, 6);
    expect(priced(e, "od").components.slice(0, 2).every((c) => c.kind === "usage")).toBe(true);
  });

  it("prices a secret and its replicas", () => {
    const e = estimate([res("aws:secretsmanager/secret:Secret", "s", {}), res("aws:secretsmanager/secret:Secret", "r", { replicas: [{ region: "eu-west-1" }] })]);
    expect(usd(e, "s")).toBeCloseTo(0.4, 9);
    expect(usd(e, "r")).toBeCloseTo(0.8, 9); // secret + 1 replica x $0.40
  });

  it("prices RDS Multi-AZ twice, Aurora instances by class and serverless v2 at its minimum ACUs", () => {
    const cluster = res("aws:rds/cluster:Cluster", "cl", { clusterIdentifier: "cl", engine: "aurora-postgresql", serverlessv2ScalingConfiguration: { minCapacity: 0.5, maxCapacity: 4 } });
    const e = estimate([
      res("aws:rds/instance:Instance", "pg", { engine: "postgres", instanceClass: "db.t3.micro", multiAz: true, allocatedStorage: 20 }),
      res("aws:rds/clusterInstance:ClusterInstance", "sl", { clusterIdentifier: "cl", engine: "aurora-postgresql", instanceClass: "db.serverless" }),
      res("aws:rds/clusterInstance:ClusterInstance", "big", { clusterIdentifier: "cl", engine: "aurora-postgresql", instanceClass: "db.r6g.large" }),
      res("aws:rds/instance:Instance", "ora", { engine: "oracle-ee", instanceClass: "db.m5.large" }),
      cluster,
    ]);
    // db.t3.micro $0.018 x 2 x 730 = $26.28; 20 GB x 2 x $0.115 = $4.60
    expect(usd(e, "pg")).toBeCloseTo(30.88, 9);
    // 0.5 ACU x 730 x $0.12 = $43.80 (up to 4 ACU: $350.40)
    expect(usd(e, "sl")).toBeCloseTo(43.8, 9);
    expect(priced(e, "sl").ceilingMonthlyUsd).toBeCloseTo(350.4, 9);
    expect(usd(e, "big")).toBeCloseTo(189.8, 9); // $0.26 x 730
    expect(e.unpriced.find((u) => u.name === "ora")!.reason).toMatch(/^engine "oracle-ee"/);
    expect(e.free.find((f) => f.name === "cl")!.uncountedUsage).toMatch(/storage per GB-month and I\/O/);
  });

  it("prices ElastiCache nodes: replication groups by numCacheClusters or node groups x (replicas + 1)", () => {
    const e = estimate([
      res("aws:elasticache/replicationGroup:ReplicationGroup", "rg", { nodeType: "cache.t3.micro", numCacheClusters: 2, engine: "redis" }),
      res("aws:elasticache/replicationGroup:ReplicationGroup", "sharded", { nodeType: "cache.m5.large", numNodeGroups: 2, replicasPerNodeGroup: 1 }),
      res("aws:elasticache/cluster:Cluster", "mc", { engine: "memcached", nodeType: "cache.t3.small", numCacheNodes: 3 }),
    ]);
    expect(usd(e, "rg")).toBeCloseTo(24.82, 9); // $0.017 x 2 x 730
    expect(usd(e, "sharded")).toBeCloseTo(455.52, 9); // $0.156 x 4 x 730
    expect(usd(e, "mc")).toBeCloseTo(74.46, 9); // $0.034 x 3 x 730
  });
});

describe("GCP: Cloud Run, Cloud Functions, Cloud SQL, Agent Engine, Cloud Storage", () => {
  it("prices a Cloud Run service's minimum instances always on and its requests as usage", () => {
    const e = estimate([
      res("gcp:cloudrunv2/service:Service", "run", { location: "us-central1", template: { scaling: { minInstanceCount: 1 }, containers: [{ image: "x", resources: { limits: { cpu: "2", memory: "1Gi" } } }] } }),
    ]);
    const run = priced(e, "run");
    // minimum: 1 x 2 vCPU x 2,628,000 s x $0.000018 = $94.608; 1 x 1 GiB x 2,628,000 s x $0.000002 = $5.256
    // requests: 0.3041667 M x $0.40 = $0.1216667; 2 vCPU x 304,166.67 s x $0.000024 = $14.60; 1 GiB x 304,166.67 s x $0.0000025 = $0.7604167
    expect(run.components.map((c) => c.kind)).toEqual(["fixed", "fixed", "usage", "usage", "usage"]);
    expect(run.components[0]!.monthlyUsd).toBeCloseTo(94.608, 9);
    expect(run.monthlyUsd).toBeCloseTo(94.608 + 5.256 + 0.1216667 + 14.6 + 0.7604167, 6);
  });

  it("prices Cloud Functions: 1st gen per invocation, GB-s and GHz-s; 2nd gen as Cloud Run", () => {
    const e = estimate([
      res("gcp:cloudfunctions/function:Function", "v1", { runtime: "python312", availableMemoryMb: 256 }),
      res("gcp:cloudfunctionsv2/function:Function", "v2", { serviceConfig: { availableMemory: "512M" } }),
    ]);
    // $0.1216667 + 0.25 GB x 304,166.67 s x $0.0000025 = $0.1901042 + 0.4 GHz x 304,166.67 s x $0.00001 = $1.2166667
    expect(usd(e, "v1")).toBeCloseTo(0.1216667 + 0.1901042 + 1.2166667, 6);
    // 512 MiB comes with 0.333 vCPU: $0.1216667 + 0.333 x 304,166.67 x $0.000024 = $2.4309 + 0.5 GiB x 304,166.67 x $0.0000025 = $0.3802083
    expect(usd(e, "v2")).toBeCloseTo(0.1216667 + 2.4309 + 0.3802083, 6);
  });

  it("prices a Cloud SQL instance's vCPUs, memory and disk, twice when regional", () => {
    const e = estimate([
      res("gcp:sql/databaseInstance:DatabaseInstance", "db", { databaseVersion: "POSTGRES_16", settings: { tier: "db-custom-2-7680", availabilityType: "REGIONAL", diskSize: 100 } }),
      res("gcp:sql/databaseInstance:DatabaseInstance", "micro", { databaseVersion: "MYSQL_8_0", settings: { tier: "db-f1-micro" } }),
      res("gcp:sql/databaseInstance:DatabaseInstance", "mssql", { databaseVersion: "SQLSERVER_2022_STANDARD", settings: { tier: "db-custom-2-7680" } }),
    ]);
    // 2 vCPU x 2 x 730 = 2,920 x $0.0413 = $120.596; 7.5 GB x 2 x 730 = 10,950 x $0.007 = $76.65; 100 GB SSD x 2 x $0.17 = $34
    expect(usd(e, "db")).toBeCloseTo(120.596 + 76.65 + 34, 9);
    expect(usd(e, "micro")).toBeCloseTo(7.665 + 1.7, 9); // $0.0105 x 730 + 10 GB x $0.17
    expect(e.unpriced.find((u) => u.name === "mssql")!.reason).toMatch(/SQL Server licences/);
  });

  it("prices a Vertex AI reasoning engine (Agent Engine) by active vCPU and GiB hours", () => {
    const e = estimate([res("gcp:vertex/aiReasoningEngine:AiReasoningEngine", "agent", { displayName: "a", region: "us-central1" })]);
    // 84.490741 h x 4 vCPU x $0.0864 = $29.20; x 4 GiB x $0.009 = $3.0416667
    expect(usd(e, "agent")).toBeCloseTo(29.2 + 3.0416667, 6);
  });

  it("prices a bucket in every region Cloud Storage lists, multi-regions at their own price", () => {
    const e = estimate([
      res("gcp:storage/bucket:Bucket", "eu", { location: "EUROPE-WEST1" }),
      res("gcp:storage/bucket:Bucket", "mr", { location: "US" }),
      res("gcp:storage/bucket:Bucket", "tokyo", { location: "asia-northeast1" }),
    ]);
    for (const name of ["eu", "tokyo"]) {
      expect(priced(e, name).components[0]!.unitPriceUsd).toBe(0.02);
      expect(priced(e, name).notes.join(" ")).not.toMatch(/not offered/);
    }
    expect(priced(e, "mr").components[0]!.unitPriceUsd).toBe(0.026);
    expect(priced(e, "mr").notes.join(" ")).not.toMatch(/not offered/);
  });
});

describe("Azure: App Service, Functions premium, AI Search, Synapse, Container Apps", () => {
  it("prices App Service plans (Linux when reserved) and Functions premium plans by vCPU and GB", () => {
    const e = estimate([
      res("azure-native:web:AppServicePlan", "linux", { kind: "linux", reserved: true, sku: { name: "P1v3", capacity: 2 } }),
      res("azure-native:web:AppServicePlan", "win", { sku: { name: "S1" } }),
      res("azure-native:web:AppServicePlan", "ep", { kind: "elastic", sku: { name: "EP1", tier: "ElasticPremium" } }),
      res("azure-native:web:AppServicePlan", "y1", { sku: { name: "Y1", tier: "Dynamic" } }),
    ]);
    expect(usd(e, "linux")).toBeCloseTo(226.3, 9); // $0.155 x 2 x 730
    expect(usd(e, "win")).toBeCloseTo(73, 9); // $0.10 x 730
    expect(usd(e, "ep")).toBeCloseTo(126.29 + 31.4265, 9); // 1 vCPU x 730 x $0.173 + 3.5 GB x 730 x $0.0123
    expect(e.free.find((f) => f.name === "y1")!.reason).toMatch(/Consumption plan/);
  });

  it("prices AI Search by search units, Synapse SQL by cDWU and Spark pools by vCores", () => {
    const e = estimate([
      res("azure-native:search:Service", "search", { sku: { name: "standard" }, replicaCount: 2, partitionCount: 1 }),
      res("azure-native:synapse:SqlPool", "dw", { sku: { name: "DW100c" } }),
      res("azure-native:synapse:BigDataPool", "spark", { nodeSize: "Medium", nodeCount: 3 }),
      res("azure-native:synapse:BigDataPool", "paused", { nodeSize: "Medium", nodeCount: 3, autoPause: { enabled: true, delayInMinutes: 15 } }),
    ]);
    expect(usd(e, "search")).toBeCloseTo(490.56, 9); // $0.336 x 2 x 730
    expect(usd(e, "dw")).toBeCloseTo(876, 9); // 1 x 100 cDWU x 730 x $1.20
    expect(usd(e, "spark")).toBeCloseTo(2_505.36, 9); // 3 nodes x 8 vCores x 730 h = 17,520 x $0.143
    expect(usd(e, "paused")).toBe(0);
    expect(priced(e, "paused").ceilingMonthlyUsd).toBeCloseTo(2_505.36, 9);
  });

  it("prices a container app's minimum replicas idle all month and its requests as usage", () => {
    const e = estimate([
      res("azure-native:app:ContainerApp", "app", { template: { containers: [{ name: "c", image: "x", resources: { cpu: 0.5, memory: "1Gi" } }], scale: { minReplicas: 1, maxReplicas: 3 } } }),
    ]);
    // idle: 0.5 vCPU x 2,628,000 s x $0.000003 = $3.942; 1 GiB x 2,628,000 x $0.000003 = $7.884
    // requests: $0.1216667; 0.5 vCPU x 304,166.67 s x $0.000024 = $3.65; 1 GiB x 304,166.67 x $0.000003 = $0.9125
    expect(usd(e, "app")).toBeCloseTo(3.942 + 7.884 + 0.1216667 + 3.65 + 0.9125, 6);
  });
});

describe("configuration-only types are free, with the reason", () => {
  it("lists Lambda permissions, API routes, listeners, function IAM members and firewall rules as free", () => {
    const types = [
      "aws:lambda/permission:Permission",
      "aws:apigatewayv2/route:Route",
      "aws:apigatewayv2/integration:Integration",
      "aws:apigateway/deployment:Deployment",
      "aws:lb/listener:Listener",
      "aws:lb/targetGroup:TargetGroup",
      "gcp:cloudfunctions/functionIamMember:FunctionIamMember",
      "gcp:compute/firewall:Firewall",
      "azure-native:web:WebApp",
    ];
    const e = estimate(types.map((t, i) => res(t, `r${i}`, {})));
    expect(e.unpriced).toEqual([]);
    expect(e.free.map((f) => f.type)).toEqual(types);
    for (const f of e.free) expect(f.reason.length).toBeGreaterThan(5);
  });
});

describe("regions come from the resource", () => {
  it("notes a price quoted for another region, and a region the catalog does not list", () => {
    const e = estimate([
      res("aws:ec2/instance:Instance", "dublin", { instanceType: "t3.micro" }, { region: "eu-west-1" }),
      res("aws:ec2/natGateway:NatGateway", "nowhere", {}, { region: "xx-nowhere-1" }),
    ]);
    expect(priced(e, "dublin").notes).toContain("t3.micro priced at its us-east-1 list price (the catalog quotes one region)");
    expect(priced(e, "nowhere").notes.join(" ")).toMatch(/nat-gateway-hour is not offered in xx-nowhere-1 according to the catalog/);
  });
});
