/**
 * `@aitracks/core/decide`: what `aitracks decide` needs to score a decision file and write its
 * record — the decision schema, the one reader and writer, the matrix, gates and ADR — without
 * the workload schema, the TCO model, token prices or the price catalog, which only
 * `decide --workload` (through `@aitracks/core/decision`) reads. Each name keeps its one home;
 * this file only re-exports.
 */
export * from "./errors";
export * from "./schema/decision";
export * from "./io/load";
export * from "./text";
export * from "./io/write";
export { DECISION_OPTIONS } from "./decision/options";
export { decide } from "./decision/decide";
export { checklistStatus } from "./decision/checklist";
export { renderAdr } from "./decision/adr";
