import * as pulumi from "@pulumi/pulumi";
import { toGcpLabels } from "@aitracks/core";

export type Labels = pulumi.Output<Record<string, string>>;

/** GCP labels from the standard tags (lower-case keys and values, at most 63 characters). */
export function gcpLabels(tags: pulumi.Input<Record<string, pulumi.Input<string>>>): Labels {
  return pulumi.output(tags).apply((t) => toGcpLabels(t as Record<string, string>));
}
