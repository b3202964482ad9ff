/**
 * @aitracks/preview — the offline engine: runs any Pulumi program under mocks and returns its
 * resource graph, which cost estimation and the policy pack read.
 */
export * from "./graph";
export * from "./mocks";
export * from "./project";
export * from "./run";
export { planProgram, type LoadPlan, type TypeScriptPlan } from "./loader";
export * from "./policy";
