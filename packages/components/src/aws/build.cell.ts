import { cellArgs, stackContext, type Cell } from "../cells";
import { AwsBuildTrack, awsBuildTrackArgs, type AwsBuildTrackArgs } from "./build";

/** Build on AWS: SageMaker training on Trainium. */
export const awsBuildCell: Cell<AwsBuildTrackArgs> = {
  track: "build",
  cloud: "aws",
  service: "SageMaker + Trainium",
  args: (entry, ctx) => cellArgs(awsBuildTrackArgs, entry, stackContext(entry, ctx, { budget: true })),
  create: (name, args, opts) => new AwsBuildTrack(name, args, opts),
};
