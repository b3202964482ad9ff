import * as pulumi from "@pulumi/pulumi";

/** One tag as aws-native (Cloud Control) takes it. */
export interface NativeTag {
  readonly key: string;
  readonly value: string;
}

/**
 * The track's tag map as aws-native's list of `{key, value}`, converted once per component and
 * shared by its aws-native resources. Sorted by key: the SageMaker job definitions' tags are
 * create-only, so a list that came out in another order would replace them for nothing.
 */
export function nativeTags(tags: pulumi.Input<Record<string, pulumi.Input<string>>>): pulumi.Output<NativeTag[]> {
  return pulumi.output(tags).apply((t) =>
    Object.entries(t as Record<string, string>)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => ({ key, value })),
  );
}
