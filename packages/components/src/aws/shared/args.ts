import { z } from "zod";
import { alertEmailsArg, alertThresholdsArg, input, issue, wholeArg } from "../../common/args";
import { S3_URI } from "./s3uri";
import type { BucketGrant } from "./role";

/** Zod pieces the AWS track schemas share: S3 URIs, the network block, the budget, the run label. */

/** An `s3://bucket/key` setting, checked when it is a plain value (an Output is checked by the cloud). */
export const s3UriArg = input(
  z.string({ error: "expected an S3 URI such as s3://my-bucket/data/train.jsonl" }).regex(S3_URI, { error: "expected an S3 URI such as s3://my-bucket/data/train.jsonl" }),
);

/** Any string a program may pass as an Output (an ARN, an image URI from another resource). */
export const stringInput = (error: string) => input(z.string({ error }));

/** Settings of a container: numbers and booleans in a stack's YAML become strings. */
export const environmentArg = z.record(
  z.string(),
  input(z.union([z.string(), z.number(), z.boolean()], { error: "expected a string, a number or true/false" }).transform(String)),
  { error: "expected a map of names to values" },
);

/** String settings (hyperparameters): numbers and booleans in a stack's YAML become strings. */
export const stringMapArg = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()], { error: "expected a string, a number or true/false" }).transform(String), {
  error: "expected a map of names to values",
});

/** Buckets (and prefixes) a role may read besides the ones the track derives (program-only: ARNs are Outputs). */
export const bucketGrantsArg = z.array(z.custom<BucketGrant>((v) => typeof v === "object" && v !== null && "bucketArn" in v, { error: "expected {bucketArn, prefix?}" }));

/** A SageMaker instance type (checked against the price catalog by the track, in its region). */
export const instanceTypeArg = z.string({ error: "expected a SageMaker instance type from the price catalog, such as ml.g5.2xlarge" });

/** Hours a job may run: more than 0 and at most SageMaker's 28 days. */
export const runtimeHoursArg = z
  .number({ error: "expected a number of hours" })
  .gt(0, { error: "expected more than 0 and at most 672 hours (28 days)" })
  .lte(672, { error: "expected more than 0 and at most 672 hours (28 days)" });

/** The run label a track puts in its job names (jobs are immutable: a new label runs again). @default "run-1" */
export const runNameArg = z
  .string({ error: "expected a run label such as run-1" })
  .regex(/^[a-z0-9][a-z0-9-]{0,15}$/, { error: "expected up to 16 lower-case letters, digits and dashes" })
  .default("run-1");

/** The budget settings of an AWS track: an AWS Budget on the track's service, alerting by SNS (and email). */
export const awsBudgetArgs = {
  /** Monthly spend on the track's service that the AWS Budget alerts against (USD). @default no budget */
  monthlyBudgetUsd: z.number({ error: "expected a monthly budget in USD" }).gt(0, { error: "expected a monthly budget above 0 USD" }).optional(),
  /** Percentages of the budget that alert. @default [50, 80, 100] */
  budgetAlertThresholds: alertThresholdsArg,
  /** Who gets the budget emails. @default [] (the SNS topic only) */
  alertEmails: alertEmailsArg,
};

export const DEFAULT_INTERFACE_ENDPOINTS = ["sagemaker.api", "sagemaker.runtime", "ecr.api", "ecr.dkr", "logs", "sts"] as const;

const idList = (what: string, pattern: RegExp, example: string, max: number, leaveOut: string) =>
  input(
    z
      .array(input(z.string({ error: `expected a ${what} id` }).regex(pattern, { error: `expected a ${what} id such as ${example}` })), { error: `expected a list of ${what} ids` })
      .min(1, { error: `expected at least one ${what} id (or leave it out ${leaveOut})` })
      .max(max, { error: `expected at most ${max} (SageMaker's limit)` }),
  );

/**
 * Where a track's SageMaker jobs and endpoints run. Left out entirely, the track creates a private
 * VPC: subnets without an internet gateway or NAT, an S3 gateway endpoint and interface endpoints
 * for the services the jobs call, and a security group that lets the track's instances talk only
 * to each other (multi-node training) and to those endpoints over HTTPS.
 */
export const awsNetworkArgs = z
  .strictObject(
    {
      /** An existing VPC to run in instead of creating one. @default a new private VPC */
      vpcId: input(z.string({ error: "expected a VPC id such as vpc-0a1b2c3d4e5f67890" }).regex(/^vpc-[0-9a-f]{8,17}$/, { error: "expected a VPC id such as vpc-0a1b2c3d4e5f67890" })).optional(),
      /** Subnets of that VPC. @default its subnets that do not map public IPs */
      subnetIds: idList("subnet", /^subnet-[0-9a-f]{8,17}$/, "subnet-0a1b2c3d", 16, "to use the VPC's private subnets").optional(),
      /** Security groups for the track's instances. @default one created for the track */
      securityGroupIds: idList("security group", /^sg-[0-9a-f]{8,17}$/, "sg-0a1b2c3d", 5, "for one made for the track").optional(),
      /** CIDR block of the VPC the track creates: a /16. @default "10.42.0.0/16" */
      cidrBlock: z
        .string({ error: "expected a private /16 such as 10.42.0.0/16" })
        .regex(/^(10|172|192)\.\d{1,3}\.0\.0\/16$/, { error: "expected a private /16 such as 10.42.0.0/16" })
        .default("10.42.0.0/16"),
      /** Availability zones (one private subnet each) of the VPC the track creates. @default 2 */
      availabilityZones: wholeArg(1, 6, "availability zones").default(2),
      /** Interface endpoints of the VPC the track creates (service suffixes). @default ["sagemaker.api", "sagemaker.runtime", "ecr.api", "ecr.dkr", "logs", "sts"] */
      interfaceEndpoints: z
        .array(z.string({ error: "expected a service suffix such as ecr.api" }).regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, { error: "expected a service suffix such as ecr.api" }), {
          error: "expected a list of service suffixes such as ecr.api",
        })
        .default([...DEFAULT_INTERFACE_ENDPOINTS]),
    },
    { error: "expected {vpcId?, subnetIds?, securityGroupIds?, cidrBlock?, availabilityZones?, interfaceEndpoints?}" },
  )
  .superRefine((n, ctx) => {
    if (n.vpcId === undefined && (n.subnetIds !== undefined || n.securityGroupIds !== undefined)) issue(ctx, ["vpcId"], "expected the VPC of the given subnets and security groups");
  });
export type AwsNetworkArgs = z.input<typeof awsNetworkArgs>;
export type ResolvedNetwork = z.output<typeof awsNetworkArgs>;

/** The network of a track that has one: the given block, or the defaults of a new private VPC. */
export const defaultNetwork = (): ResolvedNetwork => awsNetworkArgs.parse({});
