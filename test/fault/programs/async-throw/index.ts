import * as aws from "@pulumi/aws";

const bucket: aws.s3.Bucket = new aws.s3.Bucket("data");
setTimeout(() => {
  throw new Error(`boom: ${typeof bucket}`);
}, 20);
