import * as pulumi from "@pulumi/pulumi";
import type { Cloud } from "@aitracks/core";

/**
 * One explicit provider per (cloud, region), so a stack can span regions and clouds. Track
 * components get it through `providers` and every child inherits it.
 */
export class ProviderCache {
  private readonly cache = new Map<string, pulumi.ProviderResource>();

  get(cloud: Cloud, region: string): pulumi.ProviderResource {
    const key = `${cloud}-${region}`;
    let p = this.cache.get(key);
    if (!p) {
      p = createProvider(cloud, region, key);
      this.cache.set(key, p);
    }
    return p;
  }
}

function createProvider(cloud: Cloud, region: string, name: string): pulumi.ProviderResource {
  switch (cloud) {
    case "aws": {
      const { Provider } = require("@pulumi/aws/provider") as typeof import("@pulumi/aws/provider");
      return new Provider(name, { region: region as never });
    }
    case "gcp": {
      const { Provider } = require("@pulumi/gcp/provider") as typeof import("@pulumi/gcp/provider");
      // The project comes from the stack's gcp:project setting, as with the default provider.
      return new Provider(name, { region, project: new pulumi.Config("gcp").get("project") });
    }
    case "azure": {
      const { Provider } = require("@pulumi/azure-native/provider") as typeof import("@pulumi/azure-native/provider");
      return new Provider(name, { location: region });
    }
  }
}
