/**
 * Results of the provider functions (invokes) real programs call, computed from their inputs and
 * the stack's placement, shaped as the providers' `Get…Result` types. Secret where the real
 * provider returns a secret. An unknown token returns undefined (the caller records it).
 */
import { MOCK_ACCOUNT, MOCK_GCP_PROJECT, MOCK_GCP_PROJECT_NUMBER, MOCK_SUBSCRIPTION, MOCK_TENANT } from "./common";
import { PREBUILT_REGISTRIES } from "./aws";
import { policyDocument } from "./policy-document";
import { type Rpc, wrapSecret } from "./secrets";

export interface LookupContext {
  /** The region of the lookup's provider (explicit, else the stack config's). */
  readonly region: string | undefined;
  readonly project: string | undefined;
  readonly config: Readonly<Record<string, string>>;
  readonly rpc: Rpc;
}

type Inputs = Readonly<Record<string, unknown>>;
type Lookup = (inputs: Inputs, ctx: LookupContext) => Record<string, unknown>;

const awsRegion = (i: Inputs, c: LookupContext) => (typeof i.region === "string" && i.region ? i.region : (c.region ?? "us-east-1"));
const gcpProject = (i: Inputs, c: LookupContext) => (typeof i.project === "string" && i.project ? i.project : (c.project ?? MOCK_GCP_PROJECT));
const gcpRegion = (i: Inputs, c: LookupContext) => (typeof i.region === "string" && i.region ? i.region : (c.region ?? "us-central1"));
/** AWS's zone ids are per account; the mock uses the region's short code (use1-az1). */
const zoneIdPrefix = (region: string) => region.replace(/^(\w\w)-(\w)\w*?-?(\w)?\w*-(\d+)$/, (_, a: string, b: string, c: string | undefined, n: string) => `${a}${b}${c ?? ""}${n}`);

