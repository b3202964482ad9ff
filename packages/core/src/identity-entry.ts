/**
 * `@aitracks/core/identity`: which cloud and track a resource belongs to, and which resources are
 * cloud resources, without the schemas, zod or the cost model. The preview child imports it for
 * every program it runs; loading all of @aitracks/core there cost ~80 ms before the program's
 * first resource.
 */
export * from "./identity";
export * from "./resource-kind";
export type { Cloud, Track } from "./names";
