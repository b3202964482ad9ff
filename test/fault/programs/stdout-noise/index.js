// Talks on stdout and stderr while it runs: none of it may reach `--json` stdout.
const aws = require("@pulumi/aws");
console.log("hello from the program on stdout");
process.stdout.write("{ not json\n");
console.error("and on stderr");
new aws.s3.Bucket("data");
