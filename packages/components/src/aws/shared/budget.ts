import type * as pulumi from "@pulumi/pulumi";
import type { Topic } from "@pulumi/aws/sns";
import type { AwsAccount } from "./account";
import { alertTopic, monthlyBudget } from "./alerts";

/** The budget settings with their defaults applied; `L` is `number` where the track requires a budget. */
export interface ResolvedBudget<L extends number | undefined = number | undefined> {
  readonly monthlyBudgetUsd: L;
  readonly budgetAlertThresholds: number[];
  readonly alertEmails: string[];
}

export interface TrackBudgetArgs<L extends number | undefined> {
  /** The track's resolved budget settings (its `cfg`). */
  readonly budget: ResolvedBudget<L>;
  /** Cost filter on the AWS services, e.g. "Amazon SageMaker". */
  readonly services: readonly string[];
  /** The track's key, for the SNS topic. */
  readonly kmsKeyArn: pulumi.Input<string>;
  readonly tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * The track's cost alerting: an encrypted SNS topic `<name>-alerts` and the AWS Budget `<name>-budget`
 * publishing to it (and to the alert emails). Nothing is created without a budget; returns the topic.
 */
export function trackBudget(name: string, account: AwsAccount, args: TrackBudgetArgs<number>, opts: pulumi.CustomResourceOptions): Topic;
export function trackBudget(name: string, account: AwsAccount, args: TrackBudgetArgs<number | undefined>, opts: pulumi.CustomResourceOptions): Topic | undefined;
export function trackBudget(name: string, account: AwsAccount, args: TrackBudgetArgs<number | undefined>, opts: pulumi.CustomResourceOptions): Topic | undefined {
  const b = args.budget;
  if (b.monthlyBudgetUsd === undefined) return undefined;
  const topic = alertTopic(`${name}-alerts`, account, { kmsKeyArn: args.kmsKeyArn, tags: args.tags }, opts);
  monthlyBudget(
    `${name}-budget`,
    { limitUsd: b.monthlyBudgetUsd, thresholds: b.budgetAlertThresholds, emails: b.alertEmails, topicArn: topic.arn, services: args.services, tags: args.tags },
    opts,
  );
  return topic;
}
