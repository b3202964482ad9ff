import * as pulumi from "@pulumi/pulumi";
import { PrivateDnsZoneGroup, PrivateEndpoint, VirtualNetwork } from "@pulumi/azure-native/network";
import { PrivateZone, VirtualNetworkLink } from "@pulumi/azure-native/privatedns";

/** Private DNS zone(s) each private-link sub-resource (group id) resolves through. */
export const PRIVATE_DNS_ZONES: Readonly<Record<string, readonly string[]>> = {
  account: ["privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com"],
  amlworkspace: ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],
  blob: ["privatelink.blob.core.windows.net"],
  vault: ["privatelink.vaultcore.azure.net"],
};

export const PRIVATE_ENDPOINT_SUBNET = "private-endpoints";

export interface TrackNetwork {
  readonly subnetId: pulumi.Input<string>;
  /** The track's own virtual network, when it made one (then it also manages the DNS zones). */
  readonly vnet?: VirtualNetwork;
  /** Add a private endpoint for `groupId` of `targetId` in the subnet (and its DNS records). */
  privateEndpoint(name: string, targetId: pulumi.Input<string>, groupId: string, opts?: pulumi.CustomResourceOptions): PrivateEndpoint;
}

export interface TrackNetworkArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: string;
  readonly addressSpace: string;
  readonly privateEndpointSubnetId?: pulumi.Input<string>;
  readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * The network a track's private endpoints live in: an existing subnet, or a virtual network of
 * the track's own with one subnet for private endpoints (no default outbound internet access) and
 * the private DNS zones that make the services' names resolve to their private addresses.
 */
export function trackNetwork(name: string, args: TrackNetworkArgs, opts: pulumi.CustomResourceOptions): TrackNetwork {
  let vnet: VirtualNetwork | undefined;
  let subnetId: pulumi.Input<string>;
  if (args.privateEndpointSubnetId !== undefined) {
    subnetId = args.privateEndpointSubnetId;
  } else {
    vnet = new VirtualNetwork(
      `${name}-vnet`,
      {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        addressSpace: { addressPrefixes: [args.addressSpace] },
        subnets: [
          {
            name: PRIVATE_ENDPOINT_SUBNET,
            addressPrefix: args.addressSpace,
            privateEndpointNetworkPolicies: "Enabled",
            defaultOutboundAccess: false,
          },
        ],
        tags: args.tags,
      },
      opts,
    );
    subnetId = pulumi.interpolate`${vnet.id}/subnets/${PRIVATE_ENDPOINT_SUBNET}`;
  }
  const zones = new Map<string, PrivateZone>();
  const zone = (zoneName: string): PrivateZone => {
    let z = zones.get(zoneName);
    if (!z) {
      const slug = zoneName.replace(/^privatelink\./, "").replace(/\./g, "-");
      z = new PrivateZone(`${name}-dns-${slug}`, { privateZoneName: zoneName, resourceGroupName: args.resourceGroupName, location: "global", tags: args.tags }, opts);
      new VirtualNetworkLink(
        `${name}-dns-${slug}-link`,
        {
          privateZoneName: z.name,
          resourceGroupName: args.resourceGroupName,
          location: "global",
          registrationEnabled: false,
          virtualNetwork: { id: vnet!.id },
          tags: args.tags,
        },
        opts,
      );
      zones.set(zoneName, z);
    }
    return z;
  };
  return {
    subnetId,
    ...(vnet ? { vnet } : {}),
    privateEndpoint(peName, targetId, groupId, peOpts) {
      const o = { ...opts, ...peOpts };
      const endpoint = new PrivateEndpoint(
        peName,
        {
          privateEndpointName: peName,
          resourceGroupName: args.resourceGroupName,
          location: args.location,
          subnet: { id: subnetId },
          customNetworkInterfaceName: `${peName}-nic`,
          privateLinkServiceConnections: [{ name: `${peName}-${groupId}`, privateLinkServiceId: targetId, groupIds: [groupId] }],
          tags: args.tags,
        },
        o,
      );
      if (vnet) {
        const zoneNames = PRIVATE_DNS_ZONES[groupId] ?? [];
        new PrivateDnsZoneGroup(
          `${peName}-dns`,
          {
            privateDnsZoneGroupName: "default",
            privateEndpointName: endpoint.name,
            resourceGroupName: args.resourceGroupName,
            privateDnsZoneConfigs: zoneNames.map((z) => ({ name: z.replace(/\./g, "-"), privateDnsZoneId: zone(z).id })),
          },
          o,
        );
      }
      return endpoint;
    },
  };
}
