import type { CloudColumn } from "../mapping";
import { gcpBuildCell } from "./build.cell";
import { gcpBuyCell } from "./buy.cell";
import { gcpEvaluationCell } from "./evaluation.cell";
import { gcpFineTuneCell } from "./fine-tune.cell";
import { gcpServingCell } from "./serving.cell";

export { gcpBuildCell, gcpBuyCell, gcpEvaluationCell, gcpFineTuneCell, gcpServingCell };

/** The GCP column of the cloud mapping (mapping.ts loads it when a stack first uses GCP). */
export const gcpCells: CloudColumn = {
  build: gcpBuildCell,
  buy: gcpBuyCell,
  "fine-tune": gcpFineTuneCell,
  serving: gcpServingCell,
  evaluation: gcpEvaluationCell,
};
