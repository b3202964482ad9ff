import { cellArgs, stackContext, type Cell } from "../cells";
import { GcpEvaluationTrack, gcpEvaluationTrackArgs, type GcpEvaluationTrackArgs } from "./evaluation";

/** Evaluation on GCP: Vertex AI evaluation. */
export const gcpEvaluationCell: Cell<GcpEvaluationTrackArgs> = {
  track: "evaluation",
  cloud: "gcp",
  service: "Vertex AI evaluation",
  // apiEndpoint is a test override, not a stack setting.
  args: (entry, ctx) => cellArgs(gcpEvaluationTrackArgs, entry, { ...stackContext(entry, ctx), programOnly: ["apiEndpoint"] }),
  create: (name, args, opts) => new GcpEvaluationTrack(name, args, opts),
};
