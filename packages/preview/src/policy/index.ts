/**
 * The policy pack, offline: evaluate the pack's policies against a resource graph in-process
 * (fast) or over the real analyzer protocol (the pack process the Pulumi CLI would start), with
 * the same verdicts.
 */
export * from "./types";
export * from "./config";
export { evaluateInProcess, type EvaluateOptions } from "./inprocess";
export { AnalyzerSession, evaluateOverAnalyzer, type AnalyzerSessionOptions, type EngineLog } from "./analyzer";
export { loadPack, packDir, type LoadedPack } from "./pack";
