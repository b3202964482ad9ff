import { cellArgs, stackContext, type Cell } from "../cells";
import { AzureEvaluationTrack, azureEvaluationTrackArgs, type AzureEvaluationTrackArgs } from "./evaluation";

/** Evaluation on Azure: Azure ML evaluation jobs. */
export const azureEvaluationCell: Cell<AzureEvaluationTrackArgs> = {
  track: "evaluation",
  cloud: "azure",
  service: "Azure ML evaluation",
  args: (entry, ctx) => cellArgs(azureEvaluationTrackArgs, entry, stackContext(entry, ctx, { budget: true })),
  create: (name, args, opts) => new AzureEvaluationTrack(name, args, opts),
};
