import type { CloudColumn } from "../mapping";
import { awsBuildCell } from "./build.cell";
import { awsBuyCell } from "./buy.cell";
import { awsEvaluationCell } from "./evaluation.cell";
import { awsFineTuneCell } from "./fine-tune.cell";
import { awsServingCell } from "./serving.cell";

/** The AWS column of the cloud mapping (mapping.ts loads it when a stack first uses AWS). */
export const awsCells: CloudColumn = {
  build: awsBuildCell,
  buy: awsBuyCell,
  "fine-tune": awsFineTuneCell,
  serving: awsServingCell,
  evaluation: awsEvaluationCell,
};
