const aws = require("@pulumi/aws");
new aws.s3.Bucket("data");
