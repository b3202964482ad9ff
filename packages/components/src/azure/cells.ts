/** The Azure column of the cloud mapping. */
export { azureBuildCell } from "./build.cell";
export { azureBuyCell } from "./buy.cell";
export { azureEvaluationCell } from "./evaluation.cell";
export { azureFineTuneCell } from "./fine-tune.cell";
export { azureServingCell } from "./serving.cell";
