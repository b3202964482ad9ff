/** The GCP cells of the cloud mapping. */
export { gcpBuildCell } from "./build.cell";
export { gcpBuyCell } from "./buy.cell";
export { gcpEvaluationCell } from "./evaluation.cell";
export { gcpFineTuneCell } from "./fine-tune.cell";
export { gcpServingCell } from "./serving.cell";
