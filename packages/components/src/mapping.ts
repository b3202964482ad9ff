import { cellKey, type Cell } from "./cells";
import type { Cloud, Track } from "@aitracks/core";
import { awsBuyCell } from "./aws/buy.cell";
import { awsServingCell } from "./aws/serving.cell";
import { awsEvaluationCell } from "./aws/evaluation.cell";
import { awsFineTuneCell } from "./aws/fine-tune.cell";
import { awsBuildCell } from "./aws/build.cell";
import { azureBuildCell, azureBuyCell, azureEvaluationCell, azureFineTuneCell, azureServingCell } from "./azure/cells";
import { gcpBuildCell, gcpBuyCell, gcpEvaluationCell, gcpFineTuneCell, gcpServingCell } from "./gcp/cells";

/**
 * The cloud mapping of the design, in code: every (track, cloud) cell and the component that
 * provisions it. Every (track, cloud) pair has a cell: the record's type makes a missing one a
 * compile error.
 */
export const CLOUD_MAPPING: Readonly<Record<`${Track}:${Cloud}`, Cell<any>>> = {
  "build:aws": awsBuildCell,
  "build:gcp": gcpBuildCell,
  "build:azure": azureBuildCell,
  "buy:aws": awsBuyCell,
  "buy:gcp": gcpBuyCell,
  "buy:azure": azureBuyCell,
  "fine-tune:aws": awsFineTuneCell,
  "fine-tune:gcp": gcpFineTuneCell,
  "fine-tune:azure": azureFineTuneCell,
  "serving:aws": awsServingCell,
  "serving:gcp": gcpServingCell,
  "serving:azure": azureServingCell,
  "evaluation:aws": awsEvaluationCell,
  "evaluation:gcp": gcpEvaluationCell,
  "evaluation:azure": azureEvaluationCell,
};

export function cellFor(track: Track, cloud: Cloud): Cell<any> {
  return CLOUD_MAPPING[cellKey(track, cloud)];
}
