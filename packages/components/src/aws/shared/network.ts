import * as pulumi from "@pulumi/pulumi";
import { getAvailabilityZonesOutput } from "@pulumi/aws/getAvailabilityZones";
import { RouteTable, RouteTableAssociation, SecurityGroup, Subnet, Vpc, VpcEndpoint, getPrefixListOutput, getSubnetsOutput, getVpcOutput } from "@pulumi/aws/ec2";
import { SecurityGroupEgressRule, SecurityGroupIngressRule } from "@pulumi/aws/vpc";
import { fieldError, known } from "../../common/errors";

/**
 * Where a track's SageMaker jobs and endpoints run. Left out entirely, the track creates a private
 * VPC: subnets without an internet gateway or NAT, an S3 gateway endpoint and interface endpoints
 * for the services the jobs call, and a security group that lets the track's instances talk only
 * to each other (multi-node training) and to those endpoints over HTTPS.
 */
export interface AwsNetworkArgs {
  /** An existing VPC to run in instead of creating one. @default a new private VPC */
  readonly vpcId?: pulumi.Input<string>;
  /** Subnets of that VPC. @default its subnets that do not map public IPs */
  readonly subnetIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Security groups for the track's instances. @default one created for the track */
  readonly securityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** CIDR block of the VPC the track creates: a /16. @default "10.42.0.0/16" */
  readonly cidrBlock?: string;
  /** Availability zones (one private subnet each) of the VPC the track creates. @default 2 */
  readonly availabilityZones?: number;
  /** Interface endpoints of the VPC the track creates (service suffixes). @default ["sagemaker.api", "sagemaker.runtime", "ecr.api", "ecr.dkr", "logs", "sts"] */
  readonly interfaceEndpoints?: readonly string[];
}

export const DEFAULT_INTERFACE_ENDPOINTS = ["sagemaker.api", "sagemaker.runtime", "ecr.api", "ecr.dkr", "logs", "sts"] as const;

/** Validate and default network settings; `field` prefixes the messages (e.g. "network"). */
export function resolveNetwork(field: string, n: AwsNetworkArgs | undefined) {
  const args = n ?? {};
  const vpcId = known<string>(args.vpcId);
  if (vpcId !== undefined && !/^vpc-[0-9a-f]{8,17}$/.test(vpcId)) fieldError(`${field}.vpcId`, `expected a VPC id such as vpc-0a1b2c3d4e5f67890, got ${JSON.stringify(vpcId)}`);
  const subnets = known<pulumi.Input<string>[]>(args.subnetIds);
  subnets?.forEach((s, i) => {
    const v = known<string>(s);
    if (v !== undefined && !/^subnet-[0-9a-f]{8,17}$/.test(v)) fieldError(`${field}.subnetIds[${i}]`, `expected a subnet id such as subnet-0a1b2c3d, got ${JSON.stringify(v)}`);
  });
  const groups = known<pulumi.Input<string>[]>(args.securityGroupIds);
  groups?.forEach((s, i) => {
    const v = known<string>(s);
    if (v !== undefined && !/^sg-[0-9a-f]{8,17}$/.test(v)) fieldError(`${field}.securityGroupIds[${i}]`, `expected a security group id such as sg-0a1b2c3d, got ${JSON.stringify(v)}`);
  });
  if (args.vpcId === undefined && (args.subnetIds !== undefined || args.securityGroupIds !== undefined)) {
    fieldError(`${field}.vpcId`, "expected the VPC of the given subnets and security groups");
  }
  if (subnets && subnets.length === 0) fieldError(`${field}.subnetIds`, "expected at least one subnet id (or leave subnetIds out to use the VPC's private subnets)");
  if (subnets && subnets.length > 16) fieldError(`${field}.subnetIds`, `expected at most 16 subnets (SageMaker's limit), got ${subnets.length}`);
  if (groups && groups.length === 0) fieldError(`${field}.securityGroupIds`, "expected at least one security group id (or leave securityGroupIds out for one made for the track)");
  if (groups && groups.length > 5) fieldError(`${field}.securityGroupIds`, `expected at most 5 security groups (SageMaker's limit), got ${groups.length}`);
  const cidrBlock = args.cidrBlock ?? "10.42.0.0/16";
  if (!/^(10|172|192)\.\d{1,3}\.0\.0\/16$/.test(cidrBlock)) fieldError(`${field}.cidrBlock`, `expected a private /16 such as 10.42.0.0/16, got ${JSON.stringify(cidrBlock)}`);
  const availabilityZones = args.availabilityZones ?? 2;
  if (!Number.isInteger(availabilityZones) || availabilityZones < 1 || availabilityZones > 6) {
    fieldError(`${field}.availabilityZones`, `expected 1 to 6 availability zones, got ${availabilityZones}`);
  }
  const interfaceEndpoints = [...(args.interfaceEndpoints ?? DEFAULT_INTERFACE_ENDPOINTS)];
  interfaceEndpoints.forEach((e, i) => {
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(e)) fieldError(`${field}.interfaceEndpoints[${i}]`, `expected a service suffix such as ecr.api, got ${JSON.stringify(e)}`);
  });
  return {
    vpcId: args.vpcId,
    subnetIds: args.subnetIds,
    securityGroupIds: args.securityGroupIds,
    cidrBlock,
    availabilityZones,
    interfaceEndpoints,
  };
}
export type ResolvedNetwork = ReturnType<typeof resolveNetwork>;

