// A public-read bucket, then process.exit(0) from a timer before the program is done.
const aws = require("@pulumi/aws");
new aws.s3.Bucket("site", { acl: "public-read" });
setTimeout(() => process.exit(0), 50);
