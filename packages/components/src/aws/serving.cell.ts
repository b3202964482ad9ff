import { cellArgs, stackContext, type Cell } from "../cells";
import { AwsServingTrack, awsServingTrackArgs, type AwsServingTrackArgs } from "./serving";

/** Serving on AWS: SageMaker endpoints. */
export const awsServingCell: Cell<AwsServingTrackArgs> = {
  track: "serving",
  cloud: "aws",
  service: "SageMaker endpoints",
  // A parent track's key and extra read grants are Outputs a program passes, not stack settings.
  args: (entry, ctx) => cellArgs(awsServingTrackArgs, entry, stackContext(entry, ctx, { budget: true, programOnly: ["kmsKeyArn", "modelReadAccess"] })),
  create: (name, args, opts) => new AwsServingTrack(name, args, opts),
};
