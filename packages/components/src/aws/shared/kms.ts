import * as pulumi from "@pulumi/pulumi";
import { Alias, Key } from "@pulumi/aws/kms";
import type { AwsAccount } from "./account";
import { policyDocument, type Statement } from "./policy";

export interface CmkArgs {
  readonly description: string;
  /** AWS services that encrypt with the key on the track's behalf (logs, bedrock, sns, sagemaker …). */
  readonly services: readonly string[];
  readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A customer-managed KMS key with yearly rotation and a key policy that lets the account
 * administer it and only the named services use it, from this account.
 */
export function customerManagedKey(name: string, account: AwsAccount, args: CmkArgs, opts: pulumi.CustomResourceOptions): Key {
  const root = pulumi.interpolate`arn:${account.partition}:iam::${account.accountId}:root`;
  const statements: Statement[] = [
    { Sid: "AccountAdministers", Effect: "Allow", Principal: { AWS: root }, Action: "kms:*", Resource: "*" },
  ];
  if (args.services.length > 0) {
    statements.push({
      Sid: "ServicesEncrypt",
      Effect: "Allow",
      Principal: {
        Service: args.services.map((s) => (s === "logs" ? `logs.${account.region}.amazonaws.com` : `${s}.amazonaws.com`)),
      },
      Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": account.accountId } },
    });
  }
  const key = new Key(
    name,
    {
      description: args.description,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policyDocument(statements),
      tags: args.tags,
    },
    opts,
  );
  new Alias(`${name}-alias`, { name: pulumi.interpolate`alias/aitracks/${name}`, targetKeyId: key.keyId }, opts);
  return key;
}

/** The key a track encrypts with: the parent track's when it passes one, else a new `<name>-key` of the track's own. */
export function trackKeyArn(
  name: string,
  account: AwsAccount,
  existingKeyArn: pulumi.Input<string> | undefined,
  args: CmkArgs,
  opts: pulumi.CustomResourceOptions,
): pulumi.Output<string> {
  return existingKeyArn !== undefined ? pulumi.output(existingKeyArn) : customerManagedKey(`${name}-key`, account, args, opts).arn;
}
