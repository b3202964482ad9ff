// @ts-nocheck
"use strict";
const pulumi = require("@pulumi/pulumi");
const aws = require("@pulumi/aws");
const fs = require("fs");
const path = require("path");

// Create a bucket and expose a website index document
const siteBucket = new aws.s3.Bucket("s3-website-bucket");

const website = new aws.s3.BucketWebsiteConfiguration("s3-website", {
    bucket: siteBucket.id,
    indexDocument: { suffix: "index.html" },
});

const ownershipControls = new aws.s3.BucketOwnershipControls("ownership-controls", {
    bucket: siteBucket.id,
    rule: { objectOwnership: "ObjectWriter" },
});

const publicAccessBlock = new aws.s3.BucketPublicAccessBlock("public-access-block", {
    bucket: siteBucket.id,
    blockPublicAcls: false,
    blockPublicPolicy: false,
});

const contentTypes = { ".html": "text/html", ".css": "text/css", ".png": "image/png" };

// For each file in the directory, create an S3 object stored in `siteBucket`
const siteDir = "www"; // relative to the program folder, where `pulumi up` runs
for (const item of fs.readdirSync(siteDir)) {
    const filePath = path.join(siteDir, item);
    new aws.s3.BucketObject(item, {
        bucket: siteBucket.id,
        source: new pulumi.asset.FileAsset(filePath),
        contentType: contentTypes[path.extname(item)],
    }, { dependsOn: [ownershipControls, publicAccessBlock] });
}

// Set the access policy for the bucket so all objects are readable
new aws.s3.BucketPolicy("bucketPolicy", {
    bucket: siteBucket.id,
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{
            Effect: "Allow",
            Principal: "*",
            Action: ["s3:GetObject"],
            Resource: [pulumi.interpolate`${siteBucket.arn}/*`],
        }],
    }),
}, { dependsOn: [ownershipControls, publicAccessBlock] });

exports.bucketName = siteBucket.bucket;
exports.websiteUrl = website.websiteEndpoint;
