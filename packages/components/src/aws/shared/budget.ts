import type * as pulumi from "@pulumi/pulumi";
import type { Topic } from "@pulumi/aws/sns";
import { fieldError } from "../../common/errors";
import type { AwsAccount } from "./account";
import { alertTopic, monthlyBudget } from "./alerts";

/** The budget settings of an AWS track: an AWS Budget on the track's service, alerting by SNS (and email). */
export interface AwsBudgetArgs {
  /** Monthly spend on the track's service that the AWS Budget alerts against (USD). @default no budget */
  readonly monthlyBudgetUsd?: number;
  /** Percentages of the budget that alert. @default [50, 80, 100] */
  readonly budgetAlertThresholds?: readonly number[];
  /** Who gets the budget emails. @default [] (the SNS topic only) */
  readonly alertEmails?: readonly string[];
}

/** The budget settings with their defaults applied; `L` is `number` where the track requires a budget. */
export interface ResolvedBudget<L extends number | undefined = number | undefined> {
  readonly monthlyBudgetUsd: L;
  readonly budgetAlertThresholds: number[];
  readonly alertEmails: string[];
}

/**
 * Check the budget (above 0 USD when given, or always where the track requires one) and apply the
 * defaults; throws naming the field.
 */
export function resolveBudget<A extends AwsBudgetArgs>(args: A, required = false): ResolvedBudget<A["monthlyBudgetUsd"]> {
  const limit = args.monthlyBudgetUsd;
  if ((required || limit !== undefined) && !((limit as number) > 0)) fieldError("monthlyBudgetUsd", `expected a monthly budget above 0 USD, got ${limit}`);
  return {
    monthlyBudgetUsd: limit,
    budgetAlertThresholds: [...(args.budgetAlertThresholds ?? [50, 80, 100])],
    alertEmails: [...(args.alertEmails ?? [])],
  };
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
