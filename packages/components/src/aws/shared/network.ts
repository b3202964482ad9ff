import * as pulumi from "@pulumi/pulumi";
import { getAvailabilityZonesOutput } from "@pulumi/aws/getAvailabilityZones";
import { RouteTable, RouteTableAssociation, SecurityGroup, Subnet, Vpc, VpcEndpoint, getPrefixListOutput, getSubnetsOutput, getVpcOutput } from "@pulumi/aws/ec2";
import { SecurityGroupEgressRule, SecurityGroupIngressRule } from "@pulumi/aws/vpc";
import type { AwsNetworkArgs, ResolvedNetwork } from "./args";

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
