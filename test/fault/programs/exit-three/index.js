const aws = require("@pulumi/aws");
new aws.s3.Bucket("data");
process.exit(3);
