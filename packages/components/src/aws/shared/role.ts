import * as pulumi from "@pulumi/pulumi";
import { Role, RolePolicy } from "@pulumi/aws/iam";
import type { AwsAccount } from "./account";
import { policyDocument, serviceTrustPolicy, type Statement } from "./policy";

/** Access to one bucket, optionally only under a key prefix. */
export interface BucketGrant {
  readonly bucketArn: pulumi.Input<string>;
  /** Key prefix ("" = the whole bucket). @default "" */
  readonly prefix?: pulumi.Input<string>;
}

export interface ServiceRoleArgs {
  /** The service that assumes the role. @default "sagemaker.amazonaws.com" */
  readonly service?: string;
  readonly description: string;
  /** Buckets (or prefixes) the service reads. */
  readonly read?: readonly BucketGrant[];
  /** Buckets (or prefixes) the service writes (and reads back, e.g. checkpoints). */
  readonly write?: readonly BucketGrant[];
  /** Keys the service encrypts and decrypts with. */
  readonly kmsKeyArns: readonly pulumi.Input<string>[];
  /** ECR repositories the service pulls images from. @default [] */
  readonly ecrRepositoryArns?: readonly pulumi.Input<string>[];
  /** The VPC the service's jobs attach network interfaces to. @default none */
  readonly vpcId?: pulumi.Input<string>;
  /** Write SageMaker logs and metrics. @default true for SageMaker, false otherwise */
  readonly sagemakerLogs?: boolean;
  /** Further statements (e.g. invoking chosen models). @default [] */
  readonly statements?: readonly Statement[];
  readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

export interface ServiceRole {
  readonly role: Role;
  readonly policy: RolePolicy;
  readonly arn: pulumi.Output<string>;
}

/** An inline policy of these statements on a role (a service role's own, or another role granted access to a track). */
export function inlinePolicy(name: string, role: Role, statements: readonly Statement[], opts: pulumi.CustomResourceOptions): RolePolicy {
  return new RolePolicy(name, { role: role.id, policy: policyDocument(statements) }, opts);
}

const objects = (g: BucketGrant) => pulumi.interpolate`${g.bucketArn}/${g.prefix ?? ""}*`;

/** S3 statements scoped to the named buckets and prefixes: list, read, and write where asked. */
export function bucketStatements(read: readonly BucketGrant[], write: readonly BucketGrant[]): Statement[] {
  const all = [...read, ...write];
  if (all.length === 0) return [];
  const statements: Statement[] = [
    { Sid: "ListTrackBuckets", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation"], Resource: unique(all.map((g) => g.bucketArn)) },
    { Sid: "ReadTrackData", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: all.map(objects) },
  ];
  if (write.length) {
    statements.push({ Sid: "WriteTrackData", Effect: "Allow", Action: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:DeleteObject"], Resource: write.map(objects) });
  }
  return statements;
}

/** KMS use of the track's keys; grants only for AWS resources (SageMaker and Bedrock attach volumes with them). */
export function keyStatements(keyArns: readonly pulumi.Input<string>[]): Statement[] {
  if (keyArns.length === 0) return [];
  return [
    { Sid: "UseTrackKey", Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], Resource: [...keyArns] },
    {
      Sid: "GrantTrackKeyToAwsResources",
      Effect: "Allow",
      Action: "kms:CreateGrant",
      Resource: [...keyArns],
      Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
    },
  ];
}

/**
 * The one way an AWS track gives a service (SageMaker, Bedrock) a role: trusted only from this
 * account, and allowed only the track's buckets, key, repository and VPC — no `*` resources except
 * where AWS has no resource-level permission (ECR auth token, EC2 Describe*, PutMetricData).
 */
export function serviceRole(name: string, account: AwsAccount, args: ServiceRoleArgs, opts: pulumi.CustomResourceOptions): ServiceRole {
  const service = args.service ?? "sagemaker.amazonaws.com";
  const sagemaker = args.sagemakerLogs ?? service === "sagemaker.amazonaws.com";
  const role = new Role(
    name,
    { description: args.description, assumeRolePolicy: serviceTrustPolicy([service], account.accountId), maxSessionDuration: 43200, tags: args.tags },
    opts,
  );
  const statements: Statement[] = [...bucketStatements(args.read ?? [], args.write ?? []), ...keyStatements(args.kmsKeyArns)];
  const repos = args.ecrRepositoryArns ?? [];
  if (repos.length) {
    statements.push(
      { Sid: "EcrLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
      { Sid: "PullTrackImages", Effect: "Allow", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"], Resource: [...repos] },
    );
  }
  if (args.vpcId !== undefined) {
    const vpcArn = pulumi.interpolate`arn:${account.partition}:ec2:${account.region}:${account.accountId}:vpc/${args.vpcId}`;
    statements.push(
      {
        Sid: "DescribeNetwork",
        Effect: "Allow",
        Action: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"],
        Resource: "*",
      },
      {
        Sid: "AttachToTrackVpc",
        Effect: "Allow",
        Action: ["ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission"],
        Resource: "*",
        Condition: { ArnEquals: { "ec2:Vpc": vpcArn } },
      },
    );
  }
  if (sagemaker) {
    statements.push(
      {
        Sid: "SageMakerLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        Resource: pulumi.interpolate`arn:${account.partition}:logs:${account.region}:${account.accountId}:log-group:/aws/sagemaker/*`,
      },
      {
        Sid: "SageMakerMetrics",
        Effect: "Allow",
        Action: "cloudwatch:PutMetricData",
        Resource: "*",
        Condition: { StringLike: { "cloudwatch:namespace": ["/aws/sagemaker/*", "aws/sagemaker/*"] } },
      },
    );
  }
  statements.push(...(args.statements ?? []));
  const policy = inlinePolicy(`${name}-policy`, role, statements, opts);
  return { role, policy, arn: role.arn };
}

function unique<T>(values: readonly T[]): T[] {
  const seen = new Set<unknown>();
  return values.filter((v) => (seen.has(v) ? false : (seen.add(v), true)));
}
