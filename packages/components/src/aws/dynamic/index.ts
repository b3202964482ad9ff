/** Dynamic resources for the AWS operations `@pulumi/aws` starts but does not wait for. */
export * from "./customization-job-wait";
