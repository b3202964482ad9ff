import type { CloudColumn } from "../mapping";
import { azureBuildCell } from "./build.cell";
import { azureBuyCell } from "./buy.cell";
import { azureEvaluationCell } from "./evaluation.cell";
import { azureFineTuneCell } from "./fine-tune.cell";
import { azureServingCell } from "./serving.cell";

export { azureBuildCell, azureBuyCell, azureEvaluationCell, azureFineTuneCell, azureServingCell };

/** The Azure column of the cloud mapping (mapping.ts loads it when a stack first uses Azure). */
export const azureCells: CloudColumn = {
  build: azureBuildCell,
  buy: azureBuyCell,
  "fine-tune": azureFineTuneCell,
  serving: azureServingCell,
  evaluation: azureEvaluationCell,
};
