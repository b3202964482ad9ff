import * as pulumi from "@pulumi/pulumi";
import { Firewall, GlobalAddress, Network, Subnetwork } from "@pulumi/gcp/compute";
import { Connection } from "@pulumi/gcp/servicenetworking";
import type { GcpProject } from "./project";
import type { Labels } from "./labels";

export interface PrivateNetworkArgs {
  /** The subnetwork's range. */
  readonly cidr: string;
  readonly labels: Labels;
  /**
   * Reserve a range and peer it with Google's service producer network (private services access),
   * which Vertex AI persistent resources and peered endpoints need. The prefix length of the range.
   */
  readonly servicePeeringPrefix?: number;
}

export interface PrivateNetwork {
  readonly network: Network;
  readonly subnetwork: Subnetwork;
  /** `projects/<number>/global/networks/<name>`: the form Vertex AI asks for. */
  readonly vertexNetworkName: pulumi.Output<string>;
  /** The reserved peering range's name, when private services access is on. */
  readonly peeringRange?: GlobalAddress;
  readonly peering?: Connection;
}

/**
 * A private VPC for the track: custom-mode, one regional subnetwork with Private Google Access (so
 * workloads without external IPs still reach Google APIs), flow logs on, internal traffic allowed
 * between the workload's own hosts, every other ingress denied and logged. No Cloud NAT: nothing
 * in the track reaches the internet.
 */
export function privateNetwork(name: string, project: GcpProject, args: PrivateNetworkArgs, opts: pulumi.CustomResourceOptions): PrivateNetwork {
  const network = new Network(
    `${name}-vpc`,
    { project: project.projectId, autoCreateSubnetworks: false, routingMode: "REGIONAL", description: `aitracks ${name}: private network` },
    opts,
  );
  const subnetwork = new Subnetwork(
    `${name}-subnet`,
    {
      project: project.projectId,
      region: project.region,
      network: network.id,
      ipCidrRange: args.cidr,
      privateIpGoogleAccess: true,
      logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" },
    },
    opts,
  );
  new Firewall(
    `${name}-allow-internal`,
    {
      project: project.projectId,
      network: network.id,
      direction: "INGRESS",
      priority: 1000,
      sourceRanges: [args.cidr],
      allows: [{ protocol: "tcp" }, { protocol: "udp" }, { protocol: "icmp" }],
      description: "Hosts of one training slice talk to each other",
      logConfig: { metadata: "INCLUDE_ALL_METADATA" },
    },
    opts,
  );
  new Firewall(
    `${name}-deny-ingress`,
    {
      project: project.projectId,
      network: network.id,
      direction: "INGRESS",
      priority: 65000,
      sourceRanges: ["0.0.0.0/0"],
      denies: [{ protocol: "all" }],
      description: "Nothing else comes in",
      logConfig: { metadata: "INCLUDE_ALL_METADATA" },
    },
    opts,
  );
  const vertexNetworkName = pulumi.interpolate`projects/${project.number}/global/networks/${network.name}`;
  if (args.servicePeeringPrefix === undefined) return { network, subnetwork, vertexNetworkName };
  const peeringRange = new GlobalAddress(
    `${name}-psa-range`,
    {
      project: project.projectId,
      network: network.id,
      purpose: "VPC_PEERING",
      addressType: "INTERNAL",
      prefixLength: args.servicePeeringPrefix,
      description: `aitracks ${name}: private services access for Vertex AI`,
      labels: args.labels,
    },
    opts,
  );
  const peering = new Connection(
    `${name}-psa`,
    { network: network.id, service: "servicenetworking.googleapis.com", reservedPeeringRanges: [peeringRange.name] },
    opts,
  );
  return { network, subnetwork, vertexNetworkName, peeringRange, peering };
}
