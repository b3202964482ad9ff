import { cellArgs, stackContext, type Cell } from "../cells";
import { AwsEvaluationTrack, awsEvaluationTrackArgs, type AwsEvaluationTrackArgs } from "./evaluation";

/** Evaluation on AWS: Bedrock model evaluation and SageMaker Model Monitor (Clarify). */
export const awsEvaluationCell: Cell<AwsEvaluationTrackArgs> = {
  track: "evaluation",
  cloud: "aws",
  service: "SageMaker Clarify / Bedrock evaluation",
  // A parent track's key and results bucket are Outputs a program passes, not stack settings.
  args: (entry, ctx) => cellArgs(awsEvaluationTrackArgs, entry, stackContext(entry, ctx, { programOnly: ["kmsKeyArn", "resultsBucket"] })),
  create: (name, args, opts) => new AwsEvaluationTrack(name, args, opts),
};
