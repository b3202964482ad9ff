/** Pulumi dynamic resources for the Vertex AI jobs `@pulumi/gcp` has no resource for. */
export * from "./vertex";
export * from "./tuning-job";
export * from "./evaluation-run";
export * from "./deployed-model";
export * from "./publisher-model-logging";
