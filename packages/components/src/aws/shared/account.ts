import * as pulumi from "@pulumi/pulumi";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getPartitionOutput } from "@pulumi/aws/getPartition";

/** The account and partition the track deploys into, looked up once per component. */
export interface AwsAccount {
  readonly accountId: pulumi.Output<string>;
  readonly partition: pulumi.Output<string>;
  readonly region: string;
}

export function awsAccount(region: string, parent: pulumi.Resource): AwsAccount {
  const opts = { parent };
  return {
    accountId: getCallerIdentityOutput({}, opts).accountId,
    partition: getPartitionOutput({}, opts).partition,
    region,
  };
}
