import * as pulumi from "@pulumi/pulumi";
import { Budget } from "@pulumi/aws/budgets";
import { Topic, TopicPolicy } from "@pulumi/aws/sns";
import type { AwsAccount } from "./account";
import { policyDocument } from "./policy";

export interface AlertsArgs {
  readonly kmsKeyArn: pulumi.Input<string>;
  readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** An encrypted SNS topic that AWS Budgets and CloudWatch alarms of this account may publish to. */
export function alertTopic(name: string, account: AwsAccount, args: AlertsArgs, opts: pulumi.CustomResourceOptions): Topic {
  const topic = new Topic(name, { kmsMasterKeyId: args.kmsKeyArn, tags: args.tags }, opts);
  new TopicPolicy(
    `${name}-policy`,
    {
      arn: topic.arn,
      policy: policyDocument([
        {
          Sid: "AlarmsAndBudgetsPublish",
          Effect: "Allow",
          Principal: { Service: ["budgets.amazonaws.com", "cloudwatch.amazonaws.com"] },
          Action: "SNS:Publish",
          Resource: topic.arn,
          Condition: { StringEquals: { "aws:SourceAccount": account.accountId } },
        },
      ]),
    },
    opts,
  );
  return topic;
}

export interface MonthlyBudgetArgs {
  readonly limitUsd: number;
  /** Percentages of the limit that alert (actual spend), plus a forecast alert at 100%. */
  readonly thresholds: readonly number[];
  readonly emails: readonly string[];
  readonly topicArn: pulumi.Input<string>;
  /** Cost filter on the AWS service, e.g. "Amazon Bedrock". */
  readonly services: readonly string[];
  /** Restrict to resources carrying this tag (key, value) as well. */
  readonly tag?: readonly [string, pulumi.Input<string>];
  readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

export function monthlyBudget(name: string, args: MonthlyBudgetArgs, opts: pulumi.CustomResourceOptions): Budget {
  const subscribers = {
    subscriberSnsTopicArns: [args.topicArn],
    ...(args.emails.length ? { subscriberEmailAddresses: [...args.emails] } : {}),
  };
  return new Budget(
    name,
    {
      budgetType: "COST",
      timeUnit: "MONTHLY",
      limitAmount: args.limitUsd.toFixed(2),
      limitUnit: "USD",
      costFilters: [
        { name: "Service", values: [...args.services] },
        ...(args.tag ? [{ name: "TagKeyValue", values: [pulumi.interpolate`user:${args.tag[0]}$${args.tag[1]}`] }] : []),
      ],
      notifications: [
        ...args.thresholds.map((threshold) => ({
          comparisonOperator: "GREATER_THAN",
          notificationType: "ACTUAL",
          threshold,
          thresholdType: "PERCENTAGE",
          ...subscribers,
        })),
        { comparisonOperator: "GREATER_THAN", notificationType: "FORECASTED", threshold: 100, thresholdType: "PERCENTAGE", ...subscribers },
      ],
      tags: args.tags,
    },
    opts,
  );
}
