// Two resources with the same type and name: Pulumi refuses to deploy this.
const aws = require("@pulumi/aws");
new aws.s3.Bucket("data");
new aws.s3.Bucket("data");
