/**
 * The component provider: serves the track components to Python, Go, C#, Java and YAML programs
 * (`pulumi package add`), on @pulumi/pulumi/provider — GetSchema answers the schema of schema.ts,
 * Construct creates the TypeScript component, whose child resources register with the calling
 * program's engine, and returns its URN and outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as provider from "@pulumi/pulumi/provider";
import { componentClass, packageSchema, SERVED } from "./schema";

const VERSION = (require("../../package.json") as { version: string }).version;

export class AitracksProvider implements provider.Provider {
  readonly version = VERSION;
  private cachedSchema?: string;

  async getSchema(): Promise<string> {
    this.cachedSchema ??= JSON.stringify(packageSchema(VERSION));
    return this.cachedSchema;
  }

  async construct(name: string, type: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions): Promise<provider.ConstructResult> {
    const served = SERVED.find((c) => c.token === type);
    if (!served) throw new Error(`unknown resource type ${type} (this provider serves ${SERVED.map((c) => c.token).join(", ")})`);
    const Component = componentClass(served);
    const component = new Component(name, inputs as never, options) as pulumi.ComponentResource & { track: string; cloud: string; outputs: Record<string, pulumi.Input<unknown>> };
    return { urn: component.urn, state: { track: component.track, cloud: component.cloud, outputs: component.outputs } };
  }
}
