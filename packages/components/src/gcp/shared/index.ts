/** Pieces every GCP track shares: no track re-implements a key, a bucket, a service account or a network. */
export * from "./apis";
export * from "./audit";
export * from "./bucket";
export * from "./catalog";
export * from "./data";
export * from "./identity";
export * from "./kms";
export * from "./labels";
export * from "./network";
export * from "./project";
export * from "./request-logs";
export * from "./track";
