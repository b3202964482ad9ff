/** Pieces every AWS track shares: no track re-implements a key, a bucket, a role or an alert. */
export * from "./account";
export * from "./alerts";
export * from "./args";
export * from "./bucket";
export * from "./budget";
export * from "./kms";
export * from "./policy";
export * from "./instances";
export * from "./network";
export * from "./role";
export * from "./s3uri";
export * from "./nested";
export * from "./tags";
export * from "./native-provider";
export * from "./invocation-logging";
