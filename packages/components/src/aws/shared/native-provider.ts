import * as pulumi from "@pulumi/pulumi";
import { Provider } from "@pulumi/aws-native/provider";
import type { Region } from "@pulumi/aws-native/types/enums";

/**
 * The aws-native provider for a track's aws-native children. The stack program hands each track an
 * explicit `aws` provider for its region; aws-native is another package, so those children would
 * otherwise fall to the default aws-native provider, which needs `aws-native:region` set and would
 * ignore the track's region. A provider passed in `providers` wins (for its credentials or role);
 * otherwise the track makes one for its own region, with the ambient credentials.
 */
export function nativeProvider(name: string, region: string, component: pulumi.ComponentResource): pulumi.ProviderResource {
  return component.getProvider("aws-native::") ?? new Provider(`${name}-aws-native`, { region: region as Region }, { parent: component });
}
