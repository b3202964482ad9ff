/**
 * @aitracks/core — the domain, with no Pulumi: input schemas, the decision matrix, the TCO model,
 * the compute price catalog and token prices. Pure functions; the CLI, components, policies and
 * preview engine all read from here.
 */
export * from "./errors";
export * from "./schema/common";
export * from "./schema/decision";
export * from "./schema/workload";
export * from "./schema/catalog";
export * from "./pricing/catalog";
export * from "./io/load";
export * from "./text";
export * from "./io/write";
export * from "./schema/stack";
export * from "./tags";
export * from "./identity";
export * from "./decision";
export * from "./tco";
export * from "./pricing/tokens";
export * from "./pricing/refresh";
export * from "./pricing/status";
export * from "./cost";
export * from "./stack-kind";
export * from "./resource-kind";
export * from "./regions";
export * from "./stack-config";