const LOOKUPS: Record<string, Lookup> = {
  // ---- AWS: identity and placement
  "aws:index/getCallerIdentity:getCallerIdentity": () => ({ accountId: MOCK_ACCOUNT, arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/preview`, userId: "AIDAPREVIEW", id: MOCK_ACCOUNT }),
  "aws:index/getPartition:getPartition": () => ({ partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" }),
  "aws:index/getRegion:getRegion": (i, c) => {
    const r = awsRegion(i, c);
    return { name: r, region: r, id: r, endpoint: `ec2.${r}.amazonaws.com`, description: r };
  },
  "aws:index/getAvailabilityZones:getAvailabilityZones": (i, c) => {
    const r = awsRegion(i, c);
    const p = zoneIdPrefix(r);
    return { names: [`${r}a`, `${r}b`, `${r}c`], zoneIds: [`${p}-az1`, `${p}-az2`, `${p}-az3`], groupNames: [r], region: r, id: r, state: i.state };
  },
  "aws:ec2/getVpc:getVpc": (i, c) => {
    const r = awsRegion(i, c);
    const id = typeof i.id === "string" && i.id ? i.id : "vpc-0preview";
    return {
      id, arn: `arn:aws:ec2:${r}:${MOCK_ACCOUNT}:vpc/${id}`, cidrBlock: "10.0.0.0/16", cidrBlockAssociations: [], default: i.default === true,
      dhcpOptionsId: "dopt-0preview", enableDnsHostnames: true, enableDnsSupport: true, enableNetworkAddressUsageMetrics: false,
      instanceTenancy: "default", ipv6AssociationId: "", ipv6CidrBlock: "", ipv6CidrBlockAssociations: [], mainRouteTableId: "rtb-0preview",
      ownerId: MOCK_ACCOUNT, region: r, state: "available", tags: i.tags ?? {},
    };
  },
  "aws:ec2/getSubnets:getSubnets": (i, c) => ({ ids: ["subnet-0preview1", "subnet-0preview2"], id: awsRegion(i, c), region: awsRegion(i, c), tags: i.tags ?? {} }),
  "aws:ec2/getSubnet:getSubnet": (i, c) => {
    const r = awsRegion(i, c);
    const id = typeof i.id === "string" && i.id ? i.id : "subnet-0preview1";
    return {
      id, arn: `arn:aws:ec2:${r}:${MOCK_ACCOUNT}:subnet/${id}`, availabilityZone: `${r}a`, availabilityZoneId: `${zoneIdPrefix(r)}-az1`,
      cidrBlock: "10.0.0.0/24", vpcId: "vpc-0preview", ownerId: MOCK_ACCOUNT, region: r, state: "available", tags: i.tags ?? {},
      availableIpAddressCount: 251, defaultForAz: false, mapPublicIpOnLaunch: false, assignIpv6AddressOnCreation: false,
    };
  },
  "aws:ec2/getSecurityGroup:getSecurityGroup": (i, c) => ({ id: "sg-0preview", arn: `arn:aws:ec2:${awsRegion(i, c)}:${MOCK_ACCOUNT}:security-group/sg-0preview`, name: i.name ?? "default", vpcId: "vpc-0preview", description: "default VPC security group", tags: i.tags ?? {}, region: awsRegion(i, c) }),
  "aws:ec2/getPrefixList:getPrefixList": (i, c) => ({ id: "pl-63a5400a", prefixListId: "pl-63a5400a", name: i.name ?? `com.amazonaws.${awsRegion(i, c)}.s3`, cidrBlocks: ["3.5.0.0/19", "52.216.0.0/15"], region: awsRegion(i, c) }),
  "aws:ec2/getAmi:getAmi": (i, c) => {
    const r = awsRegion(i, c);
    const owners = Array.isArray(i.owners) ? (i.owners as string[]) : [];
    const name = String(nameFilter(i) ?? "al2023-ami-2023.6.20241010.0-kernel-6.1-x86_64").replace(/\*/g, "0");
    return {
      id: "ami-0preview0000000000", imageId: "ami-0preview0000000000", arn: `arn:aws:ec2:${r}::image/ami-0preview0000000000`, name, region: r,
      architecture: name.includes("arm64") || name.includes("aarch64") ? "arm64" : "x86_64", ownerId: owners.find((o) => /^\d{12}$/.test(o)) ?? "137112412989",
      imageOwnerAlias: owners.includes("amazon") ? "amazon" : "", imageLocation: `amazon/${name}`, imageType: "machine", description: name,
      blockDeviceMappings: [], bootMode: "uefi-preferred", creationDate: "2026-01-01T00:00:00.000Z", deprecationTime: "2028-01-01T00:00:00.000Z",
      enaSupport: true, hypervisor: "xen", imdsSupport: "v2.0", kernelId: "", lastLaunchedTime: "", platform: "", platformDetails: "Linux/UNIX",
      productCodes: [], public: true, ramdiskId: "", rootDeviceName: "/dev/xvda", rootDeviceType: "ebs", rootSnapshotId: "snap-0preview",
      sriovNetSupport: "simple", state: "available", stateReason: { code: "UNSET", message: "UNSET" }, tags: {}, tpmSupport: "",
      usageOperation: "RunInstances", virtualizationType: "hvm", mostRecent: i.mostRecent, owners,
    };
  },
  "aws:iam/getPolicyDocument:getPolicyDocument": (i) => policyDocument(i),
  "aws:sagemaker/getPrebuiltEcrImage:getPrebuiltEcrImage": (i, c) => {
    const r = awsRegion(i, c);
    const repo = String(i.repositoryName ?? "sagemaker-model-monitor-analyzer");
    const registryId = PREBUILT_REGISTRIES[repo]?.[r] ?? "156813124566";
    const tag = (i.imageTag as string | undefined) ?? "latest";
    return { registryId, registryPath: `${registryId}.dkr.ecr.${r}.amazonaws.com/${repo}:${tag}`, repositoryName: repo, region: r, id: registryId };
  },
  "aws:ecr/getAuthorizationToken:getAuthorizationToken": (i, c) => {
    const registryId = typeof i.registryId === "string" ? i.registryId : MOCK_ACCOUNT;
    return {
      id: awsRegion(i, c), registryId, userName: "AWS", expiresAt: "2026-12-31T00:00:00Z",
      proxyEndpoint: `https://${registryId}.dkr.ecr.${awsRegion(i, c)}.amazonaws.com`,
      authorizationToken: wrapSecret(Buffer.from("AWS:preview").toString("base64"), c.rpc), password: wrapSecret("preview", c.rpc),
    };
  },
  // ---- GCP
  "gcp:organizations/getProject:getProject": (i, c) => {
    const p = gcpProject(i, c);
    return { projectId: p, number: MOCK_GCP_PROJECT_NUMBER, name: p, id: `projects/${p}`, autoCreateNetwork: true, billingAccount: "", deletionPolicy: "PREVENT", effectiveLabels: {}, folderId: "", labels: {}, orgId: "", pulumiLabels: {}, tags: {} };
  },
  "gcp:organizations/getClientConfig:getClientConfig": (i, c) => ({
    project: gcpProject(i, c), region: gcpRegion(i, c), zone: c.config["gcp:zone"] ?? `${gcpRegion(i, c)}-a`, defaultLabels: {},
    // The real provider marks the OAuth token secret.
    accessToken: wrapSecret("ya29.preview-token", c.rpc), id: `projects/${gcpProject(i, c)}/regions/${gcpRegion(i, c)}/zones/${c.config["gcp:zone"] ?? `${gcpRegion(i, c)}-a`}`,
  }),
  "gcp:compute/getZones:getZones": (i, c) => {
    const r = gcpRegion(i, c);
    return { names: [`${r}-a`, `${r}-b`, `${r}-c`], project: gcpProject(i, c), region: r, status: i.status, id: `projects/${gcpProject(i, c)}/regions/${r}` };
  },
  "gcp:projects/getProject:getProject": (i, c) => ({ projects: [{ projectId: gcpProject(i, c), number: MOCK_GCP_PROJECT_NUMBER, name: gcpProject(i, c), lifecycleState: "ACTIVE", labels: {}, createTime: "2026-01-01T00:00:00Z", parent: {} }], filter: i.filter, id: String(i.filter ?? "") }),
  "gcp:compute/getDefaultServiceAccount:getDefaultServiceAccount": (i, c) => {
    const email = `${MOCK_GCP_PROJECT_NUMBER}-compute@developer.gserviceaccount.com`;
    return { email, member: `serviceAccount:${email}`, name: `projects/${gcpProject(i, c)}/serviceAccounts/${email}`, project: gcpProject(i, c), uniqueId: "100000000000000000001", displayName: "Compute Engine default service account", id: email };
  },
  // ---- Azure
  "azure-native:authorization:getClientConfig": () => ({ subscriptionId: MOCK_SUBSCRIPTION, tenantId: MOCK_TENANT, objectId: "55555555-5555-5555-5555-555555555555", clientId: "66666666-6666-6666-6666-666666666666" }),
  "azure-native:authorization:getClientToken": (_i, c) => ({ token: wrapSecret("eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.preview.", c.rpc) }),
  // The `pulumi new azure-typescript` template exports keys[0].value (wrapped in pulumi.secret).
  "azure-native:storage:listStorageAccountKeys": () => ({
    keys: [1, 2].map((n) => ({ keyName: `key${n}`, value: `preview-storage-account-key-${n}==`, permissions: "FULL", creationTime: "2026-01-01T00:00:00Z" })),
  }),
};

/** The first `name` filter of an AMI lookup (`filters: [{ name: "name", values: ["al2023-ami-*"] }]`). */
function nameFilter(i: Inputs): string | undefined {
  const filters = Array.isArray(i.filters) ? (i.filters as { name?: unknown; values?: unknown }[]) : [];
  const f = filters.find((x) => x.name === "name");
  return Array.isArray(f?.values) ? String(f.values[0]) : typeof i.nameRegex === "string" ? i.nameRegex.replace(/[\^$\\.]/g, "") : undefined;
}

/** The result of a lookup, or undefined when it is not one we know. */
export function mockLookup(token: string, inputs: Inputs, ctx: LookupContext): Record<string, unknown> | undefined {
  return LOOKUPS[token]?.(inputs, ctx);
}
