/**
 * `@aitracks/core/decision`: the part of core that `decide`, `tco`, `review` and `explore` use
 * (the schemas of the decision and workload files, the one reader and writer, the decision, the
 * TCO and token prices), without the per-resource cost model, the stack config, tags or the
 * price refresh. The CLI loads this for those commands so they start without the rest of core
 * (`node bench/run.mjs goals`, row `decide`). Each name keeps its one home; this file only
 * re-exports, as index.ts does.
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
export * from "./decision";
export * from "./tco";
export * from "./pricing/tokens";
export * from "./pricing/status";
