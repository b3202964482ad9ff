// @ts-nocheck
const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");

const client = new DynamoDBClient({});

exports.handler = async (event) => {
    for (const record of event.Records ?? []) {
        await client.send(new PutItemCommand({
            TableName: process.env.TABLE_NAME,
            Item: { key: { S: record.s3.object.key }, size: { N: String(record.s3.object.size) } },
        }));
    }
    return { statusCode: 200 };
};
