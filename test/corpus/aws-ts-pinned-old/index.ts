// @ts-nocheck
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const config = new pulumi.Config();
const retentionDays = config.requireNumber("retentionDays");

// Orders keyed by customer, newest first
const orders = new aws.dynamodb.Table("orders", {
    billingMode: "PAY_PER_REQUEST",
    hashKey: "customerId",
    rangeKey: "createdAt",
    attributes: [
        { name: "customerId", type: "S" },
        { name: "createdAt", type: "S" },
    ],
    pointInTimeRecovery: { enabled: true },
    streamEnabled: true,
    streamViewType: "NEW_AND_OLD_IMAGES",
});

// Events that failed processing wait here for a replay
const deadLetters = new aws.sqs.Queue("order-events-dlq", {
    messageRetentionSeconds: retentionDays * 24 * 3600,
});

const events = new aws.sqs.Queue("order-events", {
    visibilityTimeoutSeconds: 60,
    redrivePolicy: deadLetters.arn.apply(arn => JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: 5 })),
});

const logs = new aws.cloudwatch.LogGroup("order-api-logs", {
    retentionInDays: retentionDays,
});

export const tableName = orders.name;
export const queueUrl = events.url;
export const logGroup = logs.name;
