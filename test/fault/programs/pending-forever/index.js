// Its promise never settles and nothing is left to run: Node would simply exit.
const aws = require("@pulumi/aws");
new aws.s3.Bucket("data");
module.exports = new Promise(() => {});