/** The network a track's jobs and endpoints attach to. */
export interface TrackNetwork {
  readonly vpcId: pulumi.Output<string>;
  readonly subnetIds: pulumi.Output<string[]>;
  readonly securityGroupIds: pulumi.Output<string[]>;
  /** True when the track created the VPC. */
  readonly created: boolean;
  /** As args for a child track, so it joins the same network instead of creating another. */
  readonly asArgs: AwsNetworkArgs;
}

type Tags = pulumi.Input<Record<string, pulumi.Input<string>>>;

/** Look up the given VPC or create a private one; either way, a security group for the track. */
export function trackNetwork(name: string, region: string, cfg: ResolvedNetwork, tags: Tags, opts: pulumi.CustomResourceOptions): TrackNetwork {
  let vpcId: pulumi.Output<string>;
  let vpcCidr: () => pulumi.Output<string>;
  let subnetIds: pulumi.Output<string[]>;
  let s3PrefixList: () => pulumi.Output<string>;
  const created = cfg.vpcId === undefined;
  if (!created) {
    // Looked up only when needed: a child track joining its parent's network passes everything.
    vpcId = pulumi.output(cfg.vpcId!);
    vpcCidr = () => getVpcOutput({ id: vpcId }, opts).cidrBlock;
    subnetIds = cfg.subnetIds
      ? pulumi.output(cfg.subnetIds)
      : getSubnetsOutput({ filters: [{ name: "vpc-id", values: [vpcId] }, { name: "map-public-ip-on-launch", values: ["false"] }] }, opts).ids;
    s3PrefixList = () => getPrefixListOutput({ name: `com.amazonaws.${region}.s3`, region }, opts).id;
  } else {
    const vpc = new Vpc(`${name}-vpc`, { cidrBlock: cfg.cidrBlock, enableDnsHostnames: true, enableDnsSupport: true, tags: withName(tags, `${name}-vpc`) }, opts);
    vpcId = vpc.id;
    vpcCidr = () => pulumi.output(cfg.cidrBlock);
    const zones = getAvailabilityZonesOutput({ state: "available", region }, opts).names;
    const routes = new RouteTable(`${name}-private`, { vpcId: vpc.id, tags: withName(tags, `${name}-private`) }, opts);
    const prefix = cfg.cidrBlock.split(".").slice(0, 2).join(".");
    const subnets = Array.from({ length: cfg.availabilityZones }, (_, i) => {
      const subnet = new Subnet(
        `${name}-private-${i}`,
        {
          vpcId: vpc.id,
          cidrBlock: `${prefix}.${i * 16}.0/20`,
          availabilityZone: zones.apply((z) => z[i % z.length]!),
          mapPublicIpOnLaunch: false,
          tags: withName(tags, `${name}-private-${i}`),
        },
        opts,
      );
      new RouteTableAssociation(`${name}-private-${i}`, { routeTableId: routes.id, subnetId: subnet.id }, opts);
      return subnet;
    });
    subnetIds = pulumi.all(subnets.map((s) => s.id));
    // S3 through a gateway endpoint: no internet path exists, and data stays on the AWS network.
    const s3 = new VpcEndpoint(
      `${name}-s3`,
      { vpcId: vpc.id, serviceName: `com.amazonaws.${region}.s3`, vpcEndpointType: "Gateway", routeTableIds: [routes.id], tags: withName(tags, `${name}-s3`) },
      opts,
    );
    s3PrefixList = () => s3.prefixListId;
    if (cfg.interfaceEndpoints.length) {
      const endpointsSg = new SecurityGroup(
        `${name}-endpoints`,
        { vpcId: vpc.id, description: `aitracks ${name}: HTTPS from the VPC to the AWS service endpoints`, tags: withName(tags, `${name}-endpoints`) },
        opts,
      );
      new SecurityGroupIngressRule(
        `${name}-endpoints-https`,
        { securityGroupId: endpointsSg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: cfg.cidrBlock, description: "HTTPS from the track's VPC", tags },
        opts,
      );
      for (const service of cfg.interfaceEndpoints) {
        new VpcEndpoint(
          `${name}-${service.replace(/\./g, "-")}`,
          {
            vpcId: vpc.id,
            serviceName: `com.amazonaws.${region}.${service}`,
            vpcEndpointType: "Interface",
            privateDnsEnabled: true,
            subnetIds,
            securityGroupIds: [endpointsSg.id],
            tags: withName(tags, `${name}-${service}`),
          },
          opts,
        );
      }
    }
  }

  let securityGroupIds: pulumi.Output<string[]>;
  if (cfg.securityGroupIds) {
    securityGroupIds = pulumi.output(cfg.securityGroupIds);
  } else {
    const sg = new SecurityGroup(
      `${name}-instances`,
      { vpcId, description: `aitracks ${name}: the track's instances talk to each other and to AWS services over HTTPS only`, tags: withName(tags, `${name}-instances`) },
      opts,
    );
    // Multi-node training (collectives over EFA/NCCL/Neuron) needs every port between the nodes.
    new SecurityGroupIngressRule(`${name}-instances-self-in`, { securityGroupId: sg.id, ipProtocol: "-1", referencedSecurityGroupId: sg.id, description: "Between the track's instances", tags }, opts);
    new SecurityGroupEgressRule(`${name}-instances-self-out`, { securityGroupId: sg.id, ipProtocol: "-1", referencedSecurityGroupId: sg.id, description: "Between the track's instances", tags }, opts);
    new SecurityGroupEgressRule(
      `${name}-instances-https-out`,
      { securityGroupId: sg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: vpcCidr(), description: "HTTPS to the VPC's service endpoints", tags },
      opts,
    );
    // Model artifacts, training data and checkpoints: S3 through the gateway endpoint's prefix list.
    new SecurityGroupEgressRule(
      `${name}-instances-s3-out`,
      { securityGroupId: sg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, prefixListId: s3PrefixList(), description: "HTTPS to S3 through the gateway endpoint", tags },
      opts,
    );
    securityGroupIds = pulumi.all([sg.id]);
  }
  return { vpcId, subnetIds, securityGroupIds, created, asArgs: { vpcId, subnetIds, securityGroupIds } };
}

function withName(tags: Tags, name: string): pulumi.Output<Record<string, string>> {
  return pulumi.output(tags).apply((t): Record<string, string> => ({ ...(t as Record<string, string>), Name: name }));
}
