// Its promise never settles, and a live timer keeps the process running: only --timeout ends it.
const aws = require("@pulumi/aws");
new aws.s3.Bucket("data");
module.exports = new Promise(() => {
  setInterval(() => {}, 1000);
});
