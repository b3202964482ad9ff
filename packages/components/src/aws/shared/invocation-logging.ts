import * as pulumi from "@pulumi/pulumi";
import { InvocationLoggingConfiguration } from "@pulumi/aws/bedrockmodel";
import { LogGroup } from "@pulumi/aws/cloudwatch";
import { Role, type RolePolicy } from "@pulumi/aws/iam";
import type { AwsAccount } from "./account";
import { secureBucket } from "./bucket";
import { serviceTrustPolicy } from "./policy";
import { inlinePolicy } from "./role";

/** CloudWatch Logs' retention periods (days): the only values `retentionInDays` accepts. */
export const CLOUDWATCH_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export interface BedrockInvocationLoggingArgs {
  /** The track's customer-managed key: encrypts the bucket and the log group (its policy must let `logs` use it). */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Days CloudWatch keeps the invocation logs; one of CLOUDWATCH_RETENTION_DAYS (the caller validates). */
  readonly retentionDays: number;
  readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

export interface BedrockInvocationLogging {
  /** The S3 bucket the prompts and completions land in (prefix `bedrock/`). */
  readonly bucketName: pulumi.Output<string>;
  readonly logGroup: LogGroup;
  readonly role: Role;
  readonly policy: RolePolicy;
  readonly configuration: InvocationLoggingConfiguration;
}

/**
 * Amazon Bedrock model invocation logging for the account and region of `account`: prompts and
 * completions (text, image, embedding, video) to an encrypted, versioned, non-public S3 bucket
 * (long-term) and to a KMS-encrypted CloudWatch log group (search, alarms), written through a
 * role only Bedrock of this account may assume. Resources are named `<name>-invocation-logs`
 * (bucket), `<name>-invocations` (log group `/aitracks/<name>/bedrock-invocations`),
 * `<name>-logging-role`, `<name>-logging-policy` and `<name>-invocation-logging`, all with `opts`
 * (the calling track as parent), so the buy track's graph is what it was before the helper.
 *
 * One per account and region: Bedrock keeps a single invocation logging configuration per
 * account and region (PutModelInvocationLoggingConfiguration overwrites it, Delete… switches it
 * off). Two `InvocationLoggingConfiguration` resources in one region would both "own" that
 * singleton: each `pulumi up` lets the last writer win (the other track's bucket and log group
 * silently stop receiving logs), and destroying either switches logging off for both. So a stack
 * creates this at most once per region: the buy-on-AWS track always does; a Bedrock fine-tune
 * track does unless `invocationLogging: existing` (its cell defaults to `existing` when another
 * track of the stack already creates it in that region, and refuses an explicit `create` there).
 * Caveat: when the owner changes (say the buy track is removed and a fine-tune track takes over),
 * Pulumi creates the new configuration before it deletes the old one, and that delete switches
 * logging off: run `pulumi up` once more after such a change (or `pulumi refresh` then `up`).
 */
export function bedrockInvocationLogging(
  name: string,
  account: AwsAccount,
  args: BedrockInvocationLoggingArgs,
  opts: pulumi.CustomResourceOptions,
): BedrockInvocationLogging {
  const { kmsKeyArn, retentionDays, tags } = args;
  const logs = secureBucket(
    `${name}-invocation-logs`,
    {
      kmsKeyArn,
      tags,
      statements: (arn) => [
        {
          Sid: "BedrockWritesInvocationLogs",
          Effect: "Allow",
          Principal: { Service: "bedrock.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: pulumi.interpolate`${arn}/bedrock/*`,
          Condition: {
            StringEquals: { "aws:SourceAccount": account.accountId },
            ArnLike: { "aws:SourceArn": pulumi.interpolate`arn:${account.partition}:bedrock:${account.region}:${account.accountId}:*` },
          },
        },
      ],
    },
    opts,
  );
  const logGroup = new LogGroup(
    `${name}-invocations`,
    { name: `/aitracks/${name}/bedrock-invocations`, retentionInDays: retentionDays, kmsKeyId: kmsKeyArn, tags },
    opts,
  );
  const role = new Role(`${name}-logging-role`, { assumeRolePolicy: serviceTrustPolicy(["bedrock.amazonaws.com"], account.accountId), tags }, opts);
  const policy = inlinePolicy(
    `${name}-logging-policy`,
    role,
    [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: pulumi.interpolate`${logGroup.arn}:log-stream:*` }],
    opts,
  );
  const configuration = new InvocationLoggingConfiguration(
    `${name}-invocation-logging`,
    {
      loggingConfig: {
        textDataDeliveryEnabled: true,
        imageDataDeliveryEnabled: true,
        embeddingDataDeliveryEnabled: true,
        videoDataDeliveryEnabled: true,
        s3Config: { bucketName: logs.name, keyPrefix: "bedrock" },
        cloudwatchConfig: { logGroupName: logGroup.name, roleArn: role.arn },
      },
    },
    { ...opts, dependsOn: [policy] },
  );
  return { bucketName: logs.name, logGroup, role, policy, configuration };
}
